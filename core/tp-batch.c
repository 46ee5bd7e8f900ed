/* tp-batch.c: batches of records: run through the stages, turned into
 * output and reject lines.  Workers (threads or processes) run these. */
#include "config.h"

#include <string.h>

#include "tp-run-private.h"

TP_TLS gint64 tp_current_pos = -1;
volatile gint64 *tp_shared_pos;

void
tp_record_clear (TpRecord *r)
{
  /* a record that was written holds nothing any more */
  if (r->doc == NULL && r->in.block == NULL && r->in.data == NULL
      && r->id == NULL && r->message == NULL)
    return;
  tp_document_free (r->doc);
  tp_raw_record_clear (&r->in);
  g_free (r->id);
  g_free (r->message);
}

TpBatch *
tp_batch_new (guint64 seq)
{
  TpBatch *b = g_new0 (TpBatch, 1);
  b->seq = seq;
  b->records
      = g_array_sized_new (FALSE, TRUE, sizeof (TpRecord), TP_BATCH_DOCS);
  g_array_set_clear_func (b->records, (GDestroyNotify)tp_record_clear);
  b->out = g_string_sized_new (64 * 1024);
  b->rej = g_string_new (NULL);
  return b;
}

void
tp_batch_free (TpBatch *b)
{
  if (b == NULL)
    return;
  g_array_unref (b->records);
  g_string_free (b->out, TRUE);
  g_string_free (b->rej, TRUE);
  g_free (b);
}

/* Appends the reject line for @r to @b->rej: id, stage, plugin@version,
 * error, and the input it came from, so it can be fixed and run again. */
static void
tp_batch_reject (TpBatch *b, TpRecord *r)
{
  GString *s = b->rej;
  const char *record = r->doc ? tp_document_get_record (r->doc)
                       : r->in.format != TP_INPUT_TEXT ? r->in.data
                                                       : NULL;

  r->status = TP_DOC_REJECTED;
  r->start = s->len;
  g_string_append (s, "{\"id\":");
  tp_json_append_string (s, r->id ? r->id : "", -1);
  g_string_append (s, ",\"stage\":");
  if (r->stage)
    {
      const TpPluginDescriptor *d = r->stage->plugin->desc;
      char *pv = g_strdup_printf ("%s@%s", d->name, d->version);
      tp_json_append_string (s, r->stage->name, -1);
      g_string_append (s, ",\"plugin\":");
      tp_json_append_string (s, pv, -1);
      g_free (pv);
    }
  else
    g_string_append (s, "\"reader\",\"plugin\":null");
  g_string_append (s, ",\"error\":");
  tp_json_append_string (s, r->message, -1);
  if (record && r->doc)
    {
      /* A record that parsed is valid JSON: keep it as it was. */
      g_string_append (s, ",\"record\":");
      g_string_append (s, record);
    }
  else if (record)
    {
      g_string_append (s, ",\"record_raw\":");
      tp_json_append_string (s, record, r->in.len);
    }
  else if (r->doc)
    {
      g_string_append (s, ",\"text\":");
      tp_json_append_string (s, tp_document_get_text (r->doc),
                             tp_document_get_length (r->doc));
    }
  g_string_append (s, "}\n");
  r->end = s->len;
}

/* Parses record @r into r->doc, or settles it: skipped (another shard's),
 * rejected by the reader, or rejected for having killed an earlier run.
 * @id is a buffer for the record's id, copied only for a reject. */
static void
tp_batch_parse (TpRun *run, TpBatch *b, TpRecord *r, GString *id)
{
  GError *error = NULL;

  r->doc = tp_reader_parse_with_id (run->reader, &r->in, r->plain, id, &error);
  /* A parsed JSONL record keeps its line in the document. */
  if (run->opts->shard_count > 1
      && tp_shard_of (id->str, run->opts->shard_count)
             != run->opts->shard_index)
    {
      r->status = TP_DOC_SKIPPED;
      g_clear_error (&error);
      tp_document_free (g_steal_pointer (&r->doc));
      tp_raw_record_clear (&r->in);
      return;
    }
  if (r->doc == NULL)
    {
      r->id = g_strdup (id->str);
      r->message = g_strdup (error->message);
      g_error_free (error);
      tp_batch_reject (b, r);
      tp_raw_record_clear (&r->in);
      return;
    }
  tp_raw_record_clear (&r->in);
  if (r->crashed)
    {
      if (r->crashed_stage >= 0
          && (guint)r->crashed_stage < run->pipeline->stages->len)
        r->stage = g_ptr_array_index (run->pipeline->stages, r->crashed_stage);
      r->id = g_strdup (id->str);
      r->message = g_strdup_printf (
          "processing this document killed the process (signal %d, %s); "
          "it was not processed again",
          r->crashed, g_strsignal (r->crashed));
      tp_batch_reject (b, r);
      tp_document_free (g_steal_pointer (&r->doc));
    }
}

/* Runs stage @i over records [@first, @end) of @b still in the pipeline
 * (parsed, not dropped, not failed); a failure is kept in the record.
 * Timed once for the group: a clock read per document and stage costs
 * more than a small stage. */
static void
tp_batch_run_stage (TpRun *run, TpPipelineInstance *inst, TpBatch *b, guint i,
                    guint first, guint end)
{
  guint64 t0 = tp_now_ns ();
  /* thread-local: their addresses are looked up once, not per record */
  gint64 *current_pos = &tp_current_pos;
  int *current_stage = &tp_current_stage_index;

  *current_stage = (int)i;
  for (guint k = first; k < end; k++)
    {
      TpRecord *r = &g_array_index (b->records, TpRecord, k);
      GError *error = NULL;

      if (r->doc == NULL || r->message != NULL || r->doc->dropped)
        continue;
      *current_pos = (gint64)r->pos;
      if (tp_shared_pos)
        *tp_shared_pos = (gint64)r->pos;
      if (!tp_pipeline_instance_run_stage (inst, i, r->doc, &error))
        {
          r->stage = g_ptr_array_index (run->pipeline->stages, i);
          r->message = g_strdup (error->message);
          g_error_free (error);
        }
    }
  *current_pos = -1;
  *current_stage = -1;
  tp_pipeline_instance_add_stage_ns (inst, i, tp_now_ns () - t0);
}

/* Settles a record that went through the stages: rejected (with the
 * stage's message), dropped, or written to @b->out. */
static void
tp_batch_finish (TpRun *run, TpBatch *b, TpRecord *r, TpJsonCache *cache)
{
  if (r->message != NULL)
    {
      r->id = g_strdup (tp_document_get_id (r->doc));
      tp_batch_reject (b, r);
    }
  else if (r->doc->dropped)
    r->status = TP_DOC_DROPPED;
  else
    {
      r->status = TP_DOC_WRITTEN;
      r->start = b->out->len;
      tp_document_to_json_cached (r->doc, &run->opts->write, cache, b->out);
      r->end = b->out->len;
    }
  tp_document_free (g_steal_pointer (&r->doc));
}

/* Records of a batch that go through the stages together: a stage's time
 * is read once per group, and the documents of a group (their layers from
 * the layer pool, themselves from the document pool, which holds as many)
 * stay in the cache between stages.  32 rather than 8: the tokenizer over
 * the corpus text as lines, one core, 69.1 -> 67.1 ms. */
#ifndef TP_BATCH_GROUP
#define TP_BATCH_GROUP 32
#endif

/* Runs every record of @b through @inst: the worker's whole job.  Records
 * go in small groups: parsed, then each stage runs over the group (so a
 * stage's time is read once per group), then they are written in order.
 * The group is small enough that its documents stay in the cache between
 * stages and their memory is reused from one group to the next. */
void
tp_batch_process (TpRun *run, TpPipelineInstance *inst, TpBatch *b)
{
  TpJsonCache *cache = tp_pipeline_instance_get_json_cache (inst);
  GString *id = g_string_sized_new (256);

  for (guint first = 0; first < b->records->len; first += TP_BATCH_GROUP)
    {
      guint end = MIN (first + TP_BATCH_GROUP, b->records->len);

      for (guint k = first; k < end; k++)
        tp_batch_parse (run, b, &g_array_index (b->records, TpRecord, k), id);
      for (guint i = 0; i < run->pipeline->stages->len; i++)
        tp_batch_run_stage (run, inst, b, i, first, end);
      for (guint k = first; k < end; k++)
        {
          TpRecord *r = &g_array_index (b->records, TpRecord, k);
          if (r->doc != NULL)
            tp_batch_finish (run, b, r, cache);
        }
    }
  g_string_free (id, TRUE);
}
