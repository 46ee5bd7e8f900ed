/* cli-new-plugin.c: `textpipe new-plugin NAME [DIR]`: writes a complete
 * out-of-tree plugin project (configure.ac, Makefile.am, the plugin with
 * every callback and an option table, a Check test using libtextpipe-check,
 * an example pipeline, a README) that builds against the installed textpipe
 * with pkg-config alone.
 *
 * The templates below are the files as written, with @NAME@ (the plugin's
 * name), @UPPER@ (in capitals), @CAMEL@ (in CamelCase) and @VERSION@ (this
 * textpipe's version) replaced.  Their plugin marks listed words: small,
 * but real, so its tests can fail.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cli.h"

/* The longest plugin name the loader accepts. */
#define TP_NEW_PLUGIN_MAX_NAME 64

/* clang-format off */
static const char tp_new_plugin_configure_ac[] =
  "# configure.ac for the @NAME@ textpipe plugin, built against an installed\n"
  "# textpipe found with pkg-config.\n"
  "AC_PREREQ([2.69])\n"
  "AC_INIT([textpipe-@NAME@], [0.1.0])\n"
  "AC_CONFIG_SRCDIR([@NAME@.c])\n"
  "AC_CONFIG_AUX_DIR([build-aux])\n"
  "AC_CONFIG_MACRO_DIRS([m4])\n"
  "AM_INIT_AUTOMAKE([1.16 foreign subdir-objects -Wall])\n"
  "AM_SILENT_RULES([yes])\n"
  "\n"
  "AC_PROG_CC\n"
  "AM_PROG_AR\n"
  "LT_INIT([disable-static])\n"
  "PKG_PROG_PKG_CONFIG\n"
  "\n"
  "dnl The plugin header and libtextpipe; the test harness; Check.\n"
  "PKG_CHECK_MODULES([TEXTPIPE], [textpipe >= @VERSION@])\n"
  "PKG_CHECK_MODULES([TEXTPIPE_CHECK], [textpipe-check >= @VERSION@])\n"
  "PKG_CHECK_MODULES([CHECK], [check >= 0.11])\n"
  "\n"
  "dnl Where textpipe looks for installed plugins; `./configure pluginsdir=DIR`\n"
  "dnl installs elsewhere (then add DIR to TEXTPIPE_PLUGIN_PATH).\n"
  "PKG_CHECK_VAR([pluginsdir], [textpipe], [pluginsdir], [],\n"
  "  [AC_MSG_ERROR([textpipe.pc defines no pluginsdir: set pluginsdir=DIR])])\n"
  "\n"
  "AC_CONFIG_FILES([Makefile])\n"
  "AC_OUTPUT\n";

static const char tp_new_plugin_makefile_am[] =
  "# Makefile.am for the @NAME@ textpipe plugin.\n"
  "ACLOCAL_AMFLAGS = -I m4\n"
  "AM_CFLAGS = -std=gnu11 -Wall -Wextra -Wno-unused-parameter \\\n"
  "	-Wno-missing-field-initializers $(TEXTPIPE_CFLAGS)\n"
  "\n"
  "# The plugin: a libtool module exporting only its descriptor, installed\n"
  "# where textpipe looks for plugins.\n"
  "plugins_LTLIBRARIES = @NAME@.la\n"
  "@NAME@_la_SOURCES = @NAME@.c\n"
  "@NAME@_la_LIBADD = $(TEXTPIPE_LIBS)\n"
  "@NAME@_la_LDFLAGS = -module -avoid-version -shared -no-undefined \\\n"
  "	-export-symbols-regex '^tp_plugin_descriptor$$'\n"
  "\n"
  "# Its tests, run against the module in this build folder.\n"
  "check_PROGRAMS = test-@NAME@\n"
  "TESTS = test-@NAME@\n"
  "test_@NAME@_SOURCES = test-@NAME@.c\n"
  "test_@NAME@_CFLAGS = $(AM_CFLAGS) $(TEXTPIPE_CHECK_CFLAGS) $(CHECK_CFLAGS)\n"
  "test_@NAME@_LDADD = $(TEXTPIPE_CHECK_LIBS) $(CHECK_LIBS)\n"
  "AM_TESTS_ENVIRONMENT = \\\n"
  "	TEXTPIPE_PLUGIN_PATH='$(abs_top_builddir)'; export TEXTPIPE_PLUGIN_PATH;\n"
  "\n"
  "dist_doc_DATA = README.md\n"
  "EXTRA_DIST = @NAME@.ini sample.txt\n"
  "\n"
  "# distcheck installs under its own prefix, not into textpipe's folder.\n"
  "AM_DISTCHECK_CONFIGURE_FLAGS = pluginsdir='$${libdir}/textpipe'\n";

static const char tp_new_plugin_plugin_c[] =
  "/* @NAME@.c: a textpipe plugin that marks listed words in each document.\n"
  " *\n"
  " * Written by `textpipe new-plugin` as a starting point: every callback and\n"
  " * the option table are filled in; replace the word marking with your own\n"
  " * behaviour.  The rules (lifecycle, threading, layers, errors, ABI) are in\n"
  " * textpipe's plugin guide, plugin-guide.md in its documentation.\n"
  " */\n"
  "#include <string.h>\n"
  "\n"
  "#include <textpipe-plugin.h>\n"
  "\n"
  "/* Listed words longer than this many bytes are refused by init. */\n"
  "#define @UPPER@_MAX_WORD 64\n"
  "\n"
  "/* The layer this plugin adds, and its attributes.  Attribute values start\n"
  " * null; an annotation's span is a [start, end) byte range of the text. */\n"
  "static const char *const @NAME@_produces[] = { \"@NAME@\", NULL };\n"
  "static const char *const @NAME@_cases[]\n"
  "    = { \"lower\", \"upper\", \"title\", \"mixed\", NULL };\n"
  "enum\n"
  "{\n"
  "  @UPPER@_ATTR_WORD,\n"
  "  @UPPER@_ATTR_EXACT,\n"
  "  @UPPER@_ATTR_CASE\n"
  "};\n"
  "static const TpAttrSpec @NAME@_attrs[]\n"
  "    = { { \"word\", TP_ATTR_STRING }, /* the listed word matched */\n"
  "        { \"exact\", TP_ATTR_BOOL },  /* same case as listed */\n"
  "        { \"case\", TP_ATTR_ENUM, NULL, @NAME@_cases }, /* case of the match */\n"
  "        { NULL } };\n"
  "\n"
  "/* The options a pipeline may set in this stage's INI section.  The core\n"
  " * checks names, types and required values before init runs. */\n"
  "static const TpOptionSpec @NAME@_options[]\n"
  "    = { { \"words\", TP_OPTION_LIST, NULL, TRUE,\n"
  "          \"words to mark, comma-separated (letters, digits, non-ASCII)\" },\n"
  "        { \"ignore_case\", TP_OPTION_BOOL, \"true\", FALSE,\n"
  "          \"match regardless of ASCII case\" },\n"
  "        { \"max_matches\", TP_OPTION_INT, \"0\", FALSE,\n"
  "          \"reject a document with more matches than this (0: no limit)\" },\n"
  "        { NULL } };\n"
  "\n"
  "/* The state of one stage, built by init.  It is read-only once built (the\n"
  " * counter is atomic), so the plugin is flagged thread-safe and one state\n"
  " * serves every worker thread. */\n"
  "typedef struct\n"
  "{\n"
  "  GHashTable *words; /* key as matched (folded if ignore_case) -> listed */\n"
  "  gsize longest;     /* longest listed word, in bytes */\n"
  "  gboolean ignore_case;\n"
  "  gint64 max_matches;\n"
  "  char *stage;       /* the stage's name, for messages */\n"
  "  gint matched_docs; /* documents with at least one match (atomic) */\n"
  "} @CAMEL@State;\n"
  "\n"
  "/* TRUE for a byte that belongs to a word: an ASCII letter or digit, or a\n"
  " * byte of a non-ASCII UTF-8 character. */\n"
  "static inline gboolean\n"
  "@NAME@_is_word_byte (guchar c)\n"
  "{\n"
  "  return g_ascii_isalnum (c) || c >= 0x80;\n"
  "}\n"
  "\n"
  "/* Copies @len bytes of @word into @buf (@UPPER@_MAX_WORD + 1 bytes),\n"
  " * lower-casing ASCII letters when @fold; returns @buf. */\n"
  "static const char *\n"
  "@NAME@_key (const char *word, gsize len, gboolean fold, char *buf)\n"
  "{\n"
  "  for (gsize i = 0; i < len; i++)\n"
  "    buf[i] = fold ? g_ascii_tolower (word[i]) : word[i];\n"
  "  buf[len] = '\\0';\n"
  "  return buf;\n"
  "}\n"
  "\n"
  "/* Names the case of @len bytes at @word as an index into @NAME@_cases. */\n"
  "static guint\n"
  "@NAME@_case_of (const char *word, gsize len)\n"
  "{\n"
  "  gsize upper = 0, lower = 0;\n"
  "\n"
  "  for (gsize i = 0; i < len; i++)\n"
  "    {\n"
  "      upper += g_ascii_isupper (word[i]) ? 1 : 0;\n"
  "      lower += g_ascii_islower (word[i]) ? 1 : 0;\n"
  "    }\n"
  "  if (upper == 0)\n"
  "    return 0; /* lower (also for words without ASCII letters) */\n"
  "  if (lower == 0)\n"
  "    return 1; /* upper */\n"
  "  if (upper == 1 && g_ascii_isupper (word[0]))\n"
  "    return 2; /* title */\n"
  "  return 3;   /* mixed */\n"
  "}\n"
  "\n"
  "static void @NAME@_destroy (gpointer state);\n"
  "\n"
  "/* Builds the stage's state from its checked options.  Values the option\n"
  " * table cannot express are checked here: a failure is a configuration\n"
  " * error and stops the pipeline before any document is read. */\n"
  "static gboolean\n"
  "@NAME@_init (const TpOptions *options, gpointer *state, GError **error)\n"
  "{\n"
  "  @CAMEL@State *s = g_new0 (@CAMEL@State, 1);\n"
  "  const char *const *words = tp_options_get_list (options, \"words\");\n"
  "  char buf[@UPPER@_MAX_WORD + 1];\n"
  "\n"
  "  s->stage = g_strdup (tp_options_get_stage (options));\n"
  "  s->ignore_case = tp_options_get_bool (options, \"ignore_case\");\n"
  "  s->max_matches = tp_options_get_int (options, \"max_matches\");\n"
  "  s->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);\n"
  "  if (s->max_matches < 0)\n"
  "    {\n"
  "      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,\n"
  "                   \"max_matches must be 0 or more, not %\" G_GINT64_FORMAT,\n"
  "                   s->max_matches);\n"
  "      goto out_fail;\n"
  "    }\n"
  "  if (words == NULL || words[0] == NULL)\n"
  "    {\n"
  "      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,\n"
  "                   \"words: give at least one word\");\n"
  "      goto out_fail;\n"
  "    }\n"
  "  for (guint i = 0; words[i]; i++)\n"
  "    {\n"
  "      gsize len = strlen (words[i]);\n"
  "\n"
  "      if (len > @UPPER@_MAX_WORD)\n"
  "        {\n"
  "          g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,\n"
  "                       \"words: '%s' is longer than %d bytes\", words[i],\n"
  "                       @UPPER@_MAX_WORD);\n"
  "          goto out_fail;\n"
  "        }\n"
  "      for (gsize k = 0; k < len; k++)\n"
  "        if (!@NAME@_is_word_byte (words[i][k]))\n"
  "          {\n"
  "            g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,\n"
  "                         \"words: '%s' holds '%c', so it can never match a \"\n"
  "                         \"word (letters, digits, non-ASCII only)\",\n"
  "                         words[i], words[i][k]);\n"
  "            goto out_fail;\n"
  "          }\n"
  "      g_hash_table_insert (\n"
  "          s->words, g_strdup (@NAME@_key (words[i], len, s->ignore_case, buf)),\n"
  "          g_strdup (words[i]));\n"
  "      s->longest = MAX (s->longest, len);\n"
  "    }\n"
  "  *state = s;\n"
  "  return TRUE;\n"
  "\n"
  "out_fail:\n"
  "  @NAME@_destroy (s);\n"
  "  return FALSE;\n"
  "}\n"
  "\n"
  "/* Marks every listed word in one document.  It reads the text in one\n"
  " * pass with no allocation per word; returning FALSE with an error rejects\n"
  " * this document only, and the run goes on. */\n"
  "static gboolean\n"
  "@NAME@_process (gpointer state, TpDocument *doc, GError **error)\n"
  "{\n"
  "  @CAMEL@State *s = state;\n"
  "  const char *text = tp_document_get_text (doc);\n"
  "  gsize len = tp_document_get_length (doc);\n"
  "  char buf[@UPPER@_MAX_WORD + 1];\n"
  "  gint64 matches = 0;\n"
  "  TpLayer *layer;\n"
  "  gsize i = 0;\n"
  "\n"
  "  layer = tp_document_add_layer (doc, \"@NAME@\", @NAME@_attrs, error);\n"
  "  if (layer == NULL)\n"
  "    return FALSE;\n"
  "  while (i < len)\n"
  "    {\n"
  "      const char *listed;\n"
  "      gsize start;\n"
  "      guint idx;\n"
  "\n"
  "      while (i < len && !@NAME@_is_word_byte (text[i]))\n"
  "        i++;\n"
  "      start = i;\n"
  "      while (i < len && @NAME@_is_word_byte (text[i]))\n"
  "        i++;\n"
  "      if (i == start || i - start > s->longest)\n"
  "        continue;\n"
  "      listed = g_hash_table_lookup (\n"
  "          s->words, @NAME@_key (text + start, i - start, s->ignore_case, buf));\n"
  "      if (listed == NULL)\n"
  "        continue;\n"
  "      if (s->max_matches > 0 && ++matches > s->max_matches)\n"
  "        {\n"
  "          g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_INVALID_INPUT,\n"
  "                       \"more than %\" G_GINT64_FORMAT \" listed words (the \"\n"
  "                       \"stage's max_matches)\",\n"
  "                       s->max_matches);\n"
  "          return FALSE;\n"
  "        }\n"
  "      idx = tp_layer_append (layer, start, i);\n"
  "      tp_layer_set_string (layer, idx, @UPPER@_ATTR_WORD, listed);\n"
  "      tp_layer_set_bool (layer, idx, @UPPER@_ATTR_EXACT,\n"
  "                         memcmp (text + start, listed, i - start) == 0);\n"
  "      tp_layer_set_enum (layer, idx, @UPPER@_ATTR_CASE,\n"
  "                         @NAME@_case_of (text + start, i - start));\n"
  "    }\n"
  "  if (tp_layer_get_length (layer) > 0)\n"
  "    g_atomic_int_inc (&s->matched_docs);\n"
  "  return TRUE;\n"
  "}\n"
  "\n"
  "/* Called once at the end of the input: a place to flush or report.  Shown\n"
  " * with G_MESSAGES_DEBUG=all. */\n"
  "static gboolean\n"
  "@NAME@_finish (gpointer state, GError **error)\n"
  "{\n"
  "  @CAMEL@State *s = state;\n"
  "\n"
  "  g_debug (\"%s: listed words found in %d documents\", s->stage,\n"
  "           g_atomic_int_get (&s->matched_docs));\n"
  "  return TRUE;\n"
  "}\n"
  "\n"
  "/* Frees the state; the core calls it only after a successful init. */\n"
  "static void\n"
  "@NAME@_destroy (gpointer state)\n"
  "{\n"
  "  @CAMEL@State *s = state;\n"
  "\n"
  "  g_hash_table_unref (s->words);\n"
  "  g_free (s->stage);\n"
  "  g_free (s);\n"
  "}\n"
  "\n"
  "/* The descriptor: the one symbol the module exports.  .name must equal\n"
  " * the module's file name (@NAME@.so). */\n"
  "TP_PLUGIN_DEFINE (.name = \"@NAME@\", .version = \"0.1.0\",\n"
  "                  .description = \"Marks the listed words in each document\",\n"
  "                  .license = \"MIT\", .flags = TP_PLUGIN_FLAG_THREAD_SAFE,\n"
  "                  .produces = @NAME@_produces, .options = @NAME@_options,\n"
  "                  .init = @NAME@_init, .process = @NAME@_process,\n"
  "                  .finish = @NAME@_finish, .destroy = @NAME@_destroy);\n";

static const char tp_new_plugin_test_c[] =
  "/* test-@NAME@.c: Check tests for the @NAME@ plugin, through\n"
  " * libtextpipe-check: build a stage with options, push a text, look at the\n"
  " * layer it added.  `make check` runs them against the plugin just built\n"
  " * (TEXTPIPE_PLUGIN_PATH points at the build folder). */\n"
  "#include <check.h>\n"
  "#include <stdlib.h>\n"
  "#include <string.h>\n"
  "\n"
  "#include <tp-harness.h>\n"
  "\n"
  "/* Runs @NAME@ with @words (and @ignore_case unless NULL) over @text;\n"
  " * returns the matched texts joined with '|', or \"error: MESSAGE\". */\n"
  "static char *\n"
  "run_words (const char *words, const char *ignore_case, const char *text)\n"
  "{\n"
  "  GError *error = NULL;\n"
  "  TpHarness *h = tp_harness_new (\"@NAME@\", &error);\n"
  "  TpDocument *doc;\n"
  "  char *joined;\n"
  "\n"
  "  ck_assert_msg (h != NULL, \"%s\", error ? error->message : \"?\");\n"
  "  tp_harness_set_option (h, \"@NAME@\", \"words\", words);\n"
  "  if (ignore_case)\n"
  "    tp_harness_set_option (h, \"@NAME@\", \"ignore_case\", ignore_case);\n"
  "  doc = tp_harness_push_text (h, text, &error);\n"
  "  if (doc == NULL)\n"
  "    joined = g_strdup_printf (\"error: %s\", error->message);\n"
  "  else\n"
  "    joined = tp_harness_join_layer (doc, \"@NAME@\", \"|\");\n"
  "  g_clear_error (&error);\n"
  "  tp_document_free (doc);\n"
  "  tp_harness_free (h);\n"
  "  return joined;\n"
  "}\n"
  "\n"
  "static const struct\n"
  "{\n"
  "  const char *words, *ignore_case, *text, *expected;\n"
  "} marks[] = {\n"
  "  { \"river\", NULL, \"The river met another River at the RIVER mouth.\",\n"
  "    \"river|River|RIVER\" },\n"
  "  { \"river\", \"false\", \"The river met another River at the RIVER mouth.\",\n"
  "    \"river\" },\n"
  "  { \"river\", NULL, \"Rivers, a riverbank, and then the river.\", \"river\" },\n"
  "  { \"ferry, dock\", NULL, \"The ferry left the dock; the ferry came back.\",\n"
  "    \"ferry|dock|ferry\" },\n"
  "  { \"café\", NULL, \"Un Café noir, un café crème.\", \"Café|café\" },\n"
  "  { \"2024\", NULL, \"In 2024, not 20245.\", \"2024\" },\n"
  "  { \"river\", NULL, \"\", \"\" },\n"
  "  { \"river\", NULL, \"?! ... -- ;;\", \"\" },\n"
  "};\n"
  "\n"
  "/* Each row: the words found in a text, in order. */\n"
  "START_TEST (test_marks)\n"
  "{\n"
  "  char *got\n"
  "      = run_words (marks[_i].words, marks[_i].ignore_case, marks[_i].text);\n"
  "  ck_assert_str_eq (got, marks[_i].expected);\n"
  "  g_free (got);\n"
  "}\n"
  "END_TEST\n"
  "\n"
  "/* The attributes of each annotation: the listed word, exactness, case. */\n"
  "START_TEST (test_attributes)\n"
  "{\n"
  "  static const struct\n"
  "  {\n"
  "    const char *text, *case_name;\n"
  "    gboolean exact;\n"
  "  } want[] = {\n"
  "    { \"Tide\", \"title\", FALSE },\n"
  "    { \"TIDE\", \"upper\", FALSE },\n"
  "    { \"tide\", \"lower\", TRUE },\n"
  "    { \"tIdE\", \"mixed\", FALSE },\n"
  "  };\n"
  "  GError *error = NULL;\n"
  "  TpHarness *h = tp_harness_new (\"@NAME@\", &error);\n"
  "  TpDocument *doc;\n"
  "  TpLayer *layer;\n"
  "  gint word, exact, kase;\n"
  "\n"
  "  ck_assert_ptr_nonnull (h);\n"
  "  tp_harness_set_option (h, \"@NAME@\", \"words\", \"tide\");\n"
  "  doc = tp_harness_push_text (h, \"Tide, TIDE and tide; tIdE.\", &error);\n"
  "  ck_assert_msg (doc != NULL, \"%s\", error ? error->message : \"?\");\n"
  "  layer = tp_document_get_layer (doc, \"@NAME@\");\n"
  "  ck_assert_ptr_nonnull (layer);\n"
  "  ck_assert_uint_eq (tp_layer_get_length (layer), G_N_ELEMENTS (want));\n"
  "  word = tp_layer_attr_index (layer, \"word\");\n"
  "  exact = tp_layer_attr_index (layer, \"exact\");\n"
  "  kase = tp_layer_attr_index (layer, \"case\");\n"
  "  ck_assert (word >= 0 && exact >= 0 && kase >= 0);\n"
  "  for (guint i = 0; i < G_N_ELEMENTS (want); i++)\n"
  "    {\n"
  "      char *text = tp_harness_span_text (doc, layer, i);\n"
  "      gboolean b;\n"
  "\n"
  "      ck_assert_str_eq (text, want[i].text);\n"
  "      ck_assert_str_eq (tp_layer_get_string (layer, i, word), \"tide\");\n"
  "      ck_assert (tp_layer_get_bool (layer, i, exact, &b));\n"
  "      ck_assert_int_eq (b, want[i].exact);\n"
  "      ck_assert_str_eq (tp_layer_get_enum_string (layer, i, kase),\n"
  "                        want[i].case_name);\n"
  "      g_free (text);\n"
  "    }\n"
  "  tp_document_free (doc);\n"
  "  tp_harness_free (h);\n"
  "}\n"
  "END_TEST\n"
  "\n"
  "static const struct\n"
  "{\n"
  "  const char *key, *value; /* NULL key: leave words unset */\n"
  "  const char *message;     /* part of the error */\n"
  "} bad_options[] = {\n"
  "  { NULL, NULL, \"words\" },\n"
  "  { \"words\", \" , \", \"at least one word\" },\n"
  "  { \"words\", \"sea wall\", \"never match\" },\n"
  "  { \"ignore_case\", \"maybe\", \"maybe\" },\n"
  "  { \"max_matches\", \"-1\", \"max_matches\" },\n"
  "  { \"max_matches\", \"many\", \"many\" },\n"
  "  { \"colour\", \"blue\", \"colour\" },\n"
  "};\n"
  "\n"
  "/* Each row: a bad option is refused before any text is processed. */\n"
  "START_TEST (test_bad_options)\n"
  "{\n"
  "  GError *error = NULL;\n"
  "  TpHarness *h = tp_harness_new (\"@NAME@\", &error);\n"
  "\n"
  "  ck_assert_ptr_nonnull (h);\n"
  "  if (bad_options[_i].key)\n"
  "    {\n"
  "      if (strcmp (bad_options[_i].key, \"words\") != 0)\n"
  "        tp_harness_set_option (h, \"@NAME@\", \"words\", \"river\");\n"
  "      tp_harness_set_option (h, \"@NAME@\", bad_options[_i].key,\n"
  "                             bad_options[_i].value);\n"
  "    }\n"
  "  ck_assert (!tp_harness_start (h, &error));\n"
  "  ck_assert_ptr_nonnull (error);\n"
  "  ck_assert_msg (strstr (error->message, bad_options[_i].message) != NULL,\n"
  "                 \"'%s' not in '%s'\", bad_options[_i].message, error->message);\n"
  "  g_error_free (error);\n"
  "  tp_harness_free (h);\n"
  "}\n"
  "END_TEST\n"
  "\n"
  "/* Too many matches reject that document only: the next one goes through. */\n"
  "START_TEST (test_reject_one_document)\n"
  "{\n"
  "  GError *error = NULL;\n"
  "  TpHarness *h = tp_harness_new (\"@NAME@\", &error);\n"
  "  TpDocument *doc;\n"
  "\n"
  "  ck_assert_ptr_nonnull (h);\n"
  "  tp_harness_set_option (h, \"@NAME@\", \"words\", \"gull\");\n"
  "  tp_harness_set_option (h, \"@NAME@\", \"max_matches\", \"2\");\n"
  "  doc = tp_harness_push_text (h, \"A gull, a gull, and one more gull.\", &error);\n"
  "  ck_assert_ptr_null (doc);\n"
  "  ck_assert (\n"
  "      g_error_matches (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_INVALID_INPUT));\n"
  "  g_clear_error (&error);\n"
  "  doc = tp_harness_push_text (h, \"Only one gull today.\", &error);\n"
  "  ck_assert_msg (doc != NULL, \"%s\", error ? error->message : \"?\");\n"
  "  ck_assert_uint_eq (tp_layer_get_length (tp_document_get_layer (doc, \"@NAME@\")),\n"
  "                     1);\n"
  "  tp_document_free (doc);\n"
  "  tp_harness_free (h);\n"
  "}\n"
  "END_TEST\n"
  "\n"
  "/* Hostile input runs in linear time: 1 MB without a space, then half a\n"
  " * million one-letter words. */\n"
  "START_TEST (test_hostile_input)\n"
  "{\n"
  "  gsize n = 1 << 20;\n"
  "  char *big = g_malloc (n + 1);\n"
  "  char *got;\n"
  "\n"
  "  memset (big, 'a', n);\n"
  "  big[n] = '\\0';\n"
  "  got = run_words (\"a\", NULL, big);\n"
  "  ck_assert_str_eq (got, \"\");\n"
  "  g_free (got);\n"
  "  for (gsize i = 1; i < n; i += 2)\n"
  "    big[i] = ' ';\n"
  "  got = run_words (\"a\", NULL, big);\n"
  "  ck_assert_uint_eq (strlen (got), n - 1); /* \"a|a|...|a\" */\n"
  "  g_free (got);\n"
  "  g_free (big);\n"
  "}\n"
  "END_TEST\n"
  "\n"
  "int\n"
  "main (void)\n"
  "{\n"
  "  Suite *s = suite_create (\"@NAME@\");\n"
  "  TCase *tc = tcase_create (\"core\");\n"
  "  SRunner *sr;\n"
  "  int failed;\n"
  "\n"
  "  tcase_add_loop_test (tc, test_marks, 0, G_N_ELEMENTS (marks));\n"
  "  tcase_add_test (tc, test_attributes);\n"
  "  tcase_add_loop_test (tc, test_bad_options, 0, G_N_ELEMENTS (bad_options));\n"
  "  tcase_add_test (tc, test_reject_one_document);\n"
  "  tcase_add_test (tc, test_hostile_input);\n"
  "  suite_add_tcase (s, tc);\n"
  "  sr = srunner_create (s);\n"
  "  srunner_run_all (sr, CK_NORMAL);\n"
  "  failed = srunner_ntests_failed (sr);\n"
  "  srunner_free (sr);\n"
  "  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;\n"
  "}\n";

static const char tp_new_plugin_ini[] =
  "; An example pipeline: textpipe's bundled tokenizer, then @NAME@.\n"
  ";   textpipe run @NAME@.ini --plugin-path BUILD_FOLDER sample.txt\n"
  "[pipeline]\n"
  "name        = @NAME@-example\n"
  "description = Tokens, and the listed words marked by @NAME@\n"
  "stages      = tokenize, @NAME@\n"
  "\n"
  "[tokenize]\n"
  "plugin = tokenizer\n"
  "\n"
  "[@NAME@]\n"
  "plugin = @NAME@\n"
  "words  = river, ferry\n";

static const char tp_new_plugin_sample_txt[] =
  "The ferry crossed the river twice before noon. On the far bank a River\n"
  "Authority sign warned that the FERRY would stop at dusk.\n";

static const char tp_new_plugin_readme_md[] =
  "# @NAME@: a textpipe plugin\n"
  "\n"
  "`@NAME@` adds a layer called `@NAME@` to each document: one annotation\n"
  "per word of its `words` option found in the text, with the attributes\n"
  "`word` (the word as listed), `exact` (same case as listed) and `case`\n"
  "(`lower`, `upper`, `title` or `mixed`).  It was written by\n"
  "`textpipe new-plugin @NAME@` as a starting point: change `@NAME@.c` to\n"
  "do what your plugin should do, and the tests in `test-@NAME@.c` to match.\n"
  "\n"
  "## Build and test\n"
  "\n"
  "You need an installed textpipe (its pkg-config files `textpipe.pc` and\n"
  "`textpipe-check.pc`), Check, and the autotools with libtool and pkg-config.\n"
  "If textpipe is installed under a prefix pkg-config does not search, set\n"
  "`PKG_CONFIG_PATH=PREFIX/lib/pkgconfig` first.\n"
  "\n"
  "    autoreconf -fi\n"
  "    ./configure\n"
  "    make\n"
  "    make check\n"
  "\n"
  "`make check` runs `test-@NAME@` against the module just built.\n"
  "\n"
  "## Try it\n"
  "\n"
  "    textpipe describe --plugin-path . @NAME@\n"
  "    textpipe run @NAME@.ini --plugin-path . sample.txt\n"
  "\n"
  "`@NAME@.ini` runs textpipe's bundled tokenizer and then `@NAME@`; `--plugin-path`\n"
  "points at this build folder (where `@NAME@.la` is).\n"
  "\n"
  "## Install\n"
  "\n"
  "    make install\n"
  "\n"
  "installs `@NAME@.so` into textpipe's plugin folder (the `pluginsdir`\n"
  "variable of `textpipe.pc`), where `textpipe plugins` lists it and any pipeline\n"
  "can name it.  `./configure pluginsdir=DIR` installs elsewhere; add DIR\n"
  "to `TEXTPIPE_PLUGIN_PATH` then.\n"
  "\n"
  "## Options\n"
  "\n"
  "| option | type | default | meaning |\n"
  "| --- | --- | --- | --- |\n"
  "| `words` | list | (required) | words to mark, comma-separated |\n"
  "| `ignore_case` | boolean | `true` | match regardless of ASCII case |\n"
  "| `max_matches` | integer | `0` | reject a document with more matches (0: no limit) |\n"
  "\n"
  "## Where to go from here\n"
  "\n"
  "- Read a layer made by an earlier stage with `tp_document_get_layer`, and\n"
  "  list it in the descriptor's `.requires` (e.g. `\"token\"` from the bundled\n"
  "  tokenizer) so pipelines that lack it are refused before they run.\n"
  "- Keep state read-only after `init` to stay `TP_PLUGIN_FLAG_THREAD_SAFE`;\n"
  "  otherwise drop the flag and textpipe gives each worker thread its own state.\n"
  "- Run the tests under valgrind:\n"
  "  `CK_FORK=no TEXTPIPE_PLUGIN_PATH=. ./libtool --mode=execute valgrind\n"
  "  --leak-check=full ./test-@NAME@`.\n"
  "- textpipe's plugin guide (`share/doc/textpipe/plugin-guide.md` under its\n"
  "  prefix, `docs/plugin-guide.md` in its sources) explains the lifecycle,\n"
  "  threading, options, layers, error reporting and the ABI rules.\n";

static const char tp_new_plugin_gitignore[] =
  "# Files the autotools and the build write.\n"
  "Makefile\n"
  "Makefile.in\n"
  "aclocal.m4\n"
  "autom4te.cache/\n"
  "build-aux/\n"
  "m4/\n"
  "config.log\n"
  "config.status\n"
  "configure\n"
  "libtool\n"
  "*.la\n"
  "*.lo\n"
  "*.o\n"
  ".libs/\n"
  ".deps/\n"
  ".dirstamp\n"
  "test-@NAME@\n"
  "*.log\n"
  "*.trs\n"
  "*.tar.gz\n";

/* clang-format on */

/* The files of a project: names and contents are both templates. */
static const struct {
  const char *file;
  const char *text;
} tp_new_plugin_files[] = {
  { "configure.ac", tp_new_plugin_configure_ac },
  { "Makefile.am", tp_new_plugin_makefile_am },
  { "@NAME@.c", tp_new_plugin_plugin_c },
  { "test-@NAME@.c", tp_new_plugin_test_c },
  { "@NAME@.ini", tp_new_plugin_ini },
  { "sample.txt", tp_new_plugin_sample_txt },
  { "README.md", tp_new_plugin_readme_md },
  { ".gitignore", tp_new_plugin_gitignore },
};

/* Checks that @name can name a plugin: a C identifier starting with a
 * letter (it becomes the module's file name, the layer's name and the
 * prefix of every function), so no '/', '..' or spaces can get through. */
static gboolean
tp_new_plugin_check_name (const char *name, GError **error)
{
  gsize len = strlen (name);

  if (len == 0 || len > TP_NEW_PLUGIN_MAX_NAME || !g_ascii_isalpha (name[0]))
    goto out_bad;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '_')
      goto out_bad;
  return TRUE;

out_bad:
  g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
               "new-plugin: '%s' cannot name a plugin: use a C identifier "
               "that starts with a letter (letters, digits, '_'; at most "
               "%d characters), e.g. keywords or my_tagger",
               name, TP_NEW_PLUGIN_MAX_NAME);
  return FALSE;
}

/* @name in CamelCase for type names: "my_tagger" gives "MyTagger". */
static char *
tp_new_plugin_camel (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean up = TRUE;

  for (const char *p = name; *p; p++)
    {
      if (*p == '_')
        {
          up = TRUE;
          continue;
        }
      g_string_append_c (out, up ? g_ascii_toupper (*p) : *p);
      up = FALSE;
    }
  return g_string_free (out, FALSE);
}

/* Expands the @KEY@ placeholders of @tpl from @vars (key, value pairs,
 * NULL-terminated); any other '@' is copied as it is. */
static char *
tp_new_plugin_expand (const char *tpl, const char *const *vars)
{
  GString *out = g_string_sized_new (strlen (tpl) + 256);

  for (const char *p = tpl; *p;)
    {
      gboolean done = FALSE;

      if (*p == '@')
        for (guint i = 0; vars[i] && !done; i += 2)
          if (g_str_has_prefix (p, vars[i]))
            {
              g_string_append (out, vars[i + 1]);
              p += strlen (vars[i]);
              done = TRUE;
            }
      if (!done)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Warns when a plugin called @name is found already: one of the two would
 * hide the other on the search path. */
static void
tp_new_plugin_warn_taken (const char *name)
{
  TpLoader *loader = tp_cli_loader_new (NULL);
  GPtrArray *names;

  tp_loader_add_default_paths (loader);
  names = tp_loader_list (loader);
  for (guint i = 0; i < names->len; i++)
    if (strcmp (names->pdata[i], name) == 0)
      fprintf (stderr,
               "textpipe: warning: a plugin called '%s' exists already; "
               "whichever comes first on the plugin path hides the other\n",
               name);
  g_ptr_array_unref (names);
  tp_loader_free (loader);
}

/* Creates the folder @dir, which must not exist yet (its parents may). */
static gboolean
tp_new_plugin_make_dir (const char *dir, GError **error)
{
  char *parent = g_path_get_dirname (dir);
  GStatBuf st;
  int saved;

  if (g_lstat (dir, &st) == 0)
    {
      g_set_error (error, TP_CONFIG_ERROR, TP_CONFIG_ERROR_BAD_VALUE,
                   "new-plugin: %s exists already; give a new folder "
                   "(new-plugin never writes into an existing one)",
                   dir);
      g_free (parent);
      return FALSE;
    }
  if (g_mkdir_with_parents (parent, 0777) != 0 || g_mkdir (dir, 0777) != 0)
    {
      saved = errno;
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_OPEN,
                   "new-plugin: cannot create %s: %s", dir, g_strerror (saved));
      g_free (parent);
      return FALSE;
    }
  g_free (parent);
  return TRUE;
}

/* Writes every file of the project into @dir (created here); on failure
 * removes what it wrote and @dir. */
static gboolean
tp_new_plugin_write (const char *name, const char *dir, GError **error)
{
  char *upper = g_ascii_strup (name, -1);
  char *camel = tp_new_plugin_camel (name);
  const char *const vars[]
      = { "@NAME@", name,        "@UPPER@",         upper, "@CAMEL@",
          camel,    "@VERSION@", TP_VERSION_STRING, NULL };
  GPtrArray *written = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = FALSE;

  if (!tp_new_plugin_make_dir (dir, error))
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (tp_new_plugin_files); i++)
    {
      char *file = tp_new_plugin_expand (tp_new_plugin_files[i].file, vars);
      char *path = g_build_filename (dir, file, NULL);
      char *text = tp_new_plugin_expand (tp_new_plugin_files[i].text, vars);
      gboolean wrote = g_file_set_contents (path, text, -1, error);

      g_free (file);
      g_free (text);
      if (!wrote)
        {
          g_prefix_error (error, "new-plugin: ");
          g_free (path);
          goto out_undo;
        }
      g_ptr_array_add (written, path);
    }
  ok = TRUE;
  goto out;

out_undo:
  for (guint i = 0; i < written->len; i++)
    g_remove (written->pdata[i]);
  g_rmdir (dir);
out:
  g_ptr_array_unref (written);
  g_free (upper);
  g_free (camel);
  return ok;
}

int
tp_cli_new_plugin (int argc, char **argv)
{
  char **rest = NULL;
  GOptionEntry entries[] = { { G_OPTION_REMAINING, 0, 0,
                               G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
                             { NULL } };
  GOptionContext *ctx = g_option_context_new (
      "NAME [DIR] - write a new plugin project to start from");
  GError *error = NULL;
  const char *name, *dir;
  int code = TP_EXIT_CONFIG;

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_description (
      ctx,
      "Writes into DIR (default: ./NAME, which must not exist) a plugin\n"
      "project that builds against the installed textpipe with pkg-config:\n"
      "configure.ac, Makefile.am, NAME.c (every callback and an option\n"
      "table filled in), test-NAME.c (a Check test using libtextpipe-check),\n"
      "NAME.ini (an example pipeline), sample.txt and README.md.  Then:\n"
      "  cd DIR && autoreconf -fi && ./configure && make && make check\n");
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      tp_cli_error ("new-plugin: %s (see textpipe new-plugin --help)",
                    error->message);
      goto out;
    }
  if (rest == NULL || rest[0] == NULL || (rest[1] && rest[2]))
    {
      tp_cli_error ("new-plugin: usage: textpipe new-plugin NAME [DIR]");
      goto out;
    }
  name = rest[0];
  dir = rest[1] ? rest[1] : rest[0];
  if (!tp_new_plugin_check_name (name, &error))
    {
      tp_cli_error ("%s", error->message);
      goto out;
    }
  tp_new_plugin_warn_taken (name);
  if (!tp_new_plugin_write (name, dir, &error))
    {
      tp_cli_error ("%s", error->message);
      /* An existing folder is the user's to fix; a failed write is I/O. */
      if (error->domain == TP_IO_ERROR)
        code = TP_EXIT_IO;
      goto out;
    }
  printf ("Wrote plugin '%s' to %s:\n", name, dir);
  for (guint i = 0; i < G_N_ELEMENTS (tp_new_plugin_files); i++)
    {
      const char *const vars[] = { "@NAME@", name, NULL };
      char *file = tp_new_plugin_expand (tp_new_plugin_files[i].file, vars);
      printf ("  %s\n", file);
      g_free (file);
    }
  printf ("Build and test it against this textpipe:\n"
          "  cd %s && autoreconf -fi && ./configure && make && make check\n"
          "then try: textpipe run %s.ini --plugin-path . sample.txt\n",
          dir, name);
  code = TP_EXIT_OK;
out:
  g_clear_error (&error);
  g_strfreev (rest);
  g_option_context_free (ctx);
  return code;
}
