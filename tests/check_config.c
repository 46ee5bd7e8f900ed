/* check_config.c: INI pipelines: every configuration error names the file,
 * line, section and key; --set overrides; contracts are checked early. */
#include "tp-test.h"

typedef struct {
  const char *ini;
  int code;
  const char *says;
} ConfigCase;

static const ConfigCase config_cases[] = {
  /* unknown key, with a suggestion and its line */
  { "[pipeline]\nstages = w\n\n[w]\nplugin = words\nmin_lenght = 2\n",
    TP_CONFIG_ERROR_UNKNOWN_KEY,
    "pipeline.ini:6: [w] unknown key 'min_lenght' for plugin 'words' (did "
    "you mean 'min_length'?)" },
  /* a bad value names the expected type */
  { "[pipeline]\nstages = w\n[w]\nplugin = words\nmin_length = two\n",
    TP_CONFIG_ERROR_BAD_VALUE,
    "pipeline.ini:5: [w] key 'min_length': 'two' is not a valid integer" },
  { "[pipeline]\nstages = w\n[w]\nplugin = words\nbad_span = maybe\n",
    TP_CONFIG_ERROR_BAD_VALUE, "use true or false" },
  /* a stage listed but not defined */
  { "[pipeline]\nstages = w, count\n[w]\nplugin = words\n[counts]\n"
    "plugin = counter\n",
    TP_CONFIG_ERROR_MISSING_SECTION,
    "pipeline.ini:2: [pipeline] stage 'count' is listed but has no [count] "
    "section (did you mean 'counts'?)" },
  /* a section defined but unused */
  { "[pipeline]\nstages = w\n[w]\nplugin = words\n[counter]\n",
    TP_CONFIG_ERROR_UNUSED_SECTION,
    "pipeline.ini:5: section [counter] is not a stage of the pipeline" },
  /* unknown pipeline key */
  { "[pipeline]\nstages = w\nstage = w\n[w]\nplugin = words\n",
    TP_CONFIG_ERROR_UNKNOWN_KEY,
    "pipeline.ini:3: [pipeline] unknown key 'stage' (did you mean 'stages'?)" },
  { "[pipeline]\nstages = w\non_error = explode\n[w]\nplugin = words\n",
    TP_CONFIG_ERROR_BAD_VALUE, "'explode' is not skip or fail" },
  { "[pipeline]\nstages = w\nmax_errors = lots\n[w]\nplugin = words\n",
    TP_CONFIG_ERROR_BAD_VALUE, "like 5%" },
  /* no stages, no [pipeline] */
  { "[pipeline]\nname = x\n", TP_CONFIG_ERROR_MISSING_VALUE,
    "has no 'stages' list" },
  { "[w]\nplugin = words\n", TP_CONFIG_ERROR_MISSING_SECTION,
    "no [pipeline] section" },
  { "[pipeline]\nstages = w, w\n[w]\nplugin = words\n",
    TP_CONFIG_ERROR_DUPLICATE, "listed twice" },
  /* contracts: counter needs 'word' */
  { "[pipeline]\nstages = c\n[c]\nplugin = counter\n", TP_CONFIG_ERROR_CONTRACT,
    "stage 'c' (plugin counter) needs layer 'word', which no earlier stage "
    "produces: add a stage using plugin 'words' before 'c'" },
  { "[pipeline]\nstages = c, w\n[c]\nplugin = counter\n[w]\nplugin = words\n",
    TP_CONFIG_ERROR_CONTRACT, "move 'w' before 'c'" },
  /* a required option with no value */
  { "[pipeline]\nstages = n\n[n]\nplugin = needy\n",
    TP_CONFIG_ERROR_MISSING_VALUE,
    "[n] plugin 'needy' needs a value for 'pattern' (What to look for): add "
    "'pattern = ...' to the [n] section" },
  { "[pipeline]\nstages = n\n[n]\nplugin = needy\npattern = x\n"
    "limit = 1.5.2\n",
    TP_CONFIG_ERROR_BAD_VALUE,
    "pipeline.ini:6: [n] key 'limit': '1.5.2' is "
    "not a valid number" },
  /* a missing plugin is a loader error, named with its stage */
  { "[pipeline]\nstages = w\n[w]\nplugin = wrods\n", -1,
    "stage 'w': plugin 'wrods' not found" },
};

/* Writes @ini, reads and prepares it; returns the error. */
static GError *
config_try (const char *ini, const char *const *sets)
{
  char *dir = tp_test_tmpdir ();
  char *path = tp_test_write (dir, "pipeline.ini", ini);
  TpLoader *loader = tp_test_loader ();
  GError *error = NULL;
  TpPipeline *p = tp_pipeline_new_from_file (path, loader, &error);

  for (guint i = 0; p && sets && sets[i]; i++)
    if (!tp_pipeline_apply_override (p, sets[i], &error))
      break;
  if (p && error == NULL)
    tp_pipeline_prepare (p, &error);
  tp_pipeline_free (p);
  tp_loader_free (loader);
  g_free (path);
  tp_test_rmdir (dir);
  return error;
}

START_TEST (test_config_errors)
{
  const ConfigCase *c = &config_cases[_i];
  GError *error = config_try (c->ini, NULL);

  ck_assert_msg (error != NULL, "case %d accepted", _i);
  if (c->code >= 0)
    ck_assert_msg (g_error_matches (error, TP_CONFIG_ERROR, c->code),
                   "case %d: code %d: %s", _i, error->code, error->message);
  ck_assert_msg (strstr (error->message, c->says) != NULL,
                 "case %d: '%s' lacks '%s'", _i, error->message, c->says);
  g_error_free (error);
}
END_TEST

START_TEST (test_good_pipeline)
{
  char *dir = tp_test_tmpdir ();
  char *path = tp_test_write (
      dir, "p.ini",
      "; a comment\n[pipeline]\nname = demo\ndescription = \"a; b # c\"\n"
      "stages = w c\n[w]\nplugin = words\nfail_on = \"bad;word\"\n"
      "[c]\nplugin = counter\n");
  TpLoader *loader = tp_test_loader ();
  GError *error = NULL;
  TpPipeline *p = tp_pipeline_new_from_file (path, loader, &error);

  ck_assert_msg (p != NULL, "%s", error ? error->message : "");
  ck_assert_msg (tp_pipeline_prepare (p, &error), "%s",
                 error ? error->message : "");
  ck_assert_str_eq (tp_pipeline_get_name (p), "demo");
  ck_assert_str_eq (tp_pipeline_get_description (p), "a; b # c");
  ck_assert_uint_eq (tp_pipeline_get_n_stages (p), 2);
  ck_assert_str_eq (
      tp_options_get_string (
          tp_stage_get_options (tp_pipeline_get_stage (p, 0)), "fail_on"),
      "bad;word");
  ck_assert_int_eq (
      tp_options_get_int (tp_stage_get_options (tp_pipeline_get_stage (p, 0)),
                          "min_length"),
      1);
  tp_pipeline_free (p);
  tp_loader_free (loader);
  g_free (path);
  tp_test_rmdir (dir);
}
END_TEST

START_TEST (test_typed_values)
{
  /* lists split on commas, paths are relative to the INI file */
  char *dir = tp_test_tmpdir ();
  char *path = tp_test_write (dir, "p.ini",
                              "[pipeline]\nstages = n\n[n]\nplugin = needy\n"
                              "pattern = x\nfiles = one, two ,three\n"
                              "data = lists/words.txt\nlimit = 2.5\n");
  TpLoader *loader = tp_test_loader ();
  GError *error = NULL;
  TpPipeline *p = tp_pipeline_new_from_file (path, loader, &error);
  const TpOptions *o;
  char *want;

  ck_assert_msg (p && tp_pipeline_prepare (p, &error), "%s",
                 error ? error->message : "");
  o = tp_stage_get_options (tp_pipeline_get_stage (p, 0));
  ck_assert_uint_eq (g_strv_length ((char **)tp_options_get_list (o, "files")),
                     3);
  ck_assert_str_eq (tp_options_get_list (o, "files")[1], "two");
  want = g_build_filename (dir, "lists/words.txt", NULL);
  ck_assert_str_eq (tp_options_get_path (o, "data"), want);
  ck_assert (tp_options_get_double (o, "limit") == 2.5);
  g_free (want);
  tp_pipeline_free (p);
  tp_loader_free (loader);
  g_free (path);
  tp_test_rmdir (dir);
}
END_TEST

START_TEST (test_set_overrides)
{
  char *dir = tp_test_tmpdir ();
  char *path = tp_test_write (dir, "p.ini",
                              "[pipeline]\nstages = w\n[w]\nplugin = words\n"
                              "min_length = 2\n");
  TpLoader *loader = tp_test_loader ();
  GError *error = NULL;
  TpPipeline *p = tp_pipeline_new_from_file (path, loader, &error);
  const TpOptions *o;
  char *fp1, *fp2;

  ck_assert_ptr_nonnull (p);
  ck_assert (tp_pipeline_prepare (p, NULL));
  fp1 = tp_pipeline_fingerprint (p);
  ck_assert (tp_pipeline_apply_override (p, "w.min_length=7", &error));
  ck_assert (tp_pipeline_apply_override (p, "W.Fail_On = x", &error));
  ck_assert (tp_pipeline_apply_override (p, "pipeline.on_error=fail", &error));
  ck_assert (tp_pipeline_prepare (p, &error));
  o = tp_stage_get_options (tp_pipeline_get_stage (p, 0));
  ck_assert_int_eq (tp_options_get_int (o, "min_length"), 7);
  ck_assert_str_eq (tp_options_get_string (o, "fail_on"), "x");
  ck_assert (tp_options_is_set (o, "fail_on"));
  ck_assert (!tp_options_is_set (o, "bad_span"));
  ck_assert_int_eq (tp_pipeline_get_on_error (p), TP_ON_ERROR_FAIL);
  fp2 = tp_pipeline_fingerprint (p);
  ck_assert_str_ne (fp1, fp2);

  /* errors in --set name the override */
  ck_assert (!tp_pipeline_apply_override (p, "nostage.x=1", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "--set: no stage 'nostage'"));
  g_clear_error (&error);
  ck_assert (!tp_pipeline_apply_override (p, "justtext", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "STAGE.KEY=VALUE"));
  g_clear_error (&error);
  ck_assert (tp_pipeline_apply_override (p, "w.min_lenght=3", &error));
  ck_assert (!tp_pipeline_prepare (p, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "--set: [w] unknown key"));
  g_clear_error (&error);

  g_free (fp1);
  g_free (fp2);
  tp_pipeline_free (p);
  tp_loader_free (loader);
  g_free (path);
  tp_test_rmdir (dir);
}
END_TEST

START_TEST (test_plugin_path_relative)
{
  /* plugin_path in the INI file is relative to the file. */
  char *pdir = tp_test_plugin_dir ();
  char *dir = tp_test_tmpdir ();
  char *rel = g_strdup_printf ("[pipeline]\nstages = w\nplugin_path = %s\n"
                               "[w]\nplugin = words\n",
                               pdir);
  char *path = tp_test_write (dir, "p.ini", rel);
  TpLoader *loader = tp_loader_new ();
  GError *error = NULL;
  TpPipeline *p = tp_pipeline_new_from_file (path, loader, &error);

  ck_assert_ptr_nonnull (p);
  ck_assert_msg (tp_pipeline_prepare (p, &error), "%s",
                 error ? error->message : "");
  tp_pipeline_free (p);
  tp_loader_free (loader);
  g_free (path);
  g_free (rel);
  g_free (pdir);
  tp_test_rmdir (dir);
}
END_TEST

static Suite *
config_suite (void)
{
  Suite *s = suite_create ("config");
  TCase *tc = tcase_create ("config");
  tcase_add_loop_test (tc, test_config_errors, 0, G_N_ELEMENTS (config_cases));
  tcase_add_test (tc, test_good_pipeline);
  tcase_add_test (tc, test_typed_values);
  tcase_add_test (tc, test_set_overrides);
  tcase_add_test (tc, test_plugin_path_relative);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tp_test_run_suite (config_suite ());
}
