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

/* The bits of the facts pass's classes (SentencesFactsSet): a pair's
 * first byte has its bit in class 0, its second byte in class 1; the rare
 * bytes have the two low bits of class 0 and the three low bits of class
 * 1; the stops have bits 2 and 3 of class 0 and, the period, the bit of
 * ".c"; the digits have bit 3 of class 1 (a period before one, in 3.5,
 * decides nothing). */
enum {
  SENTENCES_PAIR_STOP_LOWER = 0x10, /* ".c" (class 1: 0x60 to 0x7F) */
  SENTENCES_PAIR_DAY = 0x20,        /* "da" */
  SENTENCES_PAIR_DASHES = 0x40,     /* "--" */
  SENTENCES_PAIR_QUOTED = 0x80,     /* ">>" */
  SENTENCES_RARE_BITS_0 = 0x03,
  SENTENCES_RARE_BITS_1 = 0x07,
  SENTENCES_DIGIT_1 = 0x08,
  SENTENCES_STOP_BITS = 0x1C /* class 0: ! ? and . */
};

/* Adds byte @c to @bit of class @k of @set. */
static void
sentences_facts_add (SentencesFactsSet *set, guint k, guint8 bit, guchar c)
{
  set->lo[k][c & 0x0F] |= bit;
  set->hi[k][c >> 4] |= bit;
}

/* TRUE when @bit of class @k of @set, with byte @c added, still holds
 * only rare bytes (a class bit holds every byte whose high nibble and low
 * nibble both have it). */
static gboolean
sentences_facts_fits (const SentencesFactsSet *set, guint k, guint8 bit,
                      guchar c)
{
  for (guint h = 0; h < 16; h++)
    for (guint l = 0; l < 16; l++)
      if (((set->hi[k][h] & bit) || h == (guint)(c >> 4))
          && ((set->lo[k][l] & bit) || l == (guint)(c & 0x0F))
          && !set->in[(h << 4) | l])
        return FALSE;
  return TRUE;
}

/* Prepares @set for the rare bytes @bytes (@n of them): each goes to the
 * first of the five rare bits (two in class 0, three in class 1) that it
 * can share without letting in another byte.  A rare byte found only by
 * class 1 (as the second byte of a pair) is not seen at the text's first
 * byte, which the pass tests alone.  When a byte does not fit (or is from
 * 0x80), the facts are found a byte at a time: the same, but slower (a
 * new rare byte may need the groups rearranged). */
void
sentences_facts_set_init (SentencesFactsSet *set, const char *bytes, gsize n)
{
  gboolean fit = TRUE;

  memset (set, 0, sizeof *set);
  for (gsize i = 0; i < n; i++)
    set->in[(guchar)bytes[i]] = TRUE;
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar)bytes[i];
      guint k, b;
      for (k = 0; k < 2; k++)
        {
          guint bits = k == 0 ? 2 : 3;
          for (b = 0; b < bits; b++)
            if (sentences_facts_fits (set, k, (guint8)(1u << b), c))
              break;
          if (b < bits)
            break;
        }
      if (k == 2 || c >= 0x80)
        {
          fit = FALSE;
          continue;
        }
      sentences_facts_add (set, k, (guint8)(1u << b), c);
    }
  sentences_facts_add (set, 0, SENTENCES_PAIR_STOP_LOWER, '.');
  sentences_facts_add (set, 0, 0x04, '!');
  sentences_facts_add (set, 0, 0x08, '?');
  for (guchar c = 'a'; c <= 'z'; c++)
    sentences_facts_add (set, 1, SENTENCES_PAIR_STOP_LOWER, c);
  for (guchar c = '0'; c <= '9'; c++)
    sentences_facts_add (set, 1, SENTENCES_DIGIT_1, c);
  sentences_facts_add (set, 0, SENTENCES_PAIR_DAY, 'd');
  sentences_facts_add (set, 1, SENTENCES_PAIR_DAY, 'a');
  sentences_facts_add (set, 0, SENTENCES_PAIR_DASHES, '-');
  sentences_facts_add (set, 1, SENTENCES_PAIR_DASHES, '-');
  sentences_facts_add (set, 0, SENTENCES_PAIR_QUOTED, '>');
  sentences_facts_add (set, 1, SENTENCES_PAIR_QUOTED, '>');
#ifdef SENTENCES_SCAN_X86
  set->avx = fit && __builtin_cpu_supports ("avx");
#else
  (void)fit;
#endif
}

/* TRUE when "---" occurs in the text @t (@len bytes, NUL-terminated): the
 * exact test behind the pass's "--", which few texts hold. */
static gboolean
sentences_has_dashes (const guchar *t, gsize len)
{
  const guchar *d = memchr (t, '-', len);

  while (d != NULL)
    {
      /* d[1] is at most the NUL; d[2] is read only after a '-' */
      if (d[1] == '-' && d[2] == '-')
        return TRUE;
      d = memchr (d + 1, '-', len - (gsize)(d + 1 - t));
    }
  return FALSE;
}

/* TRUE for the stops . ! ? */
static inline gboolean
sentences_is_stop (guchar c)
{
  return c == '.' || c == '!' || c == '?';
}

/* The facts of the text @t (@len bytes, NUL-terminated: a pair may end on
 * the NUL), one byte at a time; stops count before @limit, but a period
 * before a digit. */
static guint
sentences_facts_bytes (const SentencesFactsSet *rare, const guchar *t,
                       gsize len, gsize limit)
{
  guint facts = 0;

  for (gsize p = 0; p < len; p++)
    {
      guchar c = t[p];
      if (p < limit && sentences_is_stop (c)
          && !(c == '.' && g_ascii_isdigit (t[p + 1])))
        facts |= SENTENCES_FACT_STOP;
      if (rare->in[c] || c >= 0x80 || (c == '.' && g_ascii_islower (t[p + 1]))
          || (c == '>' && t[p + 1] == '>'))
        facts |= SENTENCES_FACT_RARE;
      if (c == 'd' && t[p + 1] == 'a')
        facts |= SENTENCES_FACT_DAY;
      if (c == '-' && p + 1 < len)
        facts |= SENTENCES_FACT_HYPHEN;
      if (p >= 1 && g_ascii_isdigit (c))
        facts |= SENTENCES_FACT_DIGIT;
    }
  if (sentences_has_dashes (t, len))
    facts |= SENTENCES_FACT_DASHES | SENTENCES_FACT_RARE;
  return facts;
}

#ifdef SENTENCES_SCAN_X86
/* Classes of the sixteen bytes @v by the tables @lo and @hi.  The low
 * nibble needs no mask: the shuffle reads the index's low four bits, and
 * gives 0 for a byte from 0x80, which no class holds (sentences_facts_set_init
 * takes only ASCII bytes; those from 0x80 are found apart). */
__attribute__ ((target ("avx"))) static inline __m128i
sentences_facts_classes (__m128i lo, __m128i hi, __m128i v)
{
  const __m128i nibble = _mm_set1_epi8 (0x0F);

  return _mm_and_si128 (
      _mm_shuffle_epi8 (lo, v),
      _mm_shuffle_epi8 (hi, _mm_and_si128 (_mm_srli_epi16 (v, 4), nibble)));
}

/* The OR of the sixteen bytes of each of @a, @b, @c and @d, in bytes 0, 1,
 * 2 and 3 of the result: the pass's findings, tested then by bit in one
 * register, without a compare and a mask per fact. */
__attribute__ ((target ("avx"))) static inline guint32
sentences_facts_or4 (__m128i a, __m128i b, __m128i c, __m128i d)
{
  /* 16-bit lanes (a | a', b | b'), then 32-bit lanes (a, b, c, d), then
   * the four lanes folded */
  __m128i ab
      = _mm_or_si128 (_mm_unpacklo_epi8 (a, b), _mm_unpackhi_epi8 (a, b));
  __m128i cd
      = _mm_or_si128 (_mm_unpacklo_epi8 (c, d), _mm_unpackhi_epi8 (c, d));
  __m128i x
      = _mm_or_si128 (_mm_unpacklo_epi16 (ab, cd), _mm_unpackhi_epi16 (ab, cd));

  x = _mm_or_si128 (x, _mm_srli_si128 (x, 8));
  x = _mm_or_si128 (x, _mm_srli_si128 (x, 4));
  return (guint32)_mm_cvtsi128_si32 (x);
}

/* One block of the facts pass at @p: the classes of the bytes at @p
 * (class 0) and at @p + 1 (class 1) added to the findings but class 0's
 * rare bytes and stops, which the caller adds where they count: class 0 is
 * returned, without the stop bit of a period before a digit. */
__attribute__ ((target ("avx"), always_inline)) static inline __m128i
sentences_facts_block (const __m128i *tables, const guchar *t, gsize p,
                       __m128i *singles1, __m128i *pairs, __m128i *high)
{
  __m128i v0 = _mm_loadu_si128 ((const __m128i *)(t + p));
  __m128i c0 = sentences_facts_classes (tables[0], tables[1], v0);
  __m128i c1 = sentences_facts_classes (
      tables[2], tables[3], _mm_loadu_si128 ((const __m128i *)(t + p + 1)));

  /* class 1's digit bit moved to the period's: no carry out of a byte */
  __m128i digit_next = _mm_and_si128 (_mm_slli_epi16 (c1, 1),
                                      _mm_set1_epi8 (SENTENCES_DIGIT_1 << 1));

  *singles1 = _mm_or_si128 (*singles1, c1);
  *pairs = _mm_or_si128 (*pairs, _mm_and_si128 (c0, c1));
  *high = _mm_or_si128 (*high, v0); /* bytes from 0x80: their top bit */
  return _mm_andnot_si128 (digit_next, c0);
}

/* The stops among the sixteen bytes of class 0 @c0, a bit each. */
__attribute__ ((target ("avx"), always_inline)) static inline guint
sentences_facts_stops (__m128i c0)
{
  __m128i stops = _mm_and_si128 (c0, _mm_set1_epi8 (SENTENCES_STOP_BITS));

  return (guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (stops, _mm_setzero_si128 ()))
         ^ 0xFFFF;
}

/* The facts of a text of seventeen bytes or more, sixteen positions at a
 * time: each block classifies the bytes at p (class 0) and at p + 1
 * (class 1), so whole blocks run while p + 17 <= len (the NUL at len is
 * the last byte read); then the block that ends there, overlapping.  The
 * text's last byte (which no position starts at) and its first (which
 * class 1 does not see) are tested alone.  No branch per block: the
 * blocks' findings are ORed together and tested at the end; the blocks
 * wholly before @limit (at most @len) go to their own class 0 findings,
 * whose stops count, and so do the stops before @limit of the block that
 * holds it.  Two classifications, two ORs and an AND per block: the pass
 * reads every byte of every text. */
__attribute__ ((target ("avx"))) static guint
sentences_facts_wide (const SentencesFactsSet *rare_set, const guchar *t,
                      gsize len, gsize limit)
{
  const __m128i tables[4] = {
    _mm_loadu_si128 ((const __m128i *)rare_set->lo[0]),
    _mm_loadu_si128 ((const __m128i *)rare_set->hi[0]),
    _mm_loadu_si128 ((const __m128i *)rare_set->lo[1]),
    _mm_loadu_si128 ((const __m128i *)rare_set->hi[1]),
  };
  __m128i before = _mm_setzero_si128 (), singles0 = before, singles1 = before,
          pairs = before, high = before;
  guint facts, stop = 0, rare, found, s0, s1, pr;
  gsize p;

  for (p = 0; p + 17 <= len && p + 16 <= limit; p += 16)
    before = _mm_or_si128 (
        before, sentences_facts_block (tables, t, p, &singles1, &pairs, &high));
  for (; p + 17 <= len; p += 16)
    {
      __m128i c0
          = sentences_facts_block (tables, t, p, &singles1, &pairs, &high);
      singles0 = _mm_or_si128 (singles0, c0);
      if (p < limit) /* the block that holds the limit */
        stop |= sentences_facts_stops (c0) & ((1u << (limit - p)) - 1);
    }
  /* p <= len - 1: the bytes from p to len - 2 by the block ending at the
   * NUL (its bit k is byte len - 17 + k), then the last byte */
  if (p < len - 1)
    {
      __m128i c0 = sentences_facts_block (tables, t, len - 17, &singles1,
                                          &pairs, &high);
      singles0 = _mm_or_si128 (singles0, c0);
      if (p < limit)
        stop |= (sentences_facts_stops (c0) >> (p - (len - 17)))
                & ((1u << (limit - p)) - 1);
    }
  singles0 = _mm_or_si128 (singles0, before);
  found = sentences_facts_or4 (singles0, singles1, pairs, before);
  s0 = found & 0xFF;
  s1 = (found >> 8) & 0xFF;
  pr = (found >> 16) & 0xFF;
  /* every fact by bits, without a branch: a branch per fact was
   * mispredicted on the texts that have it */
  rare = ((s0 & SENTENCES_RARE_BITS_0) | (s1 & SENTENCES_RARE_BITS_1)
          | (pr & (SENTENCES_PAIR_STOP_LOWER | SENTENCES_PAIR_QUOTED)))
         != 0;
  rare |= (_mm_movemask_epi8 (high) != 0) | (rare_set->in[t[0]] != 0)
          | (rare_set->in[t[len - 1]] != 0) | (t[len - 1] >= 0x80);
  stop = (stop != 0) | (((found >> 24) & SENTENCES_STOP_BITS) != 0)
         | ((len - 1 < limit) & sentences_is_stop (t[len - 1]));
  facts = (rare ? SENTENCES_FACT_RARE : 0) | (stop ? SENTENCES_FACT_STOP : 0)
          | ((pr & SENTENCES_PAIR_DAY) ? SENTENCES_FACT_DAY : 0)
          /* class 0 sees bytes 0 to len - 2, class 1 bytes 1 to len - 1:
           * the facts' own bounds */
          | ((s0 & SENTENCES_PAIR_DASHES) ? SENTENCES_FACT_HYPHEN : 0)
          | ((s1 & SENTENCES_DIGIT_1) ? SENTENCES_FACT_DIGIT : 0);
  if (G_UNLIKELY (pr & SENTENCES_PAIR_DASHES) && sentences_has_dashes (t, len))
    facts |= SENTENCES_FACT_DASHES | SENTENCES_FACT_RARE;
  return facts;
}

#endif

/* Facts about the whole text @t (@len bytes, NUL-terminated) in one pass:
 * whether it holds a byte of @rare (or one from 0x80, ".c", ">>", "---"),
 * whether it holds "da" (as "day" does) and whether "---" (a text without
 * them can be split by its stops alone, and has no dateline), and whether
 * a stop . ! ? comes before byte @limit (a period before a digit, as in
 * 3.5, does not count: the split decides nothing there). */
guint
sentences_scan_facts (const SentencesFactsSet *rare, const guchar *t, gsize len,
                      gsize limit)
{
#ifdef SENTENCES_SCAN_X86
  if (G_LIKELY (rare->avx) && len >= 17)
    return sentences_facts_wide (rare, t, len, MIN (limit, len));
#endif
  return sentences_facts_bytes (rare, t, len, limit);
}

/* sentences_scan_facts by the byte pass (@wide FALSE) or, where the CPU
 * has it, the sixteen-byte pass: for the tests that compare the two. */
guint
sentences_scan_facts_by (const SentencesFactsSet *rare, const guchar *t,
                         gsize len, gsize limit, gboolean wide)
{
  SentencesFactsSet set = *rare;

  set.avx = set.avx && wide;
  return sentences_scan_facts (&set, t, len, limit);
}
