/* check_loader.c: the loader finds good plugins and refuses broken ones,
 * each with its own error code and a message saying what to do. */
#include "tp-test.h"

typedef struct {
  const char *name;
  int code;
  const char *says; /* a phrase the message must hold */
} LoaderCase;

static const LoaderCase loader_cases[] = {
  { "badabi", TP_LOADER_ERROR_ABI_MISMATCH, "rebuild the plugin against" },
  { "oldabi", TP_LOADER_ERROR_ABI_MISMATCH, "built for textpipe plugin ABI 0" },
  { "shortstruct", TP_LOADER_ERROR_SHORT_STRUCT, "rebuild it" },
  { "nodesc", TP_LOADER_ERROR_NOT_A_PLUGIN, "is not a textpipe plugin" },
  { "wrongname", TP_LOADER_ERROR_NAME_MISMATCH, "must equal its file name" },
  { "noprocess", TP_LOADER_ERROR_MISSING_CALLBACK, "no .process callback" },
  { "badoptions", TP_LOADER_ERROR_BAD_OPTIONS,
    "'many' is not a valid integer" },
  { "nosuchplugin", TP_LOADER_ERROR_NOT_FOUND, "looked in:" },
  { "../words", TP_LOADER_ERROR_BAD_NAME, "not a plugin name" },
  { "a/b", TP_LOADER_ERROR_BAD_NAME, "not a plugin name" },
};

START_TEST (test_refusals)
{
  const LoaderCase *c = &loader_cases[_i];
  TpLoader *loader = tp_test_loader ();
  GError *error = NULL;
  TpPlugin *p = tp_loader_load (loader, c->name, &error);

  ck_assert_msg (p == NULL, "%s loaded", c->name);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_error_matches (error, TP_LOADER_ERROR, c->code),
                 "%s: code %d, expected %d: %s", c->name, error->code, c->code,
                 error->message);
  ck_assert_msg (strstr (error->message, c->says) != NULL,
                 "%s: message '%s' lacks '%s'", c->name, error->message,
                 c->says);
  g_error_free (error);
  tp_loader_free (loader);
}
END_TEST

START_TEST (test_good_plugin)
{
  TpLoader *loader = tp_test_loader ();
  GError *error = NULL;
  TpPlugin *p = tp_loader_load (loader, "words", &error);
  const TpPluginDescriptor *d;

  ck_assert_msg (p != NULL, "%s", error ? error->message : "");
  d = tp_plugin_get_descriptor (p);
  ck_assert_str_eq (d->name, "words");
  ck_assert_str_eq (d->version, "1.0.0");
  ck_assert_uint_eq (d->abi_version, TP_ABI_VERSION);
  ck_assert_uint_eq (d->struct_size, sizeof (TpPluginDescriptor));
  ck_assert_ptr_eq (tp_loader_load (loader, "words", NULL), p);
  tp_loader_free (loader);
}
END_TEST

START_TEST (test_not_found_suggests)
{
  TpLoader *loader = tp_test_loader ();
  GError *error = NULL;
  ck_assert_ptr_null (tp_loader_load (loader, "wrods", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "did you mean 'words'"));
  g_error_free (error);
  tp_loader_free (loader);
}
END_TEST

START_TEST (test_list_and_producer)
{
  TpLoader *loader = tp_test_loader ();
  GPtrArray *names = tp_loader_list (loader);
  char *producer;
  gboolean has_words = FALSE, has_counter = FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      has_words = has_words || !strcmp (names->pdata[i], "words");
      has_counter = has_counter || !strcmp (names->pdata[i], "counter");
      if (i > 0)
        ck_assert_int_lt (strcmp (names->pdata[i - 1], names->pdata[i]), 0);
    }
  ck_assert (has_words && has_counter);
  producer = tp_loader_find_producer (loader, "word");
  ck_assert_str_eq (producer, "words");
  g_free (producer);
  ck_assert_ptr_null (tp_loader_find_producer (loader, "nothing"));
  g_ptr_array_unref (names);
  tp_loader_free (loader);
}
END_TEST

START_TEST (test_search_order)
{
  /* The first folder holding a plugin wins. */
  TpLoader *loader = tp_loader_new ();
  char *dir = tp_test_plugin_dir ();
  char *empty = tp_test_tmpdir ();
  TpPlugin *p;

  tp_loader_add_path (loader, empty);
  tp_loader_add_path (loader, dir);
  p = tp_loader_load (loader, "counter", NULL);
  ck_assert_ptr_nonnull (p);
  ck_assert (g_str_has_prefix (tp_plugin_get_path (p), dir));
  g_free (dir);
  tp_test_rmdir (empty);
  tp_loader_free (loader);
}
END_TEST

static Suite *
loader_suite (void)
{
  Suite *s = suite_create ("loader");
  TCase *tc = tcase_create ("loader");
  tcase_add_loop_test (tc, test_refusals, 0, G_N_ELEMENTS (loader_cases));
  tcase_add_test (tc, test_good_plugin);
  tcase_add_test (tc, test_not_found_suggests);
  tcase_add_test (tc, test_list_and_producer);
  tcase_add_test (tc, test_search_order);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tp_test_run_suite (loader_suite ());
}
