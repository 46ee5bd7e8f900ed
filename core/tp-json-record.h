/* tp-json-record.h: JSONL records read with jansson, and JSON values
 * written back (private to libtextpipe). */
#ifndef TP_JSON_RECORD_H
#define TP_JSON_RECORD_H

#include <glib.h>
#include <jansson.h>

/* Parses @len bytes holding one JSON object; returns it (a new reference)
 * or NULL with a TP_DOCUMENT_ERROR_BAD_RECORD error naming the byte. */
json_t *tp_json_record_parse (const char *line, gsize len, GError **error);

/* Appends @value as compact JSON: object keys in record order, real
 * numbers in the shortest form that reads back the same. */
void tp_json_append_value (GString *out, const json_t *value);

/* TRUE when the string @value holds a NUL character ("\u0000"). */
gboolean tp_json_string_has_nul (const json_t *value);

#endif
