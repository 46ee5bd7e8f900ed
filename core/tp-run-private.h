/* tp-run-private.h: the batch engine's shared structures (not installed). */
#ifndef TP_RUN_PRIVATE_H
#define TP_RUN_PRIVATE_H

#include <signal.h>

#include "tp-private.h"

/* Records a batch holds at most (or fewer when their input reaches
 * TP_BATCH_BYTES): a batch is read, processed and written as one, with
 * one write of its output; short lines (a corpus as lines) pay a batch's
 * own costs per 128 documents instead of 64 (the tokenizer over the
 * corpus text as lines, one core: 66.6 -> 64.8 ms). */
#define TP_BATCH_DOCS 128
#define TP_BATCH_BYTES (256 * 1024)
/* Documents read but not yet written, at most, unless --max-in-flight
 * says otherwise (its documented default). */
#define TP_MAX_IN_FLIGHT_DOCS 1024
/* Input bytes read but not yet written, at most (unless a single batch is
 * larger): bounds memory when documents are huge, where the count of
 * documents in flight would not. */
#define TP_MAX_IN_FLIGHT_BYTES (32 * 1024 * 1024)
/* Committed batches kept for reuse, at most: a batch made and freed per
 * 64 documents cost malloc a fresh 64 KB buffer each time, and the kernel
 * fresh pages when the heap shrank in between. */
#define TP_SPARE_BATCHES 4

typedef enum {
  TP_DOC_WRITTEN,
  TP_DOC_REJECTED,
  TP_DOC_DROPPED,
  TP_DOC_SKIPPED /* another shard's */
} TpDocStatus;

/* One input record in a batch, and what became of it. */
typedef struct {
  guint64 pos;     /* index of the record in the input */
  TpRawRecord in;  /* as read; parsed by the worker */
  gboolean plain;  /* in is a line of ASCII without NUL (no UTF-8 check) */
  TpDocument *doc; /* while being processed */
  char *id;
  int crashed;       /* signal that killed an earlier run on it, or 0 */
  int crashed_stage; /* the stage it was in, or -1 */
  TpDocStatus status;
  char *message;        /* why it was rejected */
  const TpStage *stage; /* where it was rejected; NULL: reading */
  gsize start, end;     /* its line in the batch's out or rej buffer */
} TpRecord;

typedef struct {
  guint64 seq;
  guint64 end_position; /* input records consumed up to the batch's end */
  GArray *records;      /* TpRecord */
  GString *out;         /* output lines */
  GString *rej;         /* reject lines */
  gsize bytes;          /* input bytes of its records */
} TpBatch;

typedef struct _TpRun TpRun;
typedef struct _TpIsolatePool TpIsolatePool;

typedef struct {
  TpRun *run;
  TpPipelineInstance *inst;
  GThread *thread;
} TpWorker;

struct _TpRun {
  const TpRunOptions *opts;
  TpPipeline *pipeline;
  TpReader *reader;
  TpRunStats *stats;
  guint jobs;
  TpWorker *workers;
  GAsyncQueue *todo;
  GAsyncQueue *done;
  TpBatch **ring;
  guint ring_size;
  guint64 next_seq, next_commit;
  guint in_flight;         /* batches handed to workers */
  guint64 bytes_in_flight; /* input bytes of batches read, not committed */
  guint64 position;        /* records read from the input (incl. skipped) */
  guint64 committed_position;
  gboolean eof, halted;
  TpOutput *out;
  TpOutput *rejects;
  char *rejects_path;
  char *resume_path;
  char *crash_path;
  GHashTable *crashes;
  char *fingerprint;
  double t0, last_checkpoint, last_progress;
  TpOnError on_error;
  double max_errors;
  gboolean max_errors_is_rate;
  GError *io_error;
  TpIsolatePool *pool; /* --isolate: worker processes instead of threads */
  TpBatch *spare[TP_SPARE_BATCHES]; /* committed batches kept for reuse */
  guint n_spare;
};

/* The record being processed by this thread (or process), or -1: read by
 * the crash handler. */
extern TP_TLS gint64 tp_current_pos;
/* When set (in a worker process), also receives that position, in memory
 * the parent can read after the worker dies. */
extern volatile gint64 *tp_shared_pos;

TpBatch *tp_batch_new (guint64 seq);
void tp_batch_free (TpBatch *b);
void tp_record_clear (TpRecord *r);
/* Parses and runs every record of @b through @inst, filling its output
 * and reject buffers: a worker's whole job. */
void tp_batch_process (TpRun *run, TpPipelineInstance *inst, TpBatch *b);

/* Worker processes for --isolate: a plugin that crashes kills only its
 * process; the document it was on is rejected and the worker restarted. */
TpIsolatePool *tp_isolate_pool_new (TpRun *run, guint n, GError **error);
gboolean tp_isolate_pool_has_idle (const TpIsolatePool *pool);
/* Hands @b to an idle worker process. */
void tp_isolate_pool_submit (TpIsolatePool *pool, TpBatch *b);
/* A finished batch, waiting up to @timeout_ms; NULL if none is ready. */
TpBatch *tp_isolate_pool_collect (TpIsolatePool *pool, int timeout_ms,
                                  GError **error);
/* Ends the workers (running finish when @finish), adding their stage
 * times to @stage_seconds; frees the pool. */
gboolean tp_isolate_pool_free (TpIsolatePool *pool, gboolean finish,
                               double *stage_seconds, GError **error);

#endif /* TP_RUN_PRIVATE_H */
