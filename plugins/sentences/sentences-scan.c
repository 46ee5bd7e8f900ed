/* sentences-scan.c: the next byte of a small set in a text.  The splitter
 * looks only at the few bytes that may end a sentence, and finding them
 * is a large part of its time: strcspn reloads its set on every call.  Here
 * a set is classified by nibbles (two table look-ups and an AND per byte,
 * sixteen bytes per instruction where SSSE3 is there).  A thirty-two-byte
 * AVX2 version was slower here (fewer instructions, more time): the hits
 * are too close together for the wider unit to pay off. */
#include "config.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define SENTENCES_SCAN_X86 1
#endif

#include "sentences-scan.h"

/* Prepares @set for the @n bytes at @bytes; FALSE when they fall in more
 * than eight high nibbles (the classifier has eight group bits). */
gboolean
sentences_scan_set_init (SentencesScanSet *set, const char *bytes, gsize n)
{
  guint groups = 0;

  memset (set, 0, sizeof *set);
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar)bytes[i];
      guint h = c >> 4;
      if (set->hi[h] == 0)
        {
          if (groups == 8)
            return FALSE;
          set->hi[h] = (guint8)(1u << groups++);
        }
      set->lo[c & 0x0F] |= set->hi[h];
      set->in[c] = TRUE;
    }
#ifdef SENTENCES_SCAN_X86
  set->wide = __builtin_cpu_supports ("ssse3");
#endif
  return TRUE;
}

/* The byte-at-a-time scan: the first byte at or after @p that is in @set,
 * or @len. */
static inline gsize
sentences_scan_bytes (const SentencesScanSet *set, const guchar *t, gsize p,
                      gsize len)
{
  while (p < len && !set->in[t[p]])
    p++;
  return p;
}

#ifdef SENTENCES_SCAN_X86
/* The sixteen-byte scan: the first byte of the set in whole blocks of
 * sixteen from @p, then in the bytes after the last whole block. */
__attribute__ ((target ("ssse3"))) static gsize
sentences_scan_wide (const SentencesScanSet *set, const guchar *t, gsize p,
                     gsize len)
{
  const __m128i lo = _mm_loadu_si128 ((const __m128i *)set->lo);
  const __m128i hi = _mm_loadu_si128 ((const __m128i *)set->hi);
  const __m128i nibble = _mm_set1_epi8 (0x0F);
  const __m128i zero = _mm_setzero_si128 ();

  for (; p + 16 <= len; p += 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)(t + p));
      __m128i l = _mm_shuffle_epi8 (lo, _mm_and_si128 (v, nibble));
      __m128i h = _mm_shuffle_epi8 (
          hi, _mm_and_si128 (_mm_srli_epi16 (v, 4), nibble));
      guint miss = (guint)_mm_movemask_epi8 (
          _mm_cmpeq_epi8 (_mm_and_si128 (l, h), zero));
      if (miss != 0xFFFF)
        return p + (gsize)__builtin_ctz (~miss);
    }
  return sentences_scan_bytes (set, t, p, len);
}
#endif

/* Returns the first byte at or after @p that is in @set, or @len when none
 * is before the end of the text. */
gsize
sentences_scan_next (const SentencesScanSet *set, const guchar *t, gsize p,
                     gsize len)
{
#ifdef SENTENCES_SCAN_X86
  /* one call: the wide scan ends with the bytes after its last block */
  if (G_LIKELY (set->wide))
    return sentences_scan_wide (set, t, p, len);
#endif
  return sentences_scan_bytes (set, t, p, len);
}
