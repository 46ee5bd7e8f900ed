/* tp-runner.c: the sequential runner: read, run the stages, write, and
 * account for every document (written, rejected or dropped). */
#include "config.h"

#include <string.h>
#include <time.h>

#include "tp-private.h"

typedef struct {
  const TpRunOptions *opts;
  TpPipeline *pipeline;
  TpOutput *out;
  TpOutput *rejects;
  char *rejects_path;
  GString *buf;
  GString *rbuf;
  TpRunStats *stats;
} TpRun;

/* Opens the reject file on the first reject, so clean runs leave none. */
static gboolean
tp_run_open_rejects (TpRun *run, GError **error)
{
  if (run->rejects)
    return TRUE;
  run->rejects = tp_output_open (run->rejects_path, error);
  return run->rejects != NULL;
}

/* Writes one reject record: the document's id, where it failed, why, and
 * the input it came from, so it can be fixed and run again. */
static gboolean
tp_run_reject (TpRun *run, const char *id, const TpStage *stage,
               const char *message, const TpDocument *doc,
               const char *raw_record, GError **error)
{
  GString *r = run->rbuf;
  const char *record = doc ? tp_document_get_record (doc) : raw_record;

  run->stats->rejected++;
  if (!tp_run_open_rejects (run, error))
    return FALSE;
  g_string_truncate (r, 0);
  g_string_append (r, "{\"id\":");
  tp_json_append_string (r, id ? id : "", -1);
  g_string_append (r, ",\"stage\":");
  if (stage)
    {
      const TpPluginDescriptor *d = stage->plugin->desc;
      char *pv = g_strdup_printf ("%s@%s", d->name, d->version);
      tp_json_append_string (r, stage->name, -1);
      g_string_append (r, ",\"plugin\":");
      tp_json_append_string (r, pv, -1);
      g_free (pv);
    }
  else
    g_string_append (r, "\"reader\",\"plugin\":null");
  g_string_append (r, ",\"error\":");
  tp_json_append_string (r, message, -1);
  if (record && doc)
    {
      /* A record that parsed is valid JSON: keep it as it was. */
      g_string_append (r, ",\"record\":");
      g_string_append (r, record);
    }
  else if (record)
    {
      g_string_append (r, ",\"record_raw\":");
      tp_json_append_string (r, record, -1);
    }
  else if (doc)
    {
      g_string_append (r, ",\"text\":");
      tp_json_append_string (r, tp_document_get_text (doc),
                             tp_document_get_length (doc));
    }
  g_string_append (r, "}\n");
  if (!run->opts->quiet)
    g_printerr ("textpipe: rejected document '%s'%s%s%s: %s\n", id ? id : "",
                stage ? " at stage '" : " while reading",
                stage ? stage->name : "", stage ? "'" : "", message);
  return tp_output_write (run->rejects, r->str, r->len, error);
}

/* TRUE when the rejects so far exceed the pipeline's limit. */
static gboolean
tp_run_too_many_errors (const TpRun *run, double max, gboolean rate,
                        gboolean at_end)
{
  const TpRunStats *s = run->stats;
  if (max <= 0)
    return FALSE;
  if (!rate)
    return s->rejected > (guint64) max;
  if (!at_end && s->read < 100)
    return FALSE; /* a rate means little over the first few documents */
  return s->read > 0 && 100.0 * s->rejected / s->read > max;
}

static double
tp_run_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

void
tp_run_stats_clear (TpRunStats *stats)
{
  if (stats == NULL)
    return;
  g_strfreev (stats->stage_names);
  g_free (stats->stage_seconds);
  memset (stats, 0, sizeof *stats);
}

TpExitCode
tp_run (TpPipeline *pipeline, TpReader *reader, const TpRunOptions *opts,
        TpRunStats *stats, GError **error)
{
  TpRun run = { 0 };
  TpPipelineInstance *inst;
  TpExitCode code = TP_EXIT_OK;
  TpOnError on_error = opts->has_on_error ? opts->on_error
                                          : pipeline->on_error;
  gboolean rate = pipeline->max_errors_is_rate;
  double max = pipeline->max_errors;
  double t0 = tp_run_now ();
  gboolean stopped = FALSE;

  if (opts->has_max_errors)
    {
      max = opts->max_errors;
      rate = opts->max_errors_is_rate;
    }
  memset (stats, 0, sizeof *stats);
  run.opts = opts;
  run.pipeline = pipeline;
  run.stats = stats;
  run.buf = g_string_sized_new (1 << 20);
  run.rbuf = g_string_new (NULL);
  if (opts->rejects)
    run.rejects_path = g_strdup (opts->rejects);
  else if (opts->output && strcmp (opts->output, "-") != 0)
    run.rejects_path = g_strconcat (opts->output, ".rejects.jsonl", NULL);
  else
    run.rejects_path = g_strdup ("textpipe-rejects.jsonl");

  inst = tp_pipeline_instance_new (pipeline, NULL, error);
  if (inst == NULL)
    {
      code = TP_EXIT_CONFIG;
      goto out_free;
    }
  run.out = tp_output_open (opts->output, error);
  if (run.out == NULL)
    {
      code = TP_EXIT_IO;
      goto out_instance;
    }

  for (;;)
    {
      TpDocument *doc = NULL;
      char *id = NULL, *raw = NULL;
      GError *local = NULL;
      const TpStage *failed = NULL;
      gboolean more = tp_reader_next (reader, &doc, &id, &raw, &local);

      if (!more)
        {
          g_free (id);
          g_free (raw);
          if (local)
            {
              g_propagate_error (error, local);
              code = TP_EXIT_IO;
              goto out_abort;
            }
          break;
        }
      stats->read++;
      if (doc == NULL)
        {
          gboolean ok = tp_run_reject (&run, id, NULL, local->message, NULL,
                                       raw, error);
          g_clear_error (&local);
          g_free (id);
          g_free (raw);
          if (!ok)
            {
              code = TP_EXIT_IO;
              goto out_abort;
            }
        }
      else if (!tp_pipeline_instance_process (inst, doc, &failed, &local))
        {
          gboolean ok = tp_run_reject (&run, id, failed, local->message, doc,
                                       NULL, error);
          g_clear_error (&local);
          tp_document_free (doc);
          g_free (id);
          g_free (raw);
          if (!ok)
            {
              code = TP_EXIT_IO;
              goto out_abort;
            }
        }
      else
        {
          if (tp_document_is_dropped (doc))
            stats->dropped++;
          else
            {
              tp_document_to_json (doc, &opts->write, run.buf);
              stats->written++;
            }
          tp_document_free (doc);
          g_free (id);
          g_free (raw);
          if (run.buf->len >= (1 << 20))
            {
              if (!tp_output_write (run.out, run.buf->str, run.buf->len, error))
                {
                  code = TP_EXIT_IO;
                  goto out_abort;
                }
              g_string_truncate (run.buf, 0);
            }
        }
      if (stats->rejected > 0 && on_error == TP_ON_ERROR_FAIL)
        {
          g_printerr ("textpipe: stopping at the first rejected document "
                      "(on_error = fail)\n");
          stopped = TRUE;
          break;
        }
      if (tp_run_too_many_errors (&run, max, rate, FALSE))
        {
          g_printerr ("textpipe: stopping: %" G_GUINT64_FORMAT
                      " rejected documents exceed max_errors = %g%s\n",
                      stats->rejected, max, rate ? "%" : "");
          stopped = TRUE;
          break;
        }
    }

  if (!tp_output_write (run.out, run.buf->str, run.buf->len, error))
    {
      code = TP_EXIT_IO;
      goto out_abort;
    }
  if (!stopped && !tp_pipeline_instance_finish (inst, error))
    {
      code = TP_EXIT_REJECTS;
      goto out_abort;
    }
  stats->bytes = tp_reader_get_bytes (reader);
  stats->seconds = tp_run_now () - t0;
  stats->n_stages = pipeline->stages->len;
  stats->stage_names = g_new0 (char *, stats->n_stages + 1);
  stats->stage_seconds = g_new0 (double, stats->n_stages);
  for (guint i = 0; i < stats->n_stages; i++)
    {
      stats->stage_names[i] = g_strdup (
          ((TpStage *) g_ptr_array_index (pipeline->stages, i))->name);
      stats->stage_seconds[i] = tp_pipeline_instance_get_stage_ns (inst, i) / 1e9;
    }
  if (!tp_output_commit (run.out, error))
    {
      run.out = NULL;
      code = TP_EXIT_IO;
      goto out_instance;
    }
  run.out = NULL;
  if (run.rejects)
    {
      TpOutput *r = run.rejects;
      run.rejects = NULL;
      if (!tp_output_commit (r, error))
        {
          code = TP_EXIT_IO;
          goto out_instance;
        }
      if (!opts->quiet)
        g_printerr ("textpipe: %" G_GUINT64_FORMAT
                    " rejected documents written to %s\n",
                    stats->rejected, run.rejects_path);
    }
  code = (stats->rejected > 0 || stopped) ? TP_EXIT_REJECTS : TP_EXIT_OK;
  goto out_instance;

out_abort:
  if (run.out)
    tp_output_abort (run.out);
  run.out = NULL;
out_instance:
  if (run.rejects)
    tp_output_commit (run.rejects, NULL);
  tp_pipeline_instance_free (inst);
out_free:
  g_string_free (run.buf, TRUE);
  g_string_free (run.rbuf, TRUE);
  g_free (run.rejects_path);
  return code;
}
