/* oldabi.c: a plugin as the previous ABI major (0) built it, to test that
 * it is refused with a message saying to rebuild. */
#include "textpipe-plugin.h"

static gboolean
oldabi_process (gpointer state, TpDocument *doc, GError **error)
{
  return TRUE;
}

TP_PLUGIN_DEFINE (.abi_version = TP_ABI_VERSION - 1, .name = "oldabi",
                  .version = "1.0.0", .description = "previous ABI",
                  .process = oldabi_process);
