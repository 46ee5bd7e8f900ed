/* quotes-marks.c: pass 1 of the quote engine: quote marks.
 *
 * Character classes of a mark's neighbours and one scan per document that
 * pairs quote marks paragraph by paragraph (see quotes-engine.c).
 */
#include "quotes-engine-private.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* The class of character @c.  ASCII characters are looked up in
 * quotes_ascii_class (line breaks and NUL: edge; letters and digits;
 * blank, tab, form feed, vertical tab: space; ( [ {; ) ] }; . , ; : ! ?;
 * - and /; " and '; anything else: other), one load where this was a
 * chain of tests for the neighbours of every quote mark. */
QuotesCharClass
quotes_class_of (gunichar c)
{
  if (c < 0x80)
    return (QuotesCharClass)quotes_ascii_class[c];
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
gunichar
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
gunichar
quotes_char_at (const char *text, gsize len, gsize pos)
{
  return pos < len ? g_utf8_get_char (text + pos) : 0;
}

/* The classes of ASCII characters (see quotes_class_of). */
const guint8 quotes_ascii_class[128] = {
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
gboolean
quotes_is_word_char (const char *text, gsize len, gsize pos)
{
  guchar b = text[pos];
  if (b < 0x80)
    return g_ascii_isalnum (b);
  return quotes_class_of (quotes_char_at (text, len, pos)) == QUOTES_CC_LETTER;
}

/* Whether the non-ASCII character at @pos is an upper-case letter (the
 * slow half of quotes_is_upper_at). */
gboolean
quotes_is_upper_char_at (const char *text, gsize len, gsize pos)
{
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
                  && quotes_is_stop_byte (text[e - 1]))
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
          if (e > (gsize)p->pos + p->len && quotes_is_stop_byte (text[e - 1]))
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
          gboolean one = e > (gsize)p->pos + p->len
                         && quotes_is_stop_byte (scan->text[e - 1]);
          /* one sentence only: a lost closing mark may run further */
          for (gsize k = p->pos + p->len; one && k + 2 < e; k++)
            if (quotes_is_stop_byte (scan->text[k]) && scan->text[k + 1] == ' '
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

/* Nonzero when one of the eight bytes @w is @c (c < 0x80). */
#define QUOTES_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define QUOTES_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
#define QUOTES_HAS_BYTE(w, c)                                                  \
  ((((w) ^ (QUOTES_ONES * (c))) - QUOTES_ONES) & ~((w) ^ (QUOTES_ONES * (c)))  \
   & QUOTES_HIGHS)

/* The first byte at or after @i that may be interesting (a quote mark's
 * first byte, a line break, or any non-ASCII byte), sixteen bytes at a
 * time where there is SSE2, then eight: most of a story is letters and
 * spaces.  Only bytes that are none of these are skipped. */
static inline gsize
quotes_skip_plain (const char *text, gsize i, gsize len)
{
#ifdef __SSE2__
  const __m128i dq = _mm_set1_epi8 ('"'), sq = _mm_set1_epi8 ('\''),
                nl = _mm_set1_epi8 ('\n');
  while (i + 16 <= len)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)(text + i));
      __m128i m = _mm_or_si128 (
          _mm_or_si128 (_mm_cmpeq_epi8 (v, dq), _mm_cmpeq_epi8 (v, sq)),
          _mm_cmpeq_epi8 (v, nl));
      /* the high bit of v marks the non-ASCII bytes */
      guint bits = (guint)(_mm_movemask_epi8 (m) | _mm_movemask_epi8 (v));
      if (bits != 0)
        return i + (gsize)__builtin_ctz (bits);
      i += 16;
    }
#endif
  while (i + 8 <= len)
    {
      guint64 w;
      memcpy (&w, text + i, 8);
      if ((w & QUOTES_HIGHS) | QUOTES_HAS_BYTE (w, '"')
          | QUOTES_HAS_BYTE (w, '\'') | QUOTES_HAS_BYTE (w, '\n'))
        break;
      i += 8;
    }
  return i;
}

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

/* Whether @arr is in quotes_cmp_open order already, as the scan mostly
 * leaves it: g_array_sort is stable, so it would change nothing. */
static gboolean
quotes_sorted_by_open (const GArray *arr)
{
  for (guint k = 1; k < arr->len; k++)
    if (quotes_cmp_open (&g_array_index (arr, QuotesQuote, k - 1),
                         &g_array_index (arr, QuotesQuote, k))
        > 0)
      return FALSE;
  return TRUE;
}

/* Pass 1: finds every paired quote of the text. */
void
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
      guchar b;
      i = quotes_skip_plain (text, i, len);
      if (i >= len)
        break;
      b = text[i];
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
  if (!quotes_sorted_by_open (out))
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
