/* cli-run.c: `textpipe run` and `textpipe check`. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
  char **plugin_paths;
  char **sets;
} TpCliPipelineArgs;

/* Reads, overrides and prepares the pipeline named on the command line. */
static TpPipeline *
tp_cli_load_pipeline (const char *arg, const TpCliPipelineArgs *a,
                      TpLoader **loader_out)
{
  TpLoader *loader = tp_cli_loader_new (a->plugin_paths);
  char *file = tp_cli_find_pipeline (arg);
  GError *error = NULL;
  TpPipeline *p = tp_pipeline_new_from_file (file, loader, &error);

  g_free (file);
  if (p == NULL)
    goto out_fail;
  tp_loader_add_default_paths (loader);
  for (guint i = 0; a->sets && a->sets[i]; i++)
    if (!tp_pipeline_apply_override (p, a->sets[i], &error))
      goto out_fail;
  if (!tp_pipeline_prepare (p, &error))
    goto out_fail;
  *loader_out = loader;
  return p;

out_fail:
  tp_cli_error ("%s", error->message);
  g_error_free (error);
  tp_pipeline_free (p);
  tp_loader_free (loader);
  return NULL;
}

/* The first SIGINT or SIGTERM asks the run to stop cleanly; a second one
 * ends the process at once. */
static void
tp_cli_on_signal (int sig)
{
  static volatile sig_atomic_t seen;
  if (seen)
    {
      signal (sig, SIG_DFL);
      raise (sig);
      return;
    }
  seen = 1;
  tp_run_request_stop (sig);
}

static void
tp_cli_catch_signals (void)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = tp_cli_on_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
}

/* Writes the run's accounting as JSON to @path. */
static gboolean
tp_cli_write_stats (const char *path, const TpRunStats *s, GError **error)
{
  GString *out = g_string_new ("{");
  gboolean ok;

  g_string_append_printf (
      out,
      "\"read\":%" G_GUINT64_FORMAT ",\"written\":%" G_GUINT64_FORMAT
      ",\"rejected\":%" G_GUINT64_FORMAT ",\"dropped\":%" G_GUINT64_FORMAT
      ",\"skipped\":%" G_GUINT64_FORMAT ",\"bytes\":%" G_GUINT64_FORMAT
      ",\"jobs\":%u"
      ",\"peak_rss_kb\":%" G_GUINT64_FORMAT,
      s->read, s->written, s->rejected, s->dropped, s->skipped, s->bytes,
      s->jobs, s->peak_rss_kb);
  g_string_append_printf (out,
                          ",\"seconds\":%.6f,\"docs_per_second\":%.1f,"
                          "\"mb_per_second\":%.3f,\"stages\":{",
                          s->seconds,
                          s->seconds > 0 ? s->read / s->seconds : 0.0,
                          s->seconds > 0 ? s->bytes / 1e6 / s->seconds : 0.0);
  for (guint i = 0; i < s->n_stages; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      tp_json_append_string (out, s->stage_names[i], -1);
      g_string_append_printf (out, ":{\"seconds\":%.6f}", s->stage_seconds[i]);
    }
  g_string_append (out, "}}\n");
  ok = g_file_set_contents (path, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

/* Prints the accounting summary on stderr. */
static void
tp_cli_print_stats (const TpRunStats *s)
{
  fprintf (stderr,
           "textpipe: read %" G_GUINT64_FORMAT ", written %" G_GUINT64_FORMAT
           ", rejected %" G_GUINT64_FORMAT ", dropped %" G_GUINT64_FORMAT
           "; %.2f MB in %.3f s (%.0f docs/s, %.2f MB/s, %u jobs, peak RSS "
           "%.1f MB)\n",
           s->read, s->written, s->rejected, s->dropped, s->bytes / 1e6,
           s->seconds, s->seconds > 0 ? s->read / s->seconds : 0.0,
           s->seconds > 0 ? s->bytes / 1e6 / s->seconds : 0.0, s->jobs,
           s->peak_rss_kb / 1024.0);
  if (s->skipped)
    fprintf (stderr,
             "textpipe:   %" G_GUINT64_FORMAT
             " records of other shards skipped\n",
             s->skipped);
  for (guint i = 0; i < s->n_stages; i++)
    fprintf (stderr, "textpipe:   stage %-12s %8.3f s\n", s->stage_names[i],
             s->stage_seconds[i]);
}

/* TRUE when every layer named in --layers is made by some stage; else
 * says which is not, with the closest name, since a typo would silently
 * write nothing. */
static gboolean
tp_cli_check_layers (const TpPipeline *p, char **wanted)
{
  GPtrArray *made = g_ptr_array_new ();
  gboolean ok = TRUE;

  for (guint s = 0; s < tp_pipeline_get_n_stages (p); s++)
    {
      const TpPluginDescriptor *d = tp_plugin_get_descriptor (
          tp_stage_get_plugin (tp_pipeline_get_stage (p, s)));
      for (guint k = 0; d->produces && d->produces[k]; k++)
        g_ptr_array_add (made, (gpointer)d->produces[k]);
    }
  for (guint i = 0; ok && wanted[i]; i++)
    {
      const char *near;
      char *list;
      gboolean found = wanted[i][0] == '\0'; /* "none" */

      for (guint k = 0; k < made->len && !found; k++)
        found = strcmp (made->pdata[k], wanted[i]) == 0;
      if (found)
        continue;
      ok = FALSE;
      near
          = tp_suggest (wanted[i], (const char *const *)made->pdata, made->len);
      g_ptr_array_add (made, NULL);
      list = g_strjoinv (", ", (char **)made->pdata);
      tp_cli_error ("run: --layers: no stage makes a layer '%s'%s%s%s "
                    "(this pipeline makes: %s; use --layers none for ids "
                    "and metadata only)",
                    wanted[i], near ? " (did you mean '" : "", near ? near : "",
                    near ? "'?)" : "", list);
      g_free (list);
    }
  g_ptr_array_unref (made);
  return ok;
}

int
tp_cli_run (int argc, char **argv)
{
  TpCliPipelineArgs pa = { 0 };
  char *output = NULL, *rejects = NULL, *format = NULL, *offsets = NULL;
  char *layout = NULL;
  char *id_field = NULL, *text_field = NULL, *layers = NULL;
  char *on_error = NULL, *max_errors = NULL, *stats_file = NULL;
  gboolean lines = FALSE, with_text = FALSE, quiet = FALSE, resume = FALSE;
  gboolean isolate = FALSE;
  gint jobs = 0, max_in_flight = 0;
  char *shard = NULL;
  char **rest = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write JSON lines to FILE (atomically) instead of stdout", "FILE" },
    { "rejects", 0, 0, G_OPTION_ARG_FILENAME, &rejects,
      "Write rejected documents to FILE (default: OUTPUT.rejects.jsonl, or "
      "textpipe-rejects.jsonl when writing to stdout)",
      "FILE" },
    { "plugin-path", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &pa.plugin_paths,
      "Search DIR for plugins first (repeatable)", "DIR" },
    { "set", 's', 0, G_OPTION_ARG_STRING_ARRAY, &pa.sets,
      "Override an option, e.g. quotes.min_words=3 (repeatable)",
      "STAGE.KEY=VALUE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Input format: auto (default: .jsonl files are JSONL, others one "
      "document per file), text, lines or jsonl",
      "FORMAT" },
    { "lines", 'l', 0, G_OPTION_ARG_NONE, &lines,
      "Each input line is a document (same as --format lines)", NULL },
    { "id-field", 0, 0, G_OPTION_ARG_STRING, &id_field,
      "JSONL field holding the document id (default: id)", "NAME" },
    { "text-field", 0, 0, G_OPTION_ARG_STRING, &text_field,
      "JSONL field holding the text (default: text)", "NAME" },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      "Offsets in output: codepoints (default) or bytes", "UNIT" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout,
      "Layers as rows (default: a list of objects, one per annotation) or "
      "columns (one list per attribute: smaller and faster for tokens)",
      "rows|columns" },
    { "text", 0, 0, G_OPTION_ARG_NONE, &with_text,
      "Include each document's text in the output", NULL },
    { "layers", 0, 0, G_OPTION_ARG_STRING, &layers,
      "Write only these layers (comma-separated; none: ids and metadata "
      "only)",
      "LIST" },
    { "on-error", 0, 0, G_OPTION_ARG_STRING, &on_error,
      "skip (reject the document and go on) or fail (stop at the first)",
      "POLICY" },
    { "max-errors", 0, 0, G_OPTION_ARG_STRING, &max_errors,
      "Stop with exit code 2 past N rejects, or past a rate like 5%", "N" },
    { "stats", 0, 0, G_OPTION_ARG_FILENAME, &stats_file,
      "Write the run's accounting as JSON to FILE", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Worker threads (default: one per online CPU); output order is input "
      "order whatever N is",
      "N" },
    { "max-in-flight", 0, 0, G_OPTION_ARG_INT, &max_in_flight,
      "Documents read but not yet written, at most (default 1024)", "N" },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard,
      "Process only documents whose id falls in shard K of N (0 <= K < N; "
      "FNV-1a 64 hash of the id, modulo N)",
      "K/N" },
    { "isolate", 0, 0, G_OPTION_ARG_NONE, &isolate,
      "Run workers as processes: a plugin that crashes rejects only the "
      "document it was on, and the worker is restarted",
      NULL },
    { "resume", 0, 0, G_OPTION_ARG_NONE, &resume,
      "Continue the interrupted run that was writing -o FILE", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "Print no progress, summary or per-document messages", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL,
      NULL },
    { NULL }
  };
  GOptionContext *ctx
      = g_option_context_new ("PIPELINE.ini [INPUT...] - run a pipeline");
  GError *error = NULL;
  TpRunOptions ro = { 0 };
  TpLoader *loader = NULL;
  TpPipeline *p = NULL;
  TpReader *reader = NULL;
  TpRunStats stats = { 0 };
  char **layer_list = NULL;
  TpInputFormat fmt = TP_INPUT_AUTO;
  int code = TP_EXIT_CONFIG;
  char *inputs_key = NULL;
  const char *const stdin_only[] = { "-", NULL };
  const char *const *inputs;

  /* From the start, so a signal during set-up is not lost either. */
  tp_cli_catch_signals ();
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_description (
      ctx, "Inputs are files, folders (walked in name order) or - for stdin.\n"
           "With no INPUT, standard input is read when it is not a terminal.\n"
           "Exit status: 0 all processed; 1 configuration or usage error;\n"
           "2 finished with rejected documents; 3 input/output error;\n"
           "4 interrupted (SIGINT/SIGTERM): with -o, --resume continues.\n");
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      tp_cli_error ("run: %s (see textpipe run --help)", error->message);
      goto out;
    }
  if (rest == NULL || rest[0] == NULL)
    {
      tp_cli_error ("run: which pipeline? usage: textpipe run PIPELINE.ini "
                    "[INPUT...]");
      goto out;
    }
  if (lines)
    fmt = TP_INPUT_LINES;
  if (format)
    {
      if (!strcmp (format, "auto"))
        fmt = TP_INPUT_AUTO;
      else if (!strcmp (format, "text"))
        fmt = TP_INPUT_TEXT;
      else if (!strcmp (format, "lines"))
        fmt = TP_INPUT_LINES;
      else if (!strcmp (format, "jsonl"))
        fmt = TP_INPUT_JSONL;
      else
        {
          tp_cli_error ("run: --format '%s': use auto, text, lines or jsonl",
                        format);
          goto out;
        }
    }
  ro.write.offsets = TP_OFFSETS_CODEPOINTS;
  if (offsets && !strcmp (offsets, "bytes"))
    ro.write.offsets = TP_OFFSETS_BYTES;
  else if (offsets && strcmp (offsets, "codepoints"))
    {
      tp_cli_error ("run: --offsets '%s': use codepoints or bytes", offsets);
      goto out;
    }
  ro.write.layout = TP_LAYOUT_ROWS;
  if (layout && !strcmp (layout, "columns"))
    ro.write.layout = TP_LAYOUT_COLUMNS;
  else if (layout && strcmp (layout, "rows"))
    {
      tp_cli_error ("run: --layout '%s': use rows or columns", layout);
      goto out;
    }
  ro.write.include_text = with_text;
  if (layers)
    {
      layer_list = g_strsplit (layers, ",", -1);
      for (guint i = 0; layer_list[i]; i++)
        g_strstrip (layer_list[i]);
      if (g_strv_length (layer_list) == 1 && !strcmp (layer_list[0], "none"))
        layer_list[0][0] = '\0'; /* matches no layer: ids and metadata only */
      ro.write.layers = (const char *const *)layer_list;
    }
  if (on_error)
    {
      ro.has_on_error = TRUE;
      if (!tp_on_error_parse (on_error, &ro.on_error))
        {
          tp_cli_error ("run: --on-error '%s': use skip or fail", on_error);
          goto out;
        }
    }
  if (max_errors)
    {
      ro.has_max_errors = TRUE;
      if (!tp_max_errors_parse (max_errors, &ro.max_errors,
                                &ro.max_errors_is_rate))
        {
          tp_cli_error ("run: --max-errors '%s': give a count like 10 or a "
                        "rate like 5%%",
                        max_errors);
          goto out;
        }
    }
  if (jobs < 0 || jobs > 1024 || max_in_flight < 0)
    {
      tp_cli_error ("run: --jobs takes 1 to 1024, --max-in-flight a positive "
                    "count");
      goto out;
    }
  if (shard)
    {
      guint k = 0, n = 0;
      char extra;
      if (sscanf (shard, "%u/%u%c", &k, &n, &extra) != 2 || n == 0 || k >= n)
        {
          tp_cli_error ("run: --shard '%s': write K/N with 0 <= K < N, for "
                        "example 0/4",
                        shard);
          goto out;
        }
      ro.shard_index = k;
      ro.shard_count = n;
    }
  ro.jobs = (guint)jobs;
  ro.max_in_flight = (guint)max_in_flight;
  ro.resume = resume;
  ro.isolate = isolate;
  ro.output = output;
  ro.rejects = rejects;
  ro.quiet = quiet;
  ro.progress = !quiet && isatty (STDERR_FILENO);

  inputs = (const char *const *)rest + 1;
  if (inputs[0] == NULL)
    {
      if (isatty (STDIN_FILENO))
        {
          tp_cli_error ("run: no input: give files, folders, or - to read "
                        "standard input");
          goto out;
        }
      inputs = stdin_only;
    }
  for (guint i = 0; inputs[i]; i++)
    if (strcmp (inputs[i], "-") && !g_file_test (inputs[i], G_FILE_TEST_EXISTS))
      {
        tp_cli_error ("run: input '%s' does not exist", inputs[i]);
        code = TP_EXIT_IO;
        goto out;
      }

  p = tp_cli_load_pipeline (rest[0], &pa, &loader);
  if (p == NULL)
    goto out;
  if (layer_list && !tp_cli_check_layers (p, layer_list))
    goto out;

  reader = tp_reader_new (inputs, fmt, id_field, text_field);
  {
    char *joined = g_strjoinv ("\n", (char **)inputs);
    inputs_key = g_strdup_printf ("format=%d id=%s text=%s shard=%u/%u\n%s",
                                  (int)fmt, id_field ? id_field : "id",
                                  text_field ? text_field : "text",
                                  ro.shard_index, ro.shard_count, joined);
    g_free (joined);
    ro.inputs_key = inputs_key;
  }
  code = tp_run (p, reader, &ro, &stats, &error);
  if (error)
    tp_cli_error ("%s", error->message);
  g_clear_error (&error);
  if (!quiet && stats.n_stages > 0)
    tp_cli_print_stats (&stats);
  if (stats_file && !tp_cli_write_stats (stats_file, &stats, &error))
    {
      tp_cli_error ("cannot write --stats file: %s", error->message);
      if (code == TP_EXIT_OK)
        code = TP_EXIT_IO;
    }

out:
  g_clear_error (&error);
  tp_run_stats_clear (&stats);
  tp_reader_free (reader);
  tp_pipeline_free (p);
  tp_loader_free (loader);
  g_strfreev (layer_list);
  g_strfreev (rest);
  g_strfreev (pa.plugin_paths);
  g_strfreev (pa.sets);
  g_free (output);
  g_free (rejects);
  g_free (format);
  g_free (offsets);
  g_free (layout);
  g_free (id_field);
  g_free (text_field);
  g_free (layers);
  g_free (on_error);
  g_free (max_errors);
  g_free (stats_file);
  g_free (shard);
  g_free (inputs_key);
  g_option_context_free (ctx);
  return code;
}

int
tp_cli_check (int argc, char **argv)
{
  TpCliPipelineArgs pa = { 0 };
  char **rest = NULL;
  GOptionEntry entries[]
      = { { "plugin-path", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY,
            &pa.plugin_paths, "Search DIR for plugins first (repeatable)",
            "DIR" },
          { "set", 's', 0, G_OPTION_ARG_STRING_ARRAY, &pa.sets,
            "Override an option, e.g. quotes.min_words=3 (repeatable)",
            "STAGE.KEY=VALUE" },
          { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL,
            NULL },
          { NULL } };
  GOptionContext *ctx = g_option_context_new (
      "PIPELINE.ini - load and validate a pipeline without running it");
  GError *error = NULL;
  TpLoader *loader = NULL;
  TpPipeline *p = NULL;
  int code = TP_EXIT_CONFIG;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      tp_cli_error ("check: %s (see textpipe check --help)", error->message);
      goto out;
    }
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    {
      tp_cli_error ("check: usage: textpipe check PIPELINE.ini");
      goto out;
    }
  p = tp_cli_load_pipeline (rest[0], &pa, &loader);
  if (p == NULL)
    goto out;
  {
    TpPipelineInstance *inst = tp_pipeline_instance_new (p, NULL, &error);
    if (inst == NULL)
      {
        tp_cli_error ("%s", error->message);
        goto out;
      }
    tp_pipeline_instance_free (inst);
  }
  printf ("%s: pipeline '%s' is valid:", tp_pipeline_get_file (p),
          tp_pipeline_get_name (p));
  for (guint i = 0; i < tp_pipeline_get_n_stages (p); i++)
    {
      TpStage *s = tp_pipeline_get_stage (p, i);
      const TpPluginDescriptor *d
          = tp_plugin_get_descriptor (tp_stage_get_plugin (s));
      printf ("%s %s (%s %s)", i ? "," : "", tp_stage_get_name (s), d->name,
              d->version);
    }
  printf ("\n");
  code = TP_EXIT_OK;
out:
  g_clear_error (&error);
  tp_pipeline_free (p);
  tp_loader_free (loader);
  g_strfreev (rest);
  g_strfreev (pa.plugin_paths);
  g_strfreev (pa.sets);
  g_option_context_free (ctx);
  return code;
}
