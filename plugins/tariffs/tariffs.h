/* tariffs.h: internal declarations of the `tariffs` plugin.
 *
 * The plugin is split in three parts:
 *   tariffs.c            descriptor, options, the per-document driver
 *   tariffs-gazetteer.c  countries and blocs: built-in table + TSV loader
 *   tariffs-lexicon.c    cue words (one bit set per word)
 *   tariffs-extract.c    word scanning and the event rules of one sentence
 */
#ifndef TARIFFS_H
#define TARIFFS_H

#include "textpipe-plugin.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------- */
/* Gazetteer                                                         */
/* ---------------------------------------------------------------- */

/* Longest alias, in words. */
#define TARIFFS_GAZ_MAX_WORDS 4

typedef struct _TariffsGazetteer TariffsGazetteer;

/* A gazetteer holding the built-in countries, blocs, metonyms. */
TariffsGazetteer *tariffs_gazetteer_new (void);
/* Adds the aliases of a TSV file: `alias<TAB>canonical` per line, `#`
 * comments; a canonical of `-` makes the alias a blocker (not a place). */
gboolean tariffs_gazetteer_load (TariffsGazetteer *gaz, const char *path,
                                 GError **error);
void tariffs_gazetteer_free (TariffsGazetteer *gaz);
/* The canonical name of a lower-case alias (words joined by one space):
 * NULL when unknown, "" for a blocker. */
const char *tariffs_gazetteer_lookup (const TariffsGazetteer *gaz,
                                      const char *alias);

/* ---------------------------------------------------------------- */
/* Lexicon                                                           */
/* ---------------------------------------------------------------- */

/* Word classes, as bits: a word may belong to several. */
/* action cue: impose */
#define TL_IMPOSE (G_GUINT64_CONSTANT (1) << 0)
/* action cue: raise */
#define TL_RAISE (G_GUINT64_CONSTANT (1) << 1)
/* action cue: lower */
#define TL_LOWER (G_GUINT64_CONSTANT (1) << 2)
/* action cue: remove */
#define TL_REMOVE (G_GUINT64_CONSTANT (1) << 3)
/* action cue: threaten */
#define TL_THREATEN (G_GUINT64_CONSTANT (1) << 4)
/* action cue: in force */
#define TL_EXIST (G_GUINT64_CONSTANT (1) << 5)
/* noun right after a trigger: "tariff cuts" */
#define TL_NOUNCUE (G_GUINT64_CONSTANT (1) << 6)
/* status: proposed (strong) */
#define TL_PROPOSED (G_GUINT64_CONSTANT (1) << 7)
/* status: announced */
#define TL_ANNOUNCED (G_GUINT64_CONSTANT (1) << 8)
/* retaliation wording */
#define TL_RETAL (G_GUINT64_CONSTANT (1) << 9)
/* auxiliaries and common finite verbs */
#define TL_VERB (G_GUINT64_CONSTANT (1) << 10)
/* state actor or act: "government", "decision" */
#define TL_ACTOR (G_GUINT64_CONSTANT (1) << 11)
/* "firms", "exporters", "makers" */
#define TL_PRODUCER (G_GUINT64_CONSTANT (1) << 12)
/* "exports", "imports", "goods", "products" */
#define TL_GOODS (G_GUINT64_CONSTANT (1) << 13)
/* "failure", "dumping", "refusal" */
#define TL_OFFENCE (G_GUINT64_CONSTANT (1) << 14)
/* "import", "customs", "anti-dumping" */
#define TL_TRADEMOD (G_GUINT64_CONSTANT (1) << 15)
/* "excise", "sales", "co-responsibility" */
#define TL_DOMESTIC (G_GUINT64_CONSTANT (1) << 16)
/* a sentence about trade */
#define TL_TRADE (G_GUINT64_CONSTANT (1) << 17)
/* price schedules: freight, utility, postal */
#define TL_SCHEDULE (G_GUINT64_CONSTANT (1) << 18)
/* sentencing tariffs */
#define TL_JUDICIAL (G_GUINT64_CONSTANT (1) << 19)
/* words that open a reported clause */
#define TL_CLAUSE (G_GUINT64_CONSTANT (1) << 20)
/* "urged", "asked": the subject is not the imposer */
#define TL_URGE (G_GUINT64_CONSTANT (1) << 21)
/* not, never, no */
#define TL_NEG (G_GUINT64_CONSTANT (1) << 22)
/* the, those, such, its: an anaphoric mention */
#define TL_DEFDET (G_GUINT64_CONSTANT (1) << 23)
/* determiners and quantifiers dropped from goods */
#define TL_DET (G_GUINT64_CONSTANT (1) << 24)
/* prepositions that end a goods phrase */
#define TL_PREP (G_GUINT64_CONSTANT (1) << 25)
/* days, months, "year": not goods */
#define TL_TIME (G_GUINT64_CONSTANT (1) << 26)
/* "benefit", "face": the subject is the target */
#define TL_TARGETSUBJ (G_GUINT64_CONSTANT (1) << 27)
/* status: proposed (weak: could, might) */
#define TL_WEAKPROP (G_GUINT64_CONSTANT (1) << 28)
/* words that end a goods list: which, unless */
#define TL_STOP (G_GUINT64_CONSTANT (1) << 29)
/* nouns that make "tariff X" a non-measure */
#define TL_NOUNAFTER (G_GUINT64_CONSTANT (1) << 30)
/* he, she, it, they, its, their */
#define TL_PRONOUN (G_GUINT64_CONSTANT (1) << 31)
/* an act owned by its actor: "decision", "threat" */
#define TL_ACTNOUN (G_GUINT64_CONSTANT (1) << 32)

typedef struct _TariffsLexicon TariffsLexicon;

TariffsLexicon *tariffs_lexicon_new (void);
void tariffs_lexicon_free (TariffsLexicon *lex);
/* The class bits of a lower-case word (0 when unknown). */
guint64 tariffs_lexicon_lookup (const TariffsLexicon *lex, const char *word);

/* ---------------------------------------------------------------- */
/* Extraction                                                        */
/* ---------------------------------------------------------------- */

#define TARIFFS_MAX_GOODS 8

typedef enum {
  TARIFFS_ACTION_IMPOSE,
  TARIFFS_ACTION_RAISE,
  TARIFFS_ACTION_LOWER,
  TARIFFS_ACTION_REMOVE,
  TARIFFS_ACTION_THREATEN,
  TARIFFS_ACTION_EXIST
} TariffsAction;

typedef enum {
  TARIFFS_STATUS_ACTUAL,
  TARIFFS_STATUS_ANNOUNCED,
  TARIFFS_STATUS_PROPOSED
} TariffsStatus;

/* Trigger families: anaphora ("the charge") looks for the same family. */
typedef enum {
  TARIFFS_FAM_TARIFF,
  TARIFFS_FAM_DUTY,
  TARIFFS_FAM_LEVY,
  TARIFFS_FAM_CHARGE, /* surcharge, charge */
  TARIFFS_FAM_FEE,
  TARIFFS_FAM_TAX
} TariffsFamily;

/* One detected event, in byte offsets. */
typedef struct {
  gsize start, end;           /* trigger */
  gsize sent_start, sent_end; /* sentence */
  TariffsFamily family;
  TariffsAction action;
  TariffsStatus status;
  gboolean retaliation;
  gboolean headline;   /* an all-caps headline whose status had no cue */
  gboolean all_caps;   /* found in an all-caps line */
  const char *imposer; /* canonical name (gazetteer storage) or NULL */
  const char *target;
  gboolean has_rate;
  double rate;
  gsize amount_start, amount_end; /* equal: no amount */
  guint n_goods;
  gsize goods_start[TARIFFS_MAX_GOODS], goods_end[TARIFFS_MAX_GOODS];
} TariffsEvent;

/* What the rules know about the whole document. */
typedef struct {
  const char *text;
  gsize length;
  const TariffsGazetteer *gaz;
  const TariffsLexicon *lex;
  GArray *events;         /* TariffsEvent, in text order */
  GArray *words;          /* scratch: TariffsWord of one sentence */
  GArray *mentions;       /* scratch: TariffsMention of one sentence */
  gboolean price_doc;     /* "tariff" used for price schedules here */
  gboolean domestic_doc;  /* levies/taxes here are domestic */
  gboolean scanned;       /* domestic-tax phrases looked for */
  gboolean dateline_done; /* the dateline looked for */
  const char *dateline;   /* its place, canonical, or NULL */
  GHashTable *doc_counts; /* canonical -> count, built on demand */
  guint last_of_family[TARIFFS_FAM_TAX + 1]; /* 1 + index of the last event
                                                of each family, 0: none */
} TariffsDoc;

/* Sets up the scratch arrays of @doc (text and length are set by the
 * caller); tariffs_doc_clear() frees them. */
void tariffs_doc_init (TariffsDoc *doc, const TariffsGazetteer *gaz,
                       const TariffsLexicon *lex);
void tariffs_doc_clear (TariffsDoc *doc);
/* One pass over @text: appends to @triggers (gsize, ascending) the byte
 * offset of every word that starts with a trigger stem (tariff, duty,
 * levy, surcharge, surtax, charge, fee, tax) and returns TRUE when a
 * trigger or trade stem (import, export, customs) occurs: most documents
 * stop here. */
gboolean tariffs_scan_text (const char *text, gsize len, GArray *triggers);
/* The stem kind of one word: 2 trigger, 3 weak trigger, 1 trade word,
 * 0 none. */
int tariffs_word_kind (const char *word, gsize len);

/* TRUE when two sentences are one, cut after an abbreviation that the
 * wire capitalises the next word after ("the U.S. Will remove ..."). */
gboolean tariffs_should_join (const TariffsDoc *doc, gsize prev_start,
                              gsize prev_end, gsize next_start, gsize next_end);
/* Finds the events of sentence [start, end) and appends them to
 * doc->events. */
void tariffs_extract_sentence (TariffsDoc *doc, gsize start, gsize end);
/* Document-level pass after every sentence: retaliation spreads to other
 * mentions of the same measure. */
void tariffs_extract_finish (TariffsDoc *doc);

G_END_DECLS

#endif /* TARIFFS_H */
