/* badabi.c: a plugin built for a future ABI, to test the refusal. */
#include "textpipe-plugin.h"

static gboolean
badabi_process (gpointer state, TpDocument *doc, GError **error)
{
  return TRUE;
}

TP_PLUGIN_DEFINE (.abi_version = TP_ABI_VERSION + 1, .name = "badabi",
                  .version = "1.0.0", .description = "wrong ABI",
                  .process = badabi_process);
