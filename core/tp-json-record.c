/* tp-json-record.c: parses one JSONL record, a JSON object, into its
 * fields.  Every input byte passes through here, so it is written for the
 * records textpipe reads: a flat object of strings whose one long string
 * (the text) is decoded straight into the buffer the document keeps.
 * Strict JSON (RFC 8259): control characters in strings, bad escapes, lone
 * surrogates, leading zeros and trailing garbage are refused with the byte
 * where the problem is.  UTF-8 is checked by the caller. */
#include "config.h"

#include <string.h>

#include "tp-private.h"

#define TP_JSON_MAX_DEPTH 512

typedef struct {
  const char *start;
  const char *p;
  const char *end;
  TpJsonRecord *rec;
  GError **error;
} TpJsonParser;

/* Sets a "malformed JSON" error at the parser's position. */
static gboolean
tp_json_fail (TpJsonParser *ps, const char *what)
{
  gsize at = ps->p - ps->start;
  gsize left = MIN (12, (gsize)(ps->end - ps->p));

  /* the excerpt ends on a character boundary */
  while (left > 0 && left < (gsize)(ps->end - ps->p)
         && ((guchar)ps->p[left] & 0xC0) == 0x80)
    left--;

  if (ps->p >= ps->end)
    g_set_error (ps->error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD,
                 "malformed JSON: %s at the end of the record", what);
  else
    g_set_error (ps->error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD,
                 "malformed JSON: %s at byte %" G_GSIZE_FORMAT
                 " of the record (near '%.*s')",
                 what, at + 1, (int)left, ps->p);
  return FALSE;
}

static inline void
tp_json_skip_space (TpJsonParser *ps)
{
  while (
      ps->p < ps->end
      && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
    ps->p++;
}

/* Skips, eight bytes at a time, the bytes of a string that need no
 * attention (not '"', '\\' or a control character). */
static inline const char *
tp_json_skip_plain (const char *p, const char *end)
{
  while (end - p >= 8)
    {
      guint64 w;
      memcpy (&w, p, 8);
      if (tp_json_word_has_special (w))
        break;
      p += 8;
    }
  while (p < end && *p != '"' && *p != '\\' && (guchar)*p >= 0x20)
    p++;
  return p;
}

/* Value of the hex digit @c, or -1. */
static inline int
tp_json_hex (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the 4 hex digits of a \u escape at ps->p (after "\u"). */
static gboolean
tp_json_hex4 (TpJsonParser *ps, gunichar *out)
{
  gunichar v = 0;

  if (ps->end - ps->p < 4)
    return tp_json_fail (ps, "truncated \\u escape");
  for (int i = 0; i < 4; i++)
    {
      int h = tp_json_hex (ps->p[i]);
      if (h < 0)
        return tp_json_fail (ps, "bad hex digit in a \\u escape");
      v = v << 4 | (gunichar)h;
    }
  ps->p += 4;
  *out = v;
  return TRUE;
}

/* Decodes the string at ps->p (just after its opening quote) into @out,
 * which has room for as many bytes as the string has in JSON: escapes
 * never decode to more bytes than they take.  Returns the decoded length,
 * or -1 on an error.  "\u0000" is decoded and flagged in the record. */
static gssize
tp_json_decode_string (TpJsonParser *ps, char *out)
{
  char *o = out;

  for (;;)
    {
      const char *run = ps->p;
      ps->p = tp_json_skip_plain (ps->p, ps->end);
      memcpy (o, run, ps->p - run);
      o += ps->p - run;
      if (ps->p >= ps->end)
        return tp_json_fail (ps, "unterminated string"), -1;
      if (*ps->p == '"')
        {
          ps->p++;
          return o - out;
        }
      if (*ps->p != '\\')
        return tp_json_fail (ps, "control character in a string"), -1;
      if (++ps->p >= ps->end)
        return tp_json_fail (ps, "unterminated string"), -1;
      switch (*ps->p++)
        {
        case '"':
          *o++ = '"';
          break;
        case '\\':
          *o++ = '\\';
          break;
        case '/':
          *o++ = '/';
          break;
        case 'b':
          *o++ = '\b';
          break;
        case 'f':
          *o++ = '\f';
          break;
        case 'n':
          *o++ = '\n';
          break;
        case 'r':
          *o++ = '\r';
          break;
        case 't':
          *o++ = '\t';
          break;
        case 'u':
          {
            gunichar c, low;
            if (!tp_json_hex4 (ps, &c))
              return -1;
            if (c >= 0xDC00 && c <= 0xDFFF)
              return tp_json_fail (ps, "lone low surrogate in a \\u escape"),
                     -1;
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                if (ps->end - ps->p < 2 || ps->p[0] != '\\' || ps->p[1] != 'u')
                  return tp_json_fail (ps, "lone high surrogate in a \\u "
                                           "escape"),
                         -1;
                ps->p += 2;
                if (!tp_json_hex4 (ps, &low))
                  return -1;
                if (low < 0xDC00 || low > 0xDFFF)
                  return tp_json_fail (ps, "bad low surrogate in a \\u "
                                           "escape"),
                         -1;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            if (c == 0)
              ps->rec->has_nul = TRUE;
            o += g_unichar_to_utf8 (c, o);
            break;
          }
        default:
          ps->p--;
          return tp_json_fail (ps, "bad escape in a string"), -1;
        }
    }
}

/* Length in JSON of the string at ps->p (after its opening quote), up to
 * and without its closing quote, for sizing the decode buffer; does not
 * move the parser. */
static gsize
tp_json_string_extent (const TpJsonParser *ps)
{
  const char *p = ps->p;

  for (;;)
    {
      p = tp_json_skip_plain (p, ps->end);
      if (p >= ps->end || *p == '"')
        return p - ps->p;
      if (*p == '\\')
        p += 2;
      else
        p++; /* a control character: the decoder reports it */
      if (p > ps->end)
        return ps->end - ps->p;
    }
}

/* Appends the string at ps->p (after its opening quote), decoded and
 * NUL-terminated, to the record's arena; stores its offset and length. */
static gboolean
tp_json_string_to_arena (TpJsonParser *ps, gsize *offset, gsize *len)
{
  GString *arena = ps->rec->arena;
  gsize at = arena->len, room = tp_json_string_extent (ps);
  gssize n;

  g_string_set_size (arena, at + room + 1);
  n = tp_json_decode_string (ps, arena->str + at);
  if (n < 0)
    return FALSE;
  arena->str[at + n] = '\0';
  g_string_set_size (arena, at + n + 1);
  *offset = at;
  *len = n;
  return TRUE;
}

/* Checks a number at ps->p and moves past it. */
static gboolean
tp_json_number (TpJsonParser *ps)
{
  const char *p = ps->p, *end = ps->end;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return tp_json_fail (ps, "bad number");
  if (p < end && *p == '.')
    {
      if (++p >= end || !g_ascii_isdigit (*p))
        return ps->p = p, tp_json_fail (ps, "bad number");
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return ps->p = p, tp_json_fail (ps, "bad number");
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  ps->p = p;
  return TRUE;
}

/* Checks the value at ps->p and moves past it, appending its JSON text,
 * without insignificant white space, to @out. */
static gboolean
tp_json_skip_value (TpJsonParser *ps, GString *out, guint depth)
{
  const char *from;

  if (depth > TP_JSON_MAX_DEPTH)
    return tp_json_fail (ps, "nesting deeper than 512 levels");
  tp_json_skip_space (ps);
  if (ps->p >= ps->end)
    return tp_json_fail (ps, "missing value");
  from = ps->p;
  switch (*ps->p)
    {
    case '"':
      {
        /* Checked by decoding into scratch space, copied as written. */
        gsize room = tp_json_string_extent (
            &(TpJsonParser){ .p = ps->p + 1, .end = ps->end });
        char *scratch = g_malloc (room + 1);
        gssize n;
        ps->p++;
        n = tp_json_decode_string (ps, scratch);
        g_free (scratch);
        if (n < 0)
          return FALSE;
        g_string_append_len (out, from, ps->p - from);
        return TRUE;
      }
    case '{':
    case '[':
      {
        char close = *ps->p == '{' ? '}' : ']';
        gboolean object = close == '}';
        g_string_append_c (out, *ps->p++);
        tp_json_skip_space (ps);
        if (ps->p < ps->end && *ps->p == close)
          {
            g_string_append_c (out, *ps->p++);
            return TRUE;
          }
        for (;;)
          {
            if (object)
              {
                tp_json_skip_space (ps);
                if (ps->p >= ps->end || *ps->p != '"')
                  return tp_json_fail (ps, "expected a key");
                if (!tp_json_skip_value (ps, out, depth + 1))
                  return FALSE;
                tp_json_skip_space (ps);
                if (ps->p >= ps->end || *ps->p != ':')
                  return tp_json_fail (ps, "expected ':'");
                g_string_append_c (out, *ps->p++);
              }
            if (!tp_json_skip_value (ps, out, depth + 1))
              return FALSE;
            tp_json_skip_space (ps);
            if (ps->p < ps->end && *ps->p == ',')
              {
                g_string_append_c (out, *ps->p++);
                continue;
              }
            if (ps->p < ps->end && *ps->p == close)
              {
                g_string_append_c (out, *ps->p++);
                return TRUE;
              }
            return tp_json_fail (ps, object ? "expected ',' or '}'"
                                            : "expected ',' or ']'");
          }
      }
    case 't':
    case 'f':
    case 'n':
      {
        static const char *const words[] = { "true", "false", "null" };
        for (guint i = 0; i < G_N_ELEMENTS (words); i++)
          {
            gsize n = strlen (words[i]);
            if ((gsize)(ps->end - ps->p) >= n
                && memcmp (ps->p, words[i], n) == 0)
              {
                ps->p += n;
                g_string_append_len (out, from, n);
                return TRUE;
              }
          }
        return tp_json_fail (ps, "unknown word");
      }
    default:
      if (!tp_json_number (ps))
        return FALSE;
      g_string_append_len (out, from, ps->p - from);
      return TRUE;
    }
}

/* Parses one field's value: the text field is decoded into its own
 * buffer, other strings into the arena, other values kept as JSON text. */
static gboolean
tp_json_field_value (TpJsonParser *ps, TpJsonField *f, const char *text_field)
{
  TpJsonRecord *rec = ps->rec;

  tp_json_skip_space (ps);
  if (ps->p < ps->end && *ps->p == '"')
    {
      f->is_string = TRUE;
      ps->p++;
      if (rec->text == NULL
          && strcmp (rec->arena->str + f->key, text_field) == 0)
        {
          /* One pass: the rest of the line bounds the text, which is most
           * of it (the few bytes of fields after it are not worth a
           * second pass to measure). */
          gsize room = ps->end - ps->p;
          gssize n;
          rec->text = g_malloc (room + 1);
          n = tp_json_decode_string (ps, rec->text);
          if (n < 0)
            return FALSE;
          rec->text[n] = '\0';
          rec->text_len = n;
          f->value = G_MAXSIZE; /* in rec->text */
          return TRUE;
        }
      return tp_json_string_to_arena (ps, &f->value, &f->value_len);
    }
  f->is_string = FALSE;
  {
    gsize at = rec->arena->len;
    if (!tp_json_skip_value (ps, rec->arena, 1))
      return FALSE;
    f->value = at;
    f->value_len = rec->arena->len - at;
    g_string_append_c (rec->arena, '\0');
  }
  return TRUE;
}

void
tp_json_record_init (TpJsonRecord *rec)
{
  memset (rec, 0, sizeof *rec);
  rec->arena = g_string_sized_new (256);
  rec->fields = g_array_new (FALSE, FALSE, sizeof (TpJsonField));
}

void
tp_json_record_clear (TpJsonRecord *rec)
{
  if (rec->arena)
    g_string_free (rec->arena, TRUE);
  if (rec->fields)
    g_array_unref (rec->fields);
  g_free (rec->text);
  memset (rec, 0, sizeof *rec);
}

const TpJsonField *
tp_json_record_find (const TpJsonRecord *rec, const char *key)
{
  for (guint i = 0; i < rec->fields->len; i++)
    {
      const TpJsonField *f = &g_array_index (rec->fields, TpJsonField, i);
      if (strcmp (rec->arena->str + f->key, key) == 0)
        return f;
    }
  return NULL;
}

gboolean
tp_json_record_parse (TpJsonRecord *rec, const char *line, gsize len,
                      const char *text_field, GError **error)
{
  TpJsonParser ps = { line, line, line + len, rec, error };

  tp_json_skip_space (&ps);
  if (ps.p >= ps.end || *ps.p != '{')
    {
      GString *ignored = g_string_new (NULL);
      gboolean value = ps.p < ps.end && tp_json_skip_value (&ps, ignored, 1);
      g_string_free (ignored, TRUE);
      if (value)
        g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_BAD_RECORD,
                     "the record is not a JSON object");
      else if (ps.p >= ps.end && error && *error == NULL)
        tp_json_fail (&ps, "empty record");
      return FALSE;
    }
  ps.p++;
  tp_json_skip_space (&ps);
  if (ps.p < ps.end && *ps.p == '}')
    ps.p++;
  else
    for (;;)
      {
        TpJsonField f = { 0 };
        tp_json_skip_space (&ps);
        if (ps.p >= ps.end || *ps.p != '"')
          return tp_json_fail (&ps, "expected a key");
        ps.p++;
        if (!tp_json_string_to_arena (&ps, &f.key, &f.key_len))
          return FALSE;
        tp_json_skip_space (&ps);
        if (ps.p >= ps.end || *ps.p != ':')
          return tp_json_fail (&ps, "expected ':'");
        ps.p++;
        if (!tp_json_field_value (&ps, &f, text_field))
          return FALSE;
        g_array_append_val (rec->fields, f);
        tp_json_skip_space (&ps);
        if (ps.p < ps.end && *ps.p == ',')
          {
            ps.p++;
            continue;
          }
        if (ps.p < ps.end && *ps.p == '}')
          {
            ps.p++;
            break;
          }
        return tp_json_fail (&ps, "expected ',' or '}'");
      }
  tp_json_skip_space (&ps);
  if (ps.p < ps.end)
    return tp_json_fail (&ps, "text after the record");
  return TRUE;
}
