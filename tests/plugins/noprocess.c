/* noprocess.c: a descriptor without a process callback. */
#include "textpipe-plugin.h"

TP_PLUGIN_DEFINE (.name = "noprocess", .version = "1.0.0",
                  .description = "no process");
