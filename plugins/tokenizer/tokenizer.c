/* tokenizer.c: the `tokenizer` plugin, English news tokenization.
 *
 * Produces layer `token`: one annotation per token, a [start, end) byte span
 * into the unchanged text.  Attributes (stable names):
 *
 *   class  TP_ATTR_ENUM, one of (indices stable, new values only appended):
 *          "word"     letters, digits inside words, abbreviations (U.S., Dr.),
 *                     contraction parts (do, n't, 's, 're)
 *          "number"   1,700  13.6  3/8  1990s  5th  713-664-7478
 *          "punct"    . , ; : ! ? ( ) [ ] - -- ... … – — and runs of them
 *          "symbol"   $ £ € % & + = * and other symbols, emoji
 *          "quote"    " “ ” ‘ ’ ' « » when they stand alone
 *          "url"      http://..., www....
 *          "email"    name@example.com
 *          "hashtag"  #word
 *          "mention"  @name
 *          "emoticon" :-) :) ;) :(
 *
 * Conventions follow Universal Dependencies English (EWT): contractions and
 * possessives are split (do n't, Canada 's, We ’re, can not), hyphenated
 * words are split at the hyphen (search - engine) unless the first part is a
 * common prefix (e-mail, non-human, re-elect), abbreviations and initials keep
 * their period (U.S., Dr., J.P.), numbers keep separators and decimals,
 * currency signs and % are separate tokens ($ 1.2, 25 %).
 *
 * Options:
 *   abbreviations       PATH  extra abbreviations, one per line, without or
 *                             with the final period; a lower-case entry
 *                             matches any case, others match exactly
 *   split_contractions  BOOL  split n't, 's, 're ... (default true)
 *   split_hyphens       BOOL  split hyphenated words (default true)
 *
 * Speed: one pass over the bytes; whitespace-separated chunks made only of
 * ASCII letters or only of digits take a fast path.  No heap allocation per
 * token.  Every scan moves forward, so any input runs in linear time.
 */
#include "config.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define TOKENIZER_BLOCKS 1
#endif

#include "textpipe-plugin.h"

/* Token classes: the order is the enum's stored value. */
enum {
  TOKENIZER_WORD,
  TOKENIZER_NUMBER,
  TOKENIZER_PUNCT,
  TOKENIZER_SYMBOL,
  TOKENIZER_QUOTE,
  TOKENIZER_URL,
  TOKENIZER_EMAIL,
  TOKENIZER_HASHTAG,
  TOKENIZER_MENTION,
  TOKENIZER_EMOTICON
};

static const char *const tokenizer_class_values[]
    = { "word",  "number",  "punct",   "symbol",   "quote", "url",
        "email", "hashtag", "mention", "emoticon", NULL };

static const TpAttrSpec tokenizer_attrs[]
    = { { "class", TP_ATTR_ENUM, NULL, tokenizer_class_values }, { NULL } };

static const char *const tokenizer_produces[] = { "token", NULL };

static const TpOptionSpec tokenizer_options[]
    = { { "abbreviations", TP_OPTION_PATH, NULL, FALSE,
          "extra abbreviations file, one per line (e.g. Gov. or approx)" },
        { "split_contractions", TP_OPTION_BOOL, "true", FALSE,
          "split contractions and possessives UD-style (do n't, Canada 's)" },
        { "split_hyphens", TP_OPTION_BOOL, "true", FALSE,
          "split hyphenated words UD-style (search - engine) except prefixes" },
        { NULL } };

/* Built-in abbreviations that keep their period.  A lower-case entry matches
 * in any case; an entry with capitals matches only as written (so that
 * "Mass." is an abbreviation and "mass." is a word and a full stop). */
static const char *const tokenizer_builtin_abbrevs[] = {
  /* titles */
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "messrs", "mme", "mlle", "Gen",
  "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Cpl", "Pvt", "Maj", "Adm",
  "Cmdr", "Brig", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Fr", "Sens",
  "Reps", "Govs", "Gens", "Drs", "St", "Ste", "Mt", "Ft", "Pt",
  /* companies, addresses */
  "inc", "corp", "ltd", "co", "cos", "bros", "plc", "assn", "dept", "univ",
  "ave", "blvd", "rd", "hwy", "Sq", "Pl", "Ct", "Ln", "Pkwy", "Cie",
  /* months and days */
  "jan", "feb", "Mar", "apr", "Jun", "Jul", "aug", "sep", "sept", "oct", "nov",
  "dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
  "Sun",
  /* U.S. states in news style */
  "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
  "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo",
  "Mont", "Neb", "Nebr", "Nev", "Okla", "Ore", "Penn", "Pa", "Tenn", "Tex",
  "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo", "Ont", "Que",
  /* common Latin and general */
  "etc", "vs", "viz", "approx", "cf", "al", "ca", "esp", "est", "fig", "figs",
  "govt", "intl", "natl", "no", "nos", "vol", "vols", "pp", "para", "Nr", "Op",
  "ed", "eds", "min", "max", "mln", "bln", "mn", "bn", "pct", "Ref", "incl",
  "excl", "tel", "ext", "dept", "div", "avg", "yr", "yrs", "hr", "hrs", "wk",
  "wks", "mos", "sq", "ft", "lb", "lbs", "oz", "pt", "qt", "gal", "v", "p",
  "Ph", "No", "Nos", "Art", "Sec", "Secs", "Ch", "Vol", "misc", "attn", "pg",
  /* place titles in capitals, as in wire datelines (ST. LOUIS) */
  "ST", "MT", NULL
};

/* Prefixes that keep their hyphen (UD English: e-mail, non-human). */
static const char *const tokenizer_hyphen_prefixes[]
    = { "e",     "non",  "anti",    "re",    "pre",   "co",     "semi",
        "mis",   "over", "counter", "vice",  "ex",    "multi",  "post",
        "pro",   "un",   "sub",     "inter", "mid",   "de",     "bi",
        "tri",   "mini", "micro",   "macro", "neo",   "pseudo", "quasi",
        "ultra", "x",    "cross",   "intra", "extra", "auto",   "trans",
        "meta",  "mega", NULL };

/* Per-stage state: the abbreviation tables and the options. */
typedef struct {
  GHashTable *abbrev_any;   /* lower-case keys, any case matches */
  GHashTable *abbrev_exact; /* exact keys */
  gsize abbrev_max;         /* length of the longest entry */
  /* per first and last letter (lower case; 26 for any other byte), a bit
   * per length: a cheap test that most words ending a sentence fail */
  guint32 abbrev_filter[27][27];
  gboolean split_contractions;
  gboolean split_hyphens;
} TokenizerState;

/* Tokens are gathered here and appended to the layer in one call per
 * buffer (tp_layer_append_many), not two calls per token. */
#define TOKENIZER_BUFFER 256

/* Per-document scanning context. */
typedef struct {
  const guchar *text;
  gsize len;
  TpLayer *layer;
  guint class_attr;
  const TokenizerState *st;
  guint n_pending;
  guint32 spans[2 * TOKENIZER_BUFFER];
  guint8 classes[TOKENIZER_BUFFER];
} TokenizerRun;

/* ASCII byte classes. */
enum {
  TK_SPACE = 1 << 0,
  TK_ALPHA = 1 << 1,
  TK_DIGIT = 1 << 2,
  TK_OTHER = 1 << 3, /* ASCII punctuation and symbols */
  TK_HIGH = 1 << 4,  /* a byte of a multi-byte character */
  TK_AT = 1 << 5,    /* '@' */
  TK_COLON = 1 << 6, /* ':' */
  TK_DOT = 1 << 7    /* '.' */
};

static guint8 tokenizer_bytes[256];

static void tokenizer_fused_init (void);
static void tokenizer_hyphen_init (void);
#ifdef TOKENIZER_BLOCKS
static void tokenizer_block_init (void);
#endif

/* Fills the byte class table once. */
static void
tokenizer_bytes_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  for (guint c = 0; c < 256; c++)
    {
      guint8 f;
      if (c >= 0x80)
        f = TK_HIGH;
      else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
               || c == '\v')
        f = TK_SPACE;
      else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        f = TK_ALPHA;
      else if (c >= '0' && c <= '9')
        f = TK_DIGIT;
      else if (c == '@')
        f = TK_OTHER | TK_AT;
      else if (c == ':')
        f = TK_OTHER | TK_COLON;
      else if (c == '.')
        f = TK_OTHER | TK_DOT;
      else
        f = TK_OTHER;
      tokenizer_bytes[c] = f;
    }
  tokenizer_fused_init ();
  tokenizer_hyphen_init ();
#ifdef TOKENIZER_BLOCKS
  tokenizer_block_init ();
#endif
  g_once_init_leave (&done, 1);
}

/* Decodes the (valid UTF-8) character at @p; stores its byte length. */
static inline gunichar
tokenizer_decode (const guchar *p, guint *len)
{
  guchar b = p[0];
  if (b < 0x80)
    {
      *len = 1;
      return b;
    }
  if (b < 0xE0)
    {
      *len = 2;
      return ((gunichar)(b & 0x1F) << 6) | (p[1] & 0x3F);
    }
  if (b < 0xF0)
    {
      *len = 3;
      return ((gunichar)(b & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6)
             | (p[2] & 0x3F);
    }
  *len = 4;
  return ((gunichar)(b & 0x07) << 18) | ((gunichar)(p[1] & 0x3F) << 12)
         | ((gunichar)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* TRUE for the non-ASCII characters that separate tokens. */
static inline gboolean
tokenizer_is_uspace (gunichar c)
{
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B)
         || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
         || c == 0x3000 || c == 0xFEFF;
}

/* TRUE for characters that continue a word: letters, digits, marks. */
static inline gboolean
tokenizer_is_wordchar (gunichar c)
{
  if (c < 0x80)
    return (tokenizer_bytes[c] & (TK_ALPHA | TK_DIGIT)) != 0;
  if (c == 0xAD || c == 0x200C || c == 0x200D)
    return TRUE; /* soft hyphen, joiners */
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* TRUE for letters (any script). */
static inline gboolean
tokenizer_is_letter (gunichar c)
{
  if (c < 0x80)
    return (tokenizer_bytes[c] & TK_ALPHA) != 0;
  return g_unichar_isalpha (c);
}

static inline gboolean
tokenizer_is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* TRUE for ' and ’ (and the modifier letter apostrophe). */
static inline gboolean
tokenizer_is_apos (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* Moves the buffered tokens to the layer. */
static void
tokenizer_flush (TokenizerRun *run)
{
  tp_layer_append_many (run->layer, run->spans, run->n_pending, run->class_attr,
                        run->classes);
  run->n_pending = 0;
}

/* Appends one token (documents are under 4 GB, so offsets fit 32 bits). */
static inline void
tokenizer_emit (TokenizerRun *run, gsize start, gsize end, guint cls)
{
  guint i = run->n_pending;

  run->spans[2 * i] = (guint32)start;
  run->spans[2 * i + 1] = (guint32)end;
  run->classes[i] = (guint8)cls;
  if (++run->n_pending == TOKENIZER_BUFFER)
    tokenizer_flush (run);
}

/* @c in lower case (ASCII), inline: g_ascii_tolower is a library call. */
static inline guchar
tokenizer_lower (guchar c)
{
  return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/* TRUE when [s, s + n) equals @lit (lower case) ignoring ASCII case. */
static gboolean
tokenizer_eq_ci (const guchar *s, gsize n, const char *lit)
{
  gsize i = 0;

  for (; i < n && lit[i] != '\0'; i++)
    {
      if (tokenizer_lower (s[i]) != (guchar)lit[i])
        return FALSE;
    }
  return i == n && lit[i] == '\0';
}

/* The row or column of @c in the abbreviation filter. */
static inline guint
tokenizer_filter_index (guchar c)
{
  c = tokenizer_lower (c);
  return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

/* Adds the abbreviation @w (@n bytes, without its period) to the table of
 * lower-case entries that match in any case, or to the exact ones. */
static void
tokenizer_add_abbrev (TokenizerState *st, const char *w, gsize n,
                      gboolean lower)
{
  g_hash_table_add (lower ? st->abbrev_any : st->abbrev_exact,
                    g_strndup (w, n));
  st->abbrev_max = MAX (st->abbrev_max, n);
  if (n < 32)
    st->abbrev_filter[tokenizer_filter_index ((guchar)w[0])]
                     [tokenizer_filter_index ((guchar)w[n - 1])]
        |= 1u << n;
}

/* TRUE when the word [s, s+n) is an abbreviation that keeps its period. */
static gboolean
tokenizer_is_abbrev (const TokenizerState *st, const guchar *s, gsize n)
{
  char buf[32];
  gboolean inner_dot = FALSE;
  gsize seg = 0, i;

  if (n == 0)
    return FALSE;
  /* Dotted forms whose parts are all short: U.S, e.g, Ph.D, a.m, J.P */
  for (i = 0; i < n; i++)
    {
      if (s[i] == '.')
        {
          inner_dot = TRUE;
          if (seg == 0 || seg > 2)
            break;
          seg = 0;
        }
      else if (s[i] >= 0x80)
        break;
      else
        seg++;
    }
  if (inner_dot && i == n && seg > 0 && seg <= 2)
    return TRUE;
  /* A single capital letter: an initial */
  if (n == 1 && s[0] >= 'A' && s[0] <= 'Z')
    return TRUE;
  if (n > st->abbrev_max || n >= sizeof buf
      || !(st->abbrev_filter[tokenizer_filter_index (s[0])]
                            [tokenizer_filter_index (s[n - 1])]
           & (1u << n)))
    return FALSE;
  memcpy (buf, s, n);
  buf[n] = '\0';
  if (g_hash_table_contains (st->abbrev_exact, buf))
    return TRUE;
  for (i = 0; i < n; i++)
    buf[i] = (char)tokenizer_lower ((guchar)buf[i]);
  return g_hash_table_contains (st->abbrev_any, buf);
}

/* Per first letter (lower case), the lengths of the hyphen prefixes that
 * start with it, a bit per length: most words before a hyphen ("year-ago",
 * "oil-producing") are then compared with no entry. */
static guint8 tokenizer_hyphen_filter[26];

/* Fills tokenizer_hyphen_filter once (called from tokenizer_bytes_init). */
static void
tokenizer_hyphen_init (void)
{
  for (guint i = 0; tokenizer_hyphen_prefixes[i] != NULL; i++)
    {
      const char *w = tokenizer_hyphen_prefixes[i];
      gsize n = strlen (w);
      g_assert (n < 8 && w[0] >= 'a' && w[0] <= 'z');
      tokenizer_hyphen_filter[w[0] - 'a'] |= 1u << n;
    }
}

/* TRUE when the lower-cased word [s, s+n) is a prefix that keeps its
 * hyphen. */
static gboolean
tokenizer_is_hyphen_prefix (const guchar *s, gsize n)
{
  guint c0;

  if (n == 0 || n > 7)
    return FALSE;
  c0 = (guint)tokenizer_lower (s[0]) - 'a';
  if (c0 >= 26 || !(tokenizer_hyphen_filter[c0] & (1u << n)))
    return FALSE;
  for (guint i = 0; tokenizer_hyphen_prefixes[i] != NULL; i++)
    if (tokenizer_hyphen_prefixes[i][0] == (char)(c0 + 'a')
        && tokenizer_eq_ci (s, n, tokenizer_hyphen_prefixes[i]))
      return TRUE;
  return FALSE;
}

/* TRUE when the letters after an apostrophe form a clitic (s re ve ll d m). */
static gboolean
tokenizer_is_clitic (const guchar *s, gsize n)
{
  switch (n)
    {
    case 1:
      return s[0] == 's' || s[0] == 'S' || s[0] == 'd' || s[0] == 'D'
             || s[0] == 'm' || s[0] == 'M';
    case 2:
      return tokenizer_eq_ci (s, n, "re") || tokenizer_eq_ci (s, n, "ve")
             || tokenizer_eq_ci (s, n, "ll");
    default:
      return FALSE;
    }
}

/* Words UD English splits without an apostrophe (fused forms and
 * contractions typed without one), with the split point.  Matched in any
 * case. */
static const struct {
  const char *word;
  guint split;
} tokenizer_fused[]
    = { { "cannot", 3 },  { "gonna", 3 },    { "gotta", 3 }, { "wanna", 3 },
        { "outta", 3 },   { "dunno", 2 },    { "gimme", 3 }, { "lemme", 3 },
        { "alot", 1 },    { "dont", 2 },     { "didnt", 3 }, { "doesnt", 4 },
        { "isnt", 2 },    { "wasnt", 3 },    { "arent", 3 }, { "werent", 4 },
        { "havent", 4 },  { "hasnt", 3 },    { "hadnt", 3 }, { "couldnt", 5 },
        { "wouldnt", 5 }, { "shouldnt", 6 }, { "cant", 2 },  { "wont", 2 },
        { "aint", 2 },    { "im", 1 },       { "ive", 1 },   { "thats", 4 },
        { "theres", 5 },  { "whats", 4 },    { "youre", 3 }, { "theyre", 4 },
        { "youve", 3 },   { "theyve", 4 },   { "weve", 2 },  { "itll", 2 },
        { "youll", 3 },   { "theyll", 4 },   { "its", 2 },   { NULL, 0 } };

/* Words after which "its" is "it's" typed without the apostrophe: the
 * possessive cannot be followed by an article, a negation or an adverb
 * ("its a shame", "its not", "its really good"). */
static const char *const tokenizer_its_verb_next[]
    = { "a",    "an",     "the",   "not",    "all",     "still",  "your",  "my",
        "so",   "just",   "been",  "going",  "very",    "really", "too",   "ok",
        "okay", "about",  "like",  "gonna",  "getting", "always", "never", "no",
        "only", "pretty", "quite", "almost", NULL };

/* A cheap exact filter in front of the fused-form list: for each pair of
 * first and last letter (rows and columns 26 to 31: any other byte), the
 * set of lengths some entry has, a bit per length below 64.  Rows are 32
 * wide and 64-bit, so that a look-up is two table reads, an add and a
 * shift (tokenizer_fused_lengths). */
static guint64 tokenizer_fused_filter[27 * 32];

/* Per byte, its column in tokenizer_fused_filter: the letter's index in
 * the alphabet, 26 for any other byte; and its row's first entry (the
 * column times 32). */
static guint8 tokenizer_letter_index[256];
static guint16 tokenizer_letter_row[256];

/* The lengths of the fused forms that start with byte @first and end with
 * byte @last (a bit per length). */
static inline guint64
tokenizer_fused_lengths (guchar first, guchar last)
{
  return tokenizer_fused_filter[tokenizer_letter_row[first]
                                + tokenizer_letter_index[last]];
}

/* The entries themselves by first letter, last letter and length: the
 * index + 1 of one, or 0, and the next with the same three (index + 1, or
 * 0) in tokenizer_fused_next.  Words that pass the filter ("were",
 * "about", "debt") are then compared with one entry or none, not scanned
 * against the whole list. */
static guint8 tokenizer_fused_first[26][26][9];
static guint8 tokenizer_fused_next[G_N_ELEMENTS (tokenizer_fused)];

/* Fills the fused-form filter and index once (called from
 * tokenizer_bytes_init). */
static void
tokenizer_fused_init (void)
{
  for (guint c = 0; c < 256; c++)
    {
      tokenizer_letter_index[c]
          = g_ascii_isalpha (c) ? g_ascii_tolower (c) - 'a' : 26;
      tokenizer_letter_row[c] = (guint16)(tokenizer_letter_index[c] * 32);
    }
  for (guint i = 0; tokenizer_fused[i].word != NULL; i++)
    {
      const char *w = tokenizer_fused[i].word;
      gsize n = strlen (w);
      guint8 *first = &tokenizer_fused_first[w[0] - 'a'][w[n - 1] - 'a'][n];
      g_assert (n <= 8);
      tokenizer_fused_filter[(w[0] - 'a') * 32 + (w[n - 1] - 'a')]
          |= G_GUINT64_CONSTANT (1) << n;
      tokenizer_fused_next[i] = *first;
      *first = (guint8)(i + 1);
    }
}

/* Emits the word [s, e) split in two if it is a fused form (cannot);
 * returns FALSE if it is not one. */
static gboolean
tokenizer_emit_fused (TokenizerRun *run, gsize s, gsize e)
{
  const guchar *w = run->text + s;
  gsize n = e - s;
  guint c0 = (guint)(w[0] | 0x20) - 'a', cl = (guint)(w[n - 1] | 0x20) - 'a';

  if (!run->st->split_contractions || (n <= 3 && g_ascii_isupper (w[n - 1])))
    return FALSE;
  if (n == 3 && tokenizer_eq_ci (w, n, "its"))
    {
      /* only before a word that the possessive cannot precede */
      const guchar *t = run->text;
      gsize a = e, z;
      gboolean verb = FALSE;
      if (a >= run->len || t[a] != ' ')
        return FALSE;
      a++;
      for (z = a; z < run->len && z - a < 8 && g_ascii_isalpha (t[z]); z++)
        ;
      if (z == a || (z < run->len && g_ascii_isalnum (t[z])))
        return FALSE;
      for (guint i = 0; tokenizer_its_verb_next[i] != NULL && !verb; i++)
        verb = tokenizer_its_verb_next[i][0] == (t[a] | 0x20)
               && tokenizer_eq_ci (t + a, z - a, tokenizer_its_verb_next[i]);
      if (!verb)
        return FALSE;
    }
  /* the caller's filter saw c0, cl < 26 and n <= 8 */
  for (guint k = tokenizer_fused_first[c0][cl][n]; k != 0;
       k = tokenizer_fused_next[k - 1])
    if (tokenizer_eq_ci (w, n, tokenizer_fused[k - 1].word))
      {
        guint split = tokenizer_fused[k - 1].split;
        tokenizer_emit (run, s, s + split, TOKENIZER_WORD);
        tokenizer_emit (run, s + split, e, TOKENIZER_WORD);
        return TRUE;
      }
  return FALSE;
}

/* Emits the token [s, e) of class @cls, a word split in two if it is a
 * fused form (cannot): a cheap filter on length, first and last letter
 * comes first, with one branch (a test per condition mispredicts on word
 * lengths).  Tokens that do not start and end with a letter pass it. */
static inline void
tokenizer_emit_class (TokenizerRun *run, gsize s, gsize e, guint cls)
{
  const guchar *w = run->text + s;
  gsize n = e - s;
  guint64 lengths = tokenizer_fused_lengths (w[0], w[n - 1]);

  if (G_UNLIKELY ((lengths >> MIN (n, 63)) & 1)
      && tokenizer_emit_fused (run, s, e))
    return;
  tokenizer_emit (run, s, e, cls);
}

/* Emits the word [s, e), split in two if it is a fused form. */
static inline void
tokenizer_emit_word (TokenizerRun *run, gsize s, gsize e)
{
  tokenizer_emit_class (run, s, e, TOKENIZER_WORD);
}

/* TRUE when only whitespace with a blank line, or nothing, follows @p. */
static gboolean
tokenizer_ends_paragraph (const TokenizerRun *run, gsize p)
{
  guint lines = 0;
  for (; p < run->len; p++)
    {
      guchar c = run->text[p];
      if (c == '\n')
        {
          if (++lines == 2)
            return TRUE;
        }
      else if (!(tokenizer_bytes[c] & TK_SPACE))
        return FALSE;
    }
  return TRUE;
}

/* TRUE when the period at @q glues two sentences typed without a space
 * ("quality.You", "anyone.Thanks"): a lower-case word of two letters or
 * more before it, and a capitalised word after it that ends there or
 * before punctuation (not a domain or file name, "site.Com.au", an
 * address, or a ticker, "<smbs.St>"). */
static gboolean
tokenizer_glued_sentence (const guchar *t, gsize ws, gsize seg, gsize q,
                          gsize b, gboolean dotted)
{
  gsize r;

  if (dotted || seg != ws || q - ws < 2 || q + 2 >= b
      || !g_ascii_isupper (t[q + 1]) || !g_ascii_islower (t[q + 2]))
    return FALSE;
  for (gsize i = ws; i < q; i++)
    if (!g_ascii_islower (t[i]))
      return FALSE;
  if (q - ws == 3 && memcmp (t + ws, "www", 3) == 0)
    return FALSE;
  for (r = q + 1; r < b && g_ascii_isalpha (t[r]); r++)
    ;
  /* the next word ends the chunk or is followed by punctuation a
   * sentence's first word can carry (not '>' of "<smbs.St>", a ticker) */
  return r == b || strchr (",;:!?'\")", t[r]) != NULL;
}

/* Scans a word starting at @p (a letter or mark) within [p, b); emits it
 * (and any contraction it holds) and returns the position after it. */
static gsize
tokenizer_scan_word (TokenizerRun *run, gsize p, gsize b)
{
  const guchar *t = run->text;
  gsize ws = p, seg = p, q = p;
  gboolean dotted = FALSE;
  guint l;

  for (;;)
    {
      /* letters, digits, marks */
      while (q < b)
        {
          if (t[q] < 0x80)
            {
              if (!(tokenizer_bytes[t[q]] & (TK_ALPHA | TK_DIGIT)))
                break;
              q++;
            }
          else
            {
              gunichar c = tokenizer_decode (t + q, &l);
              if (!tokenizer_is_wordchar (c))
                break;
              q += l;
            }
        }
      if (q >= b)
        break;
      {
        gunichar c = tokenizer_decode (t + q, &l);
        gunichar nx = 0;
        guint nl = 0;
        if (q + l < b)
          nx = tokenizer_decode (t + q + l, &nl);

        if (c == '.' && tokenizer_glued_sentence (t, ws, seg, q, b, dotted))
          break; /* "anyone.Thanks": a word, a full stop, a new sentence */
        if (c == '.' && nx != 0 && tokenizer_is_wordchar (nx))
          {
            /* inner period: U.S, e.g, example.com */
            q += l;
            seg = q;
            dotted = TRUE;
            continue;
          }
        if (tokenizer_is_apos (c) && nx != 0 && tokenizer_is_letter (nx))
          {
            gsize r = q + l, re = r;
            while (re < b)
              {
                guint ll;
                gunichar d = tokenizer_decode (t + re, &ll);
                if (!tokenizer_is_letter (d))
                  break;
                re += ll;
              }
            if (run->st->split_contractions)
              {
                if (tokenizer_is_clitic (t + r, re - r) && q > ws)
                  {
                    tokenizer_emit_word (run, ws, q);
                    tokenizer_emit (run, q, re, TOKENIZER_WORD);
                    return re;
                  }
                if (re - r == 1 && (t[r] == 't' || t[r] == 'T') && q - 1 > ws
                    && (t[q - 1] == 'n' || t[q - 1] == 'N'))
                  {
                    tokenizer_emit (run, ws, q - 1, TOKENIZER_WORD);
                    tokenizer_emit (run, q - 1, re, TOKENIZER_WORD);
                    return re;
                  }
              }
            /* O'Brien, rock'n'roll: one word */
            q = re;
            continue;
          }
        if (c == '-' && nx != 0 && tokenizer_is_wordchar (nx))
          {
            if (!run->st->split_hyphens || dotted
                || tokenizer_is_hyphen_prefix (t + seg, q - seg))
              {
                q += l;
                seg = q;
                continue;
              }
            break;
          }
        if (c == '/' && q - ws == 1 && tokenizer_is_letter (t[ws])
            && (nx == 0 || !tokenizer_is_wordchar (nx)
                || (tokenizer_is_letter (nx)
                    && (q + 2 >= b || !tokenizer_is_wordchar (t[q + 2])))))
          {
            /* b/c, w/o, w/ */
            q += nx != 0 && tokenizer_is_letter (nx) ? 2 : 1;
            break;
          }
        if ((c == '&' || c == '_') && nx != 0 && tokenizer_is_wordchar (nx)
            && (c == '_' || q - ws <= 3))
          {
            /* AT&T, R&D, snake_case */
            q += l;
            seg = q;
            continue;
          }
      }
      break;
    }
  /* an abbreviation keeps its period, unless more periods follow (Inc..
   * keeps one of two) or it ends the paragraph (then the period is the
   * full stop) */
  if (q < b && t[q] == '.'
      && (!(q + 1 < b && t[q + 1] == '.')
          || (q + 2 == b || (q + 2 < b && t[q + 2] != '.')))
      && !tokenizer_ends_paragraph (run, q + 1)
      && tokenizer_is_abbrev (run->st, t + ws, q - ws))
    {
      tokenizer_emit (run, ws, q + 1, TOKENIZER_WORD);
      return q + 1;
    }
  tokenizer_emit_word (run, ws, q);
  return q;
}

/* Number suffixes that stay on the number: 5th, 1990s. */
static gboolean
tokenizer_is_number_suffix (const guchar *s, gsize n)
{
  return (n == 1 && (s[0] == 's' || s[0] == 'S'))
         || (n == 2
             && (tokenizer_eq_ci (s, n, "st") || tokenizer_eq_ci (s, n, "nd")
                 || tokenizer_eq_ci (s, n, "rd")
                 || tokenizer_eq_ci (s, n, "th")));
}

/* Units written after a number that UD splits off: 5 m, 39 K, 10 pm. */
static gboolean
tokenizer_is_unit (const guchar *s, gsize n)
{
  static const char *const units[]
      = { "k",   "m",    "b",   "bn", "mn",  "mln", "bln", "mm",  "cm",
          "km",  "kg",   "g",   "mg", "lb",  "lbs", "oz",  "ft",  "in",
          "yd",  "mi",   "am",  "pm", "mph", "kph", "gb",  "mb",  "kb",
          "tb",  "ghz",  "mhz", "hz", "kw",  "mw",  "gw",  "kwh", "ml",
          "l",   "cc",   "hp",  "yr", "yrs", "hrs", "hr",  "min", "mins",
          "sec", "secs", "x",   "t",  "tn",  "bbl", "bpd", "pct", NULL };
  if (n > 4)
    return FALSE;
  for (guint i = 0; units[i] != NULL; i++)
    if (tokenizer_eq_ci (s, n, units[i]))
      return TRUE;
  return FALSE;
}

/* Scans a number starting at the digit @p within [p, b); emits it and
 * returns the position after it. */
static gsize
tokenizer_scan_number (TokenizerRun *run, gsize p, gsize b)
{
  const guchar *t = run->text;
  gsize q = p, group = p;

  while (q < b && tokenizer_is_digit (t[q]))
    q++;
  for (;;)
    {
      if (q + 1 < b && tokenizer_is_digit (t[q + 1])
          && (t[q] == ',' || t[q] == '.' || t[q] == ':' || t[q] == '/'))
        {
          q++;
          group = q;
          while (q < b && tokenizer_is_digit (t[q]))
            q++;
          continue;
        }
      if (q + 1 < b && t[q] == '-' && tokenizer_is_digit (t[q + 1]))
        {
          /* phone numbers stay whole: 3-5213, 853-3242, 713-664-7478 (a
           * group of 1 or 3 digits, then 4 digits, or 3 and another
           * hyphen); ranges such as 1998-2000 are split */
          gsize r = q + 1, before = q - group, after;
          while (r < b && tokenizer_is_digit (t[r]))
            r++;
          after = r - q - 1;
          if ((before == 1 || before == 3)
              && (after == 4 || (after == 3 && r < b && t[r] == '-')))
            {
              group = q + 1;
              q = r;
              continue;
            }
        }
      break;
    }
  /* 15-year-old stays whole when hyphens are not split */
  if (!run->st->split_hyphens && q + 1 < b && t[q] == '-'
      && (tokenizer_bytes[t[q + 1]] & (TK_ALPHA | TK_DIGIT)))
    return tokenizer_scan_word (run, p, b);
  /* 1980's: the number, then the clitic */
  if (q < b && (t[q] == '\'' || t[q] == 0xE2))
    {
      guint l;
      if (tokenizer_is_apos (tokenizer_decode (t + q, &l)) && q + l < b
          && (t[q + l] == 's' || t[q + l] == 'S')
          && (q + l + 1 >= b || !(tokenizer_bytes[t[q + l + 1]] & TK_ALPHA)))
        {
          if (run->st->split_contractions)
            {
              tokenizer_emit (run, p, q, TOKENIZER_NUMBER);
              tokenizer_emit (run, q, q + l + 1, TOKENIZER_WORD);
            }
          else
            tokenizer_emit (run, p, q + l + 1, TOKENIZER_NUMBER);
          return q + l + 1;
        }
    }
  /* letters right after the digits */
  if (q < b && t[q] < 0x80 && (tokenizer_bytes[t[q]] & TK_ALPHA))
    {
      gsize r = q;
      while (r < b && t[r] < 0x80
             && (tokenizer_bytes[t[r]] & (TK_ALPHA | TK_DIGIT)))
        r++;
      if (r < b && t[r] >= 0x80)
        {
          guint l;
          if (tokenizer_is_wordchar (tokenizer_decode (t + r, &l)))
            goto out_word;
        }
      if (tokenizer_is_number_suffix (t + q, r - q))
        q = r;
      else if (!tokenizer_is_unit (t + q, r - q))
        {
        out_word:
          /* 4gamer, 3D: a word that starts with digits */
          return tokenizer_scan_word (run, p, b);
        }
    }
  tokenizer_emit (run, p, q, TOKENIZER_NUMBER);
  return q;
}

/* TRUE when the character at @p is a letter (after # or @). */
static gboolean
tokenizer_starts_name (const guchar *p)
{
  guint l;
  return tokenizer_is_letter (tokenizer_decode (p, &l));
}

/* TRUE for punctuation that ends sentences and merges into runs: . ! ? */
static inline gboolean
tokenizer_is_stop (guchar c)
{
  return c == '.' || c == '!' || c == '?';
}

/* TRUE for decorative characters that merge into runs: -- == ** __ ~~ */
static inline gboolean
tokenizer_is_deco (guchar c)
{
  return c == '-' || c == '=' || c == '*' || c == '_' || c == '~';
}

/* TRUE when the emoticon at @p (starting with : ; or =) ends at *@end. */
static gboolean
tokenizer_emoticon (const guchar *t, gsize p, gsize b, gsize *end)
{
  gsize q = p + 1;
  if (q < b && (t[q] == '-' || t[q] == '\''))
    q++;
  if (q >= b)
    return FALSE;
  switch (t[q])
    {
    case ')':
    case '(':
    case 'D':
    case 'P':
    case 'p':
    case '/':
    case '\\':
    case '|':
    case ']':
    case '[':
    case 'O':
    case 'o':
    case '*':
      break;
    default:
      return FALSE;
    }
  q++;
  /* ":D" and friends must not run into a word: "re:Deal" */
  if (q < b && t[q] < 0x80 && (tokenizer_bytes[t[q]] & (TK_ALPHA | TK_DIGIT)))
    return FALSE;
  if (t[q - 1] == '/' && q < b && t[q] == '/')
    return FALSE;
  *end = q;
  return TRUE;
}

/* Scans a punctuation or symbol token at @p within [p, b); emits it and
 * returns the position after it. */
static gsize
tokenizer_scan_punct (TokenizerRun *run, gsize p, gsize b)
{
  const guchar *t = run->text;
  guint l;
  gunichar c = tokenizer_decode (t + p, &l);
  gsize q = p + l;

  if (c < 0x80)
    {
      switch (c)
        {
        case '.':
        case '!':
        case '?':
          if (c == '.' && q < b && t[q] == '.')
            {
              /* an ellipsis stands alone: ...? is ... and ? */
              while (q < b && t[q] == '.')
                q++;
              tokenizer_emit (run, p, q, TOKENIZER_PUNCT);
              return q;
            }
          while (q < b && tokenizer_is_stop (t[q]))
            q++;
          tokenizer_emit (run, p, q, TOKENIZER_PUNCT);
          return q;
        case ':':
        case ';':
        case '=':
          {
            gsize e;
            if (tokenizer_emoticon (t, p, b, &e))
              {
                tokenizer_emit (run, p, e, TOKENIZER_EMOTICON);
                return e;
              }
            if (c == ':')
              {
                while (q < b && (t[q] == '?' || t[q] == '!'))
                  q++;
                tokenizer_emit (run, p, q, TOKENIZER_PUNCT);
                return q;
              }
            if (c == ';')
              {
                tokenizer_emit (run, p, q, TOKENIZER_PUNCT);
                return q;
              }
          }
          /* '=' falls through to the decorative runs */
          /* fallthrough */
        case '-':
        case '*':
        case '_':
        case '~':
          while (q < b && tokenizer_is_deco (t[q]))
            q++;
          tokenizer_emit (run, p, q,
                          (c == '-' || c == '_') ? TOKENIZER_PUNCT
                                                 : TOKENIZER_SYMBOL);
          return q;
        case '"':
        case '`':
          if (c == '`' && q < b && t[q] == '`')
            q++;
          tokenizer_emit (run, p, q, TOKENIZER_QUOTE);
          return q;
        case '\'':
          if (q < b && t[q] == '\'')
            q++;
          tokenizer_emit (run, p, q, TOKENIZER_QUOTE);
          return q;
        case '#':
        case '@':
          if (q < b && tokenizer_starts_name (t + q))
            {
              while (q < b)
                {
                  guint ll;
                  gunichar d = tokenizer_decode (t + q, &ll);
                  if (d == '.' && c == '@' && q + 1 < b
                      && (tokenizer_bytes[t[q + 1]] & TK_ALPHA))
                    ll = 1; /* @example.com */
                  else if (!tokenizer_is_wordchar (d) && d != '_')
                    break;
                  q += ll;
                }
              tokenizer_emit (run, p, q,
                              c == '#' ? TOKENIZER_HASHTAG : TOKENIZER_MENTION);
              return q;
            }
          break;
        case '(':
        case ')':
        case '[':
        case ']':
        case '{':
        case '}':
        case ',':
          tokenizer_emit (run, p, q, TOKENIZER_PUNCT);
          return q;
        default:
          break;
        }
      /* other ASCII: runs of the same character */
      while (q < b && t[q] == c)
        q++;
      tokenizer_emit (run, p, q,
                      (c == '/' || c == '\\' || c == '&' || c == '<' || c == '>'
                       || c == '+' || c == '%' || c == '$' || c == '^'
                       || c == '|')
                          ? TOKENIZER_SYMBOL
                          : TOKENIZER_PUNCT);
      return q;
    }

  /* non-ASCII */
  switch (c)
    {
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A: /* ‚ */
    case 0x201E: /* „ */
    case 0x201F:
    case 0x201B:
    case 0x00AB: /* « */
    case 0x00BB: /* » */
    case 0x2039: /* ‹ */
    case 0x203A: /* › */
    case 0x2032: /* ′ */
    case 0x2033: /* ″ */
      tokenizer_emit (run, p, q, TOKENIZER_QUOTE);
      return q;
    default:
      break;
    }
  {
    GUnicodeType type = g_unichar_type (c);
    guint cls = (type >= G_UNICODE_CONNECT_PUNCTUATION
                 && type <= G_UNICODE_OPEN_PUNCTUATION)
                    ? TOKENIZER_PUNCT
                    : TOKENIZER_SYMBOL;
    /* runs of the same character (……, ——), then marks and joiners that
     * belong to an emoji */
    for (;;)
      {
        guint ll;
        gunichar d;
        if (q >= b)
          break;
        d = tokenizer_decode (t + q, &ll);
        if (d == c || g_unichar_ismark (d) || d == 0xFE0F || d == 0xFE0E
            || (d >= 0x1F3FB && d <= 0x1F3FF))
          q += ll;
        else if (d == 0x200D && q + ll < b)
          {
            guint l2;
            tokenizer_decode (t + q + ll, &l2);
            q += ll + l2;
          }
        else
          break;
      }
    tokenizer_emit (run, p, q, cls);
    return q;
  }
}

/* Tokenizes [a, b): no whitespace, no URL or e-mail inside. */
static void
tokenizer_plain (TokenizerRun *run, gsize a, gsize b)
{
  const guchar *t = run->text;
  gsize p = a;

  while (p < b)
    {
      guchar c = t[p];
      if (c < 0x80)
        {
          guint8 f = tokenizer_bytes[c];
          if (f & TK_ALPHA)
            p = tokenizer_scan_word (run, p, b);
          else if (f & TK_DIGIT)
            p = tokenizer_scan_number (run, p, b);
          else
            p = tokenizer_scan_punct (run, p, b);
        }
      else
        {
          guint l;
          gunichar u = tokenizer_decode (t + p, &l);
          if (tokenizer_is_wordchar (u) && !g_unichar_ismark (u))
            p = tokenizer_scan_word (run, p, b);
          else
            p = tokenizer_scan_punct (run, p, b);
        }
    }
}

/* Characters allowed in the local part of an e-mail address. */
static inline gboolean
tokenizer_is_local (guchar c)
{
  return (c < 0x80 && (tokenizer_bytes[c] & (TK_ALPHA | TK_DIGIT))) || c == '.'
         || c == '_' || c == '%' || c == '+' || c == '-';
}

/* Characters allowed in a host name. */
static inline gboolean
tokenizer_is_host (guchar c)
{
  return (c < 0x80 && (tokenizer_bytes[c] & (TK_ALPHA | TK_DIGIT))) || c == '-';
}

/* Characters that end a URL when they come last: trailing punctuation. */
static inline gboolean
tokenizer_is_url_trail (guchar c)
{
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?'
         || c == '\'' || c == '"' || c == ')' || c == ']' || c == '}'
         || c == '>' || c >= 0x80;
}

/* Finds the end of a host name at @p (labels with at least one dot);
 * returns @p when there is none. */
static gsize
tokenizer_host_end (const guchar *t, gsize p, gsize b, gboolean need_dot)
{
  gsize q = p, last = p;
  gboolean dot = FALSE;

  while (q < b && tokenizer_is_host (t[q]))
    {
      while (q < b && tokenizer_is_host (t[q]))
        q++;
      last = q;
      if (q + 1 < b && t[q] == '.' && tokenizer_is_host (t[q + 1]))
        {
          dot = TRUE;
          q++;
        }
      else
        break;
    }
  if (need_dot && !dot)
    return p;
  return last;
}

/* Finds the first URL or e-mail in [p, b) from position @from on; returns
 * TRUE and its span and class, or FALSE. */
static gboolean
tokenizer_find_special (const guchar *t, gsize p, gsize from, gsize b,
                        gsize *ss, gsize *se, guint *cls)
{
  for (gsize i = from; i < b; i++)
    {
      guchar c = t[i];
      if (c == '@' && i > p && i + 1 < b && tokenizer_is_local (t[i - 1]))
        {
          gsize s = i, e;
          while (s > p && tokenizer_is_local (t[s - 1]))
            s--;
          while (s < i && !(tokenizer_bytes[t[s]] & (TK_ALPHA | TK_DIGIT)))
            s++;
          e = tokenizer_host_end (t, i + 1, b, FALSE);
          if (s < i && e > i + 1)
            {
              *ss = s;
              *se = e;
              *cls = TOKENIZER_EMAIL;
              return TRUE;
            }
        }
      else if ((c == ':' && i + 2 < b && t[i + 1] == '/' && t[i + 2] == '/'
                && i > p && (tokenizer_bytes[t[i - 1]] & TK_ALPHA))
               || ((c == 'w' || c == 'W') && i + 4 < b
                   && g_ascii_strncasecmp ((const char *)t + i, "www.", 4) == 0
                   && (i == p
                       || !(tokenizer_bytes[t[i - 1]]
                            & (TK_ALPHA | TK_DIGIT)))))
        {
          gsize s = i, e = b;
          gint open = 0;
          if (c == ':')
            {
              while (s > p && (tokenizer_bytes[t[s - 1]] & TK_ALPHA))
                s--;
            }
          /* the URL runs to the end of the chunk, minus trailing
           * punctuation (keeping a balanced closing parenthesis) */
          for (gsize k = s; k < b; k++)
            if (t[k] == '(')
              open++;
          while (e > s + 4 && tokenizer_is_url_trail (t[e - 1]))
            {
              if (t[e - 1] == ')' && open > 0)
                break;
              if (t[e - 1] >= 0x80)
                {
                  /* back up over a whole non-ASCII character */
                  gsize k = e - 1;
                  while (k > s && (t[k] & 0xC0) == 0x80)
                    k--;
                  e = k;
                }
              else
                e--;
            }
          if (c == 'w' || c == 'W')
            {
              if (tokenizer_host_end (t, i, b, TRUE) == i)
                continue;
            }
          *ss = s;
          *se = e;
          *cls = TOKENIZER_URL;
          return TRUE;
        }
    }
  return FALSE;
}

/* Tokenizes one whitespace-free chunk [a, b) with byte classes @flags. */
static void
tokenizer_chunk (TokenizerRun *run, gsize a, gsize b, guint flags)
{
  gsize p = a, from = a;

  if (flags == TK_ALPHA)
    {
      tokenizer_emit_word (run, a, b);
      return;
    }
  if (flags == TK_DIGIT)
    {
      tokenizer_emit (run, a, b, TOKENIZER_NUMBER);
      return;
    }
  if (flags & (TK_AT | TK_COLON | TK_DOT))
    {
      gsize ss, se;
      guint cls;
      while (from < b
             && tokenizer_find_special (run->text, p, from, b, &ss, &se, &cls))
        {
          tokenizer_plain (run, p, ss);
          tokenizer_emit (run, ss, se, cls);
          p = from = se;
        }
    }
  tokenizer_plain (run, p, b);
}

/* Returns the end of the run of ASCII letters at @p, eight bytes at a
 * time. */
static inline gsize
tokenizer_skip_letters (const guchar *t, gsize p, gsize n)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);

  while (p + 8 <= n)
    {
      guint64 x, y, letters, other;
      memcpy (&x, t + p, 8);
      x = GUINT64_FROM_LE (x);
      /* lower-case; a byte is a letter iff 'a' <= y <= 'z' (no byte
       * carries, since non-ASCII bytes are caught first) */
      y = (x | (0x20 * ones)) & ~high;
      letters = (y + (0x80 - 'a') * ones) & ~(y + (0x80 - 'z' - 1) * ones) & ~x
                & high;
      other = ~letters & high;
      if (other != 0)
        return p + (__builtin_ctzll (other) >> 3);
      p += 8;
    }
  while (p < n && (tokenizer_bytes[t[p]] & TK_ALPHA))
    p++;
  return p;
}

#ifdef TOKENIZER_BLOCKS
/* The byte classes of a 64-byte block, a bit per byte. */
typedef struct {
  guint64 letters; /* ASCII letters */
  guint64 digits;  /* ASCII digits */
  guint64 spaces;  /* ASCII whitespace */
  guint64 commas;  /* ',' */
  guint64 periods; /* '.' */
  guint64 marks;   /* ':' '/' */
  guint64 hyphens; /* '-' */
} TokenizerBlock;

/* The bits of the sixteen bytes @v equal to @c, moved to bit @k * 16. */
static inline guint64
tokenizer_block_eq (__m128i v, char c, guint k)
{
  return (guint64)(guint)_mm_movemask_epi8 (
             _mm_cmpeq_epi8 (v, _mm_set1_epi8 (c)))
         << (16 * k);
}

/* Adds to @blk the classes of the sixteen bytes at @t + 16 * @k. */
static inline void
tokenizer_block_part (const guchar *t, guint k, TokenizerBlock *blk)
{
  const __m128i lower = _mm_set1_epi8 (0x20);
  const __m128i to_a = _mm_set1_epi8 ((char)(0x80 - 'a'));
  const __m128i az = _mm_set1_epi8 ((char)(-128 + 26));
  const __m128i to_tab = _mm_set1_epi8 ((char)(0x80 - '\t'));
  const __m128i tabs = _mm_set1_epi8 ((char)(-128 + 5));
  const __m128i to_0 = _mm_set1_epi8 ((char)(0x80 - '0'));
  const __m128i ten = _mm_set1_epi8 ((char)(-128 + 10));
  __m128i v = _mm_loadu_si128 ((const __m128i *)(t + 16 * k));
  /* each range moved to start at -128 for one signed test: a..z after
   * lower-casing, 0..9, \t..\r */
  __m128i x = _mm_add_epi8 (_mm_or_si128 (v, lower), to_a);
  __m128i y = _mm_add_epi8 (v, to_tab);
  __m128i z = _mm_add_epi8 (v, to_0);

  blk->letters |= (guint64)(guint)_mm_movemask_epi8 (_mm_cmplt_epi8 (x, az))
                  << (16 * k);
  blk->digits |= (guint64)(guint)_mm_movemask_epi8 (_mm_cmplt_epi8 (z, ten))
                 << (16 * k);
  blk->spaces |= (guint64)(guint)_mm_movemask_epi8 (_mm_cmplt_epi8 (y, tabs))
                     << (16 * k)
                 | tokenizer_block_eq (v, ' ', k);
  blk->commas |= tokenizer_block_eq (v, ',', k);
  blk->periods |= tokenizer_block_eq (v, '.', k);
  blk->marks |= tokenizer_block_eq (v, ':', k) | tokenizer_block_eq (v, '/', k);
  blk->hyphens |= tokenizer_block_eq (v, '-', k);
}

/* Fills @blk for the 64 bytes at @t, sixteen bytes per step (SSE2 is part
 * of x86-64), written out four times rather than looped: the compiler
 * then keeps the masks in registers. */
static inline void
tokenizer_block_masks (const guchar *t, TokenizerBlock *blk)
{
  memset (blk, 0, sizeof *blk);
  tokenizer_block_part (t, 0, blk);
  tokenizer_block_part (t, 1, blk);
  tokenizer_block_part (t, 2, blk);
  tokenizer_block_part (t, 3, blk);
}

/* The double quotes, parentheses and angle brackets (< >) of the 64 bytes
 * at @t: tokens of one byte wherever they stand in a chunk without a URL
 * or address.  Classified only for blocks that stop at one of them. */
static void
tokenizer_block_singles (const guchar *t, guint64 *quotes, guint64 *parens,
                         guint64 *angles)
{
  *quotes = *parens = *angles = 0;
  for (guint k = 0; k < 4; k++)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)(t + 16 * k));
      *quotes |= tokenizer_block_eq (v, '"', k);
      /* ( ) and < > differ in one bit */
      *parens
          |= tokenizer_block_eq (_mm_and_si128 (v, _mm_set1_epi8 (~1)), '(', k);
      *angles
          |= tokenizer_block_eq (_mm_and_si128 (v, _mm_set1_epi8 (~2)), '<', k);
    }
}

/* The class of a token of a block by its first byte: a letter starts a
 * word, a digit a number; the others are tokens of one byte. */
static guint8 tokenizer_block_class[256];

/* Fills tokenizer_block_class once (called from tokenizer_bytes_init). */
static void
tokenizer_block_init (void)
{
  for (guint c = 0; c < 256; c++)
    tokenizer_block_class[c]
        = g_ascii_isdigit (c)    ? TOKENIZER_NUMBER
          : c == '"'             ? TOKENIZER_QUOTE
          : c == '<' || c == '>' ? TOKENIZER_SYMBOL
          : c == ',' || c == '.' || c == '-' || c == '(' || c == ')'
              ? TOKENIZER_PUNCT
              : TOKENIZER_WORD;
}

/* TRUE for the bytes tokenizer_block_singles classifies. */
static inline gboolean
tokenizer_block_is_single (guchar c)
{
  return c == '"' || c == '(' || c == ')' || c == '<' || c == '>';
}

/* Joins the word parts around the hyphens of @hyphens (between letters,
 * in @starts and @ends as tokens of their own) where the part before is a
 * prefix that keeps its hyphen (e-mail, co-operate), as tokenizer_scan_word
 * does; @runs are the first bytes of the letter runs. */
static inline void
tokenizer_block_prefixes (const TokenizerRun *run, gsize p, guint64 hyphens,
                          guint64 runs, guint64 *starts, guint64 *ends)
{
  for (; hyphens != 0; hyphens &= hyphens - 1)
    {
      guint q = (guint)__builtin_ctzll (hyphens);
      guint64 bit = G_GUINT64_CONSTANT (1) << q;
      guint seg = 63 - (guint)__builtin_clzll (runs & (bit - 1));
      if (tokenizer_is_hyphen_prefix (run->text + p + seg, q - seg))
        {
          *starts &= ~(bit | bit << 1);
          *ends &= ~(bit | bit << 1);
        }
    }
}

/* Lets an abbreviation before a period of @periods (in @starts and @ends
 * as a token of its own) take it (U.S., Inc.), as tokenizer_run does. */
static inline void
tokenizer_block_abbrevs (TokenizerRun *run, gsize p, guint64 periods,
                         guint64 *starts, guint64 *ends)
{
  for (; periods != 0; periods &= periods - 1)
    {
      guint q = (guint)__builtin_ctzll (periods);
      guint64 bit = G_GUINT64_CONSTANT (1) << q;
      guint ws = 63 - (guint)__builtin_clzll (*starts & (bit - 1));
      if (!tokenizer_ends_paragraph (run, p + q + 1)
          && tokenizer_is_abbrev (run->st, run->text + p + ws, q - ws))
        {
          *starts &= ~bit;
          *ends &= ~bit;
        }
    }
}

/* Emits the tokens [@p + s, @p + e) for the bits s of @starts and e of
 * @ends in order, each as tokenizer_emit_class would, in one loop with
 * local copies of the buffer's state: a block has at most 64 tokens, so
 * the room is made once, and stores to the classes (bytes, which may
 * alias anything) do not make the compiler reload the run's fields. */
static inline void
tokenizer_block_emit (TokenizerRun *run, gsize p, guint64 starts, guint64 ends)
{
  const guchar *t = run->text + p;
  guint32 *spans = run->spans;
  guint8 *classes = run->classes;
  guint i;

  if (run->n_pending + 64 > TOKENIZER_BUFFER)
    tokenizer_flush (run);
  i = run->n_pending;
  while (ends != 0)
    {
      guint s = (guint)__builtin_ctzll (starts);
      guint e = (guint)__builtin_ctzll (ends);
      guchar c = t[s];
      guint64 lengths = tokenizer_fused_lengths (c, t[e - 1]);
      starts &= starts - 1;
      ends &= ends - 1;
      /* a token of a block is shorter than 64 bytes */
      if (G_UNLIKELY ((lengths >> ((e - s) & 63)) & 1))
        {
          gboolean fused;
          run->n_pending = i;
          fused = tokenizer_emit_fused (run, p + s, p + e);
          i = run->n_pending;
          if (fused)
            continue;
        }
      spans[2 * i] = (guint32)(p + s);
      spans[2 * i + 1] = (guint32)(p + e);
      /* the class follows from the first byte here */
      classes[i] = tokenizer_block_class[c];
      i++;
    }
  run->n_pending = i;
}

/* Emits the plain tokens among the 64 bytes at the chunk start @p, as the
 * general scan would, but without a branch per byte or per token boundary:
 * most news text is such tokens.  Plain are runs of ASCII letters (words)
 * or of ASCII digits with , . : / between digits (numbers: 1,700 13.6
 * 3/8), words joined by hyphens, and a comma or a period between a word or
 * number and whitespace (an abbreviation keeps its period, as in
 * tokenizer_run).  Only whole chunks before the first byte that is none of
 * these (or where letters and digits meet, "1990s") are taken.  The byte
 * classes are read from the 64 bytes at @win, in which byte @p is at @sh:
 * at the end of the text (@sh > 0), the text's last 64 bytes, the bytes
 * past its end read as blanks (the end of the text ends a chunk as a blank
 * does).  Returns where the general scan goes on (a chunk start, at most
 * the text's end); stores in *@retry where the next block may start: after
 * that byte (its chunk goes the general way), or at once when the block
 * stopped at none (its last chunk, cut by the block's end, starts the next
 * block).  Inline: tokenizer_block and tokenizer_block_end are its two
 * cases. */
static inline __attribute__ ((always_inline)) gsize
tokenizer_block_at (TokenizerRun *run, gsize p, const guchar *win, guint sh,
                    gsize *retry)
{
  TokenizerBlock b;
  guint64 numbers, alnum, stops, hyphens, other, ahead, below, starts, ends;
  guint64 quotes = 0, parens = 0, angles = 0, singles = 0;
  guint limit, cut;

  tokenizer_block_masks (win, &b);
  if (sh != 0)
    {
      b.letters >>= sh;
      b.digits >>= sh;
      b.spaces = b.spaces >> sh | ~G_GUINT64_CONSTANT (0) << (64 - sh);
      b.commas >>= sh;
      b.periods >>= sh;
      b.marks >>= sh;
      b.hyphens >>= sh;
    }
  /* separators inside numbers count as digits */
  numbers = b.digits
            | ((b.commas | b.periods | b.marks) & (b.digits << 1)
               & (b.digits >> 1));
  alnum = b.letters | numbers;
  /* a hyphen between letters (split or kept by the prefix test), or one
   * standing alone between whitespace (a dash: "Feb 26 - Showers") */
  hyphens = (run->st->split_hyphens
                 ? b.hyphens & (b.letters << 1) & (b.letters >> 1)
                 : 0)
            | (b.hyphens & ((b.spaces << 1) | 1) & (b.spaces >> 1));
  for (guint pass = 0;; pass++)
    {
      /* a comma or a period is plain after a letter, a digit or a
       * one-byte token and before whitespace or a one-byte token */
      stops = (b.commas | b.periods) & ((alnum | singles) << 1)
              & ((b.spaces | singles) >> 1);
      other = ~(alnum | b.spaces | stops | hyphens | singles)
              | (b.letters & (numbers << 1)) | (numbers & (b.letters << 1));
      limit = other != 0 ? (guint)__builtin_ctzll (other) : 64;
      /* the block stops at a quote or bracket: take those too */
      if (pass > 0 || other == 0
          || !tokenizer_block_is_single (run->text[p + limit]))
        break;
      tokenizer_block_singles (win, &quotes, &parens, &angles);
      quotes >>= sh;
      parens >>= sh;
      angles >>= sh;
      /* a run of angle brackets (<<) is one token: left to the general
       * scan */
      angles &= ~(angles << 1) & ~(angles >> 1);
      singles = quotes | parens | angles;
    }
  *retry = other != 0 ? p + limit + 1 : p;
  /* whole chunks only: up to the last whitespace before the limit */
  ahead = limit == 64 ? b.spaces
                      : b.spaces & ((G_GUINT64_CONSTANT (1) << limit) - 1);
  if (ahead == 0)
    return p;
  cut = 64 - (guint)__builtin_clzll (ahead);
  below = cut == 64 ? ~G_GUINT64_CONSTANT (0)
                    : (G_GUINT64_CONSTANT (1) << cut) - 1;
  /* byte p is a chunk start: no letter or digit before it */
  starts = ((alnum & ~(alnum << 1)) | stops | hyphens | singles) & below;
  ends = ((~alnum & (alnum << 1)) | ((stops | hyphens | singles) << 1)) & below;
  if (hyphens & b.letters << 1 & below)
    tokenizer_block_prefixes (run, p, hyphens & b.letters << 1 & below,
                              b.letters & ~(b.letters << 1), &starts, &ends);
  if (b.periods & stops & (b.letters << 1) & below)
    tokenizer_block_abbrevs (
        run, p, b.periods & stops & (b.letters << 1) & below, &starts, &ends);
  tokenizer_block_emit (run, p, starts, ends);
  return MIN (p + cut, run->len);
}

/* tokenizer_block_at for the 64 bytes at @p, all in the text. */
static gsize
tokenizer_block (TokenizerRun *run, gsize p, gsize *retry)
{
  return tokenizer_block_at (run, p, run->text + p, 0, retry);
}

/* tokenizer_block_at for the last bytes of the text, from @p (fewer than
 * 64): most documents are short, and their ends would all take the
 * general way.  The window is the text's last 64 bytes, or a copy padded
 * with blanks when the text is shorter. */
static gsize
tokenizer_block_end (TokenizerRun *run, gsize p, gsize *retry)
{
  guchar tail[64];

  if (run->len >= 64)
    return tokenizer_block_at (run, p, run->text + run->len - 64,
                               (guint)(64 - (run->len - p)), retry);
  memset (tail, ' ', sizeof tail);
  memcpy (tail, run->text + p, run->len - p);
  return tokenizer_block_at (run, p, tail, 0, retry);
}
#endif

/* Tokenizes the whole text. */
static void
tokenizer_run (TokenizerRun *run)
{
  const guchar *t = run->text;
  gsize n = run->len, p = 0;
#ifdef TOKENIZER_BLOCKS
  gsize block_from = 0; /* no plain-word block before this byte */
#endif

  while (p < n)
    {
      gsize cs;
      guint flags = 0;

      /* skip whitespace */
      while (p < n)
        {
          guchar c = t[p];
          if (c < 0x80)
            {
              if (!(tokenizer_bytes[c] & TK_SPACE))
                break;
              p++;
            }
          else
            {
              guint l;
              if (!tokenizer_is_uspace (tokenizer_decode (t + p, &l)))
                break;
              p += l;
            }
        }
      if (p >= n)
        break;
#ifdef TOKENIZER_BLOCKS
      if (p >= block_from)
        {
          gsize q = p + 64 <= n ? tokenizer_block (run, p, &block_from)
                                : tokenizer_block_end (run, p, &block_from);
          if (q != p)
            {
              p = q;
              continue;
            }
        }
#endif
      /* the chunk up to the next whitespace; most chunks are a plain
       * word, or a word and a comma or period: take those directly */
      cs = p;
      p = tokenizer_skip_letters (t, p, n);
      if (p > cs)
        {
          guchar c = p < n ? t[p] : ' ';
          guchar d = p + 1 < n ? t[p + 1] : ' ';
          if (tokenizer_bytes[c] & TK_SPACE)
            {
              tokenizer_emit_word (run, cs, p);
              continue;
            }
          if ((c == ',' || c == '.') && (tokenizer_bytes[d] & TK_SPACE))
            {
              if (c == '.' && !tokenizer_ends_paragraph (run, p + 1)
                  && tokenizer_is_abbrev (run->st, t + cs, p - cs))
                tokenizer_emit (run, cs, p + 1, TOKENIZER_WORD);
              else
                {
                  tokenizer_emit_word (run, cs, p);
                  tokenizer_emit (run, p, p + 1, TOKENIZER_PUNCT);
                }
              p++;
              continue;
            }
          flags = TK_ALPHA;
        }
      while (p < n)
        {
          guchar c = t[p];
          guint8 f = tokenizer_bytes[c];
          if (f & TK_SPACE)
            break;
          if (f & TK_HIGH)
            {
              guint l;
              if (tokenizer_is_uspace (tokenizer_decode (t + p, &l)))
                break;
              p += l;
            }
          else
            p++;
          flags |= f;
        }
      tokenizer_chunk (run, cs, p, flags);
    }
}

/* Adds the lines of @path to the abbreviation tables. */
static gboolean
tokenizer_load_abbrevs (TokenizerState *st, const char *path, GError **error)
{
  char *contents = NULL;
  char **lines = NULL;
  gsize len;
  GError *local = NULL;

  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_IO,
                   "cannot read abbreviations file: %s", local->message);
      g_error_free (local);
      return FALSE;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *w = g_strstrip (lines[i]);
      gsize n = strlen (w);
      gboolean lower = TRUE;
      if (n == 0 || w[0] == '#')
        continue;
      if (w[n - 1] == '.')
        w[--n] = '\0';
      if (n == 0)
        continue;
      for (gsize k = 0; k < n; k++)
        if (g_ascii_isupper (w[k]))
          lower = FALSE;
      tokenizer_add_abbrev (st, w, n, lower);
    }
  g_strfreev (lines);
  g_free (contents);
  return TRUE;
}

/* Frees the stage state. */
static void
tokenizer_destroy (gpointer state)
{
  TokenizerState *st = state;
  if (st == NULL)
    return;
  g_hash_table_unref (st->abbrev_any);
  g_hash_table_unref (st->abbrev_exact);
  g_free (st);
}

/* Builds the abbreviation tables and reads the options. */
static gboolean
tokenizer_init (const TpOptions *options, gpointer *state, GError **error)
{
  TokenizerState *st = g_new0 (TokenizerState, 1);
  const char *path;

  tokenizer_bytes_init ();
  st->abbrev_any
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->abbrev_exact
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; tokenizer_builtin_abbrevs[i] != NULL; i++)
    {
      const char *w = tokenizer_builtin_abbrevs[i];
      tokenizer_add_abbrev (st, w, strlen (w), !g_ascii_isupper (w[0]));
    }
  st->split_contractions = tp_options_get_bool (options, "split_contractions");
  st->split_hyphens = tp_options_get_bool (options, "split_hyphens");
  path = tp_options_get_path (options, "abbreviations");
  if (path != NULL && path[0] != '\0')
    {
      if (!tokenizer_load_abbrevs (st, path, error))
        goto out_free_state;
    }
  *state = st;
  return TRUE;

out_free_state:
  tokenizer_destroy (st);
  return FALSE;
}

/* Nothing to flush at the end of input. */
static gboolean
tokenizer_finish (gpointer state, GError **error)
{
  return TRUE;
}

/* Adds the token layer to one document. */
static gboolean
tokenizer_process (gpointer state, TpDocument *doc, GError **error)
{
  TokenizerRun run;
  TpLayer *layer;

  layer = tp_document_add_layer (doc, "token", tokenizer_attrs, error);
  if (layer == NULL)
    return FALSE;
  run.text = (const guchar *)tp_document_get_text (doc);
  run.len = tp_document_get_length (doc);
  run.layer = layer;
  run.class_attr = 0;
  run.st = state;
  run.n_pending = 0;
  tokenizer_run (&run);
  tokenizer_flush (&run);
  return TRUE;
}

TP_PLUGIN_DEFINE (.name = "tokenizer", .version = "1.1.0",
                  .description = "English tokens, UD-style (words, numbers, "
                                 "punctuation, URLs, e-mails)",
                  .license = "MIT", .flags = TP_PLUGIN_FLAG_THREAD_SAFE,
                  .produces = tokenizer_produces, .options = tokenizer_options,
                  .init = tokenizer_init, .process = tokenizer_process,
                  .finish = tokenizer_finish, .destroy = tokenizer_destroy);
