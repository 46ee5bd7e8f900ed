/* cli-main.c: the textpipe command: dispatches to its subcommands. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char tp_cli_usage[]
    = "Usage: textpipe COMMAND [OPTION...]\n"
      "\n"
      "Run text-processing pipelines defined in INI files over documents.\n"
      "\n"
      "Commands:\n"
      "  run PIPELINE.ini [INPUT...]  process documents, write JSON lines\n"
      "  check PIPELINE.ini           load and validate a pipeline, run "
      "nothing\n"
      "  plugins                      list the plugins found, with versions\n"
      "  describe PLUGIN              show a plugin's options and layers\n"
      "  new-plugin NAME [DIR]        write a new plugin project to start "
      "from\n"
      "\n"
      "Options:\n"
      "  -h, --help                   show this help (COMMAND --help for "
      "more)\n"
      "  --version                    show the version\n"
      "\n"
      "Inputs are files, folders (walked) or - for stdin; .jsonl files hold "
      "one\n"
      "record per line. Output is JSON lines on stdout or -o FILE; messages "
      "go\n"
      "to stderr.\n"
      "\n"
      "Exit status: 0 all documents processed; 1 configuration or usage "
      "error;\n"
      "2 finished with rejected documents; 3 input/output error; 4 "
      "interrupted\n"
      "(run again with --resume).\n"
      "\n"
      "Plugins are searched in --plugin-path folders, the pipeline's "
      "plugin_path,\n"
      "$TEXTPIPE_PLUGIN_PATH, then " TP_PLUGINDIR ".\n";

void
tp_cli_error (const char *format, ...)
{
  va_list args;
  char *msg;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "textpipe: %s\n", msg);
  g_free (msg);
}

TpLoader *
tp_cli_loader_new (char **plugin_paths)
{
  TpLoader *loader = tp_loader_new ();
  for (guint i = 0; plugin_paths && plugin_paths[i]; i++)
    tp_loader_add_path_list (loader, plugin_paths[i]);
  return loader;
}

char *
tp_cli_find_pipeline (const char *arg)
{
  char *file;

  if (g_file_test (arg, G_FILE_TEST_EXISTS) || strchr (arg, '/'))
    return g_strdup (arg);
  file = g_strconcat (arg, g_str_has_suffix (arg, ".ini") ? "" : ".ini", NULL);
  {
    char *installed = g_build_filename (TP_PIPELINEDIR, file, NULL);
    g_free (file);
    if (g_file_test (installed, G_FILE_TEST_EXISTS))
      return installed;
    g_free (installed);
  }
  return g_strdup (arg);
}

/* Splits "-j4" into "-j" "4" for the short options that take a value
 * (GOption reads only the separate form; users type make's "-j4").  Returns
 * a new argv; the strings are ARGV's or owned by the returned array. */
static char **
tp_cli_split_attached_values (int argc, char **argv, GPtrArray *owned,
                              int *new_argc)
{
  GPtrArray *out = g_ptr_array_new ();
  gboolean options_done = FALSE;

  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];

      if (!options_done && i > 0 && a[0] == '-' && a[1] != '\0'
          && strchr ("joPsf", a[1]) != NULL && a[2] != '\0')
        {
          char *flag = g_strndup (a, 2);
          g_ptr_array_add (owned, flag);
          g_ptr_array_add (out, flag);
          g_ptr_array_add (out, (char *)a + 2);
          continue;
        }
      if (strcmp (a, "--") == 0)
        options_done = TRUE;
      g_ptr_array_add (out, (char *)a);
    }
  *new_argc = (int)out->len;
  g_ptr_array_add (out, NULL);
  return (char **)g_ptr_array_free (out, FALSE);
}

int
main (int argc, char **argv)
{
  static const struct {
    const char *name;
    int (*func) (int, char **);
  } commands[] = {
    { "run", tp_cli_run },
    { "check", tp_cli_check },
    { "plugins", tp_cli_plugins },
    { "describe", tp_cli_describe },
    { "new-plugin", tp_cli_new_plugin },
  };
  const char *names[G_N_ELEMENTS (commands)];

  if (argc < 2 || !strcmp (argv[1], "--help") || !strcmp (argv[1], "-h")
      || !strcmp (argv[1], "help"))
    {
      fputs (tp_cli_usage, argc < 2 ? stderr : stdout);
      return argc < 2 ? TP_EXIT_CONFIG : TP_EXIT_OK;
    }
  if (!strcmp (argv[1], "--version"))
    {
      printf ("textpipe %s (plugin ABI %d.%d)\n", TP_VERSION_STRING,
              TP_ABI_VERSION, TP_ABI_MINOR);
      return TP_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      names[i] = commands[i].name;
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          /* "Usage: textpipe run ..." in each command's --help */
          char *name = g_strconcat ("textpipe ", argv[1], NULL);
          GPtrArray *owned = g_ptr_array_new_with_free_func (g_free);
          char **args;
          int nargs, code;

          argv[1] = name;
          args = tp_cli_split_attached_values (argc - 1, argv + 1, owned,
                                               &nargs);
          code = commands[i].func (nargs, args);
          g_free (args);
          g_ptr_array_unref (owned);
          g_free (name);
          return code;
        }
    }
  {
    const char *near = tp_suggest (argv[1], names, G_N_ELEMENTS (names));
    tp_cli_error ("unknown command '%s'%s%s%s; see textpipe --help", argv[1],
                  near ? " (did you mean '" : "", near ? near : "",
                  near ? "'?)" : "");
  }
  return TP_EXIT_CONFIG;
}
