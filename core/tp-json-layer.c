/* tp-json-layer.c: one annotation layer as JSON, in rows (a list of
 * objects, one per annotation) or in columns (one list per attribute).
 * Token layers hold millions of annotations, so this is the writer's inner
 * loop: enum values are quoted once per layer, offsets of ASCII text are
 * not converted, numbers are formatted two digits at a time. */
#include "config.h"

#include <string.h>

#include "tp-private.h"

/* "00" to "99", for formatting numbers two digits at a time. */
static const char tp_json_digit_pairs[201]
    = "00010203040506070809101112131415161718192021222324252627282930313233"
      "34353637383940414243444546474849505152535455565758596061626364656667"
      "6869707172737475767778798081828384858687888990919293949596979899";

/* Entry of "0" to "999" for the writer's row loop: four bytes, the
 * digits of the value first (no leading zero), then filler, and the count
 * of digits last.  Written as four bytes, and the pointer moved on by the
 * count: the filler is overwritten by what follows. */
#define TP_JSON_TRIPLE(h, t, o)                                                \
  (char)((h)   ? '0' + (h)                                                     \
         : (t) ? '0' + (t)                                                     \
               : '0' + (o)),                                                   \
      (char)((h)   ? '0' + (t)                                                 \
             : (t) ? '0' + (o)                                                 \
                   : 0),                                                       \
      (char)((h) ? '0' + (o) : 0),                                             \
      (char)((h)   ? 3                                                         \
             : (t) ? 2                                                         \
                   : 1)
#define TP_JSON_TRIPLES_10(h, t)                                               \
  TP_JSON_TRIPLE (h, t, 0), TP_JSON_TRIPLE (h, t, 1),                          \
      TP_JSON_TRIPLE (h, t, 2), TP_JSON_TRIPLE (h, t, 3),                      \
      TP_JSON_TRIPLE (h, t, 4), TP_JSON_TRIPLE (h, t, 5),                      \
      TP_JSON_TRIPLE (h, t, 6), TP_JSON_TRIPLE (h, t, 7),                      \
      TP_JSON_TRIPLE (h, t, 8), TP_JSON_TRIPLE (h, t, 9)
#define TP_JSON_TRIPLES_100(h)                                                 \
  TP_JSON_TRIPLES_10 (h, 0), TP_JSON_TRIPLES_10 (h, 1),                        \
      TP_JSON_TRIPLES_10 (h, 2), TP_JSON_TRIPLES_10 (h, 3),                    \
      TP_JSON_TRIPLES_10 (h, 4), TP_JSON_TRIPLES_10 (h, 5),                    \
      TP_JSON_TRIPLES_10 (h, 6), TP_JSON_TRIPLES_10 (h, 7),                    \
      TP_JSON_TRIPLES_10 (h, 8), TP_JSON_TRIPLES_10 (h, 9)

static const char tp_json_triples[4000]
    = { TP_JSON_TRIPLES_100 (0), TP_JSON_TRIPLES_100 (1),
        TP_JSON_TRIPLES_100 (2), TP_JSON_TRIPLES_100 (3),
        TP_JSON_TRIPLES_100 (4), TP_JSON_TRIPLES_100 (5),
        TP_JSON_TRIPLES_100 (6), TP_JSON_TRIPLES_100 (7),
        TP_JSON_TRIPLES_100 (8), TP_JSON_TRIPLES_100 (9) };

/* Number of decimal digits of @v. */
static inline guint
tp_json_digits (guint64 v)
{
  guint n = 1;

  while (v >= 10000)
    {
      v /= 10000;
      n += 4;
    }
  return n + (v >= 10) + (v >= 100) + (v >= 1000);
}

/* Writes @v in decimal at @p; returns the end.  Room for 20 bytes is
 * needed. */
static inline char *
tp_json_put_uint (char *p, guint64 v)
{
  guint n = tp_json_digits (v);
  char *q = p + n;

  while (v >= 100)
    {
      q -= 2;
      memcpy (q, tp_json_digit_pairs + (v % 100) * 2, 2);
      v /= 100;
    }
  if (v >= 10)
    memcpy (q - 2, tp_json_digit_pairs + v * 2, 2);
  else
    q[-1] = (char)('0' + v);
  return p + n;
}

char *
tp_put_uint (char *p, guint64 v)
{
  return tp_json_put_uint (p, v);
}

/* Writes @v in decimal at @p; returns the end.  Room for 21 bytes is
 * needed. */
static inline char *
tp_json_put_int (char *p, gint64 v)
{
  if (v >= 0)
    return tp_json_put_uint (p, (guint64)v);
  *p++ = '-';
  return tp_json_put_uint (p, (guint64)0 - (guint64)v);
}

/* Appends an unsigned number. */
static void
tp_json_append_uint (GString *out, guint64 v)
{
  char *p = tp_json_reserve (out, 24);
  out->len = tp_json_put_uint (p, v) - out->str;
}

/* Appends one attribute value as JSON. */
static void
tp_json_append_attr (GString *out, const TpLayer *layer, guint index,
                     guint attr, TpOffsetMap *map)
{
  switch (layer->attrs[attr].type)
    {
    case TP_ATTR_STRING:
      {
        const char *s = tp_layer_get_string (layer, index, attr);
        if (s)
          tp_json_append_string (out, s, -1);
        else
          tp_json_put_literal (out, "null");
        return;
      }
    case TP_ATTR_INT:
      {
        gint64 v;
        if (tp_layer_get_int (layer, index, attr, &v))
          {
            char *p = tp_json_reserve (out, 24);
            out->len = tp_json_put_int (p, v) - out->str;
          }
        else
          tp_json_put_literal (out, "null");
        return;
      }
    case TP_ATTR_DOUBLE:
      {
        double v;
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        if (tp_layer_get_double (layer, index, attr, &v))
          g_string_append (out, g_ascii_dtostr (buf, sizeof buf, v));
        else
          tp_json_put_literal (out, "null");
        return;
      }
    case TP_ATTR_BOOL:
      {
        gboolean v;
        if (tp_layer_get_bool (layer, index, attr, &v))
          g_string_append (out, v ? "true" : "false");
        else
          tp_json_put_literal (out, "null");
        return;
      }
    case TP_ATTR_REF:
      {
        guint v;
        if (tp_layer_get_ref (layer, index, attr, &v))
          tp_json_append_uint (out, v);
        else
          tp_json_put_literal (out, "null");
        return;
      }
    case TP_ATTR_ENUM:
      {
        const char *s = tp_layer_get_enum_string (layer, index, attr);
        if (s)
          tp_json_append_string (out, s, -1);
        else
          tp_json_put_literal (out, "null");
        return;
      }
    case TP_ATTR_SPAN:
      {
        gsize a, b;
        if (tp_layer_get_span (layer, index, attr, &a, &b))
          {
            g_string_append_c (out, '[');
            tp_json_append_uint (out, tp_offset_map_convert (map, a));
            g_string_append_c (out, ',');
            tp_json_append_uint (out, tp_offset_map_convert (map, b));
            g_string_append_c (out, ']');
          }
        else
          tp_json_put_literal (out, "null");
        return;
      }
    case TP_ATTR_STRV:
      {
        guint n = tp_layer_get_strv_length (layer, index, attr);
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i)
              g_string_append_c (out, ',');
            tp_json_append_string (
                out, tp_layer_get_strv_item (layer, index, attr, i), -1);
          }
        g_string_append_c (out, ']');
        return;
      }
    default:
      tp_json_put_literal (out, "null");
    }
}

/* A byte offset as the output's unit. */
static inline gsize
tp_json_offset (TpOffsetMap *map, gsize b)
{
  return map->ascii ? b : tp_offset_map_convert (map, b);
}

/* A piece of JSON built once per layer, stored in at least TP_PIECE bytes
 * so that copying it is one fixed-size copy the compiler inlines. */
#define TP_PIECE 32

typedef struct {
  const char *str; /* in the layer's arena, once every piece is built */
  gsize off;       /* where it starts in the arena */
  gsize len;
} TpJsonPiece;

/* Appends to @arena a piece holding @prefix, then @s as a JSON string (or
 * null for a NULL @s), then @suffix, padded to TP_PIECE bytes.  Built for
 * every layer kind of every batch, so all pieces of a layer share one
 * buffer (no allocation per piece). */
static void
tp_json_piece_init (TpJsonPiece *piece, GString *arena, const char *prefix,
                    const char *s, const char *suffix)
{
  piece->off = arena->len;
  g_string_append (arena, prefix);
  if (s != NULL)
    tp_json_append_string (arena, s, -1);
  else
    g_string_append (arena, "null");
  g_string_append (arena, suffix);
  piece->len = arena->len - piece->off;
  /* a terminating NUL, then zeros up to the fixed-size copy */
  g_string_set_size (arena, piece->off + MAX (piece->len + 1, TP_PIECE));
  memset (arena->str + piece->off + piece->len, 0,
          arena->len - piece->off - piece->len);
}

/* Writes @piece at @p; returns the end.  TP_PIECE bytes must be free. */
static inline char *
tp_json_put_piece (char *p, const TpJsonPiece *piece)
{
  if (G_LIKELY (piece->len <= TP_PIECE))
    memcpy (p, piece->str, TP_PIECE);
  else
    memcpy (p, piece->str, piece->len);
  return p + piece->len;
}

/* Per-layer JSON pieces built once per batch: each attribute's ',"name":'
 * key and, for an enum, each value by its stored byte (0 is null) alone
 * ('"word"', for columns) and after the key (',"class":"word"', for
 * rows). */
typedef struct {
  TpJsonPiece key;
  TpJsonPiece *values; /* n_values + 1, for TP_ATTR_ENUM; else NULL */
  TpJsonPiece *pairs;  /* the same after the key */
  guint n_values;
  /* For the one enum of a layer with no other attribute: each value by its
   * stored byte after the key, ending its row and opening the next one
   * (',"class":"word"},{"start":'), in slots of tail_slot bytes whose last
   * byte is the length; NULL when a tail does not fit 63 bytes. */
  const char *tails;
  gsize tail_slot;
  /* In the first attribute's entry: the layer's number of attributes when
   * all are ints and at most TP_JSON_MAX_INTS (a sentence's paragraph),
   * for the int rows loop; else 0. */
  guint n_ints;
} TpAttrJson;

/* What tp_attr_json_init allocates for one layer: the bytes of every
 * piece and the pieces of every enum value. */
typedef struct {
  GString *arena;
  TpJsonPiece *values;
  char *tails;
} TpLayerJson;

/* Points @piece into @arena, which no longer moves; returns its length. */
static gsize
tp_json_piece_fix (TpJsonPiece *piece, const GString *arena)
{
  piece->str = arena->str + piece->off;
  return piece->len;
}

/* Builds the enum value pieces of attribute @spec (key piece built) at
 * @pieces: the values, then the values after @key. */
static void
tp_attr_json_enum_init (TpAttrJson *aj, TpJsonPiece *pieces, GString *arena,
                        const TpAttrSpec *spec)
{
  char *key = g_strndup (arena->str + aj->key.off, aj->key.len);

  aj->values = pieces;
  aj->pairs = pieces + aj->n_values + 1;
  tp_json_piece_init (&aj->values[0], arena, "", NULL, "");
  tp_json_piece_init (&aj->pairs[0], arena, key, NULL, "");
  for (guint k = 0; k < aj->n_values; k++)
    {
      const char *value = spec->enum_values[k];
      tp_json_piece_init (&aj->values[k + 1], arena, "", value, "");
      tp_json_piece_init (&aj->pairs[k + 1], arena, key, value, "");
    }
  g_free (key);
}

/* What ends a row and opens the next one, after the last attribute. */
#define TP_JSON_ROW_NEXT "},{\"start\":"

/* Builds the row tails of @aj (its pieces fixed), the one enum of a layer
 * with no other attribute, in @lj: each value after the key, then
 * TP_JSON_ROW_NEXT, in slots of 32 bytes when every tail fits 31 (the
 * tokenizer's do), else 64; none when one is longer.  There is a slot for
 * each of the 256 bytes a value can be stored as, those past the last
 * value holding null as the slot of 0 does, so the loop need not test
 * the byte. */
static void
tp_attr_json_tails_init (TpAttrJson *aj, TpLayerJson *lj)
{
  const gsize next = sizeof TP_JSON_ROW_NEXT - 1;
  gsize longest = 0;
  char *tails;

  aj->tails = NULL;
  aj->tail_slot = 0;
  if (aj->pairs == NULL)
    return;
  for (guint k = 0; k <= aj->n_values; k++)
    longest = MAX (longest, aj->pairs[k].len + next);
  if (longest >= 64)
    return;
  aj->tail_slot = longest < 32 ? 32 : 64;
  tails = lj->tails = g_malloc0 (256 * aj->tail_slot);
  for (guint k = 0; k < 256; k++)
    {
      const TpJsonPiece *pair = &aj->pairs[k <= aj->n_values ? k : 0];
      char *t = tails + k * aj->tail_slot;
      memcpy (t, pair->str, pair->len);
      memcpy (t + pair->len, TP_JSON_ROW_NEXT, next);
      t[aj->tail_slot - 1] = (char)(pair->len + next);
    }
  aj->tails = tails;
}

/* Int attributes the int rows loop takes. */
#define TP_JSON_MAX_INTS 4

/* Builds the JSON pieces of @layer's attributes; returns the most bytes
 * one annotation's fixed-size part can take. */
static gsize
tp_attr_json_init (TpAttrJson *aj, TpLayerJson *lj, const TpLayer *layer,
                   gboolean whole)
{
  gsize fixed = 64;
  guint n_pieces = 0, v = 0;

  for (guint a = 0; a < layer->n_attrs; a++)
    {
      const TpAttrSpec *spec = &layer->attrs[a];
      aj[a].n_values = 0;
      aj[a].values = aj[a].pairs = NULL;
      /* an empty layer (most quote layers) needs its keys at most, unless
       * the pieces are kept for the next layers of the kind */
      if (spec->type == TP_ATTR_ENUM && spec->enum_values
          && (whole || layer->len > 0))
        {
          while (spec->enum_values[aj[a].n_values])
            aj[a].n_values++;
          n_pieces += 2 * (aj[a].n_values + 1);
        }
    }
  lj->arena = g_string_sized_new (TP_PIECE * (layer->n_attrs + n_pieces + 1));
  lj->values = n_pieces ? g_new (TpJsonPiece, n_pieces) : NULL;
  for (guint a = 0; a < layer->n_attrs; a++)
    {
      const TpAttrSpec *spec = &layer->attrs[a];
      tp_json_piece_init (&aj[a].key, lj->arena, ",", spec->name, ":");
      if (spec->type == TP_ATTR_ENUM && (whole || layer->len > 0)
          && spec->enum_values)
        {
          tp_attr_json_enum_init (&aj[a], lj->values + v, lj->arena, spec);
          v += 2 * (aj[a].n_values + 1);
        }
    }
  /* the arena no longer moves: point the pieces into it */
  for (guint a = 0; a < layer->n_attrs; a++)
    {
      gsize widest = 48;
      fixed += MAX (tp_json_piece_fix (&aj[a].key, lj->arena), TP_PIECE);
      for (guint k = 0; aj[a].values && k <= aj[a].n_values; k++)
        {
          widest
              = MAX (widest, tp_json_piece_fix (&aj[a].values[k], lj->arena));
          widest = MAX (widest, tp_json_piece_fix (&aj[a].pairs[k], lj->arena));
        }
      fixed += MAX (widest, TP_PIECE);
    }
  lj->tails = NULL;
  if (layer->n_attrs == 1)
    tp_attr_json_tails_init (&aj[0], lj);
  else if (layer->n_attrs > 1)
    aj[0].tails = NULL;
  if (layer->n_attrs > 0)
    {
      aj[0].n_ints = layer->n_attrs <= TP_JSON_MAX_INTS ? layer->n_attrs : 0;
      for (guint a = 0; a < layer->n_attrs; a++)
        if (layer->attrs[a].type != TP_ATTR_INT)
          aj[0].n_ints = 0;
    }
  return fixed;
}

/* Frees what tp_attr_json_init built. */
static void
tp_attr_json_clear (TpLayerJson *lj)
{
  g_string_free (lj->arena, TRUE);
  g_free (lj->values);
  g_free (lj->tails);
}

/* The piece index of annotation @i's value of enum attribute @a: its
 * stored byte (value + 1), or 0 (null) when unset. */
static inline guint
tp_json_enum_slot (const TpLayer *layer, const TpAttrJson *aj, guint i, guint a)
{
  const TpColumn *col = &layer->columns[a];
  guint v = i < col->cap ? col->values[i] : 0;

  return v <= aj[a].n_values ? v : 0;
}

/* Writes @v in decimal at @p; returns the end.  Offsets are below 2^32
 * and mostly below 10000: up to four digits take no loop. */
static inline char *
tp_json_put_u32 (char *p, guint32 v)
{
  guint hi, lo;

  if (v < 10)
    {
      *p = (char)('0' + v);
      return p + 1;
    }
  if (v < 100)
    {
      memcpy (p, tp_json_digit_pairs + 2 * v, 2);
      return p + 2;
    }
  if (v >= 10000)
    return tp_json_put_uint (p, v);
  hi = v / 100;
  lo = v % 100;
  if (v < 1000)
    {
      *p = (char)('0' + hi);
      memcpy (p + 1, tp_json_digit_pairs + 2 * lo, 2);
      return p + 3;
    }
  memcpy (p, tp_json_digit_pairs + 2 * hi, 2);
  memcpy (p + 2, tp_json_digit_pairs + 2 * lo, 2);
  return p + 4;
}

/* Annotations written per reserve of the output: the loops below keep
 * their write pointer in a register for this many. */
#define TP_JSON_CHUNK 32

/* Enum attributes the fast rows loop takes. */
#define TP_JSON_MAX_ENUMS 4

/* What the loops read of an enum attribute, copied into locals: a write
 * through the output pointer could change anything the compiler cannot
 * see is local, so it would read it again for every annotation. */
typedef struct {
  const guint8 *values; /* stored bytes (value + 1, 0 null) */
  guint filled;         /* annotations with a slot in values */
  const TpJsonPiece *pieces;
  guint n_values;
} TpJsonEnum;

/* Fills @e for enum attribute @a of @layer, with @pieces (its values
 * alone, or after its key). */
static void
tp_json_enum_init (TpJsonEnum *e, const TpLayer *layer, const TpAttrJson *aj,
                   guint a, const TpJsonPiece *pieces)
{
  e->values = layer->columns[a].values;
  e->filled = MIN (layer->columns[a].cap, layer->len);
  e->pieces = pieces;
  e->n_values = aj[a].n_values;
}

/* Writes annotation @i's piece of @e at @p; returns the end. */
static inline char *
tp_json_put_enum_piece (char *p, const TpJsonEnum *e, guint i)
{
  guint v = i < e->filled ? e->values[i] : 0;
  return tp_json_put_piece (p, &e->pieces[v <= e->n_values ? v : 0]);
}

/* Writes the offset of @b at @p; returns the end. */
static inline char *
tp_json_put_offset (char *p, TpOffsetMap *map, gboolean ascii, guint32 b)
{
  return tp_json_put_u32 (p,
                          ascii ? b : (guint32)tp_offset_map_convert (map, b));
}

/* Rows [@i, @end) of a layer whose @n attributes are the enums @enums, at
 * @p; returns the end.  Inline: for the commonest case, a token layer
 * (one enum) over ASCII text, it is called with constants, and the
 * compiler drops the attribute loop and the offset conversion test. */
static inline char *
tp_json_put_rows_enums (char *p, TpOffsetMap *map, gboolean ascii,
                        const TpSpan *spans, guint i, guint end,
                        const TpJsonEnum *enums, guint n)
{
  for (; i < end; i++)
    {
      *p = ',';
      p += i != 0;
      memcpy (p, "{\"start\":", 9);
      p = tp_json_put_offset (p + 9, map, ascii, spans[i].start);
      memcpy (p, ",\"end\":", 7);
      p = tp_json_put_offset (p + 7, map, ascii, spans[i].end);
      for (guint a = 0; a < n; a++)
        p = tp_json_put_enum_piece (p, &enums[a], i);
      *p++ = '}';
    }
  return p;
}

/* Copies entry @v of @table (entries of @size bytes, the last one the
 * length of the text before it) to @p; returns the end of that text.  All
 * @size bytes are written. */
static inline char *
tp_json_put_entry (char *p, const char *table, gsize size, guint32 v)
{
  const char *e = table + size * (gsize)v;

  memcpy (p, e, size);
  return p + e[size - 1];
}

/* Writes @v in decimal at @p; returns the end.  Most offsets are below
 * 1000: one four-byte copy from a table, without a branch on the number
 * of digits (up to four bytes past the end are overwritten, and must be
 * room the caller writes next). */
static inline char *
tp_json_put_small (char *p, guint32 v)
{
  if (G_LIKELY (v < 1000))
    return tp_json_put_entry (p, tp_json_triples, 4, v);
  return tp_json_put_u32 (p, v);
}

/* Entry of "0" to "999" followed by the end's key ('12,"end":'), in
 * sixteen bytes whose last is the length: one copy writes a row's start
 * and the key after it.  Built once per process. */
static char tp_json_start_keys[1000 * 16];

/* Fills tp_json_start_keys, once. */
static void
tp_json_start_keys_init (void)
{
  static gsize done;

  if (!g_once_init_enter (&done))
    return;
  for (guint v = 0; v < 1000; v++)
    {
      char *e = tp_json_start_keys + 16 * v;
      char *p = tp_json_put_u32 (e, v);
      memcpy (p, ",\"end\":", 7);
      e[15] = (char)(p + 7 - e);
    }
  g_once_init_leave (&done, 1);
}

/* Writes @v in decimal and the end's key at @p; returns the end.  Up to
 * sixteen bytes are written. */
static inline char *
tp_json_put_start_key (char *p, guint32 v)
{
  if (G_LIKELY (v < 1000))
    return tp_json_put_entry (p, tp_json_start_keys, 16, v);
  p = tp_json_put_u32 (p, v);
  memcpy (p, ",\"end\":", 8);
  return p + 7;
}

/* Most bytes one row of the tails loop writes, with what it overwrites
 * past its end: two offsets of up to ten digits (and filler), the end's
 * key and a tail slot. */
#define TP_JSON_TAIL_ROW (16 + 8 + 16 + 64)

/* Rows [@i, @end) of a layer with one enum attribute, whose stored bytes
 * are @values, at @p (after the row's '{"start":'); returns the end, after
 * the last row's tail.  A row is three copies: the start with the end's
 * key, the end, and the tail of its value (which also opens the next
 * row), in slots of @slot bytes, a constant for the commonest case; no
 * branch but the tables'. */
static inline char *
tp_json_put_rows_tails (char *p, TpOffsetMap *map, gboolean ascii,
                        const TpSpan *spans, const guint8 *values, guint i,
                        guint end, const char *tails, gsize slot)
{
  for (; i < end; i++)
    {
      const char *t = tails + (gsize)values[i] * slot;

      p = tp_json_put_start_key (
          p, ascii ? spans[i].start
                   : (guint32)tp_offset_map_convert (map, spans[i].start));
      p = tp_json_put_small (
          p, ascii ? spans[i].end
                   : (guint32)tp_offset_map_convert (map, spans[i].end));
      memcpy (p, t, slot);
      p += (guchar)t[slot - 1];
    }
  return p;
}

/* The rows of a layer whose one attribute is an enum with tails (token
 * layers), by tp_json_put_rows_tails; FALSE, writing nothing, for another
 * layer, or one with values unset past the end of the column.  Not
 * inlined: alone, its loop keeps all it reads in registers. */
G_GNUC_NO_INLINE static gboolean
tp_json_append_rows_tails (GString *out, const TpLayer *layer,
                           const TpAttrJson *aj, TpOffsetMap *map)
{
  const guint len = layer->len;
  const TpSpan *spans = layer->spans;
  const gboolean ascii = map->ascii;
  const guint8 *values;
  const char *tails;
  gsize slot;
  char *p;

  if (layer->n_attrs != 1 || aj[0].tails == NULL
      || MIN (layer->columns[0].cap, len) < len)
    return FALSE;
  if (len == 0)
    {
      tp_json_put_literal (out, "[]");
      return TRUE;
    }
  values = layer->columns[0].values;
  tails = aj[0].tails;
  slot = aj[0].tail_slot;
  tp_json_put_literal (out, "[{\"start\":");
  for (guint i = 0; i < len;)
    {
      guint end = MIN (i + TP_JSON_CHUNK, len);

      p = tp_json_reserve (out, TP_JSON_TAIL_ROW * (end - i));
      if (ascii && slot == 32)
        p = tp_json_put_rows_tails (p, map, TRUE, spans, values, i, end, tails,
                                    32);
      else
        p = tp_json_put_rows_tails (p, map, ascii, spans, values, i, end, tails,
                                    slot);
      i = end;
      out->len = p - out->str;
    }
  /* the last tail opened a row that is not there: keep its '}' */
  out->len -= sizeof TP_JSON_ROW_NEXT - 1 - 1;
  tp_json_put_literal (out, "]");
  return TRUE;
}

/* The rows of a layer whose attributes are all enums with pieces (token
 * layers), each value written with its key as one piece; FALSE, writing
 * nothing, for another layer. */
static gboolean
tp_json_append_rows_enums (GString *out, const TpLayer *layer,
                           const TpAttrJson *aj, gsize fixed, TpOffsetMap *map)
{
  TpJsonEnum enums[TP_JSON_MAX_ENUMS];
  const guint n_attrs = layer->n_attrs, len = layer->len;
  const TpSpan *spans = layer->spans;
  const gboolean ascii = map->ascii;

  if (n_attrs > TP_JSON_MAX_ENUMS)
    return FALSE;
  for (guint a = 0; a < n_attrs; a++)
    {
      if (aj[a].pairs == NULL)
        return FALSE;
      tp_json_enum_init (&enums[a], layer, aj, a, aj[a].pairs);
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i < len;)
    {
      guint end = MIN (i + TP_JSON_CHUNK, len);
      char *p = tp_json_reserve (out, fixed * (end - i));

      if (n_attrs == 1 && ascii)
        p = tp_json_put_rows_enums (p, map, TRUE, spans, i, end, enums, 1);
      else
        p = tp_json_put_rows_enums (p, map, ascii, spans, i, end, enums,
                                    n_attrs);
      i = end;
      out->len = p - out->str;
    }
  g_string_append_c (out, ']');
  return TRUE;
}

/* Puts the value of an int column at @i, or null: the column read in
 * place, as tp_layer_get_int would.  A value from 0 to 999 (a paragraph
 * number) is one four-byte copy from a table (four bytes are written: a
 * row's room holds any number). */
static inline char *
tp_json_put_int_slot (char *p, const TpColumn *col, guint i)
{
  gint64 v;

  if (G_UNLIKELY (i >= col->cap || !col->present[i]))
    {
      memcpy (p, "null", 4);
      return p + 4;
    }
  memcpy (&v, col->values + (gsize)i * sizeof v, sizeof v);
  if (G_LIKELY ((guint64)v < 1000))
    return tp_json_put_entry (p, tp_json_triples, 4, (guint32)v);
  return tp_json_put_int (p, v);
}

/* Rows [@i, @end) of a layer whose @n attributes are all ints (columns
 * @cols, keys in @aj), at @p; returns the end.  Inline: for the commonest
 * case, a sentence layer (one int) over ASCII text, it is called with
 * constants, and the compiler drops the attribute loop and the offset
 * conversion test (hence always inlined, as GCC would not).  A row takes
 * at most 64 bytes and the attributes' room of the layer's fixed size. */
static inline __attribute__ ((always_inline)) char *
tp_json_put_rows_ints (char *p, TpOffsetMap *map, gboolean ascii,
                       const TpSpan *spans, guint i, guint end,
                       const TpAttrJson *aj, const TpColumn *cols, guint n)
{
  for (; i < end; i++)
    {
      *p = ',';
      p += i != 0;
      memcpy (p, "{\"start\":", 9);
      p = tp_json_put_start_key (
          p + 9, ascii ? spans[i].start
                       : (guint32)tp_offset_map_convert (map, spans[i].start));
      p = tp_json_put_small (
          p, ascii ? spans[i].end
                   : (guint32)tp_offset_map_convert (map, spans[i].end));
      for (guint a = 0; a < n; a++)
        p = tp_json_put_int_slot (tp_json_put_piece (p, &aj[a].key), &cols[a],
                                  i);
      *p++ = '}';
    }
  return p;
}

/* The rows of a layer whose attributes are all ints (aj[0].n_ints set:
 * a sentence layer), by tp_json_put_rows_ints.  Not inlined: the layer
 * writer stays small for its per-layer work. */
G_GNUC_NO_INLINE static void
tp_json_append_rows_ints (GString *out, const TpLayer *layer,
                          const TpAttrJson *aj, gsize fixed, TpOffsetMap *map)
{
  const guint len = layer->len, n = aj[0].n_ints;
  const TpSpan *spans = layer->spans;
  const TpColumn *cols = layer->columns;
  const gboolean ascii = map->ascii;
  char *p;

  if (G_LIKELY (len <= TP_JSON_CHUNK))
    {
      /* a sentence layer of a short text: one reserve for the whole list */
      p = tp_json_reserve (out, 2 + fixed * len);
      *p++ = '[';
      if (n == 1 && ascii)
        p = tp_json_put_rows_ints (p, map, TRUE, spans, 0, len, aj, cols, 1);
      else
        p = tp_json_put_rows_ints (p, map, ascii, spans, 0, len, aj, cols, n);
      *p++ = ']';
      *p = '\0';
      out->len = p - out->str;
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i < len;)
    {
      guint end = MIN (i + TP_JSON_CHUNK, len);

      p = tp_json_reserve (out, fixed * (end - i));
      p = tp_json_put_rows_ints (p, map, ascii, spans, i, end, aj, cols, n);
      i = end;
      out->len = p - out->str;
    }
  g_string_append_c (out, ']');
}

/* The rows layout: [{"start":0,"end":5,"class":"word"},...].  An enum
 * value is written with its key as one piece. */
static void
tp_json_append_rows (GString *out, const TpLayer *layer, const TpAttrJson *aj,
                     gsize fixed, TpOffsetMap *map)
{
  /* both fast paths need enums (with pieces) from the first attribute on:
   * a layer of other attributes (a sentence's paragraph) goes straight to
   * the general loop */
  if ((layer->n_attrs == 0 || aj[0].pairs != NULL)
      && (tp_json_append_rows_tails (out, layer, aj, map)
          || tp_json_append_rows_enums (out, layer, aj, fixed, map)))
    return;
  if (layer->n_attrs > 0 && aj[0].n_ints > 0)
    {
      tp_json_append_rows_ints (out, layer, aj, fixed, map);
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i < layer->len; i++)
    {
      char *p = tp_json_reserve (out, fixed);
      *p = ',';
      p += i != 0;
      memcpy (p, "{\"start\":", 9);
      p = tp_json_put_u32 (p + 9, tp_json_offset (map, layer->spans[i].start));
      memcpy (p, ",\"end\":", 7);
      p = tp_json_put_u32 (p + 7, tp_json_offset (map, layer->spans[i].end));
      for (guint a = 0; a < layer->n_attrs; a++)
        {
          if (aj[a].pairs)
            {
              guint v = tp_json_enum_slot (layer, aj, i, a);
              p = tp_json_put_piece (p, &aj[a].pairs[v]);
              continue;
            }
          if (layer->attrs[a].type == TP_ATTR_INT)
            {
              /* read in place (a sentence's paragraph): the row's fixed
               * room holds any number */
              p = tp_json_put_int_slot (tp_json_put_piece (p, &aj[a].key),
                                        &layer->columns[a], i);
              continue;
            }
          /* Other types take the general path. */
          p = tp_json_put_piece (p, &aj[a].key);
          out->len = p - out->str;
          tp_json_append_attr (out, layer, i, a, map);
          p = tp_json_reserve (out, fixed);
        }
      *p++ = '}';
      out->len = p - out->str;
    }
  g_string_append_c (out, ']');
}

/* Appends the start (or, with @ends, the end) offset of every annotation
 * of @layer, separated by commas: a list of the columns layout. */
static void
tp_json_append_offsets (GString *out, const TpLayer *layer, TpOffsetMap *map,
                        gboolean ends)
{
  const guint32 *at = ends ? &layer->spans[0].end : &layer->spans[0].start;
  const guint len = layer->len;
  const gboolean ascii = map->ascii;

  for (guint i = 0; i < len;)
    {
      guint end = MIN (i + TP_JSON_CHUNK, len);
      char *p = tp_json_reserve (out, 16 * (end - i));

      for (; i < end; i++)
        {
          *p = ',';
          p += i != 0;
          p = tp_json_put_offset (p, map, ascii, at[2 * i]);
        }
      out->len = p - out->str;
    }
}

/* Appends the value of enum attribute @a (with pieces) of every annotation
 * of @layer, separated by commas: a list of the columns layout. */
static void
tp_json_append_enum_list (GString *out, const TpLayer *layer,
                          const TpAttrJson *aj, guint a, gsize fixed)
{
  TpJsonEnum e;

  tp_json_enum_init (&e, layer, aj, a, aj[a].values);
  for (guint i = 0; i < layer->len;)
    {
      guint end = MIN (i + TP_JSON_CHUNK, layer->len);
      char *p = tp_json_reserve (out, fixed * (end - i));

      for (; i < end; i++)
        {
          *p = ',';
          p += i != 0;
          p = tp_json_put_enum_piece (p, &e, i);
        }
      out->len = p - out->str;
    }
}

/* The columns layout: {"start":[0,6],"end":[5,11],"class":["word",...]},
 * every list as long as the layer.  Smaller and faster than rows for big
 * layers, and loads straight into a data frame. */
static void
tp_json_append_columns (GString *out, const TpLayer *layer,
                        const TpAttrJson *aj, gsize fixed, TpOffsetMap *map)
{
  tp_json_put_literal (out, "{\"start\":[");
  if (layer->len > 0)
    tp_json_append_offsets (out, layer, map, FALSE);
  tp_json_put_literal (out, "],\"end\":[");
  if (layer->len > 0)
    tp_json_append_offsets (out, layer, map, TRUE);
  g_string_append_c (out, ']');
  for (guint a = 0; a < layer->n_attrs; a++)
    {
      g_string_append_len (out, aj[a].key.str, aj[a].key.len);
      g_string_append_c (out, '[');
      if (aj[a].values)
        tp_json_append_enum_list (out, layer, aj, a, fixed);
      else
        for (guint i = 0; i < layer->len; i++)
          {
            if (i)
              g_string_append_c (out, ',');
            tp_json_append_attr (out, layer, i, a, map);
          }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
}

/* The pieces of the layers written lately, by attribute table: plugins
 * declare their tables static (textpipe-plugin.h), so a table's pieces
 * stay right for every layer made from it. */
#define TP_JSON_CACHE_SIZE 8

typedef struct {
  const TpAttrSpec *attrs;
  TpAttrJson *aj;
  TpLayerJson lj;
  gsize fixed;
  char *name;     /* the name of the last layer written with it, */
  gsize name_len; /* its length, */
  GString *key;   /* and that name as a key ('"token":') */
  /* the key again, then zeros up to TP_PIECE bytes, when it is shorter:
   * copied as one fixed-size copy (which also writes the NUL) */
  char key_piece[TP_PIECE];
} TpJsonCacheEntry;

struct _TpJsonCache {
  TpJsonCacheEntry entry[TP_JSON_CACHE_SIZE];
  guint n;
  guint next; /* the entry after the last one used: a document's layers
               * come in the same order every time */
};

TpJsonCache *
tp_json_cache_new (void)
{
  /* the tables of the rows loops, before any layer is written */
  tp_json_start_keys_init ();
  return g_new0 (TpJsonCache, 1);
}

void
tp_json_cache_free (TpJsonCache *cache)
{
  if (cache == NULL)
    return;
  for (guint i = 0; i < cache->n; i++)
    {
      tp_attr_json_clear (&cache->entry[i].lj);
      g_free (cache->entry[i].aj);
      g_free (cache->entry[i].name);
      g_string_free (cache->entry[i].key, TRUE);
    }
  g_free (cache);
}

/* Appends @layer's name as a key: from @entry when the last layer written
 * with it had the same name (a token layer's is the same in every
 * document), which saves measuring and escaping it per document. */
static void
tp_json_append_layer_key (GString *out, const TpLayer *layer,
                          TpJsonCacheEntry *entry)
{
  if (entry == NULL)
    {
      tp_json_append_string (out, layer->name, -1);
      g_string_append_c (out, ':');
      return;
    }
  if (entry->name == NULL || entry->name_len != layer->name_len
      || !tp_name_equal (entry->name, layer->name, layer->name_len))
    {
      g_free (entry->name);
      entry->name = g_strdup (layer->name);
      entry->name_len = layer->name_len;
      g_string_truncate (entry->key, 0);
      tp_json_append_string (entry->key, layer->name, -1);
      g_string_append_c (entry->key, ':');
      memset (entry->key_piece, 0, TP_PIECE);
      if (entry->key->len < TP_PIECE)
        memcpy (entry->key_piece, entry->key->str, entry->key->len);
    }
  if (G_LIKELY (entry->key->len < TP_PIECE))
    {
      char *p = tp_json_reserve (out, TP_PIECE);
      memcpy (p, entry->key_piece, TP_PIECE);
      out->len += entry->key->len;
      return;
    }
  tp_json_put (out, entry->key->str, entry->key->len);
}

/* The entry of @cache for attribute table @attrs, or NULL: the one after
 * the last one found is tried first. */
static inline TpJsonCacheEntry *
tp_json_cache_find (TpJsonCache *cache, const TpAttrSpec *attrs)
{
  guint i = cache->next;

  if (G_UNLIKELY (i >= cache->n || cache->entry[i].attrs != attrs))
    {
      for (i = 0; i < cache->n; i++)
        if (cache->entry[i].attrs == attrs)
          break;
      if (i == cache->n)
        return NULL;
    }
  cache->next = i + 1 < cache->n ? i + 1 : 0;
  return &cache->entry[i];
}

void
tp_json_append_layer (GString *out, const TpLayer *layer, TpOffsetMap *map,
                      TpLayerLayout layout, TpJsonCache *cache)
{
  TpAttrJson *aj = NULL;
  TpLayerJson lj;
  TpJsonCacheEntry *entry = NULL;
  gsize fixed = 0;
  gboolean own = TRUE;

  if (cache && layer->attrs)
    {
      entry = tp_json_cache_find (cache, layer->attrs);
      if (entry == NULL && cache->n < TP_JSON_CACHE_SIZE)
        {
          entry = &cache->entry[cache->n++];
          entry->attrs = layer->attrs;
          entry->aj = g_new (TpAttrJson, layer->n_attrs + 1);
          entry->fixed = tp_attr_json_init (entry->aj, &entry->lj, layer, TRUE);
          entry->name = NULL;
          entry->key = g_string_new (NULL);
        }
    }
  tp_json_append_layer_key (out, layer, entry);
  if (layer->n_attrs == 0)
    {
      /* no attribute: no key or value pieces to build */
      own = FALSE;
      fixed = 64;
    }
  else if (entry)
    {
      aj = entry->aj;
      fixed = entry->fixed;
      own = FALSE;
    }
  if (own)
    {
      tp_json_start_keys_init ();
      aj = g_newa (TpAttrJson, layer->n_attrs + 1);
      fixed = tp_attr_json_init (aj, &lj, layer, FALSE);
    }
  if (layout == TP_LAYOUT_COLUMNS)
    tp_json_append_columns (out, layer, aj, fixed, map);
  else
    tp_json_append_rows (out, layer, aj, fixed, map);
  if (own)
    tp_attr_json_clear (&lj);
}
