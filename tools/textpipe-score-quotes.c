/* textpipe-score-quotes: scores textpipe's quotes against gold quotes.
 *
 *   textpipe-score-quotes [OPTIONS] GOLD PREDICTIONS
 *
 * GOLD is a JSON object or JSONL of objects in the format of the eval
 * guidelines: {"id": ..., "file"?: ..., "text"?: ..., "quotes": [{"span":
 * [start, end], "speaker": ... or null, "speaker_alternatives"?: [...]}]}
 * with code-point offsets.  PREDICTIONS is textpipe's JSONL output: one
 * object per document, {"id": ..., "text"?: ..., "layers": {"quote":
 * [{"start": S, "end": E, "speaker": ... or null, ...}]}}, offsets in code
 * points (textpipe's default) or bytes (--byte-offsets, which needs the
 * text: "text" in either file, or the gold's "file" next to GOLD).
 *
 * Scoring follows the Gender Gap Tracker's published evaluation: a gold
 * quote is found when a prediction covers more than T of it (greedy, best
 * overlap first, each gold and each prediction used once); a prediction
 * is right when more than T of it lies in one gold quote.  T is 0.3 and
 * 0.8.  A speaker is right when the predicted and gold names (or a gold
 * alternative) are equal ignoring case and a leading article, share the
 * surname (last word), or one holds the other as whole words.
 * Documents are matched by id, then by file base name without extension.
 */
#include <glib.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One quote span with its speaker. */
typedef struct {
  gint64 start, end;
  char *speaker;       /* NULL when none */
  char **alternatives; /* gold only, may be NULL */
} ScoreQuote;

/* The quotes of one document. */
typedef struct {
  char *id;
  char *text;     /* may be NULL */
  GArray *quotes; /* ScoreQuote */
} ScoreDoc;

/* Running totals. */
typedef struct {
  guint gold, pred;
  guint found[2], right[2]; /* at the two thresholds */
  guint speaker_right, speaker_total, speaker_gold_null;
} ScoreTotals;

/* Errors of this program: bad input files. */
#define SCORE_ERROR g_quark_from_static_string ("textpipe-score-quotes")

static const double score_thresholds[2] = { 0.3, 0.8 };

static gboolean opt_byte_offsets;
static gboolean opt_verbose;
static gboolean opt_json;
static char *opt_layer;

/* Frees one document. */
static void
score_doc_free (gpointer p)
{
  ScoreDoc *d = p;
  for (guint i = 0; i < d->quotes->len; i++)
    {
      ScoreQuote *q = &g_array_index (d->quotes, ScoreQuote, i);
      g_free (q->speaker);
      g_strfreev (q->alternatives);
    }
  g_array_unref (d->quotes);
  g_free (d->id);
  g_free (d->text);
  g_free (d);
}

/* A string value or NULL. */
static char *
score_dup_string (json_t *v)
{
  return json_is_string (v) ? g_strdup (json_string_value (v)) : NULL;
}

/* Reads a two-integer array [a, b]. */
static gboolean
score_get_span (json_t *v, gint64 *a, gint64 *b)
{
  if (!json_is_array (v) || json_array_size (v) != 2
      || !json_is_integer (json_array_get (v, 0))
      || !json_is_integer (json_array_get (v, 1)))
    return FALSE;
  *a = json_integer_value (json_array_get (v, 0));
  *b = json_integer_value (json_array_get (v, 1));
  return TRUE;
}

/* Converts a byte offset of @text into a code-point offset. */
static gint64
score_byte_to_cp (const char *text, gint64 b)
{
  gsize len = strlen (text);
  if (b < 0)
    return b;
  if ((gsize)b > len)
    b = len;
  return g_utf8_pointer_to_offset (text, text + b);
}

/* Parses one gold object into a document. */
static ScoreDoc *
score_parse_gold (json_t *o, const char *gold_dir, GError **error)
{
  ScoreDoc *d;
  json_t *quotes = json_object_get (o, "quotes");
  const char *file = json_string_value (json_object_get (o, "file"));
  size_t i;
  json_t *q;

  if (!json_is_array (quotes))
    {
      g_set_error (error, SCORE_ERROR, 0,
                   "a gold record has no \"quotes\" list");
      return NULL;
    }
  d = g_new0 (ScoreDoc, 1);
  d->quotes = g_array_new (FALSE, TRUE, sizeof (ScoreQuote));
  d->id = score_dup_string (json_object_get (o, "id"));
  if (d->id == NULL && file)
    d->id = g_strdup (file);
  if (d->id == NULL)
    d->id = g_strdup ("");
  d->text = score_dup_string (json_object_get (o, "text"));
  if (d->text == NULL && file && opt_byte_offsets)
    {
      char *path = g_build_filename (gold_dir, file, NULL);
      if (!g_file_get_contents (path, &d->text, NULL, NULL))
        d->text = NULL;
      g_free (path);
    }
  json_array_foreach (quotes, i, q)
  {
    ScoreQuote sq = { 0 };
    json_t *alts = json_object_get (q, "speaker_alternatives");
    if (!score_get_span (json_object_get (q, "span"), &sq.start, &sq.end))
      {
        g_set_error (error, SCORE_ERROR, 0,
                     "gold %s: quote %zu has no [start, end] \"span\"", d->id,
                     i);
        score_doc_free (d);
        return NULL;
      }
    sq.speaker = score_dup_string (json_object_get (q, "speaker"));
    if (json_is_array (alts))
      {
        size_t j;
        json_t *a;
        GPtrArray *v = g_ptr_array_new ();
        json_array_foreach (alts, j, a) if (json_is_string (a))
            g_ptr_array_add (v, g_strdup (json_string_value (a)));
        g_ptr_array_add (v, NULL);
        sq.alternatives = (char **)g_ptr_array_free (v, FALSE);
      }
    g_array_append_val (d->quotes, sq);
  }
  return d;
}

/* Parses one prediction object (textpipe's output record). */
static ScoreDoc *
score_parse_pred (json_t *o, GError **error)
{
  ScoreDoc *d;
  json_t *layers = json_object_get (o, "layers"), *list = NULL, *q;
  size_t i;

  if (json_is_object (layers))
    list = json_object_get (layers, opt_layer);
  if (list == NULL && json_is_array (json_object_get (o, opt_layer)))
    list = json_object_get (o, opt_layer);
  d = g_new0 (ScoreDoc, 1);
  d->quotes = g_array_new (FALSE, TRUE, sizeof (ScoreQuote));
  d->id = score_dup_string (json_object_get (o, "id"));
  if (d->id == NULL)
    d->id = g_strdup ("");
  d->text = score_dup_string (json_object_get (o, "text"));
  if (list == NULL || json_is_null (list))
    return d; /* no quote layer: no predictions */
  if (!json_is_array (list))
    {
      g_set_error (error, SCORE_ERROR, 0,
                   "prediction %s: layer \"%s\" is not a list", d->id,
                   opt_layer);
      score_doc_free (d);
      return NULL;
    }
  json_array_foreach (list, i, q)
  {
    ScoreQuote sq = { 0 };
    json_t *s = json_object_get (q, "start"), *e = json_object_get (q, "end");
    if (json_is_integer (s) && json_is_integer (e))
      {
        sq.start = json_integer_value (s);
        sq.end = json_integer_value (e);
      }
    else if (!score_get_span (json_object_get (q, "span"), &sq.start, &sq.end))
      {
        g_set_error (error, SCORE_ERROR, 0,
                     "prediction %s: annotation %zu has no start/end", d->id,
                     i);
        score_doc_free (d);
        return NULL;
      }
    sq.speaker = score_dup_string (json_object_get (q, "speaker"));
    g_array_append_val (d->quotes, sq);
  }
  return d;
}

/* Reads a JSON document or JSONL file of records with @parse. */
static GPtrArray *
score_read (const char *path, gboolean gold, GError **error)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (score_doc_free);
  char *contents = NULL, *dir = g_path_get_dirname (path);
  gsize len;
  json_t *whole;
  json_error_t jerr;

  if (!g_file_get_contents (path, &contents, &len, error))
    goto out_fail;
  /* one JSON value (object or array of objects), else JSONL */
  whole = json_loadb (contents, len, 0, &jerr);
  if (whole)
    {
      json_t *items = whole;
      size_t i;
      json_t *o;
      if (json_is_object (whole))
        {
          items = json_array ();
          json_array_append (items, whole);
        }
      json_array_foreach (items, i, o)
      {
        ScoreDoc *d = gold ? score_parse_gold (o, dir, error)
                           : score_parse_pred (o, error);
        if (d == NULL)
          {
            if (items != whole)
              json_decref (items);
            json_decref (whole);
            goto out_fail;
          }
        g_ptr_array_add (docs, d);
      }
      if (items != whole)
        json_decref (items);
      json_decref (whole);
    }
  else
    {
      char **lines = g_strsplit (contents, "\n", -1);
      for (guint n = 0; lines[n]; n++)
        {
          ScoreDoc *d;
          json_t *o;
          if (*g_strstrip (lines[n]) == '\0')
            continue;
          o = json_loads (lines[n], 0, &jerr);
          if (!json_is_object (o))
            {
              g_set_error (error, SCORE_ERROR, 0,
                           "%s:%u: not a JSON object: %s", path, n + 1,
                           jerr.text);
              json_decref (o);
              g_strfreev (lines);
              goto out_fail;
            }
          d = gold ? score_parse_gold (o, dir, error)
                   : score_parse_pred (o, error);
          json_decref (o);
          if (d == NULL)
            {
              g_prefix_error (error, "%s:%u: ", path, n + 1);
              g_strfreev (lines);
              goto out_fail;
            }
          g_ptr_array_add (docs, d);
        }
      g_strfreev (lines);
    }
  g_free (contents);
  g_free (dir);
  return docs;

out_fail:
  g_free (contents);
  g_free (dir);
  g_ptr_array_unref (docs);
  return NULL;
}

/* The id's file base name without extension ("dir/a.txt" -> "a"). */
static char *
score_base_id (const char *id)
{
  char *base = g_path_get_basename (id);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  return base;
}

/* Normalises a speaker name: lower case, no leading article, single
 * spaces, no punctuation at the ends. */
static char *
score_norm_name (const char *s)
{
  char *low = g_utf8_strdown (s, -1);
  char **words = g_strsplit_set (low, " \t\n", -1);
  GString *out = g_string_new (NULL);
  guint i = 0;

  while (words[i] && *words[i] == '\0')
    i++;
  if (words[i]
      && (strcmp (words[i], "the") == 0 || strcmp (words[i], "a") == 0
          || strcmp (words[i], "an") == 0))
    i++;
  for (; words[i]; i++)
    {
      char *w = words[i];
      gsize n = strlen (w);
      while (n > 0 && strchr (".,;:'\"", w[n - 1]))
        w[--n] = '\0';
      if (n == 0)
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, w);
    }
  g_strfreev (words);
  g_free (low);
  return g_string_free (out, FALSE);
}

/* Whether @small's words appear in order, contiguous, in @big. */
static gboolean
score_has_words (const char *big, const char *small)
{
  gsize n = strlen (small);
  const char *p = big;

  if (n == 0)
    return FALSE;
  while ((p = strstr (p, small)) != NULL)
    {
      gboolean left = p == big || p[-1] == ' ';
      gboolean right = p[n] == '\0' || p[n] == ' ';
      if (left && right)
        return TRUE;
      p++;
    }
  return FALSE;
}

/* Whether predicted name @pred matches gold name @gold. */
static gboolean
score_name_match (const char *pred, const char *gold)
{
  char *p = score_norm_name (pred), *g = score_norm_name (gold);
  const char *ps = strrchr (p, ' '), *gs = strrchr (g, ' ');
  gboolean ok;

  ps = ps ? ps + 1 : p;
  gs = gs ? gs + 1 : g;
  ok = *p && *g
       && (strcmp (p, g) == 0 || strcmp (ps, gs) == 0 || score_has_words (p, g)
           || score_has_words (g, p));
  g_free (p);
  g_free (g);
  return ok;
}

/* Whether the predicted speaker is right for gold quote @g. */
static gboolean
score_speaker_right (const ScoreQuote *pred, const ScoreQuote *g)
{
  if (g->speaker == NULL)
    return pred->speaker == NULL;
  if (pred->speaker == NULL)
    return FALSE;
  if (score_name_match (pred->speaker, g->speaker))
    return TRUE;
  for (char **a = g->alternatives; a && *a; a++)
    if (score_name_match (pred->speaker, *a))
      return TRUE;
  return FALSE;
}

/* Overlap of two half-open spans. */
static gint64
score_overlap (const ScoreQuote *a, const ScoreQuote *b)
{
  gint64 s = MAX (a->start, b->start), e = MIN (a->end, b->end);
  return e > s ? e - s : 0;
}

/* A candidate gold/prediction pair. */
typedef struct {
  guint g, p;
  gint64 overlap;
} ScorePair;

/* Sorts pairs by overlap, largest first. */
static gint
score_cmp_pair (gconstpointer a, gconstpointer b)
{
  const ScorePair *x = a, *y = b;
  if (x->overlap != y->overlap)
    return x->overlap > y->overlap ? -1 : 1;
  if (x->g != y->g)
    return x->g < y->g ? -1 : 1;
  return x->p < y->p ? -1 : (x->p > y->p);
}

/* Prints a quote for -v. */
static void
score_print_quote (const char *what, const ScoreDoc *doc, const char *text,
                   const ScoreQuote *q, const char *speaker2)
{
  char *snippet = NULL;
  if (text && q->start >= 0 && q->end >= q->start)
    {
      glong n = g_utf8_strlen (text, -1);
      if (q->end <= n)
        {
          const char *s = g_utf8_offset_to_pointer (text, q->start);
          const char *e
              = g_utf8_offset_to_pointer (text, MIN (q->end, q->start + 70));
          snippet = g_strndup (s, e - s);
        }
    }
  printf ("  %-13s %s [%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ") %s%s%s%s%s\n",
          what, doc->id, q->start, q->end, q->speaker ? q->speaker : "(null)",
          speaker2 ? " <> gold " : "", speaker2 ? speaker2 : "",
          snippet ? "  | " : "", snippet ? snippet : "");
  g_free (snippet);
}

/* Scores one document's predictions @pred (may be NULL) against @gold. */
static void
score_doc (const ScoreDoc *gold, const ScoreDoc *pred, ScoreTotals *tot)
{
  guint ng = gold->quotes->len, np = pred ? pred->quotes->len : 0;
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (ScorePair));
  const char *text = gold->text ? gold->text : (pred ? pred->text : NULL);

  tot->gold += ng;
  tot->pred += np;
  for (guint g = 0; g < ng; g++)
    for (guint p = 0; p < np; p++)
      {
        ScorePair pr = { g, p, 0 };
        pr.overlap
            = score_overlap (&g_array_index (gold->quotes, ScoreQuote, g),
                             &g_array_index (pred->quotes, ScoreQuote, p));
        if (pr.overlap > 0)
          g_array_append_val (pairs, pr);
      }
  g_array_sort (pairs, score_cmp_pair);

  for (guint t = 0; t < 2; t++)
    {
      gboolean *gused = g_new0 (gboolean, ng + 1);
      gboolean *pused = g_new0 (gboolean, np + 1);
      double th = score_thresholds[t];

      /* recall: greedy one-to-one, best overlap first */
      for (guint k = 0; k < pairs->len; k++)
        {
          ScorePair *pr = &g_array_index (pairs, ScorePair, k);
          const ScoreQuote *gq
              = &g_array_index (gold->quotes, ScoreQuote, pr->g);
          const ScoreQuote *pq
              = &g_array_index (pred->quotes, ScoreQuote, pr->p);
          gint64 glen = MAX (1, gq->end - gq->start);
          if (gused[pr->g] || pused[pr->p] || (double)pr->overlap / glen <= th)
            continue;
          gused[pr->g] = pused[pr->p] = TRUE;
          tot->found[t]++;
          if (t == 0)
            {
              tot->speaker_total++;
              if (gq->speaker == NULL)
                tot->speaker_gold_null++;
              if (score_speaker_right (pq, gq))
                tot->speaker_right++;
              else if (opt_verbose)
                score_print_quote ("wrong-speaker", pred, text, pq,
                                   gq->speaker ? gq->speaker : "(null)");
            }
        }
      if (t == 0 && opt_verbose)
        for (guint g = 0; g < ng; g++)
          if (!gused[g])
            score_print_quote ("missed", gold, text,
                               &g_array_index (gold->quotes, ScoreQuote, g),
                               NULL);
      /* precision: a prediction more than th inside one gold quote */
      for (guint p = 0; p < np; p++)
        {
          const ScoreQuote *pq = &g_array_index (pred->quotes, ScoreQuote, p);
          gint64 plen = MAX (1, pq->end - pq->start);
          gboolean ok = FALSE;
          for (guint g = 0; g < ng && !ok; g++)
            ok = (double)score_overlap (
                     pq, &g_array_index (gold->quotes, ScoreQuote, g))
                     / plen
                 > th;
          if (ok)
            tot->right[t]++;
          else if (t == 0 && opt_verbose)
            score_print_quote ("spurious", pred, text, pq, NULL);
        }
      g_free (gused);
      g_free (pused);
    }
  g_array_unref (pairs);
}

/* Finds the prediction for gold document @g. */
static ScoreDoc *
score_find_pred (GHashTable *by_id, GHashTable *by_base, const ScoreDoc *g)
{
  ScoreDoc *p = g_hash_table_lookup (by_id, g->id);
  if (p == NULL)
    {
      char *b = score_base_id (g->id);
      p = g_hash_table_lookup (by_base, b);
      g_free (b);
    }
  return p;
}

/* Converts the byte offsets of @pred to code points with @text. */
static gboolean
score_convert_offsets (ScoreDoc *pred, const char *text)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < pred->quotes->len; i++)
    {
      ScoreQuote *q = &g_array_index (pred->quotes, ScoreQuote, i);
      q->start = score_byte_to_cp (text, q->start);
      q->end = score_byte_to_cp (text, q->end);
    }
  return TRUE;
}

/* Prints precision, recall and F1. */
static void
score_print_prf (const char *label, guint right, guint pred, guint found,
                 guint gold)
{
  double p = pred ? (double)right / pred : 0.0;
  double r = gold ? (double)found / gold : 0.0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  if (opt_json)
    printf ("\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f},", label,
            p, r, f);
  else
    printf ("overlap > %s: P %.4f (%u/%u)  R %.4f (%u/%u)  F1 %.4f\n", label, p,
            right, pred, r, found, gold, f);
}

int
main (int argc, char **argv)
{
  GOptionEntry entries[]
      = { { "byte-offsets", 'b', 0, G_OPTION_ARG_NONE, &opt_byte_offsets,
            "Predicted offsets are bytes (needs the texts)", NULL },
          { "layer", 'l', 0, G_OPTION_ARG_STRING, &opt_layer,
            "Layer holding the quotes (default: quote)", "NAME" },
          { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
            "List missed, spurious and wrongly attributed quotes", NULL },
          { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, "Print one JSON object",
            NULL },
          { NULL } };
  GOptionContext *ctx = g_option_context_new ("GOLD PREDICTIONS");
  GError *error = NULL;
  GPtrArray *gold = NULL, *pred = NULL;
  GHashTable *by_id = NULL, *by_base = NULL;
  ScoreTotals tot = { 0 };
  guint unmatched = 0;
  int status = 1;

  g_option_context_set_summary (
      ctx, "Scores quotes found by textpipe (JSONL output) against gold\n"
           "quotes (JSON or JSONL in the eval guidelines' format), the way\n"
           "the Gender Gap Tracker's evaluation does.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    goto out_error;
  if (argc != 3)
    {
      char *help = g_option_context_get_help (ctx, TRUE, NULL);
      fprintf (stderr, "%s", help);
      g_free (help);
      status = 2;
      goto out;
    }
  if (opt_layer == NULL)
    opt_layer = g_strdup ("quote");
  gold = score_read (argv[1], TRUE, &error);
  if (gold == NULL)
    goto out_error;
  pred = score_read (argv[2], FALSE, &error);
  if (pred == NULL)
    goto out_error;

  by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  by_base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < pred->len; i++)
    {
      ScoreDoc *p = g_ptr_array_index (pred, i);
      g_hash_table_insert (by_id, p->id, p);
      g_hash_table_insert (by_base, score_base_id (p->id), p);
    }
  for (guint i = 0; i < gold->len; i++)
    {
      ScoreDoc *g = g_ptr_array_index (gold, i);
      ScoreDoc *p = score_find_pred (by_id, by_base, g);
      if (p == NULL)
        unmatched++;
      else if (opt_byte_offsets
               && !score_convert_offsets (p, p->text ? p->text : g->text))
        {
          g_set_error (&error, SCORE_ERROR, 0,
                       "--byte-offsets: no text for document %s", g->id);
          goto out_error;
        }
      score_doc (g, p, &tot);
    }

  if (opt_json)
    printf ("{\"documents\":%u,\"unmatched\":%u,\"gold\":%u,\"predicted\":%u,",
            gold->len, unmatched, tot.gold, tot.pred);
  else
    printf ("documents %u (no prediction for %u), gold quotes %u, predicted "
            "%u\n",
            gold->len, unmatched, tot.gold, tot.pred);
  score_print_prf ("0.3", tot.right[0], tot.pred, tot.found[0], tot.gold);
  score_print_prf ("0.8", tot.right[1], tot.pred, tot.found[1], tot.gold);
  if (opt_json)
    printf ("\"speaker_accuracy\":%.4f,\"speaker_right\":%u,\"speaker_total\":%"
            "u}\n",
            tot.speaker_total ? (double)tot.speaker_right / tot.speaker_total
                              : 0.0,
            tot.speaker_right, tot.speaker_total);
  else
    printf ("speaker right for %.4f of found quotes (%u/%u, overlap > 0.3)\n",
            tot.speaker_total ? (double)tot.speaker_right / tot.speaker_total
                              : 0.0,
            tot.speaker_right, tot.speaker_total);
  status = 0;
  goto out;

out_error:
  fprintf (stderr, "textpipe-score-quotes: %s\n", error->message);
  g_clear_error (&error);
out:
  if (by_id)
    g_hash_table_unref (by_id);
  if (by_base)
    g_hash_table_unref (by_base);
  if (gold)
    g_ptr_array_unref (gold);
  if (pred)
    g_ptr_array_unref (pred);
  g_free (opt_layer);
  g_option_context_free (ctx);
  return status;
}
