/* textpipe-plugin.h: the one header a textpipe plugin includes.
 *
 * It declares the document model (documents, annotation layers, typed
 * attributes), the read-only option view a plugin receives, and the plugin
 * descriptor with its TP_PLUGIN_DEFINE macro.  See docs/plugin-guide.md.
 */
#ifndef TEXTPIPE_PLUGIN_H
#define TEXTPIPE_PLUGIN_H

#include <glib.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* ABI                                                                 */
/* ------------------------------------------------------------------ */

/* The major ABI version: bumped when the descriptor or any function a
 * plugin calls changes incompatibly.  The loader refuses any other major. */
#define TP_ABI_VERSION 1
/* The minor ABI version: bumped when fields are appended to the
 * descriptor (taken from the reserved padding) or functions are added.
 * Older minors still load.  1.1 added tp_layer_append_many and
 * tp_layer_get_spans. */
#define TP_ABI_MINOR 1

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

/* Errors a plugin reports from its callbacks. */
#define TP_PLUGIN_ERROR (tp_plugin_error_quark ())
GQuark tp_plugin_error_quark (void);

typedef enum {
  TP_PLUGIN_ERROR_FAILED,        /* anything else */
  TP_PLUGIN_ERROR_INVALID_INPUT, /* the document cannot be processed */
  TP_PLUGIN_ERROR_CONFIG,        /* an option value is unusable */
  TP_PLUGIN_ERROR_IO             /* a data file could not be read */
} TpPluginErrorCode;

/* ------------------------------------------------------------------ */
/* Annotation layers                                                   */
/* ------------------------------------------------------------------ */

typedef enum {
  TP_ATTR_STRING = 1, /* UTF-8 string, or null */
  TP_ATTR_INT,        /* 64-bit integer, or null */
  TP_ATTR_DOUBLE,     /* double, or null */
  TP_ATTR_BOOL,       /* boolean, or null */
  TP_ATTR_STRV,       /* list of strings (empty by default) */
  TP_ATTR_REF,        /* index of an annotation in another layer, or null */
  TP_ATTR_ENUM,       /* one of a fixed list of strings, stored as a byte */
  TP_ATTR_SPAN        /* a [start, end) byte span into the text, or null */
} TpAttrType;

/* One attribute of a layer, in a static table ended by { NULL }. */
typedef struct {
  const char *name;
  TpAttrType type;
  /* TP_ATTR_REF: the layer the index points into.
   * TP_ATTR_ENUM: unused. */
  const char *ref_layer;
  /* TP_ATTR_ENUM: the allowed values, NULL-terminated (at most 255). */
  const char *const *enum_values;
} TpAttrSpec;

typedef struct _TpLayer TpLayer;

/* Annotation count of a layer. */
guint tp_layer_get_length (const TpLayer *layer);
const char *tp_layer_get_name (const TpLayer *layer);
/* Index of the attribute called @name, or -1. */
gint tp_layer_attr_index (const TpLayer *layer, const char *name);
guint tp_layer_get_n_attrs (const TpLayer *layer);
const TpAttrSpec *tp_layer_get_attr_spec (const TpLayer *layer, guint attr);

/* Appends an annotation [start, end) with every attribute null; returns its
 * index.  Spans must lie within the text (checked when the stage returns). */
guint tp_layer_append (TpLayer *layer, gsize start, gsize end);
/* Appends @n annotations in one call: spans[2 * i] and spans[2 * i + 1] are
 * annotation i's [start, end), and when @values is not NULL, values[i] is
 * its value of the enum attribute @attr (as tp_layer_set_enum would set
 * it).  For plugins that emit many small annotations, such as tokens: one
 * call per buffer instead of two per annotation.  Returns the index of the
 * first.  Since ABI 1.1. */
guint tp_layer_append_many (TpLayer *layer, const guint32 *spans, guint n,
                            guint attr, const guint8 *values);
/* Every annotation's span at once: annotation i is [spans[2 * i],
 * spans[2 * i + 1]).  Read-only, and valid until the layer is appended to.
 * For plugins that read many annotations (a splitter reading tokens): no
 * call per annotation.  Since ABI 1.1. */
const guint32 *tp_layer_get_spans (const TpLayer *layer);
gsize tp_layer_get_start (const TpLayer *layer, guint index);
gsize tp_layer_get_end (const TpLayer *layer, guint index);

void tp_layer_set_string (TpLayer *layer, guint index, guint attr,
                          const char *value);
void tp_layer_set_string_len (TpLayer *layer, guint index, guint attr,
                              const char *value, gssize len);
void tp_layer_set_int (TpLayer *layer, guint index, guint attr, gint64 value);
void tp_layer_set_double (TpLayer *layer, guint index, guint attr,
                          double value);
void tp_layer_set_bool (TpLayer *layer, guint index, guint attr,
                        gboolean value);
void tp_layer_set_ref (TpLayer *layer, guint index, guint attr, guint target);
void tp_layer_set_enum (TpLayer *layer, guint index, guint attr, guint value);
void tp_layer_set_span (TpLayer *layer, guint index, guint attr, gsize start,
                        gsize end);
/* Appends one string to a list attribute. */
void tp_layer_strv_append (TpLayer *layer, guint index, guint attr,
                           const char *value, gssize len);

/* Getters return FALSE (or NULL) for a null value. */
gboolean tp_layer_is_null (const TpLayer *layer, guint index, guint attr);
const char *tp_layer_get_string (const TpLayer *layer, guint index, guint attr);
gboolean tp_layer_get_int (const TpLayer *layer, guint index, guint attr,
                           gint64 *value);
gboolean tp_layer_get_double (const TpLayer *layer, guint index, guint attr,
                              double *value);
gboolean tp_layer_get_bool (const TpLayer *layer, guint index, guint attr,
                            gboolean *value);
gboolean tp_layer_get_ref (const TpLayer *layer, guint index, guint attr,
                           guint *target);
/* The enum value's index, or -1 when null. */
gint tp_layer_get_enum (const TpLayer *layer, guint index, guint attr);
/* The enum value's string, or NULL when null. */
const char *tp_layer_get_enum_string (const TpLayer *layer, guint index,
                                      guint attr);
gboolean tp_layer_get_span (const TpLayer *layer, guint index, guint attr,
                            gsize *start, gsize *end);
guint tp_layer_get_strv_length (const TpLayer *layer, guint index, guint attr);
const char *tp_layer_get_strv_item (const TpLayer *layer, guint index,
                                    guint attr, guint item);

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

typedef struct _TpDocument TpDocument;

const char *tp_document_get_id (const TpDocument *doc);
/* The immutable UTF-8 text (valid UTF-8, NUL-terminated; it may hold no
 * NUL bytes of its own). */
const char *tp_document_get_text (const TpDocument *doc);
gsize tp_document_get_length (const TpDocument *doc);

/* Metadata: string keys to string values. */
const char *tp_document_get_meta (const TpDocument *doc, const char *key);
void tp_document_set_meta (TpDocument *doc, const char *key, const char *value);

/* The layer called @name, or NULL if no stage produced it. */
TpLayer *tp_document_get_layer (const TpDocument *doc, const char *name);
/* Creates the layer @name with the attributes in @attrs ({ NULL }-ended,
 * static storage, never changed).  Fails if the layer exists already. */
TpLayer *tp_document_add_layer (TpDocument *doc, const char *name,
                                const TpAttrSpec *attrs, GError **error);

/* Marks the document as dropped by a filter stage: it is counted, not
 * written, and later stages do not see it. */
void tp_document_drop (TpDocument *doc, const char *reason);

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

typedef enum {
  TP_OPTION_STRING = 1,
  TP_OPTION_INT,
  TP_OPTION_DOUBLE,
  TP_OPTION_BOOL, /* true/false, yes/no, on/off, 1/0 */
  TP_OPTION_PATH, /* a file path, made relative to the INI file */
  TP_OPTION_LIST  /* comma-separated strings */
} TpOptionType;

/* One option of a plugin, in a static table ended by { NULL }. */
typedef struct {
  const char *name; /* lower case: [a-z0-9_]+ */
  TpOptionType type;
  const char *default_value; /* as written in an INI file; NULL: no default */
  gboolean required;         /* a value must be given */
  const char *help;          /* one line for `textpipe describe` */
} TpOptionSpec;

/* The read-only, checked, typed view of a stage's options. */
typedef struct _TpOptions TpOptions;

/* Getters for options declared in the plugin's table; an option with no
 * value and no default gives NULL, 0, 0.0, FALSE or an empty list. */
const char *tp_options_get_string (const TpOptions *opts, const char *name);
gint64 tp_options_get_int (const TpOptions *opts, const char *name);
double tp_options_get_double (const TpOptions *opts, const char *name);
gboolean tp_options_get_bool (const TpOptions *opts, const char *name);
/* TP_OPTION_PATH: the resolved path. */
const char *tp_options_get_path (const TpOptions *opts, const char *name);
/* TP_OPTION_LIST: a NULL-terminated array owned by @opts. */
const char *const *tp_options_get_list (const TpOptions *opts,
                                        const char *name);
/* TRUE when the value came from the configuration, not a default. */
gboolean tp_options_is_set (const TpOptions *opts, const char *name);
/* The stage's name in the pipeline, for messages. */
const char *tp_options_get_stage (const TpOptions *opts);

/* ------------------------------------------------------------------ */
/* The plugin descriptor                                               */
/* ------------------------------------------------------------------ */

typedef enum {
  TP_PLUGIN_FLAG_NONE = 0,
  /* One state may serve every worker thread at once. */
  TP_PLUGIN_FLAG_THREAD_SAFE = 1 << 0
} TpPluginFlags;

/* Builds the per-stage state from the checked options.  Called once per
 * stage instance. */
typedef gboolean (*TpPluginInitFunc) (const TpOptions *options, gpointer *state,
                                      GError **error);
/* Adds layers to one document.  A FALSE return rejects this document only. */
typedef gboolean (*TpPluginProcessFunc) (gpointer state, TpDocument *doc,
                                         GError **error);
/* Called once at the end of input. */
typedef gboolean (*TpPluginFinishFunc) (gpointer state, GError **error);
/* Frees the state; called only after a successful init. */
typedef void (*TpPluginDestroyFunc) (gpointer state);

typedef struct {
  guint32 abi_version; /* TP_ABI_VERSION when built */
  guint32 struct_size; /* sizeof (TpPluginDescriptor) when built */
  guint32 abi_minor;   /* TP_ABI_MINOR when built */
  guint32 flags;       /* TpPluginFlags */
  const char *name;    /* equals the module's file name */
  const char *version;
  const char *description;
  const char *license;
  const char *const *requires; /* layer names, NULL-terminated, or NULL */
  const char *const *produces; /* layer names, NULL-terminated, or NULL */
  const TpOptionSpec *options; /* { NULL }-terminated, or NULL */
  TpPluginInitFunc init;
  TpPluginProcessFunc process;
  TpPluginFinishFunc finish;
  TpPluginDestroyFunc destroy;
  gpointer reserved[8]; /* room for minor ABI additions; keep zero */
} TpPluginDescriptor;

/* The symbol every plugin exports, and nothing else. */
#define TP_PLUGIN_SYMBOL "tp_plugin_descriptor"

#if defined(__GNUC__)
#define TP_PLUGIN_EXPORT __attribute__ ((visibility ("default")))
#else
#define TP_PLUGIN_EXPORT
#endif

/* Defines the plugin's descriptor from designated initializers:
 *   TP_PLUGIN_DEFINE (.name = "quotes", .version = "1.0.0", ...,
 *                     .process = quotes_process);
 */
#define TP_PLUGIN_DEFINE(...)                                                  \
  TP_PLUGIN_EXPORT extern const TpPluginDescriptor tp_plugin_descriptor;       \
  TP_PLUGIN_EXPORT const TpPluginDescriptor tp_plugin_descriptor               \
      = { .abi_version = TP_ABI_VERSION,                                       \
          .struct_size = sizeof (TpPluginDescriptor),                          \
          .abi_minor = TP_ABI_MINOR,                                           \
          __VA_ARGS__ }

G_END_DECLS

#endif /* TEXTPIPE_PLUGIN_H */
