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
 *
 * Files: quotes-marks.c (pass 1), quotes-tokens.c (window tokens),
 * quotes-names.c (pass 2), quotes-resolve.c (speaker phrases),
 * quotes-attrib.c (the rules of pass 3); this file holds the word sets,
 * the results and the driver that runs the rules in order.  Their shared
 * types and functions are in quotes-engine-private.h.
 */
#include "quotes-engine-private.h"

const char *const quotes_rule_names[QUOTES_N_RULES + 1] = { "none",
                                                            "after",
                                                            "before",
                                                            "according_to",
                                                            "same_paragraph",
                                                            "previous_sentence",
                                                            "continued",
                                                            "previous_speaker",
                                                            "headline",
                                                            "subject",
                                                            NULL };

/* ------------------------------------------------------------------ */
/* Word sets                                                           */
/* ------------------------------------------------------------------ */

/* A new, empty word set. */
QuotesWordSet *
quotes_word_set_new (void)
{
  QuotesWordSet *set = g_new0 (QuotesWordSet, 1);
  set->mask = 63;
  set->tags = g_new0 (guint32, set->mask + 1);
  set->words = g_malloc0 ((set->mask + 1) * sizeof *set->words);
  return set;
}

/* Frees @set. */
void
quotes_word_set_free (QuotesWordSet *set)
{
  if (set == NULL)
    return;
  g_free (set->tags);
  g_free (set->words);
  g_free (set);
}

/* Empties @set, keeping its table. */
static void
quotes_word_set_clear (QuotesWordSet *set)
{
  memset (set->tags, 0, (set->mask + 1) * sizeof *set->tags);
  set->n = 0;
  memset (set->firsts, 0, sizeof set->firsts);
  memset (set->lasts, 0, sizeof set->lasts);
}

/* Puts the word @w (tag @tag, hash @h) into the first free slot of its
 * chain in @set (the word must not be there yet). */
static void
quotes_word_set_place (QuotesWordSet *set, const char *w, guint32 h,
                       guint32 tag)
{
  guint i = h & set->mask;
  while (set->tags[i] != 0)
    i = (i + 1) & set->mask;
  set->tags[i] = tag;
  memcpy (set->words[i], w, sizeof set->words[i]);
}

/* Doubles the table of @set, so it stays at most half full. */
static void
quotes_word_set_grow (QuotesWordSet *set)
{
  guint32 *old_tags = set->tags;
  char (*old_words)[QUOTES_MAX_WORD] = set->words;
  guint nold = set->mask + 1;

  set->mask = 2 * nold - 1;
  set->tags = g_new0 (guint32, 2 * nold);
  set->words = g_malloc0 (2 * nold * sizeof *set->words);
  for (guint i = 0; i < nold; i++)
    if (old_tags[i] != 0)
      quotes_word_set_place (
          set, old_words[i],
          quotes_hash_bytes (old_words[i], old_tags[i] & 0xFF), old_tags[i]);
  g_free (old_tags);
  g_free (old_words);
}

/* Adds @word to @set in lower case (ASCII folding is enough here),
 * without the blanks around it; empty and overlong words are ignored. */
static void
quotes_word_set_add (QuotesWordSet *set, const char *word, gssize len)
{
  char w[QUOTES_MAX_WORD] = { 0 };
  guint32 h;

  if (len < 0)
    len = strlen (word);
  while (len > 0 && g_ascii_isspace (*word))
    word++, len--;
  while (len > 0 && g_ascii_isspace (word[len - 1]))
    len--;
  if (len == 0 || len >= QUOTES_MAX_WORD)
    return;
  for (gssize i = 0; i < len; i++)
    w[i] = g_ascii_tolower (word[i]);
  h = quotes_hash_bytes (w, len);
  if (quotes_word_set_find (set, w, len, h))
    return;
  if (2 * (set->n + 1) > set->mask + 1)
    quotes_word_set_grow (set);
  quotes_word_set_place (set, w, h, QUOTES_WORD_TAG (h, len));
  set->n++;
  set->firsts[len] |= G_GUINT64_CONSTANT (1) << ((guchar)w[0] & 63);
  set->lasts[len] |= G_GUINT64_CONSTANT (1) << ((guchar)w[len - 1] & 63);
}

/* Replaces (@replace) or extends @set with @words. */
void
quotes_config_set_words (QuotesWordSet *set, const char *const *words,
                         gboolean replace)
{
  if (replace)
    quotes_word_set_clear (set);
  for (; words && *words; words++)
    quotes_word_set_add (set, *words, -1);
}

/* Adds the words of a file, one a line; '#' starts a comment. */
gboolean
quotes_config_load_words (QuotesWordSet *set, const char *path, GError **error)
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
  config->sets = g_new0 (QuotesWordSet *, QUOTES_N_SETS);
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
  g_clear_pointer (&config->verbs, quotes_word_set_free);
  g_clear_pointer (&config->titles, quotes_word_set_free);
  if (config->sets)
    for (guint i = 0; i < QUOTES_N_SETS; i++)
      quotes_word_set_free (config->sets[i]);
  g_clear_pointer (&config->sets, g_free);
}

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

/* Sets up an empty @result, with the engine's buffers. */
void
quotes_result_init (QuotesResult *result)
{
  result->quotes = g_array_new (FALSE, TRUE, sizeof (QuotesQuote));
  result->strings = g_string_chunk_new (1024);
  result->scratch = g_new0 (QuotesScratch, 1);
  quotes_scratch_init (result->scratch);
}

/* Frees what @result holds. */
void
quotes_result_clear (QuotesResult *result)
{
  g_clear_pointer (&result->quotes, g_array_unref);
  g_clear_pointer (&result->strings, g_string_chunk_free);
  if (result->scratch)
    quotes_scratch_clear (result->scratch);
  g_clear_pointer (&result->scratch, g_free);
}

/* Empties @result for the next document, keeping its memory. */
void
quotes_result_reset (QuotesResult *result)
{
  g_array_set_size (result->quotes, 0);
  g_string_chunk_clear (result->strings);
}

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
          || (p < e && quotes_is_stop_byte (doc->text[p - 1])))
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
 * mark), at most 400 bytes back and not before the paragraph start.  With
 * SSE2, sixteen offsets at a time are tested for what stops the walk back
 * (a line break before, or a blank after . ? ! before no lower-case
 * letter); the last one found is the answer, as the byte loop finds it. */
static gsize
quotes_prev_sentence (const QuotesDoc *doc, gsize pos)
{
  const char *text = doc->text;
  gsize p = pos, lo = pos > 400 ? pos - 400 : 0;
  while (p > lo && doc->text[p - 1] == ' ')
    p--;
  if (p > lo)
    p--; /* the full stop of the sentence before */
#ifdef __SSE2__
  while (p >= lo + 16 && p >= 17)
    {
      /* lane j tests offset r = p - 15 + j: bytes r - 1, r - 2 and r */
      __m128i b1 = _mm_loadu_si128 ((const __m128i *)(text + p - 16));
      __m128i b2 = _mm_loadu_si128 ((const __m128i *)(text + p - 17));
      __m128i b0 = _mm_loadu_si128 ((const __m128i *)(text + p - 15));
      __m128i stop = _mm_or_si128 (
          _mm_or_si128 (_mm_cmpeq_epi8 (b2, _mm_set1_epi8 ('.')),
                        _mm_cmpeq_epi8 (b2, _mm_set1_epi8 ('?'))),
          _mm_or_si128 (_mm_cmpeq_epi8 (b2, _mm_set1_epi8 ('!')),
                        _mm_cmpeq_epi8 (b2, _mm_setzero_si128 ())));
      __m128i lower
          = _mm_and_si128 (_mm_cmpgt_epi8 (b0, _mm_set1_epi8 ('a' - 1)),
                           _mm_cmplt_epi8 (b0, _mm_set1_epi8 ('z' + 1)));
      __m128i hit = _mm_or_si128 (
          _mm_cmpeq_epi8 (b1, _mm_set1_epi8 ('\n')),
          _mm_andnot_si128 (
              lower,
              _mm_and_si128 (_mm_cmpeq_epi8 (b1, _mm_set1_epi8 (' ')), stop)));
      guint bits = (guint)_mm_movemask_epi8 (hit);
      if (bits != 0)
        return p - 15 + (gsize)(31 - __builtin_clz (bits));
      p -= 16;
    }
#endif
  while (p > lo && doc->text[p - 1] != '\n'
         && !(p > 1 && doc->text[p - 1] == ' '
              && quotes_is_stop_byte (doc->text[p - 2])
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
  quotes_tokenize_to_quote (doc, lo, hi, toks);
  t = toks->t;
  for (guint i = 0; i < toks->n; i++)
    if (quotes_tok_is_cue (doc, &t[i])
        && ((i > 0 && quotes_tok_is_pronoun (doc, &t[i - 1]))
            /* "says he." inverted; not "said it was", "saying they" */
            || (i + 1 < toks->n && quotes_tok_is_pronoun (doc, &t[i + 1])
                && (i + 2 >= toks->n || t[i + 2].punct))))
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

/* Whether quote @q, flagged QUOTES_F_CUED, follows a sentence that opens
 * with a capitalised word other than a pronoun and does not name the
 * previous speaker (by the last word of the name): a new speaker the rules
 * could not read.  Flags @q QUOTES_F_NEW_NAME when so. */
static gboolean
quotes_cued_new_name (QuotesDoc *doc, const QuotesHistory *hist, QuotesQuote *q,
                      const QuotesToks *before, guint from)
{
  const QuotesTok *t = before->t;
  const char *last;
  gsize n;

  if (!(q->flags & QUOTES_F_CUED) || from >= before->n || !t[from].cap
      || t[from].punct || quotes_tok_is_pronoun (doc, &t[from])
      || quotes_tok_is_det (doc, &t[from]) || hist->last_any == NULL)
    return FALSE;
  last = quotes_last_word (hist->last_any);
  n = strlen (last);
  for (guint k = from; k < before->n; k++)
    if (t[k].e - t[k].s >= n && strncmp (doc->text + t[k].s, last, n) == 0)
      return FALSE;
  q->flags |= QUOTES_F_NEW_NAME;
  return TRUE;
}

/* Whether the quote is one or two capital letters: a grade or a class
 * of goods or shares ("B" shares, Coffee "C" contracts, "AB" grades), never
 * speech. */
static gboolean
quotes_is_letter_label (const QuotesDoc *doc, const QuotesQuote *q)
{
  gsize n = q->end - q->start;

  if (n == 0 || n > 2)
    return FALSE;
  for (gsize k = q->start; k < q->end; k++)
    if (!g_ascii_isupper (doc->text[k]))
      return FALSE;
  return TRUE;
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
  gsize after_from = G_MAXSIZE, after_to = 0; /* the last window after */

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
      doc->cur_quote = q;
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
        if (bs == after_from && q->open_mark == after_to)
          {
            /* two quotes of one line: this window before is the last
             * window after, already tokenized ('"A," she said. "B."') */
            QuotesToks *last_after = after;
            after = before;
            before = last_after;
          }
        else
          quotes_tokenize (doc, bs, q->open_mark, before);
        doc->before = before;
        doc->before_from = bs;
        if (before->n == QUOTES_MAX_TOKENS)
          {
            quotes_tokenize (doc, before->t[before->n / 2].s, q->open_mark,
                             before);
            cut = TRUE;
            doc->before = NULL;
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

      after_from = q->close_mark_end;
      after_to = MIN (we, q->close_mark_end + 240);
      quotes_tokenize (doc, after_from, after_to, after);
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
              && quotes_is_stop_byte (doc->text[pe - 1]))
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
          /* "Treasury Secretary John Snow put a brave face on it, saying
           * ...": a participle's sentence subject, read as rule "before"
           * reads it; a named person only */
          else if (lo >= quotes[k - 1].close_mark_end
                   && q->open_mark - lo < 400)
            {
              QuotesToks sent_buf;
              QuotesSpeaker s2
                  = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
              quotes_tokenize_to_quote (doc, lo, q->open_mark, &sent_buf);
              if (sent_buf.n > 3
                  && quotes_tok_ends_sentence (&sent_buf.t[sent_buf.n - 1])
                  && quotes_rule_before (doc, &hist, &sent_buf, 0, &s2)
                  && s2.kind == QUOTES_SPK_PERSON && s2.name
                  && strchr (s2.name, ' ') && s2.ms >= 0
                  && !quotes_in_set (doc->config->sets[QUOTES_SET_PRONOUNS],
                                     doc->text, s2.ms, s2.me)
                  && g_strcmp0 (s2.name, quotes[k - 1].speaker) != 0)
                {
                  spk = s2;
                  found = TRUE;
                  rule = QUOTES_RULE_PREV_SENTENCE;
                }
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
          && !quotes_is_stop_byte (doc->text[quotes[k - 1].end - 1]))
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
      if (!found && sent_start && !para_start && !(q->flags & QUOTES_F_REOPENED)
          && !quotes_starts_with_he (doc, q))
        {
          /* "He finished with an appeal to activists. "One day you ..."":
           * a he or she that opens the sentence before, in the same
           * paragraph, with its verb */
          gsize lo = quotes_prev_sentence (doc, q->open_mark);
          QuotesToks sent_buf;
          const QuotesTok *st = sent_buf.t;
          guint a = 0;
          if (lo >= doc->ante_lo && q->open_mark - lo < 400)
            {
              quotes_tokenize_to_quote (doc, lo, q->open_mark, &sent_buf);
              if (sent_buf.n > 0
                  && (quotes_tok_is (doc, &st[0], "and")
                      || quotes_tok_is (doc, &st[0], "but")))
                a = 1;
              if (a + 2 < sent_buf.n
                  && (quotes_tok_is (doc, &st[a], "he")
                      || quotes_tok_is (doc, &st[a], "she"))
                  && !st[a + 1].punct && !st[a + 1].cap
                  && quotes_tok_ends_sentence (&sent_buf.t[sent_buf.n - 1])
                  && quotes_resolve_np (doc, &hist, st, a, a + 1, &spk)
                  && spk.name)
                {
                  found = TRUE;
                  rule = QUOTES_RULE_PREV_SENTENCE;
                }
            }
        }
      if (!found && (q->flags & QUOTES_F_REOPENED) && k > 0
          && quotes[k - 1].speaker)
        {
          spk.name = quotes[k - 1].speaker;
          spk.kind = quotes[k - 1].speaker_kind;
          found = TRUE;
          rule = QUOTES_RULE_CONTINUED;
        }
      /* a reporting verb just before the mark whose speaker no rule
       * found ("Rory O' Neill, editor of ..., said: "): a new speaker, so
       * neither this quote nor the paragraphs it runs on take the
       * previous one */
      if (!found && !para_start)
        for (guint c = before->n; c > from && before->n - c < 5; c--)
          {
            const QuotesTok *w = &before->t[c - 1];
            if (quotes_tok_ends_sentence (w))
              break;
            if (quotes_tok_is_cue (doc, w) && !w->cap
                && (c == before->n || before->t[before->n - 1].punct == ':'
                    || before->t[before->n - 1].punct == ','))
              {
                q->flags |= QUOTES_F_CUED;
                break;
              }
          }
      if ((q->flags & QUOTES_F_CUED) && nwords >= doc->config->min_words
          && (found
              = quotes_rule_cued_subject (doc, &hist, before, from, &spk)))
        rule = QUOTES_RULE_BEFORE;
      /* ... and when that verb's sentence opens with a name that is not
       * the previous speaker's ("Rory O' Neill, editor of ..., said:"),
       * neither this quote nor the paragraphs it runs on take the
       * previous speaker */
      gboolean cued
          = !found && quotes_cued_new_name (doc, &hist, q, before, from);
      /* the flag runs down the paragraphs of one quote (O(1) a quote) */
      if (!cued && k > 0 && (q->flags & QUOTES_F_REOPENED)
          && (quotes[k - 1].flags & QUOTES_F_NEW_NAME))
        {
          q->flags |= QUOTES_F_NEW_NAME;
          cued = TRUE;
        }
      if (!found && para_start && hist.last && q->para - hist.last->para <= 3
          && nwords >= doc->config->min_words && !cued)
        {
          spk.name = hist.last_any;
          spk.kind = hist.last->speaker_kind;
          found = spk.name != NULL;
          rule = QUOTES_RULE_PREVIOUS;
        }

      /* a partial quote no rule attributed: the sentence's subject */
      if (!found && !sent_start && (!cut || from > 0)
          && quotes_headline_lead (doc, q) == 0
          && (found = quotes_rule_subject (doc, &hist, before, from, &spk)))
        rule = QUOTES_RULE_SUBJECT;

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
      else if (quotes_is_letter_label (doc, q))
        q->flags |= QUOTES_F_DROP; /* "B" shares, Coffee "C" contracts */
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
  doc->before = NULL;
  /* headline quotes last, once the lead's quotes have speakers */
  for (guint k = 0; k < n && quotes[k].open_mark < 200; k++)
    {
      QuotesQuote *q = &quotes[k];
      QuotesSpeaker spk = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
      if (q->rule != QUOTES_RULE_NONE)
        continue;
      doc->ante_lo = 0;
      doc->cur_open = q->open_mark;
      doc->cur_quote = q;
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
  QuotesDoc doc = { .config = config,
                    .text = text,
                    .len = len,
                    .result = result,
                    .scratch = result->scratch };

  quotes_result_reset (result);
  quotes_find_marks (config, text, len, result->quotes);
  if (result->quotes->len == 0)
    return;
  quotes_attribute (&doc);
  quotes_compact (result->quotes);
}
