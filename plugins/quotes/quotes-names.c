/* quotes-names.c: pass 2 of the quote engine: names.
 *
 * Name mentions (capitalised runs), each surname's fullest form, the
 * titles given with a name, and the look-ups that resolve short names,
 * offices ("the prime minister") and pronoun fallbacks.
 */
#include "quotes-engine-private.h"

/* ------------------------------------------------------------------ */
/* Pass 2: names                                                       */
/* ------------------------------------------------------------------ */

/* Gender told by a title word, 0 when it tells none. */
gint
quotes_title_gender (const QuotesDoc *doc, gsize s, gsize e)
{
  if (quotes_in_set (doc->config->sets[QUOTES_SET_MALE], doc->text, s, e))
    return 1;
  if (quotes_in_set (doc->config->sets[QUOTES_SET_FEMALE], doc->text, s, e))
    return 2;
  return 0;
}

/* Whether the word [s, e) is a title word, also with a prefix such as
 * "co-" or "vice-" ("co-chairman", "ex-minister"). */
gboolean
quotes_is_title (const QuotesDoc *doc, gsize s, gsize e)
{
  static const char *const prefixes[]
      = { "co-", "vice-", "deputy-", "ex-", "joint-", NULL };

  const char *w = doc->text + s;

  if (quotes_in_set (doc->config->titles, doc->text, s, e))
    return TRUE;
  if (e - s < 5)
    return FALSE;
  /* each prefix's hyphen is byte 2, 4, 5 or 6 of the word: without one
   * there, no prefix can match */
  if (w[2] != '-' && w[4] != '-' && !(e - s > 5 && w[5] == '-')
      && !(e - s > 6 && w[6] == '-'))
    return FALSE;
  for (guint k = 0; prefixes[k]; k++)
    {
      gsize n = strlen (prefixes[k]);
      if (e - s > n + 2
          && g_ascii_strncasecmp (doc->text + s, prefixes[k], n) == 0)
        return quotes_in_set (doc->config->titles, doc->text, s + n, e);
    }
  return FALSE;
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
gboolean
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
gboolean
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

/* ------------------------------------------------------------------ */
/* Name tables and the engine's scratch buffers                        */
/* ------------------------------------------------------------------ */

/* Sets up an empty name table. */
static void
quotes_name_table_init (QuotesNameTable *t)
{
  t->mask = 63;
  t->slots = g_new0 (QuotesNameSlot, t->mask + 1);
  t->n = 0;
  t->gen = 1; /* slots of generation 0 are empty */
}

/* Empties @t for the next document without touching its slots (unless
 * the generation number wraps around). */
static void
quotes_name_table_reset (QuotesNameTable *t)
{
  t->n = 0;
  if (++t->gen == 0)
    {
      memset (t->slots, 0, (t->mask + 1) * sizeof *t->slots);
      t->gen = 1;
    }
}

/* The slot of @t that holds the @n bytes @key (hash @h), or the empty
 * slot where it would go. */
static QuotesNameSlot *
quotes_name_table_slot (const QuotesNameTable *t, const char *key, gsize n,
                        guint32 h)
{
  for (guint i = h & t->mask;; i = (i + 1) & t->mask)
    {
      QuotesNameSlot *sl = &t->slots[i];
      if (sl->gen != t->gen
          || (sl->hash == h && sl->len == n && memcmp (sl->key, key, n) == 0))
        return sl;
    }
}

/* The name of the @n bytes @key in @t, or NULL. */
static QuotesName *
quotes_name_table_get (const QuotesNameTable *t, const char *key, gsize n)
{
  QuotesNameSlot *sl
      = quotes_name_table_slot (t, key, n, quotes_hash_bytes (key, n));
  return sl->gen == t->gen ? sl->name : NULL;
}

/* Doubles the slots of @t, keeping this generation's entries. */
static void
quotes_name_table_grow (QuotesNameTable *t)
{
  QuotesNameSlot *old = t->slots;
  guint nold = t->mask + 1;
  guint32 gen = t->gen;

  t->mask = 2 * nold - 1;
  t->slots = g_new0 (QuotesNameSlot, 2 * nold);
  t->gen = 1;
  for (guint i = 0; i < nold; i++)
    if (old[i].gen == gen)
      {
        QuotesNameSlot *sl
            = quotes_name_table_slot (t, old[i].key, old[i].len, old[i].hash);
        *sl = old[i];
        sl->gen = t->gen;
      }
  g_free (old);
}

/* Maps the @n bytes @key (which must outlive the document) to @name in
 * @t, replacing any name it had. */
static void
quotes_name_table_put (QuotesNameTable *t, const char *key, gsize n,
                       QuotesName *name)
{
  guint32 h = quotes_hash_bytes (key, n);
  QuotesNameSlot *sl = quotes_name_table_slot (t, key, n, h);

  if (sl->gen != t->gen)
    {
      if (2 * (t->n + 1) > t->mask + 1)
        {
          quotes_name_table_grow (t);
          sl = quotes_name_table_slot (t, key, n, h);
        }
      t->n++;
    }
  *sl = (QuotesNameSlot){ key, (guint32)n, h, t->gen, name };
}

/* Sets up the engine's buffers. */
void
quotes_scratch_init (QuotesScratch *scratch)
{
  quotes_name_table_init (&scratch->surnames);
  quotes_name_table_init (&scratch->titles);
  scratch->mentions = g_array_new (FALSE, FALSE, sizeof (QuotesMention));
  scratch->main_people = g_array_new (FALSE, FALSE, 2 * sizeof (gpointer));
  scratch->name_blocks = g_ptr_array_new_with_free_func (g_free);
  scratch->n_names = 0;
}

/* Frees the engine's buffers. */
void
quotes_scratch_clear (QuotesScratch *scratch)
{
  g_clear_pointer (&scratch->surnames.slots, g_free);
  g_clear_pointer (&scratch->titles.slots, g_free);
  g_clear_pointer (&scratch->mentions, g_array_unref);
  g_clear_pointer (&scratch->main_people, g_array_unref);
  g_clear_pointer (&scratch->name_blocks, g_ptr_array_unref);
}

/* A new zeroed name for this document, from the kept blocks. */
static QuotesName *
quotes_name_new (QuotesScratch *scratch)
{
  guint block = scratch->n_names / QUOTES_NAME_BLOCK;
  QuotesName *nm;

  if (block == scratch->name_blocks->len)
    g_ptr_array_add (scratch->name_blocks,
                     g_new (QuotesName, QUOTES_NAME_BLOCK));
  nm = (QuotesName *)scratch->name_blocks->pdata[block]
       + scratch->n_names % QUOTES_NAME_BLOCK;
  scratch->n_names++;
  memset (nm, 0, sizeof *nm);
  return nm;
}

/* The @k-th name handed out for this document. */
static QuotesName *
quotes_name_nth (const QuotesScratch *scratch, guint k)
{
  return (QuotesName *)scratch->name_blocks->pdata[k / QUOTES_NAME_BLOCK]
         + k % QUOTES_NAME_BLOCK;
}

/* A copy of the @n bytes at @s in the result's strings, lower-cased
 * (ASCII): a title key that lives as long as the document's results. */
static const char *
quotes_lower_copy (QuotesDoc *doc, const char *s, gsize n)
{
  char *c = g_string_chunk_insert_len (doc->result->strings, s, n);
  for (gsize k = 0; k < n; k++)
    c[k] = c[k] >= 'A' && c[k] <= 'Z' ? (char)(c[k] | 0x20) : c[k];
  return c;
}

/* Whether the capitalised word @t, first in a run, is a sentence's first
 * word that is no part of the name after it: "But Parry", "And Edu",
 * "While UKIP" ("The" is not: "The Who"). */
static gboolean
quotes_names_is_opener (const QuotesDoc *doc, const QuotesTok *t)
{
  return !quotes_tok_is (doc, t, "the")
         && (quotes_tok_is_det (doc, t) || quotes_tok_stops_np (doc, t)
             || quotes_tok_is (doc, t, "however")
             || quotes_tok_is (doc, t, "yet") || quotes_tok_is (doc, t, "if")
             || quotes_tok_is (doc, t, "since"));
}

/* Records the capitalised run toks[a..b) (titles included) as a name. */
static void
quotes_names_add_run (QuotesDoc *doc, const QuotesTok *toks, guint a, guint b,
                      const QuotesTok *before)
{
  guint name_a, title_a;
  gint gender = 0;
  gboolean has_title = FALSE, opener = FALSE;
  QuotesName *name;
  const char *key;
  gsize fs, fe;

  /* a sentence's first word is no part of the name; the single word
   * after it is still a name ("But Parry said": see below) */
  if (b - a >= 2 && toks[a].cap && quotes_names_is_opener (doc, &toks[a]))
    {
      a++;
      before = NULL;
      opener = TRUE;
    }
  name_a = a;
  title_a = a;

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
  /* ... but a body keeps three words ("Human Rights Watch", "British
   * Medical Association") */
  if (b - name_a == 3 && !quotes_tok_is_body (doc, &toks[b - 1])
      && toks[name_a + 1].e - toks[name_a + 1].s > 2
      && !quotes_tok_is_connector (doc, &toks[name_a + 1])
      && memchr (doc->text + toks[name_a + 1].s, '.',
                 toks[name_a + 1].e - toks[name_a + 1].s)
             == NULL)
    name_a++;
  fs = toks[name_a].s;
  fe = quotes_tok_base_end (doc, &toks[b - 1]);
  /* the surname, as written (the key points into the text) */
  key = doc->text + toks[b - 1].s;
  name = quotes_name_table_get (doc->surnames, key, fe - toks[b - 1].s);
  if (name == NULL)
    {
      name = quotes_name_new (doc->scratch);
      name->full = g_string_chunk_insert_len (doc->result->strings,
                                              doc->text + fs, fe - fs);
      name->nwords = b - name_a;
      quotes_name_table_put (doc->surnames, key, fe - toks[b - 1].s, name);
    }
  else if (name->nwords < b - name_a)
    {
      name->full = g_string_chunk_insert_len (doc->result->strings,
                                              doc->text + fs, fe - fs);
      name->nwords = b - name_a;
    }
  if (gender && !name->gender)
    name->gender = gender;
  /* "But Parry said": a person's surname, named like "Mr Parry" */
  if (opener && b - name_a == 1)
    name->opened = TRUE;
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
      gsize ts = title_a < name_a ? toks[title_a].s : before->s;
      gsize te = title_a < name_a ? toks[name_a - 1].e : before->e;
      name->title = quotes_lower_copy (doc, doc->text + ts, te - ts);
      quotes_name_table_put (doc->titles, name->title, te - ts, name);
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
          gsize n = last->e - last->s;
          quotes_name_table_put (
              doc->titles, quotes_lower_copy (doc, doc->text + last->s, n), n,
              name);
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

/* Nonzero when one of the eight bytes @w is an ASCII capital or has its
 * high bit set (a byte of a non-ASCII character). */
#define QUOTES_L8(c) (G_GUINT64_CONSTANT (0x0101010101010101) * (c))
#define QUOTES_CAP_OR_HIGH(w)                                                  \
  (((w)&QUOTES_L8 (0x80))                                                      \
   | ((QUOTES_L8 (127 + 'Z' + 1) - ((w)&QUOTES_L8 (127)))                      \
      & (((w)&QUOTES_L8 (127)) + QUOTES_L8 (127 - ('A' - 1)))                  \
      & QUOTES_L8 (0x80)))

/* The first offset at or after @p where a capitalised word starts, or the
 * text's length.  Eight bytes at a time skip lower-case text, which holds
 * no ASCII capital and no byte >= 0x80 (the only bytes that may start
 * one). */
static gsize
quotes_next_cap (const QuotesDoc *doc, gsize p)
{
  const char *text = doc->text;
  gsize len = doc->len;

  for (;;)
    {
      gsize stop;
#ifdef __SSE2__
      /* sixteen bytes at a time: signed compares leave bytes >= 0x80
       * (negative) out of A..Z; their high bits are added apart */
      const __m128i lo = _mm_set1_epi8 ('A' - 1), hi = _mm_set1_epi8 ('Z' + 1);
      while (p + 16 <= len)
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *)(text + p));
          __m128i cap
              = _mm_and_si128 (_mm_cmpgt_epi8 (v, lo), _mm_cmplt_epi8 (v, hi));
          guint bits = (guint)(_mm_movemask_epi8 (cap) | _mm_movemask_epi8 (v));
          if (bits != 0)
            {
              p += (gsize)__builtin_ctz (bits);
              break;
            }
          p += 16;
        }
#endif
      /* (after the SSE2 loop, only its tail of fewer than sixteen bytes:
       * where that loop stopped early, the byte at p is a candidate) */
      while (p + 8 <= len
#ifdef __SSE2__
             && p + 16 > len
#endif
      )
        {
          guint64 w;
          memcpy (&w, text + p, 8);
          if (QUOTES_CAP_OR_HIGH (w))
            break;
          p += 8;
        }
      stop = MIN (p + 8, len);
      for (; p < stop; p++)
        {
          guchar c = text[p];
          if (((c >= 'A' && c <= 'Z') || c >= 0xC0)
              && (p == 0
                  || !(g_ascii_isalnum (text[p - 1])
                       || (guchar)text[p - 1] >= 0x80))
              && quotes_cap_at (doc, p))
            return p;
        }
      if (p >= len)
        return len;
    }
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
  /* this document's tables, in the buffers kept from the last one */
  doc->surnames = &doc->scratch->surnames;
  doc->titles = &doc->scratch->titles;
  doc->mentions = doc->scratch->mentions;
  quotes_name_table_reset (doc->surnames);
  quotes_name_table_reset (doc->titles);
  g_array_set_size (doc->mentions, 0);
  doc->scratch->n_names = 0;
  while (pos < len)
    {
      gsize p = pos, e, f, ws;
      guint a, b, n;

      /* the next capital that starts a word */
      p = quotes_next_cap (doc, p);
      if (p >= len)
        break;
      /* its end, and whether a capitalised word or a connector follows */
      e = quotes_skip_word_bytes (text, p + 1, len, TRUE);
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
      /* a lower-case word continues the run below only as a connector
       * ("van") at most three blanks after this word: without one, the
       * run would be this word alone, which names nothing, so it is not
       * tokenized (most such words open a sentence: "He said") */
      if (!quotes_cap_at (doc, f)
          && (f - e > 3
              || !quotes_in_set (doc->config->sets[QUOTES_SET_CONNECTORS], text,
                                 f, quotes_scan_word_fast (doc, f, len))))
        {
          pos = e;
          continue;
        }
      /* a run opened by a word that is no name ("Although Citicorp",
       * "Under Roh", "So UKIP") is read from its next word, so the word
       * never joins the name.  Not a sentence opener that the names pass
       * drops itself ("But Parry", "A Delta spokesman": the single word
       * left is still a name), and not "The": a run "The DVD" stays a
       * name that is no person, so "he" does not go to "Star Wars DVD" */
      if (quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], text, p, e)
          && !quotes_names_is_opener (doc, &(QuotesTok){ p, e, 0, TRUE })
          && !quotes_word_is (text, p, e, "the"))
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
          gsize we = quotes_scan_word_fast (doc, w, len), nx;
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
              gsize ce = quotes_scan_word_fast (doc, nx, len), cx = ce;
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
QuotesName *
quotes_names_lookup (QuotesDoc *doc, gsize s, gsize e)
{
  if (!doc->names_built)
    quotes_names_build (doc);
  if (e - s >= 128)
    return NULL; /* no surname is that long */
  return quotes_name_table_get (doc->surnames, doc->text + s, e - s);
}

/* The one full name in the story whose first word is [s, e) ("John" ->
 * "John Bourn"), or NULL when there is none or more than one. */
QuotesName *
quotes_names_by_first (QuotesDoc *doc, gsize s, gsize e)
{
  QuotesName *found = NULL;
  gsize n = e - s;

  if (!doc->names_built)
    quotes_names_build (doc);
  /* every name of the document is the name of one surname */
  for (guint k = 0; k < doc->scratch->n_names; k++)
    {
      QuotesName *nm = quotes_name_nth (doc->scratch, k);
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
QuotesName *
quotes_titles_lookup (QuotesDoc *doc, gsize s, gsize e)
{
  char buf[128];
  gsize n = 0;

  if (!doc->names_built)
    quotes_names_build (doc);
  for (gsize k = s; k < e && n + 1 < sizeof buf; k++)
    {
      char c = doc->text[k];
      buf[n++] = c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c; /* ASCII */
    }
  return quotes_name_table_get (doc->titles, buf, n);
}

static gboolean quotes_span_has_sentence_end (const QuotesDoc *doc, gsize s,
                                              gsize e);

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
const char *
quotes_last_word (const char *name)
{
  const char *last = strrchr (name, ' ');
  return last ? last + 1 : name;
}

/* Whether @name cannot be a he or she: a body ("New Labour", "the
 * Business Software Alliance") or a run of a headline in capitals
 * ("RAISES RATES"). */
gboolean
quotes_name_is_no_person (const QuotesDoc *doc, const char *name)
{
  return quotes_is_body_name (doc, quotes_last_word (name))
         || quotes_is_all_caps (name);
}

/* The last name mentioned before @pos with gender @gender (0: any). */
QuotesName *
quotes_names_last_before (QuotesDoc *doc, gsize pos, gint gender)
{
  return quotes_names_last_before_at (doc, pos, gender, NULL);
}

/* quotes_names_last_before, also giving the mention's offset in @at. */
QuotesName *
quotes_names_last_before_at (QuotesDoc *doc, gsize pos, gint gender, gsize *at)
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
      if (gender != 0 && quotes_name_is_no_person (doc, name->full))
        continue;
      if (gender == 0 || name->gender == 0 || name->gender == gender)
        {
          if (at)
            *at = g_array_index (m, QuotesMention, k - 1).pos;
          return name;
        }
    }
  return NULL;
}

/* Whether @nm looks like a person of gender @gender (1 he, 2 she): a
 * title told that gender, or (no gender known) the text also names the
 * surname alone ("Moore's film"), as it names people and seldom the
 * "Film Festival" or "Vinci Code"; no run that opens with a determiner
 * or a word such as "and".  Needs quotes_main_people_build. */
gboolean
quotes_name_is_person (const QuotesDoc *doc, const QuotesName *nm, gint gender)
{
  const char *sp = strchr (nm->full, ' ');
  gsize n = sp ? (gsize)(sp - nm->full) : strlen (nm->full);

  static const char *const openers[]
      = { "since",    "more",      "under", "over",   "despite",
          "although", "though",    "if",    "unlike", "like",
          "without",  "following", NULL };

  /* a run opened by a sentence's first word: "And U2", "The Iranian",
   * "Since Mao", "Addressing Chicago" */
  if (quotes_in_set (doc->config->sets[QUOTES_SET_DETS], nm->full, 0, n)
      || quotes_in_set (doc->config->sets[QUOTES_SET_NP_STOPS], nm->full, 0, n)
      || (n > 4 && strncmp (nm->full + n - 3, "ing", 3) == 0))
    return FALSE;
  for (guint k = 0; openers[k]; k++)
    if (quotes_word_is (nm->full, 0, n, openers[k]))
      return FALSE;
  return nm->gender == gender || (nm->gender == 0 && nm->solo > 0);
}

/* Whether the first word of @nm's full form also stands in the text in
 * lower case ("can" for "Can Yahoo", "called" for "Called Speegle"): the
 * run then opens with a common word, not a first name.  Looks at the
 * first 64 kB once per name, so hostile text stays linear. */
gboolean
quotes_name_first_is_word (const QuotesDoc *doc, QuotesName *nm)
{
  const char *sp = strchr (nm->full, ' ');
  gsize n = sp ? (gsize)(sp - nm->full) : strlen (nm->full);
  gsize end = MIN (doc->len, 65536);

  if (nm->word_first != 0)
    return nm->word_first == 2;
  nm->word_first = 1;
  if (n < 2 || n >= end || !g_ascii_isupper (nm->full[0]))
    return FALSE;
  for (gsize k = 1; k + n <= end; k++)
    if (doc->text[k] == g_ascii_tolower (nm->full[0])
        && !g_ascii_isalnum (doc->text[k - 1])
        && (k + n == end || !g_ascii_isalnum (doc->text[k + n]))
        && memcmp (doc->text + k + 1, nm->full + 1, n - 1) == 0)
      {
        nm->word_first = 2;
        break;
      }
  return nm->word_first == 2;
}

/* The first offset at or after @p of an ASCII capital, or @len: sixteen
 * bytes at a time where there is SSE2 (the count of surnames below looks
 * at capitals only). */
static gsize
quotes_next_ascii_capital (const char *text, gsize p, gsize len)
{
#ifdef __SSE2__
  const __m128i lo = _mm_set1_epi8 ('A' - 1), hi = _mm_set1_epi8 ('Z' + 1);
  while (p + 16 <= len)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)(text + p));
      guint bits = (guint)_mm_movemask_epi8 (
          _mm_and_si128 (_mm_cmpgt_epi8 (v, lo), _mm_cmplt_epi8 (v, hi)));
      if (bits != 0)
        return p + (gsize)__builtin_ctz (bits);
      p += 16;
    }
#endif
  while (p < len && !(text[p] >= 'A' && text[p] <= 'Z'))
    p++;
  return p;
}

/* Counts, once per document, how often the text names each surname (any
 * capitalised word, headline included, a possessive stripped), then notes
 * for every mention the main he and the main she of the story so far: of
 * the people named up to it (two words or more, no body), the one named
 * most often, the first introduced on a tie.  One pass over the text and
 * one over the mentions. */
static void
quotes_main_people_build (QuotesDoc *doc)
{
  const char *text = doc->text;
  gsize len = doc->len, p = 0;
  QuotesName *best[2] = { NULL, NULL };

  doc->main_people = doc->scratch->main_people;
  g_array_set_size (doc->main_people, 0);
  while (p < len)
    {
      gsize e;
      guchar c;
      p = quotes_next_ascii_capital (text, p, len);
      if (p >= len)
        break;
      c = text[p];
      if (!(c >= 'A' && c <= 'Z')
          || (p > 0
              && (g_ascii_isalnum (text[p - 1]) || (guchar)text[p - 1] >= 0x80
                  || text[p - 1] == '-')))
        {
          p++;
          continue;
        }
      e = p + 1;
      while (e < len
             && (g_ascii_isalnum (text[e]) || (guchar)text[e] >= 0x80
                 || ((text[e] == '-' || text[e] == '\'') && e + 1 < len
                     && g_ascii_isalpha (text[e + 1]))))
        e++;
      if (e - p < 64)
        {
          char buf[64];
          gsize n = e - p;
          memcpy (buf, text + p, n);
          if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
            n -= 2;
          else if (n > 4 && memcmp (buf + n - 4, "\xE2\x80\x99s", 4) == 0)
            n -= 4;
          QuotesName *nm = quotes_name_table_get (doc->surnames, buf, n);
          if (nm)
            {
              /* the fullest form's first words just before: not solo */
              gsize fl = strlen (nm->full), pre = fl > n ? fl - n : 0;
              nm->count++;
              if (pre == 0 || pre > p
                  || memcmp (text + p - pre, nm->full, pre) != 0)
                nm->solo++;
            }
        }
      p = e;
    }
  for (guint k = 0; k < doc->mentions->len; k++)
    {
      QuotesName *nm = g_array_index (doc->mentions, QuotesMention, k).name;
      if (nm->nwords >= 2 && !quotes_name_is_no_person (doc, nm->full))
        for (guint g = 0; g < 2; g++)
          if (quotes_name_is_person (doc, nm, g + 1)
              && (best[g] == NULL || nm->count > best[g]->count))
            best[g] = nm;
      g_array_append_vals (doc->main_people, best, 1);
    }
}

/* The main person of the story for he (@gender 1) or she (2) among the
 * people named before @pos (see quotes_main_people_build), or NULL. */
QuotesName *
quotes_main_person (QuotesDoc *doc, gsize pos, gint gender)
{
  guint lo = quotes_mentions_before (doc, pos);

  if (gender < 1 || gender > 2 || lo == 0)
    return NULL;
  if (doc->main_people == NULL)
    quotes_main_people_build (doc);
  return ((QuotesName **)doc->main_people->data)[2 * (lo - 1) + gender - 1];
}

/* The person last named in an earlier sentence at most @back bytes before
 * @pos, or NULL: a name the story gives somewhere with a title that tells
 * a person (Mr, Ms, a male or female title, an office), no body such as
 * "X Party". */
QuotesName *
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
      || quotes_is_body_name (doc, quotes_last_word (mm->name->full))
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
        || (k + 1 < e && quotes_is_stop_byte (doc->text[k])
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

/* Whether the office word at @hs follows a country's possessive and at
 * most one word ("France's finance minister", "Scotland's first
 * minister"): a news lead that names the holder in its next sentence. */
static gboolean
quotes_office_of_country (const QuotesDoc *doc, gsize hs)
{
  gsize p = hs;

  for (guint words = 0; words < 2; words++)
    {
      gsize e;
      while (p > 0 && doc->text[p - 1] == ' ')
        p--;
      e = p;
      while (
          p > 0
          && (g_ascii_isalpha (doc->text[p - 1]) || doc->text[p - 1] == '\''))
        p--;
      if (e - p > 3 && doc->text[e - 1] == 's' && doc->text[e - 2] == '\''
          && g_ascii_isupper (doc->text[p]))
        return TRUE;
      if (p == e || g_ascii_isupper (doc->text[p]))
        return FALSE;
    }
  return FALSE;
}

/* Whether the mention at @pos opens the sentence right after the one
 * holding @from, at most 400 bytes on: "France's finance minister has
 * said ... Herve Gaymard said" names the holder. */
static gboolean
quotes_opens_next_sentence (const QuotesDoc *doc, gsize from, gsize pos)
{
  guint ends = 0;
  gsize p = pos;

  if (pos < from || pos - from > 400)
    return FALSE;
  /* back over the first names before the surname at @pos */
  for (guint words = 0; words < 3 && p > from + 1 && doc->text[p - 1] == ' '
                        && g_ascii_isalpha (doc->text[p - 2]);
       words++)
    {
      gsize w = p - 1;
      while (w > from && g_ascii_isalpha (doc->text[w - 1]))
        w--;
      if (!g_ascii_isupper (doc->text[w]))
        break;
      p = w;
    }
  pos = p;
  while (p > from && (doc->text[p - 1] == ' ' || doc->text[p - 1] == '\n'))
    p--;
  if (p == pos || !strchr (".?!\"", doc->text[p - 1]))
    return FALSE;
  for (gsize k = from; k + 1 < p; k++)
    if (quotes_is_stop_byte (doc->text[k])
        && (doc->text[k + 1] == ' ' || doc->text[k + 1] == '\n'))
      ends++;
  return ends == 0;
}

/* The holder of a title named with no holder ("the prime minister said"),
 * [hs, he) being the title word: the person the story last called Mr,
 * Mrs, Ms or Miss X in an earlier sentence (800 bytes back at most), else
 * the next one in a later sentence (800 bytes on), or for a country's
 * office a full name that opens the next sentence, or NULL.  Only offices
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
          && (quotes_mention_has_honorific (doc, mm->pos)
              || (quotes_office_of_country (doc, hs)
                  && quotes_opens_next_sentence (doc, he, mm->pos)))
          && quotes_span_has_sentence_end (doc, he, mm->pos))
        return mm->name;
    }
  return NULL;
}

/* quotes_title_holder for the title phrase [ps, he) ending in the office
 * word [hs, he), once per story: the first guess is remembered, so that
 * "the prime minister" names one person all through the story. */
QuotesName *
quotes_title_holder_once (QuotesDoc *doc, gsize ps, gsize hs, gsize he)
{
  QuotesName *nm = quotes_titles_lookup (doc, ps, he);

  if (nm == NULL && he - ps < 64
      && (nm = quotes_title_holder (doc, hs, he)) != NULL)
    quotes_name_table_put (doc->titles,
                           quotes_lower_copy (doc, doc->text + ps, he - ps),
                           he - ps, nm);
  return nm;
}

/* Whether @last (the last word of a name) names a body: "Council",
 * "Bank", "Ministry" (any case; see quotes_body_names). */
gboolean
quotes_is_body_name (const QuotesDoc *doc, const char *last)
{
  return quotes_in_set (doc->config->sets[QUOTES_SET_BODY_NAMES], last, 0,
                        strlen (last));
}

/* Whether a found speaker suits a pronoun of gender @gender (1 he, 2 she;
 * 0 they/we, anything goes). */
