/* tp-layer.c: compact annotation layers.
 *
 * A layer is an array of [start, end) spans plus one column per attribute.
 * Every column is zero-filled, and zero means null, so appending an
 * annotation touches only the span array.
 */
#include "config.h"

#include <string.h>

#include "tp-private.h"

/* Bytes one value of an attribute takes in its column. */
static gsize
tp_attr_value_size (TpAttrType type)
{
  switch (type)
    {
    case TP_ATTR_INT:
      return sizeof (gint64);
    case TP_ATTR_DOUBLE:
      return sizeof (double);
    case TP_ATTR_BOOL:
    case TP_ATTR_ENUM:
      return 1;
    case TP_ATTR_SPAN:
      return sizeof (TpSpan);
    case TP_ATTR_STRING:
    case TP_ATTR_STRV:
    case TP_ATTR_REF:
    default:
      return sizeof (guint32);
    }
}

TpLayer *tp_layer_new_len (const char *name, gsize name_len,
                           const TpAttrSpec *attrs);
void tp_layer_free (TpLayer *layer);

/* Annotations a layer holds in its own allocation before its spans and its
 * one-byte columns (enum, bool) move to the heap: most documents are
 * short, and two allocations and two frees per layer and document cost
 * more than tokenizing a line of news. */
#define TP_LAYER_INLINE 64

/* Values of each wider column (int, double, string, span, ...) a layer
 * holds in its own allocation, with their null flags for int and double:
 * a layer with one value per sentence (a paragraph number) made two
 * allocations and two frees per document for its first value.  Fewer
 * than TP_LAYER_INLINE: such layers have few annotations. */
#define TP_LAYER_INLINE_WIDE 16

/* TRUE when @p is storage inside @layer's own allocation (between the
 * layer and its name, which comes last). */
static inline gboolean
tp_layer_is_inline (const TpLayer *layer, const void *p)
{
  return (const char *)p > (const char *)layer
         && (const char *)p < (const char *)layer->name;
}

/* Memory for a layer of @size bytes: a block of the thread's pool when it
 * fits one. */
static inline gpointer
tp_layer_alloc (gsize size)
{
  if (size > TP_LAYER_BLOCK)
    return g_malloc (size);
  return tp_pool_alloc (TP_POOL_LAYER);
}

/* Gives back the memory @p of a layer of @size bytes: to the pool when it
 * is a block. */
static inline void
tp_layer_release (gpointer p, gsize size)
{
  if (size <= TP_LAYER_BLOCK)
    tp_pool_release (TP_POOL_LAYER, p);
  else
    g_free (p);
}

/* TRUE for the attribute types whose columns keep null flags apart from
 * their values. */
static inline gboolean
tp_attr_has_flags (TpAttrType type)
{
  return type == TP_ATTR_INT || type == TP_ATTR_DOUBLE;
}

/* Number of values of an enum attribute (at most 255: stored in a byte
 * as value + 1, 0 meaning null). */
static guint
tp_attr_enum_count (const TpAttrSpec *spec)
{
  guint n = 0;

  while (n < 255 && spec->enum_values[n] != NULL)
    n++;
  return n;
}

/* One allocation holds the layer, its columns, room for its first
 * TP_LAYER_INLINE spans and one-byte values, its first
 * TP_LAYER_INLINE_WIDE wider values (and their null flags), and its name:
 * a layer is made per stage and per document.  Laid out as the layer, the
 * columns, the spans, the wide values (all sizes times 16 are multiples of
 * 8: every part stays aligned), the null flags, the one-byte values and
 * the name; everything after the spans is zeroed (zero is null). */
/* The bytes of the allocation of a layer whose name has @nl bytes with
 * its NUL, with @attrs (see tp_layer_new_len); its parts' sizes in the out
 * arguments (counted in locals and stored once: stores through the
 * pointers in the loop made each count a load and a store). */
static gsize
tp_layer_size (gsize nl, const TpAttrSpec *attrs, guint *n_attrs,
               guint *n_small, guint *n_flags, gsize *wide)
{
  guint na = 0, ns = 0, nf = 0;
  gsize w = 0;

  while (attrs && attrs[na].name != NULL)
    {
      gsize size = tp_attr_value_size (attrs[na].type);
      if (size == 1)
        ns++;
      else
        w += size * TP_LAYER_INLINE_WIDE;
      nf += tp_attr_has_flags (attrs[na].type);
      na++;
    }
  *n_attrs = na;
  *n_small = ns;
  *n_flags = nf;
  *wide = w;
  return sizeof (TpLayer) + na * sizeof (TpColumn)
         + TP_LAYER_INLINE * sizeof (TpSpan) + w + nf * TP_LAYER_INLINE_WIDE
         + ns * TP_LAYER_INLINE + nl;
}

/* ---- freed layers kept whole for the next document ------------------ */

/* A stage makes one layer per document, of the same name and attributes
 * each time: a freed layer of a pool block, with no column moved to the
 * heap, is kept as it is (its used values zeroed again) for the next layer
 * of its kind, instead of laying out and zeroing a block anew (its size,
 * two memsets of the whole inline room, the columns, the name).  A kind is
 * a name and an attribute table, whose types are checked too (a table at
 * the same address after a plugin was unloaded may differ). */
#define TP_LAYER_KINDS 4
#define TP_LAYER_KIND_ATTRS 8
#define TP_LAYER_KIND_SPARES 64

typedef struct {
  const TpAttrSpec *attrs; /* NULL: a free kind */
  guint n_attrs;
  TpAttrType types[TP_LAYER_KIND_ATTRS];
  char *name;
  guint name_len;
  guint n;
  TpLayer *spares[TP_LAYER_KIND_SPARES];
} TpLayerKind;

static TP_TLS TpLayerKind *tp_layer_kinds_here;

/* Frees a thread's kinds and their layers when the thread ends. */
static void
tp_layer_kinds_free (gpointer data)
{
  TpLayerKind *kinds = data;

  for (guint k = 0; k < TP_LAYER_KINDS; k++)
    {
      for (guint i = 0; i < kinds[k].n; i++)
        g_free (kinds[k].spares[i]);
      g_free (kinds[k].name);
    }
  g_free (kinds);
  tp_layer_kinds_here = NULL;
}

static GPrivate tp_layer_kinds_key = G_PRIVATE_INIT (tp_layer_kinds_free);

/* TRUE when the table @attrs (of a kind's address) has the kind's types. */
static inline gboolean
tp_layer_kind_types_match (const TpLayerKind *kind, const TpAttrSpec *attrs)
{
  for (guint i = 0; i < kind->n_attrs; i++)
    if (attrs[i].name == NULL || attrs[i].type != kind->types[i])
      return FALSE;
  return attrs[kind->n_attrs].name == NULL;
}

/* This thread's kind of layers named @name (@name_len bytes) with @attrs,
 * or NULL. */
static inline TpLayerKind *
tp_layer_kind_find (const char *name, gsize name_len, const TpAttrSpec *attrs)
{
  TpLayerKind *kinds = tp_layer_kinds_here;

  if (kinds == NULL || attrs == NULL)
    return NULL;
  for (guint k = 0; k < TP_LAYER_KINDS && kinds[k].attrs != NULL; k++)
    if (kinds[k].attrs == attrs && kinds[k].name_len == name_len
        && tp_name_equal (kinds[k].name, name, name_len))
      return tp_layer_kind_types_match (&kinds[k], attrs) ? &kinds[k] : NULL;
  return NULL;
}

/* A new kind of this thread for layers named @name (@name_len bytes) with
 * @attrs, or NULL when the thread has as many as it keeps (or @attrs too
 * many attributes to check). */
G_GNUC_NO_INLINE static TpLayerKind *
tp_layer_kind_make (const char *name, gsize name_len, const TpAttrSpec *attrs)
{
  TpLayerKind *kinds = tp_layer_kinds_here, *kind = NULL;
  guint n = 0;

  if (attrs == NULL)
    return NULL;
  if (kinds == NULL)
    {
      kinds = g_new0 (TpLayerKind, TP_LAYER_KINDS);
      g_private_set (&tp_layer_kinds_key, kinds);
      tp_layer_kinds_here = kinds;
    }
  for (guint k = 0; k < TP_LAYER_KINDS && kind == NULL; k++)
    if (kinds[k].attrs == NULL)
      kind = &kinds[k];
  if (kind == NULL)
    return NULL;
  while (attrs[n].name != NULL && n < TP_LAYER_KIND_ATTRS)
    {
      kind->types[n] = attrs[n].type;
      n++;
    }
  if (attrs[n].name != NULL)
    return NULL;
  kind->attrs = attrs;
  kind->n_attrs = n;
  kind->name = g_strndup (name, name_len);
  kind->name_len = (guint)name_len;
  return kind;
}

/* Zeroes at least the @n bytes at @p, a column's inline room of @room
 * bytes (a multiple of eight): in eight-byte stores for the few values a
 * layer of a document uses (rounded up, within the room: a byte loop
 * became a memset call), memset beyond. */
static inline void
tp_layer_zero (guint8 *p, gsize n, gsize room)
{
  const guint64 zero = 0;

  if (n > 64)
    {
      memset (p, 0, n);
      return;
    }
  n = MIN ((n + 7) & ~(gsize)7, room);
  for (gsize i = 0; i < n; i += 8)
    memcpy (p + i, &zero, 8);
}

/* Frees the string pool and the lists of @layer's values (the storage a
 * layer has outside its columns), for a layer freed or kept. */
static void
tp_layer_drop_values (TpLayer *layer)
{
  if (layer->strings)
    g_string_free (layer->strings, TRUE);
  if (layer->lists)
    g_ptr_array_unref (layer->lists);
  layer->strings = NULL;
  layer->lists = NULL;
}

/* Keeps @layer (of @size bytes) for the next layer of its kind when it is
 * a pool block with every column in it and its kind is this thread's
 * (else FALSE, and the caller frees it): its used values are zeroed (zero
 * is null), its string pool and lists freed. */
static gboolean
tp_layer_keep (TpLayer *layer, gsize size)
{
  TpLayerKind *kind = layer->kind, *kinds = tp_layer_kinds_here;

  if (kind == NULL || kinds == NULL || kind < kinds
      || kind >= kinds + TP_LAYER_KINDS || size > TP_LAYER_BLOCK
      || kind->n == TP_LAYER_KIND_SPARES || layer->spilled)
    return FALSE;
  for (guint i = 0; i < layer->n_attrs; i++)
    {
      TpColumn *col = &layer->columns[i];
      gsize vsize = col->size;
      guint used = MIN (layer->len, col->cap);
      tp_layer_zero (col->values, used * vsize, col->cap * vsize);
      if (col->present != NULL)
        tp_layer_zero (col->present, used, col->cap);
    }
  tp_layer_drop_values (layer);
  layer->len = 0;
  kind->spares[kind->n++] = layer;
  return TRUE;
}

/* A new, empty layer named @name (of @name_len bytes, the document knows
 * them: it has looked for a layer of that name) with the attributes
 * @attrs: a kept one of its kind, else a block laid out here. */
TpLayer *
tp_layer_new_len (const char *name, gsize name_len, const TpAttrSpec *attrs)
{
  guint n_attrs, n_small, n_flags;
  gsize head, wide, zeroed, total;
  guint8 *p, *flags, *small;
  TpLayerKind *kind = tp_layer_kind_find (name, name_len, attrs);
  TpLayer *layer;

  if (kind != NULL && kind->n > 0)
    return kind->spares[--kind->n];
  total = tp_layer_size (name_len + 1, attrs, &n_attrs, &n_small, &n_flags,
                         &wide);
  head = sizeof (TpLayer) + n_attrs * sizeof (TpColumn);
  G_STATIC_ASSERT (sizeof (TpLayer) % 8 == 0 && sizeof (TpColumn) % 8 == 0);
  zeroed = wide + n_flags * TP_LAYER_INLINE_WIDE + n_small * TP_LAYER_INLINE;
  layer = tp_layer_alloc (total);
  /* the spans need no zeroing: only the first len are read */
  memset (layer, 0, head);
  layer->attrs = attrs;
  layer->n_attrs = n_attrs;
  if (n_attrs > 0)
    layer->columns = (TpColumn *)(layer + 1);
  layer->spans = (TpSpan *)((char *)layer + head);
  layer->cap = TP_LAYER_INLINE;
  p = (guint8 *)(layer->spans + TP_LAYER_INLINE);
  memset (p, 0, zeroed);
  flags = p + wide;
  small = flags + n_flags * TP_LAYER_INLINE_WIDE;
  for (guint i = 0; i < n_attrs; i++)
    {
      TpColumn *col = &layer->columns[i];
      gsize size = tp_attr_value_size (attrs[i].type);
      col->size = (guint)size;
      if (size == 1)
        {
          col->values = small;
          col->cap = TP_LAYER_INLINE;
          small += TP_LAYER_INLINE;
          if (attrs[i].type == TP_ATTR_ENUM && attrs[i].enum_values != NULL)
            col->n_values = tp_attr_enum_count (&attrs[i]);
          continue;
        }
      col->values = p;
      col->cap = TP_LAYER_INLINE_WIDE;
      p += size * TP_LAYER_INLINE_WIDE;
      if (tp_attr_has_flags (attrs[i].type))
        {
          col->present = flags;
          flags += TP_LAYER_INLINE_WIDE;
        }
    }
  layer->name = (char *)small;
  layer->name_len = (guint)name_len;
  memcpy (layer->name, name, name_len + 1);
  layer->kind = kind ? kind : tp_layer_kind_make (name, name_len, attrs);
  return layer;
}

void
tp_layer_free (TpLayer *layer)
{
  gsize size;

  if (layer == NULL)
    return;
  /* with its columns, first values and name, which comes last */
  size = (gsize)(layer->name - (char *)layer) + layer->name_len + 1;
  if (tp_layer_keep (layer, size))
    return;
  for (guint i = 0; i < layer->n_attrs; i++)
    {
      if (!tp_layer_is_inline (layer, layer->columns[i].values))
        g_free (layer->columns[i].values);
      if (!tp_layer_is_inline (layer, layer->columns[i].present))
        g_free (layer->columns[i].present);
    }
  if (!tp_layer_is_inline (layer, layer->spans))
    g_free (layer->spans);
  tp_layer_drop_values (layer);
  tp_layer_release (layer, size);
}

/* @p (of which @used bytes are filled) resized to @size bytes: moved to
 * the heap when it is storage inside @layer's allocation, else
 * reallocated (@p may be NULL). */
static gpointer
tp_layer_resize (TpLayer *layer, gpointer p, gsize used, gsize size)
{
  gpointer q;

  if (!tp_layer_is_inline (layer, p))
    return g_realloc (p, size);
  layer->spilled = TRUE;
  q = g_malloc (size);
  memcpy (q, p, used);
  return q;
}

/* Gives the layer room for @cap spans (more than it has). */
static void
tp_layer_grow_spans (TpLayer *layer, guint cap)
{
  layer->spans
      = tp_layer_resize (layer, layer->spans, layer->len * sizeof (TpSpan),
                         (gsize)cap * sizeof (TpSpan));
  layer->cap = cap;
}

guint
tp_layer_get_length (const TpLayer *layer)
{
  g_return_val_if_fail (layer != NULL, 0);
  return layer->len;
}

const char *
tp_layer_get_name (const TpLayer *layer)
{
  g_return_val_if_fail (layer != NULL, NULL);
  return layer->name;
}

gint
tp_layer_attr_index (const TpLayer *layer, const char *name)
{
  g_return_val_if_fail (layer != NULL && name != NULL, -1);
  for (guint i = 0; i < layer->n_attrs; i++)
    if (strcmp (layer->attrs[i].name, name) == 0)
      return (gint)i;
  return -1;
}

guint
tp_layer_get_n_attrs (const TpLayer *layer)
{
  g_return_val_if_fail (layer != NULL, 0);
  return layer->n_attrs;
}

const TpAttrSpec *
tp_layer_get_attr_spec (const TpLayer *layer, guint attr)
{
  g_return_val_if_fail (layer != NULL && attr < layer->n_attrs, NULL);
  return &layer->attrs[attr];
}

guint
tp_layer_append (TpLayer *layer, gsize start, gsize end)
{
  g_return_val_if_fail (layer != NULL, 0);
  if (G_UNLIKELY (layer->len == layer->cap))
    {
      g_return_val_if_fail (layer->cap < G_MAXUINT / 2, 0);
      tp_layer_grow_spans (layer, layer->cap * 2);
    }
  /* Out-of-range spans are kept as given (clamped to 32 bits) and refused
   * by tp_document_check_layers with a message naming the layer. */
  layer->spans[layer->len].start = start > G_MAXUINT32 ? G_MAXUINT32 : start;
  layer->spans[layer->len].end = end > G_MAXUINT32 ? G_MAXUINT32 : end;
  return layer->len++;
}

const guint32 *
tp_layer_get_spans (const TpLayer *layer)
{
  G_STATIC_ASSERT (sizeof (TpSpan) == 2 * sizeof (guint32));
  g_return_val_if_fail (layer != NULL, NULL);
  return (const guint32 *)layer->spans;
}

gsize
tp_layer_get_start (const TpLayer *layer, guint index)
{
  g_return_val_if_fail (layer != NULL && index < layer->len, 0);
  return layer->spans[index].start;
}

gsize
tp_layer_get_end (const TpLayer *layer, guint index)
{
  g_return_val_if_fail (layer != NULL && index < layer->len, 0);
  return layer->spans[index].end;
}

/* Grows column @attr of @layer to hold annotation @index (to the layer's
 * capacity at least) and returns its slot: the rare part of
 * tp_layer_slot, out of line. */
G_GNUC_NO_INLINE static guint8 *
tp_layer_slot_grow (TpLayer *layer, guint index, guint attr, TpAttrType type)
{
  TpColumn *col = &layer->columns[attr];
  gsize size = tp_attr_value_size (type);
  guint cap = MAX (layer->cap, index + 1);

  col->values
      = tp_layer_resize (layer, col->values, col->cap * size, cap * size);
  memset (col->values + col->cap * size, 0, (cap - col->cap) * size);
  if (tp_attr_has_flags (type))
    {
      col->present = tp_layer_resize (layer, col->present, col->cap, cap);
      memset (col->present + col->cap, 0, cap - col->cap);
    }
  col->cap = cap;
  return col->values + index * size;
}

/* The slot of annotation @index in column @attr, growing the column to
 * the layer's capacity; NULL after a programming error.  Inline, so that
 * a setter's constant @type folds the value size. */
static inline guint8 *
tp_layer_slot (TpLayer *layer, guint index, guint attr, TpAttrType type)
{
  g_return_val_if_fail (layer != NULL, NULL);
  g_return_val_if_fail (index < layer->len, NULL);
  g_return_val_if_fail (attr < layer->n_attrs, NULL);
  g_return_val_if_fail (layer->attrs[attr].type == type, NULL);

  if (G_UNLIKELY (index >= layer->columns[attr].cap))
    return tp_layer_slot_grow (layer, index, attr, type);
  return layer->columns[attr].values + index * tp_attr_value_size (type);
}

/* Stores the @n enum values at @values in @slot (each plus one, zero
 * meaning null), eight bytes at a time, after checking them against
 * @count also eight at a time; returns FALSE, having stored none, when one
 * is @count or more.  Tokens come by the hundred: a test and a branch per
 * value cost more than the copy. */
static gboolean
tp_layer_copy_enums (guint8 *slot, const guint8 *values, guint n, guint count)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 v, bad = 0;
  guint i;

  if (n < 8 || count > 128)
    {
      for (i = 0; i < n; i++)
        bad |= values[i] >= count;
      if (bad != 0)
        return FALSE;
      for (i = 0; i < n; i++)
        slot[i] = (guint8)(values[i] + 1);
      return TRUE;
    }
  /* a byte below 128 and below @count stays below 128 plus @count less
   * 128: no carry from one byte to the next; the last eight bytes are
   * read (and below written) once more rather than one by one */
  for (i = 0; i + 8 <= n; i += 8)
    {
      memcpy (&v, values + i, 8);
      bad |= (v | (v + (128 - count) * ones)) & high;
    }
  memcpy (&v, values + n - 8, 8);
  bad |= (v | (v + (128 - count) * ones)) & high;
  if (bad != 0)
    return FALSE;
  /* every value is below 128: adding one carries nowhere */
  for (i = 0; i + 8 <= n; i += 8)
    {
      memcpy (&v, values + i, 8);
      v += ones;
      memcpy (slot + i, &v, 8);
    }
  memcpy (&v, values + n - 8, 8);
  v += ones;
  memcpy (slot + n - 8, &v, 8);
  return TRUE;
}

guint
tp_layer_append_many (TpLayer *layer, const guint32 *spans, guint n, guint attr,
                      const guint8 *values)
{
  guint first, count;
  guint8 *slot;

  g_return_val_if_fail (layer != NULL && (spans != NULL || n == 0), 0);
  g_return_val_if_fail (n < G_MAXUINT / 4 && layer->len < G_MAXUINT / 4, 0);
  first = layer->len;
  if (n == 0)
    return first;
  if (layer->len + n > layer->cap)
    {
      guint cap = layer->cap;
      while (cap < layer->len + n)
        cap *= 2;
      tp_layer_grow_spans (layer, cap);
    }
  G_STATIC_ASSERT (sizeof (TpSpan) == 2 * sizeof (guint32));
  memcpy (layer->spans + first, spans, (gsize)n * sizeof (TpSpan));
  layer->len += n;
  if (values == NULL)
    return first;
  g_return_val_if_fail (
      attr < layer->n_attrs && layer->attrs[attr].type == TP_ATTR_ENUM, first);
  /* Grows the column to the layer's capacity. */
  slot = tp_layer_slot (layer, layer->len - 1, attr, TP_ATTR_ENUM);
  if (slot == NULL)
    return first;
  slot -= n - 1;
  count = layer->columns[attr].n_values;
  if (G_UNLIKELY (!tp_layer_copy_enums (slot, values, n, count)))
    {
      /* a value out of range, a programming error: as many as are good */
      for (guint i = 0; i < n; i++)
        {
          g_return_val_if_fail (values[i] < count, first);
          slot[i] = (guint8)(values[i] + 1);
        }
    }
  return first;
}

/* The slot for reading, or NULL when the value was never set. */
static const guint8 *
tp_layer_peek (const TpLayer *layer, guint index, guint attr, TpAttrType type)
{
  const TpColumn *col;

  g_return_val_if_fail (layer != NULL, NULL);
  g_return_val_if_fail (index < layer->len, NULL);
  g_return_val_if_fail (attr < layer->n_attrs, NULL);
  g_return_val_if_fail (layer->attrs[attr].type == type, NULL);
  col = &layer->columns[attr];
  if (index >= col->cap)
    return NULL;
  if ((type == TP_ATTR_INT || type == TP_ATTR_DOUBLE) && !col->present[index])
    return NULL;
  return col->values + index * tp_attr_value_size (type);
}

/* Copies a string into the layer's pool; returns its offset plus one. */
static guint32
tp_layer_intern (TpLayer *layer, const char *value, gssize len)
{
  gsize n = len < 0 ? strlen (value) : (gsize)len;
  guint32 at;

  if (layer->strings == NULL)
    layer->strings = g_string_sized_new (256);
  at = (guint32)layer->strings->len;
  g_string_append_len (layer->strings, value, n);
  g_string_append_c (layer->strings, '\0');
  return at + 1;
}

void
tp_layer_set_string_len (TpLayer *layer, guint index, guint attr,
                         const char *value, gssize len)
{
  guint8 *slot = tp_layer_slot (layer, index, attr, TP_ATTR_STRING);
  guint32 v = 0;

  if (slot == NULL)
    return;
  if (value != NULL)
    v = tp_layer_intern (layer, value, len);
  memcpy (slot, &v, sizeof v);
}

void
tp_layer_set_string (TpLayer *layer, guint index, guint attr, const char *value)
{
  tp_layer_set_string_len (layer, index, attr, value, -1);
}

void
tp_layer_set_int (TpLayer *layer, guint index, guint attr, gint64 value)
{
  guint8 *slot = tp_layer_slot (layer, index, attr, TP_ATTR_INT);
  if (slot == NULL)
    return;
  memcpy (slot, &value, sizeof value);
  layer->columns[attr].present[index] = 1;
}

void
tp_layer_set_double (TpLayer *layer, guint index, guint attr, double value)
{
  guint8 *slot = tp_layer_slot (layer, index, attr, TP_ATTR_DOUBLE);
  if (slot == NULL)
    return;
  memcpy (slot, &value, sizeof value);
  layer->columns[attr].present[index] = 1;
}

void
tp_layer_set_bool (TpLayer *layer, guint index, guint attr, gboolean value)
{
  guint8 *slot = tp_layer_slot (layer, index, attr, TP_ATTR_BOOL);
  if (slot)
    *slot = value ? 2 : 1;
}

void
tp_layer_set_ref (TpLayer *layer, guint index, guint attr, guint target)
{
  guint8 *slot = tp_layer_slot (layer, index, attr, TP_ATTR_REF);
  guint32 v = target + 1;

  g_return_if_fail (target < G_MAXUINT32 - 1);
  if (slot)
    memcpy (slot, &v, sizeof v);
}

void
tp_layer_set_enum (TpLayer *layer, guint index, guint attr, guint value)
{
  guint8 *slot;

  g_return_if_fail (layer != NULL && attr < layer->n_attrs);
  g_return_if_fail (layer->attrs[attr].enum_values != NULL);
  g_return_if_fail (value < layer->columns[attr].n_values);
  slot = tp_layer_slot (layer, index, attr, TP_ATTR_ENUM);
  if (slot)
    *slot = (guint8)(value + 1);
}

void
tp_layer_set_span (TpLayer *layer, guint index, guint attr, gsize start,
                   gsize end)
{
  guint8 *slot = tp_layer_slot (layer, index, attr, TP_ATTR_SPAN);
  TpSpan s;

  if (slot == NULL)
    return;
  g_return_if_fail (start <= end && end < G_MAXUINT32);
  s.start = (guint32)start + 1;
  s.end = (guint32)end;
  memcpy (slot, &s, sizeof s);
}

void
tp_layer_strv_append (TpLayer *layer, guint index, guint attr,
                      const char *value, gssize len)
{
  guint8 *slot = tp_layer_slot (layer, index, attr, TP_ATTR_STRV);
  guint32 list;
  guint32 str;
  GArray *items;

  if (slot == NULL || value == NULL)
    return;
  memcpy (&list, slot, sizeof list);
  if (list == 0)
    {
      if (layer->lists == NULL)
        layer->lists
            = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
      g_ptr_array_add (layer->lists,
                       g_array_new (FALSE, FALSE, sizeof (guint32)));
      list = layer->lists->len;
      memcpy (slot, &list, sizeof list);
    }
  items = g_ptr_array_index (layer->lists, list - 1);
  str = tp_layer_intern (layer, value, len);
  g_array_append_val (items, str);
}

gboolean
tp_layer_is_null (const TpLayer *layer, guint index, guint attr)
{
  const guint8 *slot;
  TpAttrType type;

  g_return_val_if_fail (layer != NULL && attr < layer->n_attrs, TRUE);
  type = layer->attrs[attr].type;
  slot = tp_layer_peek (layer, index, attr, type);
  if (slot == NULL)
    return TRUE;
  switch (type)
    {
    case TP_ATTR_INT:
    case TP_ATTR_DOUBLE:
      return FALSE;
    case TP_ATTR_BOOL:
    case TP_ATTR_ENUM:
      return *slot == 0;
    case TP_ATTR_SPAN:
      return ((const TpSpan *)(const void *)slot)->start == 0;
    default:
      {
        guint32 v;
        memcpy (&v, slot, sizeof v);
        return v == 0;
      }
    }
}

const char *
tp_layer_get_string (const TpLayer *layer, guint index, guint attr)
{
  const guint8 *slot = tp_layer_peek (layer, index, attr, TP_ATTR_STRING);
  guint32 v;

  if (slot == NULL)
    return NULL;
  memcpy (&v, slot, sizeof v);
  return v ? layer->strings->str + v - 1 : NULL;
}

gboolean
tp_layer_get_int (const TpLayer *layer, guint index, guint attr, gint64 *value)
{
  const guint8 *slot = tp_layer_peek (layer, index, attr, TP_ATTR_INT);
  if (slot == NULL)
    return FALSE;
  if (value)
    memcpy (value, slot, sizeof *value);
  return TRUE;
}

gboolean
tp_layer_get_double (const TpLayer *layer, guint index, guint attr,
                     double *value)
{
  const guint8 *slot = tp_layer_peek (layer, index, attr, TP_ATTR_DOUBLE);
  if (slot == NULL)
    return FALSE;
  if (value)
    memcpy (value, slot, sizeof *value);
  return TRUE;
}

gboolean
tp_layer_get_bool (const TpLayer *layer, guint index, guint attr,
                   gboolean *value)
{
  const guint8 *slot = tp_layer_peek (layer, index, attr, TP_ATTR_BOOL);
  if (slot == NULL || *slot == 0)
    return FALSE;
  if (value)
    *value = *slot == 2;
  return TRUE;
}

gboolean
tp_layer_get_ref (const TpLayer *layer, guint index, guint attr, guint *target)
{
  const guint8 *slot = tp_layer_peek (layer, index, attr, TP_ATTR_REF);
  guint32 v;

  if (slot == NULL)
    return FALSE;
  memcpy (&v, slot, sizeof v);
  if (v == 0)
    return FALSE;
  if (target)
    *target = v - 1;
  return TRUE;
}

gint
tp_layer_get_enum (const TpLayer *layer, guint index, guint attr)
{
  const guint8 *slot = tp_layer_peek (layer, index, attr, TP_ATTR_ENUM);
  if (slot == NULL || *slot == 0)
    return -1;
  return *slot - 1;
}

const char *
tp_layer_get_enum_string (const TpLayer *layer, guint index, guint attr)
{
  gint v = tp_layer_get_enum (layer, index, attr);
  return v < 0 ? NULL : layer->attrs[attr].enum_values[v];
}

gboolean
tp_layer_get_span (const TpLayer *layer, guint index, guint attr, gsize *start,
                   gsize *end)
{
  const guint8 *slot = tp_layer_peek (layer, index, attr, TP_ATTR_SPAN);
  TpSpan s;

  if (slot == NULL)
    return FALSE;
  memcpy (&s, slot, sizeof s);
  if (s.start == 0)
    return FALSE;
  if (start)
    *start = s.start - 1;
  if (end)
    *end = s.end;
  return TRUE;
}

/* The list behind a STRV value, or NULL when empty. */
static GArray *
tp_layer_strv_items (const TpLayer *layer, guint index, guint attr)
{
  const guint8 *slot = tp_layer_peek (layer, index, attr, TP_ATTR_STRV);
  guint32 list;

  if (slot == NULL)
    return NULL;
  memcpy (&list, slot, sizeof list);
  return list ? g_ptr_array_index (layer->lists, list - 1) : NULL;
}

guint
tp_layer_get_strv_length (const TpLayer *layer, guint index, guint attr)
{
  GArray *items = tp_layer_strv_items (layer, index, attr);
  return items ? items->len : 0;
}

const char *
tp_layer_get_strv_item (const TpLayer *layer, guint index, guint attr,
                        guint item)
{
  GArray *items = tp_layer_strv_items (layer, index, attr);

  g_return_val_if_fail (items != NULL && item < items->len, NULL);
  return layer->strings->str + g_array_index (items, guint32, item) - 1;
}
