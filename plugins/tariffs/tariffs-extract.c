/* tariffs-extract.c: the event rules of the `tariffs` plugin.
 *
 * A candidate sentence is cut into words of its own (lower-cased copies
 * with their byte spans and lexicon bits), places are found with the
 * gazetteer (longest match), and each trigger word that passes the
 * exclusions (GATT, price schedules, sentencing, domestic taxes, verbs)
 * becomes an event whose fields come from bounded windows around it:
 *
 *   action       the nearest cue word on the left (verbs beat adjectives),
 *                a noun right after ("tariff cuts"), a participle after
 *                ("tariffs imposed"); threats and negation adjust it
 *   status       sentence cues: proposed > announced > weak > actual
 *   imposer      NP modifier ("Canada's tariffs"), agent ("imposed by"),
 *                nearest subject-like place in the clause, anaphora
 *                (inherits the previous event), the document's most
 *                mentioned place
 *   target       a place in the phrase after on/against/from/for, an
 *                offender ("Japan's failure"), a place modifying goods
 *   rate, amount, goods: patterns right around the trigger
 *
 * Every window is bounded, so a sentence costs time linear in its length
 * whatever its content.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tariffs.h"

#define TARIFFS_WORD_LOW 32
/* Windows, in words. */
#define TARIFFS_CLAUSE_WINDOW 40
#define TARIFFS_CUE_WINDOW 8
#define TARIFFS_TARGET_WINDOW 25
#define TARIFFS_SENT_WINDOW 60

enum {
  TW_ALPHA = 1 << 0,   /* has a letter */
  TW_NUM = 1 << 1,     /* starts with a digit */
  TW_PUNCT = 1 << 2,   /* one punctuation mark */
  TW_CAP = 1 << 3,     /* starts with an upper-case letter */
  TW_ALLCAPS = 1 << 4, /* no lower-case letter */
  TW_POSS = 1 << 5,    /* followed by 's or ' */
  TW_PLACE = 1 << 6,   /* part of a gazetteer mention */
  TW_TRIGGER = 1 << 7, /* a trigger that became an event */
  TW_CAND = 1 << 8     /* any trigger word (event or not) */
};

typedef struct {
  gsize start, end;
  guint64 lex;
  guint16 flags;
  gint32 mention; /* index into the mentions, or -1 */
  char low[TARIFFS_WORD_LOW];
} TariffsWord;

enum {
  TM_SUBJ = 1 << 0,     /* subject-like: followed by a verb or an actor */
  TM_GOODSADJ = 1 << 1, /* modifies goods or producers: "Japanese cars" */
  TM_PP = 1 << 2,       /* inside a prepositional phrase */
  TM_TSUBJ = 1 << 3,    /* subject of "benefit", "face" */
  TM_ABSORBED = 1 << 4, /* listed member of a bloc: "GCC members X, Y" */
  TM_COORD = 1 << 5,    /* coordinated subject: "X and Y agreed" */
  TM_OFFENDER = 1 << 6, /* "Japan's failure", "Japanese dumping" */
  TM_ACTOWNER = 1 << 7  /* owns an act: "the EC plan", "U.S. decision" */
};

typedef struct {
  guint first, last; /* word indices */
  const char *canonical;
  guint flags;
} TariffsMention;

/* The state of one sentence while its triggers are analysed. */
typedef struct {
  TariffsDoc *doc;
  TariffsWord *w;
  guint n;
  guint w0; /* first word after a dateline */
  TariffsMention *m;
  guint n_mentions;
  gsize start, end;
  gboolean all_caps;
  gboolean trade_strong; /* import/export/customs/dumping words */
  gboolean trade_any;    /* any trade word or place */
  gboolean goods_ctx;    /* goods or producers named: "Japanese goods" */
  gboolean schedule, judicial, domestic_mark;
  gboolean revenue;  /* "revenue" in the sentence: budget talk */
  guint first_event; /* index in doc->events of this sentence's first */
  /* the window of the trigger being analysed: words [lo, hi), mentions
   * [mk0, mk1); it keeps huge sentences linear */
  guint lo, hi, mk0, mk1;
} TariffsSent;

/* ---------------------------------------------------------------- */
/* Quick scans                                                       */
/* ---------------------------------------------------------------- */

/* ASCII lower case and "letter or digit", as tables: the quick scans
 * look at every byte of every document. */
static const guchar tariffs_lower[256] = {
#define L(c) (guchar) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
#define R4(c) L (c), L (c + 1), L (c + 2), L (c + 3)
#define R16(c) R4 (c), R4 (c + 4), R4 (c + 8), R4 (c + 12)
  R16 (0),   R16 (16),  R16 (32),  R16 (48),  R16 (64),  R16 (80),
  R16 (96),  R16 (112), R16 (128), R16 (144), R16 (160), R16 (176),
  R16 (192), R16 (208), R16 (224), R16 (240)
#undef R16
#undef R4
#undef L
};

/* ASCII letter or digit. */
static inline gboolean
tariffs_alnum (guchar c)
{
  return (c >= '0' && c <= '9') || (guchar)((c | 0x20) - 'a') < 26;
}

/* TRUE when the bytes at @p (up to @end) start with lower-case ASCII
 * @stem, compared case-insensitively. */
static inline gboolean
tariffs_stem_at (const guchar *p, const guchar *end, const char *stem)
{
  for (; *stem != '\0'; stem++, p++)
    if (p >= end || tariffs_lower[*p] != (guchar)*stem)
      return FALSE;
  return TRUE;
}

/* Which stem starts the word at @p: 2 for a trigger (tariff, duty,
 * levy, surcharge), 3 for a weak trigger (tax, charge, fee), 1 for a
 * trade word (import, export, customs), 0 for none. */
static int
tariffs_stem_kind (const guchar *p, const guchar *end)
{
  switch (tariffs_lower[*p])
    {
    case 't':
      if (tariffs_stem_at (p, end, "tariff"))
        return 2;
      return tariffs_stem_at (p, end, "tax") ? 3 : 0;
    case 'd':
      return tariffs_stem_at (p, end, "duty")
                     || tariffs_stem_at (p, end, "duti")
                 ? 2
                 : 0;
    case 'l':
      return tariffs_stem_at (p, end, "levy")
                     || tariffs_stem_at (p, end, "levie")
                 ? 2
                 : 0;
    case 's':
      return tariffs_stem_at (p, end, "surcharge")
                     || tariffs_stem_at (p, end, "surtax")
                 ? 2
                 : 0;
    case 'c':
      if (tariffs_stem_at (p, end, "charge"))
        return 3;
      return tariffs_stem_at (p, end, "customs") ? 1 : 0;
    case 'f':
      return tariffs_stem_at (p, end, "fee")
                     && (p + 3 >= end || !tariffs_alnum (p[3])
                         || tariffs_lower[p[3]] == 's')
                 ? 3
                 : 0;
    case 'i':
      return tariffs_stem_at (p, end, "import") ? 1 : 0;
    case 'e':
      return tariffs_stem_at (p, end, "export") ? 1 : 0;
    default:
      return 0;
    }
}

/* TRUE when a word may start with a stem, from its first two letters
 * ("ta", "du", "le", "su", "ch", "cu", "fe", "im", "ex"): most words are
 * rejected with one table lookup. */
static inline gboolean
tariffs_prefix_ok (const guchar *p, const guchar *end)
{
  guchar a, b;

  if (p + 1 >= end)
    return FALSE;
  a = tariffs_lower[p[0]];
  b = tariffs_lower[p[1]];
  switch (a)
    {
    case 't':
      return b == 'a';
    case 'd':
      return b == 'u';
    case 'l':
      return b == 'e';
    case 's':
      return b == 'u';
    case 'c':
      return b == 'h' || b == 'u';
    case 'f':
      return b == 'e';
    case 'i':
      return b == 'm';
    case 'e':
      return b == 'x';
    default:
      return FALSE;
    }
}

/* See tariffs.h: the stem kind of one token. */
int
tariffs_word_kind (const char *word, gsize len)
{
  const guchar *p = (const guchar *)word;

  /* tariff(s), duty, duties, levy, levies, surcharge(s), charge(s), fee(s),
   * tax(es), import(s|ed|ers...), export(...), customs: 3 to 12 bytes */
  if (len < 3 || len > 12)
    return 0;
  switch (*p | 0x20)
    {
    case 't':
    case 'd':
    case 'l':
    case 's':
    case 'c':
    case 'f':
    case 'i':
    case 'e':
      break;
    default:
      return 0;
    }
  if (!tariffs_prefix_ok (p, p + len))
    return 0;
  return tariffs_stem_kind (p, p + len);
}

/* Two-byte prefixes a stem may start with ("ta", "Du", "IM" ...), as a
 * bit map indexed by the two bytes: one lookup rejects most words. */
static guint8 tariffs_prefix_map[8192];

/* Fills tariffs_prefix_map once, thread-safely. */
static void
tariffs_prefix_map_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      static const char *const prefixes[]
          = { "ta", "du", "le", "su", "ch", "cu", "fe", "im", "ex", NULL };

      for (guint k = 0; prefixes[k] != NULL; k++)
        for (guint c = 0; c < 4; c++)
          {
            guint a = (guchar)prefixes[k][0] - ((c & 1) ? 32 : 0);
            guint b = (guchar)prefixes[k][1] - ((c & 2) ? 32 : 0);
            guint index = (a << 8) | b;

            tariffs_prefix_map[index >> 3] |= (guint8)(1u << (index & 7));
          }
      g_once_init_leave (&done, 1);
    }
}

/* Looks at the word starting at @p (if any stem may start there) and
 * records it: trigger stems go to @triggers, trade stems set
 * @candidates. */
static inline void
tariffs_scan_word (const char *text, gsize len, gsize p, GArray *triggers,
                   gboolean *candidates)
{
  const guchar *t = (const guchar *)text;
  guint index;
  int kind;

  if (p + 1 >= len)
    return;
  index = ((guint)t[p] << 8) | t[p + 1];
  if (!(tariffs_prefix_map[index >> 3] & (1u << (index & 7))))
    return;
  kind = tariffs_stem_kind (t + p, t + MIN (len, p + 12));
  if (kind == 1 || kind == 2)
    *candidates = TRUE;
  if (kind >= 2)
    g_array_append_val (triggers, p);
}

#define TARIFFS_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define TARIFFS_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The bytes of @v equal to @c, as a mask of their high bits. */
static inline guint64
tariffs_bytes_equal (guint64 v, guchar c)
{
  guint64 x = v ^ (TARIFFS_ONES * c);

  return (x - TARIFFS_ONES) & ~x & TARIFFS_HIGHS;
}

/* See tariffs.h.  Words are looked at where they start after a space,
 * line break, straight or curly opening quote or bracket (and at the
 * text's start); eight bytes at a time find those delimiters, so the
 * scan runs at memory speed.  (A word glued to another mark, as in
 * "pre-tax", is no trigger anyway.) */
gboolean
tariffs_scan_text (const char *text, gsize len, GArray *triggers)
{
  const guchar *t = (const guchar *)text;
  gboolean candidates = FALSE;
  gsize i = 0;

  tariffs_prefix_map_init ();
  tariffs_scan_word (text, len, 0, triggers, &candidates);
  for (; i + 8 <= len; i += 8)
    {
      guint64 v, m;

      memcpy (&v, t + i, 8);
      v = GUINT64_FROM_LE (v); /* byte k of the text is byte k of v */
      m = tariffs_bytes_equal (v, ' ') | tariffs_bytes_equal (v, '\n')
          | tariffs_bytes_equal (v, '"') | tariffs_bytes_equal (v, '(')
          | tariffs_bytes_equal (v, 0x9C) | tariffs_bytes_equal (v, '\t');
      while (m != 0)
        {
          /* the lowest set byte comes first in the text */
#if defined(__GNUC__)
          guint b = (guint)__builtin_ctzll (m) >> 3;
#else
          guint b = (guint)g_bit_nth_lsf ((gulong)m, -1) >> 3;
#endif

          m &= m - 1;
          tariffs_scan_word (text, len, i + b + 1, triggers, &candidates);
        }
    }
  for (; i < len; i++)
    if (t[i] == ' ' || t[i] == '\n' || t[i] == '"' || t[i] == '('
        || t[i] == 0x9C || t[i] == '\t')
      tariffs_scan_word (text, len, i + 1, triggers, &candidates);
  return candidates;
}

/* ---------------------------------------------------------------- */
/* Words                                                             */
/* ---------------------------------------------------------------- */

/* Length of the UTF-8 punctuation mark at @p that ends a word (quotes,
 * apostrophes, dashes, ellipsis, guillemets, no-break space), or 0. */
static int
tariffs_utf8_punct (const unsigned char *p, const unsigned char *end)
{
  if (p + 2 < end + 0 && p[0] == 0xE2 && p[1] == 0x80
      && (p[2] >= 0x90 && p[2] <= 0xBA))
    return 3;
  if (p + 1 < end && p[0] == 0xC2
      && (p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xA0 || p[1] == 0xA3))
    return 2;
  if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x82 && p[2] == 0xAC)
    return 3; /* euro sign */
  return 0;
}

/* TRUE when the byte at @p continues a word. */
static gboolean
tariffs_word_byte (const unsigned char *p, const unsigned char *end)
{
  if (*p < 0x80)
    return g_ascii_isalnum (*p);
  return tariffs_utf8_punct (p, end) == 0;
}

/* Length of an apostrophe at @p (' or ’), or 0. */
static int
tariffs_apostrophe (const unsigned char *p, const unsigned char *end)
{
  if (*p == '\'')
    return 1;
  if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)
    return 3;
  return 0;
}

/* Appends the word [start, end) with its lower-case copy and flags. */
static void
tariffs_word_push (GArray *words, const char *text, gsize start, gsize end,
                   guint16 flags)
{
  TariffsWord w;
  gsize n = MIN (end - start, (gsize)TARIFFS_WORD_LOW - 1);
  gboolean lower = FALSE, upper = FALSE;

  w.start = start;
  w.end = end;
  w.lex = 0;
  w.mention = -1;
  for (gsize i = 0; i < n; i++)
    w.low[i] = (char)tariffs_lower[(guchar)text[start + i]];
  w.low[n] = '\0';
  for (gsize i = start; i < end; i++)
    {
      if (g_ascii_islower (text[i]))
        lower = TRUE;
      else if (g_ascii_isupper (text[i]))
        upper = TRUE;
    }
  if (g_ascii_isdigit (text[start]))
    flags |= TW_NUM;
  if (lower || upper)
    flags |= TW_ALPHA;
  if (g_ascii_isupper (text[start]))
    flags |= TW_CAP;
  if (upper && !lower)
    flags |= TW_ALLCAPS;
  w.flags = flags;
  g_array_append_val (words, w);
}

/* Appends one punctuation word whose lower-case form is @norm. */
static void
tariffs_punct_push (GArray *words, gsize start, gsize end, const char *norm)
{
  TariffsWord w;

  w.start = start;
  w.end = end;
  w.lex = 0;
  w.mention = -1;
  w.flags = TW_PUNCT;
  g_strlcpy (w.low, norm, sizeof w.low);
  g_array_append_val (words, w);
}

/* Cuts [start, end) into words: letters and digits with inner periods
 * (U.S., 1.96), thousands commas (1,700), hyphens (anti-dumping) and
 * apostrophes (n't); a possessive 's or ' is dropped and flagged on its
 * word; every other mark is a word of its own.  Linear in the span. */
static void
tariffs_words_build (GArray *words, const char *text, gsize start, gsize end)
{
  const unsigned char *t = (const unsigned char *)text;
  const unsigned char *e = t + end;
  gsize p = start;

  g_array_set_size (words, 0);
  while (p < end)
    {
      const unsigned char *c = t + p;
      int plen;

      if (*c < 0x80 && g_ascii_isspace (*c))
        {
          p++;
          continue;
        }
      if (tariffs_word_byte (c, e))
        {
          gsize q = p;
          guint16 flags = 0;
          gboolean dotted = FALSE;

          for (;;)
            {
              int a;

              while (q < end && tariffs_word_byte (t + q, e))
                q++;
              if (q + 1 < end && t[q] == '.' && g_ascii_isalnum (t[q + 1]))
                {
                  dotted = TRUE;
                  q++;
                  continue;
                }
              if (q + 3 < end && t[q] == ',' && g_ascii_isdigit (t[q - 1])
                  && g_ascii_isdigit (t[q + 1]) && g_ascii_isdigit (t[q + 2])
                  && g_ascii_isdigit (t[q + 3])
                  && (q + 4 >= end || !g_ascii_isdigit (t[q + 4])))
                {
                  q++;
                  continue;
                }
              if (q + 1 < end && t[q] == '-' && g_ascii_isalnum (t[q + 1]))
                {
                  q++;
                  continue;
                }
              a = q < end ? tariffs_apostrophe (t + q, e) : 0;
              if (a > 0)
                {
                  gsize r = q + a;

                  if (r < end && (t[r] == 's' || t[r] == 'S')
                      && (r + 1 >= end || !tariffs_word_byte (t + r + 1, e)))
                    {
                      flags |= TW_POSS;
                      tariffs_word_push (words, text, p, q, flags);
                      p = r + 1;
                      goto next;
                    }
                  if (r < end && g_ascii_isalpha (t[r]) && q > p
                      && (t[q - 1] == 'n' || t[q - 1] == 'N'))
                    {
                      q = r;
                      continue;
                    }
                  if (q > p && (t[q - 1] == 's' || t[q - 1] == 'S')
                      && (r >= end || !tariffs_word_byte (t + r, e)))
                    {
                      flags |= TW_POSS;
                      tariffs_word_push (words, text, p, q, flags);
                      p = r;
                      goto next;
                    }
                }
              break;
            }
          /* The final period of an abbreviation: U.S. */
          if (dotted && q < end && t[q] == '.' && !g_ascii_isdigit (t[p]))
            q++;
          tariffs_word_push (words, text, p, q, flags);
          p = q;
          continue;
        }
      plen = tariffs_utf8_punct (c, e);
      if (plen > 0)
        {
          const char *norm = "-";

          if (c[0] == 0xE2 && c[1] == 0x80)
            {
              if (c[2] >= 0x98 && c[2] <= 0x9F)
                norm = "\"";
              else if (c[2] == 0xA6)
                norm = ".";
            }
          else if (c[0] == 0xC2 && (c[1] == 0xAB || c[1] == 0xBB))
            norm = "\"";
          else if (c[0] == 0xC2 && c[1] == 0xA3)
            norm = "$";
          else if (c[0] == 0xE2 && c[1] == 0x82)
            norm = "$";
          else if (c[0] == 0xC2 && c[1] == 0xA0)
            {
              p += 2;
              continue;
            }
          tariffs_punct_push (words, p, p + plen, norm);
          p += plen;
          continue;
        }
      if (*c == '-' && p + 1 < end && t[p + 1] == '-')
        {
          tariffs_punct_push (words, p, p + 2, "-");
          p += 2;
          continue;
        }
      {
        char norm[2] = { (char)*c, '\0' };

        if (*c == '\'')
          norm[0] = '"';
        tariffs_punct_push (words, p, p + 1, norm);
        p++;
      }
    next:;
    }
}

/* ---------------------------------------------------------------- */
/* Small helpers                                                     */
/* ---------------------------------------------------------------- */

static inline gboolean
tw_is (const TariffsSent *s, gssize i, const char *word)
{
  return i >= 0 && (guint)i < s->n && strcmp (s->w[i].low, word) == 0;
}

/* TRUE when word @i (in range) has one of the lexicon @bits. */
static inline gboolean
tw_has (const TariffsSent *s, gssize i, guint64 bits)
{
  return i >= 0 && (guint)i < s->n && (s->w[i].lex & bits) != 0;
}

/* TRUE when word @i (in range) starts with @prefix. */
static inline gboolean
tw_prefix (const TariffsSent *s, gssize i, const char *prefix)
{
  return i >= 0 && (guint)i < s->n && g_str_has_prefix (s->w[i].low, prefix);
}

/* TRUE when word @i (in range) is a punctuation mark. */
static inline gboolean
tw_punct (const TariffsSent *s, gssize i)
{
  return i >= 0 && (guint)i < s->n && (s->w[i].flags & TW_PUNCT) != 0;
}

/* A percent sign or word at @i: returns how many words it spans. */
static guint
tariffs_pct_at (const TariffsSent *s, guint i)
{
  if (tw_is (s, i, "pct") || tw_is (s, i, "percent") || tw_is (s, i, "%")
      || tw_is (s, i, "pc") || tw_is (s, i, "p.c."))
    return 1;
  if (tw_is (s, i, "per") && tw_is (s, i + 1, "cent"))
    return 2;
  return 0;
}

/* The value of a number word at @i ("25", "1,700", "49.9", "five"). */
static gboolean
tariffs_number_at (const TariffsSent *s, guint i, double *value)
{
  static const char *const units[]
      = { "zero",     "one",      "two",      "three",   "four",    "five",
          "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
          "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen", "twenty",   NULL };
  static const char *const tens[] = { "thirty",  "forty",  "fifty",  "sixty",
                                      "seventy", "eighty", "ninety", NULL };
  const char *low;

  if (i >= s->n)
    return FALSE;
  low = s->w[i].low;
  if (s->w[i].flags & TW_NUM)
    {
      char buf[TARIFFS_WORD_LOW];
      gsize k = 0;
      char *endp;

      for (const char *p = low; *p != '\0' && k + 1 < sizeof buf; p++)
        if (*p != ',')
          buf[k++] = *p;
      buf[k] = '\0';
      *value = g_ascii_strtod (buf, &endp);
      return endp != buf && *endp == '\0';
    }
  for (guint k = 0; units[k] != NULL; k++)
    if (strcmp (low, units[k]) == 0)
      {
        *value = k;
        return TRUE;
      }
  for (guint k = 0; tens[k] != NULL; k++)
    if (strcmp (low, tens[k]) == 0)
      {
        *value = 30 + 10 * k;
        return TRUE;
      }
  if (strcmp (low, "hundred") == 0)
    {
      *value = 100;
      return TRUE;
    }
  return FALSE;
}

/* A percentage starting at word @i: the value and the words it spans. */
static guint
tariffs_rate_at (const TariffsSent *s, guint i, double *value)
{
  guint k;

  if (!tariffs_number_at (s, i, value))
    return 0;
  if (tw_is (s, i, "one") && tw_is (s, i + 1, "hundred"))
    {
      *value = 100;
      i++;
    }
  k = tariffs_pct_at (s, i + 1);
  return k > 0 ? k + 1 : 0;
}

/* ---------------------------------------------------------------- */
/* Places                                                            */
/* ---------------------------------------------------------------- */

/* Currency names, as words of money ("300 mln dlrs") and after a
 * country ("US dollars": money, not a party to a measure). */
static const char *const tariffs_currencies[]
    = { "dlrs",   "dlr",   "dollars", "dollar", "yen",    "stg",
        "euros",  "euro",  "marks",   "francs", "pounds", "yuan",
        "ecus",   "ecu",   "crowns",  "lire",   "pesos",  "peso",
        "rupees", "rupee", "roubles", "rubles", NULL };

/* TRUE when word @j names a currency. */
static gboolean
tariffs_is_currency (const TariffsSent *s, guint j)
{
  for (guint c = 0; tariffs_currencies[c] != NULL; c++)
    if (tw_is (s, j, tariffs_currencies[c]))
      return TRUE;
  return FALSE;
}

/* Finds the gazetteer mentions of the sentence, longest match first.  A
 * mention must start with a capital (or sit in an all-caps line). */
static void
tariffs_find_mentions (TariffsSent *s)
{
  GArray *mentions = s->doc->mentions;
  char key[TARIFFS_GAZ_MAX_WORDS * TARIFFS_WORD_LOW + 8];

  g_array_set_size (mentions, 0);
  for (guint i = s->w0; i < s->n; i++)
    {
      guint best = 0;
      const char *canonical = NULL;

      if (!(s->w[i].flags & TW_CAP))
        continue;
      for (guint len = 1; len <= TARIFFS_GAZ_MAX_WORDS && i + len <= s->n;
           len++)
        {
          gsize k = 0;
          const char *found;

          for (guint j = i; j < i + len; j++)
            {
              gsize l = strlen (s->w[j].low);

              if (j > i)
                key[k++] = ' ';
              memcpy (key + k, s->w[j].low, l);
              k += l;
              /* a possessive ends a name: "Canada's" */
              if ((s->w[j].flags & TW_POSS) && j + 1 < i + len)
                {
                  k = 0;
                  break;
                }
            }
          if (k == 0)
            break;
          key[k] = '\0';
          found = tariffs_gazetteer_lookup (s->doc->gaz, key);
          if (found != NULL)
            {
              best = len;
              canonical = found;
            }
        }
      if (best == 0)
        continue;
      /* "us" is a pronoun unless written US; "May" is a month */
      if (best == 1 && strcmp (s->w[i].low, "us") == 0
          && (!(s->w[i].flags & TW_ALLCAPS) || s->all_caps))
        continue;
      /* "from US dollars to pesos": money, not a party to a measure */
      if (tariffs_is_currency (s, i + best))
        {
          i += best - 1;
          continue;
        }
      if (*canonical != '\0')
        {
          TariffsMention m = { i, i + best - 1, canonical, 0 };

          for (guint j = i; j < i + best; j++)
            {
              s->w[j].flags |= TW_PLACE;
              s->w[j].mention = (gint32)mentions->len;
            }
          g_array_append_val (mentions, m);
        }
      i += best - 1;
    }
  s->m = (TariffsMention *)(void *)mentions->data;
  s->n_mentions = mentions->len;
}

/* The index of the first word after the mention @m skipping nothing. */
static inline guint
tm_next (const TariffsMention *m)
{
  return m->last + 1;
}

/* Works out the roles of every mention: subject-like, goods modifier,
 * inside a prepositional phrase, listed bloc member, offender. */
static void
tariffs_mention_roles (TariffsSent *s)
{
  gboolean absorbing = FALSE;

  for (guint k = 0; k < s->n_mentions; k++)
    {
      TariffsMention *m = &s->m[k];
      gssize before = (gssize)m->first - 1;
      guint next = tm_next (m);
      gboolean poss = (s->w[m->last].flags & TW_POSS) != 0;

      if (tw_is (s, before, "the"))
        before--;
      /* "GCC members Saudi Arabia, Kuwait and Oman": the list belongs to
       * the bloc */
      if (absorbing)
        {
          if (tw_is (s, before, ",") || tw_is (s, before, "and")
              || (before >= 0 && s->w[before].mention >= 0))
            {
              m->flags |= TM_ABSORBED;
              continue;
            }
          absorbing = FALSE;
        }
      if (tw_is (s, next, "members") || tw_is (s, next, "member"))
        absorbing = TRUE;
      if (before >= (gssize)s->w0 && (s->w[before].lex & TL_PREP)
          && !(s->w[before].lex & TL_CLAUSE) && !tw_is (s, before, "by")
          && !tw_is (s, before, "of"))
        m->flags |= TM_PP;
      if (tw_is (s, before, "on") || tw_is (s, before, "from")
          || tw_is (s, before, "against") || tw_is (s, before, "for"))
        m->flags |= TM_PP;
      /* modifier of goods or producers within two words */
      for (guint j = next; j < next + 3 && j < s->n; j++)
        {
          if (s->w[j].flags & (TW_PUNCT | TW_PLACE))
            break;
          if (s->w[j].lex & (TL_GOODS | TL_PRODUCER))
            {
              m->flags |= TM_GOODSADJ;
              break;
            }
          if (s->w[j].lex & TL_OFFENCE)
            {
              m->flags |= TM_OFFENDER;
              break;
            }
          if (tw_is (s, j, "had") || tw_is (s, j, "has") || tw_is (s, j, "have")
              || tw_is (s, j, "was") || tw_is (s, j, "is")
              || tw_is (s, j, "allegedly"))
            continue;
          if (s->w[j].lex & (TL_VERB | TL_PREP | TL_ACTOR))
            break;
        }
      if (m->flags & (TM_GOODSADJ | TM_OFFENDER))
        continue;
      /* subject-like: followed by a verb, or owner of an act */
      {
        guint j = next;

        if (poss)
          {
            /* "Japan's main offers", "Reagan's threat" */
            for (j = next; j < next + 3 && j < s->n; j++)
              {
                if (s->w[j].lex & (TL_ACTNOUN | TL_ACTOR))
                  {
                    m->flags |= TM_SUBJ;
                    break;
                  }
                if (s->w[j].flags & (TW_PUNCT | TW_PLACE))
                  break;
              }
            continue;
          }
        /* "EC foreign ministers": skip a couple of modifiers */
        while (j < s->n && j < next + 2 && (s->w[j].flags & TW_ALPHA)
               && !(s->w[j].lex & (TL_VERB | TL_ACTOR | TL_ACTNOUN))
               && !(s->w[j].flags & (TW_PLACE | TW_CAP)))
          j++;
        if (j >= s->n)
          continue;
        if (s->w[j].lex & TL_ACTOR)
          {
            /* "the Biden administration's lead" owns no act */
            while (j + 1 < s->n && (s->w[j].lex & TL_ACTOR)
                   && !(s->w[j].flags & TW_POSS)
                   && (s->w[j + 1].lex & TL_ACTOR))
              j++;
            if (s->w[j].flags & TW_POSS)
              {
                if (tw_has (s, j + 1, TL_ACTNOUN)
                    || tw_has (s, j + 2, TL_ACTNOUN))
                  m->flags |= TM_SUBJ;
                continue;
              }
            m->flags |= TM_SUBJ;
            j++;
          }
        else if (s->w[j].lex & TL_ACTNOUN)
          {
            m->flags |= TM_SUBJ | TM_ACTOWNER;
            continue;
          }
        else if (s->w[j].lex & TL_VERB)
          m->flags |= TM_SUBJ;
        else
          continue;
        /* "Argentina will also benefit": the subject is the target */
        for (guint v = j; v < j + 4 && v < s->n; v++)
          {
            if (s->w[v].lex & TL_TARGETSUBJ)
              {
                m->flags |= TM_TSUBJ;
                break;
              }
            if (!(s->w[v].lex & TL_VERB) && !tw_is (s, v, "also"))
              break;
          }
      }
    }
  /* "Canada and the United States agreed": neither alone is the subject */
  for (guint k = 0; k + 1 < s->n_mentions; k++)
    {
      TariffsMention *a = &s->m[k], *b = &s->m[k + 1];
      guint j = tm_next (a);

      if (!tw_is (s, j, "and"))
        continue;
      j++;
      if (tw_is (s, j, "the"))
        j++;
      if (j == b->first && (b->flags & TM_SUBJ))
        {
          a->flags |= TM_COORD;
          b->flags |= TM_COORD;
        }
    }
}

/* The mention whose words include @i, or NULL. */
static inline TariffsMention *
tariffs_mention_of (const TariffsSent *s, gssize i)
{
  if (i < 0 || (guint)i >= s->n || s->w[i].mention < 0)
    return NULL;
  return &s->m[s->w[i].mention];
}

/* ---------------------------------------------------------------- */
/* Triggers                                                          */
/* ---------------------------------------------------------------- */

typedef enum {
  TARIFFS_TRIG_NONE,
  TARIFFS_TRIG_STRONG,
  TARIFFS_TRIG_WEAK
} TariffsTrigKind;

/* The trigger family of word @i, or NONE. */
static TariffsTrigKind
tariffs_trigger_kind (const TariffsSent *s, guint i, TariffsFamily *family)
{
  const char *low = s->w[i].low;

  if (strcmp (low, "tariff") == 0 || strcmp (low, "tariffs") == 0)
    *family = TARIFFS_FAM_TARIFF;
  else if (strcmp (low, "duty") == 0 || strcmp (low, "duties") == 0)
    *family = TARIFFS_FAM_DUTY;
  else if (strcmp (low, "levy") == 0 || strcmp (low, "levies") == 0)
    *family = TARIFFS_FAM_LEVY;
  else if (strcmp (low, "surcharge") == 0 || strcmp (low, "surcharges") == 0
           || strcmp (low, "surtax") == 0 || strcmp (low, "surtaxes") == 0)
    *family = TARIFFS_FAM_CHARGE;
  else if (strcmp (low, "charge") == 0 || strcmp (low, "charges") == 0)
    {
      *family = TARIFFS_FAM_CHARGE;
      return TARIFFS_TRIG_WEAK;
    }
  else if (strcmp (low, "fee") == 0 || strcmp (low, "fees") == 0)
    {
      *family = TARIFFS_FAM_FEE;
      return TARIFFS_TRIG_WEAK;
    }
  else if (strcmp (low, "tax") == 0 || strcmp (low, "taxes") == 0)
    {
      *family = TARIFFS_FAM_TAX;
      return TARIFFS_TRIG_WEAK;
    }
  else
    return TARIFFS_TRIG_NONE;
  return TARIFFS_TRIG_STRONG;
}

/* The last event of the document of family @family (any when -1). */
static const TariffsEvent *
tariffs_prior_event (const TariffsDoc *doc, int family)
{
  guint k;

  if (family < 0)
    k = doc->events->len;
  else
    k = doc->last_of_family[family]; /* constant time on any input */
  return k > 0 ? &g_array_index (doc->events, TariffsEvent, k - 1) : NULL;
}

static gboolean tariffs_weak_cue (const char *low);

/* TRUE for cue words that sit inside a noun phrase as adjectives. */
static gboolean
tariffs_np_adjective (const char *low)
{
  static const char *const adjectives[]
      = { "higher",    "lower",        "reduced",    "increased", "favourable",
          "favorable", "preferential", "threatened", "proposed",  "planned",
          "steeper",   "lowest",       "current",    "existing",  "prevailing",
          "binding",   "bound",        "unchanged",  NULL };

  if (tariffs_weak_cue (low))
    return TRUE;
  for (guint k = 0; adjectives[k] != NULL; k++)
    if (strcmp (low, adjectives[k]) == 0)
      return TRUE;
  return FALSE;
}

/* Walks the modifiers left of trigger @i ("the U.S. 100 pct import"),
 * returning the index of the first word of the noun phrase. */
static guint
tariffs_np_start (const TariffsSent *s, guint i)
{
  guint j = i;

  while (j > s->w0 && i - j < 7)
    {
      const TariffsWord *w = &s->w[j - 1];

      if (w->flags & TW_PUNCT)
        {
          if (strcmp (w->low, "%") == 0 || strcmp (w->low, "-") == 0)
            {
              j--;
              continue;
            }
          /* "European Community (EC) levy": skip a short bracket */
          if (strcmp (w->low, ")") == 0 && j >= 3 + s->w0)
            {
              guint k = j - 1;

              while (k > s->w0 && k + 4 > j && !tw_is (s, k - 1, "("))
                k--;
              if (k > s->w0 && tw_is (s, k - 1, "("))
                {
                  j = k - 1;
                  continue;
                }
            }
          break;
        }
      if (((w->lex & TL_PREP) && !tw_is (s, j, "cent")) || (w->lex & TL_CLAUSE))
        break;
      if ((w->lex & TL_VERB) && !(w->flags & TW_PLACE)
          && !(w->lex & (TL_THREATEN | TL_TRADEMOD)))
        break;
      /* a verb ("impose", "lift") ends the phrase; adjectives ("new",
       * "higher", "threatened") belong to it */
      if ((w->lex
           & (TL_IMPOSE | TL_RAISE | TL_LOWER | TL_REMOVE | TL_EXIST
              | TL_THREATEN))
          && !(w->lex & TL_TRADEMOD) && !tariffs_np_adjective (w->low))
        break;
      /* "import and export duties", but not "quotas or tariffs" */
      if ((strcmp (w->low, "and") == 0 || strcmp (w->low, "or") == 0)
          && !tw_has (s, (gssize)j - 2, TL_TRADEMOD))
        break;
      j--;
      if (w->lex & TL_DEFDET || strcmp (w->low, "a") == 0
          || strcmp (w->low, "an") == 0 || (w->flags & TW_POSS))
        break;
    }
  return j;
}

/* TRUE when the document text holds one of @tails (NULL-ended), each
 * given in lower and upper case: strstr runs at memory speed (the text is
 * NUL-terminated and NUL-free), and a tail that drops the first letter
 * ("ales tax") matches "sales tax" and "Sales tax" alike. */
static gboolean
tariffs_has_any (const char *text, const char *const *tails)
{
  for (guint k = 0; tails[k] != NULL; k++)
    if (strstr (text, tails[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* Sets the document-wide flag of domestic-tax stories (R1). */
static void
tariffs_doc_scan (TariffsDoc *doc)
{
  static const char *const domestic[]
      = { "ils and fats",     "ILS AND FATS",    "o-responsibility",
          "O-RESPONSIBILITY", "oresponsibility", "ORESPONSIBILITY",
          "ales tax",         "ALES TAX",        "alue added tax",
          "ALUE ADDED TAX",   "alue-added tax",  "ALUE-ADDED TAX",
          "onsumption tax",   "ONSUMPTION TAX",  NULL };

  if (tariffs_has_any (doc->text, domestic))
    doc->domestic_doc = TRUE;
}

static const char *tariffs_target_after (const TariffsSent *s, guint i,
                                         const char *imposer);
static guint tariffs_clause_start (const TariffsSent *s, guint i);

/* Decides whether trigger @i of family @family is a tariff event at all. */
/* TRUE for "impose/slap/levy [a 25 per cent] tariff(s) on X" (tariffs and
 * duties only: a surtax on individuals is a domestic tax): the verb
 * right before the noun phrase starting at @np and "on" after the trigger
 * @i.  Without a country named, this still reports a measure ("We will
 * impose tariffs on steel"), where "tariffs on steel" alone may be a price
 * list. */
static gboolean
tariffs_impose_on (const TariffsSent *s, guint np, guint i)
{
  static const char *const verbs[]
      = { "impose", "imposed", "imposes",  "imposing",  "slap",
          "slaps",  "slapped", "slapping", "levy",      "levied",
          "levies", "levying", "reimpose", "reimposed", NULL };

  if (np == 0 || !tw_is (s, i + 1, "on") || i + 2 >= s->n
      || (s->w[i + 2].flags & TW_PUNCT))
    return FALSE;
  for (guint k = 0; verbs[k]; k++)
    if (tw_is (s, (gssize)np - 1, verbs[k]))
      return TRUE;
  return FALSE;
}

static gboolean
tariffs_accept_trigger (TariffsSent *s, guint i, TariffsTrigKind kind,
                        TariffsFamily family)
{
  TariffsDoc *doc = s->doc;
  gboolean trade_mod = FALSE, domestic_mod = FALSE;
  gboolean taxlike
      = family == TARIFFS_FAM_LEVY || family == TARIFFS_FAM_TAX
        || family == TARIFFS_FAM_FEE
        || (family == TARIFFS_FAM_CHARGE && kind == TARIFFS_TRIG_WEAK);
  guint np = tariffs_np_start (s, i);
  const char *next = i + 1 < s->n ? s->w[i + 1].low : "";

  /* R1: stories about domestic taxes, looked for once per document */
  if (taxlike && !doc->scanned)
    {
      doc->scanned = TRUE;
      tariffs_doc_scan (doc);
    }
  /* General Agreement on Tariffs and Trade */
  if ((tw_is (s, i + 1, "and") && tw_is (s, i + 2, "trade"))
      || (tw_is (s, (gssize)i - 1, "on")
          && tw_is (s, (gssize)i - 2, "agreement")))
    return FALSE;
  /* General Agreement on Trade and Tariffs */
  if (tw_is (s, (gssize)i - 1, "and") && tw_is (s, (gssize)i - 2, "trade")
      && tw_is (s, (gssize)i - 3, "on"))
    return FALSE;
  /* "income from customs duties": revenue, not a measure */
  for (guint j = np > 3 ? np - 3 : 0; j < np; j++)
    if ((g_str_has_prefix (s->w[j].low, "revenue")
         || strcmp (s->w[j].low, "income") == 0
         || strcmp (s->w[j].low, "receipts") == 0
         || strcmp (s->w[j].low, "proceeds") == 0)
        && (tw_is (s, j + 1, "from") || tw_is (s, j + 1, "of")))
      return FALSE;
  /* tariff-free, duty free */
  if (g_str_has_prefix (next, "free") || tw_has (s, i + 1, TL_NOUNAFTER))
    return FALSE;
  /* a name: "Levy's fourth novel", "Harel Levy"; a capital after a
   * place is the wire's habit ("the U.S. Tariffs") */
  if (!s->all_caps && i > s->w0 && (s->w[i].flags & TW_CAP)
      && !(s->w[i].flags & TW_ALLCAPS) && !(s->w[i - 1].flags & TW_PLACE)
      && !(s->w[i - 1].flags & TW_PUNCT))
    return FALSE;
  /* a name's possessive: "Small Island, Levy's fourth novel" */
  if (!s->all_caps && (s->w[i].flags & TW_CAP) && !(s->w[i].flags & TW_ALLCAPS)
      && (s->w[i].flags & TW_POSS))
    return FALSE;
  /* a capitalised name: Motor Tariff Bureau, Tariff Act */
  if (!s->all_caps && i > s->w0 && (s->w[i].flags & TW_CAP) && i + 1 < s->n
      && (s->w[i + 1].flags & TW_CAP) && !(s->w[i + 1].flags & TW_PLACE))
    return FALSE;
  /* R8: a stance, not a measure */
  for (guint j = MIN (i, np) > 4 ? MIN (i, np) - 4 : 0; j < i; j++)
    if (g_str_has_prefix (s->w[j].low, "oppos"))
      return FALSE;
  if (tw_is (s, (gssize)np - 1, "of") && tw_is (s, (gssize)np - 2, "use"))
    return FALSE;
  /* R8: "GATT aims to lower tariffs" names no country's measure */
  {
    guint clause = tariffs_clause_start (s, i);
    gboolean body = FALSE, place = FALSE;

    for (guint j = clause; j < i; j++)
      {
        if (tw_is (s, j, "gatt") || tw_is (s, j, "wto"))
          body = TRUE;
        else if (body && (s->w[j].flags & TW_PLACE))
          place = TRUE;
      }
    if (body && !place)
      return FALSE;
  }
  /* "the government's levy of a social tax": the act of levying */
  if (family == TARIFFS_FAM_LEVY && tw_is (s, i + 1, "of")
      && tw_has (s, i + 2, TL_DET | TL_DEFDET))
    return FALSE;
  /* verbs: "to levy a tax", "now levy", "levies a duty" */
  if (family == TARIFFS_FAM_LEVY || kind == TARIFFS_TRIG_WEAK)
    {
      if (tw_has (s, i + 1, TL_DET | TL_DEFDET) && !tw_is (s, i + 1, "imported")
          && !tw_is (s, i + 1, "worth") && !tw_is (s, i + 1, "up")
          && !tw_is (s, i + 1, "about"))
        return FALSE;
      if (tariffs_mention_of (s, (gssize)i - 1) != NULL
          || tw_is (s, (gssize)i - 1, "he") || tw_is (s, (gssize)i - 1, "she")
          || tw_is (s, (gssize)i - 1, "it") || tw_is (s, (gssize)i - 1, "they")
          || tw_is (s, (gssize)i - 1, "we") || tw_is (s, (gssize)i - 1, "which")
          || tw_is (s, (gssize)i - 1, "that")
          || tw_is (s, (gssize)i - 1, "who"))
        return FALSE;
      if (tw_is (s, (gssize)i - 1, "to") || tw_is (s, (gssize)i - 1, "will")
          || tw_is (s, (gssize)i - 1, "would")
          || tw_is (s, (gssize)i - 1, "now") || tw_is (s, (gssize)i - 1, "not")
          || tw_is (s, (gssize)i - 1, "can")
          || tw_is (s, (gssize)i - 1, "could")
          || tw_is (s, (gssize)i - 1, "also"))
        return FALSE;
    }
  /* modifiers inside the noun phrase */
  for (guint j = i; j > np; j--)
    {
      const TariffsWord *w = &s->w[j - 1];

      if (w->lex & TL_TRADEMOD)
        trade_mod = TRUE;
      else if (w->lex & TL_DOMESTIC)
        domestic_mod = TRUE;
    }
  if (domestic_mod && !trade_mod)
    {
      if (taxlike)
        doc->domestic_doc = TRUE;
      return FALSE;
    }
  /* a levy on consumers or production is domestic */
  if (tw_is (s, i + 1, "on"))
    {
      guint j = i + 2;

      while (j < s->n && (s->w[j].lex & (TL_DET | TL_DEFDET)))
        j++;
      if (j < s->n
          && (g_str_has_prefix (s->w[j].low, "consum")
              || (g_str_has_prefix (s->w[j].low, "producti")
                  || g_str_has_prefix (s->w[j].low, "producer"))
              || g_str_has_prefix (s->w[j].low, "income")
              || g_str_has_prefix (s->w[j].low, "profit")
              || g_str_has_prefix (s->w[j].low, "deposit")
              || g_str_has_prefix (s->w[j].low, "saving")
              || g_str_has_prefix (s->w[j].low, "earning")
              || g_str_has_prefix (s->w[j].low, "output")
              || g_str_has_prefix (s->w[j].low, "milk")
              || g_str_has_prefix (s->w[j].low, "difference")))
        {
          if (taxlike)
            doc->domestic_doc = TRUE;
          return FALSE;
        }
    }
  /* "the loss in revenue will be made up by higher duties on vehicles":
   * a budget measure */
  if ((taxlike || family == TARIFFS_FAM_DUTY) && !s->trade_strong && !trade_mod
      && s->revenue)
    return FALSE;
  if (taxlike && s->domestic_mark && !s->trade_strong)
    {
      doc->domestic_doc = TRUE;
      return FALSE;
    }
  if (taxlike && doc->domestic_doc && !s->trade_strong)
    return FALSE;
  /* price schedules and sentencing: "tariff" and "surcharge" only */
  if (family == TARIFFS_FAM_TARIFF
      || (family == TARIFFS_FAM_CHARGE && kind == TARIFFS_TRIG_STRONG))
    {
      if (s->judicial && !s->trade_strong)
        return FALSE;
      gboolean trade_np = tariffs_target_after (s, i, NULL) != NULL;

      if (s->schedule && !s->trade_strong && !trade_mod && !s->goods_ctx
          && !trade_np)
        {
          doc->price_doc = TRUE;
          return FALSE;
        }
      if (doc->price_doc && !s->trade_strong && !trade_mod && !s->goods_ctx
          && !trade_np)
        return FALSE;
    }
  if (family == TARIFFS_FAM_DUTY)
    {
      gboolean evidence = trade_mod;
      double v;

      if (tw_is (s, (gssize)i - 1, "on") || tw_is (s, (gssize)i - 1, "off")
          || tw_is (s, i + 1, "to") || tw_is (s, (gssize)i - 1, "heavy")
          || tw_is (s, (gssize)i - 1, "his") || tw_is (s, (gssize)i - 1, "her")
          || tw_is (s, (gssize)i - 1, "our") || tw_is (s, (gssize)i - 1, "my"))
        return FALSE;
      if (tw_is (s, i + 1, "on") || tw_is (s, i + 1, "against")
          || tw_has (s, i + 1, TL_NOUNCUE) || tw_is (s, i + 1, "rate")
          || tw_is (s, i + 1, "rates") || tw_is (s, i + 1, "drawback")
          || (tw_is (s, i + 1, "of") && tariffs_number_at (s, i + 2, &v)))
        evidence = TRUE;
      if (tariffs_pct_at (s, i - 1) > 0 || tw_is (s, (gssize)i - 1, "cent"))
        evidence = TRUE;
      for (guint j = np; j < i; j++)
        if (tariffs_pct_at (s, j) > 0)
          evidence = TRUE;
      for (guint j = np > 2 ? np - 2 : 0; j < np; j++)
        if (s->w[j].lex
            & (TL_IMPOSE | TL_RAISE | TL_LOWER | TL_REMOVE | TL_EXIST))
          evidence = TRUE;
      if (!evidence && tariffs_prior_event (doc, TARIFFS_FAM_DUTY) != NULL)
        evidence = TRUE;
      if (!evidence)
        return FALSE;
    }
  if (kind == TARIFFS_TRIG_WEAK)
    {
      gboolean ok = trade_mod;

      if (doc->events->len > s->first_event)
        return FALSE; /* the same measure named again */
      if (tw_is (s, i + 1, "on"))
        for (guint j = i + 2; j < i + 7 && j < s->n; j++)
          if (g_str_has_prefix (s->w[j].low, "import")
              || g_str_has_prefix (s->w[j].low, "export"))
            ok = TRUE;
      if (doc->domestic_doc && !trade_mod)
        return FALSE;
      if (!ok && np < i && (s->w[np].lex & TL_DEFDET)
          && tariffs_prior_event (doc, family) != NULL)
        ok = TRUE;
      if (!ok)
        return FALSE;
    }
  else
    {
      /* a trade context: a place, a trade word, an earlier event, or
       * "impose tariffs on steel" (a levying verb and goods) */
      if (!s->trade_any && doc->events->len == 0
          && !((family == TARIFFS_FAM_TARIFF || family == TARIFFS_FAM_DUTY)
               && tariffs_impose_on (s, np, i)))
        return FALSE;
      /* "the tariffs" or bare "tariffs" again in the same sentence, with
       * nothing of their own: the same measure */
      if (doc->events->len > s->first_event
          && (np == i || (s->w[np].lex & TL_DEFDET)) && !tw_is (s, i + 1, "on")
          && !tw_is (s, i + 1, "for") && !tw_is (s, i + 1, "of"))
        {
          const TariffsEvent *same = tariffs_prior_event (doc, -1);

          if (same->family == family)
            return FALSE;
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------- */
/* Fields                                                            */
/* ---------------------------------------------------------------- */

/* The first word of the clause holding word @i: after the nearest
 * reporting verb, "that", "whether", ";" ... on its left. */
static guint
tariffs_clause_start (const TariffsSent *s, guint i)
{
  guint lo = i > TARIFFS_CLAUSE_WINDOW ? i - TARIFFS_CLAUSE_WINDOW : 0;

  lo = MAX (lo, s->w0);
  for (guint j = i; j > lo; j--)
    {
      const TariffsWord *w = &s->w[j - 1];

      if (!(w->lex & TL_CLAUSE))
        continue;
      /* "that tariff": a determiner, not a clause */
      if (strcmp (w->low, "that") == 0 && j >= i)
        continue;
      return j;
    }
  return lo;
}

/* The action a cue word names; remove and lower win over weaker readings. */
static TariffsAction
tariffs_action_of_bits (guint64 bits)
{
  if (bits & TL_REMOVE)
    return TARIFFS_ACTION_REMOVE;
  if (bits & TL_LOWER)
    return TARIFFS_ACTION_LOWER;
  if (bits & TL_RAISE)
    return TARIFFS_ACTION_RAISE;
  if (bits & TL_THREATEN)
    return TARIFFS_ACTION_THREATEN;
  if (bits & TL_EXIST)
    return TARIFFS_ACTION_EXIST;
  return TARIFFS_ACTION_IMPOSE;
}

/* TRUE for cue words that only colour a measure ("new", "existing"),
 * which a verb further left overrides. */
static gboolean
tariffs_weak_cue (const char *low)
{
  static const char *const weak[]
      = { "new",          "additional",  "extra",
          "retaliatory",  "punitive",    "countervailing",
          "anti-dumping", "antidumping", "announcement",
          "agreed",       "current",     "currently",
          "existing",     "still",       "present",
          "presently",    "prevailing",  "levels",
          "put",          "puts",        "putting",
          "place",        "placed",      "placing",
          "hit",          "hits",        NULL };

  for (guint k = 0; weak[k] != NULL; k++)
    if (strcmp (low, weak[k]) == 0)
      return TRUE;
  return FALSE;
}

/* The action of trigger @i (np = first word of its noun phrase). */
static TariffsAction
tariffs_find_action (const TariffsSent *s, guint i, guint np,
                     gboolean possessed, const TariffsEvent *same_sentence)
{
  const guint64 cues
      = TL_IMPOSE | TL_RAISE | TL_LOWER | TL_REMOVE | TL_THREATEN | TL_EXIST;
  gssize strong = -1, weak = -1;
  gboolean threat = FALSE;
  guint lo = i > TARIFFS_CUE_WINDOW ? i - TARIFFS_CUE_WINDOW : 0;
  TariffsAction action;

  lo = MAX (lo, s->w0);
  /* a noun right after: "tariff cuts", "duty exemption" */
  if (tw_has (s, i + 1, TL_NOUNCUE))
    return tariffs_action_of_bits (s->w[i + 1].lex);
  for (guint j = i; j > lo; j--)
    {
      const TariffsWord *w = &s->w[j - 1];

      if (w->flags & TW_TRIGGER)
        break;
      if (tw_is (s, j - 1, ";"))
        break;
      if (w->lex & TL_THREATEN)
        threat = TRUE;
      /* R4: "hold up", "hold off", "phase out" */
      if (((strcmp (w->low, "hold") == 0
            && (tw_is (s, j, "up") || tw_is (s, j, "off")))
           || (strcmp (w->low, "phase") == 0 && tw_is (s, j, "out")))
          && strong < 0)
        strong = j - 1;
      if (!(w->lex & cues) || (w->flags & TW_PLACE))
        continue;
      /* go ahead with, proceed with */
      if ((strcmp (w->low, "go") == 0 || strcmp (w->low, "went") == 0
           || strcmp (w->low, "going") == 0)
          && !tw_is (s, j, "ahead"))
        continue;
      if (tariffs_weak_cue (w->low))
        {
          if (weak < 0)
            weak = j - 1;
          continue;
        }
      if (strong < 0)
        strong = j - 1;
    }
  /* further left for threats: "threatening to impose heavy duties" */
  for (guint j = lo; j > (lo > 6 ? lo - 6 : 0) && j > s->w0; j--)
    if (tw_has (s, j - 1, TL_THREATEN))
      threat = TRUE;
  if (strong < 0)
    {
      /* a participle after: "tariffs imposed on", "the fee, which
       * imposes" */
      for (guint j = i + 1; j < i + 6 && j < s->n; j++)
        {
          const TariffsWord *w = &s->w[j];

          if ((w->lex & cues) && !tariffs_weak_cue (w->low)
              && !(w->lex & TL_EXIST) && !(w->flags & TW_PLACE))
            {
              /* a passive participle ("tariffs imposed on", "will be
               * lifted") or a relative clause ("which imposes"); not
               * "the tariffs would reduce imports" */
              gboolean participle
                  = (g_str_has_suffix (w->low, "ed")
                     || strcmp (w->low, "cut") == 0)
                    && (j == i + 1 || tw_is (s, j - 1, ",")
                        || tw_is (s, j - 1, "be") || tw_is (s, j - 1, "been")
                        || tw_is (s, j - 1, "being") || tw_is (s, j - 1, "was")
                        || tw_is (s, j - 1, "were") || tw_is (s, j - 1, "is")
                        || tw_is (s, j - 1, "are"));
              gboolean relative = tw_is (s, (gssize)j - 1, "which")
                                  || tw_is (s, (gssize)j - 1, "that");

              if (participle || relative)
                strong = j;
              break;
            }
          if (!(tw_is (s, j, ",") || tw_is (s, j, "which")
                || tw_is (s, j, "that") || tw_is (s, j, "was")
                || tw_is (s, j, "were") || tw_is (s, j, "is")
                || tw_is (s, j, "are") || tw_is (s, j, "be")
                || tw_is (s, j, "been") || tw_is (s, j, "will")
                || tw_is (s, j, "would") || tw_is (s, j, "to")
                || tw_is (s, j, "being") || tw_is (s, j, "have")
                || tw_is (s, j, "has") || tw_is (s, j, "had")
                || tw_is (s, j, "should") || tw_is (s, j, "could")
                || tw_is (s, j, "must") || tw_is (s, j, "may")
                || tw_is (s, j, "might") || tw_is (s, j, "already")
                || tw_is (s, j, "now")))
            break;
        }
    }
  if (strong < 0)
    {
      /* the measure as subject: "export duty on palm oil rose to ...",
       * "the duty was left unchanged" */
      static const char *const change[]
          = { "rose",  "risen",    "fell",    "fallen", "declined", "unchanged",
              "stood", "remained", "remains", "stands", "remain",   NULL };

      for (guint j = i + 1; j < i + 26 && j < s->n && strong < 0; j++)
        {
          if ((s->w[j].flags & TW_CAND) || tw_is (s, j, ";")
              || tw_has (s, j, TL_CLAUSE))
            break;
          for (guint c = 0; change[c] != NULL; c++)
            if (strcmp (s->w[j].low, change[c]) == 0)
              strong = j;
          /* "the duty on corn imports should be cut to 30 cts" */
          if ((s->w[j].lex & cues) && !(s->w[j].lex & TL_EXIST)
              && !tariffs_weak_cue (s->w[j].low)
              && (tw_is (s, j - 1, "be") || tw_is (s, j - 1, "been")
                  || tw_is (s, j - 1, "was") || tw_is (s, j - 1, "were")))
            strong = j;
        }
    }
  if (strong >= 0 && strong < (gssize)i
      && tariffs_action_of_bits (s->w[strong].lex) == TARIFFS_ACTION_IMPOSE)
    {
      /* R4: "waived its right to impose", "hold up imposing" */
      for (gssize j = strong - 1; j >= (gssize)strong - 5 && j >= (gssize)lo;
           j--)
        if (tw_has (s, j, TL_REMOVE)
            || (tw_is (s, j, "hold")
                && (tw_is (s, j + 1, "up") || tw_is (s, j + 1, "off"))))
          {
            strong = j;
            break;
          }
    }
  if (strong >= 0)
    {
      action = tw_is (s, strong, "hold") || tw_is (s, strong, "phase")
                   ? TARIFFS_ACTION_REMOVE
                   : tariffs_action_of_bits (s->w[strong].lex);
      /* R4: "decided not to impose", "not to go ahead with" */
      if (action == TARIFFS_ACTION_IMPOSE || action == TARIFFS_ACTION_RAISE)
        for (gssize j = strong - 1; j >= (gssize)strong - 3 && j >= 0; j--)
          if (tw_has (s, j, TL_NEG))
            action = TARIFFS_ACTION_REMOVE;
    }
  else if (same_sentence != NULL)
    action = same_sentence->action;
  else if (possessed)
    action = TARIFFS_ACTION_EXIST;
  else if (weak >= 0)
    action = tariffs_action_of_bits (s->w[weak].lex);
  else
    action = TARIFFS_ACTION_IMPOSE;
  if (threat
      && (action == TARIFFS_ACTION_IMPOSE || action == TARIFFS_ACTION_RAISE))
    action = TARIFFS_ACTION_THREATEN;
  /* R4: "will not be subject to import surcharges" */
  if (tw_is (s, (gssize)i - 1, "to") || tw_is (s, (gssize)np - 1, "to"))
    {
      gssize t
          = tw_is (s, (gssize)i - 1, "to") ? (gssize)i - 1 : (gssize)np - 1;

      if (tw_is (s, t - 1, "subject")
          && (tw_has (s, t - 2, TL_NEG) || tw_has (s, t - 3, TL_NEG)))
        action = TARIFFS_ACTION_REMOVE;
    }
  /* "agreed to impose tariffs ... unless Tokyo opened its markets" */
  if (action == TARIFFS_ACTION_IMPOSE)
    for (guint j = i + 1; j < s->n && j < i + 30; j++)
      if (tw_is (s, j, "unless"))
        action = TARIFFS_ACTION_THREATEN;
  (void)np;
  return action;
}

/* The status of an event with @action at trigger @i. */
static TariffsStatus
tariffs_find_status (const TariffsSent *s, guint i, TariffsAction action,
                     gboolean *defaulted)
{
  gboolean proposed = FALSE, announced = FALSE, weak = FALSE;

  guint lo = i > 24 ? i - 24 : 0;

  if (action == TARIFFS_ACTION_EXIST || action == TARIFFS_ACTION_THREATEN)
    return TARIFFS_STATUS_ACTUAL;
  for (guint j = MAX (lo, s->w0); j < s->n && j < i + 12; j++)
    {
      const TariffsWord *w = &s->w[j];

      if (w->flags & TW_PLACE)
        continue;
      if (w->lex & TL_PROPOSED)
        {
          if ((strcmp (w->low, "call") == 0 || strcmp (w->low, "calls") == 0
               || strcmp (w->low, "called") == 0
               || strcmp (w->low, "support") == 0)
              && !tw_is (s, j + 1, "for"))
            ;
          else if (strcmp (w->low, "may") == 0 && (w->flags & TW_CAP))
            ;
          else
            proposed = TRUE;
        }
      if ((tw_is (s, j, "have") || tw_is (s, j, "has") || tw_is (s, j, "need")
           || tw_is (s, j, "needs"))
          && tw_is (s, j + 1, "to"))
        proposed = TRUE;
      if (tw_is (s, j, "in") && tw_is (s, j + 1, "order")
          && tw_is (s, j + 2, "to"))
        proposed = TRUE;
      if (tw_is (s, j, "would") && tw_is (s, j + 1, "have"))
        proposed = TRUE;
      /* "are due to take effect", "set to go into effect" */
      if ((tw_is (s, j, "due") || tw_is (s, j, "set")) && tw_is (s, j + 1, "to")
          && (tw_is (s, j + 2, "take") || tw_is (s, j + 2, "go")
              || tw_is (s, j + 2, "be") || tw_is (s, j + 2, "come")))
        announced = TRUE;
      if (w->lex & TL_ANNOUNCED)
        announced = TRUE;
      if (strcmp (w->low, "would") == 0 && !tw_is (s, j + 1, "have"))
        {
          if (j < i)
            announced = TRUE;
          else
            weak = TRUE;
        }
      else if ((w->lex & TL_WEAKPROP)
               && !(strcmp (w->low, "may") == 0 && (w->flags & TW_CAP)))
        weak = TRUE;
    }
  if (proposed)
    return TARIFFS_STATUS_PROPOSED;
  if (announced)
    return TARIFFS_STATUS_ANNOUNCED;
  if (weak)
    {
      /* "could avoid the April 17 imposition": a set date */
      for (guint j = MAX (lo, s->w0); j + 1 < s->n && j < i + 6; j++)
        if (tw_has (s, j, TL_TIME) && (s->w[j].flags & TW_CAP)
            && (s->w[j + 1].flags & TW_NUM) && !s->all_caps)
          return TARIFFS_STATUS_ANNOUNCED;
      return TARIFFS_STATUS_PROPOSED;
    }
  *defaulted = TRUE;
  return TARIFFS_STATUS_ACTUAL;
}

/* TRUE when the words around trigger @i frame the measure as a
 * response. */
static gboolean
tariffs_find_retaliation (const TariffsSent *s, guint i, const char *imposer)
{
  guint lo = i > 16 ? i - 16 : 0;

  for (guint j = MAX (lo, s->w0); j < s->n && j < i + 16; j++)
    {
      const TariffsWord *w = &s->w[j];

      if (w->lex & TL_RETAL)
        {
          /* "retaliate against tariffs": the tariffs are the cause */
          if (j < i && j + 4 > i
              && (tw_is (s, j + 1, "against") || tw_is (s, j + 1, "for")))
            continue;
          /* "Japanese retaliation" is another side's measure */
          const TariffsMention *m = tariffs_mention_of (s, (gssize)j - 1);

          if (m != NULL && imposer != NULL && m->canonical != imposer
              && strcmp (m->canonical, imposer) != 0)
            continue;
          if (tw_is (s, (gssize)j - 1, "out")
              && tw_is (s, (gssize)j - 2, "rule"))
            continue;
          /* a general stance: "mandatory retaliation", "any retaliation" */
          if (tw_is (s, (gssize)j - 1, "mandatory")
              || tw_is (s, (gssize)j - 1, "possible")
              || tw_is (s, (gssize)j - 1, "any")
              || tw_is (s, (gssize)j - 1, "protectionist"))
            continue;
          return TRUE;
        }
      if (tw_is (s, j, "in") && tw_is (s, j + 1, "response"))
        return TRUE;
      if (g_str_has_prefix (w->low, "respond") && tw_is (s, j + 1, "with"))
        return TRUE;
    }
  return FALSE;
}

/* The nearest subject-like mention in [lo, i), not left of an urging
 * verb, not the target of anything; NULL when none.  With @imposer, the
 * subject of "avoid", "avert" ... is no candidate either (it is the
 * side the measure hits). */
static const TariffsMention *
tariffs_subject_in (const TariffsSent *s, guint lo, guint i, gboolean imposer)
{
  for (guint j = i; j > lo; j--)
    {
      const TariffsMention *m;

      if (tw_has (s, j - 1, TL_URGE))
        return NULL;
      /* "Japan could avoid the tariffs": the subject is the target */
      if (imposer
          && (tw_prefix (s, j - 1, "avoid") || tw_prefix (s, j - 1, "avert")
              || tw_prefix (s, j - 1, "prevent")
              || tw_prefix (s, j - 1, "forestall")
              || tw_prefix (s, j - 1, "stave")
              || tw_prefix (s, j - 1, "escape")))
        return NULL;
      m = tariffs_mention_of (s, j - 1);
      if (m == NULL || m->first < lo)
        continue;
      j = m->first + 1;
      if ((m->flags & (TM_SUBJ))
          && !(m->flags & (TM_TSUBJ | TM_ABSORBED | TM_COORD | TM_GOODSADJ))
          && (!(m->flags & TM_PP) || (m->flags & TM_ACTOWNER)))
        return m;
    }
  return NULL;
}

/* Counts every gazetteer mention of the document, once. */
static void
tariffs_doc_counts (TariffsDoc *doc)
{
  GArray *saved = doc->words, *saved_mentions = doc->mentions;
  GArray *words;
  TariffsSent s = { 0 };
  gsize pos = 0;

  if (doc->doc_counts != NULL)
    return;
  doc->doc_counts = g_hash_table_new (g_str_hash, g_str_equal);
  words = g_array_new (FALSE, FALSE, sizeof (TariffsWord));
  doc->words = words;
  doc->mentions = g_array_new (FALSE, FALSE, sizeof (TariffsMention));
  /* in chunks of lines, so a huge document needs no huge array */
  while (pos < doc->length)
    {
      const char *nl = memchr (doc->text + pos, '\n', doc->length - pos);
      gsize end = nl != NULL ? (gsize)(nl - doc->text) + 1 : doc->length;

      tariffs_words_build (words, doc->text, pos, end);
      s.doc = doc;
      s.w = (TariffsWord *)(void *)words->data;
      s.n = words->len;
      s.w0 = 0;
      tariffs_find_mentions (&s);
      for (guint k = 0; k < s.n_mentions; k++)
        {
          const char *c = s.m[k].canonical;
          guint count
              = GPOINTER_TO_UINT (g_hash_table_lookup (doc->doc_counts, c));

          g_hash_table_insert (doc->doc_counts, (gpointer)c,
                               GUINT_TO_POINTER (count + 1));
        }
      pos = end;
    }
  g_array_unref (words);
  g_array_unref (doc->mentions);
  doc->words = saved;
  doc->mentions = saved_mentions;
}

static guint tariffs_dateline_end (const TariffsSent *s);

/* The place of the story's dateline ("TAIPEI, April 13 - ..." gives
 * Taiwan), looked for in its first lines once; NULL when none. */
static const char *
tariffs_doc_dateline (TariffsDoc *doc)
{
  GArray *saved = doc->words, *saved_mentions = doc->mentions;
  gsize pos = 0;

  if (doc->dateline_done)
    return doc->dateline;
  doc->dateline_done = TRUE;
  doc->words = g_array_new (FALSE, FALSE, sizeof (TariffsWord));
  doc->mentions = g_array_new (FALSE, FALSE, sizeof (TariffsMention));
  for (guint line = 0; line < 4 && pos < doc->length; line++)
    {
      const char *nl = memchr (doc->text + pos, '\n', doc->length - pos);
      gsize end = nl != NULL ? (gsize)(nl - doc->text) : doc->length;
      TariffsSent s = { 0 };

      /* the dateline sits in the first words of its paragraph */
      tariffs_words_build (doc->words, doc->text, pos, MIN (end, pos + 80));
      s.doc = doc;
      s.w = (TariffsWord *)(void *)doc->words->data;
      s.n = doc->words->len;
      if (s.n > 0 && tariffs_dateline_end (&s) > 0)
        {
          char key[TARIFFS_GAZ_MAX_WORDS * TARIFFS_WORD_LOW + 8] = "";
          gsize k = 0;

          for (guint j = 0;
               j < s.n && j < TARIFFS_GAZ_MAX_WORDS && !tw_is (&s, j, ","); j++)
            {
              gsize l = strlen (s.w[j].low);

              if (j > 0)
                key[k++] = ' ';
              memcpy (key + k, s.w[j].low, l);
              k += l;
            }
          key[k] = '\0';
          doc->dateline = tariffs_gazetteer_lookup (doc->gaz, key);
          if (doc->dateline != NULL && *doc->dateline == '\0')
            doc->dateline = NULL;
          break;
        }
      pos = end + 1;
    }
  g_array_unref (doc->words);
  g_array_unref (doc->mentions);
  doc->words = saved;
  doc->mentions = saved_mentions;
  return doc->dateline;
}

/* The document's most mentioned place other than @except (NULL if
 * none). */
static const char *
tariffs_doc_top (TariffsDoc *doc, const char *except)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 0;

  tariffs_doc_counts (doc);
  g_hash_table_iter_init (&iter, doc->doc_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);

      if (except != NULL && strcmp (key, except) == 0)
        continue;
      if (count > best_count
          || (count == best_count && best != NULL && strcmp (key, best) < 0))
        {
          best = key;
          best_count = count;
        }
    }
  return best;
}

/* TRUE when two canonical names are set and equal. */
static inline gboolean
tariffs_same (const char *a, const char *b)
{
  return a != NULL && b != NULL && strcmp (a, b) == 0;
}

static gboolean tariffs_goods_end (const TariffsSent *s, guint j);

/* TRUE when a group of unnamed countries ("developing countries", "rich
 * nations", "governments") comes before the trigger @i in its sentence. */
static gboolean
tariffs_group_party_before (const TariffsSent *s, guint i)
{
  for (guint j = s->lo; j < i; j++)
    if (tw_is (s, j, "countries") || tw_is (s, j, "nations")
        || tw_is (s, j, "governments") || tw_is (s, j, "economies"))
      return TRUE;
  return FALSE;
}

/* The target: a place in the phrase after on/against/from/for. */
static const char *
tariffs_target_after (const TariffsSent *s, guint i, const char *imposer)
{
  gboolean in_np = FALSE, for_np = FALSE;

  for (guint j = i + 1; j < s->n && j < i + TARIFFS_TARGET_WINDOW; j++)
    {
      const TariffsWord *w = &s->w[j];
      const TariffsMention *m = tariffs_mention_of (s, j);

      if (m != NULL)
        {
          /* "for" names a target as the owner of goods or of a fault,
           * or alone: "for Chinese goods", "for Tokyo's failure", "CUTS
           * FOR U.S." (not "for U.S. fiscal year 1987") */
          gboolean weak_for
              = for_np && !(m->flags & (TM_GOODSADJ | TM_OFFENDER))
                && !(s->w[m->last].flags & TW_POSS) && m->last + 1 < s->n
                && (s->w[m->last + 1].flags & TW_ALPHA);

          if (in_np && !weak_for && !tariffs_same (m->canonical, imposer))
            return m->canonical;
          j = m->last;
          continue;
        }
      /* "tariffs and taxes on": one phrase */
      if ((w->flags & TW_CAND)
          && !(j == i + 2
               && (tw_is (s, i + 1, "and") || tw_is (s, i + 1, "or"))))
        break;
      /* the measure's own phrase starts close to the trigger */
      if ((tw_is (s, j, "on") || tw_is (s, j, "against") || tw_is (s, j, "from")
           || tw_is (s, j, "for"))
          && (in_np || j <= i + 8))
        {
          in_np = TRUE;
          for_np = tw_is (s, j, "for");
          continue;
        }
      if (tw_is (s, j, "in")
          && (tw_is (s, (gssize)j - 1, "dlrs")
              || tw_is (s, (gssize)j - 1, "dollars")
              || tw_is (s, (gssize)j - 1, "mln")
              || tw_is (s, (gssize)j - 1, "billion")
              || tw_is (s, (gssize)j - 1, "worth")))
        continue;
      if (tw_is (s, j, ".") || tw_is (s, j, ";") || tw_is (s, j, "unless")
          || tw_is (s, j, "if") || tw_is (s, j, "because")
          || tw_is (s, j, "which") || tw_is (s, j, "that")
          || tw_is (s, j, "said") || tw_is (s, j, "while"))
        break;
      /* "on its semiconductor products": its owner, the clause subject */
      if (in_np && (tw_is (s, j, "its") || tw_is (s, j, "their")))
        {
          const TariffsMention *subj = tariffs_subject_in (s, s->lo, i, FALSE);

          if (subj != NULL && !tariffs_same (subj->canonical, imposer))
            return subj->canonical;
          continue;
        }
      if (w->lex & TL_DET)
        continue;
      /* "to offer better terms for Spain": another infinitive clause */
      if (tw_is (s, j, "to") && !tw_has (s, j + 1, TL_DET | TL_DEFDET)
          && tariffs_mention_of (s, j + 1) == NULL && j + 1 < s->n
          && !(s->w[j + 1].flags & (TW_NUM | TW_PUNCT))
          && !tw_has (s, j + 1, TL_IMPOSE | TL_RAISE | TL_LOWER | TL_REMOVE))
        break;
      if ((w->lex & TL_PREP) && !tw_is (s, j, "of"))
        in_np = FALSE;
      else if ((w->lex & TL_VERB) && !(w->lex & TL_GOODS)
               && !tw_is (s, j, "to"))
        in_np = FALSE;
      else if (in_np && !tw_is (s, j, ",") && !tw_is (s, j, "of")
               && !tw_is (s, j, "$") && !(w->flags & TW_NUM)
               && tariffs_goods_end (s, j))
        in_np = FALSE;
    }
  return NULL;
}

/* Other target evidence anywhere in the sentence: an offender ("Japan's
 * failure"), a place modifying goods or producers, the subject of
 * "benefit", the other side of "between X and Y". */
static const char *
tariffs_target_other (const TariffsSent *s, const char *imposer)
{
  for (guint k = s->mk0; k < s->mk1; k++)
    if ((s->m[k].flags & TM_OFFENDER)
        && !tariffs_same (s->m[k].canonical, imposer))
      return s->m[k].canonical;
  for (guint k = s->mk0; k < s->mk1; k++)
    {
      const TariffsMention *m = &s->m[k];

      if (!(m->flags & TM_GOODSADJ) || tariffs_same (m->canonical, imposer))
        continue;
      /* "exports to the Gulf", "in Japan": a destination or place */
      if (tw_is (s, (gssize)m->first - 1, "to")
          || tw_is (s, (gssize)m->first - 1, "in")
          || (tw_is (s, (gssize)m->first - 1, "the")
              && (tw_is (s, (gssize)m->first - 2, "to")
                  || tw_is (s, (gssize)m->first - 2, "in"))))
        continue;
      return m->canonical;
    }
  for (guint k = s->mk0; k < s->mk1; k++)
    if ((s->m[k].flags & TM_TSUBJ)
        && !tariffs_same (s->m[k].canonical, imposer))
      return s->m[k].canonical;
  if (imposer != NULL)
    for (guint k = s->mk0; k + 1 < s->mk1; k++)
      {
        const TariffsMention *a = &s->m[k], *b = &s->m[k + 1];
        gssize before = (gssize)a->first - 1;

        if (tw_is (s, before, "the"))
          before--;
        if (!tw_is (s, before, "between"))
          continue;
        if (tariffs_same (a->canonical, imposer))
          return b->canonical;
        if (tariffs_same (b->canonical, imposer))
          return a->canonical;
      }
  return NULL;
}

/* Money at word @j ("300 mln dlrs", "$2bn", "2 billion dollars"):
 * returns the index after it, or 0. */
static guint
tariffs_money_at (const TariffsSent *s, guint j)
{
  static const char *const scales[]
      = { "mln", "million", "billion", "bln", "bn", "trillion", "m", NULL };
  gboolean sign = FALSE, currency = FALSE;
  guint k = j;
  double v;

  if (tw_is (s, k, "$"))
    {
      sign = TRUE;
      k++;
    }
  if (k >= s->n || !(s->w[k].flags & TW_NUM))
    return 0;
  /* "$2bn": the scale glued to the number */
  if (!tariffs_number_at (s, k, &v))
    {
      const char *p = s->w[k].low;

      while (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
        p++;
      if (!sign)
        return 0;
      for (guint c = 0; scales[c] != NULL; c++)
        if (strcmp (p, scales[c]) == 0)
          return k + 1;
      return 0;
    }
  k++;
  for (guint c = 0; scales[c] != NULL; c++)
    if (tw_is (s, k, scales[c]))
      {
        k++;
        break;
      }
  for (guint c = 0; tariffs_currencies[c] != NULL; c++)
    if (tw_is (s, k, tariffs_currencies[c]))
      {
        currency = TRUE;
        k++;
        break;
      }
  return sign || currency ? k : 0;
}

/* The rate and money amount of the measure at trigger @i. */
static void
tariffs_find_rate (const TariffsSent *s, guint i, guint np, TariffsEvent *ev)
{
  gboolean change = ev->action == TARIFFS_ACTION_RAISE
                    || ev->action == TARIFFS_ACTION_LOWER;
  double v;
  guint len;

  /* a removed measure has the rate it had ("its 100 pct import duty") */
  if (ev->action == TARIFFS_ACTION_REMOVE)
    {
      for (guint j = np; j < i; j++)
        if (tariffs_rate_at (s, j, &v) > 0)
          {
            ev->has_rate = TRUE;
            ev->rate = v;
          }
      return;
    }

  /* after the trigger: "of 1.96 pct", "to 15 pct", "from 30 to 15 pct" */
  for (guint j = i + 1; j < s->n && j < i + 16; j++)
    {
      if (tw_is (s, j, ";") || tw_is (s, j, ".") || (s->w[j].flags & TW_CAND)
          || tw_is (s, j, "said") || tw_is (s, j, "while"))
        break;
      len = tariffs_rate_at (s, j, &v);
      if (len == 0)
        {
          /* "from 30 to 15 pct": the number after from, "to" later */
          if (tariffs_number_at (s, j, &v) && tw_is (s, j + 1, "to")
              && tariffs_rate_at (s, j + 2, &v) > 0)
            {
              ev->has_rate = TRUE;
              ev->rate = v;
              return;
            }
          continue;
        }
      if (tw_is (s, (gssize)j - 1, "by"))
        break; /* R9: the size of a change */
      {
        gboolean ok = FALSE;

        /* "of 1.96 pct", "at 10 pct", "a high of almost 60 pct" */
        {
          gssize b = (gssize)j - 1;

          if (tw_is (s, b, "almost") || tw_is (s, b, "about")
              || tw_is (s, b, "nearly") || tw_is (s, b, "around")
              || tw_is (s, b, "some") || tw_is (s, b, "roughly")
              || tw_is (s, b, "approximately") || tw_is (s, b, "up")
              || tw_is (s, b, "over"))
            b--;
          if (tw_is (s, b, "to") && tw_is (s, b - 1, "up"))
            b--;
          if (b > (gssize)i
              && (tw_is (s, b, "of") || tw_is (s, b, "at") || tw_is (s, b, "to")
                  || tw_is (s, b, "up")))
            ok = TRUE;
        }
        if (change && !tw_is (s, (gssize)j - 1, "to"))
          {
            /* "to 15 pct from 30 pct" comes first; "from 30 pct" alone
             * is the old rate */
            if (tw_is (s, (gssize)j - 1, "from"))
              continue;
            ok = FALSE;
          }
        if (ok)
          {
            ev->has_rate = TRUE;
            ev->rate = v;
            return;
          }
      }
    }
  if (change)
    return;
  /* inside the noun phrase: "a 100 per cent tariff", "25% duties" */
  for (guint j = np; j < i; j++)
    if (tariffs_rate_at (s, j, &v) > 0)
      {
        ev->has_rate = TRUE;
        ev->rate = v;
        return;
      }
  /* "at 10 pct duty" */
  if (i >= 2 && tariffs_rate_at (s, i - 2, &v) > 0)
    {
      ev->has_rate = TRUE;
      ev->rate = v;
    }
}

/* A money amount near the trigger that the measure covers: "300 mln
 * dlrs worth of", "$2bn of goods", "300 mln dlrs in tariffs". */
static void
tariffs_find_amount (const TariffsSent *s, guint i, TariffsEvent *ev)
{
  guint lo = i > 10 ? i - 10 : 0;

  for (guint j = MAX (lo, s->w0); j < s->n && j < i + 12; j++)
    {
      guint after;

      if (j > i && (s->w[j].flags & TW_CAND))
        break;
      after = tariffs_money_at (s, j);
      if (after == 0)
        continue;
      if (tw_is (s, after, "worth") || tw_is (s, after, "of")
          || tw_is (s, after, "in"))
        {
          ev->amount_start = s->w[j].start;
          ev->amount_end = s->w[after - 1].end;
          return;
        }
      j = after - 1;
    }
}

static gboolean tariffs_adjective_like (const char *low);

/* Appends one goods conjunct [a, b) after trimming determiners, places
 * and a trailing "imports".  FALSE when the conjunct is no goods (a name,
 * a clause, a date), which ends the list. */
static gboolean
tariffs_goods_push (const TariffsSent *s, guint a, guint b, TariffsEvent *ev)
{
  gboolean after_place = FALSE;

  while (a < b
         && ((s->w[a].lex & TL_DET) || (s->w[a].flags & TW_PLACE)
             || tw_is (s, a, "of") || tw_is (s, a, "-")))
    {
      /* "other related goods" keeps "other" unless "some other" */
      if (tw_is (s, a, "other") && a + 1 < b
          && !tw_is (s, (gssize)a - 1, "some"))
        break;
      after_place = (s->w[a].flags & TW_PLACE) != 0;
      a++;
    }
  if (b > a + 1 && tw_is (s, b - 1, "imports")
      && !tariffs_adjective_like (s->w[b - 2].low))
    b--;
  /* R10: a measure on "all products" names no goods */
  if (b == a + 1 && a > 0 && tw_is (s, a - 1, "all")
      && (tw_is (s, a, "products") || tw_is (s, a, "goods")
          || tw_is (s, a, "items") || tw_is (s, a, "imports")))
    return TRUE;
  if (a >= b)
    return TRUE;
  if (tw_is (s, a, "both") || tw_is (s, a, "each"))
    return FALSE; /* "on both sides" */
  if (tw_has (s, a, TL_TIME) || (s->w[a].flags & TW_PUNCT)
      || g_str_has_suffix (s->w[a].low, "ing"))
    return FALSE;
  /* "Stephen Vastagh", "Minister of State": names, not goods ("U.S.
   * Cars" after a place and "EVs" stay) */
  if (!s->all_caps && (s->w[a].flags & TW_CAP) && !after_place
      && !(s->w[a].flags & TW_ALLCAPS)
      && !(strlen (s->w[a].low) <= 4
           && g_ascii_isupper (s->doc->text[s->w[a].start + 1])))
    return FALSE;
  for (guint k = a + 1; k < b; k++)
    if (s->w[k].flags & TW_PLACE)
      return FALSE;
  /* ", the minister of trade, Hajime Tamura, said": a speaker */
  for (guint k = a; k < b; k++)
    if (s->w[k].lex & TL_ACTOR)
      return FALSE;
  if (ev->n_goods >= TARIFFS_MAX_GOODS)
    return FALSE;
  ev->goods_start[ev->n_goods] = s->w[a].start;
  ev->goods_end[ev->n_goods] = s->w[b - 1].end;
  ev->n_goods++;
  return TRUE;
}

/* TRUE when word @j ends a goods phrase. */
static gboolean
tariffs_goods_end (const TariffsSent *s, guint j)
{
  const TariffsWord *w = &s->w[j];

  if (w->flags & TW_CAND)
    return TRUE;
  if (w->flags & TW_PUNCT)
    return strcmp (w->low, ",") != 0;
  if (w->lex & (TL_STOP | TL_CLAUSE | TL_TIME))
    return TRUE;
  if ((w->lex & TL_PREP) && !tw_is (s, j, "of"))
    return TRUE;
  if ((w->lex & TL_VERB) && !(w->lex & (TL_GOODS | TL_DET))
      && !tw_is (s, j, "cut") && !tw_is (s, j, "cuts"))
    return TRUE;
  if (g_str_has_suffix (w->low, "ed") && !(w->lex & TL_DET)
      && !tw_is (s, j, "related") && !tw_is (s, j, "processed")
      && !tw_is (s, j, "frozen") && !tw_is (s, j, "canned")
      && !tw_is (s, j, "finished") && !tw_is (s, j, "concentrated")
      && !tw_is (s, j, "selected") && !tw_is (s, j, "imported")
      && !tw_is (s, j, "unspecified") && !tw_is (s, j, "manufactured")
      && !tw_is (s, j, "semi-finished") && !tw_is (s, j, "refined"))
    return TRUE;
  return FALSE;
}

/* TRUE for words that look like adjectives by their ending
 * ("differential", "temporary", "protective"): no goods. */
static gboolean
tariffs_adjective_like (const char *low)
{
  static const char *const endings[]
      = { "al",  "ary", "ive",  "ous", "ic",   "ed",   "ing", "ant",
          "ent", "ful", "less", "ly",  "ible", "able", NULL };

  for (guint k = 0; endings[k] != NULL; k++)
    if (g_str_has_suffix (low, endings[k]))
      return TRUE;
  return FALSE;
}

/* The goods of the measure at trigger @i: the phrase after on/for, one
 * entry per conjunct; else a noun before "import"/"export" in the noun
 * phrase ("oil import fee"). */
static void
tariffs_find_goods (const TariffsSent *s, guint i, guint np, TariffsEvent *ev)
{
  guint j = i + 1;
  guint limit = MIN (s->n, i + 40);
  guint a;
  gboolean comma_seen = FALSE;
  guint n_at_comma = 0;

  /* skip "and taxes", a rate, "imposed", "exemption" up to on/for */
  for (; j < limit && j < i + 10; j++)
    {
      if (tw_is (s, j, "on") || tw_is (s, j, "for"))
        break;
      if ((s->w[j].flags & TW_CAND)
          && !(j == i + 2
               && (tw_is (s, i + 1, "and") || tw_is (s, i + 1, "or"))))
        return;
      if (tw_is (s, j, ".") || tw_is (s, j, ";") || tw_is (s, j, "(")
          || tw_is (s, j, ",") || tw_has (s, j, TL_CLAUSE) || tw_is (s, j, "is")
          || tw_is (s, j, "are") || tw_is (s, j, "was") || tw_is (s, j, "were")
          || tw_is (s, j, "will") || tw_is (s, j, "would")
          || tw_is (s, j, "could") || tw_is (s, j, "should")
          || tw_is (s, j, "may") || tw_is (s, j, "might") || tw_is (s, j, "has")
          || tw_is (s, j, "have"))
        {
          j = limit;
          break;
        }
    }
  if (j >= limit || j >= i + 10)
    {
      /* "oil import fee": the noun before the trade modifier */
      for (guint k = np + 1; k < i; k++)
        if ((tw_is (s, k, "import") || tw_is (s, k, "export"))
            && (s->w[k - 1].flags & TW_ALPHA)
            && !(s->w[k - 1].lex & (TL_DET | TL_DEFDET | TL_TRADEMOD | TL_PREP))
            && !(s->w[k - 1].flags & (TW_PLACE | TW_POSS | TW_NUM))
            && tariffs_pct_at (s, k - 1) == 0 && !tw_is (s, k - 1, "cent")
            && !(s->w[k - 1].lex & (TL_STOP | TL_CLAUSE | TL_PRONOUN | TL_NEG))
            && !tariffs_adjective_like (s->w[k - 1].low)
            && !tw_is (s, k - 1, "of") && !tariffs_weak_cue (s->w[k - 1].low)
            && !(s->w[k - 1].lex & (TL_IMPOSE | TL_RAISE | TL_LOWER)))
          {
            ev->goods_start[0] = s->w[k - 1].start;
            ev->goods_end[0] = s->w[k - 1].end;
            ev->n_goods = 1;
            return;
          }
      return;
    }
  j++;
  /* "for the first time", "for Tokyo's failure": no goods */
  if (tw_is (s, j - 1, "for"))
    for (guint k = j; k < j + 4 && k < s->n; k++)
      if (tw_has (s, k, TL_TIME | TL_OFFENCE)
          || (s->w[k].flags & (TW_POSS | TW_NUM)) || tw_is (s, k, "first"))
        return;
  /* quantities: "300 mln dlrs worth of", "as much as ... in",
   * "550,000 tonnes of", "imports of", "a range of" */
  for (guint guard = 0; guard < 4 && j < limit; guard++)
    {
      guint k = j;
      guint after;

      while (k < limit
             && (((s->w[k].lex & TL_DET) && !tw_is (s, k, "imported"))
                 || (s->w[k].flags & TW_PLACE)))
        k++;
      after = tariffs_money_at (s, k);
      if (after > 0
          && (tw_is (s, after, "worth") || tw_is (s, after, "of")
              || tw_is (s, after, "in")))
        {
          j = after + 1;
          if (tw_is (s, j, "of"))
            j++;
          continue;
        }
      if (k < limit && (s->w[k].flags & TW_NUM) && tw_is (s, k + 2, "of")
          && !(s->w[k + 1].flags & TW_PUNCT))
        {
          j = k + 3;
          continue;
        }
      if ((tw_is (s, k, "imports") || tw_is (s, k, "range")
           || tw_is (s, k, "exports") || tw_is (s, k, "shipments")
           || tw_is (s, k, "sales") || tw_is (s, k, "purchases")
           || tw_is (s, k, "number") || tw_is (s, k, "variety")
           || tw_is (s, k, "list") || tw_is (s, k, "series"))
          && tw_is (s, k + 1, "of"))
        {
          j = k + 2;
          continue;
        }
      break;
    }
  a = j;
  for (; j <= limit; j++)
    {
      gboolean end = j == limit || tariffs_goods_end (s, j);
      gboolean sep
          = !end
            && (tw_is (s, j, ",") || tw_is (s, j, "and") || tw_is (s, j, "or"));

      /* "goods ranging from computers and TV sets to power tools" */
      if (tw_is (s, j, "ranging") && tw_is (s, j + 1, "from"))
        {
          a = j + 2;
          j = a;
          for (; j <= limit; j++)
            {
              gboolean e2
                  = j == limit
                    || (tariffs_goods_end (s, j) && !tw_is (s, j, "to"));

              if (e2 || tw_is (s, j, ",") || tw_is (s, j, "and")
                  || tw_is (s, j, "or") || tw_is (s, j, "to"))
                {
                  if (!tariffs_goods_push (s, a, j, ev) || e2)
                    return;
                  a = j + 1;
                }
            }
          return;
        }
      if (!end && !sep)
        continue;
      /* ", the officials said", ", analysts and traders said": the
       * speakers, not goods */
      if (end && j < limit && tw_has (s, j, TL_CLAUSE) && comma_seen)
        {
          ev->n_goods = n_at_comma;
          return;
        }

      /* "a tax on gasoline and a customs user fee": the last conjunct
       * opens the next measure */
      if (end && j < limit && (s->w[j].flags & TW_CAND))
        return;
      if (j > a && !tariffs_goods_push (s, a, j, ev))
        return;
      if (sep && tw_is (s, j, ","))
        {
          comma_seen = TRUE;
          n_at_comma = ev->n_goods;
        }
      if (end)
        return;
      a = j + 1;
      /* ", as well as levies on": the list ends */
      if (tw_is (s, a, "as") && tw_is (s, a + 1, "well")
          && tw_is (s, a + 2, "as"))
        return;
      if (a < limit
          && ((s->w[a].flags & TW_CAND) || tw_has (s, a, TL_VERB | TL_PREP)
              || tw_is (s, a, "and")))
        {
          if (tw_is (s, a, "and") && !tw_has (s, a + 1, TL_VERB | TL_PREP))
            {
              j = a;
              continue;
            }
          return;
        }
    }
}

/* ---------------------------------------------------------------- */
/* Sentences                                                         */
/* ---------------------------------------------------------------- */

/* Skips a wire dateline: "WASHINGTON, April 13 - ". */
static guint
tariffs_dateline_end (const TariffsSent *s)
{
  guint j = 0;

  while (j < s->n && j < 4 && (s->w[j].flags & TW_ALLCAPS)
         && (s->w[j].flags & TW_ALPHA))
    j++;
  if (j == 0 || !tw_is (s, j, ","))
    return 0;
  for (guint k = j + 1; k < s->n && k < j + 9; k++)
    if (tw_is (s, k, "-"))
      return k + 1;
  return 0;
}

/* Sets the analysis window of trigger @i: TARIFFS_SENT_WINDOW words on
 * each side, and the mentions that start inside it. */
static void
tariffs_set_window (TariffsSent *s, guint i)
{
  guint a = 0, b = s->n_mentions;

  s->lo = MAX (s->w0, i > TARIFFS_SENT_WINDOW ? i - TARIFFS_SENT_WINDOW : 0);
  s->hi = MIN (s->n, i + TARIFFS_SENT_WINDOW);
  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (s->m[mid].first < s->lo)
        a = mid + 1;
      else
        b = mid;
    }
  s->mk0 = a;
  s->mk1 = a;
  while (s->mk1 < s->n_mentions && s->m[s->mk1].first < s->hi)
    s->mk1++;
}

/* Builds one event for the accepted trigger @i. */
static void
tariffs_build_event (TariffsSent *s, guint i, TariffsFamily family)
{
  TariffsDoc *doc = s->doc;
  TariffsEvent ev = { 0 };
  guint np = tariffs_np_start (s, i);
  guint clause = tariffs_clause_start (s, i);
  const TariffsEvent *prior = tariffs_prior_event (doc, (int)family);
  const TariffsEvent *same = doc->events->len > s->first_event
                                 ? tariffs_prior_event (doc, -1)
                                 : NULL;
  const TariffsMention *mod = NULL;
  gboolean possessed = FALSE, anaphoric = FALSE, exported = FALSE;
  gboolean weak_imposer = FALSE, status_default = FALSE;
  gssize averted = -1;
  const char *imposer = NULL, *target = NULL;

  /* anaphora takes the last event of the same family, else any */
  if (prior == NULL)
    prior = tariffs_prior_event (doc, -1);

  tariffs_set_window (s, i);
  ev.start = s->w[i].start;
  ev.end = s->w[i].end;
  ev.sent_start = s->start;
  ev.sent_end = s->end;
  ev.family = family;
  s->w[i].flags |= TW_TRIGGER;

  /* the noun phrase: "Canada's", "its", "the island's", "the", "export" */
  for (guint j = np; j < i; j++)
    {
      const TariffsMention *m = tariffs_mention_of (s, j);

      if (m != NULL)
        {
          mod = m;
          possessed = possessed || (s->w[m->last].flags & TW_POSS);
          j = m->last;
          continue;
        }
      if (tw_is (s, j, "its") || tw_is (s, j, "their"))
        possessed = anaphoric = TRUE;
      else if (s->w[j].flags & TW_POSS)
        possessed = anaphoric = TRUE;
      else if (s->w[j].lex & TL_DEFDET)
        anaphoric = TRUE;
      if (tw_is (s, j, "export") || tw_is (s, j, "exports"))
        exported = TRUE;
    }
  /* a bare plural with nothing after it: "begin assessing duties" */
  if (np == i && !tw_is (s, i + 1, "on") && !tw_is (s, i + 1, "of")
      && g_str_has_suffix (s->w[i].low, "s"))
    anaphoric = TRUE;

  ev.action = tariffs_find_action (s, i, np, possessed, same);

  /* imposer: modifier, agent, subject of the clause, anaphora ... */
  if (mod != NULL)
    imposer = mod->canonical;
  if (imposer == NULL)
    {
      /* "imposed by the U.S.", "imposition by the United States of" */
      for (guint j = i + 1; j < i + 5 && j + 1 < s->n; j++)
        if (tw_is (s, j, "by")
            && (tw_has (s, j - 1, TL_IMPOSE)
                || g_str_has_suffix (s->w[j - 1].low, "ed")))
          {
            const TariffsMention *m = tariffs_mention_of (
                s, tw_is (s, j + 1, "the") ? j + 2 : j + 1);

            if (m != NULL)
              imposer = m->canonical;
            break;
          }
      for (guint j = i > 8 ? i - 8 : 0; imposer == NULL && j < i; j++)
        if (tw_is (s, j, "by") && j > 0 && tw_has (s, j - 1, TL_IMPOSE))
          {
            const TariffsMention *m = tariffs_mention_of (
                s, tw_is (s, j + 1, "the") ? j + 2 : j + 1);

            if (m != NULL)
              imposer = m->canonical;
          }
    }
  /* "tariffs the Reagan Administration imposed" */
  for (guint j = i + 1; imposer == NULL && j < i + 4 && j < s->n; j++)
    {
      const TariffsMention *m = tariffs_mention_of (s, j);

      if (m == NULL)
        {
          if (!tw_has (s, j, TL_DET | TL_DEFDET))
            break;
          continue;
        }
      for (guint v = m->last + 1; v < m->last + 3 && v < s->n; v++)
        if (g_str_has_suffix (s->w[v].low, "ed")
            && !(s->w[v].lex & TL_TARGETSUBJ) && !tw_is (s, v, "faced"))
          imposer = m->canonical;
      break;
    }
  /* "protested to the EC about its plan to raise duties": the owner of
   * the act is the place just before "its" */
  for (guint j = i; imposer == NULL && j > clause && j + 12 > i; j--)
    if ((tw_is (s, j - 1, "its") || tw_is (s, j - 1, "their"))
        && tw_has (s, j, TL_ACTNOUN))
      {
        for (guint k = j - 1; k > s->lo && k + 12 > j; k--)
          {
            const TariffsMention *m = tariffs_mention_of (s, k - 1);

            if (m != NULL)
              {
                imposer = m->canonical;
                break;
              }
          }
        break;
      }
  if (imposer == NULL)
    {
      const TariffsMention *m = tariffs_subject_in (s, clause, i, TRUE);

      if (m != NULL)
        imposer = m->canonical;
    }
  /* "Japanese officials discussed the tariffs": the affected side
   * speaks of the earlier measure */
  if (imposer != NULL && anaphoric && prior != NULL && mod == NULL
      && prior->imposer != NULL && tariffs_same (imposer, prior->target))
    imposer = NULL;
  if (imposer == NULL && anaphoric && prior != NULL
      && !tariffs_same (prior->imposer, tariffs_target_after (s, i, NULL)))
    {
      imposer = prior->imposer;
      target = prior->target;
    }
  if (imposer == NULL && clause > s->w0)
    {
      const TariffsMention *m = tariffs_subject_in (s, s->lo, clause, TRUE);

      if (m != NULL)
        imposer = m->canonical;
    }
  /* R11: an export measure is levied by the exporter */
  if (!exported)
    for (guint j = i + 1; j < s->n && j < i + 12; j++)
      if ((tw_is (s, j, "shipped") || tw_is (s, j, "exported")
           || tw_is (s, j, "sold"))
          && tw_is (s, j + 1, "to"))
        {
          exported = TRUE;
          break;
        }
  if (exported)
    {
      for (guint k = s->mk0; k < s->mk1; k++)
        {
          const TariffsMention *m = &s->m[k];
          gboolean producer = FALSE;

          for (guint j = m->last + 1; j < m->last + 3 && j < s->n; j++)
            if (tw_has (s, j, TL_PRODUCER))
              producer = TRUE;
          if (tw_is (s, (gssize)m->first - 1, "in")
              && tw_has (s, (gssize)m->first - 2, TL_PRODUCER))
            producer = TRUE;
          if (producer)
            {
              imposer = m->canonical;
              break;
            }
        }
      /* the destination: "shipped to U.S. markets", "to the U.S." */
      for (guint j = i + 1; j < s->n && j < i + 14; j++)
        {
          const TariffsMention *m;

          if ((s->w[j].flags & TW_CAND) || tw_has (s, j, TL_CLAUSE))
            break;
          if (!tw_is (s, j, "to") && !tw_is (s, j, "into"))
            continue;
          m = tariffs_mention_of (s, tw_is (s, j + 1, "the") ? j + 2 : j + 1);
          if (m != NULL && !tariffs_same (m->canonical, imposer))
            {
              target = m->canonical;
              break;
            }
        }
    }
  weak_imposer = imposer == NULL;
  /* "JAPAN IN LAST-DITCH EFFORT TO AVERT TARIFFS": places before "avert"
   * are the side the measure hits */
  for (guint j = i; j > s->lo && j + 8 > i; j--)
    if (tw_prefix (s, j - 1, "avoid") || tw_prefix (s, j - 1, "avert")
        || tw_prefix (s, j - 1, "prevent") || tw_prefix (s, j - 1, "forestall")
        || tw_prefix (s, j - 1, "stave") || tw_prefix (s, j - 1, "escape"))
      {
        averted = j - 1;
        break;
      }
  if (imposer == NULL)
    for (guint k = s->mk0; k < s->mk1; k++)
      {
        const TariffsMention *m = &s->m[k];

        if (averted >= 0 && m->first < (guint)averted)
          {
            if (target == NULL)
              target = m->canonical;
            continue;
          }
        if (m->flags & (TM_GOODSADJ | TM_TSUBJ | TM_OFFENDER | TM_ABSORBED))
          continue;
        if ((m->flags & TM_PP) && !tw_is (s, (gssize)m->first - 1, "of"))
          continue;
        /* after the trigger a place is a target or another party */
        if (m->first > i)
          break;
        imposer = m->canonical;
        break;
      }
  if (imposer == NULL && prior != NULL)
    {
      imposer = prior->imposer;
      if (target == NULL && anaphoric)
        target = prior->target;
    }

  /* target */
  {
    const char *t = tariffs_target_after (s, i, imposer);

    /* a guessed imposer that is the explicit target: guess again */
    if (weak_imposer && imposer != NULL)
      {
        const char *explicit_target = tariffs_target_after (s, i, NULL);

        if (tariffs_same (explicit_target, imposer))
          {
            imposer = NULL;
            t = explicit_target;
          }
      }
    if (t == NULL)
      t = tariffs_target_other (s, imposer);
    if (t != NULL)
      target = t;
  }
  if (tariffs_same (target, imposer))
    target = NULL;
  if (target == NULL && same != NULL && tariffs_same (same->imposer, imposer))
    target = same->target;
  if (target == NULL && anaphoric && prior != NULL
      && tariffs_same (prior->imposer, imposer))
    target = prior->target;
  /* last resort: the place the story was filed from ("TAIPEI, April 13
   * -"), else the place the story names most; not when the sentence names
   * its parties as a group ("developing countries reduce their own
   * tariffs") */
  if (imposer == NULL && !tariffs_group_party_before (s, i))
    {
      const char *place = tariffs_doc_dateline (doc);

      /* a dateline that is only a meeting venue ("LUXEMBOURG, Oct 20")
       * is not named again in the story; Washington and London file
       * stories about every country */
      if (place != NULL
          && (strcmp (place, "United States") == 0
              || strcmp (place, "United Kingdom") == 0))
        place = NULL;
      if (place != NULL)
        {
          tariffs_doc_counts (doc);
          if (GPOINTER_TO_UINT (g_hash_table_lookup (doc->doc_counts, place))
              < 2)
            place = NULL;
        }
      imposer = place != NULL && !tariffs_same (place, target)
                    ? place
                    : tariffs_doc_top (doc, target);
    }
  /* R6: one measure for both directions, as in a free-trade deal */
  for (guint j = s->lo; j < s->hi; j++)
    {
      gboolean both
          = (tw_is (s, j, "both")
             && (tw_is (s, j + 1, "sides") || tw_is (s, j + 1, "countries")))
            || (tw_is (s, j, "each") && tw_is (s, j + 1, "other"))
            || tw_is (s, j, "reciprocal") || tw_is (s, j, "mutual")
            || tw_is (s, j, "mutually");
      gboolean free_trade
          = (tw_is (s, j, "free") && tw_prefix (s, j + 1, "trade"))
            || tw_is (s, j, "free-trade")
            || (tw_is (s, j, "two")
                && (tw_is (s, j + 1, "countries")
                    || tw_is (s, j + 1, "nations")));

      if (both
          || (free_trade
              && (ev.action == TARIFFS_ACTION_REMOVE
                  || ev.action == TARIFFS_ACTION_LOWER)))
        imposer = target = NULL;
    }

  ev.imposer = imposer;
  ev.target = target;
  ev.status = tariffs_find_status (s, i, ev.action, &status_default);
  ev.headline = s->all_caps && status_default;
  ev.all_caps = s->all_caps;
  ev.retaliation = tariffs_find_retaliation (s, i, imposer);
  tariffs_find_rate (s, i, np, &ev);
  /* The issue asks for a money amount only instead of a rate. */
  if (!ev.has_rate)
    tariffs_find_amount (s, i, &ev);
  tariffs_find_goods (s, i, np, &ev);
  g_array_append_val (doc->events, ev);
  doc->last_of_family[family] = doc->events->len;
}

/* See tariffs.h: words, places, then one event per accepted trigger. */
void
tariffs_extract_sentence (TariffsDoc *doc, gsize start, gsize end)
{
  TariffsSent s = { 0 };
  guint caps = 0, alpha = 0;

  tariffs_words_build (doc->words, doc->text, start, end);
  s.doc = doc;
  s.w = (TariffsWord *)(void *)doc->words->data;
  s.n = doc->words->len;
  s.start = start;
  s.end = end;
  s.first_event = doc->events->len;
  if (s.n == 0)
    return;
  for (guint j = 0; j < s.n; j++)
    {
      TariffsWord *w = &s.w[j];

      if (!(w->flags & TW_ALPHA))
        {
          if (w->flags & TW_PUNCT)
            w->lex = tariffs_lexicon_lookup (doc->lex, w->low);
          continue;
        }
      alpha++;
      if (w->flags & TW_ALLCAPS)
        caps++;
      w->lex = tariffs_lexicon_lookup (doc->lex, w->low);
      if (w->lex & TL_TRADE)
        s.trade_any = TRUE;
      if (g_str_has_prefix (w->low, "import")
          || g_str_has_prefix (w->low, "export")
          || strcmp (w->low, "customs") == 0
          || strstr (w->low, "dumping") != NULL
          || g_str_has_prefix (w->low, "countervail"))
        s.trade_strong = TRUE;
      if (w->lex & TL_SCHEDULE)
        s.schedule = TRUE;
      if (w->lex & TL_JUDICIAL)
        s.judicial = TRUE;
      /* "loss in revenue", not "the revenue department" */
      if (g_str_has_prefix (w->low, "revenue") && !(w->flags & TW_CAP)
          && !tw_is (&s, (gssize)j + 1, "department")
          && !tw_is (&s, (gssize)j + 1, "ministry")
          && !tw_is (&s, (gssize)j + 1, "service"))
        s.revenue = TRUE;
      if (strcmp (w->low, "fats") == 0 || strcmp (w->low, "vat") == 0
          || strcmp (w->low, "value-added") == 0
          || strcmp (w->low, "excise") == 0
          || strcmp (w->low, "co-responsibility") == 0
          || strcmp (w->low, "consumption") == 0)
        s.domestic_mark = TRUE;
    }
  s.all_caps = alpha >= 3 && caps * 10 >= alpha * 8;
  if (s.all_caps)
    for (guint j = 0; j < s.n; j++)
      if (s.w[j].flags & TW_ALPHA)
        s.w[j].flags |= TW_CAP;
  /* "power tools", "gas turbines": not price schedules next to goods */
  s.w0 = tariffs_dateline_end (&s);
  tariffs_find_mentions (&s);
  if (s.n_mentions > 0)
    s.trade_any = TRUE;
  tariffs_mention_roles (&s);
  for (guint k = 0; k < s.n_mentions; k++)
    if (s.m[k].flags & TM_GOODSADJ)
      s.goods_ctx = TRUE;
  for (guint i = s.w0; i < s.n; i++)
    {
      TariffsFamily family;

      if ((s.w[i].flags & TW_ALPHA)
          && tariffs_trigger_kind (&s, i, &family) != TARIFFS_TRIG_NONE)
        s.w[i].flags |= TW_CAND;
    }
  for (guint i = s.w0; i < s.n; i++)
    {
      TariffsFamily family;
      TariffsTrigKind kind;

      if (!(s.w[i].flags & TW_ALPHA))
        continue;
      kind = tariffs_trigger_kind (&s, i, &family);
      if (kind == TARIFFS_TRIG_NONE)
        continue;
      if (!tariffs_accept_trigger (&s, i, kind, family))
        continue;
      tariffs_build_event (&s, i, family);
    }
}

/* See tariffs.h: "the U.S. | Will remove" is one sentence. */
gboolean
tariffs_should_join (const TariffsDoc *doc, gsize prev_start, gsize prev_end,
                     gsize next_start, gsize next_end)
{
  static const char *const abbrevs[] = { "U.S.", "U.K.", "E.C.", NULL };
  const char *text = doc->text;
  char low[TARIFFS_WORD_LOW];
  gsize k = 0;
  gboolean abbrev = FALSE;

  for (guint a = 0; abbrevs[a] != NULL; a++)
    if (prev_end - prev_start >= 4
        && memcmp (text + prev_end - 4, abbrevs[a], 4) == 0)
      abbrev = TRUE;
  if (!abbrev || next_start < prev_end || next_start >= next_end)
    return FALSE;
  if (memchr (text + prev_end, '\n', next_start - prev_end) != NULL)
    return FALSE;
  if (!g_ascii_isupper (text[next_start]))
    return FALSE;
  while (next_start + k < next_end && k + 1 < sizeof low
         && g_ascii_isalpha (text[next_start + k]))
    {
      low[k] = g_ascii_tolower (text[next_start + k]);
      k++;
    }
  low[k] = '\0';
  if (k < 2 || g_ascii_isupper (text[next_start + 1]))
    return FALSE;
  return tariffs_lexicon_lookup (doc->lex, low) != 0
         || g_str_has_prefix (low, "tariff") || strcmp (low, "duties") == 0
         || strcmp (low, "duty") == 0 || strcmp (low, "levies") == 0;
}

/* See tariffs.h: per-document scratch, freed by tariffs_doc_clear(). */
void
tariffs_doc_init (TariffsDoc *doc, const TariffsGazetteer *gaz,
                  const TariffsLexicon *lex)
{
  doc->gaz = gaz;
  doc->lex = lex;
  doc->events = g_array_new (FALSE, FALSE, sizeof (TariffsEvent));
  doc->words = g_array_new (FALSE, FALSE, sizeof (TariffsWord));
  doc->mentions = g_array_new (FALSE, FALSE, sizeof (TariffsMention));
  doc->price_doc = doc->domestic_doc = doc->scanned = FALSE;
  memset (doc->last_of_family, 0, sizeof doc->last_of_family);
  doc->dateline = NULL;
  doc->dateline_done = FALSE;
  doc->doc_counts = NULL;
}

/* Frees what tariffs_doc_init() made. */
void
tariffs_doc_clear (TariffsDoc *doc)
{
  g_array_unref (doc->events);
  g_array_unref (doc->words);
  g_array_unref (doc->mentions);
  if (doc->doc_counts != NULL)
    g_hash_table_unref (doc->doc_counts);
}

/* TRUE when [line, line + len) holds a word starting with a
 * retaliation stem (retaliat-, sanction, reprisal, punitive, counter,
 * tit-for-tat): the cheap test before cutting a line into words. */
static gboolean
tariffs_line_has_retaliation (const char *line, gsize len)
{
  static const char *const stems[]
      = { "retaliat", "sanction",    "reprisal", "punitive",
          "counter",  "tit-for-tat", NULL };
  const guchar *t = (const guchar *)line, *end = t + len;

  for (const guchar *p = t; p < end; p++)
    {
      guchar c = tariffs_lower[*p];

      if ((c != 'r' && c != 's' && c != 'p' && c != 'c' && c != 't')
          || (p > t && tariffs_alnum (p[-1])))
        continue;
      for (guint k = 0; stems[k] != NULL; k++)
        if ((guchar)stems[k][0] == c && tariffs_stem_at (p, end, stems[k]))
          return TRUE;
    }
  return FALSE;
}

/* R3 across the story: "U.S. sanctions", "retaliation from the EC",
 * "American trade sanctions" make the owner's measures retaliation.
 * Returns the owners found, as a set of canonical names. */
static GHashTable *
tariffs_retaliation_owners (TariffsDoc *doc)
{
  static const char *const stems[]
      = { "etaliat",    "ETALIAT",    "anction", "ANCTION", "eprisal",
          "EPRISAL",    "unitive",    "UNITIVE", "ounter",  "OUNTER",
          "it-for-tat", "IT-FOR-TAT", NULL };
  GHashTable *owners = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *saved = doc->words, *saved_mentions = doc->mentions;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (TariffsWord));
  TariffsSent s = { 0 };
  gsize pos = 0;

  doc->words = words;
  doc->mentions = g_array_new (FALSE, FALSE, sizeof (TariffsMention));
  /* most stories hold no retaliation wording at all */
  if (!tariffs_has_any (doc->text, stems))
    pos = doc->length;
  while (pos < doc->length)
    {
      const char *nl = memchr (doc->text + pos, '\n', doc->length - pos);
      gsize end = nl != NULL ? (gsize)(nl - doc->text) + 1 : doc->length;
      gboolean any = FALSE;

      if (!tariffs_line_has_retaliation (doc->text + pos, end - pos))
        {
          pos = end;
          continue;
        }
      tariffs_words_build (words, doc->text, pos, end);
      s.doc = doc;
      s.w = (TariffsWord *)(void *)words->data;
      s.n = words->len;
      for (guint j = 0; j < s.n; j++)
        {
          s.w[j].lex = tariffs_lexicon_lookup (doc->lex, s.w[j].low);
          if ((s.w[j].lex & TL_RETAL)
              || g_str_has_prefix (s.w[j].low, "sanction"))
            any = TRUE;
        }
      pos = end;
      if (!any)
        continue;
      tariffs_find_mentions (&s);
      for (guint j = 0; j < s.n; j++)
        {
          const TariffsMention *m = NULL;

          if (!(s.w[j].lex & TL_RETAL)
              && !g_str_has_prefix (s.w[j].low, "sanction"))
            continue;
          if (g_str_has_prefix (s.w[j].low, "retaliate"))
            continue; /* a verb: its subject is too far to trust */
          /* "U.S. sanctions", "American trade sanctions" */
          for (guint b = j; b > 0 && b + 3 > j && m == NULL; b--)
            m = tariffs_mention_of (&s, b - 1);
          /* "retaliation from the European Community" */
          if (m == NULL
              && (tw_is (&s, j + 1, "from") || tw_is (&s, j + 1, "by")))
            m = tariffs_mention_of (&s,
                                    tw_is (&s, j + 2, "the") ? j + 3 : j + 2);
          if (m != NULL)
            g_hash_table_add (owners, (gpointer)m->canonical);
        }
    }
  g_array_unref (words);
  g_array_unref (doc->mentions);
  doc->words = saved;
  doc->mentions = saved_mentions;
  return owners;
}

/* See tariffs.h: headlines, story-level retaliation (R3). */
void
tariffs_extract_finish (TariffsDoc *doc)
{
  GArray *events = doc->events;
  GHashTable *owners;

  if (events->len == 0)
    return;
  /* a headline with no cue of its own reads like the story's next
   * mention of the same measure; "JAPANESE TARIFFS" in a headline may
   * name the target, as the next mention shows */
  for (guint a = 0; a + 1 < events->len; a++)
    {
      TariffsEvent *ev = &g_array_index (events, TariffsEvent, a);
      const TariffsEvent *next = &g_array_index (events, TariffsEvent, a + 1);

      if (ev->all_caps && next->family == ev->family && next->imposer != NULL
          && tariffs_same (ev->imposer, next->target))
        {
          ev->imposer = next->imposer;
          ev->target = next->target;
        }

      if (!ev->headline || next->family != ev->family
          || !tariffs_same (ev->imposer, next->imposer)
          || next->action != ev->action)
        continue;
      ev->status = next->status;
      if (ev->target == NULL)
        ev->target = next->target;
    }
  owners = tariffs_retaliation_owners (doc);
  for (guint a = 0; a < events->len; a++)
    {
      TariffsEvent *ev = &g_array_index (events, TariffsEvent, a);

      if (ev->imposer != NULL && g_hash_table_contains (owners, ev->imposer))
        ev->retaliation = TRUE;
    }
  g_hash_table_unref (owners);

  /* R3: retaliation framing anywhere in the story holds for every mention
   * of the same measure (same imposer and target, or no target named);
   * hash sets keep this linear */
  {
    GHashTable *pairs
        = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *imposers = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint a = 0; a < events->len; a++)
      {
        TariffsEvent *ev = &g_array_index (events, TariffsEvent, a);

        if (!ev->retaliation || ev->imposer == NULL)
          continue;
        g_hash_table_add (pairs,
                          g_strconcat (ev->imposer, "\x1f",
                                       ev->target ? ev->target : "", NULL));
        g_hash_table_add (imposers, (gpointer)ev->imposer);
      }
    for (guint b = 0; b < events->len && g_hash_table_size (imposers) > 0; b++)
      {
        TariffsEvent *ev = &g_array_index (events, TariffsEvent, b);
        char *key;

        if (ev->imposer == NULL || ev->retaliation)
          continue;
        if (ev->target == NULL)
          {
            ev->retaliation = g_hash_table_contains (imposers, ev->imposer);
            continue;
          }
        key = g_strconcat (ev->imposer, "\x1f", ev->target, NULL);
        ev->retaliation = g_hash_table_contains (pairs, key);
        g_free (key);
      }
    g_hash_table_unref (pairs);
    g_hash_table_unref (imposers);
  }
}
