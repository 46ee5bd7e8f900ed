/* check_runner.c: reading, running and writing, with every document
 * accounted for: written, rejected or dropped. */
#include "tp-test.h"

typedef struct {
  char *dir;
  TpLoader *loader;
  TpPipeline *pipeline;
  char *out;
  char *rejects;
} Fixture;

/* A pipeline of the words plugin (failing on "poison", dropping on
 * "spam") in a fresh folder; @extra adds INI lines to its section. */
static void
fixture_init (Fixture *f, const char *pipeline_extra, const char *extra)
{
  char *ini = g_strdup_printf ("[pipeline]\nstages = w\n%s\n[w]\n"
                               "plugin = words\nfail_on = poison\n"
                               "drop_on = spam\n%s\n",
                               pipeline_extra ? pipeline_extra : "",
                               extra ? extra : "");
  char *path;
  GError *error = NULL;

  f->dir = tp_test_tmpdir ();
  path = tp_test_write (f->dir, "p.ini", ini);
  f->loader = tp_test_loader ();
  f->pipeline = tp_pipeline_new_from_file (path, f->loader, &error);
  ck_assert_msg (f->pipeline && tp_pipeline_prepare (f->pipeline, &error),
                 "%s", error ? error->message : "");
  f->out = g_build_filename (f->dir, "out.jsonl", NULL);
  f->rejects = g_build_filename (f->dir, "rejects.jsonl", NULL);
  g_free (path);
  g_free (ini);
}

static void
fixture_clear (Fixture *f)
{
  tp_pipeline_free (f->pipeline);
  tp_loader_free (f->loader);
  g_free (f->out);
  g_free (f->rejects);
  tp_test_rmdir (f->dir);
}

/* Runs the fixture's pipeline over @inputs; returns the exit code. */
static TpExitCode
fixture_run (Fixture *f, const char *const *inputs, TpInputFormat fmt,
             TpRunStats *stats)
{
  TpRunOptions ro = { 0 };
  TpReader *reader = tp_reader_new (inputs, fmt, NULL, NULL);
  GError *error = NULL;
  TpExitCode code;

  ro.output = f->out;
  ro.rejects = f->rejects;
  ro.quiet = TRUE;
  code = tp_run (f->pipeline, reader, &ro, stats, &error);
  if (error)
    g_error_free (error);
  tp_reader_free (reader);
  return code;
}

static char *
slurp (const char *path)
{
  char *s = NULL;
  if (!g_file_get_contents (path, &s, NULL, NULL))
    return g_strdup ("");
  return s;
}

static guint
count_lines (const char *s)
{
  guint n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

START_TEST (test_text_file_roundtrip)
{
  Fixture f;
  TpRunStats st;
  char *in, *out;
  const char *inputs[2];

  fixture_init (&f, NULL, NULL);
  in = tp_test_write (f.dir, "story.txt", "Ottawa said no.\nIt rained.\n");
  inputs[0] = in;
  inputs[1] = NULL;
  ck_assert_int_eq (fixture_run (&f, inputs, TP_INPUT_AUTO, &st), TP_EXIT_OK);
  ck_assert_uint_eq (st.read, 1);
  ck_assert_uint_eq (st.written, 1);
  out = slurp (f.out);
  ck_assert_ptr_nonnull (strstr (out, "\"word\":[{\"start\":0,\"end\":6,"
                                      "\"kind\":\"other\",\"length\":6}"));
  ck_assert_uint_eq (count_lines (out), 1);
  ck_assert (!g_file_test (f.rejects, G_FILE_TEST_EXISTS));
  g_free (out);
  g_free (in);
  tp_run_stats_clear (&st);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_lines_mode)
{
  Fixture f;
  TpRunStats st;
  char *in, *out;
  const char *inputs[2];

  fixture_init (&f, NULL, NULL);
  in = tp_test_write (f.dir, "lines.txt", "one two\n\nthree\r\nfour");
  inputs[0] = in;
  inputs[1] = NULL;
  ck_assert_int_eq (fixture_run (&f, inputs, TP_INPUT_LINES, &st), TP_EXIT_OK);
  ck_assert_uint_eq (st.read, 4);
  ck_assert_uint_eq (st.written, 4);
  out = slurp (f.out);
  ck_assert_ptr_nonnull (strstr (out, "lines.txt:4\""));
  ck_assert_ptr_nonnull (strstr (out, "lines.txt:2\",\"layers\":{\"word\":[]}"));
  g_free (out);
  g_free (in);
  tp_run_stats_clear (&st);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_jsonl_mixed_bad_records)
{
  Fixture f;
  TpRunStats st;
  char *in, *out, *rej;
  const char *inputs[2];
  const char *jsonl
      = "{\"id\":\"a\",\"text\":\"first good story\",\"topic\":\"trade\"}\n"
        "{\"id\":\"b\",\"text\":\"broken\n"
        "\n"
        "{\"id\":\"c\",\"body\":\"no text field\"}\n"
        "{\"id\":\"d\",\"text\":\"bad \xff byte\"}\n"
        "{\"id\":\"e\",\"text\":\"this has poison in it\"}\n"
        "{\"id\":\"f\",\"text\":\"buy spam now\"}\n"
        "[1,2,3]\n"
        "{\"id\":7,\"text\":\"last good \\u00e9t\\u00e9\",\"n\":[1,2]}\n"
        "{\"id\":\"h\",\"text\":\"nul \\u0000 inside\"}\n";

  fixture_init (&f, NULL, NULL);
  in = tp_test_write (f.dir, "in.jsonl", jsonl);
  inputs[0] = in;
  inputs[1] = NULL;
  ck_assert_int_eq (fixture_run (&f, inputs, TP_INPUT_AUTO, &st),
                    TP_EXIT_REJECTS);
  ck_assert_uint_eq (st.read, 9);
  ck_assert_uint_eq (st.written, 2);
  ck_assert_uint_eq (st.dropped, 1);
  ck_assert_uint_eq (st.rejected, 6);
  ck_assert_uint_eq (st.read, st.written + st.rejected + st.dropped);

  out = slurp (f.out);
  ck_assert_uint_eq (count_lines (out), 2);
  ck_assert (g_str_has_prefix (out, "{\"id\":\"a\",\"meta\":{\"topic\":\"trade\"}"));
  ck_assert_ptr_nonnull (strstr (out, "{\"id\":\"7\",\"meta\":{\"n\":\"[1,2]\"}"));
  /* "été" is 3 code points in 5 bytes: offsets are in code points */
  ck_assert_ptr_nonnull (strstr (out, "{\"start\":10,\"end\":13,"));

  rej = slurp (f.rejects);
  ck_assert_uint_eq (count_lines (rej), 6);
  ck_assert_ptr_nonnull (strstr (rej, "in.jsonl:2\",\"stage\":\"reader\""));
  ck_assert_ptr_nonnull (strstr (rej, "\"record_raw\":\"{\\\"id\\\":\\\"b\\\""));
  ck_assert_ptr_nonnull (strstr (rej, "\"id\":\"c\",\"stage\":\"reader\""));
  ck_assert_ptr_nonnull (strstr (rej, "no string field 'text'"));
  ck_assert_ptr_nonnull (strstr (rej, "in.jsonl:5\",\"stage\":\"reader\""));
  ck_assert_ptr_nonnull (strstr (rej, "invalid UTF-8 at byte offset 22 of the record (byte 0xff)"));
  ck_assert_ptr_nonnull (strstr (rej, "\"id\":\"e\",\"stage\":\"w\","
                                      "\"plugin\":\"words@1.0.0\","
                                      "\"error\":\"found the word 'poison'\","
                                      "\"record\":{\"id\":\"e\""));
  ck_assert_ptr_nonnull (strstr (rej, "not a JSON object"));
  ck_assert_ptr_nonnull (strstr (rej, "\"id\":\"h\",\"stage\":\"reader\",\"plugin\":null,\"error\":\"NUL byte at byte offset 4\""));
  g_free (rej);
  g_free (out);
  g_free (in);
  tp_run_stats_clear (&st);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_on_error_fail)
{
  Fixture f;
  TpRunStats st;
  char *in, *out;
  const char *inputs[2];

  fixture_init (&f, "on_error = fail", NULL);
  in = tp_test_write (f.dir, "l.txt", "fine\npoison\nnever read\n");
  inputs[0] = in;
  inputs[1] = NULL;
  ck_assert_int_eq (fixture_run (&f, inputs, TP_INPUT_LINES, &st),
                    TP_EXIT_REJECTS);
  ck_assert_uint_eq (st.read, 2);
  ck_assert_uint_eq (st.written, 1);
  ck_assert_uint_eq (st.rejected, 1);
  out = slurp (f.out);
  ck_assert_uint_eq (count_lines (out), 1);
  g_free (out);
  g_free (in);
  tp_run_stats_clear (&st);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_max_errors)
{
  Fixture f;
  TpRunStats st;
  char *in;
  const char *inputs[2];

  fixture_init (&f, "max_errors = 1", NULL);
  in = tp_test_write (f.dir, "l.txt", "poison\nok\npoison\nok\nok\n");
  inputs[0] = in;
  inputs[1] = NULL;
  ck_assert_int_eq (fixture_run (&f, inputs, TP_INPUT_LINES, &st),
                    TP_EXIT_REJECTS);
  ck_assert_uint_eq (st.rejected, 2);
  ck_assert_uint_eq (st.read, 3);
  g_free (in);
  tp_run_stats_clear (&st);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_bad_span_rejected)
{
  Fixture f;
  TpRunStats st;
  char *in, *rej;
  const char *inputs[2];

  fixture_init (&f, NULL, "bad_span = true");
  in = tp_test_write (f.dir, "l.txt", "words here\n");
  inputs[0] = in;
  inputs[1] = NULL;
  ck_assert_int_eq (fixture_run (&f, inputs, TP_INPUT_LINES, &st),
                    TP_EXIT_REJECTS);
  rej = slurp (f.rejects);
  ck_assert_ptr_nonnull (strstr (rej, "outside the text"));
  g_free (rej);
  g_free (in);
  tp_run_stats_clear (&st);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_directory_walk)
{
  Fixture f;
  TpRunStats st;
  char *sub, *a, *b, *out;
  const char *inputs[2];

  fixture_init (&f, NULL, NULL);
  sub = g_build_filename (f.dir, "docs", NULL);
  g_mkdir (sub, 0700);
  b = tp_test_write (sub, "b.txt", "second");
  a = tp_test_write (sub, "a.txt", "first");
  inputs[0] = sub;
  inputs[1] = NULL;
  ck_assert_int_eq (fixture_run (&f, inputs, TP_INPUT_AUTO, &st), TP_EXIT_OK);
  ck_assert_uint_eq (st.written, 2);
  out = slurp (f.out);
  ck_assert (strstr (out, "a.txt") < strstr (out, "b.txt"));
  g_free (out);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (sub);
  g_free (a);
  g_free (b);
  g_free (sub);
  tp_run_stats_clear (&st);
  fixture_clear (&f);
}
END_TEST

static Suite *
runner_suite (void)
{
  Suite *s = suite_create ("runner");
  TCase *tc = tcase_create ("runner");
  tcase_add_test (tc, test_text_file_roundtrip);
  tcase_add_test (tc, test_lines_mode);
  tcase_add_test (tc, test_jsonl_mixed_bad_records);
  tcase_add_test (tc, test_on_error_fail);
  tcase_add_test (tc, test_max_errors);
  tcase_add_test (tc, test_bad_span_rejected);
  tcase_add_test (tc, test_directory_walk);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tp_test_run_suite (runner_suite ());
}
