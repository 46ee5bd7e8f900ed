/* check_json_record.c: the JSONL record parser: escapes, surrogates, white
 * space, nested metadata, every kind of malformed record, and agreement
 * with jansson (a second, independent parser) on thousands of mutated
 * records. */
#include <jansson.h>

#include "tp-private.h"
#include "tp-test.h"

/* Parses @line; on success returns the record, else NULL with @error. */
static gboolean
parse (TpJsonRecord *rec, const char *line, gsize len, GError **error)
{
  tp_json_record_init (rec);
  return tp_json_record_parse (rec, line, len, "text", error);
}

/* The value of field @key as the record holds it (text or arena). */
static const char *
field (const TpJsonRecord *rec, const char *key)
{
  const TpJsonField *f = tp_json_record_find (rec, key);

  if (f == NULL)
    return NULL;
  return f->value == G_MAXSIZE ? rec->text : rec->arena->str + f->value;
}

static const struct {
  const char *line;
  const char *text; /* decoded text field */
  const char *key;  /* another field and its value as kept */
  const char *value;
} good[] = {
  { "{\"id\":\"a\",\"text\":\"plain\"}", "plain", "id", "a" },
  { "  { \"text\" : \"sp\" , \"id\" : \"b\" }  ", "sp", "id", "b" },
  { "{\"text\":\"q\\\" b\\\\ s\\/ n\\n t\\t r\\r f\\f b\\b\"}",
    "q\" b\\ s/ n\n t\t r\r f\f b\b", NULL, NULL },
  { "{\"text\":\"caf\\u00e9 \\u20ac\"}", "caf\xc3\xa9 \xe2\x82\xac", NULL,
    NULL },
  { "{\"text\":\"smile \\ud83d\\ude00\"}", "smile \xf0\x9f\x98\x80", NULL,
    NULL },
  { "{\"text\":\"raw \xc3\xa9 kept\"}", "raw \xc3\xa9 kept", NULL, NULL },
  { "{\"text\":\"\",\"n\":-12.5e+3}", "", "n", "-12.5e+3" },
  { "{\"text\":\"x\",\"m\":[1, {\"a\" : null, \"b\":[true,false]} ]}", "x", "m",
    "[1,{\"a\":null,\"b\":[true,false]}]" },
  { "{\"text\":\"x\",\"s\":\"a\\u0041\"}", "x", "s", "aA" },
  { "{\"text\":\"first\",\"text\":\"second\"}", "first", NULL, NULL },
  { "{\"text\":\"x\",\"e\":{}, \"l\":[]}", "x", "e", "{}" },
  { "{\"text\":\"0123456789abcdef0123456789\\\"tail\"}",
    "0123456789abcdef0123456789\"tail", NULL, NULL },
};

START_TEST (test_good_records)
{
  TpJsonRecord rec;
  GError *error = NULL;
  const char *line = good[_i].line;

  ck_assert_msg (parse (&rec, line, strlen (line), &error), "%s: %s", line,
                 error ? error->message : "");
  ck_assert_str_eq (rec.text, good[_i].text);
  ck_assert_uint_eq (rec.text_len, strlen (good[_i].text));
  if (good[_i].key)
    ck_assert_str_eq (field (&rec, good[_i].key), good[_i].value);
  ck_assert (!rec.has_nul);
  tp_json_record_clear (&rec);
}
END_TEST

static const struct {
  const char *line;
  const char *message; /* part of the error message */
} bad[] = {
  { "{\"text\":\"open", "unterminated string at the end" },
  { "{\"text\":\"a\\x\"}", "bad escape in a string at byte 12" },
  { "{\"text\":\"\\ud800\"}", "lone high surrogate" },
  { "{\"text\":\"\\ud800\\u0041\"}", "bad low surrogate" },
  { "{\"text\":\"\\udc00\"}", "lone low surrogate" },
  { "{\"text\":\"\\u12g4\"}", "bad hex digit" },
  { "{\"text\":\"\\u12", "truncated \\u escape" },
  { "{\"text\":\"tab\there\"}", "control character in a string at byte 13" },
  { "{\"a\":01,\"text\":\"x\"}", "expected ',' or '}' at byte 7" },
  { "{\"a\":1.,\"text\":\"x\"}", "bad number" },
  { "{\"a\":-,\"text\":\"x\"}", "bad number" },
  { "{\"a\":1e,\"text\":\"x\"}", "bad number" },
  { "{\"a\":tru,\"text\":\"x\"}", "unknown word" },
  { "{\"a\":1,}", "expected a key" },
  { "{,}", "expected a key at byte 2" },
  { "{\"a\" 1}", "expected ':'" },
  { "{\"text\":\"x\"} x", "text after the record at byte 14" },
  { "{\"text\":\"x\"", "expected ',' or '}' at the end" },
  { "{\"text\":\"x\",\"m\":[1,2}", "expected ',' or ']'" },
  { "{'text':'x'}", "expected a key" },
  { "[1,2]", "not a JSON object" },
  { "\"just a string\"", "not a JSON object" },
  { "   ", "empty record" },
  { "{\"text\":\"x\",\"m\":[1 2]}", "expected ',' or ']'" },
  /* the excerpt stops before a character it would cut: 11 bytes, not 12 */
  { "{\"a\":x1234567890\xc3\xa9}", "(near 'x1234567890')" },
};

START_TEST (test_bad_records)
{
  TpJsonRecord rec;
  GError *error = NULL;
  const char *line = bad[_i].line;

  ck_assert_msg (!parse (&rec, line, strlen (line), &error), "accepted: %s",
                 line);
  ck_assert (
      g_error_matches (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD));
  ck_assert_msg (strstr (error->message, bad[_i].message) != NULL,
                 "%s: got '%s', want '%s'", line, error->message,
                 bad[_i].message);
  g_error_free (error);
  tp_json_record_clear (&rec);
}
END_TEST

/* "\u0000" is decoded but flagged, so the reader can refuse the record
 * and still name it by its id. */
START_TEST (test_nul_escape_flagged)
{
  TpJsonRecord rec;
  const char *line = "{\"id\":\"n1\",\"text\":\"a\\u0000b\"}";

  ck_assert (parse (&rec, line, strlen (line), NULL));
  ck_assert (rec.has_nul);
  ck_assert_str_eq (field (&rec, "id"), "n1");
  tp_json_record_clear (&rec);
}
END_TEST

/* Nesting is bounded (no stack overflow on hostile input), and a 4 MB
 * string decodes whole. */
START_TEST (test_deep_and_long)
{
  TpJsonRecord rec;
  GError *error = NULL;
  GString *line = g_string_new ("{\"text\":\"x\",\"deep\":");

  for (int i = 0; i < 100000; i++)
    g_string_append_c (line, '[');
  ck_assert (!parse (&rec, line->str, line->len, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "nesting deeper than 512"));
  g_clear_error (&error);
  tp_json_record_clear (&rec);

  g_string_assign (line, "{\"text\":\"");
  for (int i = 0; i < 4 * 1024 * 1024 / 8; i++)
    g_string_append (line, i % 97 ? "abcdefg " : "\\n\\u00e9 ");
  g_string_append (line, "\"}");
  ck_assert (parse (&rec, line->str, line->len, &error));
  ck_assert_uint_gt (rec.text_len, 4000000);
  ck_assert (g_utf8_validate (rec.text, rec.text_len, NULL));
  tp_json_record_clear (&rec);
  g_string_free (line, TRUE);
}
END_TEST

/* Mutates a valid record at random, many times over, and checks that we
 * accept exactly what jansson accepts, with the same decoded text. */
START_TEST (test_agrees_with_jansson)
{
  static const char *const seeds[] = {
    "{\"id\":\"s1\",\"text\":\"Hello, \\\"world\\\"\\n caf\\u00e9 "
    "\\ud83d\\ude00"
    " caf\xc3\xa9\",\"n\":[1,-2.5,3e4,{\"k\":null}],\"ok\":true}",
    "{ \"text\" : \"tab\\tand\\\\slash\\/\" , \"score\" : 0.25 , "
    "\"tags\" : [ \"a\" , \"b\" ] }",
  };
  static const char pieces[] = "\"\\{}[]:,0123456789eE.+-tunlfas \t\n\r/bu";
  GRand *rand = g_rand_new_with_seed (20261128);
  guint compared = 0, accepted = 0;

  for (int round = 0; round < 40000; round++)
    {
      GString *s = g_string_new (seeds[round % G_N_ELEMENTS (seeds)]);
      int edits = g_rand_int_range (rand, 1, 4);
      TpJsonRecord rec;
      json_t *root;
      json_error_t jerr;
      gboolean ours, theirs;

      for (int e = 0; e < edits; e++)
        {
          guint at = g_rand_int_range (rand, 0, (gint32)s->len);
          char c = pieces[g_rand_int_range (rand, 0, sizeof pieces - 1)];
          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              s->str[at] = c;
              break;
            case 1:
              g_string_erase (s, at, 1);
              break;
            default:
              g_string_insert_c (s, at, c);
            }
        }
      if (s->len == 0 || !g_utf8_validate (s->str, s->len, NULL))
        {
          g_string_free (s, TRUE);
          continue;
        }
      root = json_loadb (s->str, s->len, JSON_ALLOW_NUL | JSON_DECODE_ANY,
                         &jerr);
      if (root == NULL
          && (strstr (jerr.text, "too big") || strstr (jerr.text, "overflow")))
        {
          g_string_free (s, TRUE); /* jansson's number limits, not JSON's */
          continue;
        }
      theirs = root != NULL && json_is_object (root);
      ours = parse (&rec, s->str, s->len, NULL);
      ck_assert_msg (ours == theirs,
                     "disagree on '%s': ours %d, jansson %d (%s)", s->str, ours,
                     theirs, root ? "" : jerr.text);
      if (ours)
        {
          json_t *text = json_object_get (root, "text");
          accepted++;
          if (json_is_string (text) && rec.text != NULL)
            {
              ck_assert_uint_eq (rec.text_len, json_string_length (text));
              ck_assert (
                  memcmp (rec.text, json_string_value (text), rec.text_len)
                  == 0);
            }
        }
      compared++;
      json_decref (root);
      tp_json_record_clear (&rec);
      g_string_free (s, TRUE);
    }
  g_rand_free (rand);
  /* the mutations must exercise both outcomes */
  ck_assert_uint_gt (compared, 30000);
  ck_assert_uint_gt (accepted, 1000);
  ck_assert_uint_lt (accepted, compared - 1000);
}
END_TEST

static Suite *
json_record_suite (void)
{
  Suite *s = suite_create ("json-record");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_good_records, 0, G_N_ELEMENTS (good));
  tcase_add_loop_test (tc, test_bad_records, 0, G_N_ELEMENTS (bad));
  tcase_add_test (tc, test_nul_escape_flagged);
  tcase_add_test (tc, test_deep_and_long);
  tcase_add_test (tc, test_agrees_with_jansson);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tp_test_run_suite (json_record_suite ());
}
