/* tp-reader.c: turns files, folders and stdin into documents. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "tp-json-record.h"
#include "tp-private.h"

/* Where a block whose last reference went waits to be read into again,
 * which saves allocating (and the kernel zeroing) a fresh megabyte for
 * every megabyte of input.  Shared by the reader and its blocks, which may
 * outlive it in documents.  One spare is enough: by the time a block is
 * read to its end, the one before is done with. */
typedef struct {
  gint ref;
  gpointer spare; /* a TpBlock, or NULL */
} TpBlockPool;

/* A refcounted block of input: records read line by line point into it
 * instead of each being copied and allocated on the reading thread. */
typedef struct {
  gint ref;
  TpBlockPool *pool;
  gsize len;  /* bytes filled */
  gsize size; /* bytes allocated in data */
  char data[];
} TpBlock;

/* Small enough that a block read stays in the cache for the line search,
 * the UTF-8 check and the stages that read it next. */
#define TP_BLOCK_SIZE (256 * 1024)

struct _TpReader {
  GPtrArray *sources; /* paths still to open, in order ("-" = stdin) */
  guint next_source;
  TpInputFormat format;
  char *id_field;
  char *text_field;
  /* the file being read line by line */
  int fd;       /* -1 when none is open */
  gboolean eof; /* fd has no more bytes */
  TpBlockPool *pool;
  TpBlock *block; /* what was read of it; NULL before the first read */
  gsize pos;      /* next unread byte in block */
  const char *path;
  const char *source; /* what records name as their source: path or "stdin" */
  TpInputFormat file_format;
  guint64 line_no;
  guint64 bytes;
  gint64 total_bytes; /* -1 when unknown */
  guint64 serial;     /* unique to the reader in the process, from 1 */
};

static TpBlockPool *
tp_block_pool_new (void)
{
  TpBlockPool *pool = g_new0 (TpBlockPool, 1);
  pool->ref = 1;
  return pool;
}

/* Drops a reference to @pool; the last one frees it and its spare block. */
static void
tp_block_pool_unref (TpBlockPool *pool)
{
  if (g_atomic_int_dec_and_test (&pool->ref))
    {
      g_free (pool->spare);
      g_free (pool);
    }
}

/* A block of @size bytes, with one more for the NUL after a last line
 * that has no line break: the spare block of @pool when it is big
 * enough. */
static TpBlock *
tp_block_new (TpBlockPool *pool, gsize size)
{
  TpBlock *b = g_atomic_pointer_exchange (&pool->spare, NULL);

  if (b != NULL && b->size < size)
    g_clear_pointer (&b, g_free);
  if (b == NULL)
    {
      b = g_malloc (sizeof (TpBlock) + size + 1);
      b->size = size;
    }
  b->ref = 1;
  b->len = 0;
  b->pool = pool;
  g_atomic_int_inc (&pool->ref);
  return b;
}

static TpBlock *
tp_block_ref (TpBlock *b)
{
  g_atomic_int_inc (&b->ref);
  return b;
}

/* Drops a reference to @b; after the last one, the block becomes its
 * pool's spare, unless the pool has one already. */
static void
tp_block_unref (TpBlock *b)
{
  TpBlockPool *pool;

  if (b == NULL || !g_atomic_int_dec_and_test (&b->ref))
    return;
  pool = b->pool;
  if (!g_atomic_pointer_compare_and_exchange (&pool->spare, NULL, b))
    g_free (b);
  tp_block_pool_unref (pool);
}

/* tp_block_unref as a GDestroyNotify, for documents that keep their text
 * in a block. */
static void
tp_block_release (gpointer block)
{
  tp_block_unref (block);
}

static void tp_reader_fallback_id (const TpReader *r, const TpRawRecord *raw,
                                   GString *id);

/* Orders folder entries by name so runs are reproducible. */
static gint
tp_reader_compare (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/* Appends the regular files under @dir, sorted, recursing into folders;
 * hidden entries are skipped. */
static void
tp_reader_walk (GPtrArray *out, const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  if (d == NULL)
    {
      g_ptr_array_add (out, g_strdup (dir)); /* fails with a message later */
      g_ptr_array_unref (names);
      return;
    }
  while ((entry = g_dir_read_name (d)) != NULL)
    if (entry[0] != '.')
      g_ptr_array_add (names, g_build_filename (dir, entry, NULL));
  g_dir_close (d);
  g_ptr_array_sort (names, tp_reader_compare);
  for (guint i = 0; i < names->len; i++)
    {
      const char *path = names->pdata[i];
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        tp_reader_walk (out, path);
      else
        g_ptr_array_add (out, g_strdup (path));
    }
  g_ptr_array_unref (names);
}

TpReader *
tp_reader_new (const char *const *inputs, TpInputFormat format,
               const char *id_field, const char *text_field)
{
  TpReader *r = g_new0 (TpReader, 1);

  static gsize serials;

  r->sources = g_ptr_array_new_with_free_func (g_free);
  r->serial = (guint64)g_atomic_pointer_add (&serials, 1) + 1;
  r->fd = -1;
  r->pool = tp_block_pool_new ();
  for (guint i = 0; inputs && inputs[i]; i++)
    {
      if (strcmp (inputs[i], "-") != 0
          && g_file_test (inputs[i], G_FILE_TEST_IS_DIR))
        tp_reader_walk (r->sources, inputs[i]);
      else
        g_ptr_array_add (r->sources, g_strdup (inputs[i]));
    }
  for (guint i = 0; i < r->sources->len && r->total_bytes >= 0; i++)
    {
      GStatBuf st;
      const char *path = r->sources->pdata[i];
      if (strcmp (path, "-") == 0 || g_stat (path, &st) != 0
          || !S_ISREG (st.st_mode))
        r->total_bytes = -1;
      else
        r->total_bytes += st.st_size;
    }
  r->format = format;
  r->id_field = g_strdup (id_field ? id_field : "id");
  r->text_field = g_strdup (text_field ? text_field : "text");
  return r;
}

void
tp_reader_free (TpReader *r)
{
  if (r == NULL)
    return;
  if (r->fd > 0)
    close (r->fd);
  tp_block_unref (r->block);
  tp_block_pool_unref (r->pool);
  g_ptr_array_unref (r->sources);
  g_free (r->id_field);
  g_free (r->text_field);
  g_free (r);
}

guint64
tp_reader_get_bytes (const TpReader *r)
{
  return r->bytes;
}

gint64
tp_reader_get_total_bytes (const TpReader *r)
{
  return r->total_bytes;
}

/* The format of @path under the reader's setting. */
static TpInputFormat
tp_reader_format_for (const TpReader *r, const char *path)
{
  if (r->format != TP_INPUT_AUTO)
    return r->format;
  if (g_str_has_suffix (path, ".jsonl") || g_str_has_suffix (path, ".ndjson"))
    return TP_INPUT_JSONL;
  return TP_INPUT_TEXT;
}

/* Reads all of stdin. */
static gboolean
tp_reader_slurp_stdin (GString *out, GError **error)
{
  char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
    g_string_append_len (out, buf, n);
  if (ferror (stdin))
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_READ,
                   "cannot read standard input: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Puts the id field's value in @id: strings as they are, numbers and
 * other values as their JSON text.  FALSE without an id field. */
static gboolean
tp_reader_id_string (const json_t *root, const char *id_field, GString *id)
{
  const json_t *value = json_object_get (root, id_field);

  if (value == NULL)
    return FALSE;
  g_string_truncate (id, 0);
  if (json_is_string (value))
    g_string_append_len (id, json_string_value (value),
                         json_string_length (value));
  else
    tp_json_append_value (id, value);
  return TRUE;
}

/* TRUE when the text, the id or a metadata string of @root holds a NUL
 * character, which a document cannot keep. */
static gboolean
tp_reader_has_nul (const json_t *root)
{
  const char *key;
  json_t *value;

  json_object_foreach ((json_t *)root, key, value)
  {
    if (tp_json_string_has_nul (value))
      return TRUE;
  }
  return FALSE;
}

/* Builds a document from one JSONL record parsed by jansson; puts the
 * record's id in @id (its fallback id when it names none or is broken). */
static TpDocument *
tp_reader_parse_record (const TpReader *r, const TpRawRecord *raw, GString *id,
                        GError **error)
{
  json_t *root, *text, *value;
  TpDocument *doc = NULL;
  const char *bad = NULL, *key;
  GError *parse_error = NULL;
  char *copy;
  GString *json = NULL;

  /* jansson accepts valid UTF-8 only, so the line is checked after a
   * failure, to name the bad byte in our words. */
  root = tp_json_record_parse (raw->data, raw->len, &parse_error);
  if (root == NULL)
    {
      if (!tp_utf8_validate (raw->data, raw->len, &bad))
        g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_INVALID_UTF8,
                     "invalid UTF-8 at byte offset %" G_GSIZE_FORMAT
                     " of the record (byte 0x%02x)",
                     (gsize)(bad - raw->data), (guint)(guchar)*bad);
      else
        /* A malformed line is named by its place (file:line), not by an
         * id read from a record that turned out broken. */
        g_propagate_error (error, g_steal_pointer (&parse_error));
      g_clear_error (&parse_error);
      tp_reader_fallback_id (r, raw, id);
      return NULL;
    }
  if (!tp_reader_id_string (root, r->id_field, id))
    tp_reader_fallback_id (r, raw, id);
  if (tp_reader_has_nul (root))
    {
      g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_NUL_BYTE,
                   "the record holds a NUL character (\\u0000)");
      goto out_root;
    }
  text = json_object_get (root, r->text_field);
  if (!json_is_string (text))
    {
      g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD,
                   "the record has no string field '%s'%s", r->text_field,
                   text ? " (it is not a string)" : "");
      goto out_root;
    }
  copy = g_memdup2 (json_string_value (text), json_string_length (text) + 1);
  doc = tp_document_new_take_valid_utf8 (id->str, id->len, copy,
                                         json_string_length (text), error);
  if (doc == NULL)
    {
      g_free (copy); /* not taken */
      goto out_root;
    }
  json_object_foreach (root, key, value)
  {
    if (value == text || strcmp (key, r->id_field) == 0)
      continue;
    if (json_is_string (value))
      {
        tp_document_set_meta (doc, key, json_string_value (value));
        continue;
      }
    if (json == NULL)
      json = g_string_new (NULL);
    g_string_truncate (json, 0);
    tp_json_append_value (json, value);
    tp_document_set_meta_json (doc, key, json->str);
  }
  if (json)
    g_string_free (json, TRUE);
out_root:
  json_decref (root);
  return doc;
}

/* Opens the next source, or reads it whole for one-document formats into
 * @raw (returning TRUE with raw->data set).  FALSE when no source is left
 * or on an error. */
static gboolean
tp_reader_open_next (TpReader *r, TpRawRecord *raw, GError **error)
{
  const char *path;
  TpInputFormat fmt;

  if (r->next_source >= r->sources->len)
    return FALSE;
  path = r->sources->pdata[r->next_source++];
  fmt = tp_reader_format_for (r, path);
  r->path = path; /* owned by r->sources, which outlives every record */
  r->source = strcmp (path, "-") == 0 ? "stdin" : path;

  if (fmt == TP_INPUT_TEXT)
    {
      char *contents = NULL;
      gsize len = 0;
      GError *local = NULL;
      gboolean ok;

      if (strcmp (path, "-") == 0)
        {
          GString *buf = g_string_new (NULL);
          ok = tp_reader_slurp_stdin (buf, &local);
          len = buf->len;
          contents = g_string_free (buf, FALSE);
        }
      else
        ok = g_file_get_contents (path, &contents, &len, &local);
      if (!ok)
        {
          g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_OPEN, "%s",
                       local->message);
          g_error_free (local);
          g_free (contents);
          return FALSE;
        }
      r->bytes += len;
      raw->data = contents;
      raw->len = len;
      raw->format = TP_INPUT_TEXT;
      raw->source = strcmp (path, "-") == 0 ? "stdin" : path;
      return TRUE;
    }

  r->fd = strcmp (path, "-") == 0 ? STDIN_FILENO : open (path, O_RDONLY);
  r->eof = FALSE;
  r->pos = 0;
  tp_block_unref (g_steal_pointer (&r->block));
  if (r->fd < 0)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_OPEN, "cannot open %s: %s",
                   path, g_strerror (errno));
      return FALSE;
    }
  r->file_format = fmt;
  r->line_no = 0;
  return TRUE;
}

/* Moves the unread rest of the block into a fresh one (bigger when a line
 * fills the whole block) and reads more.  FALSE on a read error. */
static gboolean
tp_reader_refill (TpReader *r, GError **error)
{
  gsize rest = r->block ? r->block->len - r->pos : 0;
  gsize size = MAX (TP_BLOCK_SIZE, rest * 2);
  TpBlock *b = tp_block_new (r->pool, size);

  if (rest > 0)
    memcpy (b->data, r->block->data + r->pos, rest);
  b->len = rest;
  tp_block_unref (r->block);
  r->block = b;
  r->pos = 0;
  while (b->len < b->size && !r->eof)
    {
      ssize_t n = read (r->fd, b->data + b->len, b->size - b->len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_READ,
                       "cannot read %s: %s", r->path, g_strerror (errno));
          return FALSE;
        }
      if (n == 0)
        r->eof = TRUE;
      b->len += n;
      r->bytes += n;
    }
  return TRUE;
}

#ifdef __SSE2__
/* The sixty-four bits of four sixteen-byte masks, @a first. */
static inline guint64
tp_reader_mask64 (__m128i a, __m128i b, __m128i c, __m128i d)
{
  return (guint64)(guint)_mm_movemask_epi8 (a)
         | (guint64)(guint)_mm_movemask_epi8 (b) << 16
         | (guint64)(guint)_mm_movemask_epi8 (c) << 32
         | (guint64)(guint)_mm_movemask_epi8 (d) << 48;
}
#endif

/* Length of the line at @s (up to the first '\n' in @avail bytes, or
 * @avail when there is none), and in *@plain whether its bytes are all
 * ASCII and none is NUL: then the document needs no UTF-8 check.  One
 * pass over the line does what a search for the line break and the
 * document's UTF-8 check did in two: sixty-four bytes at a time with SSE2,
 * where any high bit, or a zero as the least byte, is an odd byte, and
 * the exact places are worked out for the block with the break only. */
static gsize
tp_reader_scan_line (const char *s, gsize avail, gboolean *plain)
{
  gsize i = 0;
  guint64 odd = 0; /* a byte of 0x80 and up, or NUL, seen */

#ifdef __SSE2__
  const __m128i nl = _mm_set1_epi8 ('\n');
  const __m128i zero = _mm_setzero_si128 ();

  for (; i + 64 <= avail; i += 64)
    {
      __m128i a = _mm_loadu_si128 ((const __m128i *)(s + i));
      __m128i b = _mm_loadu_si128 ((const __m128i *)(s + i + 16));
      __m128i c = _mm_loadu_si128 ((const __m128i *)(s + i + 32));
      __m128i d = _mm_loadu_si128 ((const __m128i *)(s + i + 48));
      __m128i na = _mm_cmpeq_epi8 (a, nl), nb = _mm_cmpeq_epi8 (b, nl);
      __m128i nc = _mm_cmpeq_epi8 (c, nl), nd = _mm_cmpeq_epi8 (d, nl);

      if (_mm_movemask_epi8 (
              _mm_or_si128 (_mm_or_si128 (na, nb), _mm_or_si128 (nc, nd)))
          != 0)
        {
          guint64 breaks = tp_reader_mask64 (na, nb, nc, nd);
          guint64 bad = tp_reader_mask64 (a, b, c, d)
                        | tp_reader_mask64 (
                            _mm_cmpeq_epi8 (a, zero), _mm_cmpeq_epi8 (b, zero),
                            _mm_cmpeq_epi8 (c, zero), _mm_cmpeq_epi8 (d, zero));
          guint at = (guint)__builtin_ctzll (breaks);
          *plain = (odd | (bad & ((G_GUINT64_CONSTANT (1) << at) - 1))) == 0;
          return i + at;
        }
      odd |= (guint)_mm_movemask_epi8 (_mm_or_si128 (
          _mm_or_si128 (_mm_or_si128 (a, b), _mm_or_si128 (c, d)),
          _mm_cmpeq_epi8 (
              _mm_min_epu8 (_mm_min_epu8 (a, b), _mm_min_epu8 (c, d)), zero)));
    }
#endif
  for (; i < avail && s[i] != '\n'; i++)
    odd |= (guchar)s[i] >= 0x80 || s[i] == '\0';
  *plain = odd == 0;
  return i;
}

/* Finds the next line in the open file: sets *start and *len (without
 * the line break, where a NUL byte is put so that the line can be a
 * document's text where it is) and *plain (see tp_reader_scan_line).
 * FALSE at the end of the file or on an error. */
static gboolean
tp_reader_next_line (TpReader *r, gsize *start, gsize *len, gboolean *plain,
                     GError **error)
{
  for (;;)
    {
      const char *base = r->block ? r->block->data + r->pos : NULL;
      gsize avail = r->block ? r->block->len - r->pos : 0;
      gsize n = avail ? tp_reader_scan_line (base, avail, plain) : 0;
      gboolean nl = n < avail;

      if (nl || (r->eof && avail > 0))
        {
          *start = r->pos;
          *len = n;
          r->pos += nl ? n + 1 : n;
          if (*len > 0 && base[*len - 1] == '\r')
            (*len)--;
          r->block->data[*start + *len] = '\0'; /* room for it: see new */
          return TRUE;
        }
      if (r->eof)
        return FALSE;
      if (!tp_reader_refill (r, error))
        return FALSE;
    }
}

/* TRUE when @len bytes at @s are all blanks. */
static gboolean
tp_reader_is_blank (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
      return FALSE;
  return TRUE;
}

gboolean
tp_reader_next_raw (TpReader *r, TpRawRecord *raw, GError **error)
{
  gboolean plain;

  return tp_reader_next_raw_plain (r, raw, &plain, error);
}

gboolean
tp_reader_next_raw_plain (TpReader *r, TpRawRecord *raw, gboolean *plain,
                          GError **error)
{
  memset (raw, 0, sizeof *raw);
  *plain = FALSE;
  for (;;)
    {
      gsize start, len;
      GError *local = NULL;

      if (r->fd < 0)
        {
          if (!tp_reader_open_next (r, raw, error))
            return FALSE;
          if (raw->data)
            return TRUE;
        }
      if (!tp_reader_next_line (r, &start, &len, plain, &local))
        {
          if (r->fd > 0)
            close (r->fd);
          r->fd = -1;
          tp_block_unref (g_steal_pointer (&r->block));
          if (local)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          continue;
        }
      r->line_no++;
      /* blank lines between JSONL records are not records */
      if (r->file_format == TP_INPUT_JSONL
          && tp_reader_is_blank (r->block->data + start, len))
        continue;
      raw->data = r->block->data + start;
      raw->len = len;
      raw->block = tp_block_ref (r->block);
      raw->format = r->file_format;
      raw->source = r->source;
      raw->line = r->line_no;
      return TRUE;
    }
}

/* The id a thread made last for a line of a source: a record's is most
 * often the next line's, made by counting on in decimal. */
#define TP_LAST_ID_ROOM 128

typedef struct {
  guint64 serial;     /* of the reader, 0 for none */
  const char *source; /* the source's path, owned by the reader */
  gsize source_len;
  guint64 line; /* the line of id, 0 when id holds none */
  gsize len;    /* of id */
  char id[TP_LAST_ID_ROOM];
} TpLastId;

/* Counts the decimal number that ends @id (@len bytes, after a ':' at
 * @colon) on by one, in place; returns the new length (one more when it
 * grows a digit). */
static gsize
tp_last_id_increment (char *id, gsize len, gsize colon)
{
  gsize k = len;

  while (k > colon + 1 && id[k - 1] == '9')
    id[--k] = '0';
  if (k > colon + 1)
    {
      id[k - 1]++;
      return len;
    }
  /* all nines: one digit more, a 1 followed by zeros */
  id[colon + 1] = '1';
  id[len] = '0';
  return len + 1;
}

/* Puts the id of a record that names none in @id: "FILE:LINE" for every
 * line of a --lines or JSONL input (no printf), else the path.  What the
 * thread made last for reader @r (or NULL) is kept: records of a file
 * come one after the other, so the source's length is known and the line
 * is mostly the last one's plus one, counted on in place instead of
 * formatted.  A reader's serial tells its sources from those of a reader
 * freed before, which may have been at the same address. */
static void
tp_reader_fallback_id (const TpReader *r, const TpRawRecord *raw, GString *id)
{
  static TP_TLS TpLastId last;
  gsize n;
  char *p;

  if (r == NULL || r->serial != last.serial || raw->source != last.source)
    {
      last.serial = r ? r->serial : 0;
      last.source = raw->source;
      last.source_len = strlen (raw->source);
      last.line = 0;
    }
  n = last.source_len;
  id->len = 0;
  if (raw->line > 0 && raw->line == last.line + 1 && last.line > 0
      && last.len + 1 < TP_LAST_ID_ROOM)
    {
      /* copied before it is counted on, in both places: a load of bytes
       * just stored one at a time would wait for them */
      gsize k = last.len;

      p = tp_json_reserve (id, k + 1);
      tp_copy_small (p, last.id, k);
      k = tp_last_id_increment (p, k, n);
      p[k] = '\0';
      id->len = k;
      last.len = tp_last_id_increment (last.id, last.len, n);
      last.line = raw->line;
      return;
    }
  p = tp_json_reserve (id, n + 1 + 21);
  tp_copy_small (p, raw->source, n);
  p += n;
  if (raw->line > 0)
    {
      *p++ = ':';
      p = tp_put_uint (p, raw->line);
    }
  *p = '\0';
  id->len = p - id->str;
  /* kept for the next line when it fits */
  last.line = 0;
  if (raw->line > 0 && id->len < TP_LAST_ID_ROOM - 1)
    {
      memcpy (last.id, id->str, id->len);
      last.len = id->len;
      last.line = raw->line;
    }
}

/* What keeps @raw's data alive, and how to let it go (as
 * tp_raw_record_clear would): its block, or the data itself, a whole file
 * read into memory. */
static void
tp_raw_record_owner (const TpRawRecord *raw, gpointer *owner,
                     GDestroyNotify *release)
{
  *owner = raw->block ? (gpointer)raw->block : (gpointer)raw->data;
  *release = raw->block ? tp_block_release : g_free;
}

/* The text of a line becomes the document's without a copy: the document
 * keeps what holds it (the line is NUL-terminated there). */
static TpDocument *
tp_reader_parse_line (TpRawRecord *raw, const GString *id, gboolean plain,
                      GError **error)
{
  gpointer owner;
  GDestroyNotify release;
  TpDocument *doc;

  tp_raw_record_owner (raw, &owner, &release);
  doc = tp_document_new_borrowed (id->str, id->len, raw->data, raw->len, owner,
                                  release, plain, error);
  if (doc)
    {
      raw->block = NULL;
      raw->data = NULL;
    }
  return doc;
}

TpDocument *
tp_reader_parse_with_id (const TpReader *r, TpRawRecord *raw, gboolean plain,
                         GString *id, GError **error)
{
  gpointer owner;
  GDestroyNotify release;
  TpDocument *doc;

  if (raw->format == TP_INPUT_JSONL)
    {
      doc = tp_reader_parse_record (r, raw, id, error);
      if (doc == NULL)
        return NULL;
      /* the line is kept for the reject file, where it is */
      tp_raw_record_owner (raw, &owner, &release);
      tp_document_borrow_record (doc, raw->data, owner, release);
      raw->block = NULL;
      raw->data = NULL;
      return doc;
    }
  tp_reader_fallback_id (r, raw, id);
  return tp_reader_parse_line (raw, id, plain, error);
}

TpDocument *
tp_reader_parse (const TpReader *r, TpRawRecord *raw, char **record_id,
                 GError **error)
{
  GString *id = g_string_new (NULL);
  TpDocument *doc = tp_reader_parse_with_id (r, raw, FALSE, id, error);

  *record_id = g_string_free (id, FALSE);
  return doc;
}

char *
tp_raw_record_fallback_id (const TpRawRecord *raw)
{
  GString *id = g_string_new (NULL);

  tp_reader_fallback_id (NULL, raw, id);
  return g_string_free (id, FALSE);
}

void
tp_raw_record_clear (TpRawRecord *raw)
{
  if (raw->block)
    tp_block_unref (raw->block);
  else if (raw->data)
    g_free (raw->data);
  memset (raw, 0, sizeof *raw);
}

gboolean
tp_reader_next (TpReader *r, TpDocument **doc, char **record_id,
                char **raw_record, GError **error)
{
  TpRawRecord raw;

  *doc = NULL;
  *record_id = NULL;
  *raw_record = NULL;
  if (!tp_reader_next_raw (r, &raw, error))
    return FALSE;
  *doc = tp_reader_parse (r, &raw, record_id, error);
  if (*doc == NULL && raw.format != TP_INPUT_TEXT)
    *raw_record = g_strndup (raw.data, raw.len);
  tp_raw_record_clear (&raw);
  return TRUE;
}
