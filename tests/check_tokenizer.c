/* check_tokenizer.c: table-driven tests of the tokenizer plugin. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tp-harness.h"

/* One case: a text and its tokens joined with '|'. */
typedef struct {
  const char *text;
  const char *tokens;
} TokCase;

/* A text of more than 64 bytes whose tokens of every block class come
 * early (a tail of plain words follows): see test_block_classes. */
#define TOK_BLOCK_TEXT                                                         \
  "Shares of Acme Corp. rose 3/8 to 25 on Feb. 26 - a gain that (analysts "    \
  "said) <ACME> \"cannot\" last. And then the words go on so that a whole "    \
  "block follows them"

static const TokCase tok_cases[] = {
  /* words and sentence punctuation */
  { "The cat sat.", "The|cat|sat|." },
  { "Hello, world!", "Hello|,|world|!" },
  { "Why? Because.", "Why|?|Because|." },
  { "  spaced\t\tout \n", "spaced|out" },
  /* contractions, straight apostrophe */
  { "I don't know.", "I|do|n't|know|." },
  { "We can't, won't and shouldn't.", "We|ca|n't|,|wo|n't|and|should|n't|." },
  { "They're here; I'm late; we've gone; she'll see; he'd go.",
    "They|'re|here|;|I|'m|late|;|we|'ve|gone|;|she|'ll|see|;|he|'d|go|." },
  { "It's DON'T", "It|'s|DO|N'T" },
  /* contractions, curly apostrophe */
  { "We\u2019re sure it isn\u2019t.", "We|\u2019re|sure|it|is|n\u2019t|." },
  { "Canada\u2019s bank", "Canada|\u2019s|bank" },
  /* possessives */
  { "Canada's economy", "Canada|'s|economy" },
  { "the players' union", "the|players|'|union" },
  { "the 1980's boom", "the|1980|'s|boom" },
  /* apostrophes inside names stay */
  { "O'Brien said o'clock", "O'Brien|said|o'clock" },
  /* fused forms */
  { "I cannot go", "I|can|not|go" },
  { "gonna win", "gon|na|win" },
  /* abbreviations and initials */
  { "The U.S. economy", "The|U.S.|economy" },
  { "Dr. Smith met Mr. Jones.", "Dr.|Smith|met|Mr.|Jones|." },
  { "On Jan. 5 it fell.", "On|Jan.|5|it|fell|." },
  { "J.P. Morgan and J. P. Morgan", "J.P.|Morgan|and|J.|P.|Morgan" },
  { "Acme Inc. said", "Acme|Inc.|said" },
  { "e.g. this, i.e. that", "e.g.|this|,|i.e.|that" },
  { "at 5 p.m. today", "at|5|p.m.|today" },
  { "in the U.S. market", "in|the|U.S.|market" },
  /* ending the text or paragraph, the period is the full stop (UD) */
  { "in the U.S.", "in|the|U.S|." },
  { "ask Dr.\n\nNext", "ask|Dr|.|Next" },
  { "Acme Inc.. Next", "Acme|Inc.|.|Next" },
  { "and so on etc...", "and|so|on|etc|..." },
  /* a plain word before a period is not an abbreviation */
  { "the end.", "the|end|." },
  { "He came in.", "He|came|in|." },
  /* numbers */
  { "1,700 people", "1,700|people" },
  { "rose 13.6 pct", "rose|13.6|pct" },
  { "3/8 of it", "3/8|of|it" },
  { "at 10:30 today", "at|10:30|today" },
  { "up 25%", "up|25|%" },
  { "cost $1.2 billion", "cost|$|1.2|billion" },
  { "\u00a35m deal", "\u00a3|5|m|deal" },
  { "\u20ac3.5bn", "\u20ac|3.5|bn" },
  { "the 1990s and the 5th", "the|1990s|and|the|5th" },
  { "call 713-664-7478 now", "call|713-664-7478|now" },
  { "in 1998-2000", "in|1998|-|2000" },
  { "3D and 4gamer", "3D|and|4gamer" },
  /* hyphens */
  { "a search-engine war", "a|search|-|engine|war" },
  { "send e-mail to non-members", "send|e-mail|to|non-members" },
  { "a 15-year-old", "a|15|-|year|-|old" },
  /* dashes and ellipses */
  { "yes\u2014no", "yes|\u2014|no" },
  { "1990\u20131995", "1990|\u2013|1995" },
  { "wait -- here", "wait|--|here" },
  { "and then...", "and|then|..." },
  { "and then\u2026 nothing", "and|then|\u2026|nothing" },
  { "What?!", "What|?!" },
  { "where...? here", "where|...|?|here" },
  /* informal contractions without an apostrophe, and b/c */
  { "i dont know, im sure", "i|do|nt|know|,|i|m|sure" },
  { "IM and DONT", "IM|and|DO|NT" },
  { "alot b/c w/o", "a|lot|b/c|w/o" },
  { "its a shame, its not its own", "it|s|a|shame|,|it|s|not|its|own" },
  /* URLs, e-mails, hashtags, mentions */
  { "see http://example.com/a?b=1.", "see|http://example.com/a?b=1|." },
  { "(https://example.org/x)", "(|https://example.org/x|)" },
  { "visit www.example.com, then", "visit|www.example.com|,|then" },
  /* two sentences typed without a space; domains, tickers, initials stay */
  { "of high quality.You will", "of|high|quality|.|You|will" },
  { "ask anyone.Thanks, Jo", "ask|anyone|.|Thanks|,|Jo" },
  { "see site.Com.au now", "see|site.Com.au|now" },
  { "Match AB <smbs.St> from", "Match|AB|<|smbs.St|>|from" },
  { "the U.S.Army base", "the|U.S.Army|base" },
  { "ST. LOUIS, March 3", "ST.|LOUIS|,|March|3" },
  { "see misc. items on pg. 4", "see|misc.|items|on|pg.|4" },
  { "mail jane.doe@example.co.uk.", "mail|jane.doe@example.co.uk|." },
  { "<info@example.com>", "<|info@example.com|>" },
  { "John Smith/HOU/ECT@ECT wrote", "John|Smith|/|HOU|/|ECT@ECT|wrote" },
  { "plus @example.com.", "plus|@example.com|." },
  { "alt.animals.open-forum", "alt.animals.open-forum" },
  { "#MeToo and @jack", "#MeToo|and|@jack" },
  { "# 1 hit", "#|1|hit" },
  /* quotation marks */
  { "\"Yes,\" he said.", "\"|Yes|,|\"|he|said|." },
  { "\u201cNo,\u201d she said.", "\u201c|No|,|\u201d|she|said|." },
  { "\u2018quoted\u2019 word", "\u2018|quoted|\u2019|word" },
  { "'single' quotes", "'|single|'|quotes" },
  { "``PTB''", "``|PTB|''" },
  { "\u00abbonjour\u00bb", "\u00ab|bonjour|\u00bb" },
  /* emoticons and brackets */
  { "great :-) (really)", "great|:-)|(|really|)" },
  /* non-ASCII letters and spaces */
  { "caf\u00e9 na\u00efve Z\u00fcrich", "caf\u00e9|na\u00efve|Z\u00fcrich" },
  { "a\u00a0b\u2009c", "a|b|c" },
  /* texts longer than 64 bytes, where the tokenizer takes whole blocks of
   * 64 bytes at a time: prefixes and split hyphens, numbers with
   * separators, abbreviations before a period, a dash, brackets, quotes,
   * fused forms (a tail of plain words puts them all in blocks) */
  { "The co-operative said its net profit rose 1,700 dlrs, or 13.6 pct, in "
    "the year-ago quarter. It cannot say and then the words go on so that a "
    "whole block follows them",
    "The|co-operative|said|its|net|profit|rose|1,700|dlrs|,|or|13.6|pct|,|"
    "in|the|year|-|ago|quarter|.|It|can|not|say|and|then|the|words|go|on|so|"
    "that|a|whole|block|follows|them" },
  { TOK_BLOCK_TEXT,
    "Shares|of|Acme|Corp.|rose|3/8|to|25|on|Feb.|26|-|a|gain|that|(|"
    "analysts|said|)|<|ACME|>|\"|can|not|\"|last|.|And|then|the|words|go|"
    "on|so|that|a|whole|block|follows|them" },
  /* hostile: nothing but punctuation */
  { "?!.,;:", "?!.|,|;|:" },
  { "", "" },
  { "   \n\n  ", "" },
};

/* The token texts of @text joined with '|', newly allocated. */
static char *
tok_run (TpHarness *h, const char *text)
{
  GError *error = NULL;
  char *joined = tp_harness_push_and_join (h, text, "token", "|", &error);

  ck_assert_msg (joined != NULL, "push failed: %s",
                 error ? error->message : "?");
  return joined;
}

/* Each table row gives the expected tokens. */
START_TEST (test_table)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer", &error);
  const TokCase *c = &tok_cases[_i];
  char *got;

  ck_assert_msg (h != NULL, "%s", error ? error->message : "?");
  got = tok_run (h, c->text);
  ck_assert_msg (strcmp (got, c->tokens) == 0,
                 "text \"%s\": got \"%s\", want \"%s\"", c->text, got,
                 c->tokens);
  g_free (got);
  tp_harness_free (h);
}
END_TEST

/* With split_contractions off, contractions stay whole. */
START_TEST (test_no_split)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer", &error);
  char *got;

  ck_assert_ptr_nonnull (h);
  tp_harness_set_option (h, "tokenizer", "split_contractions", "false");
  got = tok_run (h, "I don't think Canada's \u2019re cannot");
  ck_assert_str_eq (got, "I|don't|think|Canada's|\u2019|re|cannot");
  g_free (got);
  tp_harness_free (h);
}
END_TEST

/* With split_hyphens off, hyphenated words stay whole. */
START_TEST (test_no_hyphens)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer", &error);
  char *got;

  ck_assert_ptr_nonnull (h);
  tp_harness_set_option (h, "tokenizer", "split_hyphens", "false");
  got = tok_run (h, "a search-engine and a 15-year-old");
  ck_assert_str_eq (got, "a|search-engine|and|a|15-year-old");
  g_free (got);
  tp_harness_free (h);
}
END_TEST

/* Pushes @text through a tokenizer harness *@h; sets *@attr to the
 * token layer's class attribute and returns that layer. */
static TpLayer *
tok_classes_of (TpHarness **h, const char *text, TpDocument **doc, gint *attr)
{
  GError *error = NULL;
  TpLayer *layer;

  *h = tp_harness_new ("tokenizer", &error);
  ck_assert_ptr_nonnull (*h);
  *doc = tp_harness_push_text (*h, text, &error);
  ck_assert_ptr_nonnull (*doc);
  layer = tp_document_get_layer (*doc, "token");
  ck_assert_ptr_nonnull (layer);
  *attr = tp_layer_attr_index (layer, "class");
  ck_assert_int_ge (*attr, 0);
  return layer;
}

/* The class attribute names each token's kind. */
START_TEST (test_classes)
{
  static const char *const text
      = "Hi 12 , $ \" http://a.com x@y.org #tag @bob :-)";
  static const char *const want[]
      = { "word", "number", "punct",   "symbol",  "quote",
          "url",  "email",  "hashtag", "mention", "emoticon" };
  TpHarness *h;
  TpDocument *doc;
  gint attr;
  TpLayer *layer = tok_classes_of (&h, text, &doc, &attr);

  ck_assert_uint_eq (tp_layer_get_length (layer), G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    ck_assert_str_eq (tp_layer_get_enum_string (layer, i, attr), want[i]);
  tp_document_free (doc);
  tp_harness_free (h);
}
END_TEST

/* The classes of tokens taken 64 bytes at a time: words, numbers,
 * punctuation, angle brackets and quotes. */
START_TEST (test_block_classes)
{
  static const char *const want[]
      = { "word",   "word",  "word", "word",   "word",  "number", "word",
          "number", "word",  "word", "number", "punct", "word",   "word",
          "word",   "punct", "word", "word",   "punct", "symbol", "word",
          "symbol", "quote", "word", "word",   "quote", "word",   "punct" };
  TpHarness *h;
  TpDocument *doc;
  gint attr;
  TpLayer *layer = tok_classes_of (&h, TOK_BLOCK_TEXT, &doc, &attr);

  /* the listed tokens, then words only */
  ck_assert_uint_gt (tp_layer_get_length (layer), G_N_ELEMENTS (want));
  for (guint i = 0; i < tp_layer_get_length (layer); i++)
    {
      const char *cls = tp_layer_get_enum_string (layer, i, attr);
      const char *expect = i < G_N_ELEMENTS (want) ? want[i] : "word";
      ck_assert_msg (strcmp (cls, expect) == 0, "token %u: class %s, want %s",
                     i, cls, expect);
    }
  tp_document_free (doc);
  tp_harness_free (h);
}
END_TEST

/* An extra abbreviations file adds entries; a missing file is refused. */
START_TEST (test_abbrev_file)
{
  GError *error = NULL;
  TpHarness *h;
  char *path = NULL, *got;
  int fd = g_file_open_tmp ("tp-abbrev-XXXXXX", &path, &error);

  ck_assert_int_ge (fd, 0);
  ck_assert (write (fd, "Blvdx.\nzork\n", 12) == 12);
  close (fd);
  h = tp_harness_new ("tokenizer", &error);
  ck_assert_ptr_nonnull (h);
  got = tok_run (h, "Blvdx. and zork.");
  ck_assert_str_eq (got, "Blvdx|.|and|zork|.");
  g_free (got);
  tp_harness_free (h);

  h = tp_harness_new ("tokenizer", &error);
  tp_harness_set_option (h, "tokenizer", "abbreviations", path);
  got = tok_run (h, "Blvdx. and Zork. and zork. ok");
  ck_assert_str_eq (got, "Blvdx.|and|Zork.|and|zork.|ok");
  g_free (got);
  tp_harness_free (h);
  g_unlink (path);
  g_free (path);

  h = tp_harness_new ("tokenizer", &error);
  tp_harness_set_option (h, "tokenizer", "abbreviations",
                         "/nonexistent/abbrev.txt");
  ck_assert (!tp_harness_start (h, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  tp_harness_free (h);
}
END_TEST

/* Checks that the tokens of @doc cover every non-space byte exactly once,
 * in order, and returns their count. */
static guint
tok_check_cover (TpDocument *doc)
{
  const char *t = tp_document_get_text (doc);
  gsize n = tp_document_get_length (doc), pos = 0;
  TpLayer *layer = tp_document_get_layer (doc, "token");
  guint len = tp_layer_get_length (layer);

  for (guint i = 0; i < len; i++)
    {
      gsize s = tp_layer_get_start (layer, i), e = tp_layer_get_end (layer, i);
      ck_assert_uint_le (pos, s);
      ck_assert_uint_lt (s, e);
      for (; pos < s; pos++)
        ck_assert_msg (g_ascii_isspace (t[pos]), "byte %zu not covered", pos);
      pos = e;
    }
  ck_assert_uint_le (pos, n);
  return len;
}

/* Hostile input: a 1 MB run without spaces, of several shapes. */
START_TEST (test_long_runs)
{
  static const char *const units[]
      = { "a",        "a.",      ".",  "a-", "1,",     "'",  "a@",
          "http://x", "\u2019s", "-=", "#a", "\u2014", "a'b" };
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer", &error);

  ck_assert_ptr_nonnull (h);
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      GString *s = g_string_sized_new (1 << 20);
      TpDocument *doc;
      while (s->len < (1 << 20))
        g_string_append (s, units[u]);
      doc = tp_harness_push_text (h, s->str, &error);
      ck_assert_msg (doc != NULL, "%s", error ? error->message : "?");
      ck_assert_uint_gt (tok_check_cover (doc), 0);
      /* Speed is for the benchmark (bench/bench.sh), not for a timed
         test on a noisy machine: here only completeness is checked. */
      tp_document_free (doc);
      g_string_free (s, TRUE);
    }
  tp_harness_free (h);
}
END_TEST

/* Size of the big-document tests in MB: 50, or TP_TEST_BIG_MB (smaller
 * under valgrind). */
static gsize
tok_big_bytes (void)
{
  const char *env = g_getenv ("TP_TEST_BIG_MB");
  gsize mb = env ? (gsize)g_ascii_strtoull (env, NULL, 10) : 50;
  return (mb ? mb : 1) << 20;
}

/* Invalid UTF-8 never reaches the plugin: the document is refused with an
 * error, and the harness stays usable. */
START_TEST (test_invalid_utf8)
{
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer", &error);
  TpDocument *doc;
  char *got;

  ck_assert_ptr_nonnull (h);
  doc = tp_harness_push_text (h, "bad \xff\xfe byte", &error);
  ck_assert_ptr_null (doc);
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  got = tok_run (h, "still fine.");
  ck_assert_str_eq (got, "still|fine|.");
  g_free (got);
  tp_harness_free (h);
}
END_TEST

/* Hostile input: a 50 MB document and a document of only punctuation. */
START_TEST (test_big)
{
  static const char *const para
      = "Shares of Acme Inc. rose 3.5% to $12.75 on Jan. 5, the U.S. firm's "
        "\u201cbest\u201d day -- analysts said. Don't panic!\n\n";
  GError *error = NULL;
  TpHarness *h = tp_harness_new ("tokenizer", &error);
  gsize size = tok_big_bytes ();
  GString *s = g_string_sized_new (size);
  TpDocument *doc;
  guint n;

  ck_assert_ptr_nonnull (h);
  while (s->len < size)
    g_string_append (s, para);
  doc = tp_harness_push_text (h, s->str, &error);
  ck_assert_ptr_nonnull (doc);
  n = tok_check_cover (doc);
  ck_assert_uint_eq (n, 30 * (s->len / strlen (para)));
  tp_document_free (doc);

  g_string_truncate (s, 0);
  while (s->len < (1 << 20))
    g_string_append (s, "!?.,;:()[]\"'--...\u2026 ");
  doc = tp_harness_push_text (h, s->str, &error);
  ck_assert_ptr_nonnull (doc);
  tok_check_cover (doc);
  tp_document_free (doc);
  g_string_free (s, TRUE);
  tp_harness_free (h);
}
END_TEST

static Suite *
tokenizer_suite (void)
{
  Suite *s = suite_create ("tokenizer");
  TCase *tc = tcase_create ("conventions");

  tcase_add_loop_test (tc, test_table, 0, G_N_ELEMENTS (tok_cases));
  tcase_add_test (tc, test_no_split);
  tcase_add_test (tc, test_no_hyphens);
  tcase_add_test (tc, test_classes);
  tcase_add_test (tc, test_block_classes);
  tcase_add_test (tc, test_abbrev_file);
  tcase_add_test (tc, test_invalid_utf8);
  suite_add_tcase (s, tc);
  tc = tcase_create ("hostile");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_long_runs);
  tcase_add_test (tc, test_big);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (tokenizer_suite ());
  int failed;

  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
