/* cli-info.c: `textpipe plugins` and `textpipe describe`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints a NULL-terminated list of layer names, or "-" when empty. */
static void
tp_cli_print_layers (const char *label, const char *const *layers)
{
  printf ("%s", label);
  if (layers == NULL || layers[0] == NULL)
    printf (" -");
  for (guint i = 0; layers && layers[i]; i++)
    printf ("%s %s", i ? "," : "", layers[i]);
  printf ("\n");
}

int
tp_cli_plugins (int argc, char **argv)
{
  char **plugin_paths = NULL;
  GOptionEntry entries[]
      = { { "plugin-path", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_paths,
            "Search DIR for plugins first (repeatable)", "DIR" },
          { NULL } };
  GOptionContext *ctx = g_option_context_new (
      "- list every plugin found, with its version, description and file");
  GError *error = NULL;
  TpLoader *loader;
  GPtrArray *names;
  int code = TP_EXIT_OK;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      tp_cli_error ("plugins: %s", error->message);
      g_error_free (error);
      g_option_context_free (ctx);
      return TP_EXIT_CONFIG;
    }
  loader = tp_cli_loader_new (plugin_paths);
  tp_loader_add_default_paths (loader);
  names = tp_loader_list (loader);
  for (guint i = 0; i < names->len; i++)
    {
      TpPlugin *p = tp_loader_load (loader, names->pdata[i], &error);
      if (p == NULL)
        {
          fprintf (stderr, "textpipe: skipping %s: %s\n",
                   (char *)names->pdata[i], error->message);
          g_clear_error (&error);
          code = TP_EXIT_CONFIG;
          continue;
        }
      printf ("%-12s %-8s %s\n%-12s %-8s %s\n",
              tp_plugin_get_descriptor (p)->name,
              tp_plugin_get_descriptor (p)->version,
              tp_plugin_get_descriptor (p)->description, "", "",
              tp_plugin_get_path (p));
    }
  if (names->len == 0)
    {
      const GPtrArray *paths = tp_loader_get_paths (loader);
      fprintf (stderr, "textpipe: no plugins found; looked in:");
      for (guint i = 0; i < paths->len; i++)
        fprintf (stderr, " %s", (char *)paths->pdata[i]);
      fprintf (stderr, "\n");
    }
  g_ptr_array_unref (names);
  tp_loader_free (loader);
  g_strfreev (plugin_paths);
  g_option_context_free (ctx);
  return code;
}

int
tp_cli_describe (int argc, char **argv)
{
  char **plugin_paths = NULL;
  char **rest = NULL;
  GOptionEntry entries[]
      = { { "plugin-path", 'P', 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_paths,
            "Search DIR for plugins first (repeatable)", "DIR" },
          { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL,
            NULL },
          { NULL } };
  GOptionContext *ctx = g_option_context_new (
      "PLUGIN - show a plugin's options, layers, ABI and file (PLUGIN may "
      "also be a path to a module)");
  GError *error = NULL;
  TpLoader *loader = NULL;
  TpPlugin *p;
  const TpPluginDescriptor *d;
  int code = TP_EXIT_CONFIG;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      tp_cli_error ("describe: %s", error->message);
      goto out;
    }
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    {
      tp_cli_error ("describe: usage: textpipe describe PLUGIN");
      goto out;
    }
  loader = tp_cli_loader_new (plugin_paths);
  tp_loader_add_default_paths (loader);
  if (strchr (rest[0], '/'))
    p = tp_loader_load_file (loader, rest[0], &error);
  else
    p = tp_loader_load (loader, rest[0], &error);
  if (p == NULL)
    {
      tp_cli_error ("%s", error->message);
      goto out;
    }
  d = tp_plugin_get_descriptor (p);
  printf ("%s %s: %s\n", d->name, d->version, d->description);
  printf ("file:     %s\n", tp_plugin_get_path (p));
  printf ("license:  %s\n", d->license ? d->license : "(not given)");
  printf ("ABI:      %u.%u%s\n", d->abi_version, d->abi_minor,
          (d->flags & TP_PLUGIN_FLAG_THREAD_SAFE) ? ", thread-safe" : "");
  tp_cli_print_layers ("requires:", d->requires);
  tp_cli_print_layers ("produces:", d->produces);
  printf ("options:%s\n", d->options && d->options[0].name ? "" : " none");
  for (guint i = 0; d->options && d->options[i].name; i++)
    {
      const TpOptionSpec *o = &d->options[i];
      printf ("  %-20s %-8s %s", o->name, tp_option_type_name (o->type),
              o->help);
      if (o->required)
        printf (" (required)");
      else if (o->default_value)
        printf (" (default: %s)", o->default_value);
      printf ("\n");
    }
  code = TP_EXIT_OK;
out:
  g_clear_error (&error);
  tp_loader_free (loader);
  g_strfreev (rest);
  g_strfreev (plugin_paths);
  g_option_context_free (ctx);
  return code;
}
