/* sentences-scan.h: finding the next byte of a small set in a text, the
 * sentence splitter's inner loop. */
#ifndef SENTENCES_SCAN_H
#define SENTENCES_SCAN_H

#include <glib.h>

/* A set of at most eight distinct high nibbles' worth of bytes, ready for
 * a sixteen-bytes-at-a-time scan. */
typedef struct {
  guint8 lo[16];    /* per low nibble: the groups holding such a byte */
  guint8 hi[16];    /* per high nibble: its group bit, or 0 */
  gboolean in[256]; /* the set itself, for the bytes at the end */
  gboolean wide;    /* the sixteen-byte scan can run on this CPU */
} SentencesScanSet;

gboolean sentences_scan_set_init (SentencesScanSet *set, const char *bytes,
                                  gsize n);
gsize sentences_scan_next (const SentencesScanSet *set, const guchar *t,
                           gsize p, gsize len);

/* What sentences_scan_facts finds in a text. */
enum {
  /* a byte of the set, a byte from 0x80, a period before a lower-case
   * letter (".c"), or ">>"; may also be set for a few texts without them
   * (".{"): it only sends a text the general way */
  SENTENCES_FACT_RARE = 1 << 0,
  SENTENCES_FACT_DAY = 1 << 1, /* "da": the text may hold "day" */
  SENTENCES_FACT_DASHES = 1
                          << 2, /* "---", a rule line of hyphens (with RARE) */
  SENTENCES_FACT_STOP = 1 << 3, /* a stop . ! ? before the limit (not 3.5) */
  SENTENCES_FACT_HYPHEN = 1 << 4, /* a '-' before the text's last byte */
  SENTENCES_FACT_DIGIT = 1 << 5   /* an ASCII digit after its first byte */
};

/* The rare bytes, for the facts pass: each byte of a text is classified
 * twice by nibbles (SentencesScanSet's method), as the first byte of a
 * pair (tables 0) and as the second (tables 1), so that one AND finds the
 * pairs (".c", ">>", "da", "--", a bit each) and one OR the rare bytes
 * (in the four other bits, grouped by sentences_facts_set_init). */
typedef struct {
  guint8 lo[2][16];
  guint8 hi[2][16];
  gboolean in[256]; /* the rare bytes themselves */
  gboolean avx;     /* the sixteen-byte pass can run on this CPU */
} SentencesFactsSet;

void sentences_facts_set_init (SentencesFactsSet *set, const char *bytes,
                               gsize n);
guint sentences_scan_facts (const SentencesFactsSet *rare, const guchar *t,
                            gsize len, gsize limit);
guint sentences_scan_facts_by (const SentencesFactsSet *rare, const guchar *t,
                               gsize len, gsize limit, gboolean wide);

#endif
