/* sentences.c: the `sentences` plugin, English sentence splitting.
 *
 * Requires layer `token` (from the `tokenizer` plugin: abbreviations and
 * initials arrive as one token with their period, "U.S.", "Dr.", "J.").
 * Produces layer `sentence`: one annotation per sentence, from the start of
 * its first token to the end of its last one.  Attributes (stable names):
 *
 *   paragraph  TP_ATTR_INT  0-based index of the paragraph the sentence is
 *                           in (paragraphs are separated by blank lines)
 *
 * A sentence ends at . ! ? and runs of them (?!, ...) and at … when the
 * next token can start a sentence, after closing quotes and brackets that
 * hang on the stop (`...,” he said.` stays one sentence: a lower-case word
 * after a closing quote continues it).  An abbreviation ends a sentence only
 * before a word that typically starts one ("in the U.S. The ..."); titles
 * and initials never do (Dr. Smith, J. P. Morgan).  A blank line always
 * ends a sentence.
 *
 * Options:
 *   paragraphs  STRING  how line breaks count:
 *                       "blank" (default): a blank line ends the sentence
 *                         and the paragraph; a single line break ends a
 *                         sentence only after a headline-like line (no
 *                         lower-case letters, or short with no final
 *                         punctuation and a capital next);
 *                       "line": every line break ends a sentence, blank
 *                         lines end paragraphs;
 *                       "blank-only": only blank lines, never single
 *                         line breaks.
 */
#include "config.h"

#include "sentences-private.h"

static const TpAttrSpec sentences_attrs[]
    = { { "paragraph", TP_ATTR_INT, NULL, NULL }, { NULL } };

static const char *const sentences_requires[] = { "token", NULL };
static const char *const sentences_produces[] = { "sentence", NULL };

static const TpOptionSpec sentences_options[]
    = { { "paragraphs", TP_OPTION_STRING, "blank", FALSE,
          "line breaks: blank (blank lines and headline lines end sentences), "
          "line (every line break ends a sentence), blank-only" },
        { NULL } };

/* Splits one document into sentences: by its stops alone when it has none
 * of the rare bytes (most news text), else by the general scan. */
static gboolean
sentences_process (gpointer state, TpDocument *doc, GError **error)
{
  SentencesRun r;
  TpLayer *layer = tp_document_get_layer (doc, "token");
  const guint32 *tokens;
  gsize end;

  if (layer == NULL)
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_INVALID_INPUT,
                   "no token layer: run the tokenizer stage first");
      return FALSE;
    }
  r.out = tp_document_add_layer (doc, "sentence", sentences_attrs, error);
  if (r.out == NULL)
    return FALSE;
  /* every field set here: "= { 0 }" became a rep stos, slow to start,
   * once per document */
  r.st = state;
  r.t = tp_document_get_text (doc);
  r.len = tp_document_get_length (doc);
  /* the token spans are read in place: no call per token */
  r.tokens = tokens = tp_layer_get_spans (layer);
  r.n = tp_layer_get_length (layer);
  if (r.n == 0)
    return TRUE;
  r.first = r.line_first = r.done = r.cur = 0;
  r.done_start = r.end_val = 0;
  r.paragraph = 0;
  r.emitted = FALSE;
  r.facts = sentences_text_facts (&r);
  r.line_start = sentences_start (tokens, 0);
  r.cur_start = r.line_start;
  r.end_tok = G_MAXUINT;
  r.first_start = r.line_start;
  r.closing = sentences_closing_at (&r, r.first_start);
  end = sentences_end (tokens, r.n - 1);
  if (r.facts & SENTENCES_FACT_RARE)
    sentences_scan_all (&r, end);
  else if (r.facts & SENTENCES_FACT_STOP)
    sentences_walk_stops (&r, end);
  else
    {
      /* no token but the last can end in a stop, and a decision at the
       * last token is none: only the closings are left */
      sentences_closings_before (&r, end);
    }
  if (r.first < r.n)
    sentences_emit_open (&r, r.n - 1, end);
  return TRUE;
}

/* Fills the word sets and the scan tables once. */
static void
sentences_tables_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  sentences_words_init ();
  sentences_split_init ();
  g_once_init_leave (&done, 1);
}

/* Reads the options. */
static gboolean
sentences_init (const TpOptions *options, gpointer *state, GError **error)
{
  SentencesState *st;
  const char *mode = tp_options_get_string (options, "paragraphs");
  SentencesParaMode m;

  if (mode == NULL || strcmp (mode, "blank") == 0)
    m = SENTENCES_PARA_BLANK;
  else if (strcmp (mode, "line") == 0)
    m = SENTENCES_PARA_LINE;
  else if (strcmp (mode, "blank-only") == 0)
    m = SENTENCES_PARA_BLANK_ONLY;
  else
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,
                   "paragraphs = \"%s\": use blank, line or blank-only", mode);
      return FALSE;
    }
  sentences_tables_init ();
  st = g_new0 (SentencesState, 1);
  st->mode = m;
  *state = st;
  return TRUE;
}

/* Nothing to flush at the end of input. */
static gboolean
sentences_finish (gpointer state, GError **error)
{
  return TRUE;
}

/* Frees the stage state. */
static void
sentences_destroy (gpointer state)
{
  g_free (state);
}

TP_PLUGIN_DEFINE (.name = "sentences", .version = "1.1.0",
                  .description = "English sentences (abbreviations, quotes, "
                                 "headlines, paragraphs)",
                  .license = "MIT", .flags = TP_PLUGIN_FLAG_THREAD_SAFE,
                  .requires = sentences_requires,
                  .produces = sentences_produces, .options = sentences_options,
                  .init = sentences_init, .process = sentences_process,
                  .finish = sentences_finish, .destroy = sentences_destroy);
