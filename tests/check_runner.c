/* check_runner.c: reading, running and writing, with every document
 * accounted for: written, rejected or dropped. */
#include <jansson.h>
#include <unistd.h>

#include "tp-private.h"
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
  ck_assert_msg (f->pipeline && tp_pipeline_prepare (f->pipeline, &error), "%s",
                 error ? error->message : "");
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
  ck_assert_ptr_nonnull (
      strstr (out, "lines.txt:2\",\"layers\":{\"word\":[]}"));
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
        "{\"id\":7,\"text\":\"last good \\u00e9t\\u00e9\",\"n\":[1, 2],"
        "\"ok\":true,\"w\":{\"x\":null}}\n"
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
  ck_assert (
      g_str_has_prefix (out, "{\"id\":\"a\",\"meta\":{\"topic\":\"trade\"}"));
  ck_assert_ptr_nonnull (
      strstr (out, "{\"id\":\"7\",\"meta\":{\"n\":[1,2],\"ok\":true,"
                   "\"w\":{\"x\":null}}"));
  /* "été" is 3 code points in 5 bytes: offsets are in code points */
  ck_assert_ptr_nonnull (strstr (out, "{\"start\":10,\"end\":13,"));

  rej = slurp (f.rejects);
  ck_assert_uint_eq (count_lines (rej), 6);
  ck_assert_ptr_nonnull (strstr (rej, "in.jsonl:2\",\"stage\":\"reader\""));
  ck_assert_ptr_nonnull (
      strstr (rej, "\"record_raw\":\"{\\\"id\\\":\\\"b\\\""));
  ck_assert_ptr_nonnull (strstr (rej, "\"id\":\"c\",\"stage\":\"reader\""));
  ck_assert_ptr_nonnull (strstr (rej, "no string field 'text'"));
  ck_assert_ptr_nonnull (strstr (rej, "in.jsonl:5\",\"stage\":\"reader\""));
  ck_assert_ptr_nonnull (strstr (
      rej, "invalid UTF-8 at byte offset 22 of the record (byte 0xff)"));
  ck_assert_ptr_nonnull (strstr (rej, "\"id\":\"e\",\"stage\":\"w\","
                                      "\"plugin\":\"words@1.0.0\","
                                      "\"error\":\"found the word 'poison'\","
                                      "\"record\":{\"id\":\"e\""));
  ck_assert_ptr_nonnull (strstr (rej, "not a JSON object"));
  ck_assert_ptr_nonnull (strstr (
      rej, "\"id\":\"h\",\"stage\":\"reader\",\"plugin\":null,\"error\":\"the "
           "record holds a NUL character (\\\\u0000)\""));
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

/* Reads one JSONL line with the reader; returns the document or NULL with
 * the reader's message in *@message. */
static TpDocument *
read_one (const char *line, char **id, char **message)
{
  char *dir = tp_test_tmpdir ();
  char *path = tp_test_write (dir, "one.jsonl", line);
  const char *inputs[] = { path, NULL };
  TpReader *r = tp_reader_new (inputs, TP_INPUT_AUTO, NULL, NULL);
  TpDocument *doc = NULL;
  char *raw = NULL;
  GError *error = NULL;

  *message = NULL;
  ck_assert (tp_reader_next (r, &doc, id, &raw, &error));
  if (error)
    *message = g_strdup (error->message);
  g_clear_error (&error);
  g_free (raw);
  tp_reader_free (r);
  g_free (path);
  tp_test_rmdir (dir);
  return doc;
}

START_TEST (test_jsonl_edge_cases)
{
  char *id, *msg;
  TpDocument *doc;

  /* an escaped backslash before "u0000" is text, not a NUL */
  doc = read_one ("{\"id\":\"a\",\"text\":\"C:\\\\u0000 dir\"}\n", &id, &msg);
  ck_assert_msg (doc != NULL, "%s", msg);
  ck_assert_str_eq (tp_document_get_text (doc), "C:\\u0000 dir");
  tp_document_free (doc);
  g_free (id);

  /* text after the object is an error, not ignored */
  doc = read_one ("{\"id\":\"b\",\"text\":\"x\"} trailing\n", &id, &msg);
  ck_assert_ptr_null (doc);
  ck_assert_ptr_nonnull (strstr (msg, "text after the record"));
  g_free (msg);
  g_free (id);

  /* numeric ids print as integers; escapes and non-ASCII decode */
  doc = read_one ("{\"id\":1234567890123,\"text\":\"caf\\u00e9 \\\"q\\\" "
                  "\xe2\x80\x94\"}\n",
                  &id, &msg);
  ck_assert_msg (doc != NULL, "%s", msg);
  ck_assert_str_eq (id, "1234567890123");
  ck_assert_str_eq (tp_document_get_text (doc),
                    "caf\xc3\xa9 \"q\" \xe2\x80\x94");
  tp_document_free (doc);
  g_free (id);

  /* an integer beyond 64 bits is refused by name, not rounded */
  doc = read_one ("{\"id\":123456789012345678901234567890,\"text\":\"x\"}\n",
                  &id, &msg);
  ck_assert_ptr_null (doc);
  ck_assert_msg (strstr (msg, "too big integer") != NULL, "%s", msg);
  g_free (msg);
  g_free (id);

  /* a NUL in a metadata string refuses the record, named by its id */
  doc = read_one ("{\"id\":\"m\",\"text\":\"x\",\"title\":\"a\\u0000b\"}\n",
                  &id, &msg);
  ck_assert_ptr_null (doc);
  ck_assert_str_eq (id, "m");
  ck_assert_ptr_nonnull (strstr (msg, "NUL character"));
  g_free (msg);
  g_free (id);

  /* deep nesting is refused, not a stack overflow */
  {
    GString *deep = g_string_new ("{\"id\":\"d\",\"text\":\"t\",\"x\":");
    for (int i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    g_string_append_c (deep, '\n');
    doc = read_one (deep->str, &id, &msg);
    ck_assert_ptr_null (doc);
    ck_assert_ptr_nonnull (strstr (msg, "malformed JSON"));
    g_free (msg);
    g_free (id);
    g_string_free (deep, TRUE);
  }
}
END_TEST

/* Random lines (bytes JSON and UTF-8 care about, some in a record's text):
 * every line is accounted for, and every output and reject line is valid
 * JSON in valid UTF-8 (checked with jansson, a second parser). */
START_TEST (test_random_lines_all_accounted)
{
  static const char alphabet[] = "{}[]\":,\\ \t\r0123456789eE.+-truefalsn/bx"
                                 "\xc3\xa9\xe2\x82\xac\xff\x80";
  GRand *rand = g_rand_new_with_seed (20261128);
  GString *in = g_string_new (NULL);
  Fixture f;
  TpRunStats st;
  const char *inputs[2];
  char *paths[2];
  guint lines = 0, blank = 0;

  for (int i = 0; i < 3000; i++)
    {
      int n = g_rand_int_range (rand, 0, 50);
      gboolean record = g_rand_int_range (rand, 0, 3) == 0;
      gsize at = in->len;
      if (record)
        g_string_append_printf (in, "{\"id\":\"g%d\",\"text\":\"", i);
      for (int k = 0; k < n; k++)
        g_string_append_c (
            in, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
      if (record)
        g_string_append (in, "\"}");
      if (in->len == at || strspn (in->str + at, " \t\r") == in->len - at)
        blank++;
      g_string_append_c (in, '\n');
      lines++;
    }
  fixture_init (&f, NULL, NULL);
  inputs[0] = tp_test_write (f.dir, "random.jsonl", in->str);
  inputs[1] = NULL;
  fixture_run (&f, inputs, TP_INPUT_AUTO, &st);
  ck_assert_uint_eq (st.read, st.written + st.rejected + st.dropped);
  ck_assert_uint_ge (st.read + blank, lines);
  ck_assert_uint_gt (st.rejected, 1000);
  paths[0] = f.out;
  paths[1] = f.rejects;
  for (int p = 0; p < 2; p++)
    {
      char *all = slurp (paths[p]);
      char **each = g_strsplit (all, "\n", -1);
      for (guint k = 0; each[k] && each[k][0]; k++)
        {
          json_error_t jerr;
          json_t *v = json_loads (each[k], 0, &jerr);
          ck_assert_msg (v != NULL, "%s line %u: %s", paths[p], k + 1,
                         jerr.text);
          json_decref (v);
        }
      g_strfreev (each);
      g_free (all);
    }
  g_free ((char *)inputs[0]);
  g_string_free (in, TRUE);
  g_rand_free (rand);
  tp_run_stats_clear (&st);
  fixture_clear (&f);
}
END_TEST

/* Writes @n numbered lines of 64 bytes (with the line break) from @first
 * on to @fp. */
static void
write_numbered_lines (FILE *fp, guint first, guint n)
{
  for (guint i = first; i < first + n; i++)
    fprintf (fp, "line %010u of a file that is read while it changes.....\n",
             i);
}

/* Reads records from @r until the end; checks that each is numbered line
 * @first + k of write_numbered_lines, but for a last one that may be cut
 * short; returns the count. */
static guint
read_numbered_lines (TpReader *r, guint first)
{
  TpRawRecord raw;
  GError *error = NULL;
  guint k = 0;

  while (tp_reader_next_raw (r, &raw, &error))
    {
      char want[80];
      g_snprintf (want, sizeof want,
                  "line %010u of a file that is read while it changes.....",
                  first + k);
      if (raw.len != 63)
        ck_assert_msg (raw.len < 63 && strncmp (raw.data, want, raw.len) == 0,
                       "record %u: %.*s", k, (int)raw.len, raw.data);
      else
        ck_assert_msg (memcmp (raw.data, want, 63) == 0, "record %u: %.*s", k,
                       (int)raw.len, raw.data);
      tp_raw_record_clear (&raw);
      k++;
    }
  ck_assert_ptr_null (error);
  return k;
}

/* A file that changes size while it is read: lines written after
 * reading began (before its end was reached) are read too, and a file cut
 * short ends early, with every line read before the cut whole. */
START_TEST (test_reader_file_changes_size)
{
  char *dir = tp_test_tmpdir ();
  char *path = g_build_filename (dir, "changing.txt", NULL);
  const char *inputs[] = { path, NULL };
  FILE *fp = fopen (path, "w");
  TpRawRecord raw;
  TpReader *r;
  guint n;

  /* grows: 10000 lines (more than a block), then 300000 more once the
   * first is read, before the end was reached */
  write_numbered_lines (fp, 0, 10000);
  fflush (fp);
  r = tp_reader_new (inputs, TP_INPUT_LINES, NULL, NULL);
  ck_assert (tp_reader_next_raw (r, &raw, NULL));
  tp_raw_record_clear (&raw);
  write_numbered_lines (fp, 10000, 300000);
  fclose (fp);
  n = read_numbered_lines (r, 1);
  ck_assert_uint_eq (n, 309999);
  tp_reader_free (r);

  /* shrinks: cut to 1000 bytes after the first record */
  r = tp_reader_new (inputs, TP_INPUT_LINES, NULL, NULL);
  ck_assert (tp_reader_next_raw (r, &raw, NULL));
  tp_raw_record_clear (&raw);
  ck_assert_int_eq (truncate (path, 1000), 0);
  n = read_numbered_lines (r, 1);
  /* the lines copied before the cut, whole; not the rest */
  ck_assert_uint_ge (n, 1000 / 64 - 1);
  ck_assert_uint_lt (n, 309999);
  tp_reader_free (r);

  g_free (path);
  tp_test_rmdir (dir);
}
END_TEST

/* Lines read through tp_reader_next_raw_plain and parsed with what it
 * found become the documents (or the errors) tp_document_new makes of the
 * same bytes: a NUL, a byte that is not UTF-8, or a character of two
 * bytes at every place of a line around the reader's sixteen-byte steps,
 * lines of every length up to 40, CRLF ends and a last line without a
 * break. */
START_TEST (test_reader_plain_lines)
{
  static const char *const odd[] = { "", "\x00", "\xff", "\xc3\xa9", "\r" };
  char *dir = tp_test_tmpdir ();
  char *path = g_build_filename (dir, "plain.txt", NULL);
  const char *inputs[] = { path, NULL };
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GArray *lens = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *all = g_string_new (NULL), *id = g_string_new (NULL);
  TpRawRecord raw;
  gboolean plain;
  TpReader *r;
  guint k = 0;

  for (guint o = 0; o < G_N_ELEMENTS (odd); o++)
    for (gsize len = 0; len <= 40; len++)
      for (gsize at = 0; at <= len; at++)
        {
          gsize n = o == 1 ? 1 : strlen (odd[o]);
          GString *line = g_string_new (NULL);
          if (at + n > len || (o == 0 && at > 0))
            {
              g_string_free (line, TRUE);
              continue;
            }
          for (gsize i = 0; i < at; i++)
            g_string_append_c (line, (char)('a' + i % 26));
          g_string_append_len (line, odd[o], n);
          while (line->len < len)
            g_string_append_c (line, ' ');
          g_string_append_len (all, line->str, line->len);
          g_string_append (all, k % 3 == 0 ? "\r\n" : "\n");
          g_array_append_val (lens, line->len);
          g_ptr_array_add (lines, g_string_free (line, FALSE));
          k++;
        }
  /* the last line has no break */
  g_string_truncate (all, all->len - 1);
  ck_assert (g_file_set_contents (path, all->str, all->len, NULL));
  r = tp_reader_new (inputs, TP_INPUT_LINES, NULL, NULL);
  for (k = 0; tp_reader_next_raw_plain (r, &raw, &plain, NULL); k++)
    {
      const char *want_text = lines->pdata[k];
      gsize want_len = g_array_index (lens, gsize, k);
      GError *want_error = NULL, *error = NULL;
      TpDocument *want, *doc;

      ck_assert_uint_lt (k, lines->len);
      /* a CR at the end of a line is not part of it: the one of a CRLF
       * break, else one the line ends with */
      if (k % 3 != 0 && want_len > 0 && want_text[want_len - 1] == '\r')
        want_len--;
      want = tp_document_new ("w", want_text, (gssize)want_len, &want_error);
      doc = tp_reader_parse_with_id (r, &raw, plain, id, &error);
      if (want == NULL)
        {
          ck_assert_msg (doc == NULL, "line %u accepted", k);
          ck_assert_str_eq (error->message, want_error->message);
          g_error_free (error);
          g_error_free (want_error);
        }
      else
        {
          ck_assert_msg (doc != NULL, "line %u: %s", k, error->message);
          ck_assert_uint_eq (tp_document_get_length (doc), want_len);
          ck_assert (memcmp (tp_document_get_text (doc), want_text, want_len)
                     == 0);
          ck_assert_int_eq (doc->ascii, want->ascii);
          tp_document_free (doc);
          tp_document_free (want);
        }
      tp_raw_record_clear (&raw);
    }
  ck_assert_uint_eq (k, lines->len);
  tp_reader_free (r);
  g_string_free (all, TRUE);
  g_string_free (id, TRUE);
  g_array_unref (lens);
  g_ptr_array_unref (lines);
  g_free (path);
  tp_test_rmdir (dir);
}
END_TEST

/* The ids of records that name none are "path:line" (the reader counts
 * them on from the last one): over the carries of 1100 lines, then of a
 * JSONL file with a blank line (not a record) and a record with an id of
 * its own, and again for second readers of the same files. */
START_TEST (test_reader_fallback_ids)
{
  static const guint jsonl_lines[] = { 1, 3, 0, 5 };
  char *dir = tp_test_tmpdir ();
  GString *text = g_string_new (NULL);
  char *paths[2];

  for (guint i = 1; i <= 1100; i++)
    g_string_append_printf (text, "line %u\n", i);
  paths[0] = tp_test_write (dir, "a.txt", text->str);
  paths[1] = tp_test_write (dir, "b.jsonl",
                            "{\"text\":\"x\"}\n\n{\"text\":\"y\"}\n{\"id\":"
                            "\"own\",\"text\":\"z\"}\n{\"text\":\"w\"}\n");
  for (guint round = 0; round < 4; round++)
    {
      const char *inputs[] = { paths[round % 2], NULL };
      TpReader *r = tp_reader_new (
          inputs, round % 2 ? TP_INPUT_JSONL : TP_INPUT_LINES, NULL, NULL);
      guint n = round % 2 ? G_N_ELEMENTS (jsonl_lines) : 1100;
      TpDocument *doc;
      char *id, *raw;
      GError *error = NULL;

      for (guint i = 1; i <= n; i++)
        {
          char *want;
          ck_assert (tp_reader_next (r, &doc, &id, &raw, &error));
          ck_assert_ptr_nonnull (doc);
          if (round % 2 == 0)
            want = g_strdup_printf ("%s:%u", paths[0], i);
          else if (jsonl_lines[i - 1] == 0)
            want = g_strdup ("own");
          else
            want = g_strdup_printf ("%s:%u", paths[1], jsonl_lines[i - 1]);
          ck_assert_str_eq (id, want);
          ck_assert_str_eq (tp_document_get_id (doc), want);
          g_free (want);
          g_free (id);
          g_free (raw);
          tp_document_free (doc);
        }
      ck_assert (!tp_reader_next (r, &doc, &id, &raw, &error));
      tp_reader_free (r);
    }
  g_free (paths[0]);
  g_free (paths[1]);
  g_string_free (text, TRUE);
  tp_test_rmdir (dir);
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
  tcase_add_test (tc, test_jsonl_edge_cases);
  tcase_add_test (tc, test_random_lines_all_accounted);
  tcase_add_test (tc, test_reader_file_changes_size);
  tcase_add_test (tc, test_reader_plain_lines);
  tcase_add_test (tc, test_reader_fallback_ids);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tp_test_run_suite (runner_suite ());
}
