/* tp-pipeline-ini.c: reads a pipeline from an INI file with iniparser. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <iniparser/iniparser.h>

#include "tp-private.h"

/* iniparser reports syntax errors through a global callback; we collect
 * them so the message reaches the user through a GError. */
static GString *tp_ini_messages;
G_LOCK_DEFINE_STATIC (tp_ini_lock);

static int
tp_ini_error_callback (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  if (tp_ini_messages)
    g_string_append_vprintf (tp_ini_messages, format, args);
  va_end (args);
  return 0;
}

guint
tp_ini_find_line (const char *path, const char *section, const char *key)
{
  char *contents = NULL;
  char **lines;
  gboolean in_section = FALSE;
  guint found = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] && !found; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line == '[')
        {
          char *end = strchr (line, ']');
          char *name = end ? g_ascii_strdown (line + 1, end - line - 1) : NULL;
          in_section = name && strcmp (g_strstrip (name), section) == 0;
          if (in_section && key == NULL)
            found = i + 1;
          g_free (name);
        }
      else if (in_section && key)
        {
          char *eq = strchr (line, '=');
          if (eq)
            {
              char *k = g_ascii_strdown (line, eq - line);
              if (strcmp (g_strstrip (k), key) == 0)
                found = i + 1;
              g_free (k);
            }
        }
    }
  g_strfreev (lines);
  g_free (contents);
  return found;
}

/* "file:line" for a key (or a section when @key is NULL). */
static char *
tp_ini_origin (const char *path, const char *section, const char *key)
{
  guint line = tp_ini_find_line (path, section, key);
  return line ? g_strdup_printf ("%s:%u", path, line) : g_strdup (path);
}

/* Splits "a, b c" into stage names. */
static char **
tp_ini_split_stages (const char *value)
{
  char **parts = g_strsplit_set (value, ", \t", -1);
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_ptr_array_add (out, g_ascii_strdown (parts[i], -1));
  g_ptr_array_add (out, NULL);
  g_strfreev (parts);
  return (char **)g_ptr_array_free (out, FALSE);
}

/* The section's keys without the "section:" prefix. */
static GPtrArray *
tp_ini_section_keys (dictionary *dict, const char *section)
{
  int n = iniparser_getsecnkeys (dict, section);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  if (n > 0)
    {
      const char **full = g_new0 (const char *, n);
      iniparser_getseckeys (dict, section, full);
      for (int i = 0; i < n; i++)
        {
          const char *colon = strchr (full[i], ':');
          g_ptr_array_add (keys, g_strdup (colon ? colon + 1 : full[i]));
        }
      g_free (full);
    }
  return keys;
}

static char *
tp_ini_get (dictionary *dict, const char *section, const char *key)
{
  char *full = g_strconcat (section, ":", key, NULL);
  const char *v = iniparser_getstring (dict, full, NULL);
  g_free (full);
  return v ? g_strdup (v) : NULL;
}

/* Checks the [pipeline] section and applies its keys. */
static gboolean
tp_ini_read_pipeline_section (TpPipeline *p, dictionary *dict, char ***stages,
                              GError **error)
{
  GPtrArray *keys = tp_ini_section_keys (dict, "pipeline");
  gboolean ok = FALSE;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      char *value = tp_ini_get (dict, "pipeline", key);
      char *origin = tp_ini_origin (p->file, "pipeline", key);
      gboolean good = TRUE;

      if (strcmp (key, "stages") == 0)
        *stages = tp_ini_split_stages (value ? value : "");
      else if (strcmp (key, "plugin_path") == 0)
        {
          char **dirs = g_strsplit (value ? value : "", ":", -1);
          for (guint k = 0; dirs[k]; k++)
            {
              char *dir = g_strstrip (dirs[k]);
              char *abs;
              if (!*dir)
                continue;
              abs = g_path_is_absolute (dir)
                        ? g_strdup (dir)
                        : g_build_filename (p->dir, dir, NULL);
              tp_loader_add_path (p->loader, abs);
              g_free (abs);
            }
          g_strfreev (dirs);
        }
      else
        good = tp_pipeline_set_option (p, "pipeline", key, value ? value : "",
                                       origin, error);
      g_free (value);
      g_free (origin);
      if (!good)
        goto out;
    }
  if (*stages == NULL || (*stages)[0] == NULL)
    {
      char *origin = tp_ini_origin (p->file, "pipeline", NULL);
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_MISSING_VALUE,
                   "%s: [pipeline] has no 'stages' list: add for example "
                   "'stages = tokenize, sentences'",
                   origin);
      g_free (origin);
      goto out;
    }
  ok = TRUE;
out:
  g_ptr_array_unref (keys);
  return ok;
}

/* Adds each listed stage with its section's options. */
static gboolean
tp_ini_read_stages (TpPipeline *p, dictionary *dict, char **stages,
                    GError **error)
{
  int nsec = iniparser_getnsec (dict);
  GPtrArray *sections = g_ptr_array_new ();
  gboolean ok = FALSE;

  for (int i = 0; i < nsec; i++)
    g_ptr_array_add (sections, (gpointer)iniparser_getsecname (dict, i));

  for (guint i = 0; stages[i]; i++)
    {
      const char *stage = stages[i];
      GPtrArray *keys;
      char *origin;

      if (strcmp (stage, "pipeline") == 0
          || iniparser_find_entry (dict, stage) == 0)
        {
          const char *near = tp_suggest (
              stage, (const char *const *)sections->pdata, sections->len);
          origin = tp_ini_origin (p->file, "pipeline", "stages");
          g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_MISSING_SECTION,
                       "%s: [pipeline] stage '%s' is listed but has no "
                       "[%s] section%s%s%s; add one (with 'plugin = NAME' "
                       "when the plugin has another name)",
                       origin, stage, stage, near ? " (did you mean '" : "",
                       near ? near : "", near ? "'?)" : "");
          g_free (origin);
          goto out;
        }
      if (!tp_pipeline_add_stage (p, stage, NULL, error))
        {
          g_prefix_error (error, "%s: ", p->file);
          goto out;
        }
      origin = tp_ini_origin (p->file, stage, NULL);
      ((TpStage *)g_ptr_array_index (p->stages, p->stages->len - 1))->origin
          = origin;
      keys = tp_ini_section_keys (dict, stage);
      for (guint k = 0; k < keys->len; k++)
        {
          char *value = tp_ini_get (dict, stage, keys->pdata[k]);
          char *kor = tp_ini_origin (p->file, stage, keys->pdata[k]);
          gboolean good = tp_pipeline_set_option (
              p, stage, keys->pdata[k], value ? value : "", kor, error);
          g_free (value);
          g_free (kor);
          if (!good)
            {
              g_ptr_array_unref (keys);
              goto out;
            }
        }
      g_ptr_array_unref (keys);
    }

  /* A section that no stage uses is most likely a typo. */
  for (guint i = 0; i < sections->len; i++)
    {
      const char *sec = sections->pdata[i];
      if (strcmp (sec, "pipeline") == 0
          || g_strv_contains ((const char *const *)stages, sec))
        continue;
      {
        const char *near = tp_suggest (sec, (const char *const *)stages,
                                       g_strv_length (stages));
        char *origin = tp_ini_origin (p->file, sec, NULL);
        g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_UNUSED_SECTION,
                     "%s: section [%s] is not a stage of the pipeline%s%s%s; "
                     "list it in 'stages' or remove it",
                     origin, sec, near ? " (did you mean '" : "",
                     near ? near : "", near ? "'?)" : "");
        g_free (origin);
        goto out;
      }
    }
  ok = TRUE;
out:
  g_ptr_array_unref (sections);
  return ok;
}

TpPipeline *
tp_pipeline_new_from_file (const char *path, TpLoader *loader, GError **error)
{
  TpPipeline *p = NULL;
  dictionary *dict;
  char *contents = NULL;
  gsize len = 0;
  char **stages = NULL;
  GError *local = NULL;

  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_PARSE,
                   "cannot read pipeline file: %s", local->message);
      g_error_free (local);
      return NULL;
    }

  G_LOCK (tp_ini_lock);
  tp_ini_messages = g_string_new (NULL);
  iniparser_set_error_callback (tp_ini_error_callback);
  dict = iniparser_load (path);
  iniparser_set_error_callback (NULL);
  if (dict == NULL || tp_ini_messages->len > 0)
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_PARSE,
                   "%s: not a valid INI file: %s", path,
                   g_strstrip (tp_ini_messages->str));
      g_string_free (tp_ini_messages, TRUE);
      tp_ini_messages = NULL;
      G_UNLOCK (tp_ini_lock);
      goto out;
    }
  g_string_free (tp_ini_messages, TRUE);
  tp_ini_messages = NULL;
  G_UNLOCK (tp_ini_lock);

  if (iniparser_find_entry (dict, "pipeline") == 0)
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_MISSING_SECTION,
                   "%s: no [pipeline] section: start the file with "
                   "[pipeline] and 'stages = ...'",
                   path);
      goto out;
    }

  p = tp_pipeline_new (NULL, loader);
  p->file = g_strdup (path);
  p->dir = g_path_get_dirname (path);
  {
    GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
    g_checksum_update (sum, (const guchar *)contents, len);
    p->ini_digest = g_strdup (g_checksum_get_string (sum));
    g_checksum_free (sum);
  }
  {
    char *base = g_path_get_basename (path);
    char *dot = strrchr (base, '.');
    if (dot)
      *dot = '\0';
    g_free (p->name);
    p->name = base;
  }
  if (!tp_ini_read_pipeline_section (p, dict, &stages, error)
      || !tp_ini_read_stages (p, dict, stages, error))
    {
      tp_pipeline_free (p);
      p = NULL;
    }

out:
  g_strfreev (stages);
  if (dict)
    iniparser_freedict (dict);
  g_free (contents);
  return p;
}
