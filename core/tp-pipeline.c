/* tp-pipeline.c: stages, their checked options, layer contracts, and the
 * live stage states documents run through. */
#include "config.h"

#include <string.h>

#include "tp-private.h"

static void
tp_raw_option_free (gpointer p)
{
  TpRawOption *r = p;
  g_free (r->key);
  g_free (r->value);
  g_free (r->origin);
  g_free (r);
}

static void
tp_stage_free (gpointer p)
{
  TpStage *stage = p;
  g_free (stage->name);
  g_free (stage->plugin_name);
  g_free (stage->origin);
  g_ptr_array_unref (stage->raw);
  tp_options_free (stage->options);
  g_free (stage);
}

TpPipeline *
tp_pipeline_new (const char *name, TpLoader *loader)
{
  TpPipeline *p = g_new0 (TpPipeline, 1);

  g_return_val_if_fail (loader != NULL, NULL);
  p->name = g_strdup (name ? name : "pipeline");
  p->loader = loader;
  p->stages = g_ptr_array_new_with_free_func (tp_stage_free);
  p->on_error = TP_ON_ERROR_SKIP;
  return p;
}

void
tp_pipeline_free (TpPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  g_ptr_array_unref (pipeline->stages);
  g_free (pipeline->name);
  g_free (pipeline->description);
  g_free (pipeline->file);
  g_free (pipeline->dir);
  g_free (pipeline->ini_digest);
  g_free (pipeline);
}

static TpStage *
tp_pipeline_find_stage (const TpPipeline *pipeline, const char *name)
{
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      TpStage *s = g_ptr_array_index (pipeline->stages, i);
      if (strcmp (s->name, name) == 0)
        return s;
    }
  return NULL;
}

gboolean
tp_pipeline_add_stage (TpPipeline *pipeline, const char *stage,
                       const char *plugin, GError **error)
{
  TpStage *s;

  g_return_val_if_fail (pipeline != NULL && stage != NULL, FALSE);
  if (tp_pipeline_find_stage (pipeline, stage))
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_DUPLICATE,
                   "stage '%s' is listed twice: give each stage its own "
                   "section name",
                   stage);
      return FALSE;
    }
  s = g_new0 (TpStage, 1);
  s->name = g_strdup (stage);
  s->plugin_name = g_strdup (plugin ? plugin : stage);
  s->raw = g_ptr_array_new_with_free_func (tp_raw_option_free);
  g_ptr_array_add (pipeline->stages, s);
  pipeline->prepared = FALSE;
  return TRUE;
}

gboolean
tp_on_error_parse (const char *text, TpOnError *policy)
{
  if (strcmp (text, "skip") == 0)
    *policy = TP_ON_ERROR_SKIP;
  else if (strcmp (text, "fail") == 0)
    *policy = TP_ON_ERROR_FAIL;
  else
    return FALSE;
  return TRUE;
}

gboolean
tp_max_errors_parse (const char *text, double *value, gboolean *is_rate)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);
  gboolean rate = end && *end == '%';

  if (end == text || (rate ? end[1] != '\0' : *end != '\0') || v < 0
      || (rate && v > 100))
    return FALSE;
  *value = v;
  *is_rate = rate;
  return TRUE;
}

/* Sets an option of the [pipeline] section itself. */
static gboolean
tp_pipeline_set_own_option (TpPipeline *pipeline, const char *key,
                            const char *value, const char *origin,
                            GError **error)
{
  if (strcmp (key, "on_error") == 0)
    {
      if (!tp_on_error_parse (value, &pipeline->on_error))
        {
          g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                       "%s: [pipeline] key 'on_error': '%s' is not skip or "
                       "fail",
                       origin, value);
          return FALSE;
        }
      return TRUE;
    }
  if (strcmp (key, "max_errors") == 0)
    {
      if (!tp_max_errors_parse (value, &pipeline->max_errors,
                                &pipeline->max_errors_is_rate))
        {
          g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                       "%s: [pipeline] key 'max_errors': '%s' is not a count "
                       "(like 10) or a rate (like 5%%)",
                       origin, value);
          return FALSE;
        }
      return TRUE;
    }
  if (strcmp (key, "description") == 0)
    {
      g_free (pipeline->description);
      pipeline->description = g_strdup (value);
      return TRUE;
    }
  if (strcmp (key, "name") == 0)
    {
      g_free (pipeline->name);
      pipeline->name = g_strdup (value);
      return TRUE;
    }
  {
    static const char *const keys[]
        = { "name",        "description", "stages",
            "plugin_path", "on_error",    "max_errors" };
    const char *near = tp_suggest (key, keys, G_N_ELEMENTS (keys));
    g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_UNKNOWN_KEY,
                 "%s: [pipeline] unknown key '%s'%s%s%s (known: name, "
                 "description, stages, plugin_path, on_error, max_errors)",
                 origin, key, near ? " (did you mean '" : "", near ? near : "",
                 near ? "'?)" : "");
  }
  return FALSE;
}

gboolean
tp_pipeline_set_option (TpPipeline *pipeline, const char *stage,
                        const char *key, const char *value, const char *origin,
                        GError **error)
{
  TpStage *s;
  TpRawOption *r;

  g_return_val_if_fail (pipeline && stage && key && value, FALSE);
  if (origin == NULL)
    origin = "(code)";
  if (strcmp (stage, "pipeline") == 0)
    return tp_pipeline_set_own_option (pipeline, key, value, origin, error);
  s = tp_pipeline_find_stage (pipeline, stage);
  if (s == NULL)
    {
      GPtrArray *names = g_ptr_array_new ();
      const char *near;
      for (guint i = 0; i < pipeline->stages->len; i++)
        g_ptr_array_add (names, ((TpStage *)pipeline->stages->pdata[i])->name);
      near = tp_suggest (stage, (const char *const *)names->pdata, names->len);
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_MISSING_SECTION,
                   "%s: no stage '%s' in pipeline '%s'%s%s%s", origin, stage,
                   pipeline->name, near ? " (did you mean '" : "",
                   near ? near : "", near ? "'?)" : "");
      g_ptr_array_unref (names);
      return FALSE;
    }
  if (strcmp (key, "plugin") == 0)
    {
      g_free (s->plugin_name);
      s->plugin_name = g_strdup (value);
      return TRUE;
    }
  r = g_new0 (TpRawOption, 1);
  r->key = g_strdup (key);
  r->value = g_strdup (value);
  r->origin = g_strdup (origin);
  g_ptr_array_add (s->raw, r);
  pipeline->prepared = FALSE;
  return TRUE;
}

gboolean
tp_pipeline_apply_override (TpPipeline *pipeline, const char *assignment,
                            GError **error)
{
  const char *eq = strchr (assignment, '=');
  const char *dot = strchr (assignment, '.');
  char *stage, *key, *value;
  gboolean ok;

  if (eq == NULL || dot == NULL || dot > eq || dot == assignment
      || dot + 1 == eq)
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                   "--set '%s': write STAGE.KEY=VALUE (for example "
                   "quotes.min_words=3)",
                   assignment);
      return FALSE;
    }
  stage = g_ascii_strdown (assignment, dot - assignment);
  key = g_ascii_strdown (dot + 1, eq - dot - 1);
  value = g_strstrip (g_strdup (eq + 1));
  g_strstrip (stage);
  g_strstrip (key);
  ok = tp_pipeline_set_option (pipeline, stage, key, value, "--set", error);
  g_free (stage);
  g_free (key);
  g_free (value);
  return ok;
}

/* Every requirement of every stage must be met by an earlier stage. */
static gboolean
tp_pipeline_check_contracts (TpPipeline *pipeline, GError **error)
{
  GHashTable *have = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = FALSE;

  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      TpStage *s = g_ptr_array_index (pipeline->stages, i);
      const TpPluginDescriptor *d = s->plugin->desc;

      for (guint k = 0; d->requires && d->requires[k]; k++)
        {
          char *producer;
          const char *where = NULL;
          if (g_hash_table_contains (have, d->requires[k]))
            continue;
          for (guint j = i + 1; j < pipeline->stages->len && !where; j++)
            {
              TpStage *later = g_ptr_array_index (pipeline->stages, j);
              for (guint m = 0; later->plugin->desc->produces
                                && later->plugin->desc->produces[m];
                   m++)
                if (strcmp (later->plugin->desc->produces[m], d->requires[k])
                    == 0)
                  where = later->name;
            }
          producer = where ? NULL
                           : tp_loader_find_producer (pipeline->loader,
                                                      d->requires[k]);
          if (where)
            g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_CONTRACT,
                         "stage '%s' (plugin %s) needs layer '%s', which "
                         "stage '%s' produces only later: move '%s' before "
                         "'%s' in 'stages'",
                         s->name, d->name, d->requires[k], where, where,
                         s->name);
          else if (producer)
            g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_CONTRACT,
                         "stage '%s' (plugin %s) needs layer '%s', which no "
                         "earlier stage produces: add a stage using plugin "
                         "'%s' before '%s'",
                         s->name, d->name, d->requires[k], producer, s->name);
          else
            g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_CONTRACT,
                         "stage '%s' (plugin %s) needs layer '%s', which no "
                         "earlier stage produces, and no installed plugin "
                         "produces it",
                         s->name, d->name, d->requires[k]);
          g_free (producer);
          goto out;
        }
      for (guint k = 0; d->produces && d->produces[k]; k++)
        g_hash_table_add (have, (gpointer)d->produces[k]);
    }
  ok = TRUE;
out:
  g_hash_table_unref (have);
  return ok;
}

gboolean
tp_pipeline_prepare (TpPipeline *pipeline, GError **error)
{
  g_return_val_if_fail (pipeline != NULL, FALSE);
  if (pipeline->stages->len == 0)
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_MISSING_VALUE,
                   "%s%spipeline '%s' has no stages: list them in "
                   "'stages = ...' under [pipeline]",
                   pipeline->file ? pipeline->file : "",
                   pipeline->file ? ": " : "", pipeline->name);
      return FALSE;
    }
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      TpStage *s = g_ptr_array_index (pipeline->stages, i);

      s->plugin = tp_loader_load (pipeline->loader, s->plugin_name, error);
      if (s->plugin == NULL)
        {
          g_prefix_error (error, "%s%sstage '%s': ", s->origin ? s->origin : "",
                          s->origin ? ": " : "", s->name);
          return FALSE;
        }
      tp_options_free (s->options);
      s->options = tp_options_new (s->name, s->plugin->desc->options, s->raw,
                                   pipeline->dir, s->plugin->name, error);
      if (s->options == NULL)
        return FALSE;
    }
  if (!tp_pipeline_check_contracts (pipeline, error))
    {
      if (pipeline->file)
        g_prefix_error (error, "%s: ", pipeline->file);
      return FALSE;
    }
  pipeline->prepared = TRUE;
  return TRUE;
}

const char *
tp_pipeline_get_name (const TpPipeline *pipeline)
{
  return pipeline->name;
}

const char *
tp_pipeline_get_description (const TpPipeline *pipeline)
{
  return pipeline->description;
}

const char *
tp_pipeline_get_file (const TpPipeline *pipeline)
{
  return pipeline->file;
}

guint
tp_pipeline_get_n_stages (const TpPipeline *pipeline)
{
  return pipeline->stages->len;
}

TpStage *
tp_pipeline_get_stage (const TpPipeline *pipeline, guint n)
{
  g_return_val_if_fail (n < pipeline->stages->len, NULL);
  return g_ptr_array_index (pipeline->stages, n);
}

TpOnError
tp_pipeline_get_on_error (const TpPipeline *pipeline)
{
  return pipeline->on_error;
}

double
tp_pipeline_get_max_errors (const TpPipeline *pipeline, gboolean *is_rate)
{
  if (is_rate)
    *is_rate = pipeline->max_errors_is_rate;
  return pipeline->max_errors;
}

char *
tp_pipeline_fingerprint (const TpPipeline *pipeline)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  char *out;

  if (pipeline->ini_digest)
    g_checksum_update (sum, (const guchar *)pipeline->ini_digest, -1);
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      TpStage *s = g_ptr_array_index (pipeline->stages, i);
      char *line = g_strdup_printf ("\n%s=%s@%s", s->name, s->plugin_name,
                                    s->plugin ? s->plugin->desc->version : "?");
      g_checksum_update (sum, (const guchar *)line, -1);
      g_free (line);
      for (guint k = 0; k < s->raw->len; k++)
        {
          TpRawOption *r = g_ptr_array_index (s->raw, k);
          line = g_strdup_printf ("\n %s=%s", r->key, r->value);
          g_checksum_update (sum, (const guchar *)line, -1);
          g_free (line);
        }
    }
  out = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return out;
}

const char *
tp_stage_get_name (const TpStage *stage)
{
  return stage->name;
}

const TpPlugin *
tp_stage_get_plugin (const TpStage *stage)
{
  return stage->plugin;
}

const TpOptions *
tp_stage_get_options (const TpStage *stage)
{
  return stage->options;
}

/* ---- live instances ------------------------------------------------- */

struct _TpPipelineInstance {
  TpPipeline *pipeline;
  guint n;
  gpointer *states;
  gboolean *owned; /* this instance ran init (and runs destroy) */
  gboolean finished;
  guint64 *ns;
  TpJsonCache *json_cache; /* the writer's pieces, kept for the run */
  /* each stage's plugin descriptor, one load away for every document
   * (through the pipeline, its stages and plugins it took five) */
  const TpPluginDescriptor **descs;
  /* the lengths of each stage's produced layers' names, for the check
   * after each document */
  guint **produces_len;
};

TP_TLS int tp_current_stage_index = -1;

/* Static empty layer specs for layers a stage declared but did not add. */
static const TpAttrSpec tp_no_attrs[] = { { NULL } };

TpPipelineInstance *
tp_pipeline_instance_new (TpPipeline *pipeline, TpPipelineInstance *shared,
                          GError **error)
{
  TpPipelineInstance *inst;

  g_return_val_if_fail (pipeline != NULL && pipeline->prepared, NULL);
  inst = g_new0 (TpPipelineInstance, 1);
  inst->pipeline = pipeline;
  inst->n = pipeline->stages->len;
  inst->states = g_new0 (gpointer, inst->n);
  inst->owned = g_new0 (gboolean, inst->n);
  inst->ns = g_new0 (guint64, inst->n);
  inst->descs = g_new0 (const TpPluginDescriptor *, inst->n);
  inst->produces_len = g_new0 (guint *, inst->n);
  for (guint i = 0; i < inst->n; i++)
    {
      TpStage *s = g_ptr_array_index (pipeline->stages, i);
      const TpPluginDescriptor *d = s->plugin->desc;
      guint np = d->produces ? g_strv_length ((char **)d->produces) : 0;

      inst->descs[i] = d;
      inst->produces_len[i] = g_new (guint, np + 1);
      for (guint k = 0; k < np; k++)
        inst->produces_len[i][k] = (guint)strlen (d->produces[k]);
      if (shared && (d->flags & TP_PLUGIN_FLAG_THREAD_SAFE))
        {
          inst->states[i] = shared->states[i];
          continue;
        }
      if (d->init == NULL)
        continue;
      if (!d->init (s->options, &inst->states[i], error))
        {
          if (error && *error == NULL)
            g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_FAILED,
                         "init failed without saying why");
          g_prefix_error (error, "stage '%s' (plugin %s %s) could not start: ",
                          s->name, d->name, d->version);
          tp_pipeline_instance_free (inst);
          return NULL;
        }
      inst->owned[i] = TRUE;
    }
  return inst;
}

gboolean
tp_pipeline_instance_run_stage (TpPipelineInstance *inst, guint i,
                                TpDocument *doc, GError **error)
{
  const TpPluginDescriptor *d = inst->descs[i];
  const guint *plen = inst->produces_len[i];
  guint before = doc->n_layers;
  gboolean ok;

  ok = d->process (inst->states[i], doc, error);
  if (!ok)
    {
      if (error && *error == NULL)
        g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_FAILED,
                     "the stage failed without saying why");
      return FALSE;
    }
  /* the layers it declares, made in that order (as a stage does), need
   * no search */
  for (guint k = 0; d->produces && d->produces[k]; k++)
    if (!(before + k < doc->n_layers
          && tp_layer_has_name (doc->layers[before + k], d->produces[k],
                                plen[k]))
        && tp_document_get_layer (doc, d->produces[k]) == NULL)
      tp_document_add_layer (doc, d->produces[k], tp_no_attrs, NULL);
  return tp_document_check_layers (doc, before, error);
}

void
tp_pipeline_instance_add_stage_ns (TpPipelineInstance *inst, guint i,
                                   guint64 ns)
{
  g_return_if_fail (i < inst->n);
  inst->ns[i] += ns;
}

TpJsonCache *
tp_pipeline_instance_get_json_cache (TpPipelineInstance *inst)
{
  if (inst->json_cache == NULL)
    inst->json_cache = tp_json_cache_new ();
  return inst->json_cache;
}

gboolean
tp_pipeline_instance_process (TpPipelineInstance *inst, TpDocument *doc,
                              const TpStage **failed_stage, GError **error)
{
  for (guint i = 0; i < inst->n && !doc->dropped; i++)
    {
      guint64 t0 = tp_now_ns ();
      gboolean ok;

      tp_current_stage_index = (int)i;
      ok = tp_pipeline_instance_run_stage (inst, i, doc, error);
      tp_current_stage_index = -1;
      inst->ns[i] += tp_now_ns () - t0;
      if (!ok)
        {
          if (failed_stage)
            *failed_stage = g_ptr_array_index (inst->pipeline->stages, i);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tp_pipeline_instance_finish (TpPipelineInstance *inst, GError **error)
{
  if (inst->finished)
    return TRUE;
  inst->finished = TRUE;
  for (guint i = 0; i < inst->n; i++)
    {
      TpStage *s = g_ptr_array_index (inst->pipeline->stages, i);
      const TpPluginDescriptor *d = s->plugin->desc;
      if (!inst->owned[i] && d->init != NULL)
        continue;
      if (d->finish && !d->finish (inst->states[i], error))
        {
          if (error && *error == NULL)
            g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_FAILED,
                         "finish failed without saying why");
          g_prefix_error (error, "stage '%s' (plugin %s %s) failed to finish: ",
                          s->name, d->name, d->version);
          return FALSE;
        }
    }
  return TRUE;
}

void
tp_pipeline_instance_free (TpPipelineInstance *inst)
{
  if (inst == NULL)
    return;
  for (guint i = 0; i < inst->n; i++)
    {
      TpStage *s = g_ptr_array_index (inst->pipeline->stages, i);
      if (inst->owned[i] && s->plugin->desc->destroy)
        s->plugin->desc->destroy (inst->states[i]);
    }
  g_free (inst->states);
  g_free (inst->owned);
  g_free (inst->ns);
  for (guint i = 0; i < inst->n; i++)
    g_free (inst->produces_len[i]);
  g_free (inst->produces_len);
  g_free (inst->descs);
  tp_json_cache_free (inst->json_cache);
  g_free (inst);
}

guint64
tp_pipeline_instance_get_stage_ns (const TpPipelineInstance *inst, guint n)
{
  g_return_val_if_fail (n < inst->n, 0);
  return inst->ns[n];
}
