/* words.c: a tiny plugin for the core's tests: splits on spaces into a
 * "word" layer; fails on a chosen word; drops documents on another. */
#include <signal.h>
#include <string.h>

#include "textpipe-plugin.h"

typedef struct {
  char *fail_on;
  char *drop_on;
  gboolean bad_span;
  char *crash_on;
  gint64 delay_us;
  gboolean fail_finish;
} WordsState;

static const char *const words_produces[] = { "word", NULL };
static const char *const words_kinds[] = { "lower", "other", NULL };
static const TpAttrSpec words_attrs[]
    = { { "kind", TP_ATTR_ENUM, NULL, words_kinds },
        { "length", TP_ATTR_INT },
        { NULL } };
static const TpOptionSpec words_options[]
    = { { "fail_on", TP_OPTION_STRING, NULL, FALSE,
          "Reject documents that contain this word" },
        { "drop_on", TP_OPTION_STRING, NULL, FALSE,
          "Drop documents that contain this word" },
        { "bad_span", TP_OPTION_BOOL, "false", FALSE,
          "Write a span past the end of the text (to test the core's check)" },
        { "min_length", TP_OPTION_INT, "1", FALSE, "Shortest word kept" },
        { "crash_on", TP_OPTION_STRING, NULL, FALSE,
          "Kill the process with SIGSEGV on documents holding this word" },
        { "fail_finish", TP_OPTION_BOOL, "false", FALSE,
          "Fail at the end of input (to test finish errors)" },
        { "delay_us", TP_OPTION_INT, "0", FALSE,
          "Sleep this many microseconds per document (to test interruption)" },
        { NULL } };

/* Copies the options into the state. */
static gboolean
words_init (const TpOptions *options, gpointer *state, GError **error)
{
  WordsState *s = g_new0 (WordsState, 1);
  s->fail_on = g_strdup (tp_options_get_string (options, "fail_on"));
  s->drop_on = g_strdup (tp_options_get_string (options, "drop_on"));
  s->bad_span = tp_options_get_bool (options, "bad_span");
  s->crash_on = g_strdup (tp_options_get_string (options, "crash_on"));
  s->delay_us = tp_options_get_int (options, "delay_us");
  s->fail_finish = tp_options_get_bool (options, "fail_finish");
  *state = s;
  return TRUE;
}

/* Splits on spaces; the test hooks act on whole words. */
static gboolean
words_process (gpointer state, TpDocument *doc, GError **error)
{
  WordsState *s = state;
  const char *text = tp_document_get_text (doc);
  gsize len = tp_document_get_length (doc);
  TpLayer *layer = tp_document_add_layer (doc, "word", words_attrs, error);
  gsize i = 0;

  if (layer == NULL)
    return FALSE;
  if (s->delay_us > 0)
    g_usleep (s->delay_us);
  while (i < len)
    {
      gsize start;
      guint idx;
      while (i < len && g_ascii_isspace (text[i]))
        i++;
      if (i >= len)
        break;
      start = i;
      while (i < len && !g_ascii_isspace (text[i]))
        i++;
      if (s->fail_on && strlen (s->fail_on) == i - start
          && memcmp (text + start, s->fail_on, i - start) == 0)
        {
          g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_INVALID_INPUT,
                       "found the word '%s'", s->fail_on);
          return FALSE;
        }
      if (s->crash_on && strlen (s->crash_on) == i - start
          && memcmp (text + start, s->crash_on, i - start) == 0)
        raise (SIGSEGV);
      if (s->drop_on && strlen (s->drop_on) == i - start
          && memcmp (text + start, s->drop_on, i - start) == 0)
        tp_document_drop (doc, "dropped by test");
      idx = tp_layer_append (layer, start, s->bad_span ? len + 5 : i);
      tp_layer_set_enum (layer, idx, 0, g_ascii_islower (text[start]) ? 0 : 1);
      tp_layer_set_int (layer, idx, 1, (gint64)(i - start));
    }
  return TRUE;
}

/* Fails at the end when asked to. */
static gboolean
words_finish (gpointer state, GError **error)
{
  WordsState *s = state;
  if (s->fail_finish)
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_FAILED,
                   "could not flush its summary");
      return FALSE;
    }
  return TRUE;
}

static void
words_destroy (gpointer state)
{
  WordsState *s = state;
  g_free (s->fail_on);
  g_free (s->drop_on);
  g_free (s->crash_on);
  g_free (s);
}

TP_PLUGIN_DEFINE (.name = "words", .version = "1.0.0",
                  .description = "Splits text on spaces (a test plugin)",
                  .license = "MIT", .produces = words_produces,
                  .options = words_options, .init = words_init,
                  .process = words_process, .finish = words_finish,
                  .destroy = words_destroy);
