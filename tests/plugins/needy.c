/* needy.c: a test plugin with a required option. */
#include "textpipe-plugin.h"

static const char *const needy_produces[] = { "needy", NULL };
static const TpOptionSpec needy_options[]
    = { { "pattern", TP_OPTION_STRING, NULL, TRUE, "What to look for" },
        { "limit", TP_OPTION_DOUBLE, "0.5", FALSE, "A threshold" },
        { "files", TP_OPTION_LIST, "a, b", FALSE, "Some names" },
        { "data", TP_OPTION_PATH, NULL, FALSE, "A data file" },
        { NULL } };

static gboolean
needy_process (gpointer state, TpDocument *doc, GError **error)
{
  return TRUE;
}

TP_PLUGIN_DEFINE (.name = "needy", .version = "1.0.0",
                  .description = "Needs an option (a test plugin)",
                  .license = "MIT", .produces = needy_produces,
                  .options = needy_options, .process = needy_process);
