/* noop.c: a stage that does nothing, to measure the framework's own cost. */
#include "textpipe-plugin.h"

static const char *const noop_produces[] = { "noop", NULL };

/* Adds nothing; the core still adds the declared, empty layer. */
static gboolean
noop_process (gpointer state, TpDocument *doc, GError **error)
{
  return TRUE;
}

TP_PLUGIN_DEFINE (.name = "noop", .version = "1.0.0",
                  .description = "Does nothing (framework overhead benchmark)",
                  .license = "MIT", .flags = TP_PLUGIN_FLAG_THREAD_SAFE,
                  .produces = noop_produces, .process = noop_process);
