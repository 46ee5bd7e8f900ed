/* sentences-private.h: what the files of the sentences plugin share: the
 * token spans, the state of one document's split, the word sets, and the
 * functions each file offers the others.
 *
 *   sentences.c        the plugin: options, process (which split a text
 *                      takes), init
 *   sentences-split.c  the two ways through a text: the general scan for
 *                      the bytes where a sentence may end, and the walk of
 *                      the tokens that end in a stop; the token search
 *   sentences-rules.c  the decision at a token (sentences_decide) and the
 *                      rules it applies: stops, abbreviations, headlines,
 *                      layout breaks, closings and greetings, datelines
 *   sentences-words.c  the word lists and their hash sets
 *   sentences-scan.c   byte scans: the next byte of a set, a text's facts
 */
#ifndef SENTENCES_PRIVATE_H
#define SENTENCES_PRIVATE_H

#include <string.h>

#include "textpipe-plugin.h"

#include "sentences-scan.h"

/* Start and end of token @i in the token layer's span array
 * (tp_layer_get_spans). */
static inline gsize
sentences_start (const guint32 *tokens, guint i)
{
  return tokens[2 * i];
}

static inline gsize
sentences_end (const guint32 *tokens, guint i)
{
  return tokens[2 * i + 1];
}

/* How line breaks count (the paragraphs option). */
typedef enum {
  SENTENCES_PARA_BLANK,
  SENTENCES_PARA_LINE,
  SENTENCES_PARA_BLANK_ONLY
} SentencesParaMode;

/* A stage's options. */
typedef struct {
  SentencesParaMode mode;
} SentencesState;

/* The state of one document's split; sentences_process sets each field
 * itself (no zeroing of the whole): a new field needs its line there. */
typedef struct {
  const SentencesState *st;
  const char *t;
  gsize len;
  const guint32 *tokens;
  TpLayer *out;
  guint n;           /* tokens */
  guint first;       /* first token of the open sentence */
  guint line_first;  /* first token of the current line */
  gsize line_start;  /* its start */
  guint done;        /* tokens before this one are decided */
  gsize done_start;  /* start of token done (bytes before it are decided) */
  gsize first_start; /* start of the open sentence's first token */
  gsize closing;     /* the comma after "Thanks" that opens it, or 0 */
  guint cur;         /* search hint: a token starting at or before the scan */
  gsize cur_start;   /* its start */
  guint end_tok;     /* a token whose end the scan looked up, */
  gsize end_val;     /* and that end */
  gint64 paragraph;
  gboolean emitted; /* a sentence was appended already */
  guint facts;      /* SENTENCES_FACT_* of the text */
} SentencesRun;

/* Slots of a word set: at least twice the longest list (108 words). */
#define SENTENCES_SET_SLOTS 256

/* A word list as a small hash set, built once: lookups cost one hash of
 * the word and usually one comparison.  A slot holds the word's length
 * (high byte) and its index + 1 (low byte), or 0: the length is tested
 * in the slot, without a second table; and the sets are small (half a
 * kilobyte each), so that the twenty of them stay in the cache with the
 * documents. */
typedef struct {
  const char *const *words;
  guint16 slots[SENTENCES_SET_SLOTS];
} SentencesSet;

extern SentencesSet sentences_titles_set, sentences_finals_set,
    sentences_starters_set, sentences_closings_set, sentences_greetings_set,
    sentences_closing_firsts_set, sentences_message_set, sentences_heading_set,
    sentences_heading_preps_set, sentences_title_ends_set,
    sentences_file_exts_set, sentences_continuers_set,
    sentences_determiners_set, sentences_lower_openers_set,
    sentences_weekdays_set, sentences_months_set, sentences_header_set,
    sentences_agencies_set, sentences_salutation_set,
    sentences_dash_openers_set, sentences_contact_labels_set;

/* ASCII letters: 1 for lower case, 2 for upper case, 0 for other bytes. */
extern guint8 sentences_letters[256];

/* What the byte after a sentence's first word and a space may start, for
 * the rules of sentences_closing_after: a name or a heading (a capital),
 * an address before a dash ("Kay - I", and "and" in "Jo and Kay - Just"),
 * a telephone number or an extension (a digit, "x", "("). */
enum {
  SENTENCES_AFTER_CAPITAL = 1,
  SENTENCES_AFTER_DASH = 2,
  SENTENCES_AFTER_A = 4,
  SENTENCES_AFTER_NUMBER = 8
};
extern guint8 sentences_after_word[256];

/* For each first and last letter (folded to lower case), the lengths of
 * the closings and greetings that have them. */
extern guint16 sentences_opener_filter[26][26];

/* The first letters of the heading openers, a bit for each capital. */
extern guint32 sentences_heading_firsts;

/* FNV-1a over [s, s+n). */
static inline guint
sentences_hash (const char *s, gsize n)
{
  guint h = 2166136261u;
  for (gsize i = 0; i < n; i++)
    h = (h ^ (guchar)s[i]) * 16777619u;
  return h;
}

/* TRUE when [s, s+n) is in @set. */
static inline gboolean
sentences_set_has (const SentencesSet *set, const char *s, gsize n)
{
  guint h, v;

  if (n == 0 || n > 32)
    return FALSE;
  h = sentences_hash (s, n) & (SENTENCES_SET_SLOTS - 1);
  while ((v = set->slots[h]) != 0)
    {
      if ((v >> 8) == n && memcmp (set->words[(v & 0xFF) - 1], s, n) == 0)
        return TRUE;
      h = (h + 1) & (SENTENCES_SET_SLOTS - 1);
    }
  return FALSE;
}

/* Decodes the (valid UTF-8) character at @p. */
static inline gunichar
sentences_char (const char *p)
{
  if ((guchar)p[0] < 0x80)
    return (guchar)p[0];
  return g_utf8_get_char (p);
}

/* TRUE for the characters separator lines are made of. */
static inline gboolean
sentences_is_deco (char c)
{
  return c == '=' || c == '*' || c == '_' || c == '~' || c == '#' || c == '-';
}

/* TRUE for ASCII whitespace. */
static inline gboolean
sentences_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
         || c == '\v';
}

/* Text of token @i: start in *s, length in *n. */
static inline void
sentences_tok (const char *t, const guint32 *tokens, guint i, const char **s,
               gsize *n)
{
  gsize a = sentences_start (tokens, i);
  *s = t + a;
  *n = sentences_end (tokens, i) - a;
}

/* sentences-words.c */
void sentences_words_init (void);

/* sentences-rules.c */
void sentences_decide (SentencesRun *r, guint i, gboolean force);
gsize sentences_closing_at (const SentencesRun *r, gsize p);
void sentences_emit_open (SentencesRun *r, guint last, gsize end);
gboolean sentences_is_rule (const char *s, gsize n);
gboolean sentences_is_frame (const char *s, gsize n);
gboolean sentences_is_ampm (const char *s, gsize n);
gboolean sentences_continues_at (const char *t, gsize from, gsize sp);
gsize sentences_salutation_line (const SentencesRun *r, gsize p);
gboolean sentences_list_intro (const char *t, gsize from, gsize p);
gboolean sentences_url_intro (const char *t, gsize from, gsize p);
guint sentences_notes_header (const SentencesRun *r, guint k, gsize p);
gboolean sentences_is_credit (const char *t, const guint32 *tokens, guint n,
                              guint k);

/* sentences-split.c */
void sentences_split_init (void);
guint sentences_text_facts (const SentencesRun *r);
guint sentences_find (SentencesRun *r, gsize q);
void sentences_scan_all (SentencesRun *r, gsize end);
void sentences_walk_stops (SentencesRun *r, gsize end);
void sentences_closings_before (SentencesRun *r, gsize end);

#endif
