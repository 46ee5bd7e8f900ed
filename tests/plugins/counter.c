/* counter.c: a test plugin that needs the "word" layer and adds a "count"
 * layer holding one annotation over the whole text. */
#include "textpipe-plugin.h"

static const char *const counter_requires[] = { "word", NULL };
static const char *const counter_produces[] = { "count", NULL };
static const TpAttrSpec counter_attrs[]
    = { { "words", TP_ATTR_INT }, { NULL } };

/* Counts the words the previous stage found. */
static gboolean
counter_process (gpointer state, TpDocument *doc, GError **error)
{
  TpLayer *words = tp_document_get_layer (doc, "word");
  TpLayer *out = tp_document_add_layer (doc, "count", counter_attrs, error);
  guint i;

  if (out == NULL)
    return FALSE;
  i = tp_layer_append (out, 0, tp_document_get_length (doc));
  tp_layer_set_int (out, i, 0, tp_layer_get_length (words));
  return TRUE;
}

TP_PLUGIN_DEFINE (.name = "counter", .version = "0.2.0",
                  .description = "Counts words (a test plugin)",
                  .requires = counter_requires, .produces = counter_produces,
                  .process = counter_process);
