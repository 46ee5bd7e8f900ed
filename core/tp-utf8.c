/* tp-utf8.c: UTF-8 checks on the reading path, where every input byte
 * passes: ASCII runs are skipped sixty-four bytes at a time (SSE2; eight
 * at a time without it). */
#include "config.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Length of the run of plain ASCII bytes (no NUL, no byte >= 0x80) at the
 * start of @s, which has @len bytes: where the validator spends its time,
 * so sixty-four bytes are tested at a time (SSE2, else eight at a time). */
static gsize
tp_utf8_ascii_run (const guchar *s, gsize len)
{
  gsize i = 0;

#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128 ();

  for (; i + 64 <= len; i += 64)
    {
      __m128i a = _mm_loadu_si128 ((const __m128i *)(s + i));
      __m128i b = _mm_loadu_si128 ((const __m128i *)(s + i + 16));
      __m128i c = _mm_loadu_si128 ((const __m128i *)(s + i + 32));
      __m128i d = _mm_loadu_si128 ((const __m128i *)(s + i + 48));
      /* the high bit of any byte, or a zero byte in any of the four */
      __m128i high = _mm_or_si128 (_mm_or_si128 (a, b), _mm_or_si128 (c, d));
      __m128i low = _mm_min_epu8 (_mm_min_epu8 (a, b), _mm_min_epu8 (c, d));
      __m128i bad = _mm_or_si128 (high, _mm_cmpeq_epi8 (low, zero));
      if (_mm_movemask_epi8 (bad) != 0)
        break;
    }
#endif
  for (; i + 8 <= len; i += 8)
    {
      guint64 word;
      memcpy (&word, s + i, 8);
      if (((word & TP_HIGH_BITS) | TP_HAS_ZERO (word)) != 0)
        break;
    }
  while (i < len && s[i] < 0x80 && s[i] != 0)
    i++;
  return i;
}

gboolean
tp_utf8_check (const char *text, gsize len, const char **bad, gboolean *ascii)
{
  const guchar *s = (const guchar *)text;
  const guchar *end = s + len;
  gboolean only_ascii = TRUE;

  for (;;)
    {
      gsize n;

      s += tp_utf8_ascii_run (s, end - s);
      if (s == end)
        break;
      n = tp_utf8_sequence (s, end - s);
      if (n == 0)
        {
          if (bad)
            *bad = (const char *)s;
          return FALSE;
        }
      only_ascii = FALSE;
      s += n;
    }
  if (bad)
    *bad = (const char *)end;
  if (ascii)
    *ascii = only_ascii;
  return TRUE;
}

gboolean
tp_utf8_validate (const char *text, gsize len, const char **bad)
{
  return tp_utf8_check (text, len, bad, NULL);
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
