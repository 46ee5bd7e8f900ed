/* tp-private.h: structures shared inside libtextpipe, not installed. */
#ifndef TP_PRIVATE_H
#define TP_PRIVATE_H

#include <string.h>
#include <time.h>

#include <ltdl.h>

#include "textpipe.h"

typedef struct {
  guint32 start;
  guint32 end;
} TpSpan;

/* One attribute's values, one slot per annotation, grown on first set. */
typedef struct {
  guint8 *values;
  guint8 *present; /* for INT, DOUBLE: 1 when set */
  guint n_values;  /* for ENUM: how many values it has (counted once) */
  guint cap;
  guint size; /* bytes per value (tp_attr_value_size of its type) */
} TpColumn;

struct _TpLayer {
  char *name;
  guint name_len; /* strlen (name): names are compared per document */
  gpointer kind;  /* the kind of the thread that made it (tp-layer.c) */
  const TpAttrSpec *attrs;
  guint n_attrs;
  TpSpan *spans;
  guint len;
  guint cap;
  gboolean spilled; /* spans or a column moved out of the layer's block */
  TpColumn *columns;
  GString *strings; /* string pool: NUL-terminated values */
  GPtrArray *lists; /* STRV values: GArray of guint32 pool offsets */
};

/* One metadata entry: key and value in one allocation. */
typedef struct {
  char *key;
  char *value;
  gboolean json; /* value is JSON text, written as such */
  guint pos;     /* its index in the document's meta array */
} TpMeta;

/* Layers a document holds without a separate array (a pipeline adds one
 * or a few per document). */
#define TP_DOCUMENT_LAYER_SLOTS 4

/* tp_document_wrap sets every field (no memset): add a new one there. */
struct _TpDocument {
  char *id; /* in the document's own allocation, after the struct */
  gsize id_len;
  char *text;
  gsize length;
  gpointer text_owner; /* holds the text when set (else text is g_free'd) */
  GDestroyNotify text_release; /* releases text_owner */
  gboolean ascii;              /* the text is known to hold only ASCII bytes */
  GPtrArray *meta; /* TpMeta*, created on first set; a few per document */
  GHashTable *meta_index; /* key -> TpMeta*, once there are many */
  TpLayer **layers;       /* layer_slots, or a heap array past them */
  guint n_layers;
  guint layers_cap;
  TpLayer *layer_slots[TP_DOCUMENT_LAYER_SLOTS];
  gboolean dropped;
  char *drop_reason;
  char *record;                  /* the input line, or NULL */
  gpointer record_owner;         /* holds record when set (else g_free'd) */
  GDestroyNotify record_release; /* releases record_owner */
};

struct _TpPlugin {
  char *name;
  char *path;
  lt_dlhandle handle;
  const TpPluginDescriptor *desc;
};

typedef struct {
  TpOptionType type;
  gboolean set;
  char *text; /* as written (or the default) */
  gint64 i;
  double d;
  gboolean b;
  char **list;
} TpOptionValue;

struct _TpOptions {
  char *stage;
  GHashTable *values; /* name -> TpOptionValue */
};

typedef struct {
  char *key;
  char *value;
  char *origin;
} TpRawOption;

struct _TpStage {
  char *name;
  char *plugin_name;
  char *origin;   /* where the stage was defined */
  GPtrArray *raw; /* TpRawOption */
  TpPlugin *plugin;
  TpOptions *options;
};

struct _TpPipeline {
  char *name;
  char *description;
  char *file; /* NULL when built in code */
  char *dir;  /* folder relative paths are taken from */
  TpLoader *loader;
  GPtrArray *stages;
  TpOnError on_error;
  double max_errors;
  gboolean max_errors_is_rate;
  gboolean prepared;
  char *ini_digest; /* checksum of the INI content, when read from one */
};

TpOptions *tp_options_new (const char *stage, const TpOptionSpec *table,
                           GPtrArray *raw, const char *base_dir,
                           const char *plugin_name, GError **error);
void tp_options_free (TpOptions *opts);

/* Byte offset -> code point offset mapping for one document.  Offsets
 * are asked for mostly in increasing order, so the last answer is kept
 * and the next one counted on from it; the count before every 64-byte
 * block bounds the count for an offset asked out of order. */
typedef struct {
  const char *text;
  gsize length;
  gboolean ascii;
  guint32 *cp_at_block; /* code points before each 64-byte block */
  gsize last_byte;      /* the last offset converted, */
  gsize last_cp;        /* and its code point offset */
} TpOffsetMap;

/* @ascii: the text is known to be ASCII (no need to look). */
void tp_offset_map_init (TpOffsetMap *map, const char *text, gsize length,
                         gboolean ascii);
gsize tp_offset_map_convert (TpOffsetMap *map, gsize byte_offset);
void tp_offset_map_clear (TpOffsetMap *map);

/* Thread-local variables of the library read per document: the
 * initial-exec model reaches them at a fixed offset from the thread
 * pointer, where the default model for a shared library calls
 * __tls_get_addr at every use (libtextpipe is linked by the programs that
 * use it, not loaded later, so the offset is fixed at startup). */
#if defined(__GNUC__) || defined(__clang__)
#define TP_TLS __thread __attribute__ ((tls_model ("initial-exec")))
#else
#define TP_TLS __thread
#endif

/* The sizes of blocks a thread keeps for reuse once freed, and how many:
 * documents whose id fits TP_DOCUMENT_ID_ROOM (a batch makes and frees
 * one per record, as many at once as a group of records, TP_BATCH_GROUP,
 * holds), and layers of at most TP_LAYER_BLOCK bytes (a layer per stage
 * and document; beyond the few chunks malloc caches per size, each cost a
 * malloc and a free through the heap's bins). */
#define TP_DOCUMENT_ID_ROOM 64
#define TP_DOCUMENT_POOL_SIZE 32
#define TP_LAYER_BLOCK 1024
#define TP_LAYER_POOL_SIZE 256

typedef enum {
  TP_POOL_DOCUMENT, /* sizeof (TpDocument) + TP_DOCUMENT_ID_ROOM bytes */
  TP_POOL_LAYER,    /* TP_LAYER_BLOCK bytes */
  TP_N_POOLS
} TpPoolKind;

/* A thread's freed blocks of one size. */
typedef struct {
  gsize size;
  guint n;
  guint cap;
  gpointer *blocks;
} TpPool;

/* This thread's pools, or NULL before its first block: read without a
 * call (g_private_get per document cost more than the pools save), while
 * a GPrivate frees them when the thread ends (tp-pool.c). */
extern TP_TLS TpPool *tp_pools_here;
TpPool *tp_pools_make (void);

/* A block of the pool @kind: a freed one of this thread, or a new one. */
static inline gpointer
tp_pool_alloc (TpPoolKind kind)
{
  TpPool *pools = tp_pools_here;
  TpPool *pool;

  if (G_UNLIKELY (pools == NULL))
    pools = tp_pools_make ();
  pool = &pools[kind];
  return pool->n > 0 ? pool->blocks[--pool->n] : g_malloc (pool->size);
}

/* Gives back a block of the pool @kind: kept while the pool has room. */
static inline void
tp_pool_release (TpPoolKind kind, gpointer block)
{
  TpPool *pools = tp_pools_here;
  TpPool *pool;

  if (G_UNLIKELY (pools == NULL))
    pools = tp_pools_make ();
  pool = &pools[kind];
  if (pool->n < pool->cap)
    pool->blocks[pool->n++] = block;
  else
    g_free (block);
}

/* Copies @n bytes from @src to @dst: up to 32 by two fixed-size copies
 * that overlap (inlined), instead of a call for the short strings (ids,
 * paths, keys) copied per document. */
static inline void
tp_copy_small (char *dst, const char *src, gsize n)
{
  if (n >= 16 && n <= 32)
    {
      memcpy (dst, src, 16);
      memcpy (dst + n - 16, src + n - 16, 16);
    }
  else if (n >= 8 && n < 16)
    {
      memcpy (dst, src, 8);
      memcpy (dst + n - 8, src + n - 8, 8);
    }
  else
    memcpy (dst, src, n);
}

/* TRUE when the @n bytes at @a and at @b are equal, for names whose
 * lengths are known to be @n both (a layer's name_len): up to 16 bytes by
 * two overlapping loads of each (no loop: a byte loop's exit, at a length
 * that changes from one layer to the next, cost more than the compare). */
static inline gboolean
tp_name_equal (const char *a, const char *b, gsize n)
{
  if (n >= 8 && n <= 16)
    {
      guint64 a0, a1, b0, b1;
      memcpy (&a0, a, 8);
      memcpy (&b0, b, 8);
      memcpy (&a1, a + n - 8, 8);
      memcpy (&b1, b + n - 8, 8);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
  if (n >= 4 && n < 8)
    {
      guint32 a0, a1, b0, b1;
      memcpy (&a0, a, 4);
      memcpy (&b0, b, 4);
      memcpy (&a1, a + n - 4, 4);
      memcpy (&b1, b + n - 4, 4);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
  return memcmp (a, b, n) == 0;
}

/* TRUE when @layer is named @name, of @n bytes: its name's length first,
 * then the bytes. */
static inline gboolean
tp_layer_has_name (const TpLayer *layer, const char *name, gsize n)
{
  return layer->name_len == n && tp_name_equal (layer->name, name, n);
}

/* A monotonic clock in nanoseconds: stage times and the run's own. */
static inline guint64
tp_now_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (guint64)ts.tv_sec * 1000000000u + (guint64)ts.tv_nsec;
}

/* Makes room for @n more bytes of @out, and one for the NUL after them,
 * and returns where they go; the caller sets out->len when done (and the
 * NUL, unless a GString call follows).  Lets the writers put many pieces
 * without a function call per piece. */
static inline char *
tp_json_reserve (GString *out, gsize n)
{
  gsize len = out->len;
  if (out->allocated_len - len <= n)
    {
      g_string_set_size (out, len + n);
      out->len = len;
    }
  return out->str + len;
}

/* Appends the @n bytes of @s (a literal, most often) to @out, keeping it
 * NUL-terminated. */
static inline void
tp_json_put (GString *out, const char *s, gsize n)
{
  char *p = tp_json_reserve (out, n);
  memcpy (p, s, n);
  out->len += n;
  out->str[out->len] = '\0'; /* GString's terminator (reserved above) */
}

/* tp_json_put for a string literal. */
#define tp_json_put_literal(out, lit)                                          \
  tp_json_put ((out), "" lit, sizeof (lit) - 1)

/* Writes @v in decimal at @p (room for 20 bytes); returns the end
 * (tp-json-layer.c, which formats numbers two digits at a time). */
char *tp_put_uint (char *p, guint64 v);

/* The JSON pieces of layers (keys, quoted enum values) kept from one
 * document to the next while a batch is written (tp-json-layer.c). */
typedef struct _TpJsonCache TpJsonCache;
TpJsonCache *tp_json_cache_new (void);
void tp_json_cache_free (TpJsonCache *cache);

/* Appends @layer's name as a key and the layer as JSON in @layout, with
 * pieces from @cache (or NULL). */
void tp_json_append_layer (GString *out, const TpLayer *layer, TpOffsetMap *map,
                           TpLayerLayout layout, TpJsonCache *cache);

/* tp_document_to_json with pieces kept in @cache (or NULL). */
void tp_document_to_json_cached (const TpDocument *doc,
                                 const TpWriteOptions *opts, TpJsonCache *cache,
                                 GString *out);

/* tp_document_new for text already known to be valid UTF-8 (from a JSON
 * parser); NUL bytes and the size limit are still checked. */
TpDocument *tp_document_new_valid_utf8 (const char *id, const char *text,
                                        gsize len, GError **error);

/* The same, taking @text (a NUL-terminated string from malloc or g_malloc,
 * @len bytes) instead of copying it; on an error the caller keeps it. */
TpDocument *tp_document_new_take_valid_utf8 (const char *id, gsize id_len,
                                             char *text, gsize len,
                                             GError **error);

/* tp_document_new for @text (NUL-terminated after @len bytes) that stays
 * where it is, kept alive by @owner: the document takes @owner and calls
 * @release on it when freed.  On an error the caller keeps @owner.  Saves
 * the copy of every line read from a block of input.  @plain: the text is
 * known to be ASCII without NUL bytes (its UTF-8 check is skipped). */
TpDocument *tp_document_new_borrowed (const char *id, gsize id_len,
                                      const char *text, gsize len,
                                      gpointer owner, GDestroyNotify release,
                                      gboolean plain, GError **error);

/* Sets the document's input record to @record (NUL-terminated), kept
 * alive by @owner, which the document takes and calls @release on when
 * done: a JSONL line stays in the reader's block instead of being copied
 * for a reject that seldom comes. */
void tp_document_borrow_record (TpDocument *doc, const char *record,
                                gpointer owner, GDestroyNotify release);

/* tp_reader_parse that puts the record's id in @id (also when it fails)
 * instead of allocating it; @plain as set by tp_reader_next_raw_plain
 * (FALSE when unknown). */
TpDocument *tp_reader_parse_with_id (const TpReader *reader, TpRawRecord *raw,
                                     gboolean plain, GString *id,
                                     GError **error);

/* tp_reader_next_raw that also sets *@plain to whether the record is a
 * line of ASCII bytes without NUL (found in the pass that looked for its
 * end), which then needs no UTF-8 check: give it to
 * tp_reader_parse_with_id. */
gboolean tp_reader_next_raw_plain (TpReader *reader, TpRawRecord *raw,
                                   gboolean *plain, GError **error);

/* Runs stage @i of @inst on @doc, untimed: the stage's process, its
 * declared layers added when it did not, and the check of its spans.  The
 * caller sets tp_current_stage_index around it. */
gboolean tp_pipeline_instance_run_stage (TpPipelineInstance *inst, guint i,
                                         TpDocument *doc, GError **error);
/* The writer's cache of JSON pieces for the documents @inst processes:
 * kept as long as the instance, whose plugins (and their static attribute
 * tables, the cache's keys) stay loaded as long. */
TpJsonCache *tp_pipeline_instance_get_json_cache (TpPipelineInstance *inst);
/* Adds @ns to the time spent in stage @i. */
void tp_pipeline_instance_add_stage_ns (TpPipelineInstance *inst, guint i,
                                        guint64 ns);

/* The stage this thread is running (its index), or -1: read by the crash
 * handler to say which stage killed the process. */
extern TP_TLS int tp_current_stage_index;

/* Finds the line of "[section]" or of "key" inside @section in an INI
 * file, for messages; 0 when not found. */
guint tp_ini_find_line (const char *path, const char *section, const char *key);

/* Eight bytes at a time: every byte set to 0x01 or to 0x80, and a test
 * that is nonzero when some byte of @w is zero (for the ASCII fast paths of
 * the UTF-8 check and the writer). */
#define TP_LOW_BITS G_GUINT64_CONSTANT (0x0101010101010101)
#define TP_HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define TP_HAS_ZERO(w) (((w)-TP_LOW_BITS) & ~(w)&TP_HIGH_BITS)

/* Nonzero when eight bytes @w to be written in a JSON string hold a byte
 * that needs an escape: a quote, a backslash or a control character. */
static inline guint64
tp_json_word_has_special (guint64 w)
{
  return TP_HAS_ZERO (w ^ (TP_LOW_BITS * '"'))
         | TP_HAS_ZERO (w ^ (TP_LOW_BITS * '\\'))
         | ((w - TP_LOW_BITS * 0x20) & ~w & TP_HIGH_BITS);
}

/* TRUE when @len bytes of @text are valid UTF-8 without NUL bytes (as
 * g_utf8_validate_len, but fast on ASCII); *@bad is then the end, else
 * the first bad byte. */
gboolean tp_utf8_validate (const char *text, gsize len, const char **bad);

/* tp_utf8_validate that also sets *@ascii (when not NULL and the text is
 * valid) to whether every byte is ASCII, which saves the writer a pass. */
gboolean tp_utf8_check (const char *text, gsize len, const char **bad,
                        gboolean *ascii);

/* Length of the valid multi-byte UTF-8 sequence at @s (2 to 4, at most
 * @left bytes), or 0 when it is not one. */
gsize tp_utf8_sequence (const guchar *s, gsize left);

/* TRUE when @text holds only ASCII bytes. */
gboolean tp_utf8_is_ascii (const char *text, gsize len);

/* Sets metadata @key to @json, the JSON text of a number, list, object,
 * boolean or null read from the input: plugins read it as that text, and
 * the writer writes it back as JSON, so nothing of its type is lost. */
void tp_document_set_meta_json (TpDocument *doc, const char *key,
                                const char *json);
/* TRUE when @key's value is JSON text (set by tp_document_set_meta_json). */
gboolean tp_document_meta_is_json (const TpDocument *doc, const char *key);

/* TRUE when an output path names a device, FIFO or socket (/dev/null):
 * written in place, with no .partial, checkpoint or rejects beside it. */
gboolean tp_output_is_special (const char *path);

#endif /* TP_PRIVATE_H */
