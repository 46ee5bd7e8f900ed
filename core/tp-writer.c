/* tp-writer.c: documents to JSON lines, and atomically written files. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "tp-private.h"

/* ---- offsets --------------------------------------------------------- */

#define TP_BLOCK 64

/* Code points in bytes [@from, @to) of @text: the bytes that are not UTF-8
 * continuation bytes (10xxxxxx), counted eight at a time. */
static gsize
tp_offset_count (const char *text, gsize from, gsize to)
{
  gsize n = 0, i = from;

  for (; i + 8 <= to; i += 8)
    {
      guint64 w;
      memcpy (&w, text + i, 8);
      /* bit 7 set and bit 6 (shifted into bit 7) clear */
      n += 8 - (gsize)__builtin_popcountll (w & ~(w << 1) & TP_HIGH_BITS);
    }
  for (; i < to; i++)
    n += ((guchar)text[i] & 0xC0) != 0x80;
  return n;
}

void
tp_offset_map_init (TpOffsetMap *map, const char *text, gsize length,
                    gboolean ascii)
{
  guint32 cp = 0;

  map->text = text;
  map->length = length;
  map->cp_at_block = NULL;
  map->last_byte = 0;
  map->last_cp = 0;
  map->ascii = ascii || tp_utf8_is_ascii (text, length);
  if (map->ascii)
    return;
  map->cp_at_block = g_new (guint32, length / TP_BLOCK + 1);
  for (gsize k = 0; k <= length / TP_BLOCK; k++)
    {
      map->cp_at_block[k] = cp;
      cp += tp_offset_count (text, k * TP_BLOCK,
                             MIN ((k + 1) * TP_BLOCK, length));
    }
}

gsize
tp_offset_map_convert (TpOffsetMap *map, gsize b)
{
  gsize block_start;

  if (map->ascii)
    return b;
  if (b > map->length)
    b = map->length;
  /* Count on from the last answer, unless @b is before it or the table
   * gets nearer. */
  block_start = b / TP_BLOCK * TP_BLOCK;
  if (b < map->last_byte || block_start > map->last_byte)
    {
      map->last_byte = block_start;
      map->last_cp = map->cp_at_block[b / TP_BLOCK];
    }
  map->last_cp += tp_offset_count (map->text, map->last_byte, b);
  map->last_byte = b;
  return map->last_cp;
}

void
tp_offset_map_clear (TpOffsetMap *map)
{
  g_free (map->cp_at_block);
  map->cp_at_block = NULL;
}

/* ---- JSON ------------------------------------------------------------ */

#ifdef __SSE2__
/* Nonzero when one of the sixteen bytes at @s needs an escape in a JSON
 * string or is not ASCII: the signed compare below 0x20 catches control
 * characters and (as negative) bytes of 0x80 and up. */
static inline int
tp_json_chunk_special (const char *s)
{
  __m128i v = _mm_loadu_si128 ((const __m128i *)s);
  __m128i bad
      = _mm_or_si128 (_mm_cmplt_epi8 (v, _mm_set1_epi8 (0x20)),
                      _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('"')),
                                    _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\\'))));
  return _mm_movemask_epi8 (bad);
}
#endif

/* Length of the run at the start of @s (@n bytes) that a JSON string
 * holds as it is: ASCII with no quote, backslash or control character
 * (ids, keys, names and most values are nothing else).  Sixteen bytes at a
 * time with SSE2 (the last sixteen overlapping), else eight. */
static gsize
tp_json_plain_run (const char *s, gsize n)
{
  gsize i = 0;

#ifdef __SSE2__
  for (; i + 16 <= n; i += 16)
    if (tp_json_chunk_special (s + i))
      break;
  if (i < n && i + 16 > n && n >= 16 && !tp_json_chunk_special (s + n - 16))
    return n;
#endif
  for (; i + 8 <= n; i += 8)
    {
      guint64 w;
      memcpy (&w, s + i, 8);
      if (tp_json_word_has_special (w) | (w & TP_HIGH_BITS))
        break;
    }
  if (i < n && i + 8 > n && n >= 8)
    {
      /* fewer than eight left: the last eight bytes, overlapping bytes
       * found plain above */
      guint64 w;
      memcpy (&w, s + n - 8, 8);
      if (!(tp_json_word_has_special (w) | (w & TP_HIGH_BITS)))
        return n;
    }
  for (; i < n; i++)
    {
      guchar c = (guchar)s[i];
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
        break;
    }
  return i;
}

/* Appends @s (@n bytes, nothing in it to escape) between quotes, with
 * one reserve and one copy. */
static inline void
tp_json_put_quoted (GString *out, const char *s, gsize n)
{
  char *p = tp_json_reserve (out, n + 2);

  p[0] = '"';
  tp_copy_small (p + 1, s, n);
  p[n + 1] = '"';
  p[n + 2] = '\0';
  out->len += n + 2;
}

void
tp_json_append_string (GString *out, const char *s, gssize len)
{
  static const char hex[] = "0123456789abcdef";
  gsize n = len < 0 ? strlen (s) : (gsize)len;
  gsize plain = tp_json_plain_run (s, n);
  const char *end = s + n;
  const char *run = s;

  if (plain == n)
    {
      /* nothing to escape: one copy between the quotes */
      tp_json_put_quoted (out, s, n);
      return;
    }
  s += plain;
  g_string_append_c (out, '"');
  while (s < end)
    {
      guchar c;
      guint64 w;

      /* eight plain ASCII bytes at a time: no quote, backslash, control
       * or non-ASCII byte among them */
      while (end - s >= 8)
        {
          memcpy (&w, s, 8);
          if (tp_json_word_has_special (w) | (w & TP_HIGH_BITS))
            break;
          s += 8;
        }
      if (s >= end)
        break;
      c = (guchar)*s;
      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80)
        {
          s++;
          continue;
        }
      if (c >= 0x80)
        {
          /* Valid UTF-8 passes through; a stray byte becomes U+FFFD so
           * the line stays valid JSON. */
          gsize clen = tp_utf8_sequence ((const guchar *)s, end - s);
          if (clen > 0)
            {
              s += clen;
              continue;
            }
          g_string_append_len (out, run, s - run);
          tp_json_put_literal (out, "\\ufffd");
          s++;
          run = s;
          continue;
        }
      g_string_append_len (out, run, s - run);
      switch (c)
        {
        case '"':
          tp_json_put_literal (out, "\\\"");
          break;
        case '\\':
          tp_json_put_literal (out, "\\\\");
          break;
        case '\n':
          tp_json_put_literal (out, "\\n");
          break;
        case '\r':
          tp_json_put_literal (out, "\\r");
          break;
        case '\t':
          tp_json_put_literal (out, "\\t");
          break;
        default:
          tp_json_put_literal (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 15]);
        }
      s++;
      run = s;
    }
  g_string_append_len (out, run, s - run);
  g_string_append_c (out, '"');
}

/* Appends @s (@n bytes) as a JSON string when it is 16 to 32 bytes of
 * plain ASCII (an id such as "file.txt:1234"): two overlapping sixteen-byte
 * tests and copies, inlined; FALSE, appending nothing, for another
 * string. */
static inline gboolean
tp_json_put_short_plain (GString *out, const char *s, gsize n)
{
#ifdef __SSE2__
  if (n < 16 || n > 32
      || (tp_json_chunk_special (s) | tp_json_chunk_special (s + n - 16)))
    return FALSE;
  tp_json_put_quoted (out, s, n);
  return TRUE;
#else
  (void)out;
  (void)s;
  (void)n;
  return FALSE;
#endif
}

/* qsort order of metadata entries: by key. */
static int
tp_meta_compare (const void *a, const void *b)
{
  return strcmp ((*(TpMeta *const *)a)->key, (*(TpMeta *const *)b)->key);
}

void
tp_document_to_json_cached (const TpDocument *doc, const TpWriteOptions *opts,
                            TpJsonCache *cache, GString *out)
{
  TpOffsetMap map;
  gboolean first = TRUE;
  gboolean spans_out = FALSE;

  /* Offsets are converted only when some written layer has spans. */
  for (guint i = 0; i < doc->n_layers && !spans_out; i++)
    {
      const TpLayer *layer = doc->layers[i];
      spans_out = layer->len > 0
                  && !(opts && opts->layers
                       && !g_strv_contains (opts->layers, layer->name));
    }
  if (!spans_out || doc->ascii || (opts && opts->offsets == TP_OFFSETS_BYTES))
    {
      /* offsets as they are (tp_offset_map_init would find the same for
       * ASCII text) */
      memset (&map, 0, sizeof map);
      map.ascii = TRUE;
    }
  else
    tp_offset_map_init (&map, doc->text, doc->length, doc->ascii);

  tp_json_put_literal (out, "{\"id\":");
  if (!tp_json_put_short_plain (out, doc->id, doc->id_len))
    tp_json_append_string (out, doc->id, doc->id_len);
  if (doc->meta && doc->meta->len > 0)
    {
      /* entries in key order, written straight from the entries */
      guint n = doc->meta->len;
      TpMeta **sorted = g_newa (TpMeta *, MIN (n, 64));
      TpMeta **heap = n > 64 ? g_new (TpMeta *, n) : NULL;
      TpMeta **e = heap ? heap : sorted;

      memcpy (e, doc->meta->pdata, n * sizeof *e);
      qsort (e, n, sizeof *e, tp_meta_compare);
      tp_json_put_literal (out, ",\"meta\":{");
      for (guint k = 0; k < n; k++)
        {
          if (k)
            g_string_append_c (out, ',');
          tp_json_append_string (out, e[k]->key, -1);
          g_string_append_c (out, ':');
          if (e[k]->json)
            g_string_append (out, e[k]->value); /* checked JSON, as read */
          else
            tp_json_append_string (out, e[k]->value, -1);
        }
      g_string_append_c (out, '}');
      g_free (heap);
    }
  if (opts && opts->include_text)
    {
      tp_json_put_literal (out, ",\"text\":");
      tp_json_append_string (out, doc->text, doc->length);
    }
  tp_json_put_literal (out, ",\"layers\":{");
  for (guint i = 0; i < doc->n_layers; i++)
    {
      const TpLayer *layer = doc->layers[i];
      if (opts && opts->layers && !g_strv_contains (opts->layers, layer->name))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      tp_json_append_layer (out, layer, &map,
                            opts ? opts->layout : TP_LAYOUT_ROWS, cache);
    }
  tp_json_put_literal (out, "}}\n");
  if (map.cp_at_block)
    tp_offset_map_clear (&map);
}

void
tp_document_to_json (const TpDocument *doc, const TpWriteOptions *opts,
                     GString *out)
{
  tp_document_to_json_cached (doc, opts, NULL, out);
}

/* ---- atomic output files --------------------------------------------- */

/* Data goes to "<path>.partial", renamed to <path> only when the run ends
 * well: a file at <path> is always complete.  An interrupted run leaves the
 * partial file for --resume.  Stdout and paths that are not regular files
 * (/dev/null, a FIFO, /dev/stdout) are written in place: renaming over a
 * device would replace it with a plain file. */
struct _TpOutput {
  char *path;     /* final name of an atomic file, else NULL */
  char *tmp_path; /* "<path>.partial", else NULL */
  char *name;     /* what error messages call this output */
  FILE *fp;
  gboolean own_fp; /* fp is ours to close (not stdout) */
  guint64 length;  /* bytes handed to fwrite */
};

/* TRUE when PATH exists and is not a regular file: a device, FIFO or
 * socket, which must be written in place. */
gboolean
tp_output_is_special (const char *path)
{
  struct stat st;

  return stat (path, &st) == 0 && !S_ISREG (st.st_mode);
}

static void
tp_output_free (TpOutput *out)
{
  g_free (out->path);
  g_free (out->tmp_path);
  g_free (out->name);
  g_free (out);
}

/* An output written in place: stdout for NULL or "-", else the special
 * file at PATH. */
static TpOutput *
tp_output_open_direct (const char *path, GError **error)
{
  TpOutput *out = g_new0 (TpOutput, 1);

  if (path == NULL || strcmp (path, "-") == 0)
    {
      out->name = g_strdup ("stdout");
      out->fp = stdout;
      return out;
    }
  out->name = g_strdup (path);
  out->fp = fopen (path, "wb");
  out->own_fp = TRUE;
  if (out->fp == NULL)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_OPEN, "cannot open %s: %s",
                   path, g_strerror (errno));
      tp_output_free (out);
      return NULL;
    }
  return out;
}

/* An atomic output at PATH, its data going first to PATH.partial, opened
 * with fopen MODE. */
static TpOutput *
tp_output_open_atomic (const char *path, const char *mode)
{
  TpOutput *out = g_new0 (TpOutput, 1);

  out->path = g_strdup (path);
  out->tmp_path = g_strconcat (path, ".partial", NULL);
  out->name = g_strdup (out->tmp_path);
  out->own_fp = TRUE;
  out->fp = fopen (out->tmp_path, mode);
  return out;
}

TpOutput *
tp_output_open (const char *path, GError **error)
{
  TpOutput *out;

  if (path == NULL || strcmp (path, "-") == 0 || tp_output_is_special (path))
    return tp_output_open_direct (path, error);
  out = tp_output_open_atomic (path, "wb");
  if (out->fp == NULL)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_OPEN, "cannot create %s: %s",
                   out->tmp_path, g_strerror (errno));
      tp_output_free (out);
      return NULL;
    }
  return out;
}

TpOutput *
tp_output_resume (const char *path, guint64 length, GError **error)
{
  TpOutput *out;
  char *tmp_path;
  gboolean fresh;

  g_return_val_if_fail (path != NULL && strcmp (path, "-") != 0, NULL);
  if (tp_output_is_special (path))
    return tp_output_open_direct (path, error);
  tmp_path = g_strconcat (path, ".partial", NULL);
  fresh = length == 0 && !g_file_test (tmp_path, G_FILE_TEST_EXISTS);
  g_free (tmp_path);
  if (fresh)
    return tp_output_open (path, error);
  out = tp_output_open_atomic (path, "r+b");
  if (out->fp == NULL || ftruncate (fileno (out->fp), (off_t)length) != 0
      || fseeko (out->fp, (off_t)length, SEEK_SET) != 0)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_OPEN,
                   "cannot reopen %s to resume: %s", out->tmp_path,
                   g_strerror (errno));
      if (out->fp)
        fclose (out->fp);
      tp_output_free (out);
      return NULL;
    }
  out->length = length;
  return out;
}

gboolean
tp_output_write (TpOutput *out, const char *data, gsize len, GError **error)
{
  if (len > 0 && fwrite (data, 1, len, out->fp) != len)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_WRITE, "cannot write %s: %s",
                   out->name, g_strerror (errno));
      return FALSE;
    }
  out->length += len;
  return TRUE;
}

gboolean
tp_output_flush (TpOutput *out, guint64 *length, GError **error)
{
  if (fflush (out->fp) != 0)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_WRITE, "cannot write %s: %s",
                   out->name, g_strerror (errno));
      return FALSE;
    }
  if (length)
    *length = out->length;
  return TRUE;
}

gboolean
tp_output_suspend (TpOutput *out, GError **error)
{
  gboolean ok = tp_output_flush (out, NULL, error);

  if (out->path)
    {
      if (fsync (fileno (out->fp)) != 0 && ok)
        {
          g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_WRITE,
                       "cannot sync %s: %s", out->tmp_path, g_strerror (errno));
          ok = FALSE;
        }
    }
  if (out->own_fp)
    fclose (out->fp);
  tp_output_free (out);
  return ok;
}

gboolean
tp_output_commit (TpOutput *out, GError **error)
{
  gboolean ok = TRUE;

  if (fflush (out->fp) != 0 || ferror (out->fp))
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_WRITE, "cannot write %s: %s",
                   out->name, g_strerror (errno));
      ok = FALSE;
    }
  if (out->path && ok && fsync (fileno (out->fp)) != 0)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_WRITE, "cannot sync %s: %s",
                   out->tmp_path, g_strerror (errno));
      ok = FALSE;
    }
  if (out->own_fp && fclose (out->fp) != 0 && ok)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_WRITE, "cannot close %s: %s",
                   out->name, g_strerror (errno));
      ok = FALSE;
    }
  if (out->path)
    {
      if (ok && rename (out->tmp_path, out->path) != 0)
        {
          g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_WRITE,
                       "cannot rename %s to %s: %s", out->tmp_path, out->path,
                       g_strerror (errno));
          ok = FALSE;
        }
      if (!ok)
        unlink (out->tmp_path);
    }
  tp_output_free (out);
  return ok;
}

void
tp_output_abort (TpOutput *out)
{
  if (out == NULL)
    return;
  if (out->own_fp)
    fclose (out->fp);
  else
    fflush (out->fp);
  if (out->path)
    unlink (out->tmp_path);
  tp_output_free (out);
}
