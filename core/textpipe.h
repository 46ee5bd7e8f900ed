/* textpipe.h: the runtime API of libtextpipe (loader, pipelines, I/O,
 * runner), used by the textpipe command and by programs that embed it.
 * Plugin authors need only textpipe-plugin.h.
 */
#ifndef TEXTPIPE_H
#define TEXTPIPE_H

#include <stdio.h>

#include "textpipe-plugin.h"

G_BEGIN_DECLS

#define TP_VERSION_STRING "0.1.0"

/* ---- errors ---------------------------------------------------------- */

#define TP_LOADER_ERROR (tp_loader_error_quark ())
GQuark tp_loader_error_quark (void);
typedef enum {
  TP_LOADER_ERROR_NOT_FOUND,        /* no such plugin on the search path */
  TP_LOADER_ERROR_BAD_NAME,         /* a name with '/', '..' or odd bytes */
  TP_LOADER_ERROR_OPEN_FAILED,      /* the file exists but will not load */
  TP_LOADER_ERROR_NOT_A_PLUGIN,     /* no tp_plugin_descriptor symbol */
  TP_LOADER_ERROR_ABI_MISMATCH,     /* built against another major ABI */
  TP_LOADER_ERROR_SHORT_STRUCT,     /* descriptor smaller than required */
  TP_LOADER_ERROR_NAME_MISMATCH,    /* descriptor name != file name */
  TP_LOADER_ERROR_MISSING_CALLBACK, /* no process, or init without destroy */
  TP_LOADER_ERROR_BAD_OPTIONS       /* malformed option table */
} TpLoaderErrorCode;

#define TP_CONFIG_ERROR (tp_config_error_quark ())
GQuark tp_config_error_quark (void);
typedef enum {
  TP_CONFIG_ERROR_PARSE,           /* the INI file cannot be read */
  TP_CONFIG_ERROR_MISSING_SECTION, /* no [pipeline], or a stage undefined */
  TP_CONFIG_ERROR_UNKNOWN_KEY,
  TP_CONFIG_ERROR_BAD_VALUE,
  TP_CONFIG_ERROR_MISSING_VALUE,  /* a required option has no value */
  TP_CONFIG_ERROR_UNUSED_SECTION, /* a section no stage uses */
  TP_CONFIG_ERROR_DUPLICATE,      /* a stage listed twice */
  TP_CONFIG_ERROR_CONTRACT        /* a stage needs a layer none produces */
} TpConfigErrorCode;

#define TP_IO_ERROR (tp_io_error_quark ())
GQuark tp_io_error_quark (void);
typedef enum {
  TP_IO_ERROR_OPEN,
  TP_IO_ERROR_READ,
  TP_IO_ERROR_WRITE
} TpIoErrorCode;

/* Per-document errors raised by the core itself (not by a plugin). */
#define TP_DOCUMENT_ERROR (tp_document_error_quark ())
GQuark tp_document_error_quark (void);
typedef enum {
  TP_DOCUMENT_ERROR_INVALID_UTF8,
  TP_DOCUMENT_ERROR_NUL_BYTE,
  TP_DOCUMENT_ERROR_TOO_LARGE,
  TP_DOCUMENT_ERROR_BAD_RECORD, /* a malformed JSONL line */
  TP_DOCUMENT_ERROR_BAD_LAYER   /* a stage wrote spans outside the text */
} TpDocumentErrorCode;

/* ---- documents ------------------------------------------------------- */

/* The largest document accepted, in bytes (offsets are stored in 32 bits). */
#define TP_DOCUMENT_MAX_LENGTH ((gsize)G_MAXUINT32 - 1)

/* Creates a document from @len bytes of @text (copied); refuses invalid
 * UTF-8, NUL bytes and documents over TP_DOCUMENT_MAX_LENGTH. */
TpDocument *tp_document_new (const char *id, const char *text, gssize len,
                             GError **error);
void tp_document_free (TpDocument *doc);
guint tp_document_get_n_layers (const TpDocument *doc);
TpLayer *tp_document_get_nth_layer (const TpDocument *doc, guint n);
gboolean tp_document_is_dropped (const TpDocument *doc);
const char *tp_document_get_drop_reason (const TpDocument *doc);
/* Every metadata key, sorted; free the list (not the strings). */
GList *tp_document_get_meta_keys (const TpDocument *doc);
/* The raw input record the document came from (a JSONL line), if any. */
const char *tp_document_get_record (const TpDocument *doc);
void tp_document_set_record (TpDocument *doc, const char *record, gssize len);
/* Checks that every span in layers @first_layer.. lies within the text. */
gboolean tp_document_check_layers (const TpDocument *doc, guint first_layer,
                                   GError **error);

/* ---- plugins --------------------------------------------------------- */

typedef struct _TpLoader TpLoader;
typedef struct _TpPlugin TpPlugin;

TpLoader *tp_loader_new (void);
void tp_loader_free (TpLoader *loader);
/* Adds a folder to search, after the ones already added. */
void tp_loader_add_path (TpLoader *loader, const char *dir);
/* Adds the folders of a ':'-separated list (TEXTPIPE_PLUGIN_PATH style). */
void tp_loader_add_path_list (TpLoader *loader, const char *list);
/* Adds TEXTPIPE_PLUGIN_PATH, then the build tree's plugins when running
 * from it, then the installed plugin folder. */
void tp_loader_add_default_paths (TpLoader *loader);
const GPtrArray *tp_loader_get_paths (const TpLoader *loader);
/* Loads (once) and checks the plugin called @name. */
TpPlugin *tp_loader_load (TpLoader *loader, const char *name, GError **error);
/* Loads a plugin from an explicit module path (for `describe FILE`). */
TpPlugin *tp_loader_load_file (TpLoader *loader, const char *path,
                               GError **error);
/* Names of every plugin module file found on the search path, sorted. */
GPtrArray *tp_loader_list (TpLoader *loader);
/* The name of an installed plugin that produces @layer, or NULL. */
char *tp_loader_find_producer (TpLoader *loader, const char *layer);

const TpPluginDescriptor *tp_plugin_get_descriptor (const TpPlugin *plugin);
const char *tp_plugin_get_path (const TpPlugin *plugin);

/* ---- options --------------------------------------------------------- */

/* Checks an option table: names, types, defaults. */
gboolean tp_option_table_check (const TpOptionSpec *table, GError **error);
const char *tp_option_type_name (TpOptionType type);

/* ---- pipelines ------------------------------------------------------- */

typedef struct _TpPipeline TpPipeline;
typedef struct _TpStage TpStage;

typedef enum {
  TP_ON_ERROR_SKIP, /* reject the document and go on */
  TP_ON_ERROR_FAIL  /* stop at the first rejected document */
} TpOnError;

/* Parses "skip" or "fail". */
gboolean tp_on_error_parse (const char *text, TpOnError *policy);
/* Parses a max_errors value: a count ("10") or a rate ("5%"). */
gboolean tp_max_errors_parse (const char *text, double *value,
                              gboolean *is_rate);

TpPipeline *tp_pipeline_new (const char *name, TpLoader *loader);
void tp_pipeline_free (TpPipeline *pipeline);
/* Reads a pipeline from an INI file; plugins are not loaded yet. */
TpPipeline *tp_pipeline_new_from_file (const char *path, TpLoader *loader,
                                       GError **error);
/* Appends a stage named @stage running @plugin. */
gboolean tp_pipeline_add_stage (TpPipeline *pipeline, const char *stage,
                                const char *plugin, GError **error);
/* Sets a stage option; @origin ("file.ini:12", "--set") names where the
 * value came from, for messages. */
gboolean tp_pipeline_set_option (TpPipeline *pipeline, const char *stage,
                                 const char *key, const char *value,
                                 const char *origin, GError **error);
/* Applies "stage.key=value" (or "pipeline.key=value"). */
gboolean tp_pipeline_apply_override (TpPipeline *pipeline,
                                     const char *assignment, GError **error);
/* Loads every plugin, checks every option and the layer contracts.
 * Nothing is run. */
gboolean tp_pipeline_prepare (TpPipeline *pipeline, GError **error);

const char *tp_pipeline_get_name (const TpPipeline *pipeline);
const char *tp_pipeline_get_description (const TpPipeline *pipeline);
const char *tp_pipeline_get_file (const TpPipeline *pipeline);
guint tp_pipeline_get_n_stages (const TpPipeline *pipeline);
TpStage *tp_pipeline_get_stage (const TpPipeline *pipeline, guint n);
TpOnError tp_pipeline_get_on_error (const TpPipeline *pipeline);
/* max_errors: a count, or a percentage when *is_rate; 0 = no limit. */
double tp_pipeline_get_max_errors (const TpPipeline *pipeline,
                                   gboolean *is_rate);
/* A stable digest of the pipeline: stages, plugins and versions, options. */
char *tp_pipeline_fingerprint (const TpPipeline *pipeline);

const char *tp_stage_get_name (const TpStage *stage);
const TpPlugin *tp_stage_get_plugin (const TpStage *stage);
const TpOptions *tp_stage_get_options (const TpStage *stage);

/* A set of live stage states: what one worker runs documents through. */
typedef struct _TpPipelineInstance TpPipelineInstance;

/* Runs init on every stage; plugins flagged thread-safe share @shared's
 * state when @shared is given. */
TpPipelineInstance *tp_pipeline_instance_new (TpPipeline *pipeline,
                                              TpPipelineInstance *shared,
                                              GError **error);
/* Runs the stages over @doc.  On failure returns FALSE, sets @error and
 * *@failed_stage; the document should then be rejected. */
gboolean tp_pipeline_instance_process (TpPipelineInstance *inst,
                                       TpDocument *doc,
                                       const TpStage **failed_stage,
                                       GError **error);
/* Runs finish on every stage (once; states shared with another instance
 * are finished by their owner). */
gboolean tp_pipeline_instance_finish (TpPipelineInstance *inst, GError **error);
/* Runs destroy and frees. */
void tp_pipeline_instance_free (TpPipelineInstance *inst);
/* Nanoseconds spent in stage @n by this instance. */
guint64 tp_pipeline_instance_get_stage_ns (const TpPipelineInstance *inst,
                                           guint n);

/* ---- reading --------------------------------------------------------- */

typedef enum {
  TP_INPUT_AUTO,  /* .jsonl/.ndjson files are JSONL, others one document */
  TP_INPUT_TEXT,  /* a file is one document */
  TP_INPUT_LINES, /* a line is one document */
  TP_INPUT_JSONL  /* a line is one JSON record */
} TpInputFormat;

typedef struct _TpReader TpReader;

/* Reads documents from @inputs (files, folders, "-" for stdin). */
TpReader *tp_reader_new (const char *const *inputs, TpInputFormat format,
                         const char *id_field, const char *text_field);
/* The next document: returns TRUE and sets *@doc; or TRUE with *@doc NULL
 * and @error set for a bad record (reject it and call again); FALSE at the
 * end (no error) or on an I/O error that ends the input (error set). */
gboolean tp_reader_next (TpReader *reader, TpDocument **doc, char **record_id,
                         char **raw_record, GError **error);
/* One record as read, not yet parsed: parsing can happen on another
 * thread with tp_reader_parse. */
typedef struct {
  char *data; /* the line, or the whole file; not NUL-terminated when it
                points into a shared block */
  gsize len;
  gpointer block;     /* the reader's block holding data, or NULL when data is
                         owned */
  const char *source; /* the input's path or "stdin" (owned by the reader) */
  guint64 line;       /* its line number, or 0 for a whole file */
  TpInputFormat format;
} TpRawRecord;

/* "path:line" (or the path): the id of a record that names none. */
char *tp_raw_record_fallback_id (const TpRawRecord *raw);

/* The next raw record; FALSE at the end (no error) or on an I/O error
 * that ends the input. */
gboolean tp_reader_next_raw (TpReader *reader, TpRawRecord *raw,
                             GError **error);
/* Turns a raw record into a document (thread-safe); NULL with @error set
 * for a bad record.  *@record_id is set either way.  A JSONL document
 * takes @raw's line as its record (for the reject file). */
TpDocument *tp_reader_parse (const TpReader *reader, TpRawRecord *raw,
                             char **record_id, GError **error);
void tp_raw_record_clear (TpRawRecord *raw);
/* Total bytes consumed so far. */
guint64 tp_reader_get_bytes (const TpReader *reader);
/* The size of all inputs in bytes, or -1 when unknown (stdin). */
gint64 tp_reader_get_total_bytes (const TpReader *reader);
void tp_reader_free (TpReader *reader);

/* ---- writing --------------------------------------------------------- */

typedef enum {
  TP_OFFSETS_CODEPOINTS, /* Unicode code points (the default) */
  TP_OFFSETS_BYTES
} TpOffsetUnit;

/* How a layer is written: a list of objects, one per annotation (the
 * default), or one list per attribute, smaller and faster for big layers
 * such as tokens. */
typedef enum {
  TP_LAYOUT_ROWS,   /* "token":[{"start":0,"end":5,"class":"word"},...] */
  TP_LAYOUT_COLUMNS /* "token":{"start":[0,...],"end":[5,...],"class":[...]} */
} TpLayerLayout;

typedef struct {
  TpOffsetUnit offsets;
  gboolean include_text;
  const char *const *layers; /* only these layers; NULL: all */
  TpLayerLayout layout;
} TpWriteOptions;

/* Appends one JSON line for @doc (with the trailing newline) to @out. */
void tp_document_to_json (const TpDocument *doc, const TpWriteOptions *opts,
                          GString *out);
/* Appends @s (of @len bytes, -1 for NUL-terminated) as a JSON string. */
void tp_json_append_string (GString *out, const char *s, gssize len);

/* A file written atomically: data goes to a temporary file renamed over
 * @path on commit; "-" means stdout. */
typedef struct _TpOutput TpOutput;
TpOutput *tp_output_open (const char *path, GError **error);
gboolean tp_output_write (TpOutput *out, const char *data, gsize len,
                          GError **error);
/* Reopens the partial file of an interrupted run of @path, cut back to
 * @length bytes, to append to it. */
TpOutput *tp_output_resume (const char *path, guint64 length, GError **error);
/* Flushes buffered data; returns the bytes written so far. */
gboolean tp_output_flush (TpOutput *out, guint64 *length, GError **error);
/* Closes the partial file and leaves it for a later resume; frees. */
gboolean tp_output_suspend (TpOutput *out, GError **error);
/* Flushes and renames into place; frees. */
gboolean tp_output_commit (TpOutput *out, GError **error);
/* Removes the temporary file; frees. */
void tp_output_abort (TpOutput *out);

/* ---- running --------------------------------------------------------- */

typedef struct {
  guint64 read, written, rejected, dropped;
  guint64 skipped; /* records of other shards (--shard), not read */
  guint64 bytes;
  double seconds;
  guint64 peak_rss_kb; /* of this process, at the end of the run */
  guint jobs;
  guint n_stages;
  char **stage_names;
  double *stage_seconds; /* summed over workers */
} TpRunStats;

typedef struct {
  TpWriteOptions write;
  const char *output;  /* "-" or NULL: stdout */
  const char *rejects; /* reject file; NULL: "<output>.rejects.jsonl", or
                          "textpipe-rejects.jsonl" when writing to stdout */
  gboolean quiet;
  gboolean progress;     /* a live progress line on stderr */
  gboolean has_on_error; /* on_error overrides the pipeline's */
  TpOnError on_error;
  gboolean has_max_errors;
  double max_errors;
  gboolean max_errors_is_rate;
  guint jobs;             /* worker threads; 0: one per online CPU */
  guint max_in_flight;    /* documents read but not yet written; 0: default */
  guint shard_index;      /* --shard K/N: K (0-based) */
  guint shard_count;      /* N; 0 or 1: no sharding */
  gboolean resume;        /* continue an interrupted run of @output */
  gboolean isolate;       /* workers are processes: a crash costs one doc */
  const char *inputs_key; /* describes the inputs, checked on resume */
} TpRunOptions;

/* Exit codes of `textpipe run`. */
typedef enum {
  TP_EXIT_OK = 0,
  TP_EXIT_CONFIG = 1,
  TP_EXIT_REJECTS = 2,
  TP_EXIT_IO = 3,
  TP_EXIT_INTERRUPTED = 4 /* stopped by a signal; --resume continues */
} TpExitCode;

/* Runs @pipeline (prepared) over @reader; returns an exit code. */
TpExitCode tp_run (TpPipeline *pipeline, TpReader *reader,
                   const TpRunOptions *options, TpRunStats *stats,
                   GError **error);
void tp_run_stats_clear (TpRunStats *stats);
/* Asks a running tp_run to stop reading, finish what is in flight and
 * record where it stopped (safe to call from a signal handler). */
void tp_run_request_stop (int signum);

/* The shard (0..@n-1) a document id belongs to: FNV-1a 64 of the id's
 * bytes, modulo @n.  Stable across runs, machines and versions. */
guint tp_shard_of (const char *id, guint n);

/* ---- helpers --------------------------------------------------------- */

/* Of @candidates, the one closest to @word when close enough, or NULL. */
const char *tp_suggest (const char *word, const char *const *candidates,
                        guint n_candidates);

G_END_DECLS

#endif /* TEXTPIPE_H */
