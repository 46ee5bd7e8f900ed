/* check_all_plugins.c: every built plugin loads, starts with its default
 * options, processes an empty and a short document, and shuts down. */
#include "tp-test.h"
#include "tp-harness.h"

static GPtrArray *plugin_names;

/* Appends @name's chain of producers, then @name, to @chain. */
static void
add_with_requirements (TpLoader *loader, const char *name, GPtrArray *chain)
{
  TpPlugin *p = tp_loader_load (loader, name, NULL);
  const TpPluginDescriptor *d;

  if (p == NULL)
    return;
  d = tp_plugin_get_descriptor (p);
  for (guint i = 0; d->requires && d->requires[i]; i++)
    {
      char *producer = tp_loader_find_producer (loader, d->requires[i]);
      gboolean have = FALSE;
      ck_assert_msg (producer != NULL, "nothing produces '%s' for %s",
                     d->requires[i], name);
      for (guint k = 0; k < chain->len; k++)
        have = have || !strcmp (chain->pdata[k], producer);
      if (!have)
        add_with_requirements (loader, producer, chain);
      g_free (producer);
    }
  g_ptr_array_add (chain, g_strdup (name));
}

START_TEST (test_plugin_lifecycle)
{
  const char *name = plugin_names->pdata[_i];
  TpLoader *loader = tp_loader_new ();
  GPtrArray *chain = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  TpPlugin *p;
  const TpPluginDescriptor *d;
  TpHarness *h;
  char *list;
  static const char *const texts[]
      = { "", "A short story.\n\nIt said \"yes,\" he said.", "...", NULL };

  tp_loader_add_default_paths (loader);
  p = tp_loader_load (loader, name, &error);
  ck_assert_msg (p != NULL, "%s: %s", name, error ? error->message : "");
  d = tp_plugin_get_descriptor (p);
  ck_assert_str_eq (d->name, name);
  ck_assert_ptr_nonnull (d->license);
  ck_assert_ptr_nonnull (d->produces);

  add_with_requirements (loader, name, chain);
  g_ptr_array_add (chain, NULL);
  list = g_strjoinv (",", (char **)chain->pdata);
  h = tp_harness_new (list, &error);
  ck_assert_msg (h != NULL, "%s", error ? error->message : "");
  for (guint i = 0; texts[i]; i++)
    {
      TpDocument *doc = tp_harness_push_text (h, texts[i], &error);
      ck_assert_msg (doc != NULL, "%s on text %u: %s", name, i,
                     error ? error->message : "");
      for (guint k = 0; d->produces[k]; k++)
        ck_assert_ptr_nonnull (tp_document_get_layer (doc, d->produces[k]));
      tp_document_free (doc);
    }
  tp_harness_free (h);
  g_free (list);
  g_ptr_array_unref (chain);
  tp_loader_free (loader);
}
END_TEST

int
main (void)
{
  TpLoader *loader = tp_loader_new ();
  Suite *s = suite_create ("all_plugins");
  TCase *tc = tcase_create ("lifecycle");
  const char *path = g_getenv ("TEXTPIPE_PLUGIN_PATH");
  int rc;

  /* Only the project's own plugins: the folder the test setup names. */
  if (path)
    tp_loader_add_path_list (loader, path);
  plugin_names = tp_loader_list (loader);
  if (plugin_names->len == 0)
    {
      fprintf (stderr, "no plugins found in TEXTPIPE_PLUGIN_PATH=%s\n",
               path ? path : "(unset)");
      return EXIT_FAILURE;
    }
  tcase_add_loop_test (tc, test_plugin_lifecycle, 0, plugin_names->len);
  suite_add_tcase (s, tc);
  rc = tp_test_run_suite (s);
  g_ptr_array_unref (plugin_names);
  tp_loader_free (loader);
  return rc;
}
