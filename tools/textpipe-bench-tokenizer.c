/* textpipe-bench-tokenizer: throughput of the tokenizer (and of any
 * plugins after it) over real text.
 *
 *   textpipe-bench-tokenizer [--plugins "tokenizer"] [--runs 5] FILE...
 *   textpipe-bench-tokenizer --write-lines OUT FILE...
 *   textpipe-bench-tokenizer --lines [--runs 5] FILE...
 *
 * A FILE ending in .jsonl holds one document per line (its "text" field);
 * any other FILE is one document, or one per non-empty line with --lines
 * (as `textpipe run --lines` reads it).  The documents are read into memory
 * once, then pushed through the plugins with the test harness @runs times; each
 * run prints its MB/s (text bytes over wall time, document creation and the
 * layers included), then the median.  Each run also times making and
 * freeing the same documents with no plugin, and prints the plugins' own
 * CPU time: the run's CPU time less that.  Plugins are found through
 * TEXTPIPE_PLUGIN_PATH, then the installed plugin folder.
 *
 * --write-lines writes the documents' text to OUT instead, one line of
 * text per line (blank lines left out), so that a run over plain text
 * (`textpipe run --lines`) and `wc -w` can be timed on the same file.
 */
#include "config.h"

#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "textpipe.h"
#include "tp-harness.h"

/* Adds the documents of @path to @docs: one per line with @lines. */
static gboolean
bench_read (const char *path, gboolean lines, GPtrArray *docs, GError **error)
{
  char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  if (lines && !g_str_has_suffix (path, ".jsonl"))
    {
      char **split = g_strsplit (contents, "\n", -1);
      for (guint k = 0; split[k] != NULL; k++)
        if (split[k][0] != '\0')
          g_ptr_array_add (docs, g_strdup (split[k]));
      g_strfreev (split);
      g_free (contents);
      return TRUE;
    }
  if (!g_str_has_suffix (path, ".jsonl"))
    {
      g_ptr_array_add (docs, contents);
      return TRUE;
    }
  for (char *line = contents, *next; line && *line; line = next)
    {
      json_t *root;
      json_error_t jerr;
      const char *text;
      next = strchr (line, '\n');
      if (next)
        *next++ = '\0';
      if (*line == '\0')
        continue;
      root = json_loads (line, 0, &jerr);
      if (root == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: %s", path,
                       jerr.text);
          g_free (contents);
          return FALSE;
        }
      text = json_string_value (json_object_get (root, "text"));
      if (text != NULL)
        g_ptr_array_add (docs, g_strdup (text));
      json_decref (root);
    }
  g_free (contents);
  return TRUE;
}

/* Writes every non-blank line of @docs' texts to @path. */
static gboolean
bench_write_lines (const char *path, GPtrArray *docs, GError **error)
{
  GString *out = g_string_new (NULL);
  gboolean ok;

  for (guint i = 0; i < docs->len; i++)
    {
      char **lines = g_strsplit (g_ptr_array_index (docs, i), "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        {
          g_strstrip (lines[k]);
          if (lines[k][0] == '\0')
            continue;
          g_string_append (out, lines[k]);
          g_string_append_c (out, '\n');
        }
      g_strfreev (lines);
    }
  ok = g_file_set_contents (path, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

/* CPU time of this process in seconds (wall time can be shared with other
 * processes on a busy machine). */
static double
bench_cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds to make and free the documents of @docs with no plugin. */
static double
bench_baseline (GPtrArray *docs, GError **error)
{
  double c0 = bench_cpu_seconds ();

  for (guint i = 0; i < docs->len; i++)
    {
      TpDocument *doc
          = tp_document_new ("test", g_ptr_array_index (docs, i), -1, error);
      if (doc == NULL)
        return -1;
      tp_document_free (doc);
    }
  return bench_cpu_seconds () - c0;
}

/* Compares doubles for qsort. */
static int
bench_cmp (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  char *plugins = NULL, *write_lines = NULL;
  gboolean lines = FALSE;
  gint runs = 5;
  GError *error = NULL;
  GOptionContext *ctx;
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_free);
  TpHarness *h = NULL;
  double *rates = NULL, *cpu_rates = NULL, *own = NULL;
  guint64 bytes = 0, tokens = 0;
  int status = 1;
  GOptionEntry entries[]
      = { { "plugins", 'p', 0, G_OPTION_ARG_STRING, &plugins,
            "plugins to run (default: tokenizer)", "LIST" },
          { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "runs (default: 5)", "N" },
          { "lines", 'l', 0, G_OPTION_ARG_NONE, &lines,
            "a FILE other than .jsonl holds one document per line", NULL },
          { "write-lines", 'w', 0, G_OPTION_ARG_FILENAME, &write_lines,
            "write the texts to OUT, one line of text per line, and stop",
            "OUT" },
          { NULL } };

  setlocale (LC_ALL, "");
  ctx = g_option_context_new ("FILE...");
  g_option_context_set_summary (ctx, "Measures tokenizer throughput in MB/s.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    goto out;
  if (argc < 2 || runs < 1)
    {
      g_printerr ("textpipe-bench-tokenizer: give input files (see --help)\n");
      goto out;
    }
  for (int i = 1; i < argc; i++)
    if (!bench_read (argv[i], lines, docs, &error))
      goto out;
  if (write_lines)
    {
      status = bench_write_lines (write_lines, docs, &error) ? 0 : 1;
      goto out;
    }
  for (guint i = 0; i < docs->len; i++)
    bytes += strlen (g_ptr_array_index (docs, i));
  h = tp_harness_new (plugins ? plugins : "tokenizer", &error);
  if (h == NULL || !tp_harness_start (h, &error))
    goto out;

  rates = g_new (double, runs);
  cpu_rates = g_new (double, runs);
  own = g_new (double, runs);
  for (gint r = 0; r < runs; r++)
    {
      double base = bench_baseline (docs, &error);
      gint64 t0 = g_get_monotonic_time ();
      double c0 = bench_cpu_seconds ();
      double secs, cpu;
      if (base < 0)
        goto out;
      tokens = 0;
      for (guint i = 0; i < docs->len; i++)
        {
          TpDocument *doc
              = tp_harness_push_text (h, g_ptr_array_index (docs, i), &error);
          TpLayer *layer;
          if (doc == NULL)
            goto out;
          layer = tp_document_get_layer (doc, "token");
          if (layer != NULL)
            tokens += tp_layer_get_length (layer);
          tp_document_free (doc);
        }
      secs = (g_get_monotonic_time () - t0) / 1e6;
      cpu = bench_cpu_seconds () - c0;
      rates[r] = bytes / 1e6 / secs;
      cpu_rates[r] = bytes / 1e6 / cpu;
      own[r] = (cpu - base) * 1e3;
      printf ("run %d: %.3f s wall, %.1f MB/s; %.3f s CPU, %.1f MB/s; "
              "plugins %.1f ms CPU\n",
              r + 1, secs, rates[r], cpu, cpu_rates[r], own[r]);
    }
  qsort (rates, runs, sizeof *rates, bench_cmp);
  qsort (cpu_rates, runs, sizeof *cpu_rates, bench_cmp);
  qsort (own, runs, sizeof *own, bench_cmp);
  printf ("%u documents, %" G_GUINT64_FORMAT " bytes, %" G_GUINT64_FORMAT
          " tokens\nmedian: %.1f MB/s wall, %.1f MB/s CPU, plugins %.1f ms "
          "CPU\n",
          docs->len, bytes, tokens, rates[runs / 2], cpu_rates[runs / 2],
          own[runs / 2]);
  status = 0;

out:
  if (error)
    {
      g_printerr ("textpipe-bench-tokenizer: %s\n", error->message);
      g_error_free (error);
    }
  if (h)
    tp_harness_free (h);
  g_free (rates);
  g_free (cpu_rates);
  g_free (own);
  g_ptr_array_unref (docs);
  g_free (plugins);
  g_free (write_lines);
  g_option_context_free (ctx);
  return status;
}
