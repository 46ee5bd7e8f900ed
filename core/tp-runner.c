/* tp-runner.c: the batch engine.
 *
 * The main thread reads documents in batches and hands them to worker
 * threads, each with its own stage states; finished batches come back in
 * any order and are written in input order.  At most a fixed number of
 * documents are in flight, so memory does not grow with the input.  Every
 * document ends up written, rejected or dropped, and the counts say so.
 * With an output file, the run records where it is every second, so an
 * interrupted or crashed run can be resumed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tp-checkpoint.h"
#include "tp-run-private.h"

#define TP_CHECKPOINT_SECONDS 1.0
#define TP_PROGRESS_SECONDS 0.5

static volatile sig_atomic_t tp_stop_signal;
static int tp_crash_fd = -1;

/* The monotonic clock in seconds. */
static double
tp_run_now (void)
{
  return tp_now_ns () / 1e9;
}

void
tp_run_request_stop (int signum)
{
  tp_stop_signal = signum ? signum : SIGTERM;
}

guint
tp_shard_of (const char *id, guint n)
{
  guint64 h = 14695981039346656037ull;
  for (const guchar *p = (const guchar *)id; *p; p++)
    {
      h ^= *p;
      h *= 1099511628211ull;
    }
  return n ? (guint)(h % n) : 0;
}

/* Writes "<pos> <signal>" for the document this thread was processing,
 * then dies of the same signal: --resume will reject that document. */
static void
tp_run_crash_handler (int sig)
{
  if (tp_crash_fd >= 0 && tp_current_pos >= 0)
    {
      char buf[64];
      int i = sizeof buf;
      guint64 v = (guint64)tp_current_pos;
      int stage = tp_current_stage_index;
      buf[--i] = '\n';
      if (stage >= 0)
        {
          do
            {
              buf[--i] = (char)('0' + stage % 10);
              stage /= 10;
            }
          while (stage);
          buf[--i] = ' ';
        }
      buf[--i] = (char)('0' + sig % 10);
      if (sig >= 10)
        buf[--i] = (char)('0' + sig / 10 % 10);
      buf[--i] = ' ';
      do
        {
          buf[--i] = (char)('0' + v % 10);
          v /= 10;
        }
      while (v);
      if (write (tp_crash_fd, buf + i, sizeof buf - i) < 0)
        {
          /* nothing more can be done in a dying process */
        }
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
tp_run_install_crash_handler (void)
{
  static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = tp_run_crash_handler;
  sigemptyset (&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  for (guint i = 0; i < G_N_ELEMENTS (sigs); i++)
    sigaction (sigs[i], &sa, NULL);
}

static void
tp_run_remove_crash_handler (void)
{
  static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
  for (guint i = 0; i < G_N_ELEMENTS (sigs); i++)
    signal (sigs[i], SIG_DFL);
}

static gpointer
tp_worker_main (gpointer data)
{
  TpWorker *w = data;
  for (;;)
    {
      TpBatch *b = g_async_queue_pop (w->run->todo);
      if (b->records == NULL) /* the stop marker */
        {
          g_free (b);
          return NULL;
        }
      tp_batch_process (w->run, w->inst, b);
      g_async_queue_push (w->run->done, b);
    }
}

/* The largest output buffer a batch kept for reuse may hold. */
#define TP_SPARE_BATCH_BYTES (1024 * 1024)

/* A batch for sequence number @seq: a spare one when there is one. */
static TpBatch *
tp_run_batch_new (TpRun *run, guint64 seq)
{
  TpBatch *b;

  if (run->n_spare == 0)
    return tp_batch_new (seq);
  b = run->spare[--run->n_spare];
  b->seq = seq;
  return b;
}

/* Empties @b and keeps it for reuse, or frees it when enough are kept or
 * its buffers grew large. */
static void
tp_run_batch_free (TpRun *run, TpBatch *b)
{
  if (run->n_spare == TP_SPARE_BATCHES
      || b->out->allocated_len > TP_SPARE_BATCH_BYTES
      || b->rej->allocated_len > TP_SPARE_BATCH_BYTES)
    {
      tp_batch_free (b);
      return;
    }
  g_array_set_size (b->records, 0); /* clears the records */
  g_string_truncate (b->out, 0);
  g_string_truncate (b->rej, 0);
  b->end_position = 0;
  b->bytes = 0;
  run->spare[run->n_spare++] = b;
}

/* Reads the next batch; sets run->eof at the end of input.  An I/O error
 * that ends the input is kept in run->io_error. */
static TpBatch *
tp_run_read_batch (TpRun *run)
{
  TpBatch *b = tp_run_batch_new (run, run->next_seq);
  gsize bytes = 0;

  while (b->records->len < TP_BATCH_DOCS && bytes < TP_BATCH_BYTES
         && !tp_stop_signal)
    {
      TpRecord *r;
      GError *error = NULL;
      guint64 pos = run->position;

      /* read in place, into a zeroed record at the end */
      g_array_set_size (b->records, b->records->len + 1);
      r = &g_array_index (b->records, TpRecord, b->records->len - 1);
      if (!tp_reader_next_raw_plain (run->reader, &r->in, &r->plain, &error))
        {
          g_array_set_size (b->records, b->records->len - 1);
          run->eof = TRUE;
          if (error)
            g_propagate_error (&run->io_error, error);
          break;
        }
      run->position++;
      r->pos = pos;
      bytes += r->in.len;
      r->crashed_stage = -1;
      if (run->crashes)
        {
          gint64 key = (gint64)pos;
          TpCrash *c = g_hash_table_lookup (run->crashes, &key);
          if (c)
            {
              r->crashed = c->signal;
              r->crashed_stage = c->stage;
            }
        }
    }
  b->end_position = run->position;
  b->bytes = bytes;
  run->bytes_in_flight += bytes;
  if (b->records->len == 0)
    {
      tp_run_batch_free (run, b);
      return NULL;
    }
  run->next_seq++;
  return b;
}

/* ---- committing ------------------------------------------------------ */

/* TRUE when the rejects so far exceed the run's limit. */
static gboolean
tp_run_too_many_errors (const TpRun *run)
{
  const TpRunStats *s = run->stats;
  if (run->max_errors <= 0)
    return FALSE;
  if (!run->max_errors_is_rate)
    return s->rejected > (guint64)run->max_errors;
  if (s->read < 100)
    return FALSE; /* a rate means little over the first few documents */
  return 100.0 * s->rejected / s->read > run->max_errors;
}

/* Writes one reject line, opening the reject file on the first reject so
 * clean runs leave none. */
static gboolean
tp_run_write_reject (TpRun *run, const char *line, gsize len, GError **error)
{
  if (run->rejects == NULL)
    {
      run->rejects = tp_output_open (run->rejects_path, error);
      if (run->rejects == NULL)
        return FALSE;
    }
  return tp_output_write (run->rejects, line, len, error);
}

/* Accounts for the records of @b in order, writing rejects and stopping
 * where the error policy says; after that, records are discarded
 * unaccounted (not read).  The lines of the written records are
 * [*out_start, *out_end) of b->out. */
static gboolean
tp_run_commit_records (TpRun *run, TpBatch *b, gsize *out_start, gsize *out_end,
                       GError **error)
{
  TpRunStats *s = run->stats;
  gboolean any = FALSE;

  for (guint i = 0; i < b->records->len && !run->halted; i++)
    {
      TpRecord *r = &g_array_index (b->records, TpRecord, i);

      if (r->status == TP_DOC_SKIPPED)
        {
          s->skipped++;
          run->committed_position = r->pos + 1;
          continue;
        }
      s->read++;
      switch (r->status)
        {
        case TP_DOC_SKIPPED:
          break;
        case TP_DOC_WRITTEN:
          s->written++;
          if (any && r->start != *out_end)
            {
              /* not end to end after all: write what is pending */
              if (!tp_output_write (run->out, b->out->str + *out_start,
                                    *out_end - *out_start, error))
                return FALSE;
              any = FALSE;
            }
          if (!any)
            *out_start = r->start;
          any = TRUE;
          *out_end = r->end;
          break;
        case TP_DOC_DROPPED:
          s->dropped++;
          break;
        case TP_DOC_REJECTED:
          s->rejected++;
          if (!run->opts->quiet)
            g_printerr ("%stextpipe: rejected document '%s'%s%s%s: %s\n",
                        run->opts->progress ? "\r\033[K" : "",
                        r->id ? r->id : "",
                        r->stage ? " at stage '" : " while reading",
                        r->stage ? r->stage->name : "", r->stage ? "'" : "",
                        r->message);
          if (!tp_run_write_reject (run, b->rej->str + r->start,
                                    r->end - r->start, error))
            return FALSE;
          if (run->on_error == TP_ON_ERROR_FAIL)
            {
              g_printerr ("textpipe: stopping at the first rejected document "
                          "(on_error = fail)\n");
              run->halted = TRUE;
            }
          else if (tp_run_too_many_errors (run))
            {
              g_printerr ("textpipe: stopping: %" G_GUINT64_FORMAT
                          " rejected documents exceed max_errors = %g%s\n",
                          s->rejected, run->max_errors,
                          run->max_errors_is_rate ? "%" : "");
              run->halted = TRUE;
            }
          break;
        }
      run->committed_position = r->pos + 1;
    }
  if (!run->halted)
    run->committed_position = b->end_position;
  return TRUE;
}

/* Commits the records of @b.  Written records' lines lie end to end in
 * b->out, so they go out in one write (a large write skips stdio's
 * copy), also when a reject could not be written. */
static gboolean
tp_run_commit_batch (TpRun *run, TpBatch *b, GError **error)
{
  gsize out_start = 0, out_end = 0;
  gboolean ok = tp_run_commit_records (run, b, &out_start, &out_end, error);

  if (out_end > out_start
      && !tp_output_write (run->out, b->out->str + out_start,
                           out_end - out_start, ok ? error : NULL))
    return FALSE;
  return ok;
}

/* Records where the run is, so --resume can continue from here. */
static gboolean
tp_run_checkpoint (TpRun *run, GError **error)
{
  TpCheckpoint cp = { 0 };
  gboolean ok;

  if (run->resume_path == NULL)
    return TRUE;
  if (!tp_output_flush (run->out, &cp.out_length, error))
    return FALSE;
  if (run->rejects && !tp_output_flush (run->rejects, &cp.rej_length, error))
    return FALSE;
  cp.fingerprint = run->fingerprint;
  cp.inputs_key = (char *)(run->opts->inputs_key ? run->opts->inputs_key : "");
  cp.position = run->committed_position;
  cp.read = run->stats->read;
  cp.written = run->stats->written;
  cp.rejected = run->stats->rejected;
  cp.dropped = run->stats->dropped;
  cp.skipped = run->stats->skipped;
  ok = tp_checkpoint_save (run->resume_path, &cp, error);
  run->last_checkpoint = tp_run_now ();
  return ok;
}

/* Commits every batch that is next in order. */
static gboolean
tp_run_commit_ready (TpRun *run, GError **error)
{
  for (;;)
    {
      guint slot = run->next_commit % run->ring_size;
      TpBatch *b = run->ring[slot];
      if (b == NULL || b->seq != run->next_commit)
        return TRUE;
      run->ring[slot] = NULL;
      run->next_commit++;
      run->bytes_in_flight -= b->bytes;
      if (!run->halted && !tp_run_commit_batch (run, b, error))
        {
          tp_run_batch_free (run, b);
          return FALSE;
        }
      tp_run_batch_free (run, b);
    }
}

/* Prints the live progress line. */
static void
tp_run_progress (TpRun *run, gboolean final)
{
  double now = tp_run_now ();
  double el = now - run->t0;
  guint64 bytes = tp_reader_get_bytes (run->reader);
  gint64 total = tp_reader_get_total_bytes (run->reader);
  double mbs = el > 0 ? bytes / 1e6 / el : 0;

  if (!run->opts->progress)
    return;
  if (!final && now - run->last_progress < TP_PROGRESS_SECONDS)
    return;
  run->last_progress = now;
  if (final)
    {
      g_printerr ("\r\033[K");
      return;
    }
  g_printerr ("\r\033[Ktextpipe: %" G_GUINT64_FORMAT " docs, %.1f MB, "
              "%.0f docs/s, %.1f MB/s",
              run->stats->read, bytes / 1e6,
              el > 0 ? run->stats->read / el : 0.0, mbs);
  if (total > 0 && mbs > 0 && (guint64)total >= bytes)
    {
      double eta = (total - bytes) / 1e6 / mbs;
      g_printerr (", %.0f%%, ETA %d:%02d", 100.0 * bytes / total, (int)eta / 60,
                  (int)eta % 60);
    }
}

/* Puts a finished batch in its slot and commits what is ready. */
static gboolean
tp_run_place (TpRun *run, TpBatch *b, GError **error)
{
  run->ring[b->seq % run->ring_size] = b;
  if (!tp_run_commit_ready (run, error))
    return FALSE;
  if (run->resume_path
      && tp_run_now () - run->last_checkpoint >= TP_CHECKPOINT_SECONDS)
    return tp_run_checkpoint (run, error);
  return TRUE;
}

/* Hands @b to the workers, or runs it here when there is one job. */
static gboolean
tp_run_dispatch (TpRun *run, TpBatch *b, GError **error)
{
  if (run->pool)
    tp_isolate_pool_submit (run->pool, b);
  else if (run->jobs == 1)
    {
      tp_batch_process (run, run->workers[0].inst, b);
      return tp_run_place (run, b, error);
    }
  else
    g_async_queue_push (run->todo, b);
  run->in_flight++;
  return TRUE;
}

/* Places every finished batch, waiting up to @timeout_ms for one. */
static gboolean
tp_run_collect (TpRun *run, int timeout_ms, GError **error)
{
  while (run->in_flight > 0)
    {
      TpBatch *b;
      GError *local = NULL;

      if (run->pool)
        b = tp_isolate_pool_collect (run->pool, timeout_ms, &local);
      else if (timeout_ms > 0)
        b = g_async_queue_timeout_pop (run->done, timeout_ms * 1000);
      else
        b = g_async_queue_try_pop (run->done);
      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      if (b == NULL)
        return TRUE;
      run->in_flight--;
      timeout_ms = 0;
      if (!tp_run_place (run, b, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- set-up and tear-down -------------------------------------------- */

void
tp_run_stats_clear (TpRunStats *stats)
{
  if (stats == NULL)
    return;
  g_strfreev (stats->stage_names);
  g_free (stats->stage_seconds);
  memset (stats, 0, sizeof *stats);
}

/* Starts the worker threads, each with its own stage states (shared for
 * thread-safe plugins). */
static gboolean
tp_run_start_workers (TpRun *run, GError **error)
{
  if (run->opts->isolate)
    {
      run->pool = tp_isolate_pool_new (run, run->jobs, error);
      return run->pool != NULL;
    }
  run->workers = g_new0 (TpWorker, run->jobs);
  for (guint i = 0; i < run->jobs; i++)
    {
      TpWorker *w = &run->workers[i];
      w->run = run;
      w->inst = tp_pipeline_instance_new (
          run->pipeline, i ? run->workers[0].inst : NULL, error);
      if (w->inst == NULL)
        return FALSE;
    }
  if (run->jobs > 1)
    for (guint i = 0; i < run->jobs; i++)
      {
        char name[16];
        g_snprintf (name, sizeof name, "tp-worker-%u", i);
        run->workers[i].thread
            = g_thread_new (name, tp_worker_main, &run->workers[i]);
      }
  return TRUE;
}

/* Stops and joins the workers; sums their stage times; runs finish. */
static gboolean
tp_run_stop_workers (TpRun *run, gboolean finish, GError **error)
{
  gboolean ok = TRUE;

  if (run->pool)
    {
      TpIsolatePool *pool = g_steal_pointer (&run->pool);
      run->in_flight = 0; /* batches still with workers die with them */
      return tp_isolate_pool_free (pool, finish, run->stats->stage_seconds,
                                   error);
    }
  if (run->workers == NULL)
    return TRUE;
  for (guint i = 0; i < run->jobs; i++)
    if (run->workers[i].thread)
      g_async_queue_push (run->todo, g_new0 (TpBatch, 1));
  for (guint i = 0; i < run->jobs; i++)
    if (run->workers[i].thread)
      g_thread_join (run->workers[i].thread);
  for (guint i = 0; i < run->jobs; i++)
    {
      TpPipelineInstance *inst = run->workers[i].inst;
      if (inst == NULL)
        continue;
      for (guint k = 0; k < run->stats->n_stages; k++)
        run->stats->stage_seconds[k]
            += tp_pipeline_instance_get_stage_ns (inst, k) / 1e9;
      if (finish && ok && !tp_pipeline_instance_finish (inst, error))
        ok = FALSE;
    }
  /* Shared states belong to worker 0: free it last. */
  for (guint i = run->jobs; i-- > 0;)
    tp_pipeline_instance_free (run->workers[i].inst);
  g_free (run->workers);
  run->workers = NULL;
  return ok;
}

/* What a resumed run must share with the interrupted one: the pipeline's
 * fingerprint and every option that shapes the output lines, so that one
 * output file never mixes two formats. */
static char *
tp_run_fingerprint (const TpPipeline *pipeline, const TpWriteOptions *w)
{
  char *pipe = tp_pipeline_fingerprint (pipeline);
  char *layers
      = w->layers ? g_strjoinv (",", (char **)w->layers) : g_strdup ("*");
  char *fp = g_strdup_printf ("%s;offsets=%d;text=%d;layout=%d;layers=%s", pipe,
                              (int)w->offsets, w->include_text ? 1 : 0,
                              (int)w->layout, layers);
  g_free (pipe);
  g_free (layers);
  return fp;
}

/* Opens the outputs, fresh or where an interrupted run left them. */
static TpExitCode
tp_run_open_outputs (TpRun *run, GError **error)
{
  const TpRunOptions *o = run->opts;
  /* Checkpoints and default rejects sit beside a regular output file,
   * never beside stdout or a device such as /dev/null. */
  gboolean to_file = o->output && strcmp (o->output, "-") != 0
                     && !tp_output_is_special (o->output);
  TpCheckpoint cp = { 0 };

  if (o->rejects)
    run->rejects_path = g_strdup (o->rejects);
  else if (to_file)
    run->rejects_path = g_strconcat (o->output, ".rejects.jsonl", NULL);
  else
    run->rejects_path = g_strdup ("textpipe-rejects.jsonl");

  if (to_file)
    {
      run->resume_path = g_strconcat (o->output, ".resume", NULL);
      run->crash_path = g_strconcat (o->output, ".crashes", NULL);
    }
  if (!o->resume)
    {
      if (run->resume_path
          && g_file_test (run->resume_path, G_FILE_TEST_EXISTS))
        {
          if (!o->quiet)
            g_printerr ("textpipe: starting over: the interrupted run recorded "
                        "in %s is discarded (use --resume to continue it)\n",
                        run->resume_path);
          unlink (run->resume_path);
        }
      if (run->crash_path)
        unlink (run->crash_path);
      run->out = tp_output_open (o->output, error);
      return run->out ? TP_EXIT_OK : TP_EXIT_IO;
    }

  if (!to_file)
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                   "--resume needs the -o FILE of the interrupted run");
      return TP_EXIT_CONFIG;
    }
  if (!g_file_test (run->resume_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                   "nothing to resume: %s does not exist (the run finished, "
                   "or never started)",
                   run->resume_path);
      return TP_EXIT_CONFIG;
    }
  if (!tp_checkpoint_load (run->resume_path, &cp, error))
    return TP_EXIT_IO;
  if (strcmp (cp.fingerprint, run->fingerprint) != 0)
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                   "cannot resume: the pipeline or the output options "
                   "changed since the run was interrupted (its INI file, "
                   "options, plugin versions, or --offsets, --text, "
                   "--layers, --layout differ); run again without --resume "
                   "to start over");
      tp_checkpoint_clear (&cp);
      return TP_EXIT_CONFIG;
    }
  if (strcmp (cp.inputs_key, o->inputs_key ? o->inputs_key : "") != 0)
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                   "cannot resume: the inputs or reading options differ "
                   "from the interrupted run's");
      tp_checkpoint_clear (&cp);
      return TP_EXIT_CONFIG;
    }
  run->out = tp_output_resume (o->output, cp.out_length, error);
  if (run->out == NULL)
    goto out_io;
  if (cp.rej_length > 0)
    {
      run->rejects = tp_output_resume (run->rejects_path, cp.rej_length, error);
      if (run->rejects == NULL)
        goto out_io;
    }
  run->stats->read = cp.read;
  run->stats->written = cp.written;
  run->stats->rejected = cp.rejected;
  run->stats->dropped = cp.dropped;
  run->stats->skipped = cp.skipped;
  run->crashes = tp_crashes_load (run->crash_path);
  /* Skip what the interrupted run accounted for. */
  while (run->position < cp.position)
    {
      TpRawRecord raw;
      GError *local = NULL;
      gboolean more = tp_reader_next_raw (run->reader, &raw, &local);
      tp_raw_record_clear (&raw);
      g_clear_error (&local);
      if (!more)
        break;
      run->position++;
    }
  run->committed_position = run->position;
  if (!o->quiet)
    g_printerr ("textpipe: resuming after %" G_GUINT64_FORMAT
                " input records\n",
                run->position);
  tp_checkpoint_clear (&cp);
  return TP_EXIT_OK;

out_io:
  tp_checkpoint_clear (&cp);
  return TP_EXIT_IO;
}

TpExitCode
tp_run (TpPipeline *pipeline, TpReader *reader, const TpRunOptions *opts,
        TpRunStats *stats, GError **error)
{
  TpRun run = { 0 };
  TpExitCode code = TP_EXIT_OK;
  guint max_in_flight;
  gboolean interrupted;
  gboolean finish_failed = FALSE;

  memset (stats, 0, sizeof *stats);
  run.opts = opts;
  run.pipeline = pipeline;
  run.reader = reader;
  run.stats = stats;
  run.t0 = run.last_checkpoint = run.last_progress = tp_run_now ();
  run.jobs = opts->jobs ? opts->jobs : g_get_num_processors ();
  run.on_error = opts->has_on_error ? opts->on_error : pipeline->on_error;
  run.max_errors
      = opts->has_max_errors ? opts->max_errors : pipeline->max_errors;
  run.max_errors_is_rate = opts->has_max_errors ? opts->max_errors_is_rate
                                                : pipeline->max_errors_is_rate;
  max_in_flight
      = opts->max_in_flight ? opts->max_in_flight : TP_MAX_IN_FLIGHT_DOCS;
  /* Batches in flight: enough to keep every worker busy, no more. */
  run.ring_size = MAX (run.jobs * 2, max_in_flight / TP_BATCH_DOCS) + 1;
  run.ring = g_new0 (TpBatch *, run.ring_size);
  run.todo = g_async_queue_new ();
  run.done = g_async_queue_new ();
  run.fingerprint = tp_run_fingerprint (pipeline, &opts->write);
  stats->jobs = run.jobs;
  stats->n_stages = pipeline->stages->len;
  stats->stage_names = g_new0 (char *, stats->n_stages + 1);
  stats->stage_seconds = g_new0 (double, stats->n_stages);
  for (guint i = 0; i < stats->n_stages; i++)
    stats->stage_names[i]
        = g_strdup (((TpStage *)g_ptr_array_index (pipeline->stages, i))->name);

  if (!tp_run_start_workers (&run, error))
    {
      code = TP_EXIT_CONFIG;
      goto out_workers;
    }
  code = tp_run_open_outputs (&run, error);
  if (code != TP_EXIT_OK)
    goto out_workers;
  if (run.resume_path && !tp_run_checkpoint (&run, error))
    goto out_io;
  if (run.crash_path)
    {
      tp_crash_fd = open (run.crash_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
      tp_run_install_crash_handler ();
    }

  for (;;)
    {
      /* Batches read but not yet written, with workers or waiting in the
         ring for an earlier one, never exceed the ring, nor (but for one)
         the byte budget. */
      if (!run.eof && !run.halted && !tp_stop_signal
          && run.next_seq - run.next_commit < run.ring_size
          && (run.bytes_in_flight < TP_MAX_IN_FLIGHT_BYTES
              || run.next_seq == run.next_commit)
          && (run.pool == NULL || tp_isolate_pool_has_idle (run.pool)))
        {
          TpBatch *b = tp_run_read_batch (&run);
          if (b != NULL && !tp_run_dispatch (&run, b, error))
            goto out_io;
          if (!tp_run_collect (&run, 0, error))
            goto out_io;
          tp_run_progress (&run, FALSE);
          continue;
        }
      if (run.in_flight == 0)
        break;
      if (!tp_run_collect (&run, 200, error))
        goto out_io;
      tp_run_progress (&run, FALSE);
    }
  tp_run_progress (&run, TRUE);

  interrupted = tp_stop_signal && !run.eof && !run.halted;
  if (run.io_error)
    {
      g_propagate_error (error, g_steal_pointer (&run.io_error));
      goto out_io;
    }
  stats->bytes = tp_reader_get_bytes (reader);
  stats->seconds = tp_run_now () - run.t0;
  {
    struct rusage ru;
    if (getrusage (RUSAGE_SELF, &ru) == 0)
      stats->peak_rss_kb = (guint64)ru.ru_maxrss;
  }

  if (interrupted)
    {
      /* Keep the partial files and the record of where we stopped. */
      if (!tp_run_checkpoint (&run, error))
        goto out_io;
      tp_run_stop_workers (&run, FALSE, NULL);
      if (!tp_output_suspend (g_steal_pointer (&run.out), error))
        code = TP_EXIT_IO;
      else if (run.rejects
               && !tp_output_suspend (g_steal_pointer (&run.rejects), error))
        code = TP_EXIT_IO;
      else
        code = TP_EXIT_INTERRUPTED;
      if (code == TP_EXIT_INTERRUPTED)
        g_printerr (
            "textpipe: interrupted by signal %d after %" G_GUINT64_FORMAT
            " documents%s\n",
            (int)tp_stop_signal, stats->read,
            run.resume_path ? "; run again with --resume to continue" : "");
      goto out_workers;
    }

  {
    /* A stage that fails to finish does not cost the documents written. */
    GError *local = NULL;
    if (!tp_run_stop_workers (&run, !run.halted, &local))
      {
        g_printerr ("textpipe: %s\n", local->message);
        g_error_free (local);
        finish_failed = TRUE;
      }
  }
  if (!tp_output_commit (g_steal_pointer (&run.out), error))
    {
      code = TP_EXIT_IO;
      goto out_workers;
    }
  if (run.rejects)
    {
      if (!tp_output_commit (g_steal_pointer (&run.rejects), error))
        {
          code = TP_EXIT_IO;
          goto out_workers;
        }
      if (!opts->quiet)
        g_printerr ("textpipe: %" G_GUINT64_FORMAT
                    " rejected documents written to %s\n",
                    stats->rejected, run.rejects_path);
    }
  if (run.resume_path)
    unlink (run.resume_path);
  if (run.crash_path)
    unlink (run.crash_path);
  code = (stats->rejected > 0 || run.halted || finish_failed) ? TP_EXIT_REJECTS
                                                              : TP_EXIT_OK;
  goto out_workers;

out_io:
  code = code == TP_EXIT_OK || code == TP_EXIT_INTERRUPTED ? TP_EXIT_IO : code;
  /* With a resume record, keep the partial files: once the problem (a
     full disk, say) is fixed, --resume goes on from the last checkpoint. */
  if (run.out && run.resume_path)
    tp_output_suspend (g_steal_pointer (&run.out), NULL);
  if (run.rejects && run.resume_path)
    tp_output_suspend (g_steal_pointer (&run.rejects), NULL);
  if (run.out)
    tp_output_abort (g_steal_pointer (&run.out));
  if (run.rejects)
    tp_output_abort (g_steal_pointer (&run.rejects));
out_workers:
  /* Drain batches still with the worker threads before stopping them. */
  while (run.pool == NULL && run.in_flight > 0)
    {
      tp_batch_free (g_async_queue_pop (run.done));
      run.in_flight--;
    }
  tp_run_stop_workers (&run, FALSE, NULL);
  if (run.crash_path)
    {
      tp_run_remove_crash_handler ();
      if (tp_crash_fd >= 0)
        close (tp_crash_fd);
      tp_crash_fd = -1;
    }
  for (guint i = 0; i < run.ring_size; i++)
    tp_batch_free (run.ring[i]);
  for (guint i = 0; i < run.n_spare; i++)
    tp_batch_free (run.spare[i]);
  g_free (run.ring);
  g_async_queue_unref (run.todo);
  g_async_queue_unref (run.done);
  g_clear_error (&run.io_error);
  if (run.crashes)
    g_hash_table_unref (run.crashes);
  g_free (run.rejects_path);
  g_free (run.resume_path);
  g_free (run.crash_path);
  g_free (run.fingerprint);
  tp_stop_signal = 0; /* a stop request ends one run, not the next */
  return code;
}
