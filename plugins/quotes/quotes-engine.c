/* quotes-engine.c: finds direct quotations and their speakers.
 *
 * Three passes over one document, each linear in its length:
 *
 *  1. Marks: one scan pairs quote marks paragraph by paragraph with a
 *     small state machine per family (double, guillemet, single), from
 *     each mark's left and right neighbours (an apostrophe has letters on
 *     both sides).  A paragraph that ends inside a quote yields a quote
 *     only when the next paragraph reopens it (newspaper convention).
 *     Nested and crossing pairs are dropped; the outer quote counts.
 *  2. Names: one scan of capitalised runs gives each surname its fullest
 *     form ("Carney" -> "Mark Carney", titles stripped) and each title
 *     ("prime minister") the name it came with.
 *  3. Attribution: each quote looks at a bounded window of words after
 *     and before it, cheapest and most precise rules first (see
 *     QuotesRule), then inherits from the quote before it.  Pronouns
 *     resolve to the most recent fitting speaker.
 */
#include "quotes-engine.h"
#include "quotes-lists.h"

#include <string.h>

const char *const quotes_rule_names[QUOTES_N_RULES + 1]
    = { "none",           "after",
        "before",         "according_to",
        "same_paragraph", "previous_sentence",
        "continued",      "previous_speaker",
        "headline",       NULL };

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
  QUOTES_F_DROP = 1 << 5
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
  gint gender;     /* 0 unknown, 1 male, 2 female */
  gboolean office; /* named with an office: "Home Secretary X" */
} QuotesName;

/* One mention of a name, in text order, for pronoun fallback. */
typedef struct {
  gsize pos;
  QuotesName *name;
} QuotesMention;

/* The per-document state of passes 2 and 3. */
typedef struct {
  const QuotesConfig *config;
  const char *text;
  gsize len;
  QuotesResult *result;
  GHashTable *surnames; /* surname -> QuotesName (owned) */
  GHashTable *titles;   /* title phrase -> QuotesName */
  GArray *mentions;     /* QuotesMention */
  gboolean names_built;
  gsize ante_lo;  /* antecedents are searched from here ... */
  gsize cur_open; /* ... up to the current quote's opening mark */
  guint depth;    /* antecedent searches in progress */
  const QuotesQuote *first_quote; /* the quotes being attributed */
} QuotesDoc;

/* ------------------------------------------------------------------ */
/* Word sets                                                           */
/* ------------------------------------------------------------------ */

/* A new set of lower-case words with owned keys. */
GHashTable *
quotes_word_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Adds @word to @set in lower case (ASCII folding is enough here). */
static void
quotes_word_set_add (GHashTable *set, const char *word, gssize len)
{
  char *w;

  if (len < 0)
    len = strlen (word);
  while (len > 0 && g_ascii_isspace (*word))
    word++, len--;
  while (len > 0 && g_ascii_isspace (word[len - 1]))
    len--;
  if (len == 0 || len >= QUOTES_MAX_WORD)
    return;
  w = g_ascii_strdown (word, len);
  g_hash_table_add (set, w);
}

/* Replaces (@replace) or extends @set with @words. */
void
quotes_config_set_words (GHashTable *set, const char *const *words,
                         gboolean replace)
{
  if (replace)
    g_hash_table_remove_all (set);
  for (; words && *words; words++)
    quotes_word_set_add (set, *words, -1);
}

/* Adds the words of a file, one a line; '#' starts a comment. */
gboolean
quotes_config_load_words (GHashTable *set, const char *path, GError **error)
{
  char *contents = NULL;
  char **lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (char **l = lines; *l; l++)
    {
      char *hash = strchr (*l, '#');
      if (hash)
        *hash = '\0';
      quotes_word_set_add (set, *l, -1);
    }
  g_strfreev (lines);
  g_free (contents);
  return TRUE;
}

/* Sets @config to the built-in lists and defaults. */
void
quotes_config_init_defaults (QuotesConfig *config)
{
  config->sets = g_new0 (GHashTable *, QUOTES_N_SETS);
  for (guint i = 0; i < QUOTES_N_SETS; i++)
    {
      config->sets[i] = quotes_word_set_new ();
      quotes_config_set_words (config->sets[i], quotes_set_words[i], FALSE);
    }
  config->verbs = quotes_word_set_new ();
  quotes_config_set_words (config->verbs, quotes_default_verbs, FALSE);
  config->titles = quotes_word_set_new ();
  quotes_config_set_words (config->titles, quotes_default_titles, FALSE);
  config->min_words = 3;
  config->single_quotes = TRUE;
  config->blank_line_paragraphs = FALSE;
}

/* Frees what @config holds. */
void
quotes_config_clear (QuotesConfig *config)
{
  g_clear_pointer (&config->verbs, g_hash_table_unref);
  g_clear_pointer (&config->titles, g_hash_table_unref);
  if (config->sets)
    for (guint i = 0; i < QUOTES_N_SETS; i++)
      g_hash_table_unref (config->sets[i]);
  g_clear_pointer (&config->sets, g_free);
}

/* Looks up the text [s, e) in @set, lower-cased, without allocating. */
static gboolean
quotes_in_set (GHashTable *set, const char *text, gsize s, gsize e)
{
  char buf[QUOTES_MAX_WORD];
  gsize n = e - s;

  if (set == NULL || n == 0 || n >= sizeof buf)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    buf[i] = g_ascii_tolower (text[s + i]);
  buf[n] = '\0';
  return g_hash_table_contains (set, buf);
}

/* Whether the word [s, e) equals @lit, ignoring ASCII case. */
static gboolean
quotes_word_is (const char *text, gsize s, gsize e, const char *lit)
{
  gsize n = strlen (lit);
  return e - s == n && g_ascii_strncasecmp (text + s, lit, n) == 0;
}

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

void
quotes_result_init (QuotesResult *result)
{
  result->quotes = g_array_new (FALSE, TRUE, sizeof (QuotesQuote));
  result->strings = g_string_chunk_new (1024);
}

void
quotes_result_clear (QuotesResult *result)
{
  g_clear_pointer (&result->quotes, g_array_unref);
  g_clear_pointer (&result->strings, g_string_chunk_free);
}

/* Empties @result for the next document, keeping its memory. */
void
quotes_result_reset (QuotesResult *result)
{
  g_array_set_size (result->quotes, 0);
  g_string_chunk_clear (result->strings);
}

/* ------------------------------------------------------------------ */
/* Characters                                                          */
/* ------------------------------------------------------------------ */

/* Whether @c is one of the quote marks the engine knows. */
static gboolean
quotes_is_mark (gunichar c)
{
  return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) || c == 0xAB
         || c == 0xBB;
}

/* The class of character @c. */
static QuotesCharClass
quotes_class_of (gunichar c)
{
  if (c == '\n' || c == '\r' || c == 0)
    return QUOTES_CC_EDGE;
  if (c < 0x80)
    {
      if (g_ascii_isalnum (c))
        return QUOTES_CC_LETTER;
      if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
        return QUOTES_CC_SPACE;
      if (c == '(' || c == '[' || c == '{')
        return QUOTES_CC_OPEN;
      if (c == ')' || c == ']' || c == '}')
        return QUOTES_CC_CLOSE;
      if (strchr (".,;:!?", c))
        return QUOTES_CC_PUNCT;
      if (c == '-' || c == '/')
        return QUOTES_CC_DASH;
      if (c == '"' || c == '\'')
        return QUOTES_CC_QUOTE;
      return QUOTES_CC_OTHER;
    }
  if (quotes_is_mark (c))
    return QUOTES_CC_QUOTE;
  if (c == 0x2013 || c == 0x2014 || c == 0x2015)
    return QUOTES_CC_DASH;
  if (c == 0x2026)
    return QUOTES_CC_PUNCT;
  if (c == 0xA0 || g_unichar_isspace (c))
    return QUOTES_CC_SPACE;
  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return QUOTES_CC_LETTER;
  return QUOTES_CC_OTHER;
}

/* The character that ends just before @pos, or 0 at the start. */
static gunichar
quotes_char_before (const char *text, gsize pos)
{
  gsize p = pos;

  if (pos == 0)
    return 0;
  p--;
  while (p > 0 && ((guchar)text[p] & 0xC0) == 0x80 && pos - p < 4)
    p--;
  return g_utf8_get_char (text + p);
}

/* The character at @pos, or 0 at the end. */
static gunichar
quotes_char_at (const char *text, gsize len, gsize pos)
{
  return pos < len ? g_utf8_get_char (text + pos) : 0;
}

/* The classes of ASCII characters (quotes_class_of, precomputed). */
static const guint8 quotes_ascii_class[128] = {
  QUOTES_CC_EDGE,   QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_OTHER,  QUOTES_CC_SPACE,  QUOTES_CC_EDGE,   QUOTES_CC_SPACE,
  QUOTES_CC_SPACE,  QUOTES_CC_EDGE,   QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_SPACE,  QUOTES_CC_PUNCT,  QUOTES_CC_QUOTE,  QUOTES_CC_OTHER,
  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_QUOTE,
  QUOTES_CC_OPEN,   QUOTES_CC_CLOSE,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_PUNCT,  QUOTES_CC_DASH,   QUOTES_CC_PUNCT,  QUOTES_CC_DASH,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_PUNCT,  QUOTES_CC_PUNCT,
  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,  QUOTES_CC_PUNCT,
  QUOTES_CC_OTHER,  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_OPEN,
  QUOTES_CC_OTHER,  QUOTES_CC_CLOSE,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
  QUOTES_CC_OTHER,  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER,
  QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_LETTER, QUOTES_CC_OPEN,
  QUOTES_CC_OTHER,  QUOTES_CC_CLOSE,  QUOTES_CC_OTHER,  QUOTES_CC_OTHER,
};

/* Whether @c (from quotes_class_of) can start a word. */
static gboolean
quotes_is_word_char (const char *text, gsize len, gsize pos)
{
  guchar b = text[pos];
  if (b < 0x80)
    return g_ascii_isalnum (b);
  return quotes_class_of (quotes_char_at (text, len, pos)) == QUOTES_CC_LETTER;
}

/* Whether the character at @pos is an upper-case letter. */
static gboolean
quotes_is_upper_at (const char *text, gsize len, gsize pos)
{
  guchar b = text[pos];
  if (b < 0x80)
    return g_ascii_isupper (b);
  return g_unichar_isupper (quotes_char_at (text, len, pos));
}

/* ------------------------------------------------------------------ */
/* Pass 1: quote marks                                                 */
/* ------------------------------------------------------------------ */

/* The pairing state of one paragraph scan. */
typedef struct {
  const QuotesConfig *config;
  const char *text;
  gsize len;
  GArray *out; /* QuotesQuote */
  QuotesPending pend[QUOTES_N_FAM];
  gboolean reopen_next[QUOTES_N_FAM]; /* the next paragraph's opener
                                         continues a quote */
  guint para;
  gsize para_start;
} QuotesScan;

/* Whether a word after a single mark at @pos makes it an elision
 * ('em, 'n', '90s, 'til) rather than an opening mark. */
static gboolean
quotes_is_elision (const char *text, gsize len, gsize pos)
{
  static const char *const elisions[]
      = { "em", "n", "til", "tis", "twas", "cause", "bout", "s", NULL };
  gsize e = pos;

  while (e < len && g_ascii_isalnum (text[e]))
    e++;
  if (e - pos == 2 && g_ascii_isdigit (text[pos])
      && g_ascii_isdigit (text[pos + 1]))
    return TRUE; /* '90s, '08 */
  for (guint i = 0; elisions[i]; i++)
    if (quotes_word_is (text, pos, e, elisions[i]))
      return TRUE;
  return FALSE;
}

/* Records the quote between an opening mark and a closing mark (or the
 * paragraph's end when @runs_on). */
static void
quotes_scan_emit (QuotesScan *scan, guint fam, gsize close_pos, gsize close_end,
                  gboolean runs_on)
{
  QuotesPending *p = &scan->pend[fam];
  QuotesQuote q = { 0 };
  gsize s = p->pos + p->len, e = close_pos;

  while (s < e
         && quotes_class_of (quotes_char_at (scan->text, scan->len, s))
                == QUOTES_CC_SPACE)
    s = g_utf8_next_char (scan->text + s) - scan->text;
  while (e > s && g_ascii_isspace (scan->text[e - 1]))
    e--;
  if (e > s)
    {
      q.start = s;
      q.end = e;
      q.open_mark = p->pos;
      q.close_mark_end = close_end;
      q.para = scan->para;
      q.mention_start = q.mention_end = q.cue_start = q.cue_end = -1;
      q.flags = (fam == QUOTES_FAM_SINGLE ? QUOTES_F_SINGLE : 0)
                | (runs_on ? QUOTES_F_RUNS_ON : 0)
                | (p->reopened ? QUOTES_F_REOPENED : 0);
      g_array_append_val (scan->out, q);
    }
  p->pos = -1;
}

/* Handles one quote mark @c at [pos, pos + mlen). */
static void
quotes_scan_mark (QuotesScan *scan, gsize pos, guint mlen, gunichar c)
{
  const char *text = scan->text;
  QuotesCharClass prev, next;
  gboolean can_open = FALSE, can_close = FALSE;
  guint fam;
  QuotesPending *p;

  prev = pos == scan->para_start
             ? QUOTES_CC_EDGE
             : quotes_class_of (quotes_char_before (text, pos));
  next = quotes_class_of (quotes_char_at (text, scan->len, pos + mlen));

  switch (c)
    {
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x201F:
      fam = QUOTES_FAM_DOUBLE;
      can_open = next != QUOTES_CC_SPACE && next != QUOTES_CC_EDGE;
      /* „...“ closes with “ */
      can_close = (c == 0x201C && scan->pend[fam].pos >= 0
                   && scan->pend[fam].mark == 0x201E)
                  || (!can_open && prev != QUOTES_CC_SPACE);
      break;
    case 0x201D: /* ” */
      fam = QUOTES_FAM_DOUBLE;
      can_close = prev != QUOTES_CC_SPACE && prev != QUOTES_CC_EDGE;
      can_open
          = !can_close && next != QUOTES_CC_SPACE && next != QUOTES_CC_EDGE;
      break;
    case 0xAB: /* « */
      fam = QUOTES_FAM_GUILL;
      can_open = TRUE;
      break;
    case 0xBB: /* » */
      fam = QUOTES_FAM_GUILL;
      can_close = TRUE;
      break;
    case '"':
      fam = QUOTES_FAM_DOUBLE;
      can_open = (prev == QUOTES_CC_SPACE || prev == QUOTES_CC_EDGE
                  || prev == QUOTES_CC_OPEN || prev == QUOTES_CC_DASH
                  || prev == QUOTES_CC_QUOTE || prev == QUOTES_CC_PUNCT)
                 && next != QUOTES_CC_SPACE && next != QUOTES_CC_EDGE;
      can_close = prev != QUOTES_CC_SPACE && prev != QUOTES_CC_EDGE
                  && prev != QUOTES_CC_OPEN
                  && (next == QUOTES_CC_SPACE || next == QUOTES_CC_EDGE
                      || next == QUOTES_CC_PUNCT || next == QUOTES_CC_CLOSE
                      || next == QUOTES_CC_DASH || next == QUOTES_CC_QUOTE);
      if (!can_open && !can_close)
        {
          if (prev == QUOTES_CC_SPACE && next == QUOTES_CC_SPACE)
            {
              /* "... we won. " The team ...: a spaced closing mark after
               * a sentence end closes the pending quote */
              gsize e = pos;
              QuotesPending *pd = &scan->pend[QUOTES_FAM_DOUBLE];
              while (e > scan->para_start && text[e - 1] == ' ')
                e--;
              if (pd->pos >= 0 && e > (gsize)pd->pos + pd->len
                  && strchr (".?!", text[e - 1]))
                quotes_scan_emit (scan, QUOTES_FAM_DOUBLE, e, pos + mlen,
                                  FALSE);
              return; /* else a stray mark */
            }
          can_open = can_close = TRUE;
        }
      break;
    case 0x2018: /* ‘ */
    case 0x201B:
    case '\'':
    case 0x2019: /* ’ */
      if (!scan->config->single_quotes)
        return;
      fam = QUOTES_FAM_SINGLE;
      if (prev == QUOTES_CC_LETTER && next == QUOTES_CC_LETTER)
        return; /* an apostrophe: Canada’s */
      can_open = (c != 0x2019)
                 && (prev == QUOTES_CC_SPACE || prev == QUOTES_CC_EDGE
                     || prev == QUOTES_CC_OPEN || prev == QUOTES_CC_DASH
                     || prev == QUOTES_CC_QUOTE || prev == QUOTES_CC_PUNCT)
                 && next == QUOTES_CC_LETTER
                 && !quotes_is_elision (text, scan->len, pos + mlen);
      can_close = (c != 0x2018 && c != 0x201B) && prev != QUOTES_CC_SPACE
                  && prev != QUOTES_CC_EDGE && prev != QUOTES_CC_OPEN
                  && (next == QUOTES_CC_SPACE || next == QUOTES_CC_EDGE
                      || next == QUOTES_CC_PUNCT || next == QUOTES_CC_CLOSE
                      || next == QUOTES_CC_DASH || next == QUOTES_CC_QUOTE);
      break;
    default:
      return;
    }

  p = &scan->pend[fam];
  if (p->pos >= 0 && can_close)
    quotes_scan_emit (scan, fam, pos, pos + mlen, FALSE);
  else if (can_open)
    {
      gboolean reopened = scan->reopen_next[fam] && prev == QUOTES_CC_EDGE;
      /* a new opener while one is pending: the old one never closed.  When
       * it follows a sentence end and opens a capitalised sentence, the
       * paragraph break of a multi-paragraph quote was lost ("... night.
       * "The players ran ..."): the old one runs on, the new one reopens */
      if (p->pos >= 0 && prev == QUOTES_CC_SPACE
          && quotes_is_upper_at (text, scan->len, pos + mlen))
        {
          gsize e = pos;
          while (e > (gsize)p->pos
                 && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            e--;
          if (e > (gsize)p->pos + p->len && strchr (".?!", text[e - 1]) != NULL)
            {
              quotes_scan_emit (scan, fam, e, e, TRUE);
              reopened = TRUE;
            }
        }
      p->pos = pos;
      p->len = mlen;
      p->mark = c;
      p->reopened = reopened;
      scan->reopen_next[fam] = FALSE;
    }
}

/* The first character of the next paragraph after @pos, or 0. */
static gunichar
quotes_next_para_char (const char *text, gsize len, gsize pos)
{
  while (pos < len && g_ascii_isspace (text[pos]))
    pos++;
  return quotes_char_at (text, len, pos);
}

/* Closes the paragraph that ends at @end (the line break's offset):
 * open quotes are kept only when the next paragraph reopens them. */
static void
quotes_scan_para_end (QuotesScan *scan, gsize end, gsize next_start)
{
  for (guint fam = 0; fam < QUOTES_N_FAM; fam++)
    {
      QuotesPending *p = &scan->pend[fam];
      scan->reopen_next[fam] = FALSE;
      if (p->pos < 0)
        continue;
      gunichar c = quotes_next_para_char (scan->text, scan->len, next_start);
      gboolean reopens
          = (fam == QUOTES_FAM_DOUBLE
             && (c == 0x201C || c == '"' || c == 0x201E))
            || (fam == QUOTES_FAM_GUILL && c == 0xAB)
            || (fam == QUOTES_FAM_SINGLE && (c == 0x2018 || c == '\''));
      if (reopens)
        {
          quotes_scan_emit (scan, fam, end, end, TRUE);
          scan->reopen_next[fam] = TRUE;
        }
      else if (p->reopened && (gsize)p->pos > scan->para_start)
        {
          /* the last part of a quote whose paragraph breaks were lost
           * ("A. "B. "C.): it ends with its paragraph, at a full stop */
          gsize e = end;
          while (e > (gsize)p->pos && g_ascii_isspace (scan->text[e - 1]))
            e--;
          gboolean one
              = e > (gsize)p->pos + p->len && strchr (".?!", scan->text[e - 1]);
          /* one sentence only: a lost closing mark may run further */
          for (gsize k = p->pos + p->len; one && k + 2 < e; k++)
            if (strchr (".?!", scan->text[k]) && scan->text[k + 1] == ' '
                && g_ascii_isupper (scan->text[k + 2]))
              one = FALSE;
          if (one)
            quotes_scan_emit (scan, fam, e, e, FALSE);
        }
      p->pos = -1;
    }
  scan->para++;
  scan->para_start = next_start;
}

/* Bytes that may start a quote mark or a line break. */
static const guint8 quotes_interesting[256] = {
  ['"'] = 1, ['\''] = 1, ['\n'] = 1, [0xE2] = 1, [0xC2] = 1,
};

/* Sorts quotes by opening mark, longest first. */
static gint
quotes_cmp_open (gconstpointer a, gconstpointer b)
{
  const QuotesQuote *x = a, *y = b;
  if (x->open_mark != y->open_mark)
    return x->open_mark < y->open_mark ? -1 : 1;
  if (x->close_mark_end != y->close_mark_end)
    return x->close_mark_end > y->close_mark_end ? -1 : 1;
  return 0;
}

/* Pass 1: finds every paired quote of the text. */
static void
quotes_find_marks (const QuotesConfig *config, const char *text, gsize len,
                   GArray *out)
{
  QuotesScan scan = { .config = config, .text = text, .len = len, .out = out };
  gsize i = 0, keep_end = 0;
  guint kept = 0;

  for (guint f = 0; f < QUOTES_N_FAM; f++)
    scan.pend[f].pos = -1;

  while (i < len)
    {
      guchar b = text[i];
      if (!quotes_interesting[b])
        {
          i++;
          continue;
        }
      if (b == '\n')
        {
          gsize j = i + 1;
          if (config->blank_line_paragraphs)
            {
              while (j < len && text[j] != '\n' && g_ascii_isspace (text[j]))
                j++;
              if (j >= len || text[j] != '\n')
                {
                  i++; /* a line wrap inside a paragraph */
                  continue;
                }
              j++;
            }
          quotes_scan_para_end (&scan, i, j);
          i = j;
          continue;
        }
      if (b == '"' || b == '\'')
        {
          quotes_scan_mark (&scan, i, 1, b);
          i++;
          continue;
        }
      if (b == 0xC2 && i + 1 < len
          && ((guchar)text[i + 1] == 0xAB || (guchar)text[i + 1] == 0xBB))
        {
          quotes_scan_mark (&scan, i, 2, (guchar)text[i + 1]);
          i += 2;
          continue;
        }
      if (b == 0xE2 && i + 2 < len && (guchar)text[i + 1] == 0x80
          && (guchar)text[i + 2] >= 0x98 && (guchar)text[i + 2] <= 0x9F)
        {
          quotes_scan_mark (&scan, i, 3, 0x2000 + ((guchar)text[i + 2] - 0x80));
          i += 3;
          continue;
        }
      i++;
    }
  quotes_scan_para_end (&scan, len, len);

  /* keep outer quotes only: drop nested and crossing pairs */
  g_array_sort (out, quotes_cmp_open);
  for (guint k = 0; k < out->len; k++)
    {
      QuotesQuote *q = &g_array_index (out, QuotesQuote, k);
      if (kept > 0 && q->open_mark < keep_end)
        continue;
      keep_end = q->close_mark_end;
      if (kept != k)
        g_array_index (out, QuotesQuote, kept) = *q;
      kept++;
    }
  g_array_set_size (out, kept);
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

/* Whether the word [s, e) followed by '.' is an abbreviation whose period
 * does not end a sentence. */
static gboolean
quotes_is_abbrev (const QuotesDoc *doc, gsize s, gsize e)
{
  static const char *const abbrevs[]
      = { "mr",  "mrs", "ms",   "dr",   "st",   "jr",  "sr",  "gen",
          "sen", "rep", "gov",  "prof", "rev",  "lt",  "col", "capt",
          "sgt", "no",  "vs",   "inc",  "corp", "co",  "ltd", "jan",
          "feb", "aug", "sept", "oct",  "nov",  "dec", "mt",  "ft",
          "u.s", "u.k", "u.n",  "e.g",  "i.e",  NULL };
  if (e - s == 1 && g_ascii_isupper (doc->text[s]))
    return TRUE; /* an initial */
  for (guint i = 0; abbrevs[i]; i++)
    if (quotes_word_is (doc->text, s, e, abbrevs[i]))
      return TRUE;
  return memchr (doc->text + s, '.', e - s) != NULL; /* U.S. */
}

/* The end of the word that starts at @i (letters, digits, and ' ’ - .
 * between letters), at most @to; a period after an abbreviation joins. */
static gsize
quotes_scan_word (const QuotesDoc *doc, gsize i, gsize to)
{
  const char *text = doc->text;
  gsize e = g_utf8_next_char (text + i) - text;

  for (;;)
    {
      while (e < to && g_ascii_isalnum (text[e]))
        e++; /* the common case, ASCII letters */
      if (e >= to)
        break;
      if (quotes_is_word_char (text, doc->len, e))
        {
          e = (guchar)text[e] < 0x80
                  ? e + 1
                  : (gsize)(g_utf8_next_char (text + e) - text);
          continue;
        }
      /* inner ' ’ - . joined to a following letter */
      gunichar d = (guchar)text[e] < 0x80 ? (gunichar)text[e]
                                          : quotes_char_at (text, doc->len, e);
      if (d == '\'' || d == 0x2019 || d == '-' || d == '.' || d == 0x2010
          || d == 0x2011)
        {
          gsize after = g_utf8_next_char (text + e) - text;
          if (after < to && quotes_is_word_char (text, doc->len, after))
            {
              e = after;
              continue;
            }
        }
      break;
    }
  if (e < to && text[e] == '.' && quotes_is_abbrev (doc, i, e))
    e++;
  return e;
}

/* Splits [from, to) into words and punctuation into @toks, keeping the
 * first QUOTES_MAX_TOKENS. */
static void
quotes_tokenize (const QuotesDoc *doc, gsize from, gsize to, QuotesToks *toks)
{
  const char *text = doc->text;
  gsize i = from;

  toks->n = 0;
  while (i < to && toks->n < QUOTES_MAX_TOKENS)
    {
      guchar byte = text[i];
      gunichar c;
      gsize next;
      QuotesCharClass cc;
      QuotesTok *t = &toks->t[toks->n];

      if (byte < 0x80)
        {
          c = byte;
          next = i + 1;
          cc = quotes_ascii_class[byte];
        }
      else
        {
          c = g_utf8_get_char (text + i);
          next = g_utf8_next_char (text + i) - text;
          cc = quotes_class_of (c);
        }

      if (cc == QUOTES_CC_SPACE || cc == QUOTES_CC_EDGE)
        {
          i = next;
          continue;
        }
      if (cc == QUOTES_CC_LETTER)
        {
          gsize e = quotes_scan_word (doc, i, to);
          t->s = i;
          t->cap = quotes_is_upper_at (text, doc->len, i);
          t->punct = 0;
          t->e = e;
          toks->n++;
          i = e;
          continue;
        }
      t->s = i;
      t->e = next;
      t->cap = FALSE;
      if (cc == QUOTES_CC_DASH)
        t->punct = '-';
      else if (cc == QUOTES_CC_QUOTE)
        t->punct = '"';
      else if (c == 0x2026)
        t->punct = '.';
      else if (c < 0x80)
        t->punct = (char)c;
      else
        t->punct = '~';
      toks->n++;
      i = next;
    }
}

/* Whether token @t ends a sentence. */
static gboolean
quotes_tok_ends_sentence (const QuotesTok *t)
{
  return t->punct == '.' || t->punct == '!' || t->punct == '?';
}

/* Whether @t is the word @lit. */
static gboolean
quotes_tok_is (const QuotesDoc *doc, const QuotesTok *t, const char *lit)
{
  return t->punct == 0 && quotes_word_is (doc->text, t->s, t->e, lit);
}

/* Whether @t is a reporting verb. */
static gboolean
quotes_tok_is_cue (const QuotesDoc *doc, const QuotesTok *t)
{
  return t->punct == 0
         && quotes_in_set (doc->config->verbs, doc->text, t->s, t->e);
}

/* The number of tokens of the reporting verb at toks[i] ("said": 1,
 * "points out": 2), 0 when there is none. */
static guint
quotes_cue_len (const QuotesDoc *doc, const QuotesTok *t, guint i, guint n)
{
  if (quotes_tok_is_cue (doc, &t[i]))
    return 1;
  if (i + 1 < n && quotes_tok_is (doc, &t[i + 1], "out")
      && (quotes_tok_is (doc, &t[i], "points")
          || quotes_tok_is (doc, &t[i], "pointed")))
    return 2;
  return 0;
}

/* Whether the cue word toks[i] is a plural noun here: "the claims", "the
 * latest claims", "fresh claims". */
static gboolean
quotes_cue_is_noun (const QuotesDoc *doc, const QuotesTok *t, guint from,
                    guint i)
{
  static const char *const adjs[]
      = { "latest", "new",     "fresh",   "recent", "such", "these",
          "those",  "earlier", "similar", "false",  "wild", NULL };
  if (doc->text[t[i].e - 1] != 's' || i == from || t[i - 1].punct)
    return FALSE;
  if (quotes_tok_is (doc, &t[i - 1], "the")
      || quotes_tok_is (doc, &t[i - 1], "his")
      || quotes_tok_is (doc, &t[i - 1], "her")
      || quotes_tok_is (doc, &t[i - 1], "their")
      || quotes_tok_is (doc, &t[i - 1], "its"))
    return TRUE;
  for (guint k = 0; adjs[k]; k++)
    if (quotes_tok_is (doc, &t[i - 1], adjs[k]))
      return TRUE;
  return FALSE;
}

/* Whether @t is a word (not punctuation) in the configured word set @set. */
static gboolean
quotes_tok_in_set (const QuotesDoc *doc, const QuotesTok *t, guint set)
{
  return !t->punct
         && quotes_in_set (doc->config->sets[set], doc->text, t->s, t->e);
}

/* Whether @t is a subject pronoun. */
static gboolean
quotes_tok_is_pronoun (const QuotesDoc *doc, const QuotesTok *t)
{
  return quotes_tok_in_set (doc, t, QUOTES_SET_PRONOUNS);
}

/* Whether @t may stand between a subject and its verb (also, later). */
static gboolean
quotes_tok_is_adverb (const QuotesDoc *doc, const QuotesTok *t)
{
  /* nouns in -ly: "the former monopoly said", "the weekly said" */
  static const char *const nouns[]
      = { "monopoly",  "family",  "assembly", "rally", "supply",
          "reply",     "anomaly", "weekly",   "daily", "monthly",
          "quarterly", "elderly", NULL };
  gsize n = t->e - t->s;
  if (t->punct)
    return FALSE;
  if (n > 4 && !t->cap
      && g_ascii_strncasecmp (doc->text + t->e - 2, "ly", 2) == 0)
    {
      for (guint k = 0; nouns[k]; k++)
        if (quotes_tok_is (doc, t, nouns[k]))
          return FALSE;
      return TRUE;
    }
  return quotes_tok_in_set (doc, t, QUOTES_SET_ADVERBS);
}

/* Whether @t is a determiner that starts a nominal subject. */
static gboolean
quotes_tok_is_det (const QuotesDoc *doc, const QuotesTok *t)
{
  return quotes_tok_in_set (doc, t, QUOTES_SET_DETS);
}

/* Whether @t is a lower-case connector inside a name (van, de). */
static gboolean
quotes_tok_is_connector (const QuotesDoc *doc, const QuotesTok *t)
{
  return !t->cap && quotes_tok_in_set (doc, t, QUOTES_SET_CONNECTORS);
}

/* Whether @t is a letter after a name: QC, MP, Jr. */
static gboolean
quotes_tok_is_postnominal (const QuotesDoc *doc, const QuotesTok *t)
{
  return quotes_tok_in_set (doc, t, QUOTES_SET_POSTNOMINALS);
}

/* Length of @t without a possessive ending ('s, ’s, s'). */
static gsize
quotes_tok_base_end (const QuotesDoc *doc, const QuotesTok *t)
{
  const char *w = doc->text + t->s;
  gsize n = t->e - t->s;
  if (n > 2 && w[n - 2] == '\'' && (w[n - 1] == 's' || w[n - 1] == 'S'))
    return t->e - 2;
  if (n > 4 && memcmp (w + n - 4, "\xE2\x80\x99s", 4) == 0)
    return t->e - 4;
  return t->e;
}

/* Whether @t ends with a possessive. */
static gboolean
quotes_tok_is_possessive (const QuotesDoc *doc, const QuotesTok *t)
{
  return t->punct == 0 && quotes_tok_base_end (doc, t) != t->e;
}

/* ------------------------------------------------------------------ */
/* Pass 2: names                                                       */
/* ------------------------------------------------------------------ */

/* Gender told by a title word, 0 when it tells none. */
static gint
quotes_title_gender (const QuotesDoc *doc, gsize s, gsize e)
{
  if (quotes_in_set (doc->config->sets[QUOTES_SET_MALE], doc->text, s, e))
    return 1;
  if (quotes_in_set (doc->config->sets[QUOTES_SET_FEMALE], doc->text, s, e))
    return 2;
  return 0;
}

/* Whether the word [s, e) is a title word. */
static gboolean
quotes_is_title (const QuotesDoc *doc, gsize s, gsize e)
{
  return quotes_in_set (doc->config->titles, doc->text, s, e);
}

/* Offices with one holder, for "the prime minister" with no name. */
static const char *const quotes_offices[]
    = { "minister", "president", "premier",  "chancellor", "secretary",
        "governor", "mayor",     "chairman", "chairwoman", NULL };

/* Whether the word [s, e) is one of quotes_offices. */
static gboolean
quotes_is_office (const QuotesDoc *doc, gsize s, gsize e)
{
  for (guint o = 0; quotes_offices[o]; o++)
    if (quotes_word_is (doc->text, s, e, quotes_offices[o]))
      return TRUE;
  return FALSE;
}

/* Whether the title word @t names a person by itself: not the first
 * half of an office ("foreign", "home", "shadow", "prime"). */
static gboolean
quotes_is_personal_title (const QuotesDoc *doc, const QuotesTok *t)
{
  static const char *const halves[]
      = { "foreign", "finance", "defence",  "defense",    "health", "home",
          "trade",   "economy", "treasury", "opposition", "shadow", "then",
          "former",  "acting",  "interim",  "executive",  "prime",  "vice",
          "deputy",  "chief",   NULL };
  if (!quotes_is_title (doc, t->s, t->e))
    return FALSE;
  for (guint k = 0; halves[k]; k++)
    if (quotes_word_is (doc->text, t->s, t->e, halves[k]))
      return FALSE;
  return TRUE;
}

/* Whether the word before offset @pos is shadow, deputy, vice, former or
 * junior ("shadow chancellor X" holds no "chancellor"). */
static gboolean
quotes_other_office_before (const QuotesDoc *doc, gsize pos)
{
  static const char *const mods[]
      = { "shadow", "deputy", "vice", "former", "junior", NULL };
  gsize e = pos, s;
  while (e > 0 && doc->text[e - 1] == ' ')
    e--;
  s = e;
  while (s > 0 && e - s < 32
         && (g_ascii_isalpha (doc->text[s - 1]) || doc->text[s - 1] == '-'))
    s--;
  /* "ex-Conservative chancellor X", "ex-minister" */
  if (e - s > 3 && g_ascii_strncasecmp (doc->text + s, "ex-", 3) == 0)
    return TRUE;
  for (guint k = 0; mods[k]; k++)
    if (quotes_word_is (doc->text, s, e, mods[k]))
      return TRUE;
  return FALSE;
}

/* Records the capitalised run toks[a..b) (titles included) as a name. */
static void
quotes_names_add_run (QuotesDoc *doc, const QuotesTok *toks, guint a, guint b,
                      const QuotesTok *before)
{
  guint name_a = a, title_a = a;
  gint gender = 0;
  gboolean has_title = FALSE;
  QuotesName *name;
  char *full, *key;
  gsize fs, fe;

  /* the name follows the last title word */
  for (guint k = a; k < b; k++)
    if (quotes_is_title (doc, toks[k].s, toks[k].e))
      {
        name_a = k + 1;
        has_title = TRUE;
        if (!gender)
          gender = quotes_title_gender (doc, toks[k].s, toks[k].e);
      }
  if (!has_title && before && before->punct == 0 && !before->cap
      && quotes_is_title (doc, before->s, before->e))
    {
      has_title = TRUE;
      gender = quotes_title_gender (doc, before->s, before->e);
      title_a = b; /* lower-case title: "minister Ana Costa" */
    }
  while (b > name_a + 1 && quotes_tok_is_postnominal (doc, &toks[b - 1]))
    b--;
  if (name_a >= b)
    return;
  /* at most three words: "Quebecers Ana Lopes Costa" -> the last two */
  if (b - name_a > 3)
    name_a = b - 3;
  if (b - name_a == 3 && toks[name_a + 1].e - toks[name_a + 1].s > 2
      && !quotes_tok_is_connector (doc, &toks[name_a + 1])
      && memchr (doc->text + toks[name_a + 1].s, '.',
                 toks[name_a + 1].e - toks[name_a + 1].s)
             == NULL)
    name_a++;
  fs = toks[name_a].s;
  fe = quotes_tok_base_end (doc, &toks[b - 1]);
  key = g_strndup (doc->text + toks[b - 1].s,
                   quotes_tok_base_end (doc, &toks[b - 1]) - toks[b - 1].s);
  name = g_hash_table_lookup (doc->surnames, key);
  if (name == NULL)
    {
      name = g_new0 (QuotesName, 1);
      full = g_string_chunk_insert_len (doc->result->strings, doc->text + fs,
                                        fe - fs);
      name->full = full;
      name->nwords = b - name_a;
      g_hash_table_insert (doc->surnames, key, name);
      key = NULL;
    }
  else if (name->nwords < b - name_a)
    {
      name->full = g_string_chunk_insert_len (doc->result->strings,
                                              doc->text + fs, fe - fs);
      name->nwords = b - name_a;
    }
  g_free (key);
  if (gender && !name->gender)
    name->gender = gender;
  if (has_title && b - name_a >= 1)
    {
      if (title_a < name_a)
        {
          for (guint k = title_a; k < name_a; k++)
            if (quotes_is_office (doc, toks[k].s, toks[k].e))
              name->office = TRUE;
        }
      else if (quotes_is_office (doc, before->s, before->e))
        name->office = TRUE;
      /* "shadow chancellor X" is an office, but not "the chancellor" */
      if (title_a >= name_a && quotes_other_office_before (doc, before->s))
        goto out_mention;
      /* "prime minister" and "minister" both lead to the name */
      GString *t = g_string_new (NULL);
      gsize ts = title_a < name_a ? toks[title_a].s : before->s;
      gsize te = title_a < name_a ? toks[name_a - 1].e : before->e;
      for (gsize k = ts; k < te; k++)
        g_string_append_c (t, g_ascii_tolower (doc->text[k]));
      g_hash_table_replace (doc->titles, g_string_free (t, FALSE), name);
      gboolean other_office = FALSE; /* "Deputy Prime Minister X" */
      for (guint k = title_a; k + 1 < name_a; k++)
        other_office |= quotes_tok_is (doc, &toks[k], "deputy")
                        || quotes_tok_is (doc, &toks[k], "vice")
                        || quotes_tok_is (doc, &toks[k], "shadow")
                        || quotes_tok_is (doc, &toks[k], "former")
                        || quotes_tok_is (doc, &toks[k], "junior");
      if (title_a < name_a && !other_office)
        {
          const QuotesTok *last = &toks[name_a - 1];
          g_hash_table_replace (
              doc->titles,
              g_ascii_strdown (doc->text + last->s, last->e - last->s), name);
        }
    }
out_mention:
  /* every mention: "Mr Brown" before "Gordon Brown" is given counts too;
   * readers skip names that stay one word ("Microsoft") */
  {
    QuotesMention m = { toks[b - 1].s, name };
    g_array_append_val (doc->mentions, m);
  }
}

/* Whether a capitalised letter starts at @p (ASCII or not). */
static gboolean
quotes_cap_at (const QuotesDoc *doc, gsize p)
{
  guchar b = doc->text[p];
  if (b < 0x80)
    return b >= 'A' && b <= 'Z';
  return b >= 0xC0 && g_unichar_isupper (g_utf8_get_char (doc->text + p));
}

/* Pass 2: indexes every run of two or more capitalised words.  A byte
 * scan finds capitalised words; only those followed by another one (or a
 * connector such as "van") are tokenized, so lower-case text and single
 * capitalised words cost a few instructions a byte. */
static void
quotes_names_build (QuotesDoc *doc)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const char *text = doc->text;
  gsize len = doc->len, pos = 0;

  doc->names_built = TRUE;
  doc->surnames
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->mentions = g_array_new (FALSE, FALSE, sizeof (QuotesMention));
  while (pos < len)
    {
      gsize p = pos, e, f, ws;
      guint a, b, n;

      /* the next capital that starts a word */
      while (p < len)
        {
          guchar c = text[p];
          if (((c >= 'A' && c <= 'Z') || c >= 0xC0)
              && (p == 0
                  || !(g_ascii_isalnum (text[p - 1])
                       || (guchar)text[p - 1] >= 0x80))
              && quotes_cap_at (doc, p))
            break;
          p++;
        }
      if (p >= len)
        break;
      /* its end, and whether a capitalised word or a connector follows */
      e = p + 1;
      while (e < len
             && (g_ascii_isalnum (text[e]) || (guchar)text[e] >= 0x80
                 || text[e] == '\'' || text[e] == '-' || text[e] == '.'))
        e++;
      f = e;
      while (f < len && text[f] == ' ')
        f++;
      if (f == e || f >= len
          || !(quotes_cap_at (doc, f)
               || (g_ascii_islower (text[f]) && f + 4 < len
                   && (text[f + 2] == ' ' || text[f + 3] == ' '
                       || text[f + 4] == ' '))))
        {
          pos = e;
          continue;
        }
      if (quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], text, p,
                         e - p))
        {
          pos = e;
          continue;
        }
      /* the word before (a lower-case title: "minister Ana Costa") */
      n = 0;
      ws = p;
      while (ws > 0 && p - ws < 4 && text[ws - 1] == ' ')
        ws--;
      if (ws < p)
        {
          gsize we = ws;
          while (ws > 0 && we - ws < 24 && g_ascii_islower (text[ws - 1]))
            ws--;
          if (ws < we && (ws == 0 || !g_ascii_isalnum (text[ws - 1])))
            {
              toks->t[0] = (QuotesTok){ ws, we, 0, FALSE };
              n = 1;
            }
        }
      a = n;
      /* the run: capitalised words, connectors between them */
      for (gsize w = p; n < 10;)
        {
          gsize we = quotes_scan_word (doc, w, len), nx;
          toks->t[n++] = (QuotesTok){ w, we, 0, quotes_cap_at (doc, w) };
          if (quotes_tok_is_possessive (doc, &toks->t[n - 1]))
            break;
          nx = we;
          while (nx < len && text[nx] == ' ' && nx - we < 3)
            nx++;
          if (nx == we || nx >= len)
            break;
          if (quotes_cap_at (doc, nx))
            {
              w = nx;
              continue;
            }
          if (g_ascii_islower (text[nx]))
            {
              gsize ce = quotes_scan_word (doc, nx, len), cx = ce;
              while (cx < len && text[cx] == ' ' && cx - ce < 3)
                cx++;
              if (cx > ce && cx < len && quotes_cap_at (doc, cx)
                  && quotes_in_set (doc->config->sets[QUOTES_SET_CONNECTORS],
                                    text, nx, ce)
                  && n < 9)
                {
                  toks->t[n++] = (QuotesTok){ nx, ce, 0, FALSE };
                  w = cx;
                  continue;
                }
            }
          break;
        }
      b = n;
      if (b - a >= 2)
        quotes_names_add_run (doc, toks->t, a, b,
                              a > 0 ? &toks->t[a - 1] : NULL);
      pos = MAX (toks->t[b - 1].e, e);
    }
}

/* The fullest name for the surname [s, e), or NULL. */
static QuotesName *
quotes_names_lookup (QuotesDoc *doc, gsize s, gsize e)
{
  char buf[128];

  if (!doc->names_built)
    quotes_names_build (doc);
  if (e - s >= sizeof buf)
    return NULL;
  memcpy (buf, doc->text + s, e - s);
  buf[e - s] = '\0';
  return g_hash_table_lookup (doc->surnames, buf);
}

/* The one full name in the story whose first word is [s, e) ("John" ->
 * "John Bourn"), or NULL when there is none or more than one. */
static QuotesName *
quotes_names_by_first (QuotesDoc *doc, gsize s, gsize e)
{
  GHashTableIter it;
  gpointer key, value;
  QuotesName *found = NULL;
  gsize n = e - s;

  if (!doc->names_built)
    quotes_names_build (doc);
  g_hash_table_iter_init (&it, doc->surnames);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      QuotesName *nm = value;
      if (nm->nwords >= 2 && strncmp (nm->full, doc->text + s, n) == 0
          && nm->full[n] == ' ')
        {
          if (found && found != nm)
            return NULL;
          found = nm;
        }
    }
  return found;
}

/* The name last given with title [s, e) ("prime minister"), or NULL. */
static QuotesName *
quotes_titles_lookup (QuotesDoc *doc, gsize s, gsize e)
{
  char buf[128];
  gsize n = 0;

  if (!doc->names_built)
    quotes_names_build (doc);
  for (gsize k = s; k < e && n + 1 < sizeof buf; k++)
    buf[n++] = g_ascii_tolower (doc->text[k]);
  buf[n] = '\0';
  return g_hash_table_lookup (doc->titles, buf);
}

static gboolean quotes_span_has_sentence_end (const QuotesDoc *doc, gsize s,
                                              gsize e);
static gboolean quotes_is_body_name (const char *last);

/* Whether @s has letters and none of them in lower case. */
static gboolean
quotes_is_all_caps (const char *s)
{
  gboolean letters = FALSE;

  for (; *s; s++)
    {
      if (g_ascii_islower (*s))
        return FALSE;
      letters |= g_ascii_isupper (*s);
    }
  return letters;
}

/* The number of name mentions before @pos (building the names once). */
static guint
quotes_mentions_before (QuotesDoc *doc, gsize pos)
{
  guint lo = 0, hi;

  if (!doc->names_built)
    quotes_names_build (doc);
  hi = doc->mentions->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (doc->mentions, QuotesMention, mid).pos < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The last word of @name: its head ("Alliance" of "the Business Software
 * Alliance"). */
static const char *
quotes_last_word (const char *name)
{
  const char *last = strrchr (name, ' ');
  return last ? last + 1 : name;
}

/* Whether @name cannot be a he or she: a body ("New Labour", "the
 * Business Software Alliance") or a run of a headline in capitals
 * ("RAISES RATES"). */
static gboolean
quotes_name_is_no_person (const char *name)
{
  return quotes_is_body_name (quotes_last_word (name))
         || quotes_is_all_caps (name);
}

/* The last name mentioned before @pos with gender @gender (0: any). */
static QuotesName *
quotes_names_last_before (QuotesDoc *doc, gsize pos, gint gender)
{
  GArray *m;
  guint lo;

  lo = quotes_mentions_before (doc, pos);
  m = doc->mentions;
  for (guint k = lo, tries = 0; k > 0 && tries < 8; k--)
    {
      QuotesName *name = g_array_index (m, QuotesMention, k - 1).name;
      if (name->nwords < 2)
        continue;
      tries++;
      /* "what New Labour stood for ... he said" */
      if (gender != 0 && quotes_name_is_no_person (name->full))
        continue;
      if (gender == 0 || name->gender == 0 || name->gender == gender)
        return name;
    }
  return NULL;
}

/* The person last named in an earlier sentence at most @back bytes before
 * @pos, or NULL: a name the story gives somewhere with a title that tells
 * a person (Mr, Ms, a male or female title, an office), no body such as
 * "X Party". */
static QuotesName *
quotes_person_named_before (QuotesDoc *doc, gsize pos, gsize back)
{
  GArray *m;
  guint lo;

  lo = quotes_mentions_before (doc, pos);
  m = doc->mentions;
  while (lo > 0 && g_array_index (m, QuotesMention, lo - 1).name->nwords < 2)
    lo--;
  if (lo == 0)
    return NULL;
  const QuotesMention *mm = &g_array_index (m, QuotesMention, lo - 1);
  if (mm->pos + back < pos || mm->name->nwords < 2
      || (mm->name->gender == 0 && !mm->name->office)
      || quotes_is_body_name (quotes_last_word (mm->name->full))
      || !quotes_span_has_sentence_end (doc, mm->pos, pos))
    return NULL;
  return mm->name;
}

/* Whether [s, e) holds a sentence end (". " or a line break). */
static gboolean
quotes_span_has_sentence_end (const QuotesDoc *doc, gsize s, gsize e)
{
  for (gsize k = s; k < e; k++)
    if (doc->text[k] == '\n'
        || (k + 1 < e && strchr (".?!", doc->text[k])
            && doc->text[k + 1] == ' '))
      return TRUE;
  return FALSE;
}

/* Whether the mention at @pos is "Mr X", "Mrs X", "Ms X" or "Miss X". */
static gboolean
quotes_mention_has_honorific (const QuotesDoc *doc, gsize pos)
{
  static const char *const hon[] = { "Mr ", "Mrs ", "Ms ", "Miss ", NULL };
  for (guint h = 0; hon[h]; h++)
    {
      gsize l = strlen (hon[h]);
      if (pos >= l && memcmp (doc->text + pos - l, hon[h], l) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The holder of a title named with no holder ("the prime minister said"),
 * [hs, he) being the title word: the person the story last called Mr,
 * Mrs, Ms or Miss X in an earlier sentence (800 bytes back at most), else
 * the next one in a later sentence (800 bytes on), or NULL.  Only offices
 * with one holder count, and people named with another office ("Home
 * Secretary Charles Clarke") are skipped. */
static QuotesName *
quotes_title_holder (QuotesDoc *doc, gsize hs, gsize he)
{
  GArray *m;
  guint lo;

  if (!quotes_is_office (doc, hs, he))
    return NULL;
  /* "the shadow chancellor", "the former minister": not the holder */
  {
    gsize p = hs;
    while (p > 0 && doc->text[p - 1] == ' ')
      p--;
    gsize q = p;
    while (q > 0 && g_ascii_isalpha (doc->text[q - 1]))
      q--;
    static const char *const mods[] = { "shadow", "former", "deputy", "vice",
                                        "junior", "acting", "ex",     NULL };
    for (guint k = 0; q < p && mods[k]; k++)
      if (quotes_word_is (doc->text, q, p, mods[k]))
        return NULL;
  }
  lo = quotes_mentions_before (doc, hs);
  m = doc->mentions;
  for (guint k = lo, tries = 0; k > 0 && tries < 8; k--)
    {
      const QuotesMention *mm = &g_array_index (m, QuotesMention, k - 1);
      if (mm->pos + 800 < hs)
        break;
      if (mm->name->nwords < 2)
        continue;
      tries++;
      if (!mm->name->office && quotes_mention_has_honorific (doc, mm->pos)
          && quotes_span_has_sentence_end (doc, mm->pos, hs))
        return mm->name;
    }
  for (guint k = lo, tries = 0; k < m->len && tries < 8; k++)
    {
      const QuotesMention *mm = &g_array_index (m, QuotesMention, k);
      if (mm->pos > he + 800)
        break;
      if (mm->name->nwords < 2)
        continue;
      tries++;
      if (mm->pos >= he && !mm->name->office
          && quotes_mention_has_honorific (doc, mm->pos)
          && quotes_span_has_sentence_end (doc, he, mm->pos))
        return mm->name;
    }
  return NULL;
}

/* quotes_title_holder for the title phrase [ps, he) ending in the office
 * word [hs, he), once per story: the first guess is remembered, so that
 * "the prime minister" names one person all through the story. */
static QuotesName *
quotes_title_holder_once (QuotesDoc *doc, gsize ps, gsize hs, gsize he)
{
  QuotesName *nm = quotes_titles_lookup (doc, ps, he);

  if (nm == NULL && he - ps < 64
      && (nm = quotes_title_holder (doc, hs, he)) != NULL)
    g_hash_table_replace (doc->titles,
                          g_ascii_strdown (doc->text + ps, he - ps), nm);
  return nm;
}

/* ------------------------------------------------------------------ */
/* Pass 3: attribution                                                 */
/* ------------------------------------------------------------------ */

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

static gboolean quotes_resolve_np (QuotesDoc *doc, const QuotesHistory *hist,
                                   const QuotesTok *toks, guint a, guint b,
                                   QuotesSpeaker *spk);
static gboolean quotes_subject_before (const QuotesDoc *doc, const QuotesTok *t,
                                       guint from, guint c, guint *a, guint *b);
static gboolean quotes_tok_stops_np (const QuotesDoc *doc, const QuotesTok *t);
static gboolean quotes_cue_is_passive (const QuotesDoc *doc, const QuotesTok *t,
                                       guint from, guint c);

/* Whether @last, the last word of a name, names a body: "Institute",
 * "Council", "Alliance". */
static gboolean
quotes_is_body_name (const char *last)
{
  static const char *const bodies[] = { "institute",
                                        "council",
                                        "association",
                                        "commission",
                                        "company",
                                        "group",
                                        "bank",
                                        "government",
                                        "ministry",
                                        "office",
                                        "department",
                                        "agency",
                                        "board",
                                        "authority",
                                        "corporation",
                                        "committee",
                                        "service",
                                        "foundation",
                                        "federation",
                                        "organisation",
                                        "organization",
                                        "union",
                                        "court",
                                        "alliance",
                                        "party",
                                        "trust",
                                        "society",
                                        "league",
                                        "network",
                                        "campaign",
                                        "inc",
                                        "ltd",
                                        "plc",
                                        "corp",
                                        "club",
                                        "labour",
                                        "conservatives",
                                        "tories",
                                        "democrats",
                                        "republicans",
                                        NULL };
  for (guint k = 0; bodies[k]; k++)
    if (g_ascii_strcasecmp (last, bodies[k]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a found speaker suits a pronoun of gender @gender (1 he, 2 she;
 * 0 they/we, anything goes). */
static gboolean
quotes_speaker_fits (const QuotesDoc *doc, const QuotesSpeaker *spk,
                     gint gender)
{
  const char *last;

  if (spk->name == NULL)
    return FALSE;
  if (gender == 0)
    return TRUE;
  if (gender == 4)
    {
      /* "it": a thing or a body ("the report", "the guidance", "the
       * BBC"), neither a person nor a group of people */
      last = quotes_last_word (spk->name);
      if (spk->kind == QUOTES_SPK_PERSON)
        return quotes_is_body_name (last);
      return spk->kind == QUOTES_SPK_NOMINAL
             && !quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], last, 0,
                                strlen (last))
             && !quotes_in_set (doc->config->titles, last, 0, strlen (last))
             && last[strlen (last) - 1] != 's';
    }
  if (gender != 3 && spk->gender && spk->gender != gender)
    return FALSE;
  if (gender != 3 && quotes_name_is_no_person (spk->name))
    return FALSE;
  if (spk->kind == QUOTES_SPK_PERSON)
    return strchr (spk->name, ' ') != NULL || spk->titled
           || (spk->gender && (spk->gender == gender || gender == 3));
  last = quotes_last_word (spk->name);
  /* "the former Wales international" points further back, to a name;
   * "the spokesman" stays an unnamed role */
  if (g_ascii_strncasecmp (spk->name, "the ", 4) == 0)
    return quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS], last, 0,
                          strlen (last));
  if (quotes_in_set (doc->config->titles, last, 0, strlen (last)))
    return TRUE;
  return quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], last, 0,
                        strlen (last));
}

/* Whether the name ending at toks[i] is its sentence's subject with a
 * past verb after it: two capitalised words or more, and before them only
 * capitalised words, possessives and title or people words back to the
 * sentence start ("Union general secretary Tony Reyes repeated ...").
 * @at_start: toks[0] starts a sentence. */
static gboolean
quotes_is_subject_name (const QuotesDoc *doc, const QuotesTok *t, guint n,
                        guint i, gboolean at_start)
{
  const QuotesTok *v;
  guint k = i;

  if (i == 0 || i + 1 >= n || !t[i - 1].cap || t[i - 1].punct)
    return FALSE;
  v = &t[i + 1];
  if (v->cap || v->punct || v->e - v->s < 5 || doc->text[v->e - 1] != 'd'
      || doc->text[v->e - 2] != 'e')
    return FALSE;
  while (k > 0 && !quotes_tok_ends_sentence (&t[k - 1]) && i - k < 12)
    {
      const QuotesTok *w = &t[k - 1];
      if ((w->punct && w->punct != '&') || quotes_tok_is (doc, w, "the"))
        return FALSE;
      if (!w->cap && !w->punct && !quotes_is_title (doc, w->s, w->e)
          && !quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], doc->text,
                             w->s, w->e))
        return FALSE;
      k--;
    }
  return k > 0 ? quotes_tok_ends_sentence (&t[k - 1]) : at_start;
}

/* Whether @t is a word for a person of a nation ("American", "Frenchman",
 * "Briton"): "the American said" describes a person named before. */
static gboolean
quotes_is_demonym (const QuotesDoc *doc, const QuotesTok *t)
{
  static const char *const words[] = {
    "american",    "briton",       "scot",        "welshman",   "irishman",
    "englishman",  "frenchman",    "frenchwoman", "spaniard",   "german",
    "italian",     "australian",   "canadian",    "russian",    "swede",
    "dane",        "norwegian",    "dutchman",    "belgian",    "argentine",
    "argentinian", "brazilian",    "kenyan",      "ethiopian",  "jamaican",
    "croat",       "serb",         "czech",       "pole",       "mexican",
    "nigerian",    "portuguese",   "greek",       "austrian",   "finn",
    "romanian",    "ukrainian",    "hungarian",   "israeli",    "egyptian",
    "iranian",     "iraqi",        "indian",      "pakistani",  "chinese",
    "japanese",    "korean",       "swiss",       "belarusian", "moroccan",
    "zimbabwean",  "ghanaian",     "chilean",     "colombian",  "slovak",
    "bulgarian",   "turk",         "kiwi",        "aussie",     "texan",
    "californian", "yorkshireman", "londoner",    "ulsterman",  "cornishman",
    NULL
  };
  for (guint k = 0; words[k]; k++)
    if (quotes_tok_is (doc, t, words[k]))
      return TRUE;
  return FALSE;
}

/* Whether the reporting verb @t takes the listener as its object ("told
 * Radio Nine", "urging Ms Costa"), so that a name after it is no source. */
static gboolean
quotes_cue_has_listener (const QuotesDoc *doc, const QuotesTok *t)
{
  static const char *const verbs[]
      = { "told",     "tell",     "tells",  "telling", "urged",
          "urge",     "urges",    "urging", "asking",  "assured",
          "assuring", "reminded", NULL };
  for (guint k = 0; verbs[k]; k++)
    if (quotes_tok_is (doc, t, verbs[k]))
      return TRUE;
  return FALSE;
}

/* Whether toks[a..b) are capitalised words joined by "and" or "&" only:
 * a place ("Leeds and Otley"), not "civil aviation Praful Patel". */
static gboolean
quotes_all_caps_run (const QuotesDoc *doc, const QuotesTok *toks, guint a,
                     guint b)
{
  if (a >= b || !toks[a].cap)
    return FALSE;
  for (guint k = a; k < b; k++)
    if (!(toks[k].cap && !toks[k].punct) && toks[k].punct != '&'
        && !quotes_tok_is (doc, &toks[k], "and"))
      return FALSE;
  return TRUE;
}

/* When the cue toks[i] sits in a subordinate clause ("Costa said she
 * backed it when Reyes argued for it"), the source of the main clause's
 * cue before it, if it fits @gender, replaces @cand: a later pronoun
 * points to the sentence's main speaker. */
static void
quotes_main_clause_source (QuotesDoc *doc, const QuotesHistory *hist,
                           const QuotesTok *t, guint i, gint gender,
                           QuotesSpeaker *cand)
{
  static const char *const subs[]
      = { "when", "after", "because", "while", "although", "before", NULL };
  gboolean sub = FALSE;

  for (guint j = i; j > 0 && !quotes_tok_ends_sentence (&t[j - 1]); j--)
    {
      const QuotesTok *w = &t[j - 1];
      guint a, b;
      QuotesSpeaker main = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
      for (guint k = 0; !sub && subs[k]; k++)
        sub = quotes_tok_is (doc, w, subs[k]);
      if (!sub || !quotes_tok_is_cue (doc, w) || w->cap)
        continue;
      if (quotes_subject_before (doc, t, 0, j - 1, &a, &b)
          && !quotes_tok_is_pronoun (doc, &t[a])
          && (a == 0 || quotes_tok_ends_sentence (&t[a - 1]) || t[a - 1].cap
              || quotes_tok_is (doc, &t[a - 1], "but")
              || quotes_tok_is (doc, &t[a - 1], "and"))
          && quotes_resolve_np (doc, hist, t, a, b, &main)
          && quotes_speaker_fits (doc, &main, gender))
        {
          main.cs = w->s;
          main.ce = w->e;
          *cand = main;
        }
      return;
    }
}

/* Finds the latest source named in [lo, hi) (at most 400 bytes): the
 * subject of a reporting verb ("Costa admitted", "said Ms Costa") or,
 * when @subjects, a name that opens a sentence ("Carney did not ...").
 * Pronoun subjects are skipped.  Sets @spk and returns TRUE if found. */
static gboolean
quotes_find_antecedent (QuotesDoc *doc, const QuotesHistory *hist, gsize lo,
                        gsize hi, gint gender, gboolean subjects,
                        QuotesSpeaker *spk)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;
  gsize start = hi > lo + 400 ? hi - 400 : lo;
  gboolean found = FALSE, any_mention = FALSE;
  guint n;

  if (hi <= lo || doc->depth > 0)
    return FALSE;
  if (start > lo)
    while (start < hi && !g_ascii_isspace (doc->text[start]))
      start++;
  doc->depth++;
  quotes_tokenize (doc, start, hi, toks);
  t = toks->t;
  n = toks->n;
  for (guint c = n; c > 0 && !found; c--)
    {
      guint i = c - 1, a, b;
      QuotesSpeaker cand = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
      if (quotes_tok_is_cue (doc, &t[i])
          /* a capital inside a sentence is a title: "They Think It's" */
          && !(t[i].cap && i > 0 && !quotes_tok_ends_sentence (&t[i - 1]))
          && !quotes_cue_is_passive (doc, t, 0, i)
          && !quotes_cue_is_noun (doc, t, 0, i))
        {
          gboolean subj = quotes_subject_before (doc, t, 0, i, &a, &b);
          if (subj && !quotes_tok_is_pronoun (doc, &t[a])
              && quotes_resolve_np (doc, hist, t, a, b, &cand)
              && quotes_speaker_fits (doc, &cand, gender))
            found = TRUE;
          /* "said Ms Costa", not "told Radio Nine", "urging Ms Costa" */
          else if (i + 1 < n && t[i + 1].cap && (!subj || gender != 4)
                   && !quotes_cue_has_listener (doc, &t[i]))
            {
              b = i + 1;
              while (b < n && b - i < 7 && !quotes_tok_stops_np (doc, &t[b])
                     && !quotes_tok_is_cue (doc, &t[b]))
                b++;
              cand.name = NULL;
              found = quotes_resolve_np (doc, hist, t, i + 1, b, &cand)
                      && quotes_speaker_fits (doc, &cand, gender);
            }
          if (found)
            {
              cand.cs = t[i].s;
              cand.ce = t[i].e;
              quotes_main_clause_source (doc, hist, t, i, gender, &cand);
            }
        }
      else if (subjects && t[i].cap
               && ((i == 0 ? start == lo : quotes_tok_ends_sentence (&t[i - 1]))
                   || any_mention
                   || (i + 2 < n && t[i + 1].punct == ','
                       && quotes_tok_is (doc, &t[i + 2], "who"))
                   /* "Union general secretary Tony Reyes repeated his
                    * view": a name that is its sentence's subject */
                   || quotes_is_subject_name (doc, t, n, i, start == lo))
               && !quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES],
                                  doc->text, t[i].s,
                                  quotes_tok_base_end (doc, &t[i])))
        {
          /* a name that opens a sentence, "Costa, who ...", or any name
           * before "The 23-year-old ..." */
          /* a name never runs over a line break (a headline above) */
          while (i > 0 && t[i - 1].cap && c - i < 5
                 && !quotes_tok_is_possessive (doc, &t[i - 1])
                 && !memchr (doc->text + t[i - 1].e, '\n', t[i].s - t[i - 1].e))
            i--;
          b = i + 1;
          while (b < n && b - i < 5 && t[b].cap
                 && !quotes_tok_is_possessive (doc, &t[b - 1])
                 && !memchr (doc->text + t[b - 1].e, '\n', t[b].s - t[b - 1].e))
            b++;
          found = !quotes_tok_is_possessive (doc, &t[b - 1])
                  && quotes_resolve_np (doc, hist, t, i, b, &cand)
                  && quotes_speaker_fits (doc, &cand, gender);
        }
      if (found)
        *spk = cand;
      /* "The young 23-year-old is ...": the person named before */
      if (subjects && !found && !t[i].punct && t[i].e - t[i].s > 9
          && g_ascii_strncasecmp (doc->text + t[i].e - 9, "-year-old", 9) == 0
          && i >= 1 && i <= 3)
        {
          guint k = i;
          while (k > 0 && !quotes_tok_ends_sentence (&t[k - 1]))
            k--;
          if (quotes_tok_is (doc, &t[k], "the"))
            any_mention = TRUE;
        }
    }
  doc->depth--;
  return found;
}

static guint quotes_last_sentence_start (const QuotesToks *toks, guint upto);
static gsize quotes_headline_lead (const QuotesDoc *doc, const QuotesQuote *q);

/* A group named as a plural proper noun in the sentence before @pos
 * ("... opposed by the Liberal Democrats."): "they" may point to it even
 * though it is no subject.  Returns its last such mention at or after
 * @after, as [*gs, *ge), or FALSE. */
static gboolean
quotes_group_before (QuotesDoc *doc, gsize after, gsize pos, gsize *gs,
                     gsize *ge)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;
  gsize start = pos > after + 300 ? pos - 300 : after;
  guint n, i, k0;

  if (pos <= after)
    return FALSE;
  while (start < pos && start > after && !g_ascii_isspace (doc->text[start]))
    start++;
  quotes_tokenize (doc, start, pos, toks);
  t = toks->t;
  n = toks->n;
  if (n < 3 || !quotes_tok_ends_sentence (&t[n - 1]))
    return FALSE; /* "they" must open the next sentence */
  k0 = quotes_last_sentence_start (toks, n - 1);
  for (i = n - 1; i > k0; i--)
    {
      const QuotesTok *w = &t[i - 1];
      guint a = i - 1;
      if (w->punct || w->e - w->s < 4 || doc->text[w->e - 1] != 's'
          || quotes_tok_is_possessive (doc, w))
        continue;
      if (!w->cap)
        {
          /* "the unions", "the workers": a plural group of people */
          static const char *const groups[]
              = { "unions",     "ministers", "campaigners", "critics",
                  "protesters", "opponents", "firms",       "companies",
                  "banks",      "parties",   "governments", "officials",
                  NULL };
          gboolean group = quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE],
                                          doc->text, w->s, w->e - 1);
          for (guint g = 0; !group && groups[g]; g++)
            group = quotes_word_is (doc->text, w->s, w->e, groups[g]);
          if (group && a > k0 && quotes_tok_is (doc, &t[a - 1], "the"))
            {
              *gs = t[a - 1].s;
              *ge = w->e;
              return TRUE;
            }
          continue;
        }
      while (a > k0 && t[a - 1].cap && !t[a - 1].punct && i - a < 4)
        a--;
      if (a > k0 && quotes_tok_is (doc, &t[a - 1], "the")
          && !quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], doc->text,
                             t[a].s, t[a].e))
        {
          *gs = t[a - 1].s;
          *ge = w->e;
          return TRUE;
        }
    }
  return FALSE;
}

/* Resolves the subject noun phrase toks[a..b) into @spk. */
static gboolean
quotes_resolve_np (QuotesDoc *doc, const QuotesHistory *hist,
                   const QuotesTok *toks, guint a, guint b, QuotesSpeaker *spk)
{
  const char *text = doc->text;
  guint ra, rb, na;

  /* drop leading conjunctions and trailing commas */
  while (a < b
         && (quotes_tok_is (doc, &toks[a], "and")
             || quotes_tok_is (doc, &toks[a], "but") || toks[a].punct))
    a++;
  while (b > a && toks[b - 1].punct)
    b--;
  /* Ana Costa QC, Rui Matos MP */
  while (b > a + 1 && quotes_tok_is_postnominal (doc, &toks[b - 1]))
    b--;
  if (a >= b || b - a > 9)
    return FALSE;

  /* object pronouns come from "the radio quoted him as saying" */
  if (b - a == 1
      && (quotes_tok_is_pronoun (doc, &toks[a])
          || quotes_tok_is (doc, &toks[a], "him")
          || quotes_tok_is (doc, &toks[a], "her")
          || quotes_tok_is (doc, &toks[a], "them")))
    {
      const QuotesTok *t = &toks[a];
      gboolean he
          = quotes_tok_is (doc, t, "he") || quotes_tok_is (doc, t, "him");
      gboolean she
          = quotes_tok_is (doc, t, "she") || quotes_tok_is (doc, t, "her");
      spk->ms = t->s;
      spk->me = t->e;
      if (he || she)
        {
          gint g = he ? 1 : 2;
          const char *name = g == 1 ? hist->last_male : hist->last_female;
          QuotesSpeaker ante;
          QuotesName *nm;
          if (quotes_find_antecedent (doc, hist, doc->ante_lo,
                                      MIN (t->s, doc->cur_open), g, TRUE,
                                      &ante))
            {
              const char *head = quotes_last_word (ante.name);
              /* "Ana Costa has said ... The former minister told radio
               * ... she said": an office with no holder named describes
               * the person named just before it */
              gsize ss = ante.ms > 0 ? (gsize)ante.ms : 0;
              while (ss > 0 && (gsize)ante.ms - ss < 100
                     && doc->text[ss - 1] != '\n'
                     && !(ss > 1 && doc->text[ss - 1] == ' '
                          && strchr (".?!", doc->text[ss - 2])))
                ss--;
              if (ante.kind == QUOTES_SPK_NOMINAL && ss > 0
                  && strncmp (doc->text + ss, "The ", 4) == 0
                  && quotes_in_set (doc->config->titles, head, 0, strlen (head))
                  && !quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS],
                                     head, 0, strlen (head)))
                {
                  nm = quotes_names_last_before (doc, ss, g);
                  if (nm && !nm->office)
                    {
                      spk->name = nm->full;
                      spk->kind = QUOTES_SPK_PERSON;
                      spk->gender = g;
                      return TRUE;
                    }
                }
              spk->name = ante.name;
              spk->kind = ante.kind;
              spk->gender = g;
              return TRUE;
            }
          if (hist->last_person
              && (hist->last_person_gender == 0
                  || hist->last_person_gender == g))
            name = hist->last_person;
          if (name == NULL)
            {
              nm = quotes_names_last_before (doc, t->s, g);
              name = nm ? nm->full : NULL;
            }
          spk->name = name;
          spk->kind = QUOTES_SPK_PERSON;
          spk->gender = g;
          return name != NULL;
        }
      if (quotes_tok_is (doc, t, "it"))
        {
          /* the last thing or body that said something */
          QuotesSpeaker ante;
          gsize hi = MIN (t->s, doc->cur_open);
          /* over earlier quotes too: their speakers are seldom things */
          if (!quotes_find_antecedent (doc, hist, hi > 400 ? hi - 400 : 0, hi,
                                       4, FALSE, &ante))
            return FALSE;
          spk->name = ante.name;
          spk->kind = ante.kind;
          return TRUE;
        }
      gboolean they
          = quotes_tok_is (doc, t, "they") || quotes_tok_is (doc, t, "them");
      if (they || quotes_tok_is (doc, t, "we"))
        {
          QuotesSpeaker ante;
          gboolean have = quotes_find_antecedent (doc, hist, doc->ante_lo,
                                                  MIN (t->s, doc->cur_open), 0,
                                                  FALSE, &ante);
          gsize gs, ge;
          if (they
              && quotes_group_before (
                  doc, have && ante.me >= 0 ? (gsize)ante.me : doc->ante_lo,
                  MIN (t->s, doc->cur_open), &gs, &ge))
            {
              spk->name = g_string_chunk_insert_len (doc->result->strings,
                                                     doc->text + gs, ge - gs);
              spk->kind = QUOTES_SPK_NOMINAL;
              return TRUE;
            }
          if (have)
            {
              spk->name = ante.name;
              spk->kind = ante.kind;
              return TRUE;
            }
          spk->name = hist->last_any;
          spk->kind = QUOTES_SPK_NOMINAL;
          return spk->name != NULL;
        }
      return FALSE;
    }

  /* "The MP for Leeds and Otley": a title with its complement is read
   * as "the Tory leader" below ("of" makes an office: "the Bishop of
   * Durham") */
  if (quotes_tok_is (doc, &toks[a], "the") && b - a >= 4)
    for (guint k = a + 2; k + 1 < b && k <= a + 3; k++)
      if (quotes_tok_is (doc, &toks[k], "for")
          && quotes_is_title (doc, toks[k - 1].s, toks[k - 1].e)
          && quotes_all_caps_run (doc, toks, k + 1, b)
          && (k == a + 2
              || !quotes_is_title (doc, toks[a + 1].s, toks[a + 1].e))
          && !quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS], text,
                             toks[k - 1].s, toks[k - 1].e))
        {
          QuotesSpeaker ante;
          QuotesName *nm = NULL;
          if (quotes_find_antecedent (doc, hist, doc->ante_lo,
                                      MIN (toks[a].s, doc->cur_open), 3, TRUE,
                                      &ante)
              && ante.kind == QUOTES_SPK_PERSON)
            {
              spk->name = ante.name;
              spk->gender = ante.gender;
            }
          else if ((nm = quotes_person_named_before (doc, toks[a].s, 300)))
            {
              spk->name = nm->full;
              spk->gender = nm->gender;
            }
          else
            break;
          spk->kind = QUOTES_SPK_PERSON;
          spk->ms = toks[a].s;
          spk->me = toks[b - 1].e;
          return TRUE;
        }

  /* "said the American", "the Frenchman told": the person named since the
   * previous quote */
  if (b - a == 2 && quotes_tok_is (doc, &toks[a], "the") && toks[b - 1].cap
      && quotes_is_demonym (doc, &toks[b - 1]))
    {
      QuotesSpeaker ante;
      if (quotes_find_antecedent (doc, hist, doc->ante_lo,
                                  MIN (toks[a].s, doc->cur_open), 3, TRUE,
                                  &ante)
          && ante.kind == QUOTES_SPK_PERSON)
        {
          spk->name = ante.name;
          spk->kind = QUOTES_SPK_PERSON;
          spk->gender = ante.gender;
          spk->ms = toks[a].s;
          spk->me = toks[b - 1].e;
          return TRUE;
        }
    }

  /* a name: the capitalised run that ends the phrase */
  if (toks[b - 1].cap || quotes_tok_is_possessive (doc, &toks[b - 1]))
    {
      if (quotes_tok_is_possessive (doc, &toks[b - 1]))
        return FALSE; /* "Carney's spokesman" ends lower-case, not here */
      rb = b;
      ra = b - 1;
      while (ra > a
             && (toks[ra - 1].cap
                 || (quotes_tok_is_connector (doc, &toks[ra - 1]) && ra - 1 > a
                     && toks[ra - 2].cap))
             && !quotes_tok_is_possessive (doc, &toks[ra - 1]))
        ra--;
      na = ra;
      for (guint k = ra; k < rb; k++)
        if (quotes_is_title (doc, toks[k].s, toks[k].e))
          na = k + 1;
      spk->ms = toks[na < rb ? na : ra].s;
      spk->me = toks[rb - 1].e;
      spk->kind = QUOTES_SPK_PERSON;
      if (na >= rb)
        {
          /* titles only: "the Prime Minister" */
          QuotesName *nm
              = quotes_titles_lookup (doc, toks[ra].s, toks[rb - 1].e);
          if (nm == NULL)
            nm = quotes_titles_lookup (doc, toks[rb - 1].s, toks[rb - 1].e);
          if (nm == NULL
              && ((rb - ra >= 2 && quotes_tok_is (doc, &toks[ra], "the"))
                  || (ra > a && quotes_tok_is (doc, &toks[ra - 1], "the"))))
            nm = quotes_title_holder_once (
                doc,
                toks[quotes_tok_is (doc, &toks[ra], "the") ? ra + 1 : ra].s,
                toks[rb - 1].s, toks[rb - 1].e);
          spk->name = nm ? nm->full
                         : g_string_chunk_insert_len (
                             doc->result->strings, text + toks[a].s,
                             toks[b - 1].e - toks[a].s);
          spk->kind = nm ? QUOTES_SPK_PERSON : QUOTES_SPK_NOMINAL;
          spk->ms = toks[ra].s;
          return TRUE;
        }
      QuotesName *nm
          = quotes_names_lookup (doc, toks[rb - 1].s, toks[rb - 1].e);
      /* "Sir John", "Dame Judi": a first name after the title */
      if ((nm == NULL || nm->nwords < 2) && rb - na == 1 && na > ra
          && (quotes_tok_is (doc, &toks[na - 1], "sir")
              || quotes_tok_is (doc, &toks[na - 1], "dame")))
        {
          QuotesName *first
              = quotes_names_by_first (doc, toks[na].s, toks[na].e);
          if (first)
            nm = first;
        }
      if (nm && (nm->nwords >= rb - na || nm->nwords >= 2))
        {
          spk->name = nm->full;
          spk->gender = nm->gender;
        }
      else
        spk->name = g_string_chunk_insert_len (doc->result->strings,
                                               text + toks[na].s,
                                               toks[rb - 1].e - toks[na].s);
      if (rb - na == 1
          && quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], text,
                            toks[na].s, toks[na].e))
        return FALSE;
      for (guint k = ra; k < na; k++)
        if (!spk->gender)
          spk->gender = quotes_title_gender (doc, toks[k].s, toks[k].e);
      /* "Dr Rao", "Midfielder Edu" name a person; "Foreign Office",
       * "Home Office" do not ("foreign" is a title word only before an
       * office) */
      spk->titled = na > ra && quotes_is_personal_title (doc, &toks[na - 1]);
      /* one capitalised word never seen with a first name nor a title
       * ("Ministers", "Microsoft") is no person for he and she */
      if (strchr (spk->name, ' ') == NULL && spk->gender == 0 && !spk->titled)
        spk->kind = QUOTES_SPK_NOMINAL;
      return TRUE;
    }

  /* a nominal phrase: "the prime minister", "a spokesman", "officials" */
  {
    const QuotesTok *head = &toks[b - 1];
    gboolean indefinite = quotes_tok_is (doc, &toks[a], "a")
                          || quotes_tok_is (doc, &toks[a], "an")
                          || quotes_tok_is (doc, &toks[a], "one")
                          || quotes_tok_is (doc, &toks[a], "another");
    /* "said the 29-year-old": the person last named */
    if (!indefinite && head->e - head->s > 9
        && g_ascii_strncasecmp (text + head->e - 9, "-year-old", 9) == 0)
      {
        QuotesSpeaker ante;
        if (quotes_find_antecedent (doc, hist, doc->ante_lo,
                                    MIN (head->s, doc->cur_open), 3, TRUE,
                                    &ante))
          {
            spk->name = ante.name;
            spk->kind = QUOTES_SPK_PERSON;
            spk->gender = ante.gender;
            spk->ms = toks[a].s;
            spk->me = head->e;
            return TRUE;
          }
      }
    gboolean owned = FALSE; /* "the minister's spokesman": not the minister */
    for (guint k = a; k + 1 < b; k++)
      owned |= quotes_tok_is_possessive (doc, &toks[k]);
    if (!indefinite && !owned && quotes_is_title (doc, head->s, head->e))
      {
        guint ta = b - 1;
        QuotesName *nm = NULL;
        while (ta > a && !quotes_tok_is_det (doc, &toks[ta - 1])
               && quotes_is_title (doc, toks[ta - 1].s, toks[ta - 1].e))
          ta--;
        nm = quotes_titles_lookup (doc, toks[ta].s, head->e);
        if (nm == NULL && ta + 1 < b)
          nm = quotes_titles_lookup (doc, toks[b - 2].s, head->e);
        if (nm == NULL && quotes_tok_is_det (doc, &toks[a])
            && quotes_tok_is (doc, &toks[a], "the")
            && !quotes_other_office_before (doc, head->s))
          nm = quotes_titles_lookup (doc, head->s, head->e);
        if (nm == NULL && quotes_tok_is (doc, &toks[a], "the") && ta == a + 1)
          nm = quotes_title_holder_once (doc, toks[ta].s, head->s, head->e);
        if (nm)
          {
            spk->name = nm->full;
            spk->kind = QUOTES_SPK_PERSON;
            spk->gender = nm->gender;
            spk->ms = toks[a].s;
            spk->me = head->e;
            return TRUE;
          }
      }
    /* "the Lyon player", "the Wales coach", "the Tory leader": the
     * person named last (not "the spokesman", an unnamed role).  A title
     * takes a modifier that is no title word itself ("the prime minister",
     * "the shadow chancellor" stay with the holder rules above) */
    gboolean role_title
        = b - a >= 3 && !owned && quotes_is_title (doc, head->s, head->e);
    for (guint k = a + 1; role_title && k + 1 < b; k++)
      role_title = !quotes_is_title (doc, toks[k].s, toks[k].e)
                   && !quotes_tok_is (doc, &toks[k], "junior")
                   && !quotes_tok_is (doc, &toks[k], "ex");
    if (quotes_tok_is (doc, &toks[a], "the") && b - a >= 2
        && (role_title
            || quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], text,
                              head->s, head->e))
        && !quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS], text,
                           head->s, head->e))
      {
        QuotesSpeaker ante;
        QuotesName *nm;
        if (quotes_find_antecedent (doc, hist, doc->ante_lo,
                                    MIN (head->s, doc->cur_open), 3, TRUE,
                                    &ante)
            && ante.kind == QUOTES_SPK_PERSON)
          {
            spk->name = ante.name;
            spk->kind = QUOTES_SPK_PERSON;
            spk->gender = ante.gender;
            spk->ms = toks[a].s;
            spk->me = head->e;
            return TRUE;
          }
        /* else a person named in the sentences just before, even as an
         * object ("... from Ana Costa. The Green leader said"): only for
         * a title ("the man" is anybody) */
        if (role_title
            && (nm = quotes_person_named_before (doc, toks[a].s, 300)) != NULL)
          {
            spk->name = nm->full;
            spk->kind = QUOTES_SPK_PERSON;
            spk->gender = nm->gender;
            spk->ms = toks[a].s;
            spk->me = head->e;
            return TRUE;
          }
      }
    spk->ms = toks[a].s;
    spk->me = head->e;
    spk->name = g_string_chunk_insert_len (
        doc->result->strings, text + toks[a].s, head->e - toks[a].s);
    spk->kind = QUOTES_SPK_NOMINAL;
    return TRUE;
  }
}

/* Whether @t stops a subject phrase read after an inverted cue. */
static gboolean
quotes_tok_stops_np (const QuotesDoc *doc, const QuotesTok *t)
{

  if (t->punct)
    return TRUE;
  return quotes_in_set (doc->config->sets[QUOTES_SET_NP_STOPS], doc->text, t->s,
                        t->e);
}

/* Whether toks[a..b) may be a subject that speaks: it opens with a
 * pronoun, a capitalised word, a determiner or a noun, and holds no
 * auxiliary ("has had almost 900", "with no cast", "although she"). */
static gboolean
quotes_np_can_speak (const QuotesDoc *doc, const QuotesTok *t, guint a, guint b)
{
  static const char *const bad[]
      = { "with", "although", "though", "such",   "as",    "while", "if",
          "when", "because",  "after",  "before", "is",    "was",   "were",
          "are",  "has",      "had",    "have",   "could", "would", "will",
          "not",  "be",       "been",   NULL };
  while (a < b
         && (quotes_tok_is (doc, &t[a], "and")
             || quotes_tok_is (doc, &t[a], "but") || t[a].punct))
    a++;
  if (a >= b || quotes_tok_is (doc, &t[b - 1], "and")
      || quotes_tok_is (doc, &t[b - 1], "but")
      || quotes_tok_is (doc, &t[b - 1], "or"))
    return FALSE;
  for (guint k = a; k < b; k++)
    for (guint w = 0; bad[w] && !t[k].cap; w++)
      if (quotes_tok_is (doc, &t[k], bad[w]))
        return FALSE;
  if (b - a > 1 && quotes_tok_is_pronoun (doc, &t[a]))
    return FALSE; /* "he is seen" */
  return TRUE;
}

/* Rule "after": `"...," Carney said` and `"...," said Carney, the ...`. */
static gboolean
quotes_rule_after (QuotesDoc *doc, const QuotesHistory *hist,
                   const QuotesQuote *q, const QuotesToks *toks,
                   QuotesSpeaker *spk)
{
  const QuotesTok *t;
  guint i = 0, n, limit;
  gunichar last = quotes_char_before (doc->text, q->end);
  gboolean open_end = last == ',' || last == '?' || last == '!' || last == '-'
                      || last == 0x2014 || last == 0x2013 || last == 0x2026
                      || last == ':' || last == ';'
                      || (last == '.' && q->end - q->start > 3
                          && memcmp (doc->text + q->end - 3, "...", 3) == 0);

  n = toks->n;
  if (n == 0)
    return FALSE;
  t = toks->t;
  if (t[0].punct == ',' || t[0].punct == '-')
    {
      open_end = TRUE;
      i = 1;
    }
  if (!open_end)
    {
      /* "...deepens." he said: only a lower-case continuation; '"..."
       * said Lee Rainie' with the comma lost: an inverted cue and a name */
      gboolean inverted = n >= 2 && !t[0].punct && !t[0].cap
                          && quotes_tok_is_cue (doc, &t[0]) && t[1].cap
                          && !t[1].punct;
      if (!inverted
          && (last != '.' || t[0].punct || t[0].cap
              || !(quotes_tok_is_pronoun (doc, &t[0])
                   || quotes_tok_is_cue (doc, &t[0]))))
        return FALSE;
    }
  if (i >= n)
    return FALSE;

  /* inverted: said Carney / says Mr Smith, the ... */
  if (quotes_cue_len (doc, t, i, n) && !quotes_tok_is (doc, &t[i], "told")
      && !quotes_tok_is (doc, &t[i], "tells"))
    {
      guint a = i + quotes_cue_len (doc, t, i, n), b = a;
      while (
          b < n && b - a < 8
          && (!quotes_tok_stops_np (doc, &t[b])
              || quotes_tok_is (doc, &t[b], "and")
              /* "said Sky Networks' Ana Costa": a plural possessive */
              || (t[b].punct == '"'
                  && (doc->text[t[b].s] == '\''
                      || quotes_char_at (doc->text, doc->len, t[b].s) == 0x2019)
                  && b > a && t[b - 1].cap && doc->text[t[b - 1].e - 1] == 's'
                  && b + 1 < n && t[b + 1].cap))
          && !quotes_tok_is_cue (doc, &t[b]))
        b++;
      /* "said the firm's technology director, Ana Costa": the name */
      if (b > a && b + 2 < n && t[b].punct == ','
          && (quotes_is_title (doc, t[b - 1].s, t[b - 1].e)
              || quotes_tok_in_set (doc, &t[b - 1], QUOTES_SET_PEOPLE))
          && t[b + 1].cap && t[b + 2].cap)
        {
          guint c = b + 1, d = c;
          while (d < n && d - c < 4 && t[d].cap && !t[d].punct)
            d++;
          if (d == n || t[d].punct || quotes_tok_stops_np (doc, &t[d]))
            {
              a = c;
              b = d;
            }
        }
      if (b > a && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[i].s;
          spk->ce = t[i].e;
          return TRUE;
        }
      return FALSE;
    }

  /* Carney said / the prime minister told reporters / he added */
  limit = MIN (n, i + 20);
  for (guint j = i; j < limit; j++)
    {
      if (quotes_tok_ends_sentence (&t[j]) || t[j].punct == '"')
        return FALSE;
      /* "...," the paper quotes a source close to the firm: the source */
      if (j > i && j + 1 < n
          && (quotes_tok_is (doc, &t[j], "quotes")
              || quotes_tok_is (doc, &t[j], "quoted")
              || quotes_tok_is (doc, &t[j], "quoting"))
          && !t[j + 1].punct && !quotes_tok_is (doc, &t[j + 1], "by"))
        {
          /* "...," AP quoted (prosecutor) Ana Costa / officials as saying:
           * with no determiner, only before "as saying" ("he was quoted by
           * the agency as saying" is passive) */
          guint a = j + 1, b = a;
          gboolean det = !t[j + 1].cap && quotes_tok_is_det (doc, &t[j + 1]);
          while (b < n && b - a < 9 && !t[b].punct
                 && !quotes_tok_is (doc, &t[b], "as"))
            b++;
          /* a name, a title before a name, or him/her/them */
          gboolean named = t[a].cap
                           || (b > a + 1 && t[a + 1].cap && !t[a + 1].punct)
                           || (b == a + 1
                               && (quotes_tok_is (doc, &t[a], "him")
                                   || quotes_tok_is (doc, &t[a], "her")
                                   || quotes_tok_is (doc, &t[a], "them")));
          if (b < n && (det || named)
              && ((det
                   && (quotes_tok_ends_sentence (&t[b]) || t[b].punct == ','))
                  || (b + 1 < n && quotes_tok_is (doc, &t[b], "as")
                      && (quotes_tok_is (doc, &t[b + 1], "saying")
                          || quotes_tok_is (doc, &t[b + 1], "telling") || det)))
              && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = t[j].s;
              spk->ce = t[j].e;
              return TRUE;
            }
          if (det)
            return FALSE;
        }
      if (j == i || !quotes_cue_len (doc, t, j, n))
        continue;
      guint b = j, comma = j;
      while (b > i && quotes_tok_is_adverb (doc, &t[b - 1]))
        b--;
      /* Mr Smith, the chairman, said: the part before the first comma */
      for (guint k = i; k < b; k++)
        if (t[k].punct == ',')
          {
            comma = k;
            break;
          }
      if (comma < b)
        b = comma;
      if (b - i > 7 || !quotes_np_can_speak (doc, t, i, b))
        return FALSE;
      if (quotes_resolve_np (doc, hist, t, i, b, spk))
        {
          spk->cs = t[j].s;
          spk->ce = t[j].e;
          return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Whether @t is a time word that may stand between a subject and its
 * verb ("Tom Reyes in March said", "Smith on Monday said"). */
static gboolean
quotes_tok_is_time (const QuotesDoc *doc, const QuotesTok *t)
{
  if (t->punct)
    return FALSE;
  if (g_ascii_isdigit (doc->text[t->s]))
    return TRUE;
  return quotes_tok_in_set (doc, t, QUOTES_SET_TIMES);
}

/* The capitalised run that ends at token @e - 1, as [*a, e). */
static gboolean
quotes_cap_run_before (const QuotesDoc *doc, const QuotesTok *t, guint from,
                       guint e, guint *a)
{
  guint s;

  if (e <= from || !t[e - 1].cap || t[e - 1].punct)
    return FALSE;
  s = e - 1;
  while (s > from && (t[s - 1].cap || quotes_tok_is_connector (doc, &t[s - 1]))
         && !t[s - 1].punct && !quotes_tok_is_possessive (doc, &t[s - 1])
         && e - s < 6)
    s--;
  *a = s;
  return TRUE;
}

/* Rule "after", late form: a partial quote whose sentence ends with its
 * attribution: `a "long session" where ..., party sources told reporters.` */
static gboolean
quotes_rule_late (QuotesDoc *doc, const QuotesHistory *hist,
                  const QuotesQuote *q, const QuotesToks *toks,
                  QuotesSpeaker *spk)
{
  const QuotesTok *t;
  guint n, end, comma = 0;
  gboolean found = FALSE;

  /* only a partial quote: its sentence goes on after it */
  if (strchr (".?!:", doc->text[q->end - 1]))
    goto out;
  t = toks->t;
  n = toks->n;
  for (end = 0; end < n; end++)
    if (quotes_tok_ends_sentence (&t[end]) || t[end].punct == '"'
        || t[end].punct == ':')
      break;
  if (end == n && n == QUOTES_MAX_TOKENS)
    goto out;
  for (guint k = end; k > 0; k--)
    if (t[k - 1].punct == ',')
      {
        comma = k;
        break;
      }
  if (comma == 0)
    goto out;
  /* , said NP . ("..., said the leaflet published by the police.") */
  if (comma < end && quotes_tok_in_set (doc, &t[comma], QUOTES_SET_INVERTED)
      && !t[comma].cap && comma + 1 < end && !t[comma + 1].punct
      && !quotes_tok_is_pronoun (doc, &t[comma + 1]))
    {
      guint a = comma + 1, b = a;
      while (b < end && b - a < 8 && !quotes_tok_stops_np (doc, &t[b])
             && !quotes_tok_is_cue (doc, &t[b])
             /* "the leaflet published by ...": a participle ends it */
             && !(b > a + 1 && !t[b].cap && !quotes_tok_is_det (doc, &t[b - 1])
                  && t[b].e - t[b].s > 4 && doc->text[t[b].e - 1] == 'd'
                  && doc->text[t[b].e - 2] == 'e'))
        b++;
      /* a subject phrase ("the leaflet", "Ana Costa"), then the end, a
       * preposition or a participle; not "..., said the minister felt" */
      if ((t[a].cap || quotes_tok_is_det (doc, &t[a])) && b - a < 8
          && (b == end || quotes_tok_stops_np (doc, &t[b])
              || (t[b].e - t[b].s > 4 && doc->text[t[b].e - 1] == 'd'
                  && doc->text[t[b].e - 2] == 'e'))
          && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[comma].s;
          spk->ce = t[comma].e;
          found = TRUE;
        }
      goto out;
    }
  /* , NP cue (up to four words) . */
  for (guint j = comma + 1; j < end && j <= comma + 7; j++)
    {
      if (t[j].punct)
        break;
      if (!quotes_cue_len (doc, t, j, n))
        continue;
      if (end - j > 5 || quotes_tok_is (doc, &t[comma], "which")
          || quotes_tok_is (doc, &t[comma], "who")
          || quotes_tok_is (doc, &t[comma], "that"))
        break;
      /* ", Tony Blair has said." */
      guint ne = j;
      while (ne > comma + 1
             && (quotes_tok_is (doc, &t[ne - 1], "has")
                 || quotes_tok_is (doc, &t[ne - 1], "have")
                 || quotes_tok_is (doc, &t[ne - 1], "had")))
        ne--;
      if (quotes_np_can_speak (doc, t, comma, ne)
          && quotes_resolve_np (doc, hist, t, comma, ne, spk))
        {
          spk->cs = t[j].s;
          spk->ce = t[j].e;
          found = TRUE;
        }
      break;
    }
out:
  return found;
}

/* Rule "after", named form without a comma: a partial quote whose
 * sentence goes on to a full name and a reporting verb ('... will be
 * "make or break" for the poor Gordon Brown will say as he ...'). */
static gboolean
quotes_rule_late_name (QuotesDoc *doc, const QuotesHistory *hist,
                       const QuotesQuote *q, const QuotesToks *toks,
                       QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n;

  if (strchr (".?!:,", doc->text[q->end - 1])
      || !memchr (doc->text + q->start, ' ', q->end - q->start))
    return FALSE; /* one word ("dramatic") is too little to go on */
  for (guint j = 0; j < n && j < 16; j++)
    {
      guint e = j, a;
      if (quotes_tok_ends_sentence (&t[j]) || t[j].punct == '"'
          || t[j].punct == ':' || t[j].punct == ',' || t[j].punct == '-'
          || t[j].punct == '(')
        return FALSE;
      /* "the North East Says No campaign": a cue inside a name */
      if (j == 0 || t[j].cap || !quotes_tok_is_cue (doc, &t[j])
          || quotes_cue_is_passive (doc, t, 0, j))
        continue;
      while (e > 1 && e + 2 > j
             && (quotes_tok_is (doc, &t[e - 1], "will")
                 || quotes_tok_is (doc, &t[e - 1], "would")
                 || quotes_tok_is (doc, &t[e - 1], "has")
                 || quotes_tok_is (doc, &t[e - 1], "had")
                 || quotes_tok_is (doc, &t[e - 1], "also")))
        e--;
      if (!quotes_cap_run_before (doc, t, 1, e, &a) || e - a < 2
          || quotes_tok_is_possessive (doc, &t[e - 1])
          || !quotes_resolve_np (doc, hist, t, a, e, spk)
          || spk->kind != QUOTES_SPK_PERSON)
        return FALSE;
      spk->cs = t[j].s;
      spk->ce = t[j].e;
      return TRUE;
    }
  return FALSE;
}

/* Whether the cue at toks[c] is passive ("has been accused of"), so its
 * subject is no speaker. */
static gboolean
quotes_cue_is_passive (const QuotesDoc *doc, const QuotesTok *t, guint from,
                       guint c)
{
  guint k = c;
  while (k > from && k + 3 > c && quotes_tok_is (doc, &t[k - 1], "also"))
    k--;
  return k > from
         && (quotes_tok_is (doc, &t[k - 1], "been")
             || quotes_tok_is (doc, &t[k - 1], "was")
             || quotes_tok_is (doc, &t[k - 1], "were")
             || quotes_tok_is (doc, &t[k - 1], "being")
             || quotes_tok_is (doc, &t[k - 1], "be")
             || quotes_tok_is (doc, &t[k - 1], "is")
             || quotes_tok_is (doc, &t[k - 1], "are"))
         && doc->text[t[c].e - 1] == 'd';
}

/* The subject that opens the sentence at toks[from] (after "But", "And"
 * and commas), followed by a verb before @limit: a pronoun, a name with its
 * titles ("Tory leader Ana Costa"), or a determiner and a few words up to
 * a past verb or an auxiliary ("The union's leader has"). */
static gboolean
quotes_opening_subject (const QuotesDoc *doc, const QuotesTok *t, guint from,
                        guint limit, guint *a, guint *b)
{
  guint s = from, e;

  while (s < limit
         && (t[s].punct == ',' || quotes_tok_is (doc, &t[s], "but")
             || quotes_tok_is (doc, &t[s], "and")
             || quotes_tok_is (doc, &t[s], "however")))
    s++;
  if (s >= limit || t[s].punct)
    return FALSE;
  /* "In a statement on Thursday, Euronext said": after the opening phrase */
  if (t[s].cap && !quotes_tok_is_det (doc, &t[s])
      && !quotes_tok_is_pronoun (doc, &t[s])
      && quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], doc->text,
                        t[s].s, t[s].e))
    {
      guint k = s + 1;
      while (k < limit && k - s < 12 && t[k].punct != ','
             && !quotes_tok_ends_sentence (&t[k]))
        k++;
      if (k + 1 >= limit || t[k].punct != ',')
        return FALSE;
      s = k + 1;
      if (t[s].punct)
        return FALSE;
    }
  if (quotes_tok_is_pronoun (doc, &t[s]))
    e = s + 1;
  else if (t[s].cap && !quotes_tok_is_det (doc, &t[s])
           && !(t[s].e - t[s].s > 4
                && g_ascii_strncasecmp (doc->text + t[s].e - 3, "ing", 3)
                       == 0)) /* "Shivering in a dress, she ..." */
    {
      e = s + 1;
      while (e < limit && e - s < 6 && !t[e].punct
             && (t[e].cap || quotes_tok_is_connector (doc, &t[e])
                 || quotes_is_title (doc, t[e].s, t[e].e))
             && !quotes_tok_is_possessive (doc, &t[e - 1]))
        e++;
      if (!t[e - 1].cap)
        return FALSE;
    }
  else if (quotes_tok_is_det (doc, &t[s]))
    {
      e = s + 1;
      while (e < limit && e - s < 6 && !t[e].punct
             && !quotes_tok_is_cue (doc, &t[e])
             && !quotes_tok_is_adverb (doc, &t[e])
             && !(!t[e].cap && t[e].e - t[e].s > 3
                  && doc->text[t[e].e - 1] == 'd'
                  && doc->text[t[e].e - 2] == 'e'))
        e++;
      if (e < s + 2)
        return FALSE;
    }
  else
    return FALSE;
  /* a verb must follow: a lower-case word */
  if (e >= limit || t[e].punct || t[e].cap)
    return FALSE;
  *a = s;
  *b = e;
  return TRUE;
}

/* Finds the subject phrase that ends just before token @c (a cue),
 * skipping adverbs, time phrases, "who" and an appositive; sets [*a, *b).
 * "The group's director, Ruth Okoye, said": the name wins. */
static gboolean
quotes_subject_before (const QuotesDoc *doc, const QuotesTok *t, guint from,
                       guint c, guint *a, guint *b)
{
  guint e = c, s, app_a = 0, app_e = 0;
  gboolean app = FALSE;

  while (e > from && quotes_tok_is_adverb (doc, &t[e - 1]))
    e--;
  /* "He went on to say" */
  if (e >= from + 4 && quotes_tok_is (doc, &t[e - 1], "to")
      && quotes_tok_is (doc, &t[e - 2], "on")
      && (quotes_tok_is (doc, &t[e - 3], "went")
          || quotes_tok_is (doc, &t[e - 3], "goes")
          || quotes_tok_is (doc, &t[e - 3], "go")))
    {
      e -= 3;
      while (e > from && quotes_tok_is_adverb (doc, &t[e - 1]))
        e--;
    }
  /* "The union welcomed the offer and said": the subject of the first verb
   * of the sentence */
  if (e > from + 1
      && (quotes_tok_is (doc, &t[e - 1], "and")
          || quotes_tok_is (doc, &t[e - 1], "but"))
      && !t[e - 2].punct)
    return quotes_opening_subject (doc, t, from, e - 1, a, b);
  /* Tom Reyes in March said */
  if (e > from && quotes_tok_is_time (doc, &t[e - 1]))
    {
      guint k = e;
      while (k > from && e - k < 4 && quotes_tok_is_time (doc, &t[k - 1]))
        k--;
      if (k < e && k > from && !t[k - 1].punct)
        e = k;
    }
  /* A spokesman for the trade body (TBA) said */
  if (e > from && t[e - 1].punct == ')')
    {
      guint k = e - 1;
      while (k > from && t[k - 1].punct != '(' && e - k < 8)
        k--;
      if (k > from && t[k - 1].punct == '(')
        e = k - 1;
    }
  /* Ms Costa, who has described; Beijing, which described */
  if (e - from >= 2
      && (quotes_tok_is (doc, &t[e - 1], "who")
          || quotes_tok_is (doc, &t[e - 1], "which"))
      && t[e - 2].punct == ',')
    {
      e -= 2;
      /* "Ana Costa, 49, who told": the age */
      if (e - from >= 3 && !t[e - 1].punct
          && g_ascii_isdigit (doc->text[t[e - 1].s])
          && g_ascii_isdigit (doc->text[t[e - 1].e - 1])
          && t[e - 2].punct == ',')
        e -= 2;
    }
  /* Ana Costa of Lusa Ltd - a shipping firm - told */
  if (e > from && t[e - 1].punct == '-')
    {
      guint k = e - 1;
      while (k > from && t[k - 1].punct != '-' && e - k < 10
             && !quotes_tok_ends_sentence (&t[k - 1]))
        k--;
      if (k > from + 1 && t[k - 1].punct == '-')
        e = k - 1;
    }
  /* Ravi Menon, economist at a bank in Osaka, said */
  if (e > from && t[e - 1].punct == ',')
    {
      guint k = e - 1;
      while (k > from && t[k - 1].punct != ',' && e - k < 16
             && !quotes_tok_ends_sentence (&t[k - 1]))
        k--;
      if (k > from && t[k - 1].punct == ',')
        {
          app = TRUE;
          app_a = k;
          app_e = e - 1;
          e = k - 1;
        }
      else
        {
          /* "The guidance published on Tuesday, said": a sentence that
           * opens with a nominal subject and a participle phrase */
          guint p = k + 1;
          if (!quotes_tok_is_det (doc, &t[k]) || e != c
              || g_ascii_strncasecmp (doc->text + t[c].e - 3, "ing", 3) == 0)
            return FALSE;
          while (p < e - 1 && p - k < 5 && !t[p].punct
                 && !quotes_tok_is_adverb (doc, &t[p])
                 && !(t[p].e - t[p].s > 4 && !t[p].cap
                      && doc->text[t[p].e - 1] == 'd'
                      && doc->text[t[p].e - 2] == 'e'))
            p++;
          if (p >= e - 1 || p - k < 2 || t[p].punct
              || quotes_tok_is_adverb (doc, &t[p]))
            return FALSE;
          *a = k;
          *b = p;
          return TRUE;
        }
    }
  if (e <= from || t[e - 1].punct)
    return FALSE;
  if (quotes_tok_is_pronoun (doc, &t[e - 1]))
    {
      *a = e - 1;
      *b = e;
      return TRUE;
    }
  /* "the head of the Fiscal Institute, Carl Emery, said": an organisation
   * after "of" is the head's complement; the name in apposition wins */
  if (app && app_e - app_a >= 2 && app_e - app_a <= 3
      && quotes_cap_run_before (doc, t, from, e, &s) && s > from + 1
      && (quotes_tok_is (doc, &t[s - 1], "of")
          || quotes_tok_is (doc, &t[s - 1], "for")
          || quotes_tok_is (doc, &t[s - 1], "at")
          || (quotes_tok_is (doc, &t[s - 1], "the")
              && (quotes_tok_is (doc, &t[s - 2], "of")
                  || quotes_tok_is (doc, &t[s - 2], "for")
                  || quotes_tok_is (doc, &t[s - 2], "at")))))
    {
      guint k = app_a;
      while (k < app_e && t[k].cap && !t[k].punct
             && !quotes_tok_is_possessive (doc, &t[k]))
        k++;
      if (k == app_e)
        {
          *a = app_a;
          *b = app_e;
          return TRUE;
        }
    }
  if (quotes_cap_run_before (doc, t, from, e, &s))
    {
      /* "The MP for Leeds and Otley said": the title with its complement
       * ("of" makes an office: "the Bishop of Durham") */
      guint s2 = s;
      while (s2 >= from + 2 && quotes_tok_is (doc, &t[s2 - 1], "and")
             && t[s2 - 2].cap && !t[s2 - 2].punct)
        {
          s2 -= 2;
          while (s2 > from && t[s2 - 1].cap && !t[s2 - 1].punct)
            s2--;
        }
      if (s2 >= from + 3 && quotes_tok_is (doc, &t[s2 - 1], "for")
          && quotes_is_title (doc, t[s2 - 2].s, t[s2 - 2].e))
        {
          guint k = s2 - 2;
          while (k > from && s - k < 5 && !t[k - 1].punct
                 && !quotes_tok_is (doc, &t[k - 1], "the"))
            k--;
          if (k > from && quotes_tok_is (doc, &t[k - 1], "the")
              && (k - 1 == from || quotes_tok_ends_sentence (&t[k - 2])))
            {
              *a = k - 1;
              *b = e;
              return TRUE;
            }
        }
      /* "The EU's Aid Commissioner, Louis Michel, said": the name in
       * apposition to a title wins */
      if (app && app_e - app_a >= 2 && app_e - app_a <= 3
          && quotes_is_title (doc, t[e - 1].s, t[e - 1].e))
        {
          guint k = app_a;
          while (k < app_e && t[k].cap && !t[k].punct
                 && !quotes_tok_is_possessive (doc, &t[k]))
            k++;
          if (k == app_e)
            {
              *a = app_a;
              *b = app_e;
              return TRUE;
            }
        }
      /* "Simon Hart of the Countryside Alliance has questioned": the
       * person before "of (the)" */
      {
        guint k = s;
        if (k > from && quotes_tok_is (doc, &t[k - 1], "the"))
          k--;
        if (k > from + 2 && quotes_tok_is (doc, &t[k - 1], "of") && t[k - 2].cap
            && !t[k - 2].punct && !quotes_tok_is_possessive (doc, &t[k - 2]))
          {
            guint na;
            if (quotes_cap_run_before (doc, t, from, k - 1, &na)
                && k - 1 - na >= 2 && (na == from || t[na - 1].punct)
                && !quotes_is_title (doc, t[k - 2].s, t[k - 2].e)
                && !quotes_tok_in_set (doc, &t[k - 2], QUOTES_SET_BODIES))
              {
                *a = na;
                *b = k - 1;
                return TRUE;
              }
          }
      }
      /* "Ana Costa, managing director, of Lusa Ltd said": an organisation
       * after of/at is a complement; the name before the commas wins */
      guint k = s;
      if (k > from && quotes_tok_is (doc, &t[k - 1], "the"))
        k--;
      if (k > from + 2
          && (quotes_tok_is (doc, &t[k - 1], "of")
              || quotes_tok_is (doc, &t[k - 1], "at")))
        {
          guint na;
          gboolean comma = FALSE;
          k--;
          while (
              k > from && s - k < 8
              && (t[k - 1].punct == ',' || (!t[k - 1].punct && !t[k - 1].cap)))
            comma |= t[--k].punct == ',';
          if (comma && t[k].punct == ','
              && quotes_cap_run_before (doc, t, from, k, &na) && k - na >= 2
              && (na == from || t[na - 1].punct))
            {
              *a = na;
              *b = k;
              return TRUE;
            }
        }
      *a = s;
      *b = e;
      return TRUE;
    }
  /* a lower-case head with a name in apposition */
  if (app && quotes_cap_run_before (doc, t, app_a, app_e, &s))
    {
      *a = s;
      *b = app_e;
      return TRUE;
    }
  /* lower-case head: back to a determiner within a few words (not over
   * "which" or "that": "a bill which critics claim") */
  s = e - 1;
  while (s > from && e - s < 6 && !quotes_tok_is_det (doc, &t[s])
         && !t[s - 1].punct && !quotes_tok_is_cue (doc, &t[s - 1])
         && !quotes_tok_is (doc, &t[s - 1], "which")
         && !quotes_tok_is (doc, &t[s - 1], "that")
         && !quotes_tok_is (doc, &t[s - 1], "who"))
    s--;
  if (quotes_tok_is_det (doc, &t[s]) && s + 1 < e)
    {
      /* "A National Audit Office report on the 20 biggest projects says":
       * the head before the preposition */
      if (s > from + 1 && !t[s - 2].punct && !t[s - 2].cap
          && !quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], doc->text,
                             t[e - 1].s, t[e - 1].e)
          && !quotes_is_title (doc, t[e - 1].s, t[e - 1].e)
          && (quotes_tok_is (doc, &t[s - 1], "on")
              || quotes_tok_is (doc, &t[s - 1], "of")
              || quotes_tok_is (doc, &t[s - 1], "into")
              || quotes_tok_is (doc, &t[s - 1], "about")))
        {
          guint h = s - 1, k = h;
          while (k > from && h - k < 6 && !t[k - 1].punct
                 && !quotes_tok_is_det (doc, &t[k - 1])
                 && !quotes_tok_is_cue (doc, &t[k - 1])
                 && (t[k - 1].cap || k == h))
            k--;
          if (k > from && quotes_tok_is_det (doc, &t[k - 1]))
            {
              *a = k - 1;
              *b = h;
              return TRUE;
            }
        }
      *a = s;
      *b = e;
      return TRUE;
    }
  /* a possessive before the head: "Costa's office", "Lisbon's envoy" */
  if (e - from >= 2 && e - 1 > from && quotes_tok_is_possessive (doc, &t[e - 2])
      && t[e - 2].cap)
    {
      s = e - 2;
      while (s > from && t[s - 1].cap && e - s < 5)
        s--;
      *a = s;
      *b = e;
      return TRUE;
    }
  /* a person noun with modifiers: "union spokesman", "party sources" */
  if (quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], doc->text,
                     t[e - 1].s, t[e - 1].e)
      || quotes_in_set (doc->config->titles, doc->text, t[e - 1].s, t[e - 1].e))
    {
      s = e - 1;
      while (s > from && e - s < 4 && !t[s - 1].punct
             && (t[s - 1].cap || quotes_tok_is_det (doc, &t[s - 1]))
             && !quotes_tok_is_cue (doc, &t[s - 1]))
        s--;
      *a = s;
      *b = e;
      return TRUE;
    }
  /* an organisation and a noun for people or a body: "Broadcast magazine
   * said", "UKIP officials argue" */
  if (e - from >= 2 && t[e - 2].cap && !t[e - 2].punct
      && !quotes_tok_is_possessive (doc, &t[e - 2])
      && !quotes_tok_is_adverb (doc, &t[e - 1])
      && (doc->text[t[e - 1].e - 1] == 's'
          || quotes_tok_in_set (doc, &t[e - 1], QUOTES_SET_PEOPLE)
          || quotes_is_title (doc, t[e - 1].s, t[e - 1].e)
          || quotes_tok_in_set (doc, &t[e - 1], QUOTES_SET_BODIES))
      && quotes_cap_run_before (doc, t, from, e - 1, &s)
      && (s == from || t[s - 1].punct)
      && !quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], doc->text,
                         t[s].s, t[s].e)
      && !quotes_tok_is_adverb (doc, &t[s])
      && g_ascii_strncasecmp (doc->text + t[s].e - 2, "ly", 2) != 0)
    {
      *a = s;
      *b = e;
      return TRUE;
    }
  /* a bare plural: officials, analysts, police */
  if (doc->text[t[e - 1].e - 1] == 's'
      || quotes_tok_is (doc, &t[e - 1], "police"))
    {
      guint k = e - 1;
      if (k > from && !t[k - 1].punct && !quotes_tok_is_det (doc, &t[k - 1])
          && !t[k - 1].cap && !quotes_tok_is_cue (doc, &t[k - 1])
          && !quotes_tok_stops_np (doc, &t[k - 1]))
        k--; /* one modifier: "industry analysts" */
      *a = k;
      *b = e;
      return TRUE;
    }
  return FALSE;
}

/* Rule "before": `Carney said: "..."`, `He added, "..."`,
 * `Okafor said the province "firmly rejects"`.  @toks is the window
 * before the quote cut at the last sentence end. */
static gboolean
quotes_rule_before (QuotesDoc *doc, const QuotesHistory *hist,
                    const QuotesToks *toks, guint from, QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n, a, b;

  for (guint c = n; c > from; c--)
    {
      const QuotesTok *cue = &t[c - 1];
      if (n - c > 30)
        return FALSE;
      if (!quotes_tok_is_cue (doc, cue)
          || quotes_cue_is_noun (doc, t, from, c - 1))
        continue;
      /* "urged the chancellor to admit": an infinitive, look further back */
      if (c >= from + 2 && quotes_tok_is (doc, &t[c - 2], "to")
          && !(c >= from + 3 && quotes_tok_is (doc, &t[c - 3], "on")))
        {
          /* "Mr Kennedy used a speech to say": the sentence's subject */
          guint k = c - 2;
          /* the clause that holds the verb: after the last comma */
          while (k > from && t[k - 1].punct != ',')
            k--;
          if ((quotes_opening_subject (doc, t, k, c - 2, &a, &b)
               || (k > from
                   && quotes_opening_subject (doc, t, from, c - 2, &a, &b)))
              && quotes_resolve_np (doc, hist, t, a, b, spk)
              && (quotes_tok_is_pronoun (doc, &t[a])
                  || quotes_tok_is_det (doc, &t[a])
                  || (spk->kind == QUOTES_SPK_PERSON
                      && (strchr (spk->name, ' ') || spk->titled))))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
          continue;
        }
      if (quotes_cue_is_passive (doc, t, from, c - 1))
        return FALSE;
      /* "X was quoted (by the paper) as saying", "X is on record as
       * saying": the one quoted */
      if (c >= from + 3 && quotes_tok_is (doc, &t[c - 2], "as"))
        {
          guint k = c - 2, j;
          while (
              k > from && c - k < 9 && !quotes_tok_is (doc, &t[k - 1], "quoted")
              && !quotes_tok_is (doc, &t[k - 1], "record") && !t[k - 1].punct)
            k--;
          if (k == from || t[k - 1].punct)
            return FALSE;
          j = k - 1;
          while (j > from
                 && (quotes_tok_is (doc, &t[j - 1], "on")
                     || quotes_tok_is_adverb (doc, &t[j - 1])))
            j--;
          if (quotes_subject_before (doc, t, from, j, &a, &b)
              && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
          return FALSE;
        }
      /* a participle ("..., calling it", "backed the plan saying") takes
       * the sentence's subject, not the clause or object before it */
      gboolean ing
          = c >= 2 && c - 2 > from && cue->e - cue->s > 4
            && g_ascii_strncasecmp (doc->text + cue->e - 3, "ing", 3) == 0;
      gboolean object = FALSE, clause = FALSE;
      /* ", had insisted it would ..., calling": a clause before the comma,
       * not an apposition ("Mr X, apparently talking about it, telling") */
      if (ing && t[c - 2].punct == ',')
        for (guint j = c - 2; j > from && t[j - 1].punct != ','; j--)
          clause |= quotes_tok_is (doc, &t[j - 1], "had")
                    || quotes_tok_is (doc, &t[j - 1], "has")
                    || quotes_tok_is (doc, &t[j - 1], "have")
                    || quotes_tok_is (doc, &t[j - 1], "was")
                    || quotes_tok_is (doc, &t[j - 1], "were")
                    || quotes_tok_is (doc, &t[j - 1], "is")
                    || quotes_tok_is (doc, &t[j - 1], "are")
                    || quotes_tok_is (doc, &t[j - 1], "would")
                    || quotes_tok_is (doc, &t[j - 1], "will")
                    || (!t[j - 1].cap && t[j - 1].e - t[j - 1].s > 3
                        && doc->text[t[j - 1].e - 1] == 'd'
                        && doc->text[t[j - 1].e - 2] == 'e');
      /* the object of a preposition: "will argue against positive
       * discrimination saying" (not "with X saying": X speaks) */
      if (ing && t[c - 2].punct != ',')
        for (guint k = c - 2; k > from && c - 1 - k <= 5 && !t[k].punct
                              && !t[k].cap && !quotes_tok_is_cue (doc, &t[k]);
             k--)
          if (quotes_tok_is (doc, &t[k], "against")
              || quotes_tok_is (doc, &t[k], "for")
              || quotes_tok_is (doc, &t[k], "about")
              || quotes_tok_is (doc, &t[k], "over")
              || quotes_tok_is (doc, &t[k], "on")
              || quotes_tok_is (doc, &t[k], "into"))
            {
              if (quotes_opening_subject (doc, t, from, k, &a, &b)
                  && quotes_resolve_np (doc, hist, t, a, b, spk))
                {
                  spk->cs = cue->s;
                  spk->ce = cue->e;
                  return TRUE;
                }
              break;
            }
      if (!clause && quotes_subject_before (doc, t, from, c - 1, &a, &b))
        {
          /* the object of a past verb: "backed the proposals saying" (a
           * named object speaks: "showed Mr X telling") */
          object = ing && a > from + 1 && !t[a - 1].punct && !t[a - 1].cap
                   && (!t[a].cap || quotes_tok_is_det (doc, &t[a]))
                   && t[a - 1].e - t[a - 1].s > 3
                   && doc->text[t[a - 1].e - 1] == 'd'
                   && doc->text[t[a - 1].e - 2] == 'e';
          if (!object && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
        }
      /* "Fastnet also backed the proposals saying": that verb's subject,
       * when it opens the sentence */
      if (object)
        {
          guint k = a - 1;
          gboolean opens = quotes_subject_before (doc, t, from, k, &a, &b);
          /* no verb before the subject (no clause of its own) */
          for (guint j = from; opens && j < a; j++)
            opens = t[j].punct || t[j].cap
                    || !(quotes_tok_is_cue (doc, &t[j])
                         || (t[j].e - t[j].s > 3 && doc->text[t[j].e - 1] == 'd'
                             && doc->text[t[j].e - 2] == 'e'));
          if (opens && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
        }
      /* She rejected the offer, saying no "fixed number" ...: the
       * sentence's subject */
      if (ing && t[c - 2].punct == ',')
        {
          /* A Treasury official rejected the latest claims, saying ...: a
           * nominal subject that opens the sentence, then a past verb */
          a = from;
          while (a < c - 2
                 && (t[a].punct == ',' || quotes_tok_is (doc, &t[a], "but")
                     || quotes_tok_is (doc, &t[a], "and")))
            a++;
          if (a + 2 < c - 2 && quotes_tok_is_det (doc, &t[a]))
            {
              guint v;
              b = a + 1;
              while (b < c - 2 && b - a < 6 && !t[b].punct
                     && !quotes_tok_is_cue (doc, &t[b])
                     && !quotes_tok_is_adverb (doc, &t[b])
                     && !(!t[b].cap && t[b].e - t[b].s > 3
                          && doc->text[t[b].e - 1] == 'd'
                          && doc->text[t[b].e - 2] == 'e'))
                b++;
              /* "has", "also" between the subject and its verb */
              v = b;
              while (v < c - 2 && v - b < 3
                     && quotes_tok_is_adverb (doc, &t[v]))
                v++;
              if (b > a + 1 && v < c - 2 && !t[v].punct && !t[v].cap
                  && (quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE],
                                     doc->text, t[b - 1].s, t[b - 1].e)
                      || quotes_is_title (doc, t[b - 1].s, t[b - 1].e)
                      || doc->text[t[v].e - 1] == 'd')
                  && quotes_resolve_np (doc, hist, t, a, b, spk))
                {
                  spk->cs = cue->s;
                  spk->ce = cue->e;
                  return TRUE;
                }
            }
          /* "As he arrived, Mr Botin greeted the media, saying": the
           * subject that opens the last clause before the participle */
          for (guint k = c - 3; k > from; k--)
            if (t[k - 1].punct == ','
                && quotes_opening_subject (doc, t, k, c - 2, &a, &b)
                && !quotes_tok_is_pronoun (doc, &t[a])
                && (t[a].cap || quotes_tok_is_det (doc, &t[a]))
                && quotes_resolve_np (doc, hist, t, a, b, spk)
                && spk->kind == QUOTES_SPK_PERSON)
              {
                spk->cs = cue->s;
                spk->ce = cue->e;
                return TRUE;
              }
          /* Ana Costa said ..., adding they would "stay united" */
          for (guint k = from; k + 2 < c; k++)
            if (quotes_tok_is_cue (doc, &t[k])
                && !quotes_cue_is_noun (doc, t, from, k)
                && quotes_subject_before (doc, t, from, k, &a, &b)
                && quotes_resolve_np (doc, hist, t, a, b, spk))
              {
                spk->cs = cue->s;
                spk->ce = cue->e;
                return TRUE;
              }
          a = from;
          while (a < c - 2
                 && (t[a].punct == ',' || quotes_tok_is (doc, &t[a], "but")
                     || quotes_tok_is (doc, &t[a], "and")
                     || quotes_tok_is (doc, &t[a], "however")
                     || quotes_tok_is (doc, &t[a], "yet")))
            a++;
          b = a;
          if (a < c - 2 && quotes_tok_is_pronoun (doc, &t[a]))
            b = a + 1;
          else
            while (b < c - 2 && t[b].cap && b - a < 5)
              b++;
          if (b > a && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
        }
      /* Said the minister: "..." and "told by X" are rare: stop here */
      return FALSE;
    }
  return FALSE;
}

/* Rule "before", passive form: `... have been described as "idle talk"
 * by Downing Street` and `was called "a disgrace" by the union` (the
 * agent after the quote), or `was described by Ana Costa as "..."`. */
static gboolean
quotes_rule_passive_by (QuotesDoc *doc, const QuotesHistory *hist,
                        const QuotesToks *toks, guint from,
                        const QuotesToks *after, QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n;

  for (guint c = n; c > from; c--)
    {
      const QuotesTok *cue = &t[c - 1];
      const QuotesTok *u;
      guint a, b, m;
      if (n - c > 12)
        return FALSE;
      if (!quotes_tok_is_cue (doc, cue))
        continue;
      if (!quotes_cue_is_passive (doc, t, from, c - 1))
        return FALSE;
      /* described by X as "..." */
      if (c < n && quotes_tok_is (doc, &t[c], "by"))
        {
          u = t;
          a = c + 1;
          m = n;
        }
      else if (after->n >= 2 && quotes_tok_is (doc, &after->t[0], "by"))
        {
          u = after->t;
          a = 1;
          m = after->n;
        }
      else
        return FALSE;
      b = a;
      while (b < m && b - a < 8 && !quotes_tok_stops_np (doc, &u[b])
             && !quotes_tok_is_cue (doc, &u[b]))
        b++;
      if (b == a || quotes_tok_is_pronoun (doc, &u[a]))
        return FALSE;
      /* "was agreed by an adviser "...": the quote need not be his */
      if (u == t && !(b < n && n - b <= 3 && quotes_tok_is (doc, &t[b], "as")))
        return FALSE;
      if (!quotes_resolve_np (doc, hist, u, a, b, spk))
        return FALSE;
      spk->cs = cue->s;
      spk->ce = cue->e;
      return TRUE;
    }
  return FALSE;
}

/* Rule "before", colon form: `- Lyon coach Rui Matos: "..."`: a name
 * right before a colon, with no verb. */
static gboolean
quotes_rule_colon (QuotesDoc *doc, const QuotesHistory *hist,
                   const QuotesToks *toks, guint from, QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n, a;

  if (n < 2 || n - from < 2 || t[n - 1].punct != ':' || !t[n - 2].cap)
    return FALSE;
  a = n - 2;
  while (a > from && t[a - 1].cap && n - a < 6)
    a--;
  if (n - 1 - a < 2)
    return FALSE; /* one word: "Note:", "Update:" */
  return quotes_resolve_np (doc, hist, t, a, n - 1, spk);
}

/* Rule "according_to": `according to Carney` in a window. */
static gboolean
quotes_rule_according (QuotesDoc *doc, const QuotesHistory *hist,
                       const QuotesToks *toks, guint from, gboolean after,
                       QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n;

  for (guint i = from; i + 2 < n + 1 && i + 1 < n; i++)
    {
      if (!quotes_tok_is (doc, &t[i], "according")
          || !quotes_tok_is (doc, &t[i + 1], "to"))
        continue;
      if (after && i > 1)
        return FALSE; /* "...", according to X: nothing in between */
      guint a = i + 2, b = a;
      while (b < n && b - a < 8 && !quotes_tok_stops_np (doc, &t[b]))
        b++;
      if (b > a && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[i].s;
          spk->ce = t[i + 1].e;
          return TRUE;
        }
    }
  return FALSE;
}

/* The offset where the window before quote @k starts: its paragraph's
 * start, the previous quote's end, or QUOTES_WINDOW bytes back. */
static gsize
quotes_window_start (const QuotesDoc *doc, const QuotesQuote *quotes, guint k)
{
  const QuotesQuote *q = &quotes[k];
  gsize lo = q->open_mark > QUOTES_WINDOW ? q->open_mark - QUOTES_WINDOW : 0;
  gsize p;

  if (k > 0 && quotes[k - 1].close_mark_end > lo)
    lo = quotes[k - 1].close_mark_end;
  p = q->open_mark;
  while (p > lo)
    {
      if (doc->text[p - 1] == '\n')
        {
          if (!doc->config->blank_line_paragraphs)
            break;
          gsize r = p - 1;
          while (r > lo && doc->text[r - 1] != '\n'
                 && g_ascii_isspace (doc->text[r - 1]))
            r--;
          if (r == 0 || doc->text[r - 1] == '\n')
            break;
        }
      p--;
    }
  return p;
}

/* The offset where the window after quote @k ends. */
static gsize
quotes_window_end (const QuotesDoc *doc, const QuotesQuote *quotes, guint n,
                   guint k)
{
  const QuotesQuote *q = &quotes[k];
  gsize hi = MIN (doc->len, q->close_mark_end + QUOTES_WINDOW);
  gsize p = q->close_mark_end;

  if (k + 1 < n && quotes[k + 1].open_mark < hi)
    hi = quotes[k + 1].open_mark;
  while (p < hi && doc->text[p] != '\n')
    p++;
  if (doc->config->blank_line_paragraphs && p < hi)
    {
      /* a single line break only wraps the line */
      gsize r = p + 1;
      while (r < hi && doc->text[r] != '\n' && g_ascii_isspace (doc->text[r]))
        r++;
      if (r < hi && doc->text[r] != '\n')
        {
          while (r < hi && doc->text[r] != '\n')
            r++;
          p = r;
        }
    }
  return p;
}

/* Index of the first token after the last sentence end in @toks. */
static guint
quotes_last_sentence_start (const QuotesToks *toks, guint upto)
{
  for (guint k = upto; k > 0; k--)
    if (quotes_tok_ends_sentence (&toks->t[k - 1]))
      return k;
  return 0;
}

/* Whether the quote is a title, a term or a nickname: a trigger word
 * just before it, or a short title-case text with no end punctuation. */
static gboolean
quotes_is_term (QuotesDoc *doc, const QuotesQuote *q, const QuotesToks *before,
                guint nwords, guint ncap, guint nsmall)
{
  const QuotesTok *t = before->t;
  guint n = before->n;
  gunichar last = quotes_char_before (doc->text, q->end);
  gboolean punct_end = quotes_class_of (last) == QUOTES_CC_PUNCT;

  if (n >= 1 && !t[n - 1].punct
      && quotes_in_set (doc->config->sets[QUOTES_SET_TERMS], doc->text,
                        t[n - 1].s, t[n - 1].e))
    return TRUE;
  if (n >= 2 && quotes_tok_is (doc, &t[n - 1], "as")
      && (quotes_tok_is (doc, &t[n - 2], "known")
          || quotes_tok_is (doc, &t[n - 2], "billed")))
    return TRUE;
  if (n >= 2 && !t[n - 2].punct && t[n - 1].punct == ','
      && quotes_in_set (doc->config->sets[QUOTES_SET_TERMS], doc->text,
                        t[n - 2].s, t[n - 2].e))
    return TRUE;
  /* with the slogan: "..." */
  if (n >= 2 && t[n - 1].punct == ':'
      && (quotes_tok_is (doc, &t[n - 2], "slogan")
          || quotes_tok_is (doc, &t[n - 2], "motto")
          || quotes_tok_is (doc, &t[n - 2], "headline")
          || quotes_tok_is (doc, &t[n - 2], "banner")
          || quotes_tok_is (doc, &t[n - 2], "titled")
          || quotes_tok_is (doc, &t[n - 2], "entitled")))
    return TRUE;
  /* a short text quoted again: a term ("skyquette") */
  if (nwords <= 2 && !punct_end)
    for (const QuotesQuote *o = q - 1, *first = doc->first_quote;
         o >= first && q - o <= 64; o--)
      if (o->end - o->start == q->end - q->start
          && quotes_headline_lead (doc, o) == 0 /* a headline repeats */
          && memcmp (doc->text + o->start, doc->text + q->start,
                     q->end - q->start)
                 == 0)
        return TRUE;
  /* "Parasite", "The Office": all capitalised, no end punctuation */
  if (n >= 2 && !t[n - 2].punct
      && (quotes_tok_is (doc, &t[n - 1], "called")
          || quotes_tok_is (doc, &t[n - 1], "named"))
      && quotes_in_set (doc->config->sets[QUOTES_SET_TERMS], doc->text,
                        t[n - 2].s, t[n - 2].e))
    return TRUE;
  if (!punct_end && nwords <= 10 && ncap >= 1 && ncap + nsmall == nwords
      && quotes_is_upper_at (doc->text, doc->len, q->start) && n > 0
      && !quotes_tok_ends_sentence (&t[n - 1]) && t[n - 1].punct != ':')
    return TRUE;
  return FALSE;
}

/* Counts the words of the quote, how many are capitalised and how many
 * are short lower-case words (of, the). */
static void
quotes_count_words (const QuotesDoc *doc, const QuotesQuote *q, guint *nwords,
                    guint *ncap, guint *nsmall)
{
  gboolean in_word = FALSE;
  guint w = 0, c = 0, sm = 0;
  gsize ws = 0;

  for (gsize i = q->start; i <= q->end; i++)
    {
      gboolean wc
          = i < q->end
            && ((guchar)doc->text[i] >= 0x80 || g_ascii_isalnum (doc->text[i])
                || doc->text[i] == '\'' || doc->text[i] == '-');
      if (wc && !in_word)
        {
          in_word = TRUE;
          ws = i;
        }
      else if (!wc && in_word)
        {
          in_word = FALSE;
          w++;
          if (quotes_is_upper_at (doc->text, doc->len, ws))
            c++;
          else if (i - ws <= 3)
            sm++;
          if (w > 64)
            break;
        }
    }
  *nwords = w;
  *ncap = c;
  *nsmall = sm;
}

/* Notes @spk as the latest speaker. */
static void
quotes_history_note (QuotesHistory *hist, const QuotesQuote *q,
                     const QuotesSpeaker *spk)
{
  hist->last = q;
  hist->last_any = spk->name;
  if (spk->kind == QUOTES_SPK_PERSON && spk->name)
    {
      hist->last_person = spk->name;
      hist->last_person_gender = spk->gender;
      if (spk->gender == 1)
        hist->last_male = spk->name;
      else if (spk->gender == 2)
        hist->last_female = spk->name;
    }
}

/* Stores @spk into quote @q. */
static void
quotes_set_speaker (QuotesQuote *q, const QuotesSpeaker *spk, QuotesRule rule)
{
  q->speaker = spk->name;
  q->mention_start = spk->ms;
  q->mention_end = spk->me;
  q->cue_start = spk->cs;
  q->cue_end = spk->ce;
  q->rule = rule;
  q->speaker_kind = spk->kind;
}

/* Whether quote @q sits in a headline: the document's first line, which
 * ends without a full stop and is followed by a blank line.  Returns the
 * offset where the lead paragraph starts, or 0 when it is no headline. */
static gsize
quotes_headline_lead (const QuotesDoc *doc, const QuotesQuote *q)
{
  gsize p = q->close_mark_end, r;

  if (q->open_mark > 200)
    return 0;
  for (gsize i = 0; i < q->open_mark; i++)
    if (doc->text[i] == '\n')
      return 0;
  while (p < doc->len && p < q->close_mark_end + 200 && doc->text[p] != '\n')
    p++;
  if (p >= doc->len || doc->text[p] != '\n')
    return 0;
  r = p;
  while (r > 0 && g_ascii_isspace (doc->text[r - 1]))
    r--;
  if (r > 0 && doc->text[r - 1] == '.')
    return 0;
  p++;
  while (p < doc->len && (doc->text[p] == ' ' || doc->text[p] == '\t'))
    p++;
  if (p >= doc->len || doc->text[p] != '\n')
    return 0; /* no blank line: not a title */
  while (p < doc->len && g_ascii_isspace (doc->text[p]))
    p++;
  return p < doc->len ? p : 0;
}

/* Whether the quote reads as a clause ('to be lifted', 'must go',
 * 'risks breaking the rule') rather than a term ('grey vote'): it holds
 * a modal, an auxiliary, "to", or a word in -ed or -ing. */
static gboolean
quotes_is_clause (const QuotesDoc *doc, const QuotesQuote *q)
{
  static const char *const aux[]
      = { "to",  "must",   "will", "may", "might", "could", "should", "would",
          "can", "cannot", "is",   "are", "was",   "were",  "be",     "been",
          "has", "have",   "had",  "not", "won't", "can't", "will",   NULL };
  gsize i = q->start;

  while (i < q->end)
    {
      gsize s, e;
      while (i < q->end && !g_ascii_isalpha (doc->text[i]))
        i++;
      s = i;
      while (i < q->end
             && (g_ascii_isalpha (doc->text[i]) || doc->text[i] == '\''))
        i++;
      e = i;
      if (e == s)
        break;
      for (guint k = 0; aux[k]; k++)
        if (quotes_word_is (doc->text, s, e, aux[k]))
          return TRUE;
      if (e - s > 4 && g_ascii_strncasecmp (doc->text + e - 2, "ed", 2) == 0)
        return TRUE;
      if (e - s > 5 && g_ascii_strncasecmp (doc->text + e - 3, "ing", 3) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Rule "headline", echo form: the words of a headline quote come back in
 * the lead paragraph [lead, para_end) ('Bush to get 'tough'' / 'Bush has
 * pledged a "tough" budget').  Inside a quote of the lead, that quote's
 * speaker; in plain text, the subject of the last reporting verb before
 * them in their sentence ('John Snow said a strong dollar ...'). */
static gboolean
quotes_rule_headline_echo (QuotesDoc *doc, const QuotesHistory *hist,
                           const QuotesQuote *q, const QuotesQuote *quotes,
                           guint n, gsize lead, gsize para_end,
                           QuotesSpeaker *spk)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;
  gsize len = q->end - q->start, p, ss;
  const char *text = doc->text;

  /* trailing punctuation inside the marks is no part of the words */
  while (len > 0 && strchr (".,!?;:", text[q->start + len - 1]))
    len--;
  if (len < 3)
    return FALSE;
  for (p = lead; p + len <= para_end; p++)
    if (g_ascii_strncasecmp (text + p, text + q->start, len) == 0
        && (p == lead || !g_ascii_isalnum (text[p - 1]))
        && (p + len >= doc->len || !g_ascii_isalnum (text[p + len])))
      break;
  if (p + len > para_end)
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      const QuotesQuote *o = &quotes[k];
      if (o->open_mark >= p)
        break;
      if (o != q && o->start <= p && p + len <= o->end)
        {
          if (o->speaker == NULL || o->rule == QUOTES_RULE_NONE
              || o->rule == QUOTES_RULE_HEADLINE)
            return FALSE;
          spk->name = o->speaker;
          spk->kind = o->speaker_kind;
          return TRUE;
        }
    }
  /* plain text: a reporting verb earlier in the same sentence */
  ss = p;
  while (ss > lead && !(strchr (".?!", text[ss - 1]) && text[ss] == ' '))
    ss--;
  quotes_tokenize (doc, ss, p, toks);
  t = toks->t;
  for (guint c = toks->n; c > 0; c--)
    {
      guint a, b;
      if (t[c - 1].punct == '"')
        return FALSE;
      if (!quotes_tok_is_cue (doc, &t[c - 1])
          || quotes_cue_is_passive (doc, t, 0, c - 1))
        continue;
      if (quotes_subject_before (doc, t, 0, c - 1, &a, &b)
          && !quotes_tok_is_pronoun (doc, &t[a])
          && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[c - 1].s;
          spk->ce = t[c - 1].e;
          return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Rule "headline": a clause quoted in a headline is the lead's claim; its
 * speaker is the subject of the first reporting verb of the lead
 * paragraph ("Dick Pound says ..."), else "according to X" there, else
 * the lead paragraph's first attributed quote. */
static gboolean
quotes_rule_headline (QuotesDoc *doc, const QuotesHistory *hist,
                      const QuotesQuote *q, const QuotesQuote *quotes, guint n,
                      QuotesSpeaker *spk)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;
  gsize lead = quotes_headline_lead (doc, q), hi, para_end;
  gboolean found = FALSE;

  if (lead == 0)
    return FALSE;
  hi = lead;
  while (hi < doc->len && hi < lead + 400 && doc->text[hi] != '\n')
    hi++;
  para_end = hi;
  if (quotes_rule_headline_echo (doc, hist, q, quotes, n, lead, para_end, spk))
    return TRUE;
  if (!quotes_is_clause (doc, q))
    return FALSE;
  for (guint k = 0; k < n; k++)
    if (quotes[k].open_mark >= lead)
      {
        /* quotes are attributed on their own */
        hi = MIN (hi, quotes[k].open_mark);
        break;
      }
  quotes_tokenize (doc, lead, hi, toks);
  t = toks->t;
  for (guint i = 0; i < toks->n && !found; i++)
    {
      guint a, b;
      /* "The Liberal Democrats are promising to ...", "X is urging" */
      static const char *const speech_ing[]
          = { "promising", "pledging",   "warning",     "urging",    "calling",
              "claiming",  "demanding",  "proposing",   "insisting", "arguing",
              "vowing",    "predicting", "threatening", "planning",  NULL };
      gboolean progressive = FALSE;
      guint e = i;
      if (i > 0 && i + 1 < toks->n
          && (quotes_tok_is (doc, &t[i], "is")
              || quotes_tok_is (doc, &t[i], "are")))
        for (guint w = 0; speech_ing[w] && !progressive; w++)
          progressive = quotes_tok_is (doc, &t[i + 1], speech_ing[w]);
      if (!progressive
          && (!quotes_tok_is_cue (doc, &t[i])
              || quotes_cue_is_passive (doc, t, 0, i)
              || quotes_tok_is (doc, &t[i], "heard")))
        continue;
      /* "Tony Blair has said", "X will say" */
      while (!progressive && e > 1
             && (quotes_tok_is (doc, &t[e - 1], "has")
                 || quotes_tok_is (doc, &t[e - 1], "have")
                 || quotes_tok_is (doc, &t[e - 1], "had")
                 || quotes_tok_is (doc, &t[e - 1], "will")
                 || quotes_tok_is (doc, &t[e - 1], "would")))
        e--;
      if (quotes_subject_before (doc, t, 0, e, &a, &b)
          && !quotes_tok_is_pronoun (doc, &t[a])
          && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[i].s;
          spk->ce = t[i].e;
          found = TRUE;
        }
      else
        break; /* the first cue decides */
    }
  /* "..., according to the Land Registry." */
  if (!found)
    found = quotes_rule_according (doc, hist, toks, 0, FALSE, spk);
  for (guint k = 0; k < n && !found; k++)
    {
      if (quotes[k].open_mark >= para_end)
        break;
      if (quotes[k].open_mark >= lead && quotes[k].speaker
          && quotes[k].rule != QUOTES_RULE_NONE
          && quotes[k].rule <= QUOTES_RULE_ACCORDING)
        {
          spk->name = quotes[k].speaker;
          spk->kind = quotes[k].speaker_kind;
          found = TRUE;
        }
    }
  return found;
}

/* Whether only capitalised words stand between the start of a sentence
 * and the mention at @ms ("Mr Blair went on"; not "linesman Andy Davis"). */
static gboolean
quotes_opens_sentence (const QuotesDoc *doc, gssize ms)
{
  gsize p;
  if (ms < 0)
    return FALSE;
  p = ms;
  for (guint words = 0; words < 4; words++)
    {
      gsize e = p;
      while (p > 0 && doc->text[p - 1] == ' ')
        p--;
      if (p == 0 || doc->text[p - 1] == '\n'
          || (p < e && strchr (".?!", doc->text[p - 1])))
        return TRUE;
      if (p == e)
        return FALSE;
      e = p;
      while (p > 0 && !g_ascii_isspace (doc->text[p - 1]))
        p--;
      if (!g_ascii_isupper (doc->text[p]))
        return FALSE;
    }
  return FALSE;
}

/* Whether quote @q opens with he, she, his or her: it speaks of the
 * person named before, who is then not its speaker. */
static gboolean
quotes_starts_with_he (const QuotesDoc *doc, const QuotesQuote *q)
{
  static const char *const he[] = { "he ", "she ", "his ", "her ", NULL };
  for (guint k = 0; he[k]; k++)
    if (q->end - q->start > strlen (he[k])
        && g_ascii_strncasecmp (doc->text + q->start, he[k], strlen (he[k]))
               == 0)
      return TRUE;
  return FALSE;
}

/* The start of the sentence before the one that starts at @pos (a quote
 * mark), at most 400 bytes back and not before the paragraph start. */
static gsize
quotes_prev_sentence (const QuotesDoc *doc, gsize pos)
{
  gsize p = pos, lo = pos > 400 ? pos - 400 : 0;
  while (p > lo && doc->text[p - 1] == ' ')
    p--;
  if (p > lo)
    p--; /* the full stop of the sentence before */
  while (p > lo && doc->text[p - 1] != '\n'
         && !(p > 1 && doc->text[p - 1] == ' '
              && strchr (".?!", doc->text[p - 2])
              && !g_ascii_islower (doc->text[p])))
    p--;
  return p;
}

/* Whether [lo, hi) holds a reporting verb next to a pronoun ("he says",
 * "it said", "says he"): that sentence names no new speaker. */
static gboolean
quotes_pronoun_cue_in (QuotesDoc *doc, gsize lo, gsize hi)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;

  if (hi <= lo || hi - lo > 400)
    return FALSE;
  quotes_tokenize (doc, lo, hi, toks);
  t = toks->t;
  for (guint i = 0; i < toks->n; i++)
    if (quotes_tok_is_cue (doc, &t[i])
        && ((i > 0 && quotes_tok_is_pronoun (doc, &t[i - 1]))
            || (i + 1 < toks->n && quotes_tok_is_pronoun (doc, &t[i + 1]))))
      return TRUE;
  return FALSE;
}

/* Whether quote @q opens with a lower-case verb ("turned off voters",
 * "was a failure"): a predicate, speech rather than a title after "the
 * campaign". */
static gboolean
quotes_opens_with_verb (const QuotesDoc *doc, const QuotesQuote *q)
{
  static const char *const aux[]
      = { "is",    "was",   "are",    "were", "has", "had", "have", "will",
          "would", "could", "should", "must", "can", "may", NULL };
  gsize s = q->start, e = s;

  while (e < q->end && g_ascii_islower (doc->text[e]))
    e++;
  if (e == s || e - s > 20 || (e < q->end && g_ascii_isalnum (doc->text[e])))
    return FALSE;
  if (e - s > 3 && doc->text[e - 2] == 'e' && doc->text[e - 1] == 'd')
    return TRUE;
  for (guint k = 0; aux[k]; k++)
    if (quotes_word_is (doc->text, s, e, aux[k]))
      return TRUE;
  return FALSE;
}

/* Pass 3: attributes every quote, in text order. */
static void
quotes_attribute (QuotesDoc *doc)
{
  GArray *arr = doc->result->quotes;
  QuotesQuote *quotes = (QuotesQuote *)arr->data;
  guint n = arr->len;
  QuotesHistory hist = { 0 };
  QuotesToks before_buf, after_buf;
  QuotesToks *before = &before_buf, *after = &after_buf;

  doc->first_quote = quotes;

  for (guint k = 0; k < n; k++)
    {
      QuotesQuote *q = &quotes[k];
      QuotesSpeaker spk = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
      gsize ws = quotes_window_start (doc, quotes, k);
      gsize we = quotes_window_end (doc, quotes, n, k);
      guint from, nwords, ncap, nsmall;
      gboolean found = FALSE, sent_start, para_start, cut;
      QuotesRule rule = QUOTES_RULE_NONE;

      /* antecedents since the last kept quote: a dropped scare quote
       * ('people who feel "ignored" by X') is plain text */
      doc->ante_lo = 0;
      for (guint j = k; j > 0 && k - j < 8; j--)
        if (!(quotes[j - 1].flags & QUOTES_F_DROP) || j == k - 7)
          {
            doc->ante_lo = quotes[j - 1].close_mark_end;
            break;
          }
      doc->cur_open = q->open_mark;
      {
        /* at most 240 bytes back, from a word start */
        gsize bs = q->open_mark > 240 ? q->open_mark - 240 : 0;
        cut = bs > ws;
        if (bs > ws)
          {
            while (bs < q->open_mark && !g_ascii_isspace (doc->text[bs]))
              bs++;
          }
        else
          bs = ws;
        quotes_tokenize (doc, bs, q->open_mark, before);
        if (before->n == QUOTES_MAX_TOKENS)
          {
            quotes_tokenize (doc, before->t[before->n / 2].s, q->open_mark,
                             before);
            cut = TRUE;
          }
      }
      from = quotes_last_sentence_start (before, before->n);
      {
        /* nothing but blanks between the paragraph start and the mark */
        gsize p = q->open_mark;
        while (p > 0 && (doc->text[p - 1] == ' ' || doc->text[p - 1] == '\t'))
          p--;
        para_start = p == 0 || doc->text[p - 1] == '\n'
                     || (q->flags & QUOTES_F_REOPENED);
      }
      sent_start = para_start || from == before->n;
      if (para_start)
        q->flags |= QUOTES_F_PARA_START;
      if (sent_start)
        q->flags |= QUOTES_F_SENT_START;
      quotes_count_words (doc, q, &nwords, &ncap, &nsmall);

      quotes_tokenize (doc, q->close_mark_end,
                       MIN (we, q->close_mark_end + 240), after);
      if (!(q->flags & QUOTES_F_RUNS_ON))
        found = quotes_rule_after (doc, &hist, q, after, &spk);
      if (found)
        rule = QUOTES_RULE_AFTER;
      if (found && !sent_start && spk.cs >= 0
          && (quotes_word_is (doc->text, spk.cs, spk.ce, "reported")
              || quotes_word_is (doc->text, spk.cs, spk.ce, "reports")))
        {
          /* 'Oslo said damage was "severe", the agency reported': the
           * speaker inside the sentence, not the outlet that carried it */
          QuotesSpeaker inner
              = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
          if (quotes_rule_before (doc, &hist, before, from, &inner))
            {
              spk = inner;
              rule = QUOTES_RULE_BEFORE;
            }
        }
      if (!found
          && (found = quotes_rule_before (doc, &hist, before, from, &spk)))
        rule = QUOTES_RULE_BEFORE;
      if (found && rule == QUOTES_RULE_BEFORE && spk.ce >= 0
          && (gsize)spk.ce + 6 <= q->open_mark
          && g_ascii_strncasecmp (doc->text + spk.ce, " over ", 6) == 0
          && quotes_headline_lead (doc, q) != 0)
        {
          /* a headline's "Council warned over 'X'": passive, no source */
          found = FALSE;
          rule = QUOTES_RULE_NONE;
        }
      if (!found
          && (found = quotes_rule_colon (doc, &hist, before, from, &spk)))
        rule = QUOTES_RULE_BEFORE;
      if (!found && !(q->flags & QUOTES_F_RUNS_ON)
          && (found
              = quotes_rule_passive_by (doc, &hist, before, from, after, &spk)))
        rule = QUOTES_RULE_BEFORE;
      if (!found)
        {
          if ((found
               = quotes_rule_according (doc, &hist, before, from, FALSE, &spk))
              || (found
                  = quotes_rule_according (doc, &hist, after, 0, TRUE, &spk)))
            rule = QUOTES_RULE_ACCORDING;
        }
      if (!found && !sent_start && !(q->flags & QUOTES_F_RUNS_ON)
          && (found = quotes_rule_late (doc, &hist, q, after, &spk)))
        rule = QUOTES_RULE_AFTER;
      if (!found && !sent_start && !(q->flags & QUOTES_F_RUNS_ON)
          && (found = quotes_rule_late_name (doc, &hist, q, after, &spk)))
        rule = QUOTES_RULE_AFTER;
      if (!found && sent_start && !para_start && k > 0
          && quotes[k - 1].para == q->para && !(q->flags & QUOTES_F_REOPENED))
        {
          /* '"A." Ms Costa warned that ... . "B."': a whole sentence with
           * a reporting verb between two quotes names the new speaker */
          gsize lo = quotes_prev_sentence (doc, q->open_mark);
          gsize pe = quotes[k - 1].end;
          if (lo < quotes[k - 1].close_mark_end && pe > quotes[k - 1].start
              && strchr (".?!", doc->text[pe - 1]))
            lo = quotes[k - 1].close_mark_end;
          if (lo >= quotes[k - 1].close_mark_end
              && !quotes_pronoun_cue_in (doc, lo, q->open_mark)
              && quotes_find_antecedent (doc, &hist, lo, q->open_mark, 0, FALSE,
                                         &spk)
              && g_strcmp0 (spk.name, quotes[k - 1].speaker) != 0)
            {
              found = TRUE;
              rule = QUOTES_RULE_PREV_SENTENCE;
            }
        }
      if (!found && sent_start && !para_start && k > 0
          && quotes[k - 1].para == q->para && quotes[k - 1].speaker
          && quotes[k - 1].rule != QUOTES_RULE_NONE)
        {
          /* "A," Carney said Monday. "B." */
          spk.name = quotes[k - 1].speaker;
          spk.kind = quotes[k - 1].speaker_kind;
          found = TRUE;
          rule = QUOTES_RULE_SAME_PARAGRAPH;
        }
      if (!found && !sent_start && k > 0 && quotes[k - 1].para == q->para
          && quotes[k - 1].speaker && quotes[k - 1].rule != QUOTES_RULE_NONE
          && ws == quotes[k - 1].close_mark_end && from == 0 && !cut
          && !strchr (".?!", doc->text[quotes[k - 1].end - 1]))
        {
          /* was "reckless" and a "broken promise" */
          spk.name = quotes[k - 1].speaker;
          spk.kind = quotes[k - 1].speaker_kind;
          found = TRUE;
          rule = QUOTES_RULE_SAME_PARAGRAPH;
        }
      if (!found && sent_start && !(q->flags & QUOTES_F_REOPENED)
          && quotes_find_antecedent (doc, &hist, doc->ante_lo, q->open_mark, 0,
                                     FALSE, &spk))
        {
          /* Maya Chen, an editor, says ... \n "I can see why ..." */
          found = TRUE;
          rule = QUOTES_RULE_PREV_SENTENCE;
        }
      if (!found && sent_start && !para_start && !(q->flags & QUOTES_F_REOPENED)
          && quotes_find_antecedent (
              doc, &hist,
              MAX (doc->ante_lo, quotes_prev_sentence (doc, q->open_mark)),
              q->open_mark, 3, TRUE, &spk)
          && spk.kind == QUOTES_SPK_PERSON
          && quotes_opens_sentence (doc, spk.ms)
          && !quotes_starts_with_he (doc, q))
        {
          /* "Mr Negroponte has adapted the idea. "We put in ..."": the
           * person who opens the sentence before, in the same paragraph */
          found = TRUE;
          rule = QUOTES_RULE_PREV_SENTENCE;
        }
      if (!found && (q->flags & QUOTES_F_REOPENED) && k > 0
          && quotes[k - 1].speaker)
        {
          spk.name = quotes[k - 1].speaker;
          spk.kind = quotes[k - 1].speaker_kind;
          found = TRUE;
          rule = QUOTES_RULE_CONTINUED;
        }
      if (!found && para_start && hist.last && q->para - hist.last->para <= 3
          && nwords >= doc->config->min_words)
        {
          spk.name = hist.last_any;
          spk.kind = hist.last->speaker_kind;
          found = spk.name != NULL;
          rule = QUOTES_RULE_PREVIOUS;
        }

      /* an attributed predicate after a noun such as "campaign" is speech:
       * 'said the campaign "turned off voters"' (not after "so-called") */
      gboolean predicate
          = found && before->n >= 1 && quotes_opens_with_verb (doc, q)
            && !quotes_tok_is (doc, &before->t[before->n - 1], "so-called")
            && !quotes_tok_is (doc, &before->t[before->n - 1], "term")
            && !quotes_tok_is (doc, &before->t[before->n - 1], "word")
            && !quotes_tok_is (doc, &before->t[before->n - 1], "words")
            && !quotes_tok_is (doc, &before->t[before->n - 1], "phrase")
            && !quotes_tok_is (doc, &before->t[before->n - 1], "slogan")
            && !quotes_tok_is (doc, &before->t[before->n - 1], "dubbed");
      /* titles, terms, nicknames, scare quotes; a name of a kind of thing:
       * a "smart buying" policy */
      if (!para_start && before->n >= 1 && nwords <= 6
          && quotes_tok_in_set (doc, &before->t[before->n - 1],
                                QUOTES_SET_TERMS)
          && !predicate)
        q->flags |= QUOTES_F_DROP; /* the slogan "...", the film "..." */
      else if (rule != QUOTES_RULE_AFTER && !para_start
               && ((quotes_is_term (doc, q, before, nwords, ncap, nsmall)
                    && !predicate)
                   || (nwords <= 3 && rule != QUOTES_RULE_BEFORE && after->n > 0
                       && quotes_tok_in_set (doc, &after->t[0],
                                             QUOTES_SET_KINDS)
                       && before->n > 0
                       && quotes_tok_is_det (doc, &before->t[before->n - 1]))))
        q->flags |= QUOTES_F_DROP;
      else if (!found && nwords < doc->config->min_words)
        q->flags |= QUOTES_F_DROP;
      else if (!found && !sent_start && nwords < 2 * doc->config->min_words)
        q->flags |= QUOTES_F_DROP;

      if (found && !(q->flags & QUOTES_F_DROP))
        {
          quotes_set_speaker (q, &spk, rule);
          if (rule <= QUOTES_RULE_ACCORDING
              || rule == QUOTES_RULE_PREV_SENTENCE)
            quotes_history_note (&hist, q, &spk);
          else
            hist.last = q;
        }
      /* a multi-paragraph quote attributed at its end: back-fill */
      if (found && (q->flags & QUOTES_F_REOPENED))
        for (guint j = k; j > 0 && (quotes[j].flags & QUOTES_F_REOPENED); j--)
          if (quotes[j - 1].rule == QUOTES_RULE_NONE
              || quotes[j - 1].rule == QUOTES_RULE_PREVIOUS)
            {
              quotes[j - 1].speaker = q->speaker;
              quotes[j - 1].speaker_kind = q->speaker_kind;
              quotes[j - 1].rule = QUOTES_RULE_CONTINUED;
              quotes[j - 1].flags &= ~QUOTES_F_DROP;
            }
    }
  /* headline quotes last, once the lead's quotes have speakers */
  for (guint k = 0; k < n && quotes[k].open_mark < 200; k++)
    {
      QuotesQuote *q = &quotes[k];
      QuotesSpeaker spk = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
      if (q->rule != QUOTES_RULE_NONE)
        continue;
      doc->ante_lo = 0;
      doc->cur_open = q->open_mark;
      if (quotes_rule_headline (doc, &hist, q, quotes, n, &spk))
        {
          quotes_set_speaker (q, &spk, QUOTES_RULE_HEADLINE);
          q->flags &= ~QUOTES_F_DROP;
        }
    }
}

/* Removes the quotes flagged for dropping. */
static void
quotes_compact (GArray *arr)
{
  guint kept = 0;
  for (guint k = 0; k < arr->len; k++)
    {
      QuotesQuote *q = &g_array_index (arr, QuotesQuote, k);
      if (q->flags & QUOTES_F_DROP)
        continue;
      if (kept != k)
        g_array_index (arr, QuotesQuote, kept) = *q;
      kept++;
    }
  g_array_set_size (arr, kept);
}

/* Finds and attributes every quote of @text. */
void
quotes_engine_run (const QuotesConfig *config, const char *text, gsize len,
                   QuotesResult *result)
{
  QuotesDoc doc
      = { .config = config, .text = text, .len = len, .result = result };

  quotes_result_reset (result);
  quotes_find_marks (config, text, len, result->quotes);
  if (result->quotes->len == 0)
    return;
  quotes_attribute (&doc);
  quotes_compact (result->quotes);
  if (doc.names_built)
    {
      g_hash_table_unref (doc.titles);
      g_hash_table_unref (doc.surnames);
      g_array_unref (doc.mentions);
    }
}
