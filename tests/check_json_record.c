/* check_json_record.c: JSONL records as the reader takes them from
 * jansson: decoded text, strictness (each kind of malformed record is
 * refused with the byte named), bounded nesting, NUL characters, and
 * metadata values written back as compact JSON. */
#include "tp-json-record.h"
#include "tp-private.h"
#include "tp-test.h"

/* The value of @key in @root written back as JSON (newly allocated). */
static char *
value_json (const json_t *root, const char *key)
{
  GString *out = g_string_new (NULL);
  tp_json_append_value (out, json_object_get (root, key));
  return g_string_free (out, FALSE);
}

static const struct {
  const char *line;
  const char *text;  /* decoded text field */
  const char *key;   /* another field, */
  const char *value; /* and its value written back */
} good[] = {
  { "{\"id\":\"a\",\"text\":\"plain\"}", "plain", "id", "\"a\"" },
  { "  { \"text\" : \"sp\" , \"id\" : \"b\" }  ", "sp", "id", "\"b\"" },
  { "{\"text\":\"q\\\" b\\\\ s\\/ n\\n t\\t r\\r f\\f b\\b\"}",
    "q\" b\\ s/ n\n t\t r\r f\f b\b", NULL, NULL },
  { "{\"text\":\"caf\\u00e9 \\u20ac\"}", "caf\xc3\xa9 \xe2\x82\xac", NULL,
    NULL },
  { "{\"text\":\"smile \\ud83d\\ude00\"}", "smile \xf0\x9f\x98\x80", NULL,
    NULL },
  { "{\"text\":\"raw \xc3\xa9 kept\"}", "raw \xc3\xa9 kept", NULL, NULL },
  { "{\"text\":\"\",\"n\":-12.5e+3}", "", "n", "-12500.0" },
  { "{\"text\":\"x\",\"m\":[1, {\"b\" : null, \"a\":[true,false]} ]}", "x", "m",
    "[1,{\"b\":null,\"a\":[true,false]}]" },
  { "{\"text\":\"x\",\"s\":\"a\\u0041\"}", "x", "s", "\"aA\"" },
  { "{\"text\":\"x\",\"e\":{}, \"l\":[]}", "x", "e", "{}" },
  { "{\"text\":\"x\",\"r\":0.1}", "x", "r", "0.1" },
  { "{\"text\":\"x\",\"r\":1.0}", "x", "r", "1.0" },
  { "{\"text\":\"x\",\"r\":-0.0}", "x", "r", "-0.0" },
  { "{\"text\":\"x\",\"r\":0.30000000000000004}", "x", "r",
    "0.30000000000000004" },
  { "{\"text\":\"x\",\"r\":1e300}", "x", "r", "1e+300" },
  { "{\"text\":\"x\",\"i\":-9223372036854775808}", "x", "i",
    "-9223372036854775808" },
  { "{\"text\":\"x\",\"q\":[\"tab\\there \\\"q\\\"\"]}", "x", "q",
    "[\"tab\\there \\\"q\\\"\"]" },
};

START_TEST (test_good_records)
{
  GError *error = NULL;
  const char *line = good[_i].line;
  json_t *root = tp_json_record_parse (line, strlen (line), &error);
  json_t *text;

  ck_assert_msg (root != NULL, "%s: %s", line, error ? error->message : "");
  text = json_object_get (root, "text");
  ck_assert (json_is_string (text));
  ck_assert_str_eq (json_string_value (text), good[_i].text);
  ck_assert_uint_eq (json_string_length (text), strlen (good[_i].text));
  ck_assert (!tp_json_string_has_nul (text));
  if (good[_i].key)
    {
      char *v = value_json (root, good[_i].key);
      ck_assert_str_eq (v, good[_i].value);
      g_free (v);
    }
  json_decref (root);
}
END_TEST

static const struct {
  const char *line;
  const char *message; /* part of the error message */
} bad[] = {
  { "{\"text\":\"open", "malformed JSON at byte" },
  { "{\"text\":\"a\\x\"}", "invalid escape" },
  { "{\"text\":\"\\ud800\"}", "invalid Unicode" },
  { "{\"text\":\"\\ud800\\u0041\"}", "invalid Unicode" },
  { "{\"text\":\"\\udc00\"}", "invalid Unicode" },
  { "{\"text\":\"\\u12g4\"}", "invalid escape" },
  { "{\"text\":\"tab\there\"}", "at byte 12 of the record: control character" },
  { "{\"a\":01,\"text\":\"x\"}", "invalid token" },
  { "{\"a\":1.,\"text\":\"x\"}", "invalid token" },
  { "{\"a\":-,\"text\":\"x\"}", "invalid token" },
  { "{\"a\":tru,\"text\":\"x\"}", "invalid token" },
  { "{\"a\":1,}", "string or '}' expected" },
  { "{\"a\" 1}", "':' expected" },
  { "{\"text\":\"x\"} x", "end of file expected" },
  { "{\"text\":\"x\"", "'}' expected" },
  { "{\"text\":\"x\",\"m\":[1,2}", "']' expected" },
  { "{'text':'x'}", "string or '}' expected" },
  { "{\"text\":\"first\",\"text\":\"second\"}", "duplicate object key" },
  { "{\"a\\u0000b\":1,\"text\":\"x\"}", "NUL byte in object key" },
  { "[1,2]", "not a JSON object" },
  { "\"just a string\"", "not a JSON object" },
  { "   ", "malformed JSON: empty record" },
  { "", "malformed JSON: empty record" },
};

START_TEST (test_bad_records)
{
  GError *error = NULL;
  const char *line = bad[_i].line;
  json_t *root = tp_json_record_parse (line, strlen (line), &error);

  ck_assert_msg (root == NULL, "accepted: %s", line);
  ck_assert (
      g_error_matches (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD));
  ck_assert_msg (strstr (error->message, bad[_i].message) != NULL,
                 "%s: got '%s', want '%s'", line, error->message,
                 bad[_i].message);
  g_error_free (error);
}
END_TEST

/* "\u0000" in a string is decoded and seen, so the reader can refuse the
 * record and still name it by its id. */
START_TEST (test_nul_escape_seen)
{
  const char *line = "{\"id\":\"n1\",\"text\":\"a\\u0000b\"}";
  json_t *root = tp_json_record_parse (line, strlen (line), NULL);

  ck_assert_ptr_nonnull (root);
  ck_assert (tp_json_string_has_nul (json_object_get (root, "text")));
  ck_assert (!tp_json_string_has_nul (json_object_get (root, "id")));
  ck_assert_uint_eq (json_string_length (json_object_get (root, "text")), 3);
  json_decref (root);
}
END_TEST

/* Nesting is bounded (no stack overflow on hostile input), and a 4 MB
 * string decodes whole. */
START_TEST (test_deep_and_long)
{
  GError *error = NULL;
  GString *line = g_string_new ("{\"text\":\"x\",\"deep\":");
  json_t *root;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (line, '[');
  root = tp_json_record_parse (line->str, line->len, &error);
  ck_assert_ptr_null (root);
  ck_assert_ptr_nonnull (strstr (error->message, "maximum parsing depth"));
  g_clear_error (&error);

  g_string_assign (line, "{\"text\":\"");
  for (int i = 0; i < 4 * 1024 * 1024 / 8; i++)
    g_string_append (line, i % 97 ? "abcdefg " : "\\n\\u00e9 ");
  g_string_append (line, "\"}");
  root = tp_json_record_parse (line->str, line->len, &error);
  ck_assert_ptr_nonnull (root);
  ck_assert_uint_gt (json_string_length (json_object_get (root, "text")),
                     4000000);
  ck_assert (g_utf8_validate (
      json_string_value (json_object_get (root, "text")), -1, NULL));
  json_decref (root);
  g_string_free (line, TRUE);
}
END_TEST

static Suite *
json_record_suite (void)
{
  Suite *s = suite_create ("json-record");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_loop_test (tc, test_good_records, 0, G_N_ELEMENTS (good));
  tcase_add_loop_test (tc, test_bad_records, 0, G_N_ELEMENTS (bad));
  tcase_add_test (tc, test_nul_escape_seen);
  tcase_add_test (tc, test_deep_and_long);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tp_test_run_suite (json_record_suite ());
}
