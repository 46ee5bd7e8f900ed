/* badoptions.c: an option table whose default does not parse. */
#include "textpipe-plugin.h"

static const TpOptionSpec badoptions_options[]
    = { { "count", TP_OPTION_INT, "many", FALSE, "How many" }, { NULL } };

static gboolean
badoptions_process (gpointer state, TpDocument *doc, GError **error)
{
  return TRUE;
}

TP_PLUGIN_DEFINE (.name = "badoptions", .version = "1.0.0",
                  .description = "bad option table",
                  .options = badoptions_options, .process = badoptions_process);
