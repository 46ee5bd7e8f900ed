/* sentences-rules.c: the decision whether a sentence ends after a token
 * (sentences_decide) and the rules it applies: stops and the quotes and
 * brackets that close on them, abbreviations and titles, headlines and
 * line breaks, layout breaks of e-mail and web text, datelines, and the
 * closings, greetings and headings that stand alone at a sentence's start
 * (sentences_closing_at).  Each rule is a small function saying what it
 * finds and why. */
#include "config.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sentences-private.h"

/* What a token is, as far as sentence ends are concerned. */
typedef enum {
  SENTENCES_TOK_OTHER,
  SENTENCES_TOK_STOP,     /* . ! ? and runs with them (?! !!! .?) */
  SENTENCES_TOK_ELLIPSIS, /* ... .... … */
  SENTENCES_TOK_ABBREV,   /* a word ending in a period: U.S. Inc. */
  SENTENCES_TOK_TITLE,    /* an abbreviation that precedes names: Dr. J. */
  SENTENCES_TOK_CLOSE     /* closing quotes and brackets */
} SentencesTokKind;

/* Classifies the token [s, s+n). */
static SentencesTokKind
sentences_kind (const char *s, gsize n)
{
  gboolean dots = TRUE, stops = TRUE;
  gunichar c;

  if (n == 1)
    switch (s[0])
      {
      case '.':
      case '!':
      case '?':
        return SENTENCES_TOK_STOP;
      case '"':
      case '\'':
      case ')':
      case ']':
      case '}':
        return SENTENCES_TOK_CLOSE;
      default:
        return SENTENCES_TOK_OTHER; /* one byte: ASCII */
      }
  if (n == 0)
    return SENTENCES_TOK_OTHER;
  if (s[n - 1] != '.' && s[n - 1] != '!' && s[n - 1] != '?')
    dots = stops = FALSE; /* words: no need to look at every byte */
  for (gsize i = 0; i < n && stops; i++)
    {
      if (s[i] != '.')
        dots = FALSE;
      if (s[i] != '.' && s[i] != '!' && s[i] != '?')
        stops = FALSE;
    }
  if (dots)
    return n == 1 ? SENTENCES_TOK_STOP : SENTENCES_TOK_ELLIPSIS;
  if (stops)
    return SENTENCES_TOK_STOP;
  if (s[n - 1] == '.')
    {
      gsize m = n - 1;
      if (m == 1 && g_ascii_isupper (s[0]))
        return SENTENCES_TOK_TITLE; /* an initial */
      if (sentences_set_has (&sentences_titles_set, s, m))
        return SENTENCES_TOK_TITLE;
      /* A.B. style initials (J.P.) are titles; U.S. is not */
      return SENTENCES_TOK_ABBREV;
    }
  c = sentences_char (s);
  switch (c)
    {
    case 0x2026: /* … */
      return SENTENCES_TOK_ELLIPSIS;
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x00BB: /* » */
      return SENTENCES_TOK_CLOSE;
    default:
      return SENTENCES_TOK_OTHER;
    }
}

/* Counts line breaks in the whitespace [s, e); a paragraph separator
 * counts as two. */
static guint
sentences_newlines (const char *t, gsize s, gsize e)
{
  guint n = 0;
  for (gsize i = s; i < e; i++)
    {
      if (t[i] == '\n')
        n++;
      else if (t[i] == '\r' && !(i + 1 < e && t[i + 1] == '\n'))
        n++;
      else if ((guchar)t[i] == 0xE2 && i + 2 < e && (guchar)t[i + 1] == 0x80
               && (guchar)t[i + 2] == 0xA9)
        n += 2;
    }
  return n;
}

/* TRUE when the token [s, s+n) can start a sentence after a full stop:
 * a capital letter, a digit, an opening quote or bracket, a currency sign
 * (an amount: "... in 2004. $15m - Amount ..."). */
static gboolean
sentences_can_start (const char *s, gsize n)
{
  gunichar c = sentences_char (s);
  if (c < 0x80 ? g_ascii_isalnum (c) && !g_ascii_islower (c)
               : g_unichar_isupper (c) || g_unichar_istitle (c)
                     || g_unichar_isdigit (c))
    return TRUE;
  switch (c)
    {
    case '"':
    case '\'':
    case '(':
    case '[':
    case 0x201C: /* “ */
    case 0x2018: /* ‘ */
    case 0x00AB: /* « */
    case '-':
    case '*':
    case '#':
    case '@':
    case '$':
    case 0x00A3: /* £ */
    case 0x20AC: /* € */
    case 0x2022: /* • */
    case 0x2013:
    case 0x2014:
      return TRUE;
    default:
      return FALSE;
    }
}

/* TRUE when the token at @s starts with an opening quote. */
static gboolean
sentences_is_open_quote (const char *s)
{
  gunichar c = sentences_char (s);
  return c == '"' || c == 0x201C || c == 0x2018 || c == 0x00AB;
}

/* TRUE when the line [s, e) looks like a headline: no lower-case
 * letters, or short, in title case, with no final comma or colon. */
static gboolean
sentences_is_headline (const char *t, gsize s, gsize e, guint ntokens)
{
  gboolean lower = FALSE, letter = FALSE, in_word = FALSE;
  guint words = 0, capitals = 0;
  const char *p;
  gunichar last;

  for (p = t + s; p < t + e; p = g_utf8_next_char (p))
    {
      gunichar c = sentences_char (p);
      if (g_unichar_isalpha (c))
        {
          letter = TRUE;
          if (g_unichar_islower (c))
            lower = TRUE;
          if (!in_word)
            {
              words++;
              if (g_unichar_isupper (c) || g_unichar_istitle (c))
                capitals++;
            }
          in_word = TRUE;
        }
      else if (c != '\'' && c != 0x2019 && c != '-')
        in_word = FALSE;
    }
  if (letter && !lower)
    return TRUE;
  if (ntokens > 15 || e - s > 100 || words == 0)
    return FALSE;
  last = sentences_char (g_utf8_prev_char (t + e));
  if (last == ',' || last == ';' || last == ':' || last == '-' || last == '(')
    return FALSE;
  return capitals * 3 >= words * 2;
}

/* TRUE for a separator line token: ***, ====, ____, ----. */
gboolean
sentences_is_rule (const char *s, gsize n)
{
  if (n < 3 || !sentences_is_deco (s[0]))
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if (s[i] != s[0])
      return FALSE;
  return s[0] != '-' || n >= 4;
}

/* TRUE for a decoration of mixed separator bytes that frames a title in
 * signatures: "----== Posted via ... News==----", "---= ... =---". */
gboolean
sentences_is_frame (const char *s, gsize n)
{
  gboolean mixed = FALSE;

  if (n < 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if (!sentences_is_deco (s[i]))
        return FALSE;
      if (s[i] != s[0])
        mixed = TRUE;
    }
  return mixed;
}

/* TRUE when [s, s+n) is digits with the separator @sep between groups of
 * the given maximum sizes (e.g. 12/31/2001, 10:53:02). */
static gboolean
sentences_is_digits (const char *s, gsize n, char sep, guint min_groups)
{
  guint groups = 1, len = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isdigit (s[i]))
        {
          if (++len > 4)
            return FALSE;
        }
      else if (s[i] == sep && len > 0)
        {
          groups++;
          len = 0;
        }
      else
        return FALSE;
    }
  return len > 0 && groups >= min_groups && groups <= 3;
}

/* TRUE for AM / PM after a time. */
gboolean
sentences_is_ampm (const char *s, gsize n)
{
  char c0 = g_ascii_tolower (s[0]);
  if (c0 != 'a' && c0 != 'p')
    return FALSE;
  if (n == 2)
    return s[1] == 'M' || s[1] == 'm';
  return n == 4 && s[1] == '.' && (s[2] == 'm' || s[2] == 'M') && s[3] == '.';
}

/* TRUE for a time zone after a time: EDT, ET, GMT, UTC (two to four
 * capitals ending in T, or UTC; a period may follow). */
static gboolean
sentences_is_zone (const char *s, gsize n)
{
  if (n > 2 && s[n - 1] == '.')
    n--; /* "EST." */
  if (n < 2 || n > 4)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isupper (s[i]))
      return FALSE;
  return s[n - 1] == 'T' || (n == 3 && memcmp (s, "UTC", 3) == 0);
}

/* TRUE for emoticons: :-) :) ;) :( :D :/ :O =) */
static gboolean
sentences_is_emoticon (const char *s, gsize n)
{
  return n >= 2 && n <= 3 && (s[0] == ':' || s[0] == ';' || s[0] == '=')
         && strchr (")(DPp]|/\\oO", s[n - 1]) != NULL;
}

/* TRUE when token @i is PS or P.S (a postscript mark whose period the
 * tokenizer split off: it does not end a sentence). */
static gboolean
sentences_is_postscript (const char *t, const guint32 *tokens, guint i)
{
  const char *a;
  gsize an;

  sentences_tok (t, tokens, i, &a, &an);
  return (an == 2 && memcmp (a, "PS", 2) == 0)
         || (an == 3 && memcmp (a, "P.S", 3) == 0);
}

/* TRUE when token @i, which ends at @end where a period follows, is a
 * title written in capitals ("ST", "MT", "GEN": the tokenizer splits their
 * periods off in capitalized datelines such as "ST. LOUIS, Mo."); titles
 * that can end a sentence ("NO.", "DEC.") do not count. */
static gboolean
sentences_is_caps_title (const char *t, const guint32 *tokens, guint i,
                         gsize end)
{
  const char *a;
  gsize an;
  char word[8];

  sentences_tok (t, tokens, i, &a, &an);
  if (a + an != t + end || an < 2 || an > 4)
    return FALSE;
  word[0] = a[0];
  for (gsize k = 1; k < an; k++)
    {
      if (!g_ascii_isupper (a[k]))
        return FALSE;
      word[k] = g_ascii_tolower (a[k]);
    }
  return sentences_set_has (&sentences_titles_set, word, an)
         && !sentences_set_has (&sentences_title_ends_set, word, an);
}

/* TRUE when the token before token @i is a determiner: "the
 * http://x.com site" names a thing, the word after goes on. */
static gboolean
sentences_after_determiner (const char *t, const guint32 *tokens, guint i)
{
  const char *a;
  gsize an;

  if (i == 0)
    return FALSE;
  sentences_tok (t, tokens, i - 1, &a, &an);
  return sentences_set_has (&sentences_determiners_set, a, an);
}

/* TRUE when @s (@n bytes) is all digits, @min to @max of them. */
static gboolean
sentences_is_number (const char *s, gsize n, gsize min, gsize max)
{
  if (n < min || n > max)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if (!g_ascii_isdigit (s[k]))
      return FALSE;
  return TRUE;
}

/* TRUE when @s (@n bytes, at least two) is all capital letters. */
static gboolean
sentences_is_caps (const char *s, gsize n)
{
  if (n < 2)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if (!g_ascii_isupper (s[k]))
      return FALSE;
  return TRUE;
}

/* TRUE when token @i ends at @end and is a number of one or two digits:
 * with a full stop after it at the start of a sentence it numbers a list
 * item ("1. The pricing ...") rather than ending a sentence. */
static gboolean
sentences_is_list_number (const char *t, const guint32 *tokens, guint i,
                          gsize end)
{
  const char *a;
  gsize an;

  sentences_tok (t, tokens, i, &a, &an);
  return a + an == t + end && sentences_is_number (a, an, 1, 2);
}

/* TRUE when token @i ends at @end and is a capitalized word ("Wham",
 * "Mia", "Dance"): a capital, then letters, one lower-case at least. */
static gboolean
sentences_is_title_word (const char *t, const guint32 *tokens, guint i,
                         gsize end)
{
  const char *a;
  gsize an;
  gboolean lower = FALSE;

  sentences_tok (t, tokens, i, &a, &an);
  if (a + an != t + end || an < 2 || !g_ascii_isupper (a[0]))
    return FALSE;
  for (gsize k = 1; k < an; k++)
    {
      if (!g_ascii_isalpha (a[k]))
        return FALSE;
      lower |= g_ascii_islower (a[k]);
    }
  return lower;
}

/* TRUE for a mail system's internal address, a name then '@' and an
 * organisation in capitals without a dot ("Rice@ENRON"). */
static gboolean
sentences_is_notes_address (const char *a, gsize an)
{
  const char *at = memchr (a, '@', an);

  return at != NULL && at > a && sentences_is_caps (at + 1, a + an - at - 1);
}

/* TRUE when the six tokens from @k are a dateline, "Monday, May 18, 2015":
 * a news story's date line, a sentence of its own even when the text runs
 * it together with the headline before it or the story after it. */
static gboolean
sentences_is_dateline (const char *t, const guint32 *tokens, guint n, guint k)
{
  const char *w[6];
  gsize wn[6];

  if (k + 6 > n)
    return FALSE;
  for (guint j = 0; j < 6; j++)
    sentences_tok (t, tokens, k + j, &w[j], &wn[j]);
  return sentences_set_has (&sentences_weekdays_set, w[0], wn[0]) && wn[1] == 1
         && w[1][0] == ','
         && sentences_set_has (&sentences_months_set, w[2], wn[2])
         && sentences_is_number (w[3], wn[3], 1, 2) && wn[4] == 1
         && w[4][0] == ',' && sentences_is_number (w[5], wn[5], 4, 4);
}

/* TRUE when token @k, "Image" or "Photo", and a colon right after it open
 * a picture credit ("... in Washington Image: United States Navy."). */
gboolean
sentences_is_credit (const char *t, const guint32 *tokens, guint n, guint k)
{
  const char *w, *c;
  gsize wn, cn;

  if (k + 1 >= n)
    return FALSE;
  sentences_tok (t, tokens, k, &w, &wn);
  sentences_tok (t, tokens, k + 1, &c, &cn);
  return wn == 5 && (memcmp (w, "Image", 5) == 0 || memcmp (w, "Photo", 5) == 0)
         && cn == 1 && c[0] == ':' && c == w + wn;
}

/* TRUE when the ")" token @i closes an aside of a few words that ends a
 * sentence, before a typical opener or a message opener and then a
 * lower-case word ("... (3 in total) Please advise.", "(like it was
 * before) Is there ...", "( the newsletter ) Have you ..."); not any
 * capitalized word: news brackets complete names ("(Prime Minister
 * Yasuhiro) Nakasone was").  Not a list item's label ("(a) Do you ..."): two
 * tokens at least inside, with a space.  Not before "I": an aside often leads a
 * clause ("( with Jo's help ) I have pulled ..."). */
static gboolean
sentences_aside_end (const char *t, const guint32 *tokens, guint n, guint first,
                     guint i, guint k)
{
  const char *b, *c;
  gsize bn, cn;
  guint j;

  if (k + 1 >= n || i < first + 3)
    return FALSE;
  sentences_tok (t, tokens, k, &b, &bn);
  sentences_tok (t, tokens, k + 1, &c, &cn);
  if (!g_ascii_islower (c[0]) || c != b + bn + 1 || (bn == 1 && b[0] == 'I')
      || !(sentences_set_has (&sentences_starters_set, b, bn)
           || sentences_set_has (&sentences_message_set, b, bn)))
    return FALSE;
  for (j = i - 1; j > first && i - j < 40; j--)
    {
      gsize s = sentences_start (tokens, j);
      if (t[s] == '(' && sentences_end (tokens, j) == s + 1)
        return j + 2 < i
               && memchr (t + s, ' ', sentences_start (tokens, i) - s) != NULL;
    }
  return FALSE;
}

/* Breaks that come from e-mail and web layout rather than punctuation:
 * separator lines, "12/31/2001 10:53 AM" stamps, "Thanks," closings, URLs
 * and e-mail addresses before a capital, "(Source) Sentence", emoticons
 * and run-ons.  TRUE when a sentence ends after token @i, whose text is
 * @a (@an bytes); the next token, @k, is @b (@bn bytes).  Each rule first
 * tests one or two bytes, so that ordinary words cost little. */
static gboolean
sentences_layout_break (const char *t, const guint32 *tokens, guint n,
                        guint first, guint i, const char *a, gsize an, guint k,
                        const char *b, gsize bn)
{
  gboolean gap = b > a + an;
  guchar a0 = (guchar)a[0], b0 = (guchar)b[0];

  /* separator lines */
  if (gap
      && ((sentences_is_deco ((char)a0) && sentences_is_rule (a, an))
          || (sentences_is_deco ((char)b0) && sentences_is_rule (b, bn))))
    return TRUE;
  /* frames: "... News==---- | The ...", "... Newsgroups | ---= 19 ..." */
  if (gap && sentences_is_deco ((char)a0) && i > 0
      && sentences_end (tokens, i - 1) == (gsize)(a - t)
      && sentences_is_frame (a, an))
    return TRUE;
  if (gap && sentences_is_deco ((char)b0) && k + 1 < n
      && sentences_is_frame (b, bn))
    {
      gsize s2 = sentences_start (tokens, k + 1);
      gsize e1 = (gsize)(b - t) + bn;
      if (s2 > e1 && sentences_newlines (t, e1, s2) == 0)
        return TRUE;
    }
  /* Name | 12/31/2001 10:53 AM, also an address (jo@x.com | 12/31/2001) */
  if (g_ascii_isdigit (b0) && k + 2 < n
      && (g_ascii_isupper (a0) || g_ascii_isdigit (a0) || a0 == '>' || a0 == '"'
          || memchr (a, '@', an) != NULL)
      && sentences_is_digits (b, bn, '/', 3))
    {
      const char *c, *d;
      gsize cn, dn;
      sentences_tok (t, tokens, k + 1, &c, &cn);
      sentences_tok (t, tokens, k + 2, &d, &dn);
      if (sentences_is_digits (c, cn, ':', 2) && sentences_is_ampm (d, dn))
        return TRUE;
    }
  /* ... 12/31/2001 10:53 AM | Next */
  if ((an == 2 || an == 4) && i >= 2 && sentences_is_ampm (a, an)
      && (g_ascii_isalnum (b0) || b0 == '"' || b0 == '<' || b0 >= 0x80))
    {
      const char *c, *d;
      gsize cn, dn;
      sentences_tok (t, tokens, i - 1, &c, &cn);
      sentences_tok (t, tokens, i - 2, &d, &dn);
      if (sentences_is_digits (c, cn, ':', 2)
          && sentences_is_digits (d, dn, '/', 3))
        return TRUE;
    }
  if (!gap)
    return FALSE;
  /* a picture credit after a caption: "... in Washington Image: Navy." */
  if ((b0 == 'I' || b0 == 'P') && g_ascii_isalnum (a0)
      && sentences_is_credit (t, tokens, n, k))
    return TRUE;
  if (an == 1)
    switch (a0)
      {
      case '>':
        /* <name@example.com> | Next */
        if (g_ascii_isupper (b0) && i > 0)
          {
            const char *c;
            gsize cn;
            sentences_tok (t, tokens, i - 1, &c, &cn);
            return memchr (c, '@', cn) != NULL;
          }
        return FALSE;
      case ')':
      case ']':
        /* (Source) Sentence, [link] Sentence: a bracket that opened the
         * sentence closes before a capital, a bracket or a quote */
        if (g_ascii_isupper (b0) || b0 == '(' || b0 == '[' || b0 == '"'
            || (b0 == 0xE2 && (guchar)b[1] == 0x80 && (guchar)b[2] == 0x9C))
          {
            const char *c;
            gsize cn;
            sentences_tok (t, tokens, first, &c, &cn);
            if (cn == 1 && c[0] == (a0 == ')' ? '(' : '['))
              return TRUE;
            return a0 == ')' && g_ascii_isupper (b0)
                   && sentences_aside_end (t, tokens, n, first, i, k);
          }
        return FALSE;
      default:
        return FALSE;
      }
  /* a URL or e-mail address, then a capital ("... is http://x.com Thanks")
   * or a lower-case word that does not go on with the sentence ("see
   * http://x.com try it", but "at http://x.com or by phone"); a bare
   * www. address is often a noun's modifier in news ("the official
   * www.x.org address"), so only a capital ends it; a list of e-mail
   * addresses is one sentence */
  if (an > 4 && g_ascii_isalpha (b0))
    {
      gboolean www = a0 == 'w' && memcmp (a, "www.", 4) == 0;
      if (sentences_is_notes_address (a, an) && sentences_is_caps (b, bn)
          && !sentences_set_has (&sentences_message_set, b, bn))
        return FALSE; /* "Ken Rice@ENRON COMMUNICATIONS": one address */
      if ((www || (a0 == 'h' && memcmp (a, "http", 4) == 0)
           || memchr (a, '@', an) != NULL)
          && (g_ascii_isupper (b0) || (bn > 4 && memcmp (b, "http", 4) == 0)
              || (!www && memchr (b, '@', bn) == NULL
                  && !sentences_set_has (&sentences_continuers_set, b, bn)
                  && !sentences_after_determiner (t, tokens, i))))
        return TRUE;
    }
  /* an emoticon ends its sentence before a word: "great :P you get", but
   * not before and, or, but: "great :) but dear" */
  return g_ascii_isalpha (b0) && sentences_is_emoticon (a, an)
         && !(bn == 3
              && (memcmp (b, "and", 3) == 0 || memcmp (b, "but", 3) == 0))
         && !(bn == 2 && memcmp (b, "or", 2) == 0);
}

/* TRUE when the word that ends before the space at @sp (at or after
 * @from) goes on with a sentence ("and", "that", "to"): a list item's
 * number after it is inside the sentence ("... that 1) prices rose and 2)
 * costs fell"), not the start of one ("four nights 1) what ..."). */
gboolean
sentences_continues_at (const char *t, gsize from, gsize sp)
{
  gsize w = sp;

  while (w > from && g_ascii_islower (t[w - 1]) && sp - w < 10)
    w--;
  return w < sp && (w == from || !g_ascii_isalpha (t[w - 1]))
         && sentences_set_has (&sentences_continuers_set, t + w, sp - w);
}

/* TRUE when [@s, @s + @n) is a capitalized word: a capital, then lower
 * case letters. */
static gboolean
sentences_is_capitalized (const char *s, gsize n)
{
  if (n < 2 || !g_ascii_isupper (s[0]))
    return FALSE;
  for (gsize k = 1; k < n; k++)
    if (!g_ascii_islower (s[k]))
      return FALSE;
  return TRUE;
}

/* At the line break @p: when a paragraph (a blank line follows) ends in a
 * capitalized name and a comma after a signature, a message's salutation
 * starts at the name: after the same name ("Paula | Paula,"), a full
 * name ("Debra Roe | Kathleen,") or a telephone number ("Fax: 713-790-2605
 * | Mansoor,").  Returns the byte of the last one's last character (where
 * a sentence ends), or 0.  Not after a greeting, a closing or a starter
 * ("On | Tuesday,"), nor within one name ("number one Carl Myerscough,"). */
gsize
sentences_salutation_line (const SentencesRun *r, gsize p)
{
  const char *t = r->t;
  gsize c = p - (p > 0 && t[p - 1] == '\r'), w, v, u;

  if (c < 6 || t[c - 1] != ','
      || sentences_newlines (t, c, MIN (c + 4, r->len)) < 2)
    return 0;
  c--;
  for (w = c; w > 0 && g_ascii_isalpha (t[w - 1]) && c - w < 16; w--)
    ;
  if (w < 3 || t[w - 1] != ' ' || !g_ascii_isalnum (t[w - 2])
      || w - 1 <= r->first_start || !sentences_is_capitalized (t + w, c - w)
      || sentences_set_has (&sentences_closings_set, t + w, c - w)
      || sentences_set_has (&sentences_starters_set, t + w, c - w))
    return 0;
  for (v = w - 1; v > r->first_start && !sentences_is_space (t[v - 1]); v--)
    ;
  if (g_ascii_isdigit (t[w - 2]))
    return v + 1 < w - 1 && t[v] != '$' ? w - 2 : 0; /* a number */
  if (w - 1 - v == c - w && memcmp (t + v, t + w, c - w) == 0)
    return w - 2; /* the same name */
  if (v < 2 || t[v - 1] != ' ' || v - 1 <= r->first_start
      || !sentences_is_capitalized (t + v, w - 1 - v)
      || sentences_set_has (&sentences_starters_set, t + v, w - 1 - v)
      || sentences_set_has (&sentences_greetings_set, t + v, w - 1 - v)
      || sentences_set_has (&sentences_closing_firsts_set, t + v, w - 1 - v))
    return 0;
  for (u = v - 1; u > r->first_start && g_ascii_isalpha (t[u - 1]); u--)
    ;
  return sentences_is_capitalized (t + u, v - 1 - u)
                 && !sentences_set_has (&sentences_starters_set, t + u,
                                        v - 1 - u)
                 && !sentences_set_has (&sentences_greetings_set, t + u,
                                        v - 1 - u)
                 && !(v - 1 - u == 4 && memcmp (t + u, "Good", 4) == 0)
                 && (u == 0 || !g_ascii_isalnum (t[u - 1]))
             ? w - 2
             : 0;
}

/* TRUE when the colon at @p closes the words that announce a list or a
 * statement ("... are as follows: Everyone will dial", "the following:
 * Current Salary", "the process below: With divisions") and one space and
 * a capital or an amount follow: the colon ends that sentence (not a verb:
 * "He follows: Jane ...").  The word before it starts after @from (the
 * open sentence's start). */
gboolean
sentences_list_intro (const char *t, gsize from, gsize p)
{
  gsize w = p;

  if (p < from + 5
      || (t[p - 1] != 's' && t[p - 1] != 'g' && t[p - 1] != 'd'
          && t[p - 1] != 'w')
      || t[p + 1] != ' ' || !(g_ascii_isupper (t[p + 2]) || t[p + 2] == '$'))
    return FALSE;
  while (w > from && g_ascii_islower (t[w - 1]) && p - w < 10)
    w--;
  if (w == from || t[w - 1] != ' ')
    return FALSE;
  if (p - w == 5)
    return memcmp (t + w, "below", 5) == 0;
  if (p - w == 9)
    return memcmp (t + w, "following", 9) == 0 && w >= from + 4
           && memcmp (t + w - 4, "the ", 4) == 0;
  /* "as follow:", "as follows:", "as followed:" */
  return p - w >= 6 && p - w <= 8 && memcmp (t + w, "follow", 6) == 0
         && (p - w == 6 || t[w + 6] == 's'
             || (p - w == 8 && t[w + 6] == 'e' && t[w + 7] == 'd'))
         && w >= from + 3 && memcmp (t + w - 3, "as ", 3) == 0;
}

/* TRUE when the colon at @p ends a clause before a URL ("... on my
 * channel: http://x.com/y", "... like Adorama: www.x.com"): one space
 * and the URL follow, and four words at least come before it in the open
 * sentence (which starts at @from), the last in lower case or a name
 * after a lower-case word; not a label
 * ("Website: http://...", "For more details: http://...") nor "to", whose
 * object the URL is ("go to: http://..."). */
gboolean
sentences_url_intro (const char *t, gsize from, gsize p)
{
  gsize w = p;
  guint spaces = 0;

  if (p < from + 8 || t[p + 1] != ' '
      || !((t[p + 2] == 'h' && strncmp (t + p + 3, "ttp", 3) == 0
            && (t[p + 6] == ':' || (t[p + 6] == 's' && t[p + 7] == ':')))
           || (t[p + 2] == 'w' && strncmp (t + p + 3, "ww.", 3) == 0))
      || !g_ascii_islower (t[p - 1]))
    return FALSE;
  while (w > from && g_ascii_isalpha (t[w - 1]))
    w--;
  if (w == from || t[w - 1] != ' '
      || (p - w == 2 && t[w] == 't' && t[w + 1] == 'o'))
    return FALSE;
  /* a capitalized word ends a clause after a lower-case word ("like
   * Adorama:"), not after a number or a label ("Fax: 202.637.4781
   * Website:") */
  if (!g_ascii_islower (t[w]) && !(w >= 2 && g_ascii_islower (t[w - 2])))
    return FALSE;
  for (gsize q = w - 1; q > from && spaces < 3 && w - q < 200; q--)
    spaces += t[q] == ' ' && t[q - 1] != ' ';
  return spaces >= 3;
}

/* TRUE when [s, s + n) is a capitalized name: a capital, then one lower
 * case letter at least, and letters, hyphens or apostrophes. */
static gboolean
sentences_is_name_word (const char *s, gsize n)
{
  if (n < 2 || !g_ascii_isupper (s[0]) || !g_ascii_islower (s[1]))
    return FALSE;
  for (gsize k = 2; k < n; k++)
    if (!g_ascii_isalpha (s[k]) && s[k] != '-' && s[k] != '\'')
      return FALSE;
  return TRUE;
}

/* TRUE when a word of two capitals or more and a space start at @s
 * ("COMMUNICATIONS "). */
static gboolean
sentences_is_caps_word (const char *s)
{
  gsize k = 0;

  while (g_ascii_isupper (s[k]))
    k++;
  return k >= 2 && s[k] == ' ';
}

/* At the '@' at @p of a mail system's address ("Jorge A Garcia@ENRON",
 * "Wayne Perry@ENRON_DEVELOPMENT"): a forwarded message's header starts at
 * the person's first name, so a sentence ends before it ("Sara Shackleton
 * | Carlos Alatorre@ENRON 02/27/2001 ...", "please print | Amanda
 * Huble@ENRON").  Returns the token before the first name, or G_MAXUINT:
 * also when a label or a word that goes on comes before it ("Sent by: Ben
 * Roe@ECT", "to Ken Rice@ENRON").  @k is the address's token. */
guint
sentences_notes_header (const SentencesRun *r, guint k, gsize p)
{
  const char *t = r->t, *a;
  gsize an, e = p + 1;
  guint f;

  if (k < 2 || k <= r->first)
    return G_MAXUINT;
  sentences_tok (t, r->tokens, k, &a, &an);
  while (g_ascii_isupper (t[e]))
    e++;
  if (e < p + 3 || e != (gsize)(a - t) + an
      || !sentences_is_name_word (a, (gsize)(t + p - a)))
    return G_MAXUINT;
  /* a header's address goes on with a date, "on", "Sent by" or a line
   * break ("@ENRON_DEVELOPMENT 03/01/2001", "@ENRON COMMUNICATIONS on"),
   * not with the words of a sentence ("ask Ken Rice@ENRON now") */
  if (t[e] == '_')
    while (t[e] == '_' || g_ascii_isupper (t[e]))
      e++;
  if (t[e] == ' ' && sentences_is_caps_word (t + e + 1))
    while (t[++e] != ' ' && t[e] != '\0')
      ;
  if (!(t[e] == '\0' || t[e] == '\n' || t[e] == '\r'
        || (t[e] == ' '
            && (g_ascii_isdigit (t[e + 1]) || g_ascii_isupper (t[e + 1])
                || (t[e + 1] == 'o' && t[e + 2] == 'n' && t[e + 3] == ' ')))))
    return G_MAXUINT;
  f = k - 1;
  sentences_tok (t, r->tokens, f, &a, &an);
  if ((an == 1 && g_ascii_isupper (a[0]))
      || (an == 2 && g_ascii_isupper (a[0]) && a[1] == '.'))
    {
      /* a middle initial: "Jorge A Garcia@ENRON" */
      if (f < 2)
        return G_MAXUINT;
      sentences_tok (t, r->tokens, --f, &a, &an);
    }
  if (f <= r->first || !sentences_is_name_word (a, an))
    return G_MAXUINT;
  sentences_tok (t, r->tokens, f - 1, &a, &an);
  if (a[an - 1] == ':' || sentences_set_has (&sentences_continuers_set, a, an))
    return G_MAXUINT;
  return f - 1;
}

/* Appends the sentence [start, end) (from its first token's start to its
 * last token's end). */
static void
sentences_emit (TpLayer *out, gsize start, gsize end, gint64 paragraph)
{
  guint i = tp_layer_append (out, start, end);
  tp_layer_set_int (out, i, 0, paragraph);
}

#ifdef __SSE2__
/* The positions k (bits 0 to 15) where "day" is at @p + k. */
static inline guint
sentences_day_bits (const char *p)
{
  __m128i d = _mm_cmpeq_epi8 (_mm_loadu_si128 ((const __m128i *)p),
                              _mm_set1_epi8 ('d'));
  __m128i a = _mm_cmpeq_epi8 (_mm_loadu_si128 ((const __m128i *)(p + 1)),
                              _mm_set1_epi8 ('a'));
  __m128i y = _mm_cmpeq_epi8 (_mm_loadu_si128 ((const __m128i *)(p + 2)),
                              _mm_set1_epi8 ('y'));
  return (guint)_mm_movemask_epi8 (_mm_and_si128 (_mm_and_si128 (d, a), y));
}
#endif

/* TRUE when the "day" at @h may end a dateline's weekday: after it, the
 * comma and the month's capital, with only ASCII whitespace around the
 * comma ("Monday, May"); a byte from 0x80 there may be a space of the
 * tokenizer's, so it answers TRUE too.  The text is NUL-terminated. */
static gboolean
sentences_day_comma (const guchar *t, gsize h)
{
  gsize e = h + 3;

  while (sentences_is_space ((char)t[e]))
    e++;
  if (t[e] >= 0x80)
    return TRUE;
  if (t[e] != ',')
    return FALSE;
  e++;
  while (sentences_is_space ((char)t[e]))
    e++;
  return t[e] >= 0x80 || g_ascii_isupper (t[e]);
}

#ifdef __SSE2__
/* TRUE when one of the "day"s at @p + k, for the bits k of @hits, has a
 * comma and a capital after it (sentences_day_comma). */
static gboolean
sentences_day_hits_comma (const guchar *t, gsize p, guint hits)
{
  for (; hits != 0; hits &= hits - 1)
    if (sentences_day_comma (t, p + (gsize)__builtin_ctz (hits)))
      return TRUE;
  return FALSE;
}
#endif

/* TRUE when a "day" in the bytes [@a, @b) of the text @t (@len bytes) is
 * followed by a comma and a capital (sentences_day_comma): every weekday
 * name ends so, and a dateline's has them, while most first sentences
 * have neither (a "today" or "holiday" has no comma and capital after
 * it), so that the dateline search can skip its walk over their tokens.
 * Sixteen positions at a time where SSE2 is there, reading only inside
 * the text: the last block is the text's last eighteen bytes, its
 * positions before @a masked off. */
static gboolean
sentences_has_day (const char *t, gsize len, gsize a, gsize b)
{
  const guchar *u = (const guchar *)t;
  gsize p = a;

  if (b > len)
    b = len;
#ifdef __SSE2__
  for (; p + 3 <= b && p + 18 <= len; p += 16)
    {
      guint hits = sentences_day_bits (t + p);
      /* only a "day" that ends before @b counts */
      if (b - p < 18)
        hits &= (1u << (b - p - 2)) - 1;
      if (sentences_day_hits_comma (u, p, hits))
        return TRUE;
    }
  if (p + 3 <= b && len >= 18)
    {
      gsize q = len - 18; /* q <= p: the loop stopped at p + 18 > len */
      guint hits = sentences_day_bits (t + q) >> (p - q);
      return sentences_day_hits_comma (u, p, hits & ((1u << (b - p - 2)) - 1));
    }
#endif
  for (; p + 3 <= b; p++)
    if (t[p] == 'd' && t[p + 1] == 'a' && t[p + 2] == 'y'
        && sentences_day_comma (u, p))
      return TRUE;
  return FALSE;
}

/* In a story's first sentence, a dateline inside it ("... off the coast
 * Monday, May 18, 2015 On Friday ...") is a sentence of its own: the
 * headline before it and the story after it are others.  Appends those
 * before it and moves the open sentence's start past them; the open
 * sentence ends with token @last, five tokens or more after its first
 * (sentences_emit_open tests that, and the text's "da", before the
 * call). */
static void
sentences_split_dateline (SentencesRun *r, guint last)
{
  const char *t = r->t;

  /* a weekday name ends in "day", with a comma and the month after it:
   * most first sentences have none */
  if (!sentences_has_day (t, r->len, r->first_start,
                          sentences_end (r->tokens, last)))
    return;
  for (guint d = r->first; d + 5 <= last; d++)
    {
      gsize ds = sentences_start (r->tokens, d);
      gsize de = sentences_end (r->tokens, d);
      /* the last byte first: few tokens end in 'y', many are short */
      if (de < 6 || t[de - 1] != 'y' || de - ds < 6 || t[de - 2] != 'a'
          || !sentences_is_dateline (t, r->tokens, r->n, d))
        continue;
      /* a date inside a sentence goes on in lower case or ends with a
       * stop: "held Monday, May 4, 2015 and ...", "... 2015." */
      if (d + 6 <= last
          && !g_ascii_isupper (t[sentences_start (r->tokens, d + 6)]))
        return;
      if (d > r->first)
        {
          const char *a;
          gsize an;
          sentences_tok (t, r->tokens, d - 1, &a, &an);
          if (!g_ascii_isalnum (a[an - 1])
              || sentences_set_has (&sentences_continuers_set, a, an))
            return;
          sentences_emit (r->out, r->first_start,
                          sentences_end (r->tokens, d - 1), r->paragraph);
          r->first_start = ds;
        }
      if (d + 6 <= last)
        {
          sentences_emit (r->out, ds, sentences_end (r->tokens, d + 5),
                          r->paragraph);
          r->first_start = sentences_start (r->tokens, d + 6);
        }
      return;
    }
}

/* Appends the open sentence, from its first token to token @last (which
 * ends at @end); the document's first one may hold a dateline. */
inline void
sentences_emit_open (SentencesRun *r, guint last, gsize end)
{
  if (G_UNLIKELY (!r->emitted))
    {
      r->emitted = TRUE;
      if (last >= r->first + 5 && (r->facts & SENTENCES_FACT_DAY))
        sentences_split_dateline (r, last);
    }
  sentences_emit (r->out, r->first_start, end, r->paragraph);
}

/* The end of the run of lower-case ASCII letters at @q in the text @t of
 * @len bytes (NUL-terminated): sixteen bytes at a time where SSE2 is there
 * and they are in the text (its NUL counts), for the word scans of the
 * sentence start rules, whose byte loops mispredicted at every word's
 * end. */
static inline gsize
sentences_lower_end (const char *t, gsize q, gsize len)
{
#ifdef __SSE2__
  const __m128i to_a = _mm_set1_epi8 ((char)(0x80 - 'a'));
  const __m128i az = _mm_set1_epi8 ((char)(-128 + 26));

  for (; q + 16 <= len + 1; q += 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)(t + q));
      guint lower = (guint)_mm_movemask_epi8 (
          _mm_cmplt_epi8 (_mm_add_epi8 (v, to_a), az));
      if (lower != 0xFFFF)
        return q + (gsize)__builtin_ctz (~lower);
    }
#endif
  while (g_ascii_islower (t[q]))
    q++;
  return q;
}

/* For sentences_dash_address: TRUE when a message opens at @ow after an
 * address's dash: a message opener ("Vince - Thanks"), or, after one name
 * (@one, the word [@p, @p + @n) that is not a sentence starter: "So - is
 * the Mac"), a lower-case word that starts a request or a report ("Tana -
 * can you", "Jeff - instead of"), not an apposition's ("Smith - a former
 * minister", "Iran - who"). */
static gboolean
sentences_dash_message (const char *t, gsize ow, gboolean one, gsize p, gsize n)
{
  gsize we = ow;

  while (g_ascii_isalpha (t[we]))
    we++;
  if (sentences_set_has (&sentences_message_set, t + ow, we - ow))
    return TRUE;
  return one && g_ascii_islower (t[ow])
         && !sentences_set_has (&sentences_starters_set, t + p, n)
         && sentences_set_has (&sentences_dash_openers_set, t + ow, we - ow);
}

/* At the start of a sentence (byte @p): one to four capitalized words,
 * with commas and "and", then a dash and a typical sentence opener address
 * the reader ("Steve, Rod and Elyse - Just wanted ...", "Vince - Thanks
 * for ...") and stand alone; returns the byte of the dash, or 0.  All-caps
 * words (news datelines) and digits do not count, and three words or more
 * without a greeting, a comma or "and" are a title, not names ("Cheap Hotel
 * Rome - Thanks for ..."). */
/* For sentences_dash_address: TRUE when the first word [@w, @w + @n)
 * is a greeting ("Good Morning Debra - I ...", "Hi Jane Doe - Just ..."):
 * a greeting leads names too.  Looked up only where a dash asks. */
static gboolean
sentences_dash_greeting (const char *t, gsize w, gsize n)
{
  return (n == 4 && memcmp (t + w, "Good", 4) == 0)
         || sentences_set_has (&sentences_greetings_set, t + w, n);
}

static gsize
sentences_dash_address (const char *t, gsize len, gsize p)
{
  gsize q = p, first_len = 0;
  gboolean list = FALSE;

  for (guint words = 0; words < 4; words++)
    {
      gsize w = q;
      if (g_ascii_isupper (t[q]) && g_ascii_islower (t[q + 1]))
        q++;
      else if (words > 0 && t[q] == 'a' && t[q + 1] == 'n' && t[q + 2] == 'd'
               && t[q + 3] == ' ')
        {
          q += 4;
          list = TRUE;
          continue;
        }
      else
        return 0;
      q = sentences_lower_end (t, q, len);
      if (words == 0)
        first_len = q - w;
      if (t[q] == ',')
        {
          q++;
          list = TRUE;
        }
      if (t[q] == '-'
          && (t[q + 1] == ' ' || (t[q + 1] == '-' && t[q + 2] == ' '))
          && (words < 2 || list || sentences_dash_greeting (t, p, first_len)))
        {
          /* the dash at the name: "Steve- Erin and I", "Kay-- I got" */
          gsize ow = q + (t[q + 1] == ' ' ? 2 : 3);
          return sentences_dash_message (t, ow, words == 0, p, q - p) ? q : 0;
        }
      if (t[q] != ' ')
        return 0;
      q++;
      if (t[q] == '-' && t[q + 1] == ' ' && t[q - 2] != ','
          && (words < 2 || list || sentences_dash_greeting (t, p, first_len)))
        {
          /* a message opener must follow, not a name or an article (an
           * apposition: "Iran - Opec's second-biggest producer - has") */
          return sentences_dash_message (t, q + 2, words == 0, p, q - 1 - p)
                     ? q
                     : 0;
        }
    }
  return 0;
}

/* At the start of a sentence (byte @p): one to five capitalized words (a
 * title, a name, a signature: "Lovely Cottage", "Jane Doe John Roe"), then
 * one of the openers above and a lower-case word: the capitalized words
 * stand alone ("Lovely Cottage | This cottage is ...").  Words that often
 * start a sentence ("When", "But") do not count as title words.  Returns
 * the byte of the last letter of the title, or 0.  Words are only looked
 * up once a capitalized word before a lower-case one is found (in news,
 * "John Smith said" costs one look-up). */
static gsize
sentences_heading_at (const char *t, gsize len, gsize p)
{
  gsize q = p, w = p;
  guint words;

  for (words = 0;; words++)
    {
      if (words == 6 || !g_ascii_isupper (t[q]))
        return 0;
      w = q++;
      q = sentences_lower_end (t, q, len);
      if (t[q] != ' ' || q - w < 2)
        return 0;
      q++;
      if (g_ascii_islower (t[q]))
        break;
    }
  /* first letters filter first: "Smith said" costs no look-up */
  if (words == 0 || !(sentences_heading_firsts & (1u << (t[w] - 'A')))
      || !sentences_set_has (&sentences_heading_set, t + w, q - 1 - w))
    return 0;
  /* the title words before the opener */
  for (q = p; q < w;)
    {
      gsize e = q;
      while (t[e] != ' ')
        e++;
      if (sentences_set_has (&sentences_starters_set, t + q, e - q)
          || sentences_set_has (&sentences_heading_preps_set, t + q, e - q))
        return 0;
      q = e + 1;
    }
  return w - 2;
}

/* TRUE when a closing without a comma is followed at @n by a signature:
 * one capitalized word that is not a sentence starter, then the end of
 * the text, a line break or a message's first word ("Thanks Ben Please
 * send ...", "Regards Molly"); not "Thanks Dave Smith for ...", "Thanks
 * For A Great Job". */
static gboolean
sentences_closing_name (const SentencesRun *r, gsize n)
{
  const char *t = r->t;
  gsize e = n + 1, f;

  if (!g_ascii_isupper (t[n]) || !g_ascii_islower (t[e]))
    return FALSE;
  while (g_ascii_islower (t[e]) && e - n < 16)
    e++;
  if (sentences_set_has (&sentences_starters_set, t + n, e - n))
    return FALSE;
  if (t[e] == '\0' || t[e] == '\n' || (t[e] == '\r' && t[e + 1] == '\n'))
    return TRUE;
  if (t[e] != ' ' || !g_ascii_isupper (t[e + 1]))
    return FALSE;
  for (f = e + 1; g_ascii_isalpha (t[f]) && f - e < 16; f++)
    ;
  return sentences_set_has (&sentences_message_set, t + e + 1, f - e - 1)
         && (t[f] == ' ' || t[f] == '\'');
}

/* TRUE when the words at @w start a clause with a subject pronoun ("I
 * tried", "I've", "We took", "You've"): after a thanks without a comma,
 * the thanks stands alone ("thanks | I've tried calling ..."). */
static gboolean
sentences_subject_at (const char *t, gsize w)
{
  gsize e = w;

  while (g_ascii_isalpha (t[e]) && e - w < 5)
    e++;
  if (t[e] != ' ' && t[e] != '\'')
    return FALSE;
  switch (e - w)
    {
    case 1:
      return t[w] == 'I';
    case 2:
      return memcmp (t + w, "We", 2) == 0 || memcmp (t + w, "It", 2) == 0
             || memcmp (t + w, "He", 2) == 0;
    case 3:
      return memcmp (t + w, "You", 3) == 0 || memcmp (t + w, "She", 3) == 0;
    case 4:
      return memcmp (t + w, "They", 4) == 0;
    default:
      return FALSE;
    }
}

/* TRUE for "Thanks", "thanks", "Thx", "thx" ([s, s + n)). */
static gboolean
sentences_is_thanks (const char *s, gsize n)
{
  return (n == 6 && (s[0] == 'T' || s[0] == 't')
          && memcmp (s + 1, "hanks", 5) == 0)
         || (n == 3 && (s[0] == 'T' || s[0] == 't') && s[1] == 'h'
             && s[2] == 'x');
}

/* The greeting and closing part of sentences_closing_at: the first word
 * is [p, q). */
static gsize
sentences_closing_words (const SentencesRun *r, gsize p, gsize q)
{
  const char *t = r->t;
  gsize w;
  guint words = 0, max;

  if (t[q] == ' ' && sentences_is_thanks (t + p, q - p)
      && sentences_subject_at (t, q + 1))
    return q - 1; /* "thanks | I've tried" */
  if (sentences_set_has (&sentences_closing_firsts_set, t + p, q - p))
    max = 2;
  else if (sentences_set_has (&sentences_closings_set, t + p, q - p))
    max = 1;
  else if (sentences_set_has (&sentences_greetings_set, t + p, q - p))
    max = 5;
  else
    return 0;
  if (max == 1 && t[q] == ' ' && sentences_closing_name (r, q + 1))
    return q - 1; /* "Thanks Ben | Sorry about that" */
  for (words = 1;; words++)
    {
      if (t[q] == ',' && t[q + 1] == ' ' && g_ascii_isupper (t[q + 2]))
        return q;
      if (t[q] != ' ' || words >= max)
        return 0;
      w = ++q;
      while ((g_ascii_isalpha (t[q]) || (t[q] == '.' && q > w)) && q - w < 24)
        q++;
      if (q == w)
        return 0;
      if (max == 2
          && !(q - w == 7 && g_ascii_strncasecmp (t + w, "regards", 7) == 0)
          && !(q - w == 6 && g_ascii_strncasecmp (t + w, "thanks", 6) == 0)
          && !(q - w == 6 && g_ascii_strncasecmp (t + w, "wishes", 6) == 0)
          && !(q - w == 4 && g_ascii_strncasecmp (t + w, "care", 4) == 0)
          && !(q - w == 3 && g_ascii_strncasecmp (t + w, "you", 3) == 0))
        return 0;
    }
}

/* For sentences_closing_at: the length of the word of ASCII letters at
 * @w (a letter), at most 13 (longer words are cut there), with 16 bytes
 * readable; clears *@lower when a letter after the first is not lower
 * case.  Sixteen bytes at once where SSE2 is there (it is part of x86-64),
 * without a branch per letter: the loop exit mispredicted on word
 * length. */
static inline gsize
sentences_first_word (const char *w, guint *lower)
{
  gsize n;
#ifdef __SSE2__
  const __m128i v = _mm_loadu_si128 ((const __m128i *)w);
  /* a..z moved to -128..-103 for one signed test, after lower-casing for
   * letters of either case */
  const __m128i to_a = _mm_set1_epi8 ((char)(0x80 - 'a'));
  const __m128i az = _mm_set1_epi8 ((char)(-128 + 26));
  guint letters = (guint)_mm_movemask_epi8 (_mm_cmplt_epi8 (
      _mm_add_epi8 (_mm_or_si128 (v, _mm_set1_epi8 (0x20)), to_a), az));
  guint lowers
      = (guint)_mm_movemask_epi8 (_mm_cmplt_epi8 (_mm_add_epi8 (v, to_a), az));

  n = (gsize)__builtin_ctz (~letters | (1u << 13));
  /* letters 1 .. n - 1 */
  if (letters & ~lowers & ((1u << n) - 1) & ~1u)
    *lower = 0;
#else
  for (n = 1; n < 13; n++)
    {
      guint8 f = sentences_letters[(guchar)w[n]];
      if (f == 0)
        break;
      *lower &= f;
    }
#endif
  return n;
}

/* For sentences_closing_at: "-- Posted by ...", a signature separator at
 * @p, stands alone (returns the byte of its second dash); but "-- The
 * return ..." is a list item's bullet (returns 0). */
static gsize
sentences_closing_dashes (const char *t, gsize p)
{
  gsize w = p + 4;

  if (t[p + 1] != '-' || t[p + 2] != ' ' || !g_ascii_isupper (t[p + 3]))
    return 0;
  while (g_ascii_isalpha (t[w]))
    w++;
  return sentences_set_has (&sentences_starters_set, t + p + 3, w - p - 3)
             ? 0
             : p + 1;
}

/* For sentences_signature_phone: the end of a telephone number or an
 * extension at @q ("974-6721", "(713) 853-3098", "713/853-6197",
 * "x33907", "X-37097"), or 0. */
static gsize
sentences_phone_end (const char *t, gsize q)
{
  gsize d = q, groups = 0, digits = 0;

  if (t[q] == 'x' || t[q] == 'X')
    {
      d = q + 1 + (t[q + 1] == '-');
      while (g_ascii_isdigit (t[d]))
        d++;
      return d - q >= 5 && d - q <= 8 ? d : 0;
    }
  if (t[d] == '(')
    d++;
  for (;;)
    {
      gsize g = d;
      while (g_ascii_isdigit (t[d]))
        d++;
      if (d == g)
        return 0;
      digits += d - g;
      groups++;
      if (t[d] == ')' && groups == 1 && t[q] == '(' && t[d + 1] == ' '
          && g_ascii_isdigit (t[d + 2]))
        {
          d += 2; /* "(713) 853-3098" */
          continue;
        }
      if ((t[d] == '-' || t[d] == '.' || t[d] == '/')
          && g_ascii_isdigit (t[d + 1]) && groups < 3)
        {
          d++;
          continue;
        }
      break;
    }
  return groups >= 2 && digits >= 7 && digits <= 11 ? d : 0;
}

/* At the start of a sentence (byte @p): one to three capitalized names,
 * then a telephone number or an extension, then a capital: a signature
 * before the next message ("Earl Chanley 505-625-8031 All,"); returns the
 * byte before the capital's space, or 0. */
static gsize
sentences_signature_phone (const char *t, gsize len, gsize p)
{
  gsize q = p, e;
  guint words;

  for (words = 0;
       words < 3 && g_ascii_isupper (t[q]) && g_ascii_islower (t[q + 1]);
       words++)
    {
      q = sentences_lower_end (t, q + 1, len);
      if (t[q] != ' ')
        return 0;
      q++;
    }
  if (words == 0)
    return 0;
  /* byte by byte: the text may end (at its NUL) before five bytes */
  if (t[q] == 'e' && t[q + 1] == 'x' && t[q + 2] == 't' && t[q + 3] == '.'
      && t[q + 4] == ' ')
    {
      /* "ext. 39938": an extension's four to six digits alone too */
      q += 5;
      for (e = q; g_ascii_isdigit (t[e]) && e - q < 7; e++)
        ;
      if (e - q >= 4 && e - q <= 6 && t[e] == ' ' && g_ascii_isupper (t[e + 1]))
        return e - 1;
    }
  e = sentences_phone_end (t, q);
  if (e == 0 || t[e] != ' ' || !g_ascii_isupper (t[e + 1]))
    return 0;
  /* "Phone (713) 853-3242 Cell": a label, not a name; looked up once a
   * number follows the words (most capitalized words are not before
   * one) */
  q = p;
  for (guint k = 0; k < words; k++)
    {
      gsize w = q++;
      while (g_ascii_islower (t[q]))
        q++;
      if (sentences_set_has (&sentences_contact_labels_set, t + w, q - w))
        return 0;
      q++;
    }
  return e - 1;
}

/* TRUE when a letter closing ends right before the whitespace before @p
 * ("Thanks,", "Regards.", "Best regards,", "Thank you!", also a line
 * before): what starts at @p is its signature. */
static gboolean
sentences_after_closing (const char *t, gsize p)
{
  gsize e = p, w;

  while (e > 0 && sentences_is_space (t[e - 1]))
    e--;
  if (e == p)
    return FALSE;
  while (e > 0 && (t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == '!'))
    e--;
  for (w = e; w > 0 && g_ascii_isalpha (t[w - 1]) && e - w < 10; w--)
    ;
  if (w == e || (w > 0 && !sentences_is_space (t[w - 1])))
    return FALSE;
  if (sentences_set_has (&sentences_closings_set, t + w, e - w)
      || (e - w == 4 && memcmp (t + w, "Best", 4) == 0))
    return TRUE;
  /* the second word of "Best regards", "Many thanks", "Thank you", "Take
   * care" */
  return (e - w == 7 && g_ascii_strncasecmp (t + w, "regards", 7) == 0)
         || (e - w == 6 && g_ascii_strncasecmp (t + w, "thanks", 6) == 0)
         || (e - w == 6 && g_ascii_strncasecmp (t + w, "wishes", 6) == 0)
         || (e - w == 4 && g_ascii_strncasecmp (t + w, "care", 4) == 0 && w >= 5
             && g_ascii_strncasecmp (t + w - 5, "take", 4) == 0)
         || (e - w == 3 && g_ascii_strncasecmp (t + w, "you", 3) == 0 && w >= 6
             && g_ascii_strncasecmp (t + w - 6, "thank", 5) == 0);
}

/* At @p, the capitalized word [@p, @q) after a letter closing: the
 * signature's name stands alone before a message's next words ("Thanks, |
 * Sharon | I think ...", "Regards, | Molly | Here's the list"), a starter,
 * a pronoun or opener, a greeting, or the name again at the start of the
 * next message ("Thanks! | Marie | Marie Heard ...").  The caller has
 * checked that the name is not a starter.  Returns the byte of the name's
 * last letter, or 0. */
static gsize
sentences_closing_signature (const char *t, gsize p, gsize q)
{
  gsize x = q + 1, y = x;

  if (t[q] != ' ' || !g_ascii_isupper (t[x]) || !sentences_after_closing (t, p))
    return 0;
  while (g_ascii_isalpha (t[y]) && y - x < 16)
    y++;
  if (t[y] == '.')
    return 0; /* "Regards, Kevin A. Boone": an initial */
  if ((y - x == q - p && memcmp (t + x, t + p, q - p) == 0)
      || (y - x == 1 && t[x] == 'I' && (t[y] == ' ' || t[y] == '\''))
      || sentences_set_has (&sentences_starters_set, t + x, y - x)
      || sentences_set_has (&sentences_message_set, t + x, y - x)
      || sentences_set_has (&sentences_heading_set, t + x, y - x)
      || sentences_set_has (&sentences_greetings_set, t + x, y - x))
    return q - 1;
  return 0;
}

/* For sentences_byline: the end of the word of letters at @w when it is
 * a capitalized name ("Whipple") or, with @caps, a word in capitals
 * ("CARREAU"), at most 20 letters; else @w. */
static gsize
sentences_name_end (const char *t, gsize w, gboolean caps)
{
  gsize e = w + 1;

  if (!g_ascii_isupper (t[w]))
    return w;
  while (e - w <= 20
         && (caps ? g_ascii_isupper (t[e])
                  : g_ascii_islower (t[e]) || t[e] == '-' || t[e] == '\''))
    e++;
  return e - w >= 2 && !g_ascii_isalpha (t[e]) && e - w <= 20 ? e : w;
}

/* At a sentence's "By " (its first word, [@p, @q)): a byline, "By" and a
 * name of two or three words, stands alone when what follows changes case
 * or is a starter ("By Dan Whipple UNITED PRESS INTERNATIONAL", "By MARK
 * CARREAU Copyright 2005 ...", "By Jo Roe The Daily ..."); not "By Friday
 * December 1st".  Returns the byte of the name's last letter, or 0. */
static gsize
sentences_byline (const char *t, gsize p, gsize q)
{
  gsize w = q + 1, e = w, f;
  gboolean caps;
  guint words;

  if (q - p != 2 || t[p] != 'B' || t[p + 1] != 'y' || t[q] != ' '
      || !g_ascii_isupper (t[w]))
    return 0;
  caps = g_ascii_isupper (t[w + 1]);
  for (words = 0; words < 4; words++)
    {
      e = sentences_name_end (t, w, caps);
      if (e == w || t[e] != ' ')
        return 0;
      w = e + 1;
      if (words >= 1 && sentences_name_end (t, w, caps) == w)
        break;
    }
  if (words < 1 || words > 2 || !g_ascii_isupper (t[w]))
    return 0;
  /* the next word: the other case, a starter or "Copyright" */
  for (f = w; g_ascii_isalpha (t[f]) && f - w < 16; f++)
    ;
  if (caps ? sentences_name_end (t, w, FALSE) == f
           : sentences_name_end (t, w, TRUE) == f
                 || (f - w == 1 && t[w] == 'A' && t[f] == ' '))
    return e - 1;
  return sentences_set_has (&sentences_starters_set, t + w, f - w)
                 || (f - w == 9 && memcmp (t + w, "Copyright", 9) == 0)
             ? e - 1
             : 0;
}

/* For sentences_closing_at, once the first word is [@p, @q) (@lower: its
 * letters after the first are lower case): a closing or a greeting, a
 * heading, an address, tested in that order. */
G_GNUC_NO_INLINE static gsize
sentences_closing_after (const SentencesRun *r, gsize p, gsize q, guint lower)
{
  const char *t = r->t;

  /* a cheap filter on first letter, last letter and length first */
  if (q - p <= 12
      && (sentences_opener_filter[(t[p] | 0x20) - 'a'][(t[q - 1] | 0x20) - 'a']
          & (1u << (q - p))))
    {
      gsize c = sentences_closing_words (r, p, q);
      if (c != 0)
        return c;
    }
  /* "Lovely Cottage This cottage ...", "Jane Doe These look fine"; after
   * a closing, "Sharon I think ..."; a byline, "By Jo Roe REUTERS" */
  if (lower && q > p + 1 && g_ascii_isupper (t[p]) && t[q] == ' '
      && g_ascii_isupper (t[q + 1]))
    {
      gsize h = sentences_byline (t, p, q);
      if (h != 0)
        return h;
      /* a heading's title and a signature's name do not start with a
       * starter: "The Company said" is turned away by one look-up */
      if (!sentences_set_has (&sentences_starters_set, t + p, q - p))
        {
          h = sentences_heading_at (t, r->len, p);
          if (h != 0)
            return h;
          h = sentences_closing_signature (t, p, q);
          if (h != 0)
            return h;
        }
    }
  /* "Jai Hawker 974-6721 I won't", "Marie x33907 Turn up": only in a
   * text with a digit */
  if (lower && g_ascii_isupper (t[p]) && (r->facts & SENTENCES_FACT_DIGIT))
    {
      gsize e = sentences_signature_phone (t, r->len, p);
      if (e != 0)
        return e;
    }
  /* "Vince - Thanks", "Steve, Rod and Elyse - Just", "Kay-- I": only in
   * a text with a hyphen before its last byte */
  if (lower && q > p + 1 && g_ascii_isupper (t[p])
      && (t[q] == ',' || (t[q] == '-' && (t[q + 1] == ' ' || t[q + 1] == '-'))
          || (t[q] == ' '
              && (g_ascii_isupper (t[q + 1]) || t[q + 1] == '-'
                  || (t[q + 1] == 'a' && t[q + 2] == 'n'))))
      && (r->facts & SENTENCES_FACT_HYPHEN))
    return sentences_dash_address (t, r->len, p);
  return 0;
}

/* The rare starts of sentences_closing_at, apart so that its common path
 * keeps all it needs in the registers a call may change (no register
 * saved and restored per sentence): a dash, and a start in the text's
 * last sixteen bytes, whose tests are made one by one (they stop at its
 * end). */
G_GNUC_NO_INLINE static gsize
sentences_closing_rare (const SentencesRun *r, gsize p)
{
  const guchar *t = (const guchar *)r->t;
  guint lower = 1;
  gsize n;

  if (t[p] == '-')
    return sentences_closing_dashes (r->t, p);
  if (sentences_letters[t[p]] == 0)
    return 0;
  for (n = 1; n < 13; n++)
    {
      guint8 f = sentences_letters[t[p + n]];
      if (f == 0)
        break;
      lower &= f;
    }
  return sentences_closing_after (r, p, p + n, lower);
}

/* At the start of a sentence (byte @p): a letter closing ("Thanks,", "Best
 * regards,") or a greeting ("Hi,", "Dear Dr. Jane Doe,") followed by a
 * capital is a sentence of its own, and so is an address before a dash;
 * returns the byte of the comma or dash that ends it, or 0.  The first
 * word is scanned once; then the tests that sentences_closing_after makes
 * one by one are made here at once, without a branch each, to turn away
 * the common start ("The company said": no closing by the filter on the
 * word's letters and length, and no capital, comma or dash after it; a
 * comma or a number only in a text with a hyphen or a digit, which the
 * rules they serve need).
 * The rare starts go to sentences_closing_rare, by a tail call. */
gsize
sentences_closing_at (const SentencesRun *r, gsize p)
{
  const guchar *t = (const guchar *)r->t;
  gsize q, n;
  guint lower = 1; /* the letters after the first are lower case */
  guint filter, caps, after, hyphen, digit, next;

  if (G_UNLIKELY (t[p] == '-' || p + 16 > r->len))
    return sentences_closing_rare (r, p);
  if (sentences_letters[t[p]] == 0)
    return 0;
  n = sentences_first_word (r->t + p, &lower);
  q = p + n;
  /* 1 <= n <= 13: t[q - 1] is a letter, and t[q + 2] is at most t[p + 15],
   * inside the text */
  filter
      = (n <= 12)
        & (sentences_opener_filter[(t[p] | 0x20) - 'a'][(t[q - 1] | 0x20) - 'a']
           >> n);
  caps = lower & (n > 1) & (sentences_letters[t[p]] == 2);
  /* what may follow the word for each rule: a comma only an address
   * before a dash, in a text with a hyphen (sentences_dash_address); a
   * space and a capital any rule; a space and a dash or "an" ("and") only
   * the address; a space and a digit, "x" or "(" only a telephone number,
   * in a text with a digit */
  hyphen = (r->facts & SENTENCES_FACT_HYPHEN) != 0;
  digit = (r->facts & SENTENCES_FACT_DIGIT) != 0;
  next = sentences_after_word[t[q + 1]];
  after
      = ((t[q] == ',') & hyphen)
        | ((t[q] == '-') & ((t[q + 1] == ' ') | (t[q + 1] == '-')))
        | ((t[q] == ' ')
           & ((next & SENTENCES_AFTER_CAPITAL)
              | (((next & SENTENCES_AFTER_DASH) != 0) & hyphen)
              | (((next & SENTENCES_AFTER_A) != 0) & (t[q + 2] == 'n') & hyphen)
              | (((next & SENTENCES_AFTER_NUMBER) != 0) & digit)));
  if (G_LIKELY (!((filter & 1) | (caps & after))))
    return 0;
  return sentences_closing_after (r, p, q, lower);
}

/* TRUE when the word at @w is a file name extension in any case and ends
 * there ("1.DOC>>", "REPORT.XLS"): the period before it is a file name's,
 * not a full stop before a word typed without a space. */
static gboolean
sentences_is_file_ext (const char *w)
{
  char lower[5];
  gsize n = 0;

  while (n < 5 && g_ascii_isalpha (w[n]))
    {
      lower[n] = g_ascii_tolower (w[n]);
      n++;
    }
  return n >= 2 && n <= 4 && !g_ascii_isalnum (w[n])
         && sentences_set_has (&sentences_file_exts_set, lower, n);
}

/* Decides whether a sentence ends after token @i (with the stops and
 * closers attached to it); emits it if so.  Tokens before @i that were
 * not looked at cannot end a sentence. */
void
sentences_decide (SentencesRun *r, guint i, gboolean force)
{
  const char *t = r->t;
  const guint32 *tokens = r->tokens;
  guint n = r->n, last = i, k, nl;
  gsize s, e, ns, ne, gap_start;
  SentencesTokKind kind;
  gboolean end = FALSE, closed = FALSE;

  if (i < r->done || i + 1 >= n)
    return;
  /* the scan usually just looked this token up */
  s = i == r->cur ? r->cur_start : sentences_start (tokens, i);
  e = i == r->end_tok ? r->end_val : sentences_end (tokens, i);
  ns = sentences_start (tokens, i + 1);
  ne = sentences_end (tokens, i + 1);
  kind = sentences_kind (t + s, e - s);
  gap_start = e;
  /* closing quotes and brackets attached to a stop belong to it */
  if (kind == SENTENCES_TOK_STOP || kind == SENTENCES_TOK_ELLIPSIS
      || kind == SENTENCES_TOK_ABBREV)
    {
      while (ns == gap_start)
        {
          SentencesTokKind ck = sentences_kind (t + ns, ne - ns);
          if (ck == SENTENCES_TOK_CLOSE)
            closed = TRUE;
          else if (ck != SENTENCES_TOK_STOP)
            break;
          else if (kind == SENTENCES_TOK_ABBREV)
            kind = SENTENCES_TOK_STOP; /* Inc.. */
          else if (kind == SENTENCES_TOK_ELLIPSIS && t[ne - 1] != '.')
            kind = SENTENCES_TOK_STOP; /* "downtown...? like" */
          last++;
          gap_start = ne;
          if (last + 1 >= n)
            {
              r->done = n;
              r->done_start = r->len;
              return;
            }
          ns = sentences_start (tokens, last + 1);
          ne = sentences_end (tokens, last + 1);
        }
    }
  k = last + 1;
  r->done = k;
  r->done_start = ns;
  if (ns == gap_start + 1 && t[gap_start] == ' ')
    nl = 0;
  else
    nl = sentences_newlines (t, gap_start, ns);

  switch (kind)
    {
    case SENTENCES_TOK_STOP:
      if (last == i && e - s == 1 && t[s] == '.' && ns == e
          && sentences_is_file_ext (t + ns))
        end = FALSE; /* "memo-2.DOC>>": a file name's extension */
      else if (last == i && e - s == 1 && t[s] == '.' && ns == gap_start + 1
               && ne == ns + 1 && t[ns] == '.' && i > 0
               && sentences_end (tokens, i - 1) < s)
        end = FALSE; /* ". . .": the last dot decides */
      else if (last == i && e - s == 1 && t[s] == '.' && s >= 2 && i > 0
               && t[s - 1] == 'S' && (t[s - 2] == 'P' || t[s - 2] == '.')
               && sentences_end (tokens, i - 1) == s
               && sentences_is_postscript (t, tokens, i - 1))
        end = FALSE; /* "PS. Call me" */
      else if (last == i && e - s == 1 && t[s] == '.' && s >= 2 && i > 0
               && g_ascii_isupper (t[s - 1]) && g_ascii_isupper (t[s - 2])
               && g_ascii_isupper (t[ns])
               && sentences_is_caps_title (t, tokens, i - 1, s))
        end = FALSE; /* "ST. LOUIS": a title in capitals */
      else if (last == i && e - s == 1 && t[s] == '!' && s >= 5 && i > 0
               && memcmp (t + s - 5, "Yahoo", 5) == 0
               && sentences_end (tokens, i - 1) == s)
        /* a name: "Yahoo! Answers", "Yahoo! and AOL" */
        end = sentences_set_has (&sentences_starters_set, t + ns, ne - ns);
      else if (last == i && e - s == 1 && t[s] == '.' && i > 0
               && i - 1 == r->first
               && sentences_is_list_number (t, tokens, i - 1, s))
        end = FALSE; /* "1. The pricing ...": a list item's number */
      else if (sentences_can_start (t + ns, ne - ns))
        end = TRUE;
      else if (ns > gap_start
               && sentences_kind (t + ns, ne - ns) == SENTENCES_TOK_STOP)
        end = TRUE; /* "Done. ? Next": a stray stop is its own */
      else if (ns > gap_start && sentences_is_deco (t[ns])
               && sentences_is_rule (t + ns, ne - ns))
        end = TRUE; /* "... computers.\" =====" */
      else if (ns > gap_start && t[ns] == '>')
        end = TRUE; /* a quoted line, "the World! >100,000 groups" */
      else if (!closed && ns > gap_start)
        {
          /* a lower-case word after a bare stop: web text often starts
           * sentences in lower case; but a capitalized word with ! or ?
           * is a title ("Mamma Mia! has run", "in Wham! with him"),
           * unless a pronoun or question word follows */
          end = g_unichar_isalpha (sentences_char (t + ns));
          if (end && last == i && e - s == 1 && t[s] == '.' && s >= 3
              && g_ascii_isupper (t[s - 1]) && t[s - 2] == '.' && i > 0
              && sentences_end (tokens, i - 1) == s)
            end = FALSE; /* an initialism the tokenizer cut: "non-U.S. citizens"
                          */
          else if (end && last == i && e - s == 1
                   && (t[s] == '!' || t[s] == '?') && i > 0
                   && sentences_is_title_word (t, tokens, i - 1, s)
                   && !sentences_set_has (&sentences_lower_openers_set, t + ns,
                                          ne - ns))
            end = FALSE;
        }
      break;
    case SENTENCES_TOK_ELLIPSIS:
      end = sentences_can_start (t + ns, ne - ns) && ns > gap_start;
      break;
    case SENTENCES_TOK_ABBREV:
      if (!closed && e - s == 4 && sentences_is_ampm (t + s, 4)
          && sentences_is_zone (t + ns, ne - ns))
        end = FALSE; /* "at 9 a.m. EDT on Monday" */
      else
        end = sentences_set_has (&sentences_starters_set, t + ns, ne - ns)
              || sentences_is_credit (t, tokens, n, k)
              || ((closed
                   || sentences_set_has (&sentences_finals_set, t + s,
                                         e - s - 1))
                  && (g_unichar_isupper (sentences_char (t + ns))
                      || sentences_is_open_quote (t + ns)));
      break;
    case SENTENCES_TOK_TITLE:
      /* a one-letter "initial" before a typical opener is a word and a
       * full stop: "because of X. So ..." */
      end = (e - s == 2
             || sentences_set_has (&sentences_title_ends_set, t + s, e - s - 1))
            && last == i && ns > gap_start
            && sentences_set_has (&sentences_starters_set, t + ns, ne - ns);
      break;
    default:
      end = sentences_layout_break (t, tokens, n, r->first, last, t + s, e - s,
                                    k, t + ns, ne - ns);
      break;
    }
  if (nl >= 2 || force)
    end = TRUE;
  else if (nl == 1 && !end)
    {
      if (r->st->mode == SENTENCES_PARA_LINE)
        end = TRUE;
      else if (r->st->mode == SENTENCES_PARA_BLANK
               && sentences_is_headline (t, r->line_start, gap_start,
                                         last + 1 - r->line_first)
               && sentences_can_start (t + ns, ne - ns))
        end = TRUE;
    }
  if (end)
    {
      sentences_emit_open (r, last, gap_start);
      r->first = k;
      r->first_start = ns;
      r->closing = sentences_closing_at (r, ns);
      if (nl >= 2 || (nl == 1 && r->st->mode == SENTENCES_PARA_LINE))
        r->paragraph++;
    }
  if (nl >= 1)
    {
      r->line_start = ns;
      r->line_first = k;
    }
}
