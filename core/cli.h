/* cli.h: the subcommands of the textpipe command. */
#ifndef TP_CLI_H
#define TP_CLI_H

#include "textpipe.h"

/* Each returns the process exit code. */
int tp_cli_run (int argc, char **argv);
int tp_cli_check (int argc, char **argv);
int tp_cli_plugins (int argc, char **argv);
int tp_cli_describe (int argc, char **argv);
int tp_cli_new_plugin (int argc, char **argv);

/* Prints "textpipe: MESSAGE" on stderr. */
void tp_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* A loader searching --plugin-path folders first, then the defaults. */
TpLoader *tp_cli_loader_new (char **plugin_paths);
/* Finds a pipeline file: a path, or a name of an installed pipeline. */
char *tp_cli_find_pipeline (const char *arg);

#endif /* TP_CLI_H */
