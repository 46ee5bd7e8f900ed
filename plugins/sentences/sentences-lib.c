/* sentences-lib.c: the splitter's entry points (sentences-lib.h): reading
 * the paragraphs option and splitting one document's tokens. */
#include "config.h"

#include "sentences-private.h"

static const TpAttrSpec sentences_attrs[]
    = { { "paragraph", TP_ATTR_INT, NULL, NULL }, { NULL } };

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

/* Reads the paragraphs option into @st and builds the tables. */
gboolean
sentences_state_init (SentencesState *st, const char *mode, GError **error)
{
  if (mode == NULL || strcmp (mode, "blank") == 0)
    st->mode = SENTENCES_PARA_BLANK;
  else if (strcmp (mode, "line") == 0)
    st->mode = SENTENCES_PARA_LINE;
  else if (strcmp (mode, "blank-only") == 0)
    st->mode = SENTENCES_PARA_BLANK_ONLY;
  else
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,
                   "paragraphs = \"%s\": use blank, line or blank-only", mode);
      return FALSE;
    }
  sentences_tables_init ();
  return TRUE;
}

/* Splits one document into sentences: by its stops alone when it has none
 * of the rare bytes (most news text), else by the general scan. */
gboolean
sentences_split_doc (const SentencesState *st, TpDocument *doc,
                     const guint32 *tokens, guint n, GError **error)
{
  SentencesRun r = { 0 };
  gsize end;

  r.out = tp_document_add_layer (doc, "sentence", sentences_attrs, error);
  if (r.out == NULL)
    return FALSE;
  if (n == 0)
    return TRUE;
  r.st = st;
  r.t = tp_document_get_text (doc);
  r.len = tp_document_get_length (doc);
  r.tokens = tokens;
  r.n = n;
  r.facts = sentences_text_facts (&r);
  r.line_start = sentences_start (tokens, 0);
  r.cur_start = r.line_start;
  r.end_tok = G_MAXUINT;
  r.first_start = r.line_start;
  r.closing = sentences_closing_at (&r, r.first_start);
  end = sentences_end (tokens, r.n - 1);
  if (r.facts & SENTENCES_FACT_RARE)
    sentences_scan_all (&r, end);
  else
    sentences_walk_stops (&r, end);
  if (r.first < r.n)
    sentences_emit_open (&r, r.n - 1, end);
  return TRUE;
}
