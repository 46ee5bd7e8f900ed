/* tp-checkpoint.h: where an interrupted run stopped, for --resume. */
#ifndef TP_CHECKPOINT_H
#define TP_CHECKPOINT_H

#include "textpipe.h"

typedef struct {
  char *fingerprint;  /* of the pipeline (INI content, plugins, versions) */
  char *inputs_key;   /* of the inputs and reading options */
  guint64 position;   /* input records consumed and accounted for */
  guint64 out_length; /* bytes of output written up to there */
  guint64 rej_length; /* bytes of rejects written up to there */
  guint64 read, written, rejected, dropped, skipped;
} TpCheckpoint;

/* Writes @cp to @path atomically. */
gboolean tp_checkpoint_save (const char *path, const TpCheckpoint *cp,
                             GError **error);
/* Reads @path into @cp. */
gboolean tp_checkpoint_load (const char *path, TpCheckpoint *cp,
                             GError **error);
void tp_checkpoint_clear (TpCheckpoint *cp);

typedef struct {
  int signal;
  int stage; /* index of the stage, or -1 */
} TpCrash;

/* Crash records: "<position> <signal> [<stage>]" lines appended by a
 * signal handler when a plugin kills the process.  Returns a table of
 * position (gint64) -> TpCrash. */
GHashTable *tp_crashes_load (const char *path);

#endif /* TP_CHECKPOINT_H */
