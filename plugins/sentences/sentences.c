/* sentences.c: the `sentences` plugin, English sentence splitting.
 *
 * Requires layer `token` (from the `tokenizer` plugin: abbreviations and
 * initials arrive as one token with their period, "U.S.", "Dr.", "J.").
 * Produces layer `sentence`: one annotation per sentence, from the start of
 * its first token to the end of its last one.  Attributes (stable names):
 *
 *   paragraph  TP_ATTR_INT  0-based index of the paragraph the sentence is
 *                           in (paragraphs are separated by blank lines)
 *
 * A sentence ends at . ! ? and runs of them (?!, ...) and at … when the
 * next token can start a sentence, after closing quotes and brackets that
 * hang on the stop (`...,” he said.` stays one sentence: a lower-case word
 * after a closing quote continues it).  An abbreviation ends a sentence only
 * before a word that typically starts one ("in the U.S. The ..."); titles
 * and initials never do (Dr. Smith, J. P. Morgan).  A blank line always
 * ends a sentence.
 *
 * Options:
 *   paragraphs  STRING  how line breaks count:
 *                       "blank" (default): a blank line ends the sentence
 *                         and the paragraph; a single line break ends a
 *                         sentence only after a headline-like line (no
 *                         lower-case letters, or short with no final
 *                         punctuation and a capital next);
 *                       "line": every line break ends a sentence, blank
 *                         lines end paragraphs;
 *                       "blank-only": only blank lines, never single
 *                         line breaks.
 */
#include "config.h"

#include <string.h>

#include "textpipe-plugin.h"

static const TpAttrSpec sentences_attrs[]
    = { { "paragraph", TP_ATTR_INT, NULL, NULL }, { NULL } };

static const char *const sentences_requires[] = { "token", NULL };
static const char *const sentences_produces[] = { "sentence", NULL };

static const TpOptionSpec sentences_options[] = {
  { "paragraphs", TP_OPTION_STRING, "blank", FALSE,
    "line breaks: blank (blank lines and headline lines end sentences), "
    "line (every line break ends a sentence), blank-only" },
  { NULL }
};

typedef enum {
  SENTENCES_PARA_BLANK,
  SENTENCES_PARA_LINE,
  SENTENCES_PARA_BLANK_ONLY
} SentencesParaMode;

typedef struct {
  SentencesParaMode mode;
} SentencesState;

/* Abbreviations that precede a name or number and so never end a
 * sentence (compared without the period, ASCII case as written). */
static const char *const sentences_titles[] = {
  "Mr",   "Mrs",  "Ms",   "Dr",   "Prof", "Messrs", "Gen",  "Sen",  "Rep",
  "Gov",  "Lt",   "Col",  "Capt", "Sgt",  "Maj",    "Adm",  "Cmdr", "Rev",
  "Hon",  "Pres", "St",   "Mt",   "Ft",   "Jan",    "Feb",  "Mar",  "Apr",
  "Jun",  "Jul",  "Aug",  "Sep",  "Sept", "Oct",    "Nov",  "Dec",  "No",
  "Nos",  "Fig",  "Vol",  "Sr",   "Jr",   "Supt",   "Det",  "Insp", "Fr",
  "vs",   "v",    "cf",   "e.g",  "i.e",  "Sens",   "Reps", "Gens", "Drs",
  "Brig", "Cpl",  "Pvt",  "Ste",  "approx", "ca",   "viz",  "p",    "pp",
  "Ph.D", "P.S", "PS", NULL
};

/* Abbreviations that usually end the sentence they close when a capital
 * follows ("rose 3 pct. Profits ..."), compared without the period. */
static const char *const sentences_finals[] = {
  "pct", "mln", "bln", "etc", "Inc", "Corp", "Ltd", "Co", "Cos", "Bros",
  "a.m", "p.m", "yrs", "plc", "PLC", "INC", "CORP", "LTD", "CO", "ft",
  "lbs", "oz", "min", "bn", "mn", NULL
};

/* Capitalized words that usually start a sentence, so that an abbreviation
 * before them ends one ("the U.S. The ..."). */
static const char *const sentences_starters[] = {
  "The",   "A",     "An",   "He",    "She",    "It",    "They",  "We",
  "I",     "You",   "But",  "And",   "In",     "On",    "At",    "This",
  "That",  "These", "Those", "There", "His",   "Her",   "Its",   "Their",
  "Our",   "My",    "Your", "As",    "For",    "If",    "When",  "While",
  "After", "Before", "Since", "So",  "Yet",    "Or",    "What",  "Who",
  "Why",   "How",   "Where", "Which", "Some",  "Many",  "Most",  "All",
  "Each",  "Both",  "One",  "Such",  "Its",    "Also",  "However", "Meanwhile",
  "Although", "Though", "Because", "Under", "With", "From", "By", "To",
  "Of",    "Not",   "No",   "Yes",   "Now",    "Then",  "Still", "Last",
  "Earlier", "Later", "Today", "Yesterday", "Analysts", "Shares", "Please",
  "Thanks", "Thank", "Just", "Let", "Here", "Do", "Did", "Does", "Is", "Are",
  "Was", "Were", "Can", "Could", "Would", "Should", "Will", "Any", "Nothing",
  "Everything", "Everyone", "Otherwise", "Therefore", "Thus", "Hopefully",
  "Unfortunately", "Finally", "First", "Second", "Instead",
  NULL
};

/* Byte classes for the fast path of the main loop. */
enum {
  SENTENCES_B_STOPPY = 1 << 0, /* last byte of a token that may end one */
  SENTENCES_B_DECO = 1 << 1,   /* a byte separator lines are made of */
  SENTENCES_B_LOWER = 1 << 2,  /* a lower-case ASCII letter */
  SENTENCES_B_AP = 1 << 3,     /* first byte of AM / PM */
  SENTENCES_B_DIGIT = 1 << 4   /* an ASCII digit */
};

static guint8 sentences_bytes[256];

/* Fills the byte class table once. */
static void
sentences_bytes_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  for (guint c = 0; c < 256; c++)
    {
      guint8 f = 0;
      if (c >= 0x80 || c == '.' || c == '!' || c == '?' || c == '"'
          || c == '\'' || c == ')' || c == ']' || c == '}')
        f |= SENTENCES_B_STOPPY;
      if (c == '=' || c == '*' || c == '_' || c == '~' || c == '#' || c == '-')
        f |= SENTENCES_B_DECO;
      if (c >= 'a' && c <= 'z')
        f |= SENTENCES_B_LOWER;
      if (c == 'A' || c == 'P' || c == 'a' || c == 'p')
        f |= SENTENCES_B_AP;
      if (c >= '0' && c <= '9')
        f |= SENTENCES_B_DIGIT;
      sentences_bytes[c] = f;
    }
  g_once_init_leave (&done, 1);
}

/* TRUE when [s, s+n) equals one of @list exactly. */
static gboolean
sentences_in_list (const char *const *list, const char *s, gsize n)
{
  if (n == 0)
    return FALSE;
  for (guint i = 0; list[i] != NULL; i++)
    if (list[i][0] == s[0] && strncmp (list[i], s, n) == 0
        && list[i][n] == '\0')
      return TRUE;
  return FALSE;
}

/* Decodes the (valid UTF-8) character at @p. */
static gunichar
sentences_char (const char *p)
{
  return g_utf8_get_char (p);
}

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

  if (n == 0)
    return SENTENCES_TOK_OTHER;
  for (gsize i = 0; i < n; i++)
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
      if (sentences_in_list (sentences_titles, s, m))
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
      else if ((guchar) t[i] == 0xE2 && i + 2 < e && (guchar) t[i + 1] == 0x80
               && (guchar) t[i + 2] == 0xA9)
        n += 2;
    }
  return n;
}

/* TRUE when the token [s, s+n) can start a sentence after a full stop:
 * a capital letter, a digit, an opening quote or bracket. */
static gboolean
sentences_can_start (const char *s, gsize n)
{
  gunichar c = sentences_char (s);
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return TRUE;
  if (g_unichar_isdigit (c))
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

/* TRUE for the characters separator lines are made of. */
static inline gboolean
sentences_is_deco (char c)
{
  return c == '=' || c == '*' || c == '_' || c == '~' || c == '#' || c == '-';
}

/* TRUE for a separator line token: ***, ====, ____, ----. */
static gboolean
sentences_is_rule (const char *s, gsize n)
{
  if (n < 3 || !sentences_is_deco (s[0]))
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if (s[i] != s[0])
      return FALSE;
  return s[0] != '-' || n >= 4;
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
static gboolean
sentences_is_ampm (const char *s, gsize n)
{
  char c0 = g_ascii_tolower (s[0]);
  if (c0 != 'a' && c0 != 'p')
    return FALSE;
  if (n == 2)
    return s[1] == 'M' || s[1] == 'm';
  return n == 4 && s[1] == '.' && (s[2] == 'm' || s[2] == 'M') && s[3] == '.';
}

/* Letter-closings of e-mails: "Thanks," ends its own sentence. */
static const char *const sentences_closings[]
    = { "Thanks", "Regards", "regards", "Sincerely", "Cheers", "Best",
        "Thank you", "Love", "Respectfully", "Yours", "Thx", NULL };

/* Capitalized words that, right after a lower-case word with no
 * punctuation between, start a new sentence in unedited web and e-mail
 * text ("i will be there If you ...").  "The", "I" and question words are
 * left out: they too often continue the sentence. */
static const char *const sentences_runon_starters[] = {
  "If", "But", "There", "My", "Can", "No", "Could", "Therefore", "Does",
  "Please", "Thanks", "Just", "Now", "When", "These", "He", "She", "You",
  "They", "We", "Have", "Any", "Here", "Good", "Best", "Regards", "Thx",
  "Attached", "Hope", "Anyway", "Also", "Maybe", "Perhaps", "Sorry", "Hi",
  "Hello", "Dear", "Cheers", "Yes", NULL
};

/* TRUE for emoticons: :-) :) ;) :( :D */
static gboolean
sentences_is_emoticon (const char *s, gsize n)
{
  return n >= 2 && n <= 3 && (s[0] == ':' || s[0] == ';' || s[0] == '=')
         && strchr (")(DPp]|", s[n - 1]) != NULL;
}

/* Text of token @i: start in *s, length in *n. */
static void
sentences_tok (const char *t, const TpLayer *tokens, guint i, const char **s,
               gsize *n)
{
  gsize a = tp_layer_get_start (tokens, i);
  *s = t + a;
  *n = tp_layer_get_end (tokens, i) - a;
}

/* Breaks that come from e-mail and web layout rather than punctuation:
 * separator lines, "12/31/2001 10:53 AM" stamps, "Thanks," closings, URLs
 * and e-mail addresses before a capital, "(Source) Sentence", emoticons
 * and run-ons.  TRUE when a sentence ends after token @i, whose text is
 * @a (@an bytes); the next token, @k, is @b (@bn bytes).  Each rule first
 * tests one or two bytes, so that ordinary words cost little. */
static gboolean
sentences_layout_break (const char *t, const TpLayer *tokens, guint n,
                        guint first, guint i, const char *a, gsize an,
                        guint k, const char *b, gsize bn)
{
  gboolean gap = b > a + an;
  guchar a0 = (guchar) a[0], b0 = (guchar) b[0];

  /* separator lines */
  if (gap && ((sentences_is_deco ((char) a0) && sentences_is_rule (a, an))
              || (sentences_is_deco ((char) b0) && sentences_is_rule (b, bn))))
    return TRUE;
  /* Name | 12/31/2001 10:53 AM */
  if (g_ascii_isdigit (b0) && k + 2 < n
      && (g_ascii_isupper (a0) || g_ascii_isdigit (a0) || a0 == '>'
          || a0 == '"')
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
  if (an == 1)
    switch (a0)
      {
      case ',':
        /* Thanks, | Name;  Best regards, | Name */
        if (g_ascii_isupper (b0) && (i == first + 1 || i == first + 2))
          {
            const char *c;
            gsize cn;
            sentences_tok (t, tokens, i - 1, &c, &cn);
            if (i == first + 1
                    ? sentences_in_list (sentences_closings, c, cn)
                    : (cn == 7 && memcmp (c, "regards", 7) == 0))
              return TRUE;
          }
        return FALSE;
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
        /* (Source) Sentence: a parenthesis that opened the sentence */
        if (g_ascii_isupper (b0) || b0 == '(')
          {
            const char *c;
            gsize cn;
            sentences_tok (t, tokens, first, &c, &cn);
            return cn == 1 && c[0] == '(';
          }
        return FALSE;
      default:
        return FALSE;
      }
  /* a URL or e-mail address, then a capital: "... is http://x.com Thanks" */
  if (an > 4 && (g_ascii_isupper (b0) || b0 == 'h')
      && (((a0 == 'h' || a0 == 'w')
           && (memcmp (a, "http", 4) == 0 || memcmp (a, "www.", 4) == 0))
          || memchr (a, '@', an) != NULL)
      && (g_ascii_isupper (b0) || (bn > 4 && memcmp (b, "http", 4) == 0)))
    return TRUE;
  if (!g_ascii_isupper (b0))
    return FALSE;
  if (sentences_is_emoticon (a, an))
    return TRUE;
  /* a run-on: "... i will be there If you ..." */
  if (g_ascii_islower (a0) && sentences_in_list (sentences_runon_starters, b, bn))
    {
      for (gsize j = 0; j < an; j++)
        if (!g_ascii_islower (a[j]))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* Appends the sentence made of tokens [first, last]. */
static void
sentences_emit (TpLayer *out, const TpLayer *tokens, guint first, guint last,
                gint64 paragraph)
{
  guint i = tp_layer_append (out, tp_layer_get_start (tokens, first),
                             tp_layer_get_end (tokens, last));
  tp_layer_set_int (out, i, 0, paragraph);
}

/* Splits the tokens of one document into sentences. */
static gboolean
sentences_process (gpointer state, TpDocument *doc, GError **error)
{
  const SentencesState *st = state;
  const char *t = tp_document_get_text (doc);
  TpLayer *tokens = tp_document_get_layer (doc, "token");
  TpLayer *out;
  guint n, first = 0, line_first = 0;
  gsize line_start = 0, cur_s, cur_e;
  gint64 paragraph = 0;

  if (tokens == NULL)
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_INVALID_INPUT,
                   "no token layer: run the tokenizer stage first");
      return FALSE;
    }
  out = tp_document_add_layer (doc, "sentence", sentences_attrs, error);
  if (out == NULL)
    return FALSE;
  n = tp_layer_get_length (tokens);
  if (n > 0)
    line_start = tp_layer_get_start (tokens, 0);

  /* One pass; the spans of the current and the next token are kept so
   * that each is fetched once, and plain words take a short path. */
  cur_s = n > 0 ? tp_layer_get_start (tokens, 0) : 0;
  cur_e = n > 0 ? tp_layer_get_end (tokens, 0) : 0;
  for (guint i = 0; i + 1 < n; i++)
    {
      gsize s = cur_s, e = cur_e;
      guchar lc = (guchar) t[e - 1];
      SentencesTokKind kind = SENTENCES_TOK_OTHER;
      guint last = i, k;
      gsize ns, ne, gap_start;
      guint nl;
      gboolean end = FALSE, closed = FALSE;

      ns = tp_layer_get_start (tokens, i + 1);
      ne = tp_layer_get_end (tokens, i + 1);
      /* the common case, tested without branches (they mispredict): a
       * token that cannot end a sentence, then either a token right after
       * it (no space), or one space and a lower-case word or a number that
       * no layout rule looks at */
      {
        guchar nc = (guchar) t[ns], c0 = (guchar) t[s];
        guint lcf = sentences_bytes[lc], c0f = sentences_bytes[c0];
        guint ncf = sentences_bytes[nc];
        gsize len = e - s;
        guint ap = ((len == 2) | (len == 4)) & ((c0f & SENTENCES_B_AP) != 0);
        guint url = (nc == 'h') & ((c0 == 'h') | (c0 == 'w'));
        guint lower_ok = ((ncf & SENTENCES_B_LOWER) != 0) & !ap & !url;
        guint digit_ok = ((ncf & SENTENCES_B_DIGIT) != 0)
                         & ((c0f & SENTENCES_B_LOWER) != 0);
        guint space1 = (ns == e + 1) & (t[e] == ' ')
                       & ((c0f & SENTENCES_B_DECO) == 0);
        guint plain = ((lcf & SENTENCES_B_STOPPY) == 0)
                      & ((ns == e) | (space1 & (lower_ok | digit_ok)));
        if (G_LIKELY (plain))
          {
            cur_s = ns;
            cur_e = ne;
            continue;
          }
      }
      if (sentences_bytes[lc] & SENTENCES_B_STOPPY)
        kind = sentences_kind (t + s, e - s);
      /* closing quotes and brackets attached to a stop belong to it */
      if (kind == SENTENCES_TOK_STOP || kind == SENTENCES_TOK_ELLIPSIS
          || kind == SENTENCES_TOK_ABBREV)
        {
          gsize le = e;
          while (last + 1 < n && ns == le)
            {
              SentencesTokKind ck = sentences_kind (t + ns, ne - ns);
              if (ck == SENTENCES_TOK_CLOSE)
                closed = TRUE;
              else if (ck != SENTENCES_TOK_STOP)
                break;
              else if (kind == SENTENCES_TOK_ABBREV)
                kind = SENTENCES_TOK_STOP; /* Inc.. */
              last++;
              le = ne;
              if (last + 1 < n)
                {
                  ns = tp_layer_get_start (tokens, last + 1);
                  ne = tp_layer_get_end (tokens, last + 1);
                }
            }
          if (last + 1 >= n)
            break;
        }
      k = last + 1;
      gap_start = last == i ? e : tp_layer_get_end (tokens, last);
      if (ns == gap_start + 1 && t[gap_start] == ' ')
        nl = 0;
      else
        nl = sentences_newlines (t, gap_start, ns);

      switch (kind)
        {
        case SENTENCES_TOK_STOP:
          if (sentences_can_start (t + ns, ne - ns))
            end = TRUE;
          else if (ns > gap_start
                   && sentences_kind (t + ns, ne - ns) == SENTENCES_TOK_STOP)
            end = TRUE; /* "Done. ? Next": a stray stop is its own */
          else if (!closed && ns > gap_start)
            {
              /* a lower-case word after a bare stop: web text often
               * starts sentences in lower case */
              gunichar c = sentences_char (t + ns);
              end = g_unichar_isalpha (c);
            }
          break;
        case SENTENCES_TOK_ELLIPSIS:
          end = sentences_can_start (t + ns, ne - ns) && ns > gap_start;
          break;
        case SENTENCES_TOK_ABBREV:
          end = sentences_in_list (sentences_starters, t + ns, ne - ns)
                || ((closed
                     || sentences_in_list (sentences_finals, t + s, e - s - 1))
                    && (g_unichar_isupper (sentences_char (t + ns))
                        || sentences_is_open_quote (t + ns)));
          break;
        default:
          {
            /* layout breaks need a capital, digit, bracket, rule or URL
             * next, or an AM/PM here: test that cheaply first */
            guchar nc = (guchar) t[ns], c0 = (guchar) t[s];
            if (((!g_ascii_islower (nc) || nc == 'h')
                 && !(nc == ',' || nc == '.' || nc == ';' || nc == ':'
                      || nc == ')' || nc == '\''))
                || ((e - s == 2 || e - s == 4)
                    && (c0 == 'A' || c0 == 'P' || c0 == 'a' || c0 == 'p'))
                || sentences_is_deco ((char) c0))
              end = sentences_layout_break (t, tokens, n, first, last, t + s,
                                            e - s, k, t + ns, ne - ns);
          }
          break;
        }
      if (nl >= 2)
        end = TRUE;
      else if (nl == 1 && !end)
        {
          if (st->mode == SENTENCES_PARA_LINE)
            end = TRUE;
          else if (st->mode == SENTENCES_PARA_BLANK
                   && sentences_is_headline (t, line_start, gap_start,
                                             last + 1 - line_first)
                   && sentences_can_start (t + ns, ne - ns))
            end = TRUE;
        }
      if (end)
        {
          sentences_emit (out, tokens, first, last, paragraph);
          first = k;
          if (nl >= 2 || (nl == 1 && st->mode == SENTENCES_PARA_LINE))
            paragraph++;
        }
      if (nl >= 1)
        {
          line_start = ns;
          line_first = k;
        }
      i = last;
      cur_s = ns;
      cur_e = ne;
    }
  if (first < n)
    sentences_emit (out, tokens, first, n - 1, paragraph);
  return TRUE;
}

/* Reads the options. */
static gboolean
sentences_init (const TpOptions *options, gpointer *state, GError **error)
{
  SentencesState *st;
  const char *mode = tp_options_get_string (options, "paragraphs");
  SentencesParaMode m;

  if (mode == NULL || strcmp (mode, "blank") == 0)
    m = SENTENCES_PARA_BLANK;
  else if (strcmp (mode, "line") == 0)
    m = SENTENCES_PARA_LINE;
  else if (strcmp (mode, "blank-only") == 0)
    m = SENTENCES_PARA_BLANK_ONLY;
  else
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,
                   "paragraphs = \"%s\": use blank, line or blank-only",
                   mode);
      return FALSE;
    }
  sentences_bytes_init ();
  st = g_new0 (SentencesState, 1);
  st->mode = m;
  *state = st;
  return TRUE;
}

/* Nothing to flush at the end of input. */
static gboolean
sentences_finish (gpointer state, GError **error)
{
  return TRUE;
}

/* Frees the stage state. */
static void
sentences_destroy (gpointer state)
{
  g_free (state);
}

TP_PLUGIN_DEFINE (.name = "sentences", .version = "1.0.0",
                  .description = "English sentences (abbreviations, quotes, "
                                 "headlines, paragraphs)",
                  .license = "MIT", .flags = TP_PLUGIN_FLAG_THREAD_SAFE,
                  .requires = sentences_requires,
                  .produces = sentences_produces,
                  .options = sentences_options, .init = sentences_init,
                  .process = sentences_process, .finish = sentences_finish,
                  .destroy = sentences_destroy);
