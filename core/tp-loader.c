/* tp-loader.c: finds, opens and checks plugin modules with libltdl. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "tp-private.h"

struct _TpLoader {
  GPtrArray *paths;    /* folders, in search order */
  GHashTable *plugins; /* name -> TpPlugin, loaded and checked */
};

/* libltdl keeps global state: initialise it once per process. */
static void
tp_loader_init_ltdl (void)
{
  static gsize done = 0;
  if (g_once_init_enter (&done))
    {
      lt_dlinit ();
      g_once_init_leave (&done, 1);
    }
}

static void
tp_plugin_free (TpPlugin *plugin)
{
  if (plugin == NULL)
    return;
  /* Plugins stay mapped until exit: a stage's state may outlive its
   * loader in a caller's hands, and unloading buys nothing in a batch
   * process. */
  g_free (plugin->name);
  g_free (plugin->path);
  g_free (plugin);
}

TpLoader *
tp_loader_new (void)
{
  TpLoader *loader = g_new0 (TpLoader, 1);

  tp_loader_init_ltdl ();
  loader->paths = g_ptr_array_new_with_free_func (g_free);
  loader->plugins = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify)tp_plugin_free);
  return loader;
}

void
tp_loader_free (TpLoader *loader)
{
  if (loader == NULL)
    return;
  g_hash_table_unref (loader->plugins);
  g_ptr_array_unref (loader->paths);
  g_free (loader);
}

void
tp_loader_add_path (TpLoader *loader, const char *dir)
{
  g_return_if_fail (loader != NULL && dir != NULL);
  for (guint i = 0; i < loader->paths->len; i++)
    if (strcmp (loader->paths->pdata[i], dir) == 0)
      return;
  g_ptr_array_add (loader->paths, g_strdup (dir));
}

void
tp_loader_add_path_list (TpLoader *loader, const char *list)
{
  char **dirs;

  if (list == NULL)
    return;
  dirs = g_strsplit (list, G_SEARCHPATH_SEPARATOR_S, -1);
  for (guint i = 0; dirs[i]; i++)
    if (*dirs[i])
      tp_loader_add_path (loader, dirs[i]);
  g_strfreev (dirs);
}

/* TRUE when this process runs from the build tree, so that freshly built
 * plugins win over installed ones. */
static gboolean
tp_loader_in_build_tree (void)
{
  char *exe = g_file_read_link ("/proc/self/exe", NULL);
  gboolean inside = FALSE;

  if (exe != NULL)
    {
      char *prefix = g_strconcat (TP_BUILDDIR, "/", NULL);
      inside = g_str_has_prefix (exe, prefix);
      g_free (prefix);
      g_free (exe);
    }
  return inside;
}

void
tp_loader_add_default_paths (TpLoader *loader)
{
  tp_loader_add_path_list (loader, g_getenv ("TEXTPIPE_PLUGIN_PATH"));
  if (tp_loader_in_build_tree ())
    tp_loader_add_path (loader, TP_BUILDDIR "/plugins");
  tp_loader_add_path (loader, TP_PLUGINDIR);
}

const GPtrArray *
tp_loader_get_paths (const TpLoader *loader)
{
  g_return_val_if_fail (loader != NULL, NULL);
  return loader->paths;
}

/* A plugin name is a file name stem: no path tricks. */
static gboolean
tp_plugin_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0' || strlen (name) > 64)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

/* The module file for @name in @dir, or NULL. */
static char *
tp_loader_find_in (const char *dir, const char *name)
{
  static const char *const exts[] = { ".la", ".so", NULL };
  for (guint i = 0; exts[i]; i++)
    {
      char *file = g_strconcat (name, exts[i], NULL);
      char *path = g_build_filename (dir, file, NULL);
      g_free (file);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  return NULL;
}

/* Checks a descriptor against this textpipe; each refusal has its own
 * code and says what to do. */
static gboolean
tp_loader_check_descriptor (const TpPluginDescriptor *d, const char *name,
                            const char *path, GError **error)
{
  GError *local = NULL;

  if (d->abi_version != TP_ABI_VERSION)
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_ABI_MISMATCH,
                   "plugin '%s' (%s) was built for textpipe plugin ABI %u, "
                   "but this textpipe %s speaks ABI %u: rebuild the plugin "
                   "against textpipe %s",
                   name, path, d->abi_version, TP_VERSION_STRING,
                   TP_ABI_VERSION, TP_VERSION_STRING);
      return FALSE;
    }
  if (d->struct_size < offsetof (TpPluginDescriptor, reserved))
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_SHORT_STRUCT,
                   "plugin '%s' (%s) has a descriptor of %u bytes, fewer "
                   "than the %u this ABI needs: it was not built with "
                   "TP_PLUGIN_DEFINE from textpipe-plugin.h; rebuild it "
                   "against textpipe %s",
                   name, path, d->struct_size,
                   (guint)offsetof (TpPluginDescriptor, reserved),
                   TP_VERSION_STRING);
      return FALSE;
    }
  if (d->name == NULL || strcmp (d->name, name) != 0)
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_NAME_MISMATCH,
                   "plugin file %s says its name is '%s': a plugin's "
                   ".name must equal its file name ('%s'); rename the file "
                   "or fix .name",
                   path, d->name ? d->name : "(null)", name);
      return FALSE;
    }
  if (d->process == NULL)
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_MISSING_CALLBACK,
                   "plugin '%s' (%s) has no .process callback: every plugin "
                   "must process documents",
                   name, path);
      return FALSE;
    }
  if ((d->init == NULL) != (d->destroy == NULL))
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_MISSING_CALLBACK,
                   "plugin '%s' (%s) has %s but no %s: a plugin that builds "
                   "state in .init must free it in .destroy",
                   name, path, d->init ? ".init" : ".destroy",
                   d->init ? ".destroy" : ".init");
      return FALSE;
    }
  if (d->version == NULL || d->description == NULL)
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_MISSING_CALLBACK,
                   "plugin '%s' (%s) has no %s: set it in TP_PLUGIN_DEFINE",
                   name, path,
                   d->version == NULL ? ".version" : ".description");
      return FALSE;
    }
  if (!tp_option_table_check (d->options, &local))
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_OPTIONS,
                   "plugin '%s' (%s) has a malformed option table: %s", name,
                   path, local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

/* Opens @path as plugin @name and checks it. */
static TpPlugin *
tp_loader_open (const char *path, const char *name, GError **error)
{
  lt_dlhandle handle;
  const TpPluginDescriptor *desc;
  TpPlugin *plugin;

  handle = lt_dlopen (path);
  if (handle == NULL)
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_OPEN_FAILED,
                   "cannot load plugin '%s' from %s: %s", name, path,
                   lt_dlerror ());
      return NULL;
    }
  desc = lt_dlsym (handle, TP_PLUGIN_SYMBOL);
  if (desc == NULL)
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_NOT_A_PLUGIN,
                   "%s is not a textpipe plugin: it exports no '%s' symbol "
                   "(define one with TP_PLUGIN_DEFINE)",
                   path, TP_PLUGIN_SYMBOL);
      goto out_close;
    }
  if (!tp_loader_check_descriptor (desc, name, path, error))
    goto out_close;

  plugin = g_new0 (TpPlugin, 1);
  plugin->name = g_strdup (name);
  plugin->path = g_strdup (path);
  plugin->handle = handle;
  plugin->desc = desc;
  return plugin;

out_close:
  lt_dlclose (handle);
  return NULL;
}

TpPlugin *
tp_loader_load (TpLoader *loader, const char *name, GError **error)
{
  TpPlugin *plugin;
  char *path = NULL;
  GString *where;

  g_return_val_if_fail (loader != NULL && name != NULL, NULL);
  plugin = g_hash_table_lookup (loader->plugins, name);
  if (plugin != NULL)
    return plugin;
  if (!tp_plugin_name_is_valid (name))
    {
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_NAME,
                   "'%s' is not a plugin name: use letters, digits, '_' and "
                   "'-' only (add folders with --plugin-path or plugin_path, "
                   "not in the name)",
                   name);
      return NULL;
    }
  for (guint i = 0; i < loader->paths->len && path == NULL; i++)
    path = tp_loader_find_in (loader->paths->pdata[i], name);
  if (path == NULL)
    {
      GPtrArray *all = tp_loader_list (loader);
      const char *near
          = tp_suggest (name, (const char *const *)all->pdata, all->len);
      where = g_string_new (NULL);
      for (guint i = 0; i < loader->paths->len; i++)
        g_string_append_printf (where, "%s%s", i ? ", " : "",
                                (char *)loader->paths->pdata[i]);
      g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_NOT_FOUND,
                   "plugin '%s' not found; looked in: %s%s%s%s", name,
                   where->len ? where->str : "(no folders)",
                   near ? " (did you mean '" : "", near ? near : "",
                   near ? "'?)" : "");
      g_string_free (where, TRUE);
      g_ptr_array_unref (all);
      return NULL;
    }
  plugin = tp_loader_open (path, name, error);
  g_free (path);
  if (plugin)
    g_hash_table_insert (loader->plugins, plugin->name, plugin);
  return plugin;
}

TpPlugin *
tp_loader_load_file (TpLoader *loader, const char *path, GError **error)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  TpPlugin *plugin;

  if (dot)
    *dot = '\0';
  plugin = g_hash_table_lookup (loader->plugins, base);
  if (plugin == NULL)
    {
      plugin = tp_loader_open (path, base, error);
      if (plugin)
        g_hash_table_insert (loader->plugins, plugin->name, plugin);
    }
  g_free (base);
  return plugin;
}

/* Orders plugin names; GPtrArray sorts hand us pointers to elements. */
static gint
tp_loader_compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

GPtrArray *
tp_loader_list (TpLoader *loader)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < loader->paths->len; i++)
    {
      GDir *dir = g_dir_open (loader->paths->pdata[i], 0, NULL);
      const char *entry;

      if (dir == NULL)
        continue;
      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          char *stem;
          if (!g_str_has_suffix (entry, ".la")
              && !g_str_has_suffix (entry, ".so"))
            continue;
          stem = g_strndup (entry, strlen (entry) - 3);
          if (!tp_plugin_name_is_valid (stem)
              || g_hash_table_contains (seen, stem))
            {
              g_free (stem);
              continue;
            }
          g_hash_table_add (seen, stem);
          g_ptr_array_add (names, stem);
        }
      g_dir_close (dir);
    }
  g_hash_table_unref (seen);
  g_ptr_array_sort (names, tp_loader_compare_names);
  return names;
}

char *
tp_loader_find_producer (TpLoader *loader, const char *layer)
{
  GPtrArray *names = tp_loader_list (loader);
  char *found = NULL;

  for (guint i = 0; i < names->len && found == NULL; i++)
    {
      TpPlugin *p = tp_loader_load (loader, names->pdata[i], NULL);
      const char *const *prod = p ? p->desc->produces : NULL;
      for (guint k = 0; prod && prod[k] && found == NULL; k++)
        if (strcmp (prod[k], layer) == 0)
          found = g_strdup (p->name);
    }
  g_ptr_array_unref (names);
  return found;
}

const TpPluginDescriptor *
tp_plugin_get_descriptor (const TpPlugin *plugin)
{
  g_return_val_if_fail (plugin != NULL, NULL);
  return plugin->desc;
}

const char *
tp_plugin_get_path (const TpPlugin *plugin)
{
  g_return_val_if_fail (plugin != NULL, NULL);
  return plugin->path;
}
