/* sentences-split.c: the two ways through a text.  The general scan
 * (sentences_scan_all) looks at every byte where a sentence may end and at
 * the layout rules that act at a byte (times, e-mail addresses, separator
 * lines, salutations, attachment lists); the walk (sentences_walk_stops)
 * visits only the tokens that end in a stop, for texts without such
 * bytes.  Both call sentences_decide at the same tokens in the same
 * order. */
#include "config.h"

#include "sentences-private.h"
#include "sentences-scan.h"

/* For sentences_find: the last token in [a, b) that starts at or before
 * byte @q, where token @a does and token @b does not (or @b is the last
 * token), by halving without branches (each step a conditional move). */
static inline guint
sentences_find_window (const guint32 *tokens, guint a, guint b, gsize q)
{
  guint len = b - a;

  while (len > 1)
    {
      guint half = len / 2;
      a = sentences_start (tokens, a + half) <= q ? a + half : a;
      len -= half;
    }
  return a;
}

/* The last token that starts at or before byte @q, searched forward from
 * the hint (positions only grow during a scan): guess from the byte
 * distance, gallop from the guess (down when it went too far), bisect. */
guint
sentences_find (SentencesRun *r, gsize q)
{
  const guint32 *tokens = r->tokens;
  guint lo = r->cur, hi = r->n, step = 1;
  gsize ls = r->cur_start, s;

  /* invariant: start (lo) = ls <= q < start (hi), with start (n) =
   * infinity (a look-ahead may have moved the hint past a later query:
   * start over) */
  if (ls > q)
    {
      lo = 0;
      ls = sentences_start (tokens, 0);
    }
  /* most queries: a window of 32 tokens around the guess from the byte
   * distance holds the answer; searched there without a branch to
   * mispredict */
  {
    guint guess = lo + (guint)(MIN (q - ls, (gsize)G_MAXUINT32) * 3 / 16);
    guint a = guess > lo + 16 ? guess - 16 : lo;
    guint b = guess + 16 < hi ? guess + 16 : hi;
    if (a < b && sentences_start (tokens, a) <= q
        && (b == hi || sentences_start (tokens, b) > q))
      {
        lo = sentences_find_window (tokens, a, b, q);
        r->cur = lo;
        r->cur_start = sentences_start (tokens, lo);
        return lo;
      }
  }
  /* a token and its space take about 5 to 6 bytes */
  if (q - ls >= 12)
    {
      guint guess = lo + (guint)((q - ls) * 3 / 16);
      if (guess < hi)
        {
          s = sentences_start (tokens, guess);
          if (s <= q)
            {
              lo = guess;
              ls = s;
            }
          else
            {
              hi = guess;
              while (hi - lo > step)
                {
                  guint cand = hi - step;
                  s = sentences_start (tokens, cand);
                  if (s <= q)
                    {
                      lo = cand;
                      ls = s;
                      break;
                    }
                  hi = cand;
                  step *= 2;
                }
              step = 1;
            }
        }
    }
  /* gallop up from lo while below hi */
  for (;;)
    {
      guint next = lo + step;
      if (next >= hi)
        break;
      s = sentences_start (tokens, next);
      if (s > q)
        {
          hi = next;
          break;
        }
      lo = next;
      ls = s;
      step *= 2;
    }
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      s = sentences_start (tokens, mid);
      if (s <= q)
        {
          lo = mid;
          ls = s;
        }
      else
        hi = mid;
    }
  r->cur = lo;
  r->cur_start = ls;
  return lo;
}

/* The bytes that may start a sentence end: . ! ? ) ] and lead bytes of
 * … ” » and Unicode spaces; line feeds; separator bytes = * _ (lines of
 * dashes are seen at their line breaks: hyphens are too common to stop
 * at); URLs, e-mail addresses and times; > before a capital.  Greetings,
 * closings and "-- " signatures are looked for where each sentence
 * starts. */
static const char sentences_scan_bytes_set[] = ".!?)]\xC2\xE2\n=*_@:>";
static SentencesScanSet sentences_scan_set;

/* The scan set with the hyphen, for texts that hold "---": a rule line of
 * hyphens is a sentence of its own also where no line break is around it
 * (web text joined into one line, "... technique ------- The ..."). */
static const char sentences_scan_dash_bytes_set[] = ".!?)]\xC2\xE2\n=*_@:>-";
static SentencesScanSet sentences_scan_dash_set;

/* The bytes of the scan set that only layout rules act on (with those from
 * 0x80, ".c" and ">>", see sentences_scan_facts): a text without them is
 * split by its stops alone (sentences_walk_stops).  A > acts only after an
 * e-mail address (an @) or in ">>".  A new rule that sentences_scan_all
 * applies at a byte must add that byte here (or to the pairs of
 * sentences_scan_facts), unless it acts only at a stop . ! ? that ends a
 * token: else texts without the byte would never reach it. */
static const char sentences_rare_bytes_set[] = ")]\n=*_@:";
static SentencesFactsSet sentences_rare_set;

/* The bytes that end a token that may end a sentence in a text without
 * rare bytes (sentences_walk_stops). */
static guint8 sentences_stop_ends[256];

/* Byte classes of the scan for candidate sentence ends. */
enum {
  SENTENCES_S_STOPPY = 1 << 0, /* may be the last byte of a deciding token:
                                * . ! ? ) and lead bytes of … ” » and of
                                * Unicode spaces */
  SENTENCES_S_LINE = 1 << 1,   /* \n */
  SENTENCES_S_DECO = 1 << 2,   /* separator line bytes */
  SENTENCES_S_AFTER = 1 << 3   /* > : a capital after it */
};

static guint8 sentences_scan_bytes[256];

/* The SENTENCES_FACT_* of the text of @r: which of the two ways it takes
 * (sentences_walk_stops without SENTENCES_FACT_RARE), whether it may hold
 * a dateline, and whether a stop comes before its last token (without
 * one, the walk has nothing to do but the closings). */
guint
sentences_text_facts (const SentencesRun *r)
{
  return sentences_scan_facts (&sentences_rare_set, (const guchar *)r->t,
                               r->len, sentences_start (r->tokens, r->n - 1));
}

/* Fills the scan tables; once, before any split (sentences_init). */
void
sentences_split_init (void)
{
  for (guint c = 0; c < 256; c++)
    {
      guint8 f = 0;
      if (c == '.' || c == '!' || c == '?' || c == ')' || c == ']' || c == 0xC2
          || c == 0xE2)
        f |= SENTENCES_S_STOPPY;
      if (c == '\n')
        f |= SENTENCES_S_LINE;
      if (c == '=' || c == '*' || c == '_' || c == '-')
        f |= SENTENCES_S_DECO;
      if (c == '>')
        f |= SENTENCES_S_AFTER;
      sentences_scan_bytes[c] = f;
    }
  if (!sentences_scan_set_init (&sentences_scan_set, sentences_scan_bytes_set,
                                sizeof sentences_scan_bytes_set - 1))
    g_error ("sentences: the scan set spans more than eight nibbles");
  if (!sentences_scan_set_init (&sentences_scan_dash_set,
                                sentences_scan_dash_bytes_set,
                                sizeof sentences_scan_dash_bytes_set - 1))
    g_error ("sentences: the scan set spans more than eight nibbles");
  sentences_facts_set_init (&sentences_rare_set, sentences_rare_bytes_set,
                            sizeof sentences_rare_bytes_set - 1);
  sentences_stop_ends['.'] = sentences_stop_ends['!'] = sentences_stop_ends['?']
      = TRUE;
}

/* TRUE when the > at @p closes an e-mail address ("<a@example.com> Next")
 * and one space and a capital follow: the text test in front of
 * sentences_layout_break. */
static gboolean
sentences_address_end (const SentencesRun *r, gsize p)
{
  const char *t = r->t;
  gsize cs;

  if (t[p + 1] != ' ' || !g_ascii_isupper (t[p + 2]))
    return FALSE;
  for (cs = p; cs > 0 && !sentences_is_space (t[cs - 1]); cs--)
    ;
  return memchr (t + cs, '@', p - cs) != NULL;
}

/* TRUE when a date with two slashes ("21/03/2001") and a space come
 * right before the time at @ts. */
static gboolean
sentences_after_date (const char *t, gsize ts)
{
  gsize ds = ts - 1;
  guint slashes = 0;

  if (ts < 2 || t[ts - 1] != ' ')
    return FALSE;
  while (ds > 0 && (g_ascii_isdigit (t[ds - 1]) || t[ds - 1] == '/')
         && ts - ds < 12)
    slashes += t[--ds] == '/';
  return slashes == 2 && g_ascii_isdigit (t[ds]) && g_ascii_isdigit (t[ts - 2])
         && (ds == 0 || sentences_is_space (t[ds - 1]));
}

/* At the first colon @p of a time: "Name 12/31/2001 10:53 AM Next",
 * "Name 21/03/2001 18:20 Next" and "on 04/25/01 12:42:55 Next" end a
 * sentence after the name and after the time (decided in text order). */
static void
sentences_time_stamp (SentencesRun *r, gsize p)
{
  const char *t = r->t;
  gsize ts = p, te = p + 1, ds, after;
  guint colons = 0;
  gboolean dated = FALSE; /* hh:mm after a date */

  if (p == 0 || !g_ascii_isdigit (t[p - 1]) || !g_ascii_isdigit (t[p + 1]))
    return;
  while (ts > 0 && g_ascii_isdigit (t[ts - 1]))
    ts--;
  if (ts > 0 && t[ts - 1] == ':')
    return; /* not the first colon */
  while (g_ascii_isdigit (t[te]) || t[te] == ':')
    colons += t[te++] == ':';
  if (t[te] != ' ')
    return;
  if (sentences_is_ampm (t + te + 1, 2)
      && (t[te + 3] == '\0' || sentences_is_space (t[te + 3])))
    after = te + 1; /* the AM token */
  else if (g_ascii_isupper (t[te + 1]) && g_ascii_islower (t[te + 2])
           && (colons == 1
               || (colons == 0 && (dated = sentences_after_date (t, ts)))))
    after = te - 1; /* hh:mm:ss, or a date and hh:mm, then a capitalized
                     * word (not GMT) */
  else
    return;
  /* the date before the time, and the token before the date (a name's
   * last word ends a sentence before "21/03/2001 18:20 Next") */
  if (ts >= 2 && t[ts - 1] == ' ')
    {
      ds = ts - 1;
      while (ds > 0 && (g_ascii_isdigit (t[ds - 1]) || t[ds - 1] == '/'))
        ds--;
      if (ds < ts - 1 && ds >= 2 && t[ds - 1] == ' ' && g_ascii_isdigit (t[ds]))
        {
          gsize ws = ds - 1;
          while (ws > 0 && !sentences_is_space (t[ws - 1]))
            ws--;
          sentences_decide (r, sentences_find (r, ds - 2),
                            dated && g_ascii_isupper (t[ws]));
        }
    }
  sentences_decide (r, sentences_find (r, after), after == te - 1);
}

/* At the dot @p of a file name: when the file is an attachment list item
 * (" - Report.pdf - Notes.doc", as mail programs list attachments) and no
 * lower-case word follows it, the item starts a sentence; returns the byte
 * of its dash, or 0. */
static gsize
sentences_file_item (const char *t, gsize p)
{
  gsize e = p + 1, s = p;

  while (g_ascii_islower (t[e]) && e - p <= 4)
    e++;
  if (g_ascii_isalnum (t[e]) || e - p < 4
      || !sentences_set_has (&sentences_file_exts_set, t + p + 1, e - p - 1))
    return 0;
  /* the item ends the list or another item follows, not a lower-case word
   * ("two files - a.doc and b.xls") */
  for (gsize f = e; t[f] == ' '; f++)
    if (g_ascii_islower (t[f + 1]))
      return 0;
  while (s > 0 && !sentences_is_space (t[s - 1]) && p - s < 100)
    s--;
  if (s < 4 || t[s - 1] != ' ' || t[s - 2] != '-' || t[s - 3] != ' ')
    return 0;
  return s - 2;
}

/* TRUE when a bracket opened in [from, to) is still open at @to ("(ending
 * June 30) earnings": the number closes the bracket, it is not a list
 * item).  Looks back at most 200 bytes, so that the test stays cheap. */
static gboolean
sentences_in_brackets (const char *t, gsize from, gsize to)
{
  guint depth = 0;

  if (to - from > 200)
    from = to - 200;
  for (gsize q = to; q > from; q--)
    {
      if (t[q - 1] == ')')
        depth++;
      else if (t[q - 1] == '(')
        {
          if (depth == 0)
            return TRUE;
          depth--;
        }
    }
  return FALSE;
}

/* Two-word header field names, as pairs of words: the field-name set
 * holds their last words. */
static const char *const sentences_header_pairs[][2] = {
  { "Asked", "by" }, { "Sent", "by" }, { "List", "Price" }, { "Question", "ID" }
};

/* The first token of a header field's name ending at the colon at @p
 * ("... yheggy-ga List Price: $2.00"), when the name is not where the open
 * sentence starts; else G_MAXUINT. */
static guint
sentences_header_field (SentencesRun *r, gsize p)
{
  const char *t = r->t, *w, *v;
  gsize wn, vn, e = p;
  guint i, first;

  if (e > 0 && t[e - 1] == ' ')
    e--; /* "Email :" */
  if (e == 0 || !g_ascii_isalpha (t[e - 1]))
    return G_MAXUINT;
  i = sentences_find (r, e - 1);
  sentences_tok (t, r->tokens, i, &w, &wn);
  if (w + wn != t + e || !sentences_set_has (&sentences_header_set, w, wn))
    return G_MAXUINT;
  first = i;
  for (guint k = 0; k < G_N_ELEMENTS (sentences_header_pairs); k++)
    {
      const char *const *pair = sentences_header_pairs[k];
      if (strlen (pair[1]) != wn || memcmp (pair[1], w, wn) != 0)
        continue;
      /* the last word of a pair: the first must be there */
      first = G_MAXUINT;
      if (i == 0)
        break;
      sentences_tok (t, r->tokens, i - 1, &v, &vn);
      if (strlen (pair[0]) == vn && memcmp (pair[0], v, vn) == 0)
        {
          first = i - 1;
          break;
        }
    }
  return first != G_MAXUINT && first > r->first ? first : G_MAXUINT;
}

/* At the ")" @p of a news agency's name in a dateline ("TEHRAN (AFP) -
 * An", "(UPI) -- Ever"): the last byte of the dash after it, when a capital
 * follows the dash; else 0.  Only the agencies' names: a company's ticker
 * or an acronym before a dash goes on ("Gould Inc (GLD) - Offering"). */
static gsize
sentences_agency_dash (const char *t, gsize p)
{
  gsize s = p, d = p + 2;

  if (t[p + 1] != ' ' || t[d] != '-')
    return 0;
  while (s > 0 && g_ascii_isalpha (t[s - 1]) && p - s < 10)
    s--;
  if (s == 0 || t[s - 1] != '('
      || !sentences_set_has (&sentences_agencies_set, t + s, p - s))
    return 0;
  if (t[d + 1] == '-')
    d++;
  return t[d + 1] == ' ' && g_ascii_isupper (t[d + 2]) ? d : 0;
}

/* TRUE when the colon at @p ends a salutation that opens a line or a
 * sentence, one capitalized word before a message's first words ("Jill: As
 * discussed", "... 06:07 PM Sara: We need", "All: It is"), unlike a label
 * ("Questions: If", "Email: BBC"). */
static gboolean
sentences_salutation_colon (SentencesRun *r, gsize p)
{
  const char *t = r->t, *w;
  gsize wn, ns;
  guint i;
  gboolean titled; /* "Dr. Harris:": a name, never a label */

  if (p == 0 || !g_ascii_isalpha (t[p - 1]) || t[p + 1] != ' ')
    return FALSE;
  i = sentences_find (r, p - 1);
  if (i + 2 >= r->n)
    return FALSE;
  titled = i != r->line_first && i != r->first;
  if (titled)
    {
      /* "Dr. Harris: I would", "Professor Ronn: I would" */
      gsize vn;
      const char *v;
      if (i == 0 || (i - 1 != r->line_first && i - 1 != r->first))
        return FALSE;
      sentences_tok (t, r->tokens, i - 1, &v, &vn);
      if (!(vn == 9 && memcmp (v, "Professor", 9) == 0)
          && !(vn >= 3 && v[vn - 1] == '.'
               && sentences_set_has (&sentences_titles_set, v, vn - 1)))
        return FALSE;
    }
  sentences_tok (t, r->tokens, i, &w, &wn);
  /* a plural or a noun in -ion is a label ("Questions:", "Conclusion:"),
   * unless a title makes it a name; a name may end in -is ("Chris:",
   * "Phyllis:"; not "Analysis:") */
  if (w + wn != t + p || wn < 3 || !g_ascii_isupper (w[0])
      || !g_ascii_islower (w[1])
      || (!titled
          && ((w[wn - 1] == 's' && !(w[wn - 2] == 'i' && w[wn - 3] != 's'))
              || (wn > 4 && memcmp (w + wn - 3, "ion", 3) == 0))))
    return FALSE;
  ns = sentences_start (r->tokens, i + 2);
  sentences_tok (t, r->tokens, i + 2, &w, &wn);
  return ns == p + 2
         && (sentences_set_has (&sentences_message_set, w, wn)
             || sentences_set_has (&sentences_salutation_set, w, wn));
}

/* TRUE when the full stop token @i ends a list item's number that follows
 * a colon ("my comments: 1. In Section ..."): the colon ends the sentence
 * that introduces the list, and the item starts one (its number stays
 * with it, as at any sentence start).  Not a score ("Scientology: 0."). */
static gboolean
sentences_colon_list_item (SentencesRun *r, guint i)
{
  const char *t = r->t;
  const guint32 *tokens = r->tokens;
  gsize s, e;

  if (i < 2 || i + 1 >= r->n)
    return FALSE;
  s = sentences_start (tokens, i - 1);
  e = sentences_end (tokens, i - 1);
  if (e != sentences_start (tokens, i) || e - s > 2 || t[s] < '1' || t[s] > '9'
      || !g_ascii_isdigit (t[e - 1]))
    return FALSE;
  return sentences_end (tokens, i - 2) + 1 == s && t[s - 2] == ':'
         && t[s - 1] == ' '
         && g_ascii_isupper (t[sentences_start (tokens, i + 1)]);
}

/* The general split: scans the text for the few places where a sentence
 * can end (stops and closers, line breaks, separators, capitals after some
 * tokens, URLs, e-mail addresses, dates) and looks up the token there:
 * tokens elsewhere cannot end a sentence.  From the first token to @end,
 * the end of the last one. */
void
sentences_scan_all (SentencesRun *r, gsize end)
{
  const guint32 *tokens = r->tokens;
  const guchar *t = (const guchar *)r->t;
  gsize p = r->line_start;
  guint deco_seen = G_MAXUINT; /* the last token tested for separators */
  gsize dash;
  const SentencesScanSet *set = (r->facts & SENTENCES_FACT_DASHES)
                                    ? &sentences_scan_dash_set
                                    : &sentences_scan_set;

  while (p < end)
    {
      guint f;
      guchar c;

      /* skip letters, digits and spaces: they start nothing; nor do bytes
       * a look-ahead decided already (the line breaks after a full stop:
       * not visited one by one) */
      if (p < r->done_start)
        p = r->done_start;
      p = sentences_scan_next (set, t, p, end);
      while (r->closing != 0 && r->closing < p)
        {
          /* Thanks, | Name: the split may find another closing at once
           * ("Thanks, | Jane | Here you go") */
          gsize cl = r->closing;
          r->closing = 0;
          sentences_decide (r, sentences_find (r, cl), TRUE);
        }
      if (p >= end)
        break;
      c = t[p];
      f = sentences_scan_bytes[c];
      if (p < r->done_start)
        {
          /* decided already (a look-ahead went past it) */
          p++;
        }
      else if ((f & SENTENCES_S_STOPPY) && c < 0x80 && c != '!' && c != '?'
               && g_ascii_isalnum (t[p + 1]))
        {
          /* inside a token (1.5, U.S, it's) or before a word: "(See":
           * nothing to decide, but for an attachment list item */
          if (c == '.' && g_ascii_isupper (t[p + 1]))
            {
              /* a full stop the tokenizer cut out of two sentences typed
               * without a space ("quality.You"): decided like any */
              guint d = sentences_find (r, p);
              if (d < r->n && sentences_start (tokens, d) == p
                  && sentences_end (tokens, d) == p + 1)
                sentences_decide (r, d, FALSE);
            }
          else if (c == '.' && g_ascii_islower (t[p + 1]))
            {
              gsize d = sentences_file_item (r->t, p);
              if (d != 0 && d > r->first_start)
                sentences_decide (r, sentences_find (r, d - 2), TRUE);
              else if (p >= 3 && t[p - 1] == 'w' && t[p - 2] == 'w'
                       && t[p - 3] == 'w'
                       && (p == 3 || sentences_is_space (t[p - 4])))
                sentences_decide (r, sentences_find (r, p), FALSE); /* www. */
            }
          p++;
        }
      else if (c == ')' && (dash = sentences_agency_dash (r->t, p)) != 0)
        {
          /* "Boulder, Feb. 23 (UPI) -- Ever since": the dateline ends at
           * its dash */
          sentences_decide (r, sentences_find (r, dash), TRUE);
          p = dash + 1;
        }
      else if ((c == ')' || c == ']')
               && !(t[p + 1] == ' '
                    && (g_ascii_isupper (t[p + 2]) || t[p + 2] == '('
                        || t[p + 2] == '[' || t[p + 2] == '"'
                        || (guchar)t[p + 2] == 0xE2))
               && !(c == ')' && p > 0
                    && (g_ascii_isdigit (t[p - 1]) || t[p - 1] == ':'
                        || t[p - 1] == '-' || t[p - 1] == ';'
                        || t[p - 1] == '=')))
        {
          /* a bracket decides only before a capital, bracket or quote
           * ("(Reuters) Shares"), or ends a list number or an emoticon;
           * line breaks after it are seen at the line break */
          p++;
        }
      else if (f & SENTENCES_S_STOPPY)
        {
          guint i;
          gsize ce = p + 1;
          if (c == ')' && p >= 2 && g_ascii_isdigit (t[p - 1])
              && (t[p + 1] == ' ' || t[p + 1] == '\t'))
            {
              /* "... nights 1) what ...": a list item starts a sentence */
              gsize ds = p - 1;
              while (ds > 0 && g_ascii_isdigit (t[ds - 1]) && p - ds < 2)
                ds--;
              if (ds >= 2 && t[ds - 1] == ' ' && !g_ascii_isdigit (t[ds - 2])
                  && !(ds > r->first_start
                       && sentences_in_brackets (r->t, r->first_start, ds))
                  && !sentences_continues_at (r->t, r->first_start, ds - 1))
                sentences_decide (r, sentences_find (r, ds - 2), TRUE);
            }
          /* the token holding this byte, if it ends here (a multi-byte
           * character: if it ends with it) */
          i = sentences_find (r, p);
          if (c >= 0x80)
            {
              ce = g_utf8_next_char (r->t + p) - r->t;
              if (g_unichar_isspace (g_utf8_get_char (r->t + p)))
                {
                  /* U+2029 and friends: a gap like a line break */
                  sentences_decide (r, i, FALSE);
                  p = ce;
                  goto next;
                }
            }
          if (c == '.' && sentences_colon_list_item (r, i))
            sentences_decide (r, i - 2, TRUE); /* "as follows: | 1. The" */
          r->end_tok = i;
          r->end_val = sentences_end (tokens, i);
          if (r->end_val == ce)
            sentences_decide (r, i, FALSE);
          p = ce;
        }
      else if (f & SENTENCES_S_LINE)
        {
          gsize sal = sentences_salutation_line (r, p);
          if (sal != 0)
            sentences_decide (r, sentences_find (r, sal), TRUE); /* | Jim, */
          sentences_decide (r, sentences_find (r, p), FALSE);
          while (p < end && sentences_is_space (t[p]))
            p++;
        }
      else if (c == '>')
        {
          if (p > 0 && t[p - 1] == '>' && t[p + 1] == ' '
              && g_ascii_isupper (t[p + 2]))
            sentences_decide (r, sentences_find (r, p), TRUE); /* << x >> */
          else if (sentences_address_end (r, p))
            sentences_decide (r, sentences_find (r, p), FALSE);
          p++;
        }
      else if (c == '@' || (c == ':' && t[p + 1] == '/' && t[p + 2] == '/'))
        {
          /* a URL or an e-mail address, decided on its own token */
          guint k = sentences_find (r, p), h;
          if (c == '@' && (h = sentences_notes_header (r, k, p)) != G_MAXUINT)
            sentences_decide (r, h, TRUE); /* | Jo Roe@ENRON */
          sentences_decide (r, k, FALSE);
          p++;
        }
      else if (c == ':')
        {
          guint h;

          if ((p == 0 || t[p - 1] == ' ') && t[p + 1] != ' '
              && !g_ascii_isdigit (t[p + 1]))
            sentences_decide (r, sentences_find (r, p), FALSE); /* :P :( */
          else if (sentences_salutation_colon (r, p))
            sentences_decide (r, sentences_find (r, p), TRUE); /* Jill: As */
          else if ((h = sentences_header_field (r, p)) != G_MAXUINT)
            sentences_decide (r, h - 1, TRUE); /* ... Posted: 25 Oct */
          else if (p >= 7 && t[p - 6] == ' '
                   && (t[p - 5] == 'I' || t[p - 5] == 'P'))
            {
              /* "Image:" or "Photo:": the word before it may end a caption */
              guint w = sentences_find (r, p - 5);
              if (w > 0 && sentences_is_credit (r->t, tokens, r->n, w))
                sentences_decide (r, w - 1, FALSE);
            }
          else if (sentences_list_intro (r->t, r->first_start, p)
                   || sentences_url_intro (r->t, r->first_start, p))
            sentences_decide (r, sentences_find (r, p), TRUE); /* follows: */
          else
            sentences_time_stamp (r, p);
          p++;
        }
      else if ((f & SENTENCES_S_DECO) && (p == 0 || t[p - 1] != c)
               && ((t[p + 1] == c && t[p + 2] == c)
                   || (sentences_is_deco (t[p + 1])
                       && sentences_is_deco (t[p + 2]))
                   || (p > 0 && t[p - 1] == '-')))
        {
          /* a separator token, and the token before it */
          guint i = sentences_find (r, p);
          gsize s = sentences_start (tokens, i);
          gsize e = sentences_end (tokens, i);
          p++;
          /* each token is looked at once (a long token of separator
           * bytes and letters must not be scanned again and again) */
          if (e >= p && i != deco_seen)
            {
              deco_seen = i;
              if (sentences_is_rule (r->t + s, e - s)
                  || sentences_is_frame (r->t + s, e - s))
                {
                  if (i > 0)
                    sentences_decide (r, i - 1, FALSE);
                  sentences_decide (r, i, FALSE);
                  p = e;
                }
            }
        }
      else
        p++;
    next:
      if (r->done + 1 >= r->n)
        break;
    }
}

/* For sentences_walk_stops: the byte before the end @e of a token (its
 * first byte for an empty token at 0, which sentences_walk_at skips). */
static inline guchar
sentences_last_byte (const guchar *t, gsize e)
{
  return t[e - (e != 0)];
}

/* For sentences_walk_stops: decides at token @i when it ends in a stop,
 * as the general scan does at that byte; FALSE when the split is done. */
static inline gboolean
sentences_walk_at (SentencesRun *r, guint i)
{
  const guchar *t = (const guchar *)r->t;
  gsize s = sentences_start (r->tokens, i), e = sentences_end (r->tokens, i);
  gsize p = e - 1;

  if (!sentences_stop_ends[sentences_last_byte (t, e)] || e <= s)
    return TRUE;
  /* Thanks, | Name: a closing before the stop is decided first */
  while (r->closing != 0 && r->closing < p)
    {
      gsize cl = r->closing;
      r->closing = 0;
      sentences_decide (r, sentences_find (r, cl), TRUE);
    }
  if (p < r->done_start)
    return TRUE; /* decided already */
  /* a period before a letter decides only when it is a token of its own
   * before a capital ("quality.You"); ! and ? always do */
  if (t[p] == '.' && g_ascii_isalnum (t[e])
      && !(e - s == 1 && g_ascii_isupper (t[e])))
    return TRUE;
  r->cur = i;
  r->cur_start = s;
  r->end_tok = i;
  r->end_val = e;
  sentences_decide (r, i, FALSE);
  return r->done + 1 < r->n;
}

/* Decides on the closings that start before @end (after the last stop:
 * "Thanks, | Jane" at the end of a text). */
void
sentences_closings_before (SentencesRun *r, gsize end)
{
  while (r->closing != 0 && r->closing < end)
    {
      gsize cl = r->closing;
      r->closing = 0;
      sentences_decide (r, sentences_find (r, cl), TRUE);
    }
}

/* Tokens sentences_walk_stops looks at before it decides at those among
 * them that end in a stop. */
#define SENTENCES_WALK_CHUNK 64

/* The split of a text without the bytes that only layout rules look at
 * (no SENTENCES_FACT_RARE: no line break, colon, @, bracket closing, =, *
 * or _, no byte from 0x80, no period before a lower-case letter, no >>).
 * There the general scan would act only at stops . ! ? that end a token
 * (a stop inside a token, as in 3.5 or U.S, decides nothing), and at the
 * closings found at sentence starts: so the tokens are walked, and only
 * those ending in a stop are decided on, in text order with the closings,
 * exactly as the scan would.  No byte scan and no token search per stop. */
void
sentences_walk_stops (SentencesRun *r, gsize end)
{
  const guint32 *tokens = r->tokens;
  const guchar *t = (const guchar *)r->t;
  const guint n = r->n;
  /* the tokens of a chunk that end in a stop, gathered without a branch
   * per token: a branch per token (or pair) mispredicted at each stop */
  guint found[SENTENCES_WALK_CHUNK];

  for (guint i = 0; i < n; i += SENTENCES_WALK_CHUNK)
    {
      guint chunk = MIN (n - i, SENTENCES_WALK_CHUNK), nf = 0;
      for (guint k = 0; k < chunk; k++)
        {
          found[nf] = i + k;
          nf += sentences_stop_ends[sentences_last_byte (
              t, sentences_end (tokens, i + k))];
        }
      for (guint f = 0; f < nf; f++)
        if (!sentences_walk_at (r, found[f]))
          return;
    }
  sentences_closings_before (r, end);
}
