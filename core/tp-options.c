/* tp-options.c: plugin option tables, checked and typed. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "tp-private.h"

const char *
tp_option_type_name (TpOptionType type)
{
  switch (type)
    {
    case TP_OPTION_STRING:
      return "string";
    case TP_OPTION_INT:
      return "integer";
    case TP_OPTION_DOUBLE:
      return "number";
    case TP_OPTION_BOOL:
      return "boolean";
    case TP_OPTION_PATH:
      return "path";
    case TP_OPTION_LIST:
      return "list";
    default:
      return NULL;
    }
}

/* Option names are what users type in INI files: keep them plain. */
static gboolean
tp_option_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return strcmp (name, "plugin") != 0;
}

static void
tp_option_value_clear (TpOptionValue *v)
{
  g_free (v->text);
  g_strfreev (v->list);
  memset (v, 0, sizeof *v);
}

static void
tp_option_value_free (gpointer p)
{
  tp_option_value_clear (p);
  g_free (p);
}

/* Parses @text as an option of @type into @v; @base_dir resolves paths.
 * On failure sets an error saying what was expected. */
static gboolean
tp_option_parse (TpOptionType type, const char *text, const char *base_dir,
                 TpOptionValue *v, GError **error)
{
  char *end = NULL;

  v->type = type;
  switch (type)
    {
    case TP_OPTION_STRING:
      v->text = g_strdup (text);
      return TRUE;
    case TP_OPTION_INT:
      errno = 0;
      v->i = g_ascii_strtoll (text, &end, 10);
      if (*text == '\0' || *end != '\0' || errno != 0)
        goto out_bad;
      v->text = g_strdup (text);
      return TRUE;
    case TP_OPTION_DOUBLE:
      errno = 0;
      v->d = g_ascii_strtod (text, &end);
      if (*text == '\0' || *end != '\0' || errno != 0 || !isfinite (v->d))
        goto out_bad;
      v->text = g_strdup (text);
      return TRUE;
    case TP_OPTION_BOOL:
      if (!g_ascii_strcasecmp (text, "true")
          || !g_ascii_strcasecmp (text, "yes")
          || !g_ascii_strcasecmp (text, "on") || !strcmp (text, "1"))
        v->b = TRUE;
      else if (!g_ascii_strcasecmp (text, "false")
               || !g_ascii_strcasecmp (text, "no")
               || !g_ascii_strcasecmp (text, "off") || !strcmp (text, "0"))
        v->b = FALSE;
      else
        goto out_bad;
      v->text = g_strdup (text);
      return TRUE;
    case TP_OPTION_PATH:
      if (*text == '\0')
        goto out_bad;
      if (g_path_is_absolute (text) || base_dir == NULL)
        v->text = g_strdup (text);
      else
        v->text = g_build_filename (base_dir, text, NULL);
      return TRUE;
    case TP_OPTION_LIST:
      {
        char **parts = g_strsplit (text, ",", -1);
        GPtrArray *list = g_ptr_array_new ();
        for (guint i = 0; parts[i]; i++)
          {
            char *item = g_strstrip (parts[i]);
            if (*item)
              g_ptr_array_add (list, g_strdup (item));
          }
        g_ptr_array_add (list, NULL);
        v->list = (char **)g_ptr_array_free (list, FALSE);
        g_strfreev (parts);
        v->text = g_strdup (text);
        return TRUE;
      }
    default:
      break;
    }
out_bad:
  g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
               "'%s' is not a valid %s%s", text,
               tp_option_type_name (type) ? tp_option_type_name (type)
                                          : "value",
               type == TP_OPTION_BOOL ? " (use true or false)" : "");
  return FALSE;
}

gboolean
tp_option_table_check (const TpOptionSpec *table, GError **error)
{
  GHashTable *seen;
  gboolean ok = FALSE;

  if (table == NULL)
    return TRUE;
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; table[i].name != NULL; i++)
    {
      const TpOptionSpec *o = &table[i];
      TpOptionValue v = { 0 };
      GError *local = NULL;

      if (i >= 1024)
        {
          g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_OPTIONS,
                       "option table has no { NULL } end");
          goto out;
        }
      if (!tp_option_name_is_valid (o->name))
        {
          g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_OPTIONS,
                       "option %u has the name '%s': names are lower-case "
                       "letters, digits and '_', and 'plugin' is reserved",
                       i, o->name);
          goto out;
        }
      if (tp_option_type_name (o->type) == NULL)
        {
          g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_OPTIONS,
                       "option '%s' has an unknown type %d", o->name,
                       (int)o->type);
          goto out;
        }
      if (g_hash_table_contains (seen, o->name))
        {
          g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_OPTIONS,
                       "option '%s' is declared twice", o->name);
          goto out;
        }
      if (o->help == NULL || *o->help == '\0')
        {
          g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_OPTIONS,
                       "option '%s' has no help text", o->name);
          goto out;
        }
      if (o->required && o->default_value)
        {
          g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_OPTIONS,
                       "option '%s' is required and has a default", o->name);
          goto out;
        }
      if (o->default_value
          && !tp_option_parse (o->type, o->default_value, NULL, &v, &local))
        {
          g_set_error (error, TP_LOADER_ERROR, TP_LOADER_ERROR_BAD_OPTIONS,
                       "option '%s' has a bad default: %s", o->name,
                       local->message);
          g_error_free (local);
          goto out;
        }
      tp_option_value_clear (&v);
      g_hash_table_add (seen, (gpointer)o->name);
    }
  ok = TRUE;
out:
  g_hash_table_unref (seen);
  return ok;
}

/* The last raw value given for @key, or NULL. */
static const TpRawOption *
tp_raw_find (GPtrArray *raw, const char *key)
{
  const TpRawOption *found = NULL;
  for (guint i = 0; raw && i < raw->len; i++)
    {
      const TpRawOption *r = g_ptr_array_index (raw, i);
      if (strcmp (r->key, key) == 0)
        found = r;
    }
  return found;
}

TpOptions *
tp_options_new (const char *stage, const TpOptionSpec *table, GPtrArray *raw,
                const char *base_dir, const char *plugin_name, GError **error)
{
  TpOptions *opts = g_new0 (TpOptions, 1);
  GPtrArray *names = g_ptr_array_new ();

  opts->stage = g_strdup (stage);
  opts->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        tp_option_value_free);
  for (guint i = 0; table && table[i].name; i++)
    g_ptr_array_add (names, (gpointer)table[i].name);

  /* Every given key must be known to the plugin. */
  for (guint i = 0; raw && i < raw->len; i++)
    {
      const TpRawOption *r = g_ptr_array_index (raw, i);
      gboolean known = FALSE;
      for (guint k = 0; k < names->len; k++)
        known = known || strcmp (names->pdata[k], r->key) == 0;
      if (!known)
        {
          const char *near = tp_suggest (
              r->key, (const char *const *)names->pdata, names->len);
          g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_UNKNOWN_KEY,
                       "%s: [%s] unknown key '%s' for plugin '%s'%s%s%s%s",
                       r->origin, stage, r->key, plugin_name,
                       near ? " (did you mean '" : "", near ? near : "",
                       near ? "'?)" : "",
                       names->len == 0 ? " (it takes no options)" : "");
          goto out_fail;
        }
    }

  for (guint i = 0; table && table[i].name; i++)
    {
      const TpOptionSpec *o = &table[i];
      const TpRawOption *r = tp_raw_find (raw, o->name);
      TpOptionValue *v = g_new0 (TpOptionValue, 1);
      GError *local = NULL;

      v->type = o->type;
      if (r != NULL)
        {
          if (!tp_option_parse (o->type, r->value, base_dir, v, &local))
            {
              g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                           "%s: [%s] key '%s': %s (%s)", r->origin, stage,
                           o->name, local->message, o->help);
              g_error_free (local);
              tp_option_value_free (v);
              goto out_fail;
            }
          v->set = TRUE;
        }
      else if (o->default_value)
        {
          /* Checked by tp_option_table_check; defaults are relative to
           * nothing, so a default path stays as written. */
          tp_option_parse (o->type, o->default_value, NULL, v, NULL);
        }
      else if (o->required)
        {
          g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_MISSING_VALUE,
                       "[%s] plugin '%s' needs a value for '%s' (%s): add "
                       "'%s = ...' to the [%s] section",
                       stage, plugin_name, o->name, o->help, o->name, stage);
          tp_option_value_free (v);
          goto out_fail;
        }
      g_hash_table_insert (opts->values, (gpointer)o->name, v);
    }
  g_ptr_array_unref (names);
  return opts;

out_fail:
  g_ptr_array_unref (names);
  tp_options_free (opts);
  return NULL;
}

void
tp_options_free (TpOptions *opts)
{
  if (opts == NULL)
    return;
  g_hash_table_unref (opts->values);
  g_free (opts->stage);
  g_free (opts);
}

/* The value of a declared option of @type; a plugin asking for an
 * undeclared name or the wrong type is a programming error. */
static const TpOptionValue *
tp_options_lookup (const TpOptions *opts, const char *name, TpOptionType type)
{
  const TpOptionValue *v;

  g_return_val_if_fail (opts != NULL && name != NULL, NULL);
  v = g_hash_table_lookup (opts->values, name);
  if (v == NULL)
    {
      g_critical ("stage '%s' asked for undeclared option '%s'", opts->stage,
                  name);
      return NULL;
    }
  if (v->type != type)
    {
      g_critical ("stage '%s' read option '%s' as %s but it is a %s",
                  opts->stage, name, tp_option_type_name (type),
                  tp_option_type_name (v->type));
      return NULL;
    }
  return v;
}

const char *
tp_options_get_string (const TpOptions *opts, const char *name)
{
  const TpOptionValue *v = tp_options_lookup (opts, name, TP_OPTION_STRING);
  return v ? v->text : NULL;
}

gint64
tp_options_get_int (const TpOptions *opts, const char *name)
{
  const TpOptionValue *v = tp_options_lookup (opts, name, TP_OPTION_INT);
  return v ? v->i : 0;
}

double
tp_options_get_double (const TpOptions *opts, const char *name)
{
  const TpOptionValue *v = tp_options_lookup (opts, name, TP_OPTION_DOUBLE);
  return v ? v->d : 0.0;
}

gboolean
tp_options_get_bool (const TpOptions *opts, const char *name)
{
  const TpOptionValue *v = tp_options_lookup (opts, name, TP_OPTION_BOOL);
  return v ? v->b : FALSE;
}

const char *
tp_options_get_path (const TpOptions *opts, const char *name)
{
  const TpOptionValue *v = tp_options_lookup (opts, name, TP_OPTION_PATH);
  return v ? v->text : NULL;
}

const char *const *
tp_options_get_list (const TpOptions *opts, const char *name)
{
  static const char *const empty[] = { NULL };
  const TpOptionValue *v = tp_options_lookup (opts, name, TP_OPTION_LIST);
  return v && v->list ? (const char *const *)v->list : empty;
}

gboolean
tp_options_is_set (const TpOptions *opts, const char *name)
{
  const TpOptionValue *v;

  g_return_val_if_fail (opts != NULL && name != NULL, FALSE);
  v = g_hash_table_lookup (opts->values, name);
  return v != NULL && v->set;
}

const char *
tp_options_get_stage (const TpOptions *opts)
{
  g_return_val_if_fail (opts != NULL, NULL);
  return opts->stage;
}
