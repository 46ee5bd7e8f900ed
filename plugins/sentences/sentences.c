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

#include "sentences-lib.h"

static const char *const sentences_requires[] = { "token", NULL };
static const char *const sentences_produces[] = { "sentence", NULL };

static const TpOptionSpec sentences_options[]
    = { { "paragraphs", TP_OPTION_STRING, "blank", FALSE,
          SENTENCES_PARAGRAPHS_HELP },
        { NULL } };

/* Splits the document's token layer into sentences (sentences-lib.c). */
static gboolean
sentences_process (gpointer state, TpDocument *doc, GError **error)
{
  TpLayer *layer = tp_document_get_layer (doc, "token");

  if (layer == NULL)
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_INVALID_INPUT,
                   "no token layer: run the tokenizer stage first");
      return FALSE;
    }
  /* the token spans are read in place: no call per token */
  return sentences_split_doc (state, doc, tp_layer_get_spans (layer),
                              tp_layer_get_length (layer), error);
}

/* Reads the options. */
static gboolean
sentences_init (const TpOptions *options, gpointer *state, GError **error)
{
  SentencesState *st = g_new0 (SentencesState, 1);

  if (!sentences_state_init (st, tp_options_get_string (options, "paragraphs"),
                             error))
    {
      g_free (st);
      return FALSE;
    }
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
