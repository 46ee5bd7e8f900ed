/* tp-document.c: a document: id, immutable text, metadata, layers. */
#include "config.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "tp-private.h"

void tp_layer_free (TpLayer *layer);
TpLayer *tp_layer_new_len (const char *name, gsize name_len,
                           const TpAttrSpec *attrs);

/* Checks the size and (unless @known_utf8) the encoding of @text, for an
 * error message that says where the first bad byte is (a NUL byte is named
 * as such); *@ascii is set to whether the text is known to be all ASCII. */
static gboolean
tp_document_check_text (const char *text, gsize len, gboolean known_utf8,
                        gboolean *ascii, GError **error)
{
  const char *end = NULL;

  *ascii = FALSE;
  if (len > TP_DOCUMENT_MAX_LENGTH)
    {
      g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_TOO_LARGE,
                   "document of %" G_GSIZE_FORMAT
                   " bytes is larger than the limit of %" G_GSIZE_FORMAT,
                   len, TP_DOCUMENT_MAX_LENGTH);
      return FALSE;
    }
  if (known_utf8)
    return TRUE; /* the JSON reader has refused NUL bytes and escapes */
  /* The check stops at the first NUL or invalid byte, whichever comes
   * first, as a search for NUL followed by a check before it would. */
  if (tp_utf8_check (text, len, &end, ascii))
    return TRUE;
  if (*end == '\0')
    {
      g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_NUL_BYTE,
                   "NUL byte at byte offset %" G_GSIZE_FORMAT,
                   (gsize)(end - text));
      return FALSE;
    }
  g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_INVALID_UTF8,
               "invalid UTF-8 at byte offset %" G_GSIZE_FORMAT " (byte 0x%02x)",
               (gsize)(end - text), (guint)(guchar)*end);
  return FALSE;
}

/* Memory for a document whose id has @id_len bytes: a block of the
 * thread's pool when the id fits the usual room. */
static TpDocument *
tp_document_alloc (gsize id_len)
{
  if (id_len >= TP_DOCUMENT_ID_ROOM)
    return g_malloc (sizeof (TpDocument) + id_len + 1);
  return tp_pool_alloc (TP_POOL_DOCUMENT);
}

/* Gives back the memory of @doc: to the pool when it has the usual size. */
static void
tp_document_release (TpDocument *doc)
{
  if (doc->id_len >= TP_DOCUMENT_ID_ROOM)
    g_free (doc);
  else
    tp_pool_release (TP_POOL_DOCUMENT, doc);
}

/* A document around @text, a NUL-terminated string of @n bytes that it
 * takes (with g_free, or by releasing @owner when that is set); the id is
 * kept in the document's own allocation. */
static TpDocument *
tp_document_wrap (const char *id, gsize id_len, char *text, gsize n,
                  gpointer owner, GDestroyNotify release, gboolean ascii)
{
  TpDocument *doc = tp_document_alloc (id_len);

  /* every field but the empty layer slots, without a memset (rep stos,
   * slow to start for a struct this small) */
  doc->id = (char *)(doc + 1);
  doc->id_len = id_len;
  doc->text = text;
  doc->length = n;
  doc->text_owner = owner;
  doc->text_release = release;
  doc->ascii = ascii;
  doc->meta = NULL;
  doc->meta_index = NULL;
  doc->layers = doc->layer_slots;
  doc->n_layers = 0;
  doc->layers_cap = TP_DOCUMENT_LAYER_SLOTS;
  doc->dropped = FALSE;
  doc->drop_reason = NULL;
  doc->record = NULL;
  doc->record_owner = NULL;
  doc->record_release = NULL;
  tp_copy_small (doc->id, id, id_len);
  doc->id[id_len] = '\0';
  return doc;
}

/* Makes a document; @known_utf8 skips the UTF-8 check for text a JSON
 * parser has checked already. */
static TpDocument *
tp_document_make (const char *id, const char *text, gssize len,
                  gboolean known_utf8, GError **error)
{
  char *copy;
  gsize n;
  gboolean ascii;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  n = len < 0 ? strlen (text) : (gsize)len;
  if (!tp_document_check_text (text ? text : "", n, known_utf8, &ascii, error))
    return NULL;
  copy = g_malloc (n + 1);
  if (n > 0)
    memcpy (copy, text, n);
  copy[n] = '\0';
  return tp_document_wrap (id, strlen (id), copy, n, NULL, NULL, ascii);
}

TpDocument *
tp_document_new_take_valid_utf8 (const char *id, gsize id_len, char *text,
                                 gsize len, GError **error)
{
  gboolean ascii;

  g_return_val_if_fail (id != NULL && text != NULL, NULL);
  if (!tp_document_check_text (text, len, TRUE, &ascii, error))
    return NULL;
  return tp_document_wrap (id, id_len, text, len, NULL, NULL, ascii);
}

TpDocument *
tp_document_new_borrowed (const char *id, gsize id_len, const char *text,
                          gsize len, gpointer owner, GDestroyNotify release,
                          gboolean plain, GError **error)
{
  gboolean ascii;

  g_return_val_if_fail (id != NULL && text != NULL && text[len] == '\0', NULL);
  g_return_val_if_fail (owner != NULL && release != NULL, NULL);
  /* a plain line (all ASCII, no NUL: the reader looked) needs no check of
   * its encoding */
  if (!tp_document_check_text (text, len, plain, &ascii, error))
    return NULL;
  ascii = ascii || plain;
  return tp_document_wrap (id, id_len, (char *)text, len, owner, release,
                           ascii);
}

TpDocument *
tp_document_new (const char *id, const char *text, gssize len, GError **error)
{
  return tp_document_make (id, text, len, FALSE, error);
}

TpDocument *
tp_document_new_valid_utf8 (const char *id, const char *text, gsize len,
                            GError **error)
{
  return tp_document_make (id, text, len, TRUE, error);
}

/* Lets go of the document's input record: releases what holds it when
 * borrowed, else frees the copy. */
static void
tp_document_clear_record (TpDocument *doc)
{
  if (doc->record_release)
    doc->record_release (doc->record_owner);
  else if (doc->record)
    g_free (doc->record);
  doc->record = NULL;
  doc->record_owner = NULL;
  doc->record_release = NULL;
}

void
tp_document_free (TpDocument *doc)
{
  if (doc == NULL)
    return;
  if (doc->text_release)
    doc->text_release (doc->text_owner);
  else
    g_free (doc->text);
  if (doc->meta_index)
    g_hash_table_unref (doc->meta_index);
  if (doc->meta)
    g_ptr_array_unref (doc->meta);
  for (guint i = 0; i < doc->n_layers; i++)
    tp_layer_free (doc->layers[i]);
  if (doc->layers != doc->layer_slots)
    g_free (doc->layers);
  if (doc->drop_reason)
    g_free (doc->drop_reason);
  if (doc->record)
    tp_document_clear_record (doc);
  tp_document_release (doc); /* with its id */
}

const char *
tp_document_get_id (const TpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->id;
}

const char *
tp_document_get_text (const TpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->text;
}

gsize
tp_document_get_length (const TpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->length;
}

/* Past this many entries, keys are looked up in a hash table: a record
 * with thousands of fields must not take quadratic time. */
#define TP_META_INDEX_AT 16

/* The entry of @key, or NULL; @index receives its place in doc->meta. */
static TpMeta *
tp_document_find_meta (const TpDocument *doc, const char *key, guint *index)
{
  TpMeta *m;

  if (doc->meta == NULL)
    return NULL;
  if (doc->meta_index)
    {
      m = g_hash_table_lookup (doc->meta_index, key);
      if (m && index)
        *index = m->pos;
      return m;
    }
  for (guint i = 0; i < doc->meta->len; i++)
    {
      m = doc->meta->pdata[i];
      if (strcmp (m->key, key) == 0)
        {
          if (index)
            *index = i;
          return m;
        }
    }
  return NULL;
}

/* Sets, replaces or (for a NULL @value) removes an entry.  Entries are
 * unordered (keys are sorted when listed). */
static void
tp_document_put_meta (TpDocument *doc, const char *key, const char *value,
                      gboolean json)
{
  gsize nk, nv;
  TpMeta *m;
  guint index;

  m = tp_document_find_meta (doc, key, &index);
  if (m != NULL)
    {
      if (doc->meta_index)
        g_hash_table_remove (doc->meta_index, m->key);
      g_ptr_array_remove_index_fast (doc->meta, index);
      if (index < doc->meta->len) /* the last entry moved here */
        ((TpMeta *)doc->meta->pdata[index])->pos = index;
    }
  if (value == NULL)
    return;
  if (doc->meta == NULL)
    doc->meta = g_ptr_array_new_with_free_func (g_free);
  nk = strlen (key) + 1;
  nv = strlen (value) + 1;
  m = g_malloc (sizeof (TpMeta) + nk + nv);
  m->key = (char *)(m + 1);
  m->value = m->key + nk;
  memcpy (m->key, key, nk);
  memcpy (m->value, value, nv);
  m->json = json;
  m->pos = doc->meta->len;
  g_ptr_array_add (doc->meta, m);
  if (doc->meta_index == NULL && doc->meta->len >= TP_META_INDEX_AT)
    {
      doc->meta_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < doc->meta->len; i++)
        {
          TpMeta *e = doc->meta->pdata[i];
          g_hash_table_insert (doc->meta_index, e->key, e);
        }
    }
  else if (doc->meta_index)
    g_hash_table_insert (doc->meta_index, m->key, m);
}

const char *
tp_document_get_meta (const TpDocument *doc, const char *key)
{
  const TpMeta *m;

  g_return_val_if_fail (doc != NULL && key != NULL, NULL);
  m = tp_document_find_meta (doc, key, NULL);
  return m ? m->value : NULL;
}

void
tp_document_set_meta (TpDocument *doc, const char *key, const char *value)
{
  g_return_if_fail (doc != NULL && key != NULL);
  tp_document_put_meta (doc, key, value, FALSE);
}

void
tp_document_set_meta_json (TpDocument *doc, const char *key, const char *json)
{
  g_return_if_fail (doc != NULL && key != NULL && json != NULL);
  tp_document_put_meta (doc, key, json, TRUE);
}

gboolean
tp_document_meta_is_json (const TpDocument *doc, const char *key)
{
  const TpMeta *m = tp_document_find_meta (doc, key, NULL);
  return m != NULL && m->json;
}

GList *
tp_document_get_meta_keys (const TpDocument *doc)
{
  GList *keys = NULL;

  g_return_val_if_fail (doc != NULL, NULL);
  for (guint i = 0; doc->meta && i < doc->meta->len; i++)
    keys = g_list_prepend (keys, ((TpMeta *)doc->meta->pdata[i])->key);
  return g_list_sort (keys, (GCompareFunc)strcmp);
}

/* The layer named @name, of @n bytes, or NULL. */
static inline TpLayer *
tp_document_find_layer (const TpDocument *doc, const char *name, gsize n)
{
  for (guint i = 0; i < doc->n_layers; i++)
    if (tp_layer_has_name (doc->layers[i], name, n))
      return doc->layers[i];
  return NULL;
}

TpLayer *
tp_document_get_layer (const TpDocument *doc, const char *name)
{
  g_return_val_if_fail (doc != NULL && name != NULL, NULL);
  return tp_document_find_layer (doc, name, strlen (name));
}

/* Appends @layer to the document's layers, moving them to the heap when
 * the slots inside the document are full. */
static void
tp_document_push_layer (TpDocument *doc, TpLayer *layer)
{
  if (doc->n_layers == doc->layers_cap)
    {
      guint cap = doc->layers_cap * 2;
      if (doc->layers == doc->layer_slots)
        {
          doc->layers = g_new (TpLayer *, cap);
          memcpy (doc->layers, doc->layer_slots,
                  doc->n_layers * sizeof (TpLayer *));
        }
      else
        doc->layers = g_renew (TpLayer *, doc->layers, cap);
      doc->layers_cap = cap;
    }
  doc->layers[doc->n_layers++] = layer;
}

TpLayer *
tp_document_add_layer (TpDocument *doc, const char *name,
                       const TpAttrSpec *attrs, GError **error)
{
  TpLayer *layer;
  gsize n;

  g_return_val_if_fail (doc != NULL && name != NULL, NULL);
  n = strlen (name);
  if (tp_document_find_layer (doc, name, n) != NULL)
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_FAILED,
                   "layer '%s' exists already in document '%s'", name, doc->id);
      return NULL;
    }
  layer = tp_layer_new_len (name, n, attrs);
  tp_document_push_layer (doc, layer);
  return layer;
}

guint
tp_document_get_n_layers (const TpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->n_layers;
}

TpLayer *
tp_document_get_nth_layer (const TpDocument *doc, guint n)
{
  g_return_val_if_fail (doc != NULL && n < doc->n_layers, NULL);
  return doc->layers[n];
}

void
tp_document_drop (TpDocument *doc, const char *reason)
{
  g_return_if_fail (doc != NULL);
  doc->dropped = TRUE;
  g_free (doc->drop_reason);
  doc->drop_reason = g_strdup (reason);
}

gboolean
tp_document_is_dropped (const TpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  return doc->dropped;
}

const char *
tp_document_get_drop_reason (const TpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->drop_reason;
}

void
tp_document_borrow_record (TpDocument *doc, const char *record, gpointer owner,
                           GDestroyNotify release)
{
  g_return_if_fail (doc != NULL && record != NULL && release != NULL);
  tp_document_clear_record (doc);
  doc->record = (char *)record;
  doc->record_owner = owner;
  doc->record_release = release;
}

const char *
tp_document_get_record (const TpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->record;
}

void
tp_document_set_record (TpDocument *doc, const char *record, gssize len)
{
  g_return_if_fail (doc != NULL);
  tp_document_clear_record (doc);
  doc->record = record
                    ? g_strndup (record, len < 0 ? strlen (record) : (gsize)len)
                    : NULL;
}

/* TRUE when some span of @layer from @k on is reversed or ends past
 * @limit.  Every span is tested without a branch: four at a time with
 * SSE2 (unsigned compares as signed ones on values with the top bit
 * flipped), else in 64 bits, where end - start and limit - end wrap around
 * (setting the top bit) exactly when start > end or end > limit. */
static gboolean
tp_document_any_bad_span (const TpLayer *layer, guint k, guint32 limit)
{
  guint64 bad = 0;

#ifdef __SSE2__
  const __m128i flip = _mm_set1_epi32 ((int)0x80000000u);
  const __m128i lim = _mm_xor_si128 (_mm_set1_epi32 ((int)limit), flip);
  __m128i acc = _mm_setzero_si128 ();

  for (; k + 4 <= layer->len; k += 4)
    {
      __m128 a = _mm_castsi128_ps (
          _mm_loadu_si128 ((const __m128i *)&layer->spans[k]));
      __m128 b = _mm_castsi128_ps (
          _mm_loadu_si128 ((const __m128i *)&layer->spans[k + 2]));
      __m128i starts
          = _mm_castps_si128 (_mm_shuffle_ps (a, b, _MM_SHUFFLE (2, 0, 2, 0)));
      __m128i ends
          = _mm_castps_si128 (_mm_shuffle_ps (a, b, _MM_SHUFFLE (3, 1, 3, 1)));
      starts = _mm_xor_si128 (starts, flip);
      ends = _mm_xor_si128 (ends, flip);
      acc = _mm_or_si128 (acc, _mm_cmpgt_epi32 (starts, ends));
      acc = _mm_or_si128 (acc, _mm_cmpgt_epi32 (ends, lim));
    }
  if (_mm_movemask_epi8 (acc) != 0)
    return TRUE;
#endif
  for (; k < layer->len; k++)
    bad |= ((guint64)layer->spans[k].end - layer->spans[k].start)
           | ((guint64)limit - layer->spans[k].end);
  return (bad >> 63) != 0;
}

/* Index of the first annotation of @layer whose span is reversed or ends
 * past @length, or layer->len when there is none; the index is searched
 * for only when some span is bad. */
static guint
tp_document_find_bad_span (const TpLayer *layer, gsize length)
{
  guint32 limit = length > G_MAXUINT32 ? G_MAXUINT32 : (guint32)length;
  guint k;

  /* a small layer (a document's sentences) is read span by span, without
   * setting up the four-span test */
  if (layer->len < 4)
    {
      for (k = 0; k < layer->len; k++)
        if (layer->spans[k].start > layer->spans[k].end
            || layer->spans[k].end > limit)
          break;
      return k;
    }
  if (!tp_document_any_bad_span (layer, 0, limit))
    return layer->len;
  for (k = 0; k < layer->len; k++)
    if (layer->spans[k].start > layer->spans[k].end
        || layer->spans[k].end > limit)
      break;
  return k;
}

/* A stage is trusted with the text but not with its arithmetic: catch a
 * span past the end before the writer reads it. */
gboolean
tp_document_check_layers (const TpDocument *doc, guint first_layer,
                          GError **error)
{
  for (guint i = first_layer; i < doc->n_layers; i++)
    {
      const TpLayer *layer = doc->layers[i];
      guint k = tp_document_find_bad_span (layer, doc->length);
      if (k < layer->len)
        {
          const TpSpan *s = &layer->spans[k];
          g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_LAYER,
                       "layer '%s' annotation %u has span [%u, %u) "
                       "outside the text of %" G_GSIZE_FORMAT
                       " bytes (a bug in the plugin)",
                       layer->name, k, s->start, s->end, doc->length);
          return FALSE;
        }
    }
  return TRUE;
}
