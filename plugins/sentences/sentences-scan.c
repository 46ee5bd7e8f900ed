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
  set->avx = __builtin_cpu_supports ("avx");
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

/* The facts of the bytes from @p to the end of the text @t (@len bytes,
 * NUL-terminated: a pair may end on the NUL), one byte at a time. */
static guint
sentences_facts_bytes (const SentencesScanSet *rare, const guchar *t, gsize p,
                       gsize len)
{
  guint facts = 0;

  for (; p < len; p++)
    {
      guchar c = t[p];
      if (rare->in[c] || c >= 0x80 || (c == '.' && g_ascii_islower (t[p + 1]))
          || (c == '>' && t[p + 1] == '>'))
        facts |= SENTENCES_FACT_RARE;
      /* t[p + 2] is at most the NUL when t[p + 1] is a letter or '-' */
      if (c == 'd' && t[p + 1] == 'a' && t[p + 2] == 'y')
        facts |= SENTENCES_FACT_DAY;
      if (c == '-' && t[p + 1] == '-' && t[p + 2] == '-')
        facts |= SENTENCES_FACT_DASHES | SENTENCES_FACT_RARE;
    }
  return facts;
}

#ifdef SENTENCES_SCAN_X86
/* The facts of a text of seventeen bytes or more, sixteen positions at a
 * time: each block reads the bytes at p, p + 1 and p + 2, so blocks run
 * while p + 17 <= len (the NUL at len is the last byte read); the last
 * block is the one that ends there, and the text's last byte, which it
 * does not start a position at, is tested alone.  No branch per block:
 * the blocks' findings are ORed together and tested at the end. */
__attribute__ ((target ("avx"))) static guint
sentences_facts_wide (const SentencesScanSet *rare, const guchar *t, gsize len)
{
  const __m128i lo = _mm_loadu_si128 ((const __m128i *)rare->lo);
  const __m128i hi = _mm_loadu_si128 ((const __m128i *)rare->hi);
  const __m128i nibble = _mm_set1_epi8 (0x0F);
  const __m128i to_a = _mm_set1_epi8 ((char)(0x80 - 'a'));
  const __m128i az = _mm_set1_epi8 ((char)(-128 + 26));
  __m128i in_set = _mm_setzero_si128 (), high = in_set, pairs = in_set,
          day = in_set, dashes = in_set;
  gsize p = 0;
  guint facts = 0;

  for (;; p += 16)
    {
      __m128i v0, v1, v2, lower;
      if (p + 17 > len)
        p = len - 17; /* the last block, overlapping */
      v0 = _mm_loadu_si128 ((const __m128i *)(t + p));
      v1 = _mm_loadu_si128 ((const __m128i *)(t + p + 1));
      v2 = _mm_loadu_si128 ((const __m128i *)(t + p + 2));
      in_set = _mm_or_si128 (
          in_set, _mm_and_si128 (
                      _mm_shuffle_epi8 (lo, _mm_and_si128 (v0, nibble)),
                      _mm_shuffle_epi8 (
                          hi, _mm_and_si128 (_mm_srli_epi16 (v0, 4), nibble))));
      high = _mm_or_si128 (high, v0);
      lower = _mm_cmplt_epi8 (_mm_add_epi8 (v1, to_a), az);
      pairs = _mm_or_si128 (
          pairs,
          _mm_or_si128 (
              _mm_and_si128 (_mm_cmpeq_epi8 (v0, _mm_set1_epi8 ('.')), lower),
              _mm_and_si128 (_mm_cmpeq_epi8 (v0, _mm_set1_epi8 ('>')),
                             _mm_cmpeq_epi8 (v1, _mm_set1_epi8 ('>')))));
      day = _mm_or_si128 (
          day, _mm_and_si128 (
                   _mm_and_si128 (_mm_cmpeq_epi8 (v0, _mm_set1_epi8 ('d')),
                                  _mm_cmpeq_epi8 (v1, _mm_set1_epi8 ('a'))),
                   _mm_cmpeq_epi8 (v2, _mm_set1_epi8 ('y'))));
      dashes = _mm_or_si128 (
          dashes, _mm_and_si128 (
                      _mm_and_si128 (_mm_cmpeq_epi8 (v0, _mm_set1_epi8 ('-')),
                                     _mm_cmpeq_epi8 (v1, _mm_set1_epi8 ('-'))),
                      _mm_cmpeq_epi8 (v2, _mm_set1_epi8 ('-'))));
      if (p + 17 >= len)
        break;
    }
  if (_mm_movemask_epi8 (_mm_cmpeq_epi8 (in_set, _mm_setzero_si128 ()))
          != 0xFFFF
      || _mm_movemask_epi8 (_mm_or_si128 (high, pairs)) != 0)
    facts |= SENTENCES_FACT_RARE;
  if (_mm_movemask_epi8 (day) != 0)
    facts |= SENTENCES_FACT_DAY;
  if (_mm_movemask_epi8 (dashes) != 0)
    facts |= SENTENCES_FACT_DASHES | SENTENCES_FACT_RARE;
  /* the last byte: only as a rare byte (a pair would end on the NUL) */
  if (rare->in[t[len - 1]] || t[len - 1] >= 0x80)
    facts |= SENTENCES_FACT_RARE;
  return facts;
}

#endif

/* Facts about the whole text @t (@len bytes, NUL-terminated) in one pass:
 * whether it holds a byte of @rare (or one from 0x80, ".c", ">>", "---"),
 * whether it holds "day" and whether "---".  A text without them can be
 * split by its stops alone, and has no dateline. */
guint
sentences_scan_facts (const SentencesScanSet *rare, const guchar *t, gsize len)
{
#ifdef SENTENCES_SCAN_X86
  if (G_LIKELY (rare->avx) && len >= 17)
    return sentences_facts_wide (rare, t, len);
#endif
  return sentences_facts_bytes (rare, t, 0, len);
}
