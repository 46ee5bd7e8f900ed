/* check_document.c: documents, layers, typed attributes, JSON output. */
#include "tp-private.h"
#include "tp-test.h"

static const char *const kinds[] = { "alpha", "beta", NULL };
static const TpAttrSpec attrs[] = { { "s", TP_ATTR_STRING },
                                    { "i", TP_ATTR_INT },
                                    { "d", TP_ATTR_DOUBLE },
                                    { "b", TP_ATTR_BOOL },
                                    { "l", TP_ATTR_STRV },
                                    { "r", TP_ATTR_REF, "other" },
                                    { "e", TP_ATTR_ENUM, NULL, kinds },
                                    { "sp", TP_ATTR_SPAN },
                                    { NULL } };

START_TEST (test_invalid_utf8_refused)
{
  GError *error = NULL;
  TpDocument *doc = tp_document_new ("x",
                                     "ab\xff"
                                     "cd",
                                     -1, &error);
  ck_assert_ptr_null (doc);
  ck_assert (g_error_matches (error, TP_DOCUMENT_ERROR,
                              TP_DOCUMENT_ERROR_INVALID_UTF8));
  ck_assert_ptr_nonnull (strstr (error->message, "byte offset 2"));
  g_clear_error (&error);

  doc = tp_document_new ("x", "ab\0cd", 5, &error);
  ck_assert_ptr_null (doc);
  ck_assert (
      g_error_matches (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_NUL_BYTE));
  g_clear_error (&error);

  /* a truncated multibyte sequence at the very end */
  doc = tp_document_new ("x", "caf\xc3", -1, &error);
  ck_assert_ptr_null (doc);
  g_clear_error (&error);
}
END_TEST

/* UTF-8 edge cases: each text and the byte offset of its first bad byte,
 * or -1 when valid.  Long ASCII runs exercise the 8-byte fast path. */
static const struct {
  const char *text;
  int bad_at;
} utf8_cases[] = {
  { "plain ascii text that is longer than sixteen bytes", -1 },
  { "caf\xc3\xa9 cr\xc3\xa8me", -1 },                  /* 2-byte */
  { "euro \xe2\x82\xac and more ascii after it", -1 }, /* 3-byte */
  { "smile \xf0\x9f\x98\x80 here", -1 },               /* 4-byte */
  { "\xf4\x8f\xbf\xbf", -1 },                          /* U+10FFFF */
  { "\xed\x9f\xbf", -1 },                              /* U+D7FF */
  { "0123456789abc\x80"
    "def",
    13 },                            /* stray continuation */
  { "over\xc0\x80long", 4 },         /* overlong NUL */
  { "over\xc1\xbf", 4 },             /* overlong 2-byte */
  { "over\xe0\x9f\xbf", 4 },         /* overlong 3-byte */
  { "over\xf0\x8f\xbf\xbf", 4 },     /* overlong 4-byte */
  { "surrogate \xed\xa0\x80", 10 },  /* U+D800 */
  { "too big \xf4\x90\x80\x80", 8 }, /* U+110000 */
  { "lead \xf5\x80\x80\x80", 5 },    /* no such lead */
  { "cut \xe2\x82", 4 },             /* truncated */
  { "0123456789abcdef\xc3(", 16 },   /* bad continuation */
};

START_TEST (test_utf8_table)
{
  GError *error = NULL;
  TpDocument *doc = tp_document_new ("x", utf8_cases[_i].text, -1, &error);

  if (utf8_cases[_i].bad_at < 0)
    {
      ck_assert_msg (doc != NULL, "case %d refused: %s", _i,
                     error ? error->message : "");
      tp_document_free (doc);
      return;
    }
  ck_assert_msg (doc == NULL, "case %d accepted", _i);
  ck_assert (g_error_matches (error, TP_DOCUMENT_ERROR,
                              TP_DOCUMENT_ERROR_INVALID_UTF8));
  {
    char *want = g_strdup_printf ("byte offset %d ", utf8_cases[_i].bad_at);
    ck_assert_msg (strstr (error->message, want) != NULL, "case %d: %s", _i,
                   error->message);
    g_free (want);
  }
  g_clear_error (&error);
}
END_TEST

START_TEST (test_empty_document)
{
  TpDocument *doc = tp_document_new ("e", "", 0, NULL);
  GString *out = g_string_new (NULL);
  ck_assert_ptr_nonnull (doc);
  ck_assert_uint_eq (tp_document_get_length (doc), 0);
  tp_document_to_json (doc, NULL, out);
  ck_assert_str_eq (out->str, "{\"id\":\"e\",\"layers\":{}}\n");
  g_string_free (out, TRUE);
  tp_document_free (doc);
}
END_TEST

START_TEST (test_attributes_roundtrip)
{
  TpDocument *doc = tp_document_new ("a", "hello world", -1, NULL);
  GError *error = NULL;
  TpLayer *layer = tp_document_add_layer (doc, "thing", attrs, &error);
  guint a, b;
  gint64 iv;
  double dv;
  gboolean bv;
  guint rv;
  gsize s0, s1;

  ck_assert_ptr_nonnull (layer);
  ck_assert_ptr_null (tp_document_add_layer (doc, "thing", attrs, &error));
  g_clear_error (&error);

  a = tp_layer_append (layer, 0, 5);
  b = tp_layer_append (layer, 6, 11);
  ck_assert_uint_eq (tp_layer_get_length (layer), 2);
  /* everything starts null */
  for (guint k = 0; k < 8; k++)
    if (k != 4)
      ck_assert (tp_layer_is_null (layer, a, k));
  tp_layer_set_string (layer, a, 0, "x\"y");
  tp_layer_set_int (layer, a, 1, -42);
  tp_layer_set_double (layer, a, 2, 0.5);
  tp_layer_set_bool (layer, a, 3, FALSE);
  tp_layer_strv_append (layer, a, 4, "one", -1);
  tp_layer_strv_append (layer, a, 4, "two", 2);
  tp_layer_set_ref (layer, a, 5, 0);
  tp_layer_set_enum (layer, a, 6, 1);
  tp_layer_set_span (layer, a, 7, 6, 11);

  ck_assert_str_eq (tp_layer_get_string (layer, a, 0), "x\"y");
  ck_assert (tp_layer_get_int (layer, a, 1, &iv) && iv == -42);
  ck_assert (tp_layer_get_double (layer, a, 2, &dv) && dv == 0.5);
  ck_assert (tp_layer_get_bool (layer, a, 3, &bv) && bv == FALSE);
  ck_assert_uint_eq (tp_layer_get_strv_length (layer, a, 4), 2);
  ck_assert_str_eq (tp_layer_get_strv_item (layer, a, 4, 1), "tw");
  ck_assert (tp_layer_get_ref (layer, a, 5, &rv) && rv == 0);
  ck_assert_str_eq (tp_layer_get_enum_string (layer, a, 6), "beta");
  ck_assert (tp_layer_get_span (layer, a, 7, &s0, &s1) && s0 == 6 && s1 == 11);
  /* the second annotation is untouched */
  ck_assert (!tp_layer_get_int (layer, b, 1, NULL));
  ck_assert_ptr_null (tp_layer_get_string (layer, b, 0));
  ck_assert_int_eq (tp_layer_get_enum (layer, b, 6), -1);
  ck_assert_int_eq (tp_layer_attr_index (layer, "e"), 6);
  ck_assert_int_eq (tp_layer_attr_index (layer, "nope"), -1);

  {
    GString *out = g_string_new (NULL);
    tp_document_set_meta (doc, "source", "wire");
    tp_document_to_json (doc, NULL, out);
    ck_assert_str_eq (
        out->str,
        "{\"id\":\"a\",\"meta\":{\"source\":\"wire\"},\"layers\":{\"thing\":["
        "{\"start\":0,\"end\":5,\"s\":\"x\\\"y\",\"i\":-42,\"d\":0.5,"
        "\"b\":false,\"l\":[\"one\",\"tw\"],\"r\":0,\"e\":\"beta\","
        "\"sp\":[6,11]},"
        "{\"start\":6,\"end\":11,\"s\":null,\"i\":null,\"d\":null,"
        "\"b\":null,\"l\":[],\"r\":null,\"e\":null,\"sp\":null}]}}\n");
    g_string_free (out, TRUE);
  }
  tp_document_free (doc);
}
END_TEST

START_TEST (test_codepoint_offsets)
{
  /* "Zoë ‘hi’ 日本": multibyte characters shift byte offsets */
  const char *text
      = "Zo\xc3\xab \xe2\x80\x98hi\xe2\x80\x99 \xe6\x97\xa5\xe6\x9c\xac";
  TpDocument *doc = tp_document_new ("u", text, -1, NULL);
  TpLayer *layer = tp_document_add_layer (doc, "w", attrs + 8, NULL);
  TpWriteOptions bytes = { TP_OFFSETS_BYTES, FALSE, NULL, TP_LAYOUT_ROWS };
  GString *out = g_string_new (NULL);

  tp_layer_append (layer, 8, 10);  /* "hi" */
  tp_layer_append (layer, 14, 20); /* "日本" */
  tp_document_to_json (doc, NULL, out);
  ck_assert_str_eq (out->str, "{\"id\":\"u\",\"layers\":{\"w\":[{\"start\":5,"
                              "\"end\":7},{\"start\":9,\"end\":11}]}}\n");
  g_string_truncate (out, 0);
  tp_document_to_json (doc, &bytes, out);
  ck_assert_str_eq (out->str, "{\"id\":\"u\",\"layers\":{\"w\":[{\"start\":8,"
                              "\"end\":10},{\"start\":14,\"end\":20}]}}\n");
  g_string_free (out, TRUE);
  tp_document_free (doc);
}
END_TEST

START_TEST (test_codepoint_offsets_long)
{
  /* offsets past the first 64-byte block of a non-ASCII text */
  GString *text = g_string_new (NULL);
  TpDocument *doc;
  TpLayer *layer;
  GString *out = g_string_new (NULL);
  char *expect;

  for (int i = 0; i < 100; i++)
    g_string_append (text, "\xc3\xa9"); /* é: 2 bytes, 1 code point */
  g_string_append (text, "end");
  doc = tp_document_new ("long", text->str, text->len, NULL);
  layer = tp_document_add_layer (doc, "w", attrs + 8, NULL);
  tp_layer_append (layer, 200, 203);
  tp_layer_append (layer, 128, 130);
  tp_document_to_json (doc, NULL, out);
  expect = g_strdup ("{\"id\":\"long\",\"layers\":{\"w\":[{\"start\":100,"
                     "\"end\":103},{\"start\":64,\"end\":65}]}}\n");
  ck_assert_str_eq (out->str, expect);
  g_free (expect);
  g_string_free (out, TRUE);
  g_string_free (text, TRUE);
  tp_document_free (doc);
}
END_TEST

START_TEST (test_million_annotations)
{
  /* A big layer must stay compact: spans and enum columns only. */
  GString *text = g_string_new (NULL);
  TpDocument *doc;
  TpLayer *layer;
  static const char *const cls[] = { "word", NULL };
  static const TpAttrSpec tok[]
      = { { "class", TP_ATTR_ENUM, NULL, cls }, { NULL } };

  for (int i = 0; i < 1000000; i++)
    g_string_append (text, "a ");
  doc = tp_document_new ("big", text->str, text->len, NULL);
  layer = tp_document_add_layer (doc, "token", tok, NULL);
  for (guint i = 0; i < 1000000; i++)
    {
      guint k = tp_layer_append (layer, 2 * i, 2 * i + 1);
      tp_layer_set_enum (layer, k, 0, 0);
    }
  ck_assert_uint_eq (tp_layer_get_length (layer), 1000000);
  ck_assert_uint_eq (tp_layer_get_end (layer, 999999), 1999999);
  ck_assert_str_eq (tp_layer_get_enum_string (layer, 999999, 0), "word");
  ck_assert (tp_document_check_layers (doc, 0, NULL));
  g_string_free (text, TRUE);
  tp_document_free (doc);
}
END_TEST

/* The columns layout: one list per attribute, as long as the layer, with
 * null for unset values; code point offsets as in rows. */
START_TEST (test_columns_layout)
{
  const char *text = "Zo\xc3\xab sees 12345 cats";
  TpDocument *doc = tp_document_new ("c", text, -1, NULL);
  static const TpAttrSpec cols[]
      = { { "e", TP_ATTR_ENUM, NULL, kinds }, { "i", TP_ATTR_INT }, { NULL } };
  TpLayer *layer = tp_document_add_layer (doc, "t", cols, NULL);
  TpWriteOptions opts
      = { TP_OFFSETS_CODEPOINTS, FALSE, NULL, TP_LAYOUT_COLUMNS };
  GString *out = g_string_new (NULL);
  guint k;

  k = tp_layer_append (layer, 0, 4); /* "Zoë" */
  tp_layer_set_enum (layer, k, 0, 1);
  k = tp_layer_append (layer, 5, 9);   /* "sees": no values */
  k = tp_layer_append (layer, 10, 15); /* "12345" */
  tp_layer_set_enum (layer, k, 0, 0);
  tp_layer_set_int (layer, k, 1, 12345);
  tp_document_to_json (doc, &opts, out);
  ck_assert_str_eq (out->str,
                    "{\"id\":\"c\",\"layers\":{\"t\":{\"start\":[0,4,9],"
                    "\"end\":[3,8,14],\"e\":[\"beta\",null,\"alpha\"],"
                    "\"i\":[null,null,12345]}}}\n");

  /* an empty layer still has its lists */
  g_string_truncate (out, 0);
  tp_document_free (doc);
  doc = tp_document_new ("d", "", 0, NULL);
  tp_document_add_layer (doc, "t", cols, NULL);
  tp_document_to_json (doc, &opts, out);
  ck_assert_str_eq (out->str, "{\"id\":\"d\",\"layers\":{\"t\":{\"start\":[],"
                              "\"end\":[],\"e\":[],\"i\":[]}}}\n");
  g_string_free (out, TRUE);
  tp_document_free (doc);
}
END_TEST

/* Attribute names and enum values that need escapes, and enum values
 * longer than the writer's fixed-size pieces, come out right in both
 * layouts. */
START_TEST (test_escaped_attribute_pieces)
{
  static const char *const odd[]
      = { "back\\slash", "a value well over thirty-two bytes long, really",
          NULL };
  static const TpAttrSpec specs[]
      = { { "q\"name", TP_ATTR_ENUM, NULL, odd }, { NULL } };
  TpDocument *doc = tp_document_new ("p", "ab", -1, NULL);
  TpLayer *layer = tp_document_add_layer (doc, "t", specs, NULL);
  TpWriteOptions cols
      = { TP_OFFSETS_CODEPOINTS, FALSE, NULL, TP_LAYOUT_COLUMNS };
  GString *out = g_string_new (NULL);

  tp_layer_set_enum (layer, tp_layer_append (layer, 0, 1), 0, 0);
  tp_layer_set_enum (layer, tp_layer_append (layer, 1, 2), 0, 1);
  tp_document_to_json (doc, NULL, out);
  ck_assert_str_eq (out->str,
                    "{\"id\":\"p\",\"layers\":{\"t\":["
                    "{\"start\":0,\"end\":1,\"q\\\"name\":\"back\\\\slash\"},"
                    "{\"start\":1,\"end\":2,\"q\\\"name\":\"a value well over "
                    "thirty-two bytes long, really\"}]}}\n");
  g_string_truncate (out, 0);
  tp_document_to_json (doc, &cols, out);
  ck_assert_str_eq (
      out->str, "{\"id\":\"p\",\"layers\":{\"t\":{\"start\":[0,1],"
                "\"end\":[1,2],\"q\\\"name\":[\"back\\\\slash\","
                "\"a value well over thirty-two bytes long, really\"]}}}\n");
  g_string_free (out, TRUE);
  tp_document_free (doc);
}
END_TEST

/* Writing with the pieces kept from one document to the next (as a batch
 * does) gives the same JSON as writing each document alone, with more
 * attribute tables than the cache holds and empty layers first. */
START_TEST (test_cached_pieces_same_json)
{
  static const char *const va[] = { "one", "two", NULL };
  static const char *const vb[]
      = { "x\"y", "a value longer than the pieces", NULL };
  static const TpAttrSpec tables[10][2] = {
    { { "e", TP_ATTR_ENUM, NULL, va }, { NULL } },
    { { "e", TP_ATTR_ENUM, NULL, vb }, { NULL } },
    { { "i", TP_ATTR_INT }, { NULL } },
    { { "f", TP_ATTR_ENUM, NULL, va }, { NULL } },
    { { "g", TP_ATTR_ENUM, NULL, vb }, { NULL } },
    { { "h", TP_ATTR_ENUM, NULL, va }, { NULL } },
    { { "k", TP_ATTR_ENUM, NULL, vb }, { NULL } },
    { { "l", TP_ATTR_ENUM, NULL, va }, { NULL } },
    { { "m", TP_ATTR_ENUM, NULL, vb }, { NULL } },
    { { "n", TP_ATTR_ENUM, NULL, va }, { NULL } },
  };
  TpJsonCache *cache = tp_json_cache_new ();
  GString *alone = g_string_new (NULL), *batch = g_string_new (NULL);

  for (guint d = 0; d < 6; d++)
    {
      TpDocument *doc = tp_document_new ("c", "abcdef", -1, NULL);
      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        {
          char name[8];
          TpLayer *layer;
          g_snprintf (name, sizeof name, "l%u", t);
          layer = tp_document_add_layer (doc, name, tables[t], NULL);
          /* the first document's layers are empty */
          for (guint k = 0; d > 0 && k < d + t % 3; k++)
            {
              guint a = tp_layer_append (layer, k, k + 1);
              if (tables[t][0].type == TP_ATTR_INT)
                tp_layer_set_int (layer, a, 0, (gint64)k - 2);
              else
                tp_layer_set_enum (layer, a, 0, (k + t) % 2);
            }
        }
      g_string_truncate (alone, 0);
      g_string_truncate (batch, 0);
      tp_document_to_json (doc, NULL, alone);
      tp_document_to_json_cached (doc, NULL, cache, batch);
      ck_assert_str_eq (batch->str, alone->str);
      tp_document_free (doc);
    }
  ck_assert_ptr_nonnull (
      strstr (alone->str, "\"a value longer than the pieces\""));
  tp_json_cache_free (cache);
  g_string_free (alone, TRUE);
  g_string_free (batch, TRUE);
}
END_TEST

/* Integer attributes are written exactly, negative ones and the extremes
 * included (the writer formats them itself, not through printf). */
START_TEST (test_int_attribute_extremes)
{
  static const TpAttrSpec ints[] = { { "i", TP_ATTR_INT }, { NULL } };
  static const gint64 values[]
      = { 0, -1, 9, -10, 99, 100, -12345, G_MAXINT64, G_MININT64 };
  TpDocument *doc = tp_document_new ("n", "x", -1, NULL);
  TpLayer *layer = tp_document_add_layer (doc, "t", ints, NULL);
  GString *out = g_string_new (NULL);
  GString *want = g_string_new ("{\"id\":\"n\",\"layers\":{\"t\":[");

  for (guint k = 0; k < G_N_ELEMENTS (values); k++)
    {
      guint a = tp_layer_append (layer, 0, 1);
      tp_layer_set_int (layer, a, 0, values[k]);
      g_string_append_printf (
          want, "%s{\"start\":0,\"end\":1,\"i\":%" G_GINT64_FORMAT "}",
          k ? "," : "", values[k]);
    }
  g_string_append (want, "]}}\n");
  tp_document_to_json (doc, NULL, out);
  ck_assert_str_eq (out->str, want->str);
  g_string_free (want, TRUE);
  g_string_free (out, TRUE);
  tp_document_free (doc);
}
END_TEST

/* A layer of int attributes only (the writer's own loop for them, as for
 * a sentence layer): unset values as null, more rows than one reserve
 * takes, and code point offsets after a non-ASCII character, written as
 * the general rows loop would write them. */
START_TEST (test_int_layer_rows)
{
  static const TpAttrSpec ints[]
      = { { "a", TP_ATTR_INT }, { "b", TP_ATTR_INT }, { NULL } };
  GString *text = g_string_new ("\xc3\xa9");
  TpDocument *doc;
  TpLayer *layer;
  GString *out = g_string_new (NULL);
  GString *want = g_string_new ("{\"id\":\"r\",\"layers\":{\"s\":[");

  for (guint k = 0; k < 100; k++)
    g_string_append (text, "ab ");
  doc = tp_document_new ("r", text->str, -1, NULL);
  layer = tp_document_add_layer (doc, "s", ints, NULL);
  for (guint k = 0; k < 70; k++)
    {
      /* byte 2 + 3k is code point 1 + 3k: the first character is 2 bytes */
      guint a = tp_layer_append (layer, 2 + 3 * k, 4 + 3 * k);
      if (k % 3 != 0)
        tp_layer_set_int (layer, a, 0, (gint64)k * 37 - 500);
      if (k % 4 != 1)
        tp_layer_set_int (layer, a, 1, (gint64)k);
      g_string_append_printf (want,
                              "%s{\"start\":%u,\"end\":%u,\"a\":", k ? "," : "",
                              1 + 3 * k, 3 + 3 * k);
      if (k % 3 != 0)
        g_string_append_printf (want, "%" G_GINT64_FORMAT,
                                (gint64)k * 37 - 500);
      else
        g_string_append (want, "null");
      if (k % 4 != 1)
        g_string_append_printf (want, ",\"b\":%u}", k);
      else
        g_string_append (want, ",\"b\":null}");
    }
  g_string_append (want, "]}}\n");
  tp_document_to_json (doc, NULL, out);
  ck_assert_str_eq (out->str, want->str);
  g_string_free (want, TRUE);
  g_string_free (out, TRUE);
  g_string_free (text, TRUE);
  tp_document_free (doc);
}
END_TEST

/* A layer freed with its document is kept for the next layer of its kind
 * (same name and attributes): what the next document gets must be empty,
 * with every value unset, whether the kept one held a few annotations or
 * so many that its spans and columns had moved out of its block.  In a
 * thread of its own: a thread keeps a few kinds, which the tests before
 * may have taken when they share the process (CK_FORK=no). */
static gpointer
layer_kept_clean_thread (gpointer data)
{
  static const char *const ab[] = { "x", "y", NULL };
  static const TpAttrSpec kept_attrs[] = { { "a", TP_ATTR_INT },
                                           { "e", TP_ATTR_ENUM, NULL, ab },
                                           { "s", TP_ATTR_STRING },
                                           { NULL } };
  static const guint filled[] = { 10, 100, 3, 1000 };

  for (guint round = 0; round < 2 * G_N_ELEMENTS (filled); round++)
    {
      TpDocument *doc = tp_document_new ("k", "ab", -1, NULL);
      TpLayer *layer = tp_document_add_layer (doc, "k", kept_attrs, NULL);
      GString *out = g_string_new (NULL);

      ck_assert_uint_eq (tp_layer_get_length (layer), 0);
      if (round % 2 == 0)
        {
          /* fill it, past the block's room in some rounds */
          for (guint k = 0; k < filled[round / 2]; k++)
            {
              guint i = tp_layer_append (layer, 0, 1);
              tp_layer_set_int (layer, i, 0, 7);
              tp_layer_set_enum (layer, i, 1, 1);
              tp_layer_set_string (layer, i, 2, "v");
            }
        }
      else
        {
          /* the next one: two annotations and nothing set */
          tp_layer_append (layer, 0, 1);
          tp_layer_append (layer, 1, 2);
          tp_document_to_json (doc, NULL, out);
          ck_assert_str_eq (
              out->str,
              "{\"id\":\"k\",\"layers\":{\"k\":["
              "{\"start\":0,\"end\":1,\"a\":null,\"e\":null,\"s\":null},"
              "{\"start\":1,\"end\":2,\"a\":null,\"e\":null,\"s\":null}"
              "]}}\n");
        }
      g_string_free (out, TRUE);
      tp_document_free (doc);
    }
  return NULL;
}

START_TEST (test_layer_kept_clean)
{
  g_thread_join (g_thread_new ("kept", layer_kept_clean_thread, NULL));
}
END_TEST

/* Numbers of every digit count are formatted right (the writer formats two
 * digits at a time). */
START_TEST (test_offsets_all_digit_counts)
{
  GString *text = g_string_new (NULL);
  TpDocument *doc;
  TpLayer *layer;
  TpWriteOptions bytes = { TP_OFFSETS_BYTES, FALSE, NULL, TP_LAYOUT_COLUMNS };
  GString *out = g_string_new (NULL), *want = g_string_new (NULL);
  static const guint ends[]
      = { 0,      7,      9,      10,      99,     100,   101,
          999,    1000,   4321,   9999,    10000,  65432, 99999,
          100000, 123456, 999999, 1000000, 1234567 };

  g_string_set_size (text, 1234567);
  memset (text->str, 'a', text->len);
  doc = tp_document_new ("n", text->str, text->len, NULL);
  layer = tp_document_add_layer (doc, "x", attrs + 8, NULL);
  g_string_append (want, "{\"id\":\"n\",\"layers\":{\"x\":{\"start\":[");
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      tp_layer_append (layer, 0, ends[i]);
      g_string_append_printf (want, "%s0", i ? "," : "");
    }
  g_string_append (want, "],\"end\":[");
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    g_string_append_printf (want, "%s%u", i ? "," : "", ends[i]);
  g_string_append (want, "]}}}\n");
  tp_document_to_json (doc, &bytes, out);
  ck_assert_str_eq (out->str, want->str);
  g_string_free (out, TRUE);
  g_string_free (want, TRUE);
  g_string_free (text, TRUE);
  tp_document_free (doc);
}
END_TEST

/* tp_layer_append_many: spans and enum values land as with one
 * tp_layer_append and tp_layer_set_enum per annotation, across growth of
 * the layer, after annotations appended one at a time. */
START_TEST (test_append_many)
{
  GString *text = g_string_new (NULL);
  TpDocument *doc;
  TpLayer *layer;
  guint32 spans[2 * 300];
  guint8 values[300];
  guint first;

  g_string_set_size (text, 1000);
  memset (text->str, 'x', text->len);
  doc = tp_document_new ("m", text->str, text->len, NULL);
  layer = tp_document_add_layer (doc, "t", attrs, NULL);
  tp_layer_append (layer, 0, 1);
  for (guint i = 0; i < 300; i++)
    {
      spans[2 * i] = i;
      spans[2 * i + 1] = i + 2;
      values[i] = i % 2;
    }
  first = tp_layer_append_many (layer, spans, 300, 6, values);
  ck_assert_uint_eq (first, 1);
  ck_assert_uint_eq (tp_layer_get_length (layer), 301);
  ck_assert_int_eq (tp_layer_get_enum (layer, 0, 6), -1);
  for (guint i = 0; i < 300; i++)
    {
      ck_assert_uint_eq (tp_layer_get_start (layer, first + i), i);
      ck_assert_uint_eq (tp_layer_get_end (layer, first + i), i + 2);
      ck_assert_int_eq (tp_layer_get_enum (layer, first + i, 6), (int)(i % 2));
    }
  /* without values: spans only, attributes null */
  first = tp_layer_append_many (layer, spans, 2, 6, NULL);
  ck_assert_uint_eq (first, 301);
  ck_assert_int_eq (tp_layer_get_enum (layer, 302, 6), -1);
  ck_assert (tp_document_check_layers (doc, 0, NULL));
  g_string_free (text, TRUE);
  tp_document_free (doc);
}
END_TEST

/* Metadata read as JSON text is written back as JSON; a stage that sets
 * the key makes it a string again. */
START_TEST (test_meta_json_kept)
{
  TpDocument *doc = tp_document_new ("j", "t", -1, NULL);
  GString *out = g_string_new (NULL);

  tp_document_set_meta_json (doc, "places", "[\"usa\",\"uk\"]");
  tp_document_set_meta (doc, "title", "A \"quoted\" title");
  ck_assert_str_eq (tp_document_get_meta (doc, "places"), "[\"usa\",\"uk\"]");
  tp_document_to_json (doc, NULL, out);
  ck_assert_str_eq (out->str,
                    "{\"id\":\"j\",\"meta\":{\"places\":[\"usa\",\"uk\"],"
                    "\"title\":\"A \\\"quoted\\\" title\"},\"layers\":{}}\n");
  tp_document_set_meta (doc, "places", "[none]");
  g_string_truncate (out, 0);
  tp_document_to_json (doc, NULL, out);
  ck_assert_ptr_nonnull (strstr (out->str, "\"places\":\"[none]\""));
  g_string_free (out, TRUE);
  tp_document_free (doc);
}
END_TEST

/* Many metadata keys (a hostile record with 50,000 fields, each set
 * twice, some removed): every value is right, and the run stays linear
 * (a quadratic lookup would take minutes here). */
START_TEST (test_meta_many_keys)
{
  TpDocument *doc = tp_document_new ("k", "t", -1, NULL);
  char key[32], value[32];
  GList *keys;

  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < 50000; i++)
      {
        g_snprintf (key, sizeof key, "key%d", i);
        g_snprintf (value, sizeof value, "v%d.%d", i, pass);
        tp_document_set_meta (doc, key, value);
      }
  for (int i = 0; i < 50000; i += 2)
    {
      g_snprintf (key, sizeof key, "key%d", i);
      tp_document_set_meta (doc, key, NULL);
    }
  for (int i = 0; i < 50000; i++)
    {
      const char *got;
      g_snprintf (key, sizeof key, "key%d", i);
      g_snprintf (value, sizeof value, "v%d.1", i);
      got = tp_document_get_meta (doc, key);
      if (i % 2 == 0)
        ck_assert_ptr_null (got);
      else
        ck_assert_str_eq (got, value);
    }
  keys = tp_document_get_meta_keys (doc);
  ck_assert_uint_eq (g_list_length (keys), 25000);
  ck_assert_str_eq (keys->data, "key1");
  g_list_free (keys);
  tp_document_free (doc);
}
END_TEST

START_TEST (test_json_escapes)
{
  GString *out = g_string_new (NULL);
  tp_json_append_string (out, "a\n\t\x01\\\"\xc3\xa9\xff", -1);
  ck_assert_str_eq (out->str, "\"a\\n\\t\\u0001\\\\\\\"\xc3\xa9\\ufffd\"");
  /* a stray continuation byte right after a valid character, an overlong
   * form and a surrogate are replaced too: the output is valid UTF-8 */
  g_string_truncate (out, 0);
  tp_json_append_string (out, "\xc3\xa9\x82 \xc0\xaf \xed\xa0\x80", -1);
  ck_assert_str_eq (out->str, "\"\xc3\xa9\\ufffd \\ufffd\\ufffd "
                              "\\ufffd\\ufffd\\ufffd\"");
  ck_assert (g_utf8_validate (out->str, -1, NULL));
  g_string_free (out, TRUE);
}
END_TEST

/* One layer shape of test_rows_one_enum: its enum values, whether the
 * text has a non-ASCII character first (code point offsets differ from
 * bytes), and which annotations get a value (the others stay null). */
typedef struct {
  const char *const *values;
  gboolean accented;
  guint set_every; /* every n-th annotation gets a value; 0: only the first */
} RowsCase;

static const char *const short_values[] = { "word", "punct", "emoticon", NULL };
static const char *const medium_values[]
    = { "a value of some forty bytes, more or less", "b", NULL };
static const char *const long_values[]
    = { "x", "a value so long that its row tail cannot fit sixty-four bytes",
        NULL };

static const RowsCase rows_cases[] = {
  { short_values, FALSE, 1 },  { short_values, TRUE, 1 },
  { short_values, FALSE, 3 },  { short_values, FALSE, 0 },
  { medium_values, FALSE, 2 }, { medium_values, TRUE, 1 },
  { long_values, FALSE, 1 },   { long_values, TRUE, 0 },
};

/* Byte offset @b of a text of @c in code points: the accent is two bytes,
 * one code point. */
static guint
rows_cp (const RowsCase *c, guint b)
{
  return c->accented && b >= 2 ? b - 1 : b;
}

/* The rows of a layer with one enum attribute (a token layer, which the
 * writer writes by a loop of its own) are exact: offsets of every digit
 * count, in bytes and code points, values set, null and unset past the
 * end of the column, enum values of every length, alone and with the
 * pieces kept in a cache. */
START_TEST (test_rows_one_enum)
{
  const RowsCase *c = &rows_cases[_i];
  static const guint starts[]
      = { 0, 1, 9, 10, 99, 100, 998, 999, 1000, 1001, 9999, 10000, 123456 };
  const TpAttrSpec specs[]
      = { { "class", TP_ATTR_ENUM, NULL, c->values }, { NULL } };
  GString *text = g_string_new (c->accented ? "\xc3\xa9" : "");
  GString *want = g_string_new (NULL), *out = g_string_new (NULL);
  TpJsonCache *cache = tp_json_cache_new ();
  TpDocument *doc;
  TpLayer *layer;
  guint n = 0;

  while (text->len < 130000)
    g_string_append_c (text, 'a');
  doc = tp_document_new ("r", text->str, text->len, NULL);
  layer = tp_document_add_layer (doc, "token", specs, NULL);
  g_string_append (want, "{\"id\":\"r\",\"layers\":{\"token\":[");
  /* every start, then a run of small ones past the inline room */
  for (guint k = 0; k < G_N_ELEMENTS (starts) + 100; k++)
    {
      guint start = k < G_N_ELEMENTS (starts) ? starts[k] : k % 50 + 2;
      guint end = start + k % 7 + 1;
      guint a = tp_layer_append (layer, start, end);
      gboolean set = c->set_every ? k % c->set_every == 0 : k == 0;
      if (set)
        tp_layer_set_enum (layer, a, 0, k % 2);
      g_string_append_printf (
          want, "%s{\"start\":%u,\"end\":%u,\"class\":", k ? "," : "",
          rows_cp (c, start), rows_cp (c, end));
      if (set)
        g_string_append_printf (want, "\"%s\"}", c->values[k % 2]);
      else
        g_string_append (want, "null}");
      n++;
    }
  g_string_append (want, "]}}\n");
  ck_assert_uint_eq (tp_layer_get_length (layer), n);
  tp_document_to_json (doc, NULL, out);
  ck_assert_str_eq (out->str, want->str);
  /* twice through the cache: built, then kept */
  for (guint t = 0; t < 2; t++)
    {
      g_string_truncate (out, 0);
      tp_document_to_json_cached (doc, NULL, cache, out);
      ck_assert_str_eq (out->str, want->str);
    }
  tp_json_cache_free (cache);
  g_string_free (out, TRUE);
  g_string_free (want, TRUE);
  g_string_free (text, TRUE);
  tp_document_free (doc);
}
END_TEST

/* An empty one-enum layer is an empty list, after a full one too (the
 * pieces kept from it). */
START_TEST (test_rows_one_enum_empty)
{
  static const TpAttrSpec specs[]
      = { { "class", TP_ATTR_ENUM, NULL, short_values }, { NULL } };
  TpJsonCache *cache = tp_json_cache_new ();
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < 3; d++)
    {
      TpDocument *doc = tp_document_new ("e", "ab", -1, NULL);
      TpLayer *layer = tp_document_add_layer (doc, "token", specs, NULL);
      if (d == 1)
        tp_layer_set_enum (layer, tp_layer_append (layer, 0, 2), 0, 2);
      g_string_truncate (out, 0);
      tp_document_to_json_cached (doc, NULL, cache, out);
      ck_assert_str_eq (out->str,
                        d == 1 ? "{\"id\":\"e\",\"layers\":{\"token\":[{"
                                 "\"start\":0,\"end\":2,\"class\":"
                                 "\"emoticon\"}]}}\n"
                               : "{\"id\":\"e\",\"layers\":{\"token\":[]}}\n");
      tp_document_free (doc);
    }
  tp_json_cache_free (cache);
  g_string_free (out, TRUE);
}
END_TEST

/* A document's id is written as tp_json_append_string writes it, for ids
 * of 1 to 40 bytes with a quote, a backslash, a control character or a
 * non-ASCII character at every place (short plain ids take a path of
 * their own). */
START_TEST (test_ids_written)
{
  static const char *const odd[] = { "", "\"", "\\", "\t", "\xc3\xa9" };

  for (guint o = 0; o < G_N_ELEMENTS (odd); o++)
    for (gsize len = 1; len <= 40; len++)
      for (gsize at = 0; at < len; at++)
        {
          GString *id = g_string_new (NULL), *want = g_string_new (NULL);
          GString *out = g_string_new (NULL);
          TpDocument *doc;

          for (gsize i = 0; id->len < len; i++)
            {
              if (i == at)
                g_string_append (id, odd[o]);
              else
                g_string_append_c (id, (char)('a' + i % 26));
            }
          doc = tp_document_new (id->str, "x", -1, NULL);
          tp_document_to_json (doc, NULL, out);
          g_string_append (want, "{\"id\":");
          tp_json_append_string (want, id->str, -1);
          g_string_append (want, ",\"layers\":{}}\n");
          ck_assert_str_eq (out->str, want->str);
          tp_document_free (doc);
          g_string_free (id, TRUE);
          g_string_free (want, TRUE);
          g_string_free (out, TRUE);
          if (o == 0)
            break; /* no odd byte: one id per length */
        }
}
END_TEST

static Suite *
document_suite (void)
{
  Suite *s = suite_create ("document");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, test_invalid_utf8_refused);
  tcase_add_loop_test (tc, test_utf8_table, 0, G_N_ELEMENTS (utf8_cases));
  tcase_add_test (tc, test_empty_document);
  tcase_add_test (tc, test_attributes_roundtrip);
  tcase_add_test (tc, test_codepoint_offsets);
  tcase_add_test (tc, test_codepoint_offsets_long);
  tcase_add_test (tc, test_million_annotations);
  tcase_add_test (tc, test_json_escapes);
  tcase_add_test (tc, test_columns_layout);
  tcase_add_test (tc, test_int_attribute_extremes);
  tcase_add_test (tc, test_int_layer_rows);
  tcase_add_test (tc, test_cached_pieces_same_json);
  tcase_add_test (tc, test_escaped_attribute_pieces);
  tcase_add_test (tc, test_append_many);
  tcase_add_test (tc, test_meta_json_kept);
  tcase_add_test (tc, test_layer_kept_clean);
  tcase_add_test (tc, test_meta_many_keys);
  tcase_add_test (tc, test_offsets_all_digit_counts);
  tcase_add_loop_test (tc, test_rows_one_enum, 0, G_N_ELEMENTS (rows_cases));
  tcase_add_test (tc, test_rows_one_enum_empty);
  tcase_add_test (tc, test_ids_written);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tp_test_run_suite (document_suite ());
}
