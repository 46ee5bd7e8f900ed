/* sentences-lib.h: the sentence splitter as a library (libtpsentences, a
 * convenience library linked into the `sentences` plugin and into the
 * `tokenizer` plugin, whose `sentences` option splits its own fresh tokens
 * in the same stage).  The splitter's code exists once, here and in the
 * files sentences-private.h lists. */
#ifndef SENTENCES_LIB_H
#define SENTENCES_LIB_H

#include "textpipe-plugin.h"

/* How line breaks count (the paragraphs option). */
typedef enum {
  SENTENCES_PARA_BLANK,
  SENTENCES_PARA_LINE,
  SENTENCES_PARA_BLANK_ONLY
} SentencesParaMode;

/* A stage's options. */
typedef struct {
  SentencesParaMode mode;
} SentencesState;

/* The help line of the paragraphs option, shared by both plugins. */
#define SENTENCES_PARAGRAPHS_HELP                                              \
  "line breaks: blank (blank lines and headline lines end sentences), "        \
  "line (every line break ends a sentence), blank-only"

/* Fills @st from a paragraphs option's value (NULL: the default, blank);
 * FALSE with a TP_PLUGIN_ERROR_CONFIG error for an unknown value.  Also
 * builds the splitter's tables, once per process. */
gboolean sentences_state_init (SentencesState *st, const char *mode,
                               GError **error);

/* Adds layer `sentence` to @doc, split from its @n tokens (@tokens as
 * tp_layer_get_spans gives them, over @doc's text).  FALSE only when the
 * layer cannot be added. */
gboolean sentences_split_doc (const SentencesState *st, TpDocument *doc,
                              const guint32 *tokens, guint n, GError **error);

#endif
