/* tp-json-record.c: one JSONL record, read with jansson.  jansson is a
 * maintained and strict JSON library: control characters in strings, bad
 * escapes, lone surrogates, leading zeros, duplicate keys and text after
 * the record are refused, and nesting is bounded.  Metadata that is not a
 * string is written back as compact JSON. */
#include "config.h"

#include <string.h>

#include "tp-json-record.h"
#include "tp-private.h"

json_t *
tp_json_record_parse (const char *line, gsize len, GError **error)
{
  json_error_t jerr;
  json_t *root;
  gsize i = 0;

  while (i < len
         && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'
             || line[i] == '\n'))
    i++;
  if (i == len)
    {
      g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD,
                   "malformed JSON: empty record");
      return NULL;
    }
  root = json_loadb (line, len,
                     JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES,
                     &jerr);
  if (root == NULL)
    {
      /* jansson's words, and ours where they may puzzle */
      const char *hint
          = g_str_has_prefix (jerr.text, "end of file expected")
                ? " (text after the record: one record per line)"
            : g_str_has_prefix (jerr.text, "control character")
                ? " (a control character in a string must be escaped)"
                : "";
      g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD,
                   "malformed JSON at byte %d of the record: %s%s",
                   jerr.position, jerr.text, hint);
      return NULL;
    }
  if (!json_is_object (root))
    {
      g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD,
                   "the record is not a JSON object");
      json_decref (root);
      return NULL;
    }
  return root;
}

/* Appends the real @v: the shortest of 15 to 17 significant digits that
 * reads back as @v (0.1, not 0.10000000000000001), always with a point or
 * an exponent so that it stays a real. */
static void
tp_json_append_real (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

void
tp_json_append_value (GString *out, const json_t *value)
{
  switch (json_typeof (value))
    {
    case JSON_OBJECT:
      {
        const char *key;
        json_t *item;
        gboolean first = TRUE;
        g_string_append_c (out, '{');
        json_object_foreach ((json_t *)value, key, item)
        {
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          tp_json_append_string (out, key, -1);
          g_string_append_c (out, ':');
          tp_json_append_value (out, item);
        }
        g_string_append_c (out, '}');
        return;
      }
    case JSON_ARRAY:
      g_string_append_c (out, '[');
      for (gsize i = 0; i < json_array_size (value); i++)
        {
          if (i)
            g_string_append_c (out, ',');
          tp_json_append_value (out, json_array_get (value, i));
        }
      g_string_append_c (out, ']');
      return;
    case JSON_STRING:
      tp_json_append_string (out, json_string_value (value),
                             (gssize)json_string_length (value));
      return;
    case JSON_INTEGER:
      g_string_append_printf (out, "%" JSON_INTEGER_FORMAT,
                              json_integer_value (value));
      return;
    case JSON_REAL:
      tp_json_append_real (out, json_real_value (value));
      return;
    case JSON_TRUE:
      g_string_append (out, "true");
      return;
    case JSON_FALSE:
      g_string_append (out, "false");
      return;
    case JSON_NULL:
    default:
      g_string_append (out, "null");
    }
}

gboolean
tp_json_string_has_nul (const json_t *value)
{
  return json_is_string (value)
         && memchr (json_string_value (value), '\0', json_string_length (value))
                != NULL;
}
