/* quotes-engine.h: the quote finder and attributor of the quotes plugin.
 *
 * The engine works on the raw UTF-8 text of one document (byte offsets)
 * and knows nothing of the document model, so the plugin, the tests and
 * development tools can drive it directly.  See quotes.c for the rules.
 */
#ifndef QUOTES_ENGINE_H
#define QUOTES_ENGINE_H

#include <glib.h>

G_BEGIN_DECLS

/* Which rule decided a quote's speaker; the order is the order the rules
 * are tried in.  Keep in sync with quotes_rule_names. */
typedef enum {
  QUOTES_RULE_NONE = 0,       /* no speaker found */
  QUOTES_RULE_AFTER,          /* "...," Carney said / "...," said Carney */
  QUOTES_RULE_BEFORE,         /* Carney said: "..." / He added, "..." */
  QUOTES_RULE_ACCORDING,      /* "...", according to Carney */
  QUOTES_RULE_SAME_PARAGRAPH, /* a later quote of an attributed paragraph */
  QUOTES_RULE_PREV_SENTENCE,  /* Carney said X. "..." (same paragraph) */
  QUOTES_RULE_CONTINUED,      /* a quote running over several paragraphs */
  QUOTES_RULE_PREVIOUS,       /* a quote alone: the previous speaker */
  QUOTES_RULE_HEADLINE,       /* a headline quote: the lead's source */
  QUOTES_RULE_SUBJECT,        /* X sees a "..." : its sentence's subject */
  QUOTES_N_RULES
} QuotesRule;

extern const char *const quotes_rule_names[QUOTES_N_RULES + 1];

/* A set of lower-case words (see quotes-engine-private.h). */
typedef struct QuotesWordSet QuotesWordSet;

/* What the engine was asked to do; built once per stage. */
typedef struct {
  QuotesWordSet *verbs;   /* lower-case reporting verb forms */
  QuotesWordSet *titles;  /* lower-case title words: minister, mr, ... */
  guint min_words;        /* unattributed quotes need at least this many */
  gboolean single_quotes; /* also look for ' and ‘ ’ as quote marks */
  gboolean blank_line_paragraphs; /* only blank lines end paragraphs */
  QuotesWordSet **sets;           /* internal word sets (QUOTES_N_SETS) */
} QuotesConfig;

/* One quote found; offsets are bytes into the text, -1 for none. */
typedef struct {
  gsize start, end;     /* the quoted text, without the marks */
  gssize mention_start; /* the speaker mention, or -1 */
  gssize mention_end;
  gssize cue_start; /* the reporting verb, or -1 */
  gssize cue_end;
  const char *speaker; /* resolved name (in the result's chunk) or NULL */
  QuotesRule rule;
  /* internal bookkeeping */
  guint para;           /* paragraph number */
  gsize open_mark;      /* offset of the opening mark */
  gsize close_mark_end; /* offset after the closing mark (or para end) */
  guint flags;
  gint speaker_kind; /* internal: QuotesSpeakerKind */
} QuotesQuote;

/* The quotes of one document. */
typedef struct {
  GArray *quotes;        /* QuotesQuote, in text order */
  GStringChunk *strings; /* speaker names */
  gpointer scratch;      /* the engine's buffers, kept between documents */
} QuotesResult;

/* Sets @config to the built-in lists and defaults. */
void quotes_config_init_defaults (QuotesConfig *config);
/* Frees what @config holds. */
void quotes_config_clear (QuotesConfig *config);
/* Replaces (@replace) or extends a word set with @words. */
void quotes_config_set_words (QuotesWordSet *set, const char *const *words,
                              gboolean replace);
/* Adds the words of the file at @path (one a line, # comments). */
gboolean quotes_config_load_words (QuotesWordSet *set, const char *path,
                                   GError **error);
/* A new, empty word set. */
QuotesWordSet *quotes_word_set_new (void);
/* Frees @set. */
void quotes_word_set_free (QuotesWordSet *set);

void quotes_result_init (QuotesResult *result);
void quotes_result_clear (QuotesResult *result);
/* Empties @result for the next document, keeping its memory. */
void quotes_result_reset (QuotesResult *result);

/* Finds and attributes every quote of @text (@len bytes, valid UTF-8). */
void quotes_engine_run (const QuotesConfig *config, const char *text, gsize len,
                        QuotesResult *result);

G_END_DECLS

#endif /* QUOTES_ENGINE_H */
