/* tp-document.c: a document: id, immutable text, metadata, layers. */
#include "config.h"

#include <string.h>

#include "tp-private.h"

void tp_layer_free (TpLayer *layer);
TpLayer *tp_layer_new (const char *name, const TpAttrSpec *attrs);

/* Finds the first invalid byte of @text, for an error message that says
 * where the bad byte is. */
static gboolean
tp_document_check_text (const char *text, gsize len, gboolean known_utf8,
                        GError **error)
{
  const char *end = NULL;
  const char *nul;

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
  nul = memchr (text, '\0', len);
  if (tp_utf8_validate (text, nul ? (gsize)(nul - text) : len, &end)
      && nul == NULL)
    return TRUE;
  if (nul != NULL && end == nul)
    {
      g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_NUL_BYTE,
                   "NUL byte at byte offset %" G_GSIZE_FORMAT,
                   (gsize)(nul - text));
      return FALSE;
    }
  g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_INVALID_UTF8,
               "invalid UTF-8 at byte offset %" G_GSIZE_FORMAT " (byte 0x%02x)",
               (gsize)(end - text), (guint)(guchar)*end);
  return FALSE;
}

/* A document around @text, a NUL-terminated heap string of @n bytes that
 * it takes. */
static TpDocument *
tp_document_wrap (const char *id, char *text, gsize n)
{
  TpDocument *doc = g_new0 (TpDocument, 1);

  doc->id = g_strdup (id);
  doc->text = text;
  doc->length = n;
  doc->layers = g_ptr_array_new_full (2, (GDestroyNotify)tp_layer_free);
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

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  n = len < 0 ? strlen (text) : (gsize)len;
  if (!tp_document_check_text (text ? text : "", n, known_utf8, error))
    return NULL;
  copy = g_malloc (n + 1);
  if (n > 0)
    memcpy (copy, text, n);
  copy[n] = '\0';
  return tp_document_wrap (id, copy, n);
}

TpDocument *
tp_document_new_take_valid_utf8 (const char *id, char *text, gsize len,
                                 GError **error)
{
  g_return_val_if_fail (id != NULL && text != NULL, NULL);
  if (!tp_document_check_text (text, len, TRUE, error))
    return NULL;
  return tp_document_wrap (id, text, len);
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

void
tp_document_free (TpDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->id);
  g_free (doc->text);
  if (doc->meta_index)
    g_hash_table_unref (doc->meta_index);
  if (doc->meta)
    g_ptr_array_unref (doc->meta);
  g_ptr_array_unref (doc->layers);
  g_free (doc->drop_reason);
  g_free (doc->record);
  g_free (doc);
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

TpLayer *
tp_document_get_layer (const TpDocument *doc, const char *name)
{
  g_return_val_if_fail (doc != NULL && name != NULL, NULL);
  for (guint i = 0; i < doc->layers->len; i++)
    {
      TpLayer *layer = g_ptr_array_index (doc->layers, i);
      if (strcmp (layer->name, name) == 0)
        return layer;
    }
  return NULL;
}

TpLayer *
tp_document_add_layer (TpDocument *doc, const char *name,
                       const TpAttrSpec *attrs, GError **error)
{
  TpLayer *layer;

  g_return_val_if_fail (doc != NULL && name != NULL, NULL);
  if (tp_document_get_layer (doc, name) != NULL)
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_FAILED,
                   "layer '%s' exists already in document '%s'", name, doc->id);
      return NULL;
    }
  layer = tp_layer_new (name, attrs);
  g_ptr_array_add (doc->layers, layer);
  return layer;
}

guint
tp_document_get_n_layers (const TpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->layers->len;
}

TpLayer *
tp_document_get_nth_layer (const TpDocument *doc, guint n)
{
  g_return_val_if_fail (doc != NULL && n < doc->layers->len, NULL);
  return g_ptr_array_index (doc->layers, n);
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
  g_free (doc->record);
  doc->record = record
                    ? g_strndup (record, len < 0 ? strlen (record) : (gsize)len)
                    : NULL;
}

/* A stage is trusted with the text but not with its arithmetic: catch a
 * span past the end before the writer reads it. */
gboolean
tp_document_check_layers (const TpDocument *doc, guint first_layer,
                          GError **error)
{
  for (guint i = first_layer; i < doc->layers->len; i++)
    {
      const TpLayer *layer = g_ptr_array_index (doc->layers, i);
      for (guint k = 0; k < layer->len; k++)
        {
          const TpSpan *s = &layer->spans[k];
          if (s->start > s->end || s->end > doc->length)
            {
              g_set_error (error, TP_DOCUMENT_ERROR,
                           TP_DOCUMENT_ERROR_BAD_LAYER,
                           "layer '%s' annotation %u has span [%u, %u) "
                           "outside the text of %" G_GSIZE_FORMAT
                           " bytes (a bug in the plugin)",
                           layer->name, k, s->start, s->end, doc->length);
              return FALSE;
            }
        }
    }
  return TRUE;
}
