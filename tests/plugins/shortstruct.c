/* shortstruct.c: a descriptor that claims to be smaller than the ABI's. */
#include "textpipe-plugin.h"

static gboolean
shortstruct_process (gpointer state, TpDocument *doc, GError **error)
{
  return TRUE;
}

TP_PLUGIN_DEFINE (.struct_size = 16, .name = "shortstruct", .version = "1.0.0",
                  .description = "short descriptor",
                  .process = shortstruct_process);
