/* wrongname.c: a descriptor whose name differs from the file name. */
#include "textpipe-plugin.h"

static gboolean
wrongname_process (gpointer state, TpDocument *doc, GError **error)
{
  return TRUE;
}

TP_PLUGIN_DEFINE (.name = "rightname", .version = "1.0.0",
                  .description = "misnamed", .process = wrongname_process);
