/* tp-utf8.c: UTF-8 checks on the reading path, where every input byte
 * passes: ASCII runs are skipped eight bytes at a time. */
#include "config.h"

#include <string.h>

#include "tp-private.h"

/* Length of the valid UTF-8 sequence at @s (at most @left bytes), or 0 when
 * it is invalid: stray continuation bytes, overlong forms, surrogates,
 * code points above U+10FFFF and truncated sequences are all refused. */
gsize
tp_utf8_sequence (const guchar *s, gsize left)
{
  guchar c = s[0];

  if (c < 0xC2)
    return 0; /* continuation byte or overlong 2-byte lead */
  if (c < 0xE0)
    return left >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0)
    {
      if (left < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
        return 0; /* overlong, or a UTF-16 surrogate */
      return 3;
    }
  if (c < 0xF5)
    {
      if (left < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80
          || (s[3] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
        return 0; /* overlong, or above U+10FFFF */
      return 4;
    }
  return 0;
}

gboolean
tp_utf8_validate (const char *text, gsize len, const char **bad)
{
  const guchar *s = (const guchar *)text;
  const guchar *end = s + len;

  while (s < end)
    {
      guint64 word;
      gsize n;

      if (end - s >= 8)
        {
          memcpy (&word, s, 8);
          if (((word & TP_HIGH_BITS) | TP_HAS_ZERO (word)) == 0)
            {
              s += 8;
              continue;
            }
        }
      if (*s < 0x80 && *s != 0)
        {
          s++;
          continue;
        }
      n = tp_utf8_sequence (s, end - s);
      if (n == 0)
        {
          if (bad)
            *bad = (const char *)s;
          return FALSE;
        }
      s += n;
    }
  if (bad)
    *bad = (const char *)end;
  return TRUE;
}

gboolean
tp_utf8_is_ascii (const char *text, gsize len)
{
  const guchar *s = (const guchar *)text;
  guint64 acc = 0, word;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      memcpy (&word, s + i, 8);
      acc |= word;
    }
  for (; i < len; i++)
    acc |= s[i];
  return (acc & TP_HIGH_BITS) == 0;
}
