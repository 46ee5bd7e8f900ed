/* tp-harness.c: a pipeline built in code, for testing plugins. */
#include "config.h"

#include <string.h>

#include "tp-harness.h"
#include "textpipe.h"

struct _TpHarness {
  TpLoader *loader;
  TpPipeline *pipeline;
  TpPipelineInstance *inst;
};

TpHarness *
tp_harness_new (const char *plugins, GError **error)
{
  TpHarness *h = g_new0 (TpHarness, 1);
  char **names = g_strsplit_set (plugins, ", \t", -1);

  h->loader = tp_loader_new ();
  tp_loader_add_default_paths (h->loader);
  h->pipeline = tp_pipeline_new ("harness", h->loader);
  for (guint i = 0; names[i]; i++)
    if (*names[i]
        && !tp_pipeline_add_stage (h->pipeline, names[i], names[i], error))
      {
        g_strfreev (names);
        tp_harness_free (h);
        return NULL;
      }
  g_strfreev (names);
  return h;
}

void
tp_harness_set_option (TpHarness *h, const char *stage, const char *key,
                       const char *value)
{
  GError *error = NULL;
  if (!tp_pipeline_set_option (h->pipeline, stage, key, value, "harness",
                               &error))
    {
      g_critical ("tp_harness_set_option: %s", error->message);
      g_error_free (error);
    }
  if (h->inst)
    {
      tp_pipeline_instance_free (h->inst);
      h->inst = NULL;
    }
}

gboolean
tp_harness_start (TpHarness *h, GError **error)
{
  if (h->inst)
    return TRUE;
  if (!tp_pipeline_prepare (h->pipeline, error))
    return FALSE;
  h->inst = tp_pipeline_instance_new (h->pipeline, NULL, error);
  return h->inst != NULL;
}

TpDocument *
tp_harness_push_text (TpHarness *h, const char *text, GError **error)
{
  TpDocument *doc;
  const TpStage *failed = NULL;

  if (!tp_harness_start (h, error))
    return NULL;
  doc = tp_document_new ("test", text, -1, error);
  if (doc == NULL)
    return NULL;
  if (!tp_pipeline_instance_process (h->inst, doc, &failed, error))
    {
      if (failed)
        g_prefix_error (error, "stage '%s': ", tp_stage_get_name (failed));
      tp_document_free (doc);
      return NULL;
    }
  return doc;
}

void
tp_harness_free (TpHarness *h)
{
  if (h == NULL)
    return;
  if (h->inst)
    {
      tp_pipeline_instance_finish (h->inst, NULL);
      tp_pipeline_instance_free (h->inst);
    }
  tp_pipeline_free (h->pipeline);
  tp_loader_free (h->loader);
  g_free (h);
}

char *
tp_harness_span_text (const TpDocument *doc, const TpLayer *layer, guint index)
{
  gsize start = tp_layer_get_start (layer, index);
  gsize end = tp_layer_get_end (layer, index);
  return g_strndup (tp_document_get_text (doc) + start, end - start);
}

char *
tp_harness_join_layer (const TpDocument *doc, const char *name, const char *sep)
{
  const TpLayer *layer = tp_document_get_layer (doc, name);
  GString *out;

  if (layer == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < tp_layer_get_length (layer); i++)
    {
      gsize start = tp_layer_get_start (layer, i);
      if (i)
        g_string_append (out, sep);
      g_string_append_len (out, tp_document_get_text (doc) + start,
                           tp_layer_get_end (layer, i) - start);
    }
  return g_string_free (out, FALSE);
}

char *
tp_harness_push_and_join (TpHarness *harness, const char *text,
                          const char *name, const char *sep, GError **error)
{
  TpDocument *doc = tp_harness_push_text (harness, text, error);
  char *joined;

  if (doc == NULL)
    return NULL;
  joined = tp_harness_join_layer (doc, name, sep);
  tp_document_free (doc);
  return joined;
}
