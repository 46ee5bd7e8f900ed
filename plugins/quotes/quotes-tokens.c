/* quotes-tokens.c: the word tokens of attribution windows.
 *
 * Splits a bounded window of text into words and punctuation, and the
 * word tests the name and attribution passes share.
 */
#include "quotes-engine-private.h"

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
  /* no entry is longer than four bytes: most words before a full stop
   * are, and skip the list */
  if (e - s <= 4)
    for (guint i = 0; abbrevs[i]; i++)
      if (quotes_word_is (doc->text, s, e, abbrevs[i]))
        return TRUE;
  return memchr (doc->text + s, '.', e - s) != NULL; /* U.S. */
}

/* The end of the word that starts at @i (letters, digits, and ' ’ - .
 * between letters), at most @to; a period after an abbreviation joins. */
gsize
quotes_scan_word (const QuotesDoc *doc, gsize i, gsize to)
{
  const char *text = doc->text;
  gsize e = g_utf8_next_char (text + i) - text;

  for (;;)
    {
      e = quotes_skip_word_bytes (text, e, to, FALSE); /* the common case */
      if (e >= to)
        break;
      /* an ASCII byte here is no letter or digit: the loop above took
       * those */
      if ((guchar)text[e] >= 0x80 && quotes_is_word_char (text, doc->len, e))
        {
          e = g_utf8_next_char (text + e) - text;
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
void
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

      if (byte == ' ')
        {
          i++; /* the blank between most tokens, before any class test */
          continue;
        }
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
          gsize e = quotes_scan_word_fast (doc, i, to);
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

/* Whether no token can hold both the bytes before @pos and the byte at
 * @pos: one of them is a blank or a line break. */
static gboolean
quotes_is_token_boundary (const QuotesDoc *doc, gsize pos)
{
  char c = doc->text[pos], b = pos > 0 ? doc->text[pos - 1] : ' ';
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || b == ' '
         || b == '\t' || b == '\n' || b == '\r';
}

/* Tokenizes [start, hi) into @toks, taking tokens of the current quote's
 * window before (doc->before, [before_from, cur_open)) over where it can:
 * a token depends only on where it starts and, for a word that would run
 * past it, on the range's end, which is the same when the range ends at
 * the quote's mark.  A range that starts at or before the window, which
 * starts at a token boundary, tokenizes only its part before the window;
 * a range that starts inside the window, at one of its tokens or blanks
 * before one, takes the rest of its tokens when the window kept them all.
 * Both keep the first QUOTES_MAX_TOKENS tokens, as quotes_tokenize does. */
void
quotes_tokenize_to_quote (const QuotesDoc *doc, gsize start, gsize hi,
                          QuotesToks *toks)
{
  const QuotesToks *b = doc->before;
  gsize bf = doc->before_from;
  guint k = 0;

  if (b == NULL || hi != doc->cur_open || bf > hi)
    goto out_plain;
  if (start <= bf)
    {
      if (!quotes_is_token_boundary (doc, bf))
        goto out_plain;
      quotes_tokenize (doc, start, bf, toks);
    }
  else
    {
      gsize p = start;
      if (b->n >= QUOTES_MAX_TOKENS)
        goto out_plain;
      while (k < b->n && b->t[k].s < start)
        k++;
      /* only blanks may lie between the range's start and that token */
      for (gsize end = k < b->n ? b->t[k].s : hi; p < end; p++)
        if (doc->text[p] != ' ' && doc->text[p] != '\t' && doc->text[p] != '\n'
            && doc->text[p] != '\r')
          goto out_plain;
      if (k > 0 && b->t[k - 1].e > start)
        goto out_plain; /* the range starts inside a token */
      toks->n = 0;
    }
  for (; k < b->n && toks->n < QUOTES_MAX_TOKENS; k++)
    toks->t[toks->n++] = b->t[k];
  return;

out_plain:
  quotes_tokenize (doc, start, hi, toks);
}

/* The number of tokens of the reporting verb at toks[i] ("said": 1,
 * "points out": 2), 0 when there is none. */
guint
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
gboolean
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

/* Whether @t may stand between a subject and its verb (also, later). */
gboolean
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

/* Whether @t is a lower-case connector inside a name (van, de). */
gboolean
quotes_tok_is_connector (const QuotesDoc *doc, const QuotesTok *t)
{
  return !t->cap && quotes_tok_in_set (doc, t, QUOTES_SET_CONNECTORS);
}

/* Whether @t is a letter after a name: QC, MP, Jr. */
gboolean
quotes_tok_is_postnominal (const QuotesDoc *doc, const QuotesTok *t)
{
  return quotes_tok_in_set (doc, t, QUOTES_SET_POSTNOMINALS);
}

/* Length of @t without a possessive ending ('s, ’s, s'). */
gsize
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

/* Whether the word @t (without a possessive ending) names a body:
 * "Ministry", "Bank", "Watch". */
gboolean
quotes_tok_is_body (const QuotesDoc *doc, const QuotesTok *t)
{
  gsize e = quotes_tok_base_end (doc, t);

  if (t->punct || e - t->s >= 32)
    return FALSE;
  return quotes_in_set (doc->config->sets[QUOTES_SET_BODY_NAMES], doc->text,
                        t->s, e);
}

/* Whether the word @t ends in "-ing" (a present participle: "quoted him
 * telling", "saying"), five letters or more. */
gboolean
quotes_tok_is_participle (const QuotesDoc *doc, const QuotesTok *t)
{
  return t->e - t->s > 4
         && g_ascii_strncasecmp (doc->text + t->e - 3, "ing", 3) == 0;
}

/* Whether @t ends with a possessive. */
gboolean
quotes_tok_is_possessive (const QuotesDoc *doc, const QuotesTok *t)
{
  return t->punct == 0 && quotes_tok_base_end (doc, t) != t->e;
}
