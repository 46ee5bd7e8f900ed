/* tp-batch.c: batches of records: run through the stages, turned into
 * output and reject lines.  Workers (threads or processes) run these. */
#include "config.h"

#include <string.h>

#include "tp-run-private.h"

__thread gint64 tp_current_pos = -1;
volatile gint64 *tp_shared_pos;

void
tp_record_clear (TpRecord *r)
{
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

/* Runs every record of @b through @inst: the worker's whole job.  A
 * record's id is built in one buffer for the batch and copied only for
 * records that are rejected (written ones carry it in their document). */
void
tp_batch_process (TpRun *run, TpPipelineInstance *inst, TpBatch *b)
{
  TpJsonCache *cache = tp_json_cache_new ();
  GString *id = g_string_sized_new (256);

  for (guint i = 0; i < b->records->len; i++)
    {
      TpRecord *r = &g_array_index (b->records, TpRecord, i);
      GError *error = NULL;

      r->doc = tp_reader_parse_with_id (run->reader, &r->in, id, &error);
      if (run->opts->shard_count > 1
          && tp_shard_of (id->str, run->opts->shard_count)
                 != run->opts->shard_index)
        {
          r->status = TP_DOC_SKIPPED;
          g_clear_error (&error);
          tp_document_free (g_steal_pointer (&r->doc));
          tp_raw_record_clear (&r->in);
          continue;
        }
      if (r->doc == NULL)
        {
          r->id = g_strdup (id->str);
          r->message = g_strdup (error->message);
          g_error_free (error);
          tp_batch_reject (b, r);
          tp_raw_record_clear (&r->in);
          continue;
        }
      /* A parsed JSONL record keeps its line in the document. */
      tp_raw_record_clear (&r->in);
      if (r->crashed)
        {
          if (r->crashed_stage >= 0
              && (guint)r->crashed_stage < run->pipeline->stages->len)
            r->stage
                = g_ptr_array_index (run->pipeline->stages, r->crashed_stage);
          r->id = g_strdup (id->str);
          r->message = g_strdup_printf (
              "processing this document killed the process (signal %d, %s); "
              "it was not processed again",
              r->crashed, g_strsignal (r->crashed));
          tp_batch_reject (b, r);
          tp_document_free (g_steal_pointer (&r->doc));
          continue;
        }
      tp_current_pos = (gint64)r->pos;
      if (tp_shared_pos)
        *tp_shared_pos = (gint64)r->pos;
      if (!tp_pipeline_instance_process (inst, r->doc, &r->stage, &error))
        {
          tp_current_pos = -1;
          r->id = g_strdup (id->str);
          r->message = g_strdup (error->message);
          g_error_free (error);
          tp_batch_reject (b, r);
        }
      else if (tp_document_is_dropped (r->doc))
        r->status = TP_DOC_DROPPED;
      else
        {
          r->status = TP_DOC_WRITTEN;
          r->start = b->out->len;
          tp_document_to_json_cached (r->doc, &run->opts->write, cache, b->out);
          r->end = b->out->len;
        }
      tp_current_pos = -1;
      tp_document_free (g_steal_pointer (&r->doc));
    }
  g_string_free (id, TRUE);
  tp_json_cache_free (cache);
}
