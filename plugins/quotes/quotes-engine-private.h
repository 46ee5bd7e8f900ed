/* quotes-engine-private.h: what the files of the quote engine share.
 *
 * Not installed and not part of the plugin's interface: the types of
 * one document's state, small inline word tests, and the functions one
 * pass of the engine calls in another (all prefixed quotes_).
 */
#ifndef QUOTES_ENGINE_PRIVATE_H
#define QUOTES_ENGINE_PRIVATE_H

#include "quotes-engine.h"
#include "quotes-lists.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

G_BEGIN_DECLS

/* How far (bytes) attribution windows reach around a quote. */
#define QUOTES_WINDOW 320
/* Most tokens one window holds. */
#define QUOTES_MAX_TOKENS 80
/* Longest word looked up in a word set. */
#define QUOTES_MAX_WORD 48

/* Character classes of a quote mark's neighbours. */
typedef enum {
  QUOTES_CC_EDGE, /* start or end of text, line break */
  QUOTES_CC_SPACE,
  QUOTES_CC_LETTER, /* letters and digits */
  QUOTES_CC_OPEN,   /* ( [ { */
  QUOTES_CC_CLOSE,  /* ) ] } */
  QUOTES_CC_PUNCT,  /* . , ; : ! ? and the ellipsis */
  QUOTES_CC_DASH,   /* - – — / */
  QUOTES_CC_QUOTE,  /* any quote mark */
  QUOTES_CC_OTHER
} QuotesCharClass;

/* Quote mark families; marks of one family pair with each other. */
enum { QUOTES_FAM_DOUBLE, QUOTES_FAM_GUILL, QUOTES_FAM_SINGLE, QUOTES_N_FAM };

/* Quote flags. */
enum {
  QUOTES_F_SINGLE = 1 << 0,     /* single marks */
  QUOTES_F_RUNS_ON = 1 << 1,    /* ends at its paragraph's end, open */
  QUOTES_F_REOPENED = 1 << 2,   /* continues the previous paragraph's quote */
  QUOTES_F_PARA_START = 1 << 3, /* first thing in its paragraph */
  QUOTES_F_SENT_START = 1 << 4, /* starts a sentence */
  QUOTES_F_DROP = 1 << 5,
  QUOTES_F_CUED = 1 << 6, /* a reporting verb just before, no speaker found */
  QUOTES_F_NEW_NAME = 1 << 7 /* ... and a new name opens its sentence */
};

/* Kinds of speakers, for pronoun resolution. */
typedef enum {
  QUOTES_SPK_NONE,
  QUOTES_SPK_PERSON, /* a name */
  QUOTES_SPK_NOMINAL /* "the company", "officials" */
} QuotesSpeakerKind;

/* One open mark waiting for its closing mark. */
typedef struct {
  gssize pos;    /* offset of the opening mark, -1 when none */
  guint8 len;    /* its length in bytes */
  gunichar mark; /* the opening character */
  gboolean reopened;
} QuotesPending;

/* One word or punctuation token of an attribution window. */
typedef struct {
  gsize s, e;
  char punct;   /* the punctuation character, 0 for a word */
  gboolean cap; /* a word that starts with a capital letter */
} QuotesTok;

/* A window of tokens. */
typedef struct {
  QuotesTok t[QUOTES_MAX_TOKENS];
  guint n;
} QuotesToks;

/* A name known in the document. */
typedef struct {
  const char *full; /* interned fullest form */
  guint nwords;
  gint gender;       /* 0 unknown, 1 male, 2 female */
  gboolean office;   /* named with an office: "Home Secretary X" */
  const char *title; /* the title phrase last given with it, lower case */
  gboolean opened;   /* seen alone after a sentence's first word ("But X") */
  guint count;       /* times the text names its surname (quotes_main_person) */
  guint solo; /* ... of them without the first name: "Blair", "Mr Blair" */
  guint8 word_first; /* 0 not known yet, 1 no, 2 yes: the first word is
                      * also a common word ("Can Yahoo", "Called X") */
} QuotesName;

/* One mention of a name, in text order, for pronoun fallback. */
typedef struct {
  gsize pos;
  QuotesName *name;
} QuotesMention;

/* One entry of a name table: a key (its bytes live in the text or the
 * result's strings) and its name; a slot whose @gen is not the table's
 * is empty. */
typedef struct {
  const char *key;
  guint32 len, hash;
  guint32 gen;
  QuotesName *name;
} QuotesNameSlot;

/* A map from byte strings to names for one document: open addressing,
 * at most half full.  Its slots are kept from one document to the next
 * and emptied all at once by a new generation number. */
typedef struct {
  QuotesNameSlot *slots;
  guint mask; /* slots - 1 */
  guint n;    /* entries of this generation */
  guint32 gen;
} QuotesNameTable;

/* Names are allocated in blocks of this many, kept between documents. */
#define QUOTES_NAME_BLOCK 64

/* What the engine keeps from one document to the next, so that a
 * document costs no allocation once the buffers have grown
 * (QuotesResult.scratch; one per result, so one per worker). */
typedef struct {
  QuotesNameTable surnames; /* surname (case kept) -> QuotesName */
  QuotesNameTable titles;   /* lower-case title phrase -> QuotesName */
  GArray *mentions;         /* QuotesMention */
  GArray *main_people;      /* see QuotesDoc */
  GPtrArray *name_blocks;   /* QuotesName[QUOTES_NAME_BLOCK] each */
  guint n_names;            /* names handed out for this document */
} QuotesScratch;

/* The per-document state of passes 2 and 3. */
typedef struct {
  const QuotesConfig *config;
  const char *text;
  gsize len;
  QuotesResult *result;
  QuotesScratch *scratch;    /* the result's buffers */
  QuotesNameTable *surnames; /* surname -> QuotesName */
  QuotesNameTable *titles;   /* title phrase -> QuotesName */
  GArray *mentions;          /* QuotesMention */
  gboolean names_built;
  GArray *main_people; /* per mention, the main he and she so far, lazily */
  gsize ante_lo;       /* antecedents are searched from here ... */
  gsize cur_open;      /* ... up to the current quote's opening mark */
  const QuotesQuote *cur_quote;   /* the quote being attributed */
  guint depth;                    /* antecedent searches in progress */
  const QuotesQuote *first_quote; /* the quotes being attributed */
  const QuotesToks *before;       /* the tokens of [before_from, cur_open), the
                                   * current quote's window before, or NULL */
  gsize before_from;
} QuotesDoc;

/* A speaker found by a rule. */
typedef struct {
  const char *name;
  QuotesSpeakerKind kind;
  gssize ms, me; /* mention */
  gssize cs, ce; /* cue */
  gint gender;
  gboolean titled; /* a one-word name given with a title: "Dr Rao" */
} QuotesSpeaker;

/* The most recent speakers, for pronouns and standalone quotes. */
typedef struct {
  const QuotesQuote *last; /* last attributed quote */
  const char *last_person; /* last named person */
  gint last_person_gender;
  const char *last_any;
  const char *last_male, *last_female;
} QuotesHistory;

/* A set of lower-case words of 1 to QUOTES_MAX_WORD - 1 bytes: open
 * addressing over a power-of-two table that is at most half full.  A
 * probe reads one 32-bit tag a slot (the hash's high bits and the word's
 * length, 0 for an empty slot), so a miss touches a few bytes of a small
 * array; the word itself is compared only when the tag matches.  For
 * each length, masks of the first and of the last bytes present (modulo
 * 64) stop most look-ups before hashing.  Built at init, read-only
 * after. */
struct QuotesWordSet {
  guint64 firsts[QUOTES_MAX_WORD]; /* [n]: bit c % 64 when some word of n
                                      bytes starts with c */
  guint64 lasts[QUOTES_MAX_WORD];  /* [n]: bit c % 64 when some word of n
                                      bytes ends with c */
  guint n;                         /* words */
  guint mask;                      /* slots - 1 */
  guint32 *tags;                   /* per slot: QUOTES_WORD_TAG, 0 when empty */
  char (*words)[QUOTES_MAX_WORD];  /* per slot */
};

/* FNV-1a: the hash of a word set entry, one byte at a time. */
#define QUOTES_HASH_INIT 2166136261u
#define QUOTES_HASH_STEP(h, c) (((h) ^ (guchar)(c)) * 16777619u)

/* The FNV-1a hash of the @n bytes @w (word sets, the names table). */
static inline guint32
quotes_hash_bytes (const char *w, gsize n)
{
  guint32 h = QUOTES_HASH_INIT;
  for (gsize i = 0; i < n; i++)
    h = QUOTES_HASH_STEP (h, w[i]);
  return h;
}
/* The tag of a word of @n bytes (1 to 255) with hash @h: never 0. */
#define QUOTES_WORD_TAG(h, n) (((h)&0xFFFFFF00u) | (guint32)(n))

/* Whether the @n lower-case bytes @w with hash @h are in @set. */
static inline gboolean
quotes_word_set_find (const QuotesWordSet *set, const char *w, gsize n,
                      guint32 h)
{
  guint32 tag = QUOTES_WORD_TAG (h, n);

  for (guint i = h & set->mask;; i = (i + 1) & set->mask)
    {
      if (set->tags[i] == 0)
        return FALSE;
      if (set->tags[i] == tag && memcmp (set->words[i], w, n) == 0)
        return TRUE;
    }
}

/* Looks up the text [s, e) in @set, lower-cased (ASCII capitals only),
 * without allocating or calling out: one pass folds and hashes. */
static inline gboolean
quotes_in_set (const QuotesWordSet *set, const char *text, gsize s, gsize e)
{
  char buf[QUOTES_MAX_WORD], c0, cl;
  gsize n = e - s;
  guint32 h = QUOTES_HASH_INIT;

  if (set == NULL || n == 0 || n >= sizeof buf)
    return FALSE;
  c0 = text[s];
  c0 = c0 >= 'A' && c0 <= 'Z' ? (char)(c0 | 0x20) : c0;
  if (!((set->firsts[n] >> ((guchar)c0 & 63)) & 1))
    return FALSE;
  cl = text[e - 1];
  cl = cl >= 'A' && cl <= 'Z' ? (char)(cl | 0x20) : cl;
  if (!((set->lasts[n] >> ((guchar)cl & 63)) & 1))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      char c = text[s + i];
      c = c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
      buf[i] = c;
      h = QUOTES_HASH_STEP (h, c);
    }
  return quotes_word_set_find (set, buf, n, h);
}

/* The end of the run at @e, at most @to, of ASCII letters and digits, and
 * when @name_bytes also of non-ASCII bytes and ' - . (the bytes of a name
 * in the names pass).  Sixteen bytes at a time where there is SSE2: most
 * words end within the first sixteen, so this saves a branch a letter. */
static inline gsize
quotes_skip_word_bytes (const char *text, gsize e, gsize to,
                        gboolean name_bytes)
{
#ifdef __SSE2__
  const __m128i bit = _mm_set1_epi8 (0x20), a = _mm_set1_epi8 ('a' - 1),
                z = _mm_set1_epi8 ('z' + 1), d0 = _mm_set1_epi8 ('0' - 1),
                d9 = _mm_set1_epi8 ('9' + 1);
  while (e + 16 <= to)
    {
      /* signed compares: bytes >= 0x80 are negative, no letter; v | 0x20
       * folds capitals and maps no other byte into a..z */
      __m128i v = _mm_loadu_si128 ((const __m128i *)(text + e));
      __m128i lower = _mm_or_si128 (v, bit);
      __m128i in = _mm_or_si128 (
          _mm_and_si128 (_mm_cmpgt_epi8 (lower, a), _mm_cmplt_epi8 (lower, z)),
          _mm_and_si128 (_mm_cmpgt_epi8 (v, d0), _mm_cmplt_epi8 (v, d9)));
      guint other;
      if (name_bytes)
        in = _mm_or_si128 (
            _mm_or_si128 (in, _mm_cmplt_epi8 (v, _mm_setzero_si128 ())),
            _mm_or_si128 (
                _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\'')),
                _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('-')),
                              _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('.')))));
      other = ~(guint)_mm_movemask_epi8 (in) & 0xFFFF;
      if (other != 0)
        return e + (gsize)__builtin_ctz (other);
      e += 16;
    }
#endif
  if (name_bytes)
    while (e < to
           && (g_ascii_isalnum (text[e]) || (guchar)text[e] >= 0x80
               || text[e] == '\'' || text[e] == '-' || text[e] == '.'))
      e++;
  else
    while (e < to && g_ascii_isalnum (text[e]))
      e++;
  return e;
}

/* Whether the word [s, e) equals @lit, ignoring ASCII case.  Letters
 * equal but for case differ in bit 0x20 only, so a first byte that
 * differs in any other bit rules @lit out before its length is taken
 * (most calls test a word against a list of literals). */
static inline gboolean
quotes_word_is (const char *text, gsize s, gsize e, const char *lit)
{
  gsize n;

  if (e <= s)
    return e == s && lit[0] == '\0';
  if (((text[s] ^ lit[0]) & ~0x20) != 0)
    return FALSE;
  n = strlen (lit);
  if (e - s != n)
    return FALSE;
  /* g_ascii_strncasecmp without the call: both sides are n bytes, no NUL */
  for (gsize i = 0; i < n; i++)
    {
      char a = text[s + i], b = lit[i];
      a = a >= 'A' && a <= 'Z' ? (char)(a | 0x20) : a;
      b = b >= 'A' && b <= 'Z' ? (char)(b | 0x20) : b;
      if (a != b)
        return FALSE;
    }
  return TRUE;
}

/* Whether the byte @c is . ? or ! (or NUL): strchr (".?!", c) without
 * the call, which loops back over a window ask at every blank. */
static inline gboolean
quotes_is_stop_byte (char c)
{
  return c == '.' || c == '?' || c == '!' || c == '\0';
}

/* Whether token @t ends a sentence. */
static inline gboolean
quotes_tok_ends_sentence (const QuotesTok *t)
{
  return t->punct == '.' || t->punct == '!' || t->punct == '?';
}

/* Whether @t is the word @lit. */
static inline gboolean
quotes_tok_is (const QuotesDoc *doc, const QuotesTok *t, const char *lit)
{
  return t->punct == 0 && quotes_word_is (doc->text, t->s, t->e, lit);
}

/* Whether @t is a reporting verb. */
static inline gboolean
quotes_tok_is_cue (const QuotesDoc *doc, const QuotesTok *t)
{
  return t->punct == 0
         && quotes_in_set (doc->config->verbs, doc->text, t->s, t->e);
}

/* Whether @t is a word (not punctuation) in the configured word set @set. */
static inline gboolean
quotes_tok_in_set (const QuotesDoc *doc, const QuotesTok *t, guint set)
{
  return !t->punct
         && quotes_in_set (doc->config->sets[set], doc->text, t->s, t->e);
}

/* Whether @t is a subject pronoun. */
static inline gboolean
quotes_tok_is_pronoun (const QuotesDoc *doc, const QuotesTok *t)
{
  return quotes_tok_in_set (doc, t, QUOTES_SET_PRONOUNS);
}

/* Whether @t is a determiner that starts a nominal subject. */
static inline gboolean
quotes_tok_is_det (const QuotesDoc *doc, const QuotesTok *t)
{
  return quotes_tok_in_set (doc, t, QUOTES_SET_DETS);
}

/* quotes-marks.c */
extern const guint8 quotes_ascii_class[128];
QuotesCharClass quotes_class_of (gunichar c);
gunichar quotes_char_before (const char *text, gsize pos);
gunichar quotes_char_at (const char *text, gsize len, gsize pos);
gboolean quotes_is_word_char (const char *text, gsize len, gsize pos);
gboolean quotes_is_upper_char_at (const char *text, gsize len, gsize pos);

/* Whether the character at @pos is an upper-case letter: inline for
 * ASCII, which most words start with (every token asks). */
static inline gboolean
quotes_is_upper_at (const char *text, gsize len, gsize pos)
{
  guchar b = text[pos];
  if (b < 0x80)
    return b >= 'A' && b <= 'Z';
  return quotes_is_upper_char_at (text, len, pos);
}
void quotes_find_marks (const QuotesConfig *config, const char *text, gsize len,
                        GArray *out);

/* quotes-tokens.c */
gsize quotes_scan_word (const QuotesDoc *doc, gsize i, gsize to);
void quotes_tokenize (const QuotesDoc *doc, gsize from, gsize to,
                      QuotesToks *toks);
void quotes_tokenize_to_quote (const QuotesDoc *doc, gsize start, gsize hi,
                               QuotesToks *toks);
guint quotes_cue_len (const QuotesDoc *doc, const QuotesTok *t, guint i,
                      guint n);
gboolean quotes_cue_is_noun (const QuotesDoc *doc, const QuotesTok *t,
                             guint from, guint i);
gboolean quotes_tok_is_adverb (const QuotesDoc *doc, const QuotesTok *t);
gboolean quotes_tok_is_connector (const QuotesDoc *doc, const QuotesTok *t);
gboolean quotes_tok_is_postnominal (const QuotesDoc *doc, const QuotesTok *t);
gsize quotes_tok_base_end (const QuotesDoc *doc, const QuotesTok *t);
gboolean quotes_tok_is_possessive (const QuotesDoc *doc, const QuotesTok *t);
gboolean quotes_tok_is_participle (const QuotesDoc *doc, const QuotesTok *t);
gboolean quotes_tok_is_body (const QuotesDoc *doc, const QuotesTok *t);

/* quotes_scan_word for the common word: one that starts with an ASCII
 * byte and ends at an ASCII byte other than ' - . (no joined part, no
 * abbreviation period) is found inline; any other goes to
 * quotes_scan_word.  Tokens ask for a word end at every word. */
static inline gsize
quotes_scan_word_fast (const QuotesDoc *doc, gsize i, gsize to)
{
  const char *text = doc->text;
  gsize e;
  guchar d;

  if ((guchar)text[i] >= 0x80)
    return quotes_scan_word (doc, i, to);
  e = quotes_skip_word_bytes (text, i + 1, to, FALSE);
  if (e >= to)
    return e;
  d = (guchar)text[e];
  if (d < 0x80 && d != '\'' && d != '-' && d != '.')
    return e;
  return quotes_scan_word (doc, i, to);
}

/* quotes-names.c */
gint quotes_title_gender (const QuotesDoc *doc, gsize s, gsize e);
gboolean quotes_is_title (const QuotesDoc *doc, gsize s, gsize e);
gboolean quotes_is_personal_title (const QuotesDoc *doc, const QuotesTok *t);
gboolean quotes_other_office_before (const QuotesDoc *doc, gsize pos);
void quotes_scratch_init (QuotesScratch *scratch);
void quotes_scratch_clear (QuotesScratch *scratch);
QuotesName *quotes_names_lookup (QuotesDoc *doc, gsize s, gsize e);
QuotesName *quotes_names_by_first (QuotesDoc *doc, gsize s, gsize e);
QuotesName *quotes_titles_lookup (QuotesDoc *doc, gsize s, gsize e);
const char *quotes_last_word (const char *name);
gboolean quotes_name_is_no_person (const QuotesDoc *doc, const char *name);
QuotesName *quotes_names_last_before (QuotesDoc *doc, gsize pos, gint gender);
QuotesName *quotes_names_last_before_at (QuotesDoc *doc, gsize pos, gint gender,
                                         gsize *at);
QuotesName *quotes_main_person (QuotesDoc *doc, gsize pos, gint gender);
gboolean quotes_name_is_person (const QuotesDoc *doc, const QuotesName *nm,
                                gint gender);
gboolean quotes_name_first_is_word (const QuotesDoc *doc, QuotesName *nm);
QuotesName *quotes_person_named_before (QuotesDoc *doc, gsize pos, gsize back);
QuotesName *quotes_title_holder_once (QuotesDoc *doc, gsize ps, gsize hs,
                                      gsize he);
gboolean quotes_is_body_name (const QuotesDoc *doc, const char *last);

/* quotes-resolve.c */
gboolean quotes_find_antecedent (QuotesDoc *doc, const QuotesHistory *hist,
                                 gsize lo, gsize hi, gint gender,
                                 gboolean subjects, QuotesSpeaker *spk);
gboolean quotes_resolve_np (QuotesDoc *doc, const QuotesHistory *hist,
                            const QuotesTok *toks, guint a, guint b,
                            QuotesSpeaker *spk);
gboolean quotes_np_body_of (const QuotesDoc *doc, const QuotesTok *toks,
                            guint i, guint n);
gboolean quotes_tok_stops_np (const QuotesDoc *doc, const QuotesTok *t);
gboolean quotes_np_can_speak (const QuotesDoc *doc, const QuotesTok *t, guint a,
                              guint b);

/* quotes-attrib.c */
gboolean quotes_rule_after (QuotesDoc *doc, const QuotesHistory *hist,
                            const QuotesQuote *q, const QuotesToks *toks,
                            QuotesSpeaker *spk);
gboolean quotes_rule_late (QuotesDoc *doc, const QuotesHistory *hist,
                           const QuotesQuote *q, const QuotesToks *toks,
                           QuotesSpeaker *spk);
gboolean quotes_rule_late_name (QuotesDoc *doc, const QuotesHistory *hist,
                                const QuotesQuote *q, const QuotesToks *toks,
                                QuotesSpeaker *spk);
gboolean quotes_cue_is_passive (const QuotesDoc *doc, const QuotesTok *t,
                                guint from, guint c);
gboolean quotes_subject_before (const QuotesDoc *doc, const QuotesTok *t,
                                guint from, guint c, guint *a, guint *b);
gboolean quotes_rule_before (QuotesDoc *doc, const QuotesHistory *hist,
                             const QuotesToks *toks, guint from,
                             QuotesSpeaker *spk);
gboolean quotes_rule_subject (QuotesDoc *doc, const QuotesHistory *hist,
                              const QuotesToks *toks, guint from,
                              QuotesSpeaker *spk);
gboolean quotes_rule_cued_subject (QuotesDoc *doc, const QuotesHistory *hist,
                                   const QuotesToks *toks, guint from,
                                   QuotesSpeaker *spk);
gboolean quotes_rule_passive_by (QuotesDoc *doc, const QuotesHistory *hist,
                                 const QuotesToks *toks, guint from,
                                 const QuotesToks *after, QuotesSpeaker *spk);
gboolean quotes_rule_colon (QuotesDoc *doc, const QuotesHistory *hist,
                            const QuotesToks *toks, guint from,
                            QuotesSpeaker *spk);
gboolean quotes_rule_according (QuotesDoc *doc, const QuotesHistory *hist,
                                const QuotesToks *toks, guint from,
                                gboolean after, QuotesSpeaker *spk);
gsize quotes_window_start (const QuotesDoc *doc, const QuotesQuote *quotes,
                           guint k);
gsize quotes_window_end (const QuotesDoc *doc, const QuotesQuote *quotes,
                         guint n, guint k);
guint quotes_last_sentence_start (const QuotesToks *toks, guint upto);
gboolean quotes_is_term (QuotesDoc *doc, const QuotesQuote *q,
                         const QuotesToks *before, guint nwords, guint ncap,
                         guint nsmall);
void quotes_count_words (const QuotesDoc *doc, const QuotesQuote *q,
                         guint *nwords, guint *ncap, guint *nsmall);
void quotes_history_note (QuotesHistory *hist, const QuotesQuote *q,
                          const QuotesSpeaker *spk);
void quotes_set_speaker (QuotesQuote *q, const QuotesSpeaker *spk,
                         QuotesRule rule);
gsize quotes_headline_lead (const QuotesDoc *doc, const QuotesQuote *q);
gboolean quotes_rule_headline (QuotesDoc *doc, const QuotesHistory *hist,
                               const QuotesQuote *q, const QuotesQuote *quotes,
                               guint n, QuotesSpeaker *spk);

G_END_DECLS

#endif /* QUOTES_ENGINE_PRIVATE_H */
