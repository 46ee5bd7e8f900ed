/* textpipe-score-tariffs: scores textpipe's tariff events against gold.
 *
 *   textpipe-score-tariffs [OPTIONS] GOLD PREDICTIONS
 *
 * GOLD is JSONL (or one JSON object) in the format of the eval guidelines:
 * {"id": ..., "file"?: ..., "events": [{"sentence_span": [s, e],
 * "trigger_span": [s, e], "action", "status", "retaliation", "imposer",
 * "target", "rate_percent", "goods": [...]}]}; the key "tariffs" with
 * "sentence"/"trigger" spans is read too.  PREDICTIONS is textpipe's JSONL
 * output: {"id": ..., "layers": {"tariff": [{"start", "end", "sentence":
 * [s, e], "action", ...}]}}.  Offsets are code points in both (textpipe's
 * default).  Documents are matched by id, then by file base name without
 * extension; a gold document with no output counts as all missed.
 *
 * Scoring follows the guidelines: a predicted event matches a gold event
 * in the same sentence (its trigger lies inside the gold sentence) with
 * the same action; triggers that overlap pair first, each gold and each
 * prediction used once.  Event precision, recall and F1 come from these
 * matches.  On matched events imposer, target, status, retaliation and
 * rate_percent are compared exactly and goods by token-overlap F1.  Action
 * accuracy is reported on a looser matching that ignores the action (same
 * sentence, overlapping triggers first).
 */
#include <glib.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One event, gold or predicted. */
typedef struct {
  gint64 start, end;           /* trigger */
  gint64 sent_start, sent_end; /* sentence */
  char *action, *status, *imposer, *target;
  int retaliation; /* -1 null */
  gboolean has_rate;
  double rate;
  char **goods;
} ScoreEvent;

/* The events of one document. */
typedef struct {
  char *id;
  char *file;     /* gold "file", may be NULL */
  GArray *events; /* ScoreEvent */
} ScoreDoc;

/* Running totals. */
typedef struct {
  guint gold, pred, matched;
  guint imposer, target, status, retaliation, rate, all;
  double goods;
  guint loose, loose_action;
} ScoreTotals;

#define SCORE_ERROR g_quark_from_static_string ("textpipe-score-tariffs")

static gboolean opt_verbose;

/* A copy of string member @key of @obj, or NULL. */
static char *
score_dup_string (json_t *obj, const char *key)
{
  json_t *v = json_object_get (obj, key);

  return json_is_string (v) ? g_strdup (json_string_value (v)) : NULL;
}

/* Reads a [start, end] pair from @obj[@key]. */
static gboolean
score_span (json_t *obj, const char *key, gint64 *start, gint64 *end)
{
  json_t *v = json_object_get (obj, key);

  if (!json_is_array (v) || json_array_size (v) != 2
      || !json_is_integer (json_array_get (v, 0))
      || !json_is_integer (json_array_get (v, 1)))
    return FALSE;
  *start = json_integer_value (json_array_get (v, 0));
  *end = json_integer_value (json_array_get (v, 1));
  return TRUE;
}

/* Frees the strings of one event (the array owns the struct). */
static void
score_event_clear (gpointer data)
{
  ScoreEvent *ev = data;

  g_free (ev->action);
  g_free (ev->status);
  g_free (ev->imposer);
  g_free (ev->target);
  g_strfreev (ev->goods);
}

/* Frees one document and its events. */
static void
score_doc_free (gpointer data)
{
  ScoreDoc *doc = data;

  g_free (doc->id);
  g_free (doc->file);
  g_array_unref (doc->events);
  g_free (doc);
}

/* Reads the fields every event has. */
static void
score_event_fields (json_t *obj, ScoreEvent *ev)
{
  json_t *v;

  ev->action = score_dup_string (obj, "action");
  ev->status = score_dup_string (obj, "status");
  ev->imposer = score_dup_string (obj, "imposer");
  ev->target = score_dup_string (obj, "target");
  v = json_object_get (obj, "retaliation");
  ev->retaliation = json_is_boolean (v) ? json_is_true (v) : -1;
  v = json_object_get (obj, "rate_percent");
  ev->has_rate = json_is_number (v);
  ev->rate = ev->has_rate ? json_number_value (v) : 0.0;
  v = json_object_get (obj, "goods");
  {
    GPtrArray *goods = g_ptr_array_new ();

    if (json_is_array (v))
      for (size_t k = 0; k < json_array_size (v); k++)
        if (json_is_string (json_array_get (v, k)))
          g_ptr_array_add (
              goods, g_strdup (json_string_value (json_array_get (v, k))));
    g_ptr_array_add (goods, NULL);
    ev->goods = (char **)g_ptr_array_free (goods, FALSE);
  }
}

/* Parses one record of the gold (@gold TRUE) or the predictions. */
static ScoreDoc *
score_doc_parse (json_t *rec, gboolean gold, GError **error)
{
  ScoreDoc *doc;
  json_t *events;

  if (!json_is_object (rec) || !json_is_string (json_object_get (rec, "id")))
    {
      g_set_error (error, SCORE_ERROR, 1, "a record has no string \"id\"");
      return NULL;
    }
  doc = g_new0 (ScoreDoc, 1);
  doc->id = score_dup_string (rec, "id");
  doc->file = score_dup_string (rec, "file");
  doc->events = g_array_new (FALSE, TRUE, sizeof (ScoreEvent));
  g_array_set_clear_func (doc->events, score_event_clear);
  if (gold)
    {
      events = json_object_get (rec, "events");
      if (events == NULL)
        events = json_object_get (rec, "tariffs");
    }
  else
    events = json_object_get (json_object_get (rec, "layers"), "tariff");
  if (events != NULL && !json_is_array (events))
    {
      g_set_error (error, SCORE_ERROR, 1, "%s: events are not a list", doc->id);
      score_doc_free (doc);
      return NULL;
    }
  for (size_t k = 0; events != NULL && k < json_array_size (events); k++)
    {
      json_t *e = json_array_get (events, k);
      ScoreEvent ev = { 0 };
      gboolean ok;

      if (gold)
        ok = (score_span (e, "trigger_span", &ev.start, &ev.end)
              || score_span (e, "trigger", &ev.start, &ev.end))
             && (score_span (e, "sentence_span", &ev.sent_start, &ev.sent_end)
                 || score_span (e, "sentence", &ev.sent_start, &ev.sent_end));
      else
        {
          json_t *s = json_object_get (e, "start");
          json_t *t = json_object_get (e, "end");

          ok = json_is_integer (s) && json_is_integer (t);
          if (ok)
            {
              ev.start = json_integer_value (s);
              ev.end = json_integer_value (t);
            }
          if (!score_span (e, "sentence", &ev.sent_start, &ev.sent_end))
            {
              ev.sent_start = ev.start;
              ev.sent_end = ev.end;
            }
        }
      if (!ok)
        {
          g_set_error (error, SCORE_ERROR, 1,
                       "%s: event %zu has no trigger or sentence span", doc->id,
                       k);
          score_doc_free (doc);
          return NULL;
        }
      score_event_fields (e, &ev);
      g_array_append_val (doc->events, ev);
    }
  return doc;
}

/* Reads a JSON object or JSONL file into a list of documents. */
static GPtrArray *
score_load (const char *path, gboolean gold, GError **error)
{
  char *contents = NULL;
  gsize length;
  GPtrArray *docs = g_ptr_array_new_with_free_func (score_doc_free);
  json_error_t jerr;
  json_t *whole;

  if (!g_file_get_contents (path, &contents, &length, error))
    goto out_fail;
  whole = json_loadb (contents, length, 0, &jerr);
  if (whole != NULL)
    {
      ScoreDoc *doc = score_doc_parse (whole, gold, error);

      json_decref (whole);
      if (doc == NULL)
        goto out_fail;
      g_ptr_array_add (docs, doc);
    }
  else
    {
      char **lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          json_t *rec;
          ScoreDoc *doc;

          if (*g_strstrip (lines[i]) == '\0')
            continue;
          rec = json_loads (lines[i], 0, &jerr);
          if (rec == NULL)
            {
              g_set_error (error, SCORE_ERROR, 1, "%s:%u: %s", path, i + 1,
                           jerr.text);
              g_strfreev (lines);
              goto out_fail;
            }
          doc = score_doc_parse (rec, gold, error);
          json_decref (rec);
          if (doc == NULL)
            {
              g_prefix_error (error, "%s:%u: ", path, i + 1);
              g_strfreev (lines);
              goto out_fail;
            }
          g_ptr_array_add (docs, doc);
        }
      g_strfreev (lines);
    }
  g_free (contents);
  return docs;

out_fail:
  g_free (contents);
  g_ptr_array_unref (docs);
  return NULL;
}

/* The base name of @path without its extension. */
static char *
score_stem (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

/* The prediction document for gold document @gold, or NULL. */
static ScoreDoc *
score_find (GHashTable *by_id, GHashTable *by_stem, const ScoreDoc *gold)
{
  ScoreDoc *doc = g_hash_table_lookup (by_id, gold->id);

  if (doc == NULL)
    doc = g_hash_table_lookup (by_stem, gold->id);
  if (doc == NULL && gold->file != NULL)
    {
      char *stem = score_stem (gold->file);

      doc = g_hash_table_lookup (by_stem, stem);
      g_free (stem);
    }
  return doc;
}

/* Equal ignoring ASCII case; two nulls are equal. */
static gboolean
score_str_equal (const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_ascii_strcasecmp (a, b) == 0;
}

/* Appends the lower-case alphanumeric tokens of @goods to @out. */
static void
score_tokens (char **goods, GPtrArray *out)
{
  for (guint k = 0; goods[k] != NULL; k++)
    {
      char *low = g_utf8_strdown (goods[k], -1);
      char *p = low;

      while (*p != '\0')
        {
          char *q;

          while (*p != '\0' && !g_ascii_isalnum (*p) && (guchar)*p < 0x80)
            p++;
          q = p;
          while (*q != '\0' && (g_ascii_isalnum (*q) || (guchar)*q >= 0x80))
            q++;
          if (q > p)
            g_ptr_array_add (out, g_strndup (p, q - p));
          p = q;
        }
      g_free (low);
    }
}

/* Token-overlap F1 of two goods lists; 1 when both are empty. */
static double
score_goods_f1 (char **gold, char **pred)
{
  GPtrArray *g = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *p = g_ptr_array_new_with_free_func (g_free);
  guint common = 0;
  double f1;

  score_tokens (gold, g);
  score_tokens (pred, p);
  if (g->len == 0 && p->len == 0)
    f1 = 1.0;
  else
    {
      gboolean *used = g_new0 (gboolean, g->len + 1);

      for (guint i = 0; i < p->len; i++)
        for (guint j = 0; j < g->len; j++)
          if (!used[j] && strcmp (p->pdata[i], g->pdata[j]) == 0)
            {
              used[j] = TRUE;
              common++;
              break;
            }
      g_free (used);
      f1 = common == 0 ? 0.0 : 2.0 * common / (g->len + p->len);
    }
  g_ptr_array_unref (g);
  g_ptr_array_unref (p);
  return f1;
}

/* TRUE when the predicted trigger starts inside the gold sentence. */
static gboolean
score_in_sentence (const ScoreEvent *gold, const ScoreEvent *pred)
{
  return pred->start >= gold->sent_start && pred->start < gold->sent_end;
}

/* TRUE when two triggers overlap. */
static gboolean
score_overlap (const ScoreEvent *a, const ScoreEvent *b)
{
  return a->start < b->end && b->start < a->end;
}

/* Pairs gold and predicted events: overlapping triggers first, then any
 * prediction in the same sentence; with @same_action the actions must
 * agree.  pair[g] is the prediction index or -1. */
static void
score_pair (const ScoreDoc *gold, const ScoreDoc *pred, gboolean same_action,
            int *pair)
{
  guint ng = gold->events->len, np = pred ? pred->events->len : 0;
  gboolean *used = g_new0 (gboolean, np + 1);

  for (guint g = 0; g < ng; g++)
    pair[g] = -1;
  for (int pass = 0; pass < 2; pass++)
    for (guint g = 0; g < ng; g++)
      {
        const ScoreEvent *ge = &g_array_index (gold->events, ScoreEvent, g);

        if (pair[g] >= 0)
          continue;
        for (guint p = 0; p < np; p++)
          {
            const ScoreEvent *pe = &g_array_index (pred->events, ScoreEvent, p);

            if (used[p] || !score_in_sentence (ge, pe))
              continue;
            if (pass == 0 && !score_overlap (ge, pe))
              continue;
            if (same_action && !score_str_equal (ge->action, pe->action))
              continue;
            pair[g] = (int)p;
            used[p] = TRUE;
            break;
          }
      }
  g_free (used);
}

/* Prints one event on one line (--verbose). */
static void
score_print_event (const char *tag, const char *id, const ScoreEvent *ev)
{
  GString *goods = g_string_new (NULL);
  char rate[G_ASCII_DTOSTR_BUF_SIZE] = "null";

  if (ev->has_rate)
    g_ascii_dtostr (rate, sizeof rate, ev->rate);

  for (guint k = 0; ev->goods[k] != NULL; k++)
    g_string_append_printf (goods, "%s%s", k ? "|" : "", ev->goods[k]);
  printf ("%s %s [%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ") %s/%s ret=%d "
          "imposer=%s target=%s rate=%s goods=%s\n",
          tag, id, ev->start, ev->end, ev->action ? ev->action : "-",
          ev->status ? ev->status : "-", ev->retaliation,
          ev->imposer ? ev->imposer : "null", ev->target ? ev->target : "null",
          rate, goods->str);
  g_string_free (goods, TRUE);
}

/* Scores one gold document against its predictions (NULL: none). */
static void
score_doc (const ScoreDoc *gold, const ScoreDoc *pred, ScoreTotals *t)
{
  guint ng = gold->events->len, np = pred ? pred->events->len : 0;
  int *pair = g_new (int, ng + 1);
  gboolean *hit = g_new0 (gboolean, np + 1);

  t->gold += ng;
  t->pred += np;
  score_pair (gold, pred, FALSE, pair);
  for (guint g = 0; g < ng; g++)
    if (pair[g] >= 0)
      {
        const ScoreEvent *ge = &g_array_index (gold->events, ScoreEvent, g);
        const ScoreEvent *pe
            = &g_array_index (pred->events, ScoreEvent, pair[g]);

        t->loose++;
        if (score_str_equal (ge->action, pe->action))
          t->loose_action++;
      }
  score_pair (gold, pred, TRUE, pair);
  for (guint g = 0; g < ng; g++)
    {
      const ScoreEvent *ge = &g_array_index (gold->events, ScoreEvent, g);
      const ScoreEvent *pe;
      gboolean imp, tgt, st, ret, rate, all;
      double gf;

      if (pair[g] < 0)
        {
          if (opt_verbose)
            score_print_event ("MISS", gold->id, ge);
          continue;
        }
      pe = &g_array_index (pred->events, ScoreEvent, pair[g]);
      hit[pair[g]] = TRUE;
      t->matched++;
      imp = score_str_equal (ge->imposer, pe->imposer);
      tgt = score_str_equal (ge->target, pe->target);
      st = score_str_equal (ge->status, pe->status);
      ret = ge->retaliation == pe->retaliation;
      rate = ge->has_rate == pe->has_rate
             && (!ge->has_rate || ABS (ge->rate - pe->rate) < 1e-6);
      gf = score_goods_f1 (ge->goods, pe->goods);
      all = imp && tgt && st && ret && rate && gf > 0.999;
      t->imposer += imp;
      t->target += tgt;
      t->status += st;
      t->retaliation += ret;
      t->rate += rate;
      t->goods += gf;
      t->all += all;
      if (opt_verbose && !all)
        {
          score_print_event ("GOLD", gold->id, ge);
          score_print_event ("  PRED", gold->id, pe);
        }
    }
  for (guint p = 0; opt_verbose && p < np; p++)
    if (!hit[p])
      score_print_event ("EXTRA", gold->id,
                         &g_array_index (pred->events, ScoreEvent, p));
  g_free (pair);
  g_free (hit);
}

/* a / b, or 0 when b is 0. */
static double
score_ratio (double a, double b)
{
  return b > 0 ? a / b : 0.0;
}

/* Loads both files, pairs documents and prints the scores. */
int
main (int argc, char **argv)
{
  GOptionEntry entries[]
      = { { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
            "list missed, extra and partly wrong events", NULL },
          { NULL } };
  GOptionContext *ctx = g_option_context_new ("GOLD PREDICTIONS");
  GError *error = NULL;
  GPtrArray *gold = NULL, *pred = NULL;
  GHashTable *by_id = NULL, *by_stem = NULL;
  ScoreTotals t = { 0 };
  double p, r, f1;
  int status = 1;

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (
      ctx, "Scores textpipe's `tariff` layer against gold tariff events:\n"
           "event precision, recall and F1 (same sentence and action) and\n"
           "the accuracy of each field on matched events.");
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    goto out_error;
  if (argc != 3)
    {
      g_printerr ("usage: textpipe-score-tariffs [--verbose] GOLD "
                  "PREDICTIONS\n");
      goto out;
    }
  gold = score_load (argv[1], TRUE, &error);
  if (gold == NULL)
    goto out_error;
  pred = score_load (argv[2], FALSE, &error);
  if (pred == NULL)
    goto out_error;
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  by_stem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint k = 0; k < pred->len; k++)
    {
      ScoreDoc *doc = pred->pdata[k];

      g_hash_table_insert (by_id, doc->id, doc);
      g_hash_table_insert (by_stem, score_stem (doc->id), doc);
    }
  for (guint k = 0; k < gold->len; k++)
    {
      const ScoreDoc *g = gold->pdata[k];

      score_doc (g, score_find (by_id, by_stem, g), &t);
    }
  p = score_ratio (t.matched, t.pred);
  r = score_ratio (t.matched, t.gold);
  f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  printf ("documents     %u\n", gold->len);
  printf ("events        gold %u  predicted %u  matched %u\n", t.gold, t.pred,
          t.matched);
  printf ("precision     %.3f\nrecall        %.3f\nf1            %.3f\n", p, r,
          f1);
  printf ("action        %.3f  (%u/%u events in the gold sentence)\n",
          score_ratio (t.loose_action, t.loose), t.loose_action, t.loose);
  printf ("imposer       %.3f  (%u/%u)\n", score_ratio (t.imposer, t.matched),
          t.imposer, t.matched);
  printf ("target        %.3f  (%u/%u)\n", score_ratio (t.target, t.matched),
          t.target, t.matched);
  printf ("status        %.3f  (%u/%u)\n", score_ratio (t.status, t.matched),
          t.status, t.matched);
  printf ("retaliation   %.3f  (%u/%u)\n",
          score_ratio (t.retaliation, t.matched), t.retaliation, t.matched);
  printf ("rate_percent  %.3f  (%u/%u)\n", score_ratio (t.rate, t.matched),
          t.rate, t.matched);
  printf ("goods_f1      %.3f\n", score_ratio (t.goods, t.matched));
  printf ("all_fields    %.3f  (%u/%u)\n", score_ratio (t.all, t.matched),
          t.all, t.matched);
  status = 0;
  goto out;

out_error:
  g_printerr ("textpipe-score-tariffs: %s\n", error->message);
  g_error_free (error);
out:
  if (by_id != NULL)
    g_hash_table_unref (by_id);
  if (by_stem != NULL)
    g_hash_table_unref (by_stem);
  if (gold != NULL)
    g_ptr_array_unref (gold);
  if (pred != NULL)
    g_ptr_array_unref (pred);
  g_option_context_free (ctx);
  return status;
}
