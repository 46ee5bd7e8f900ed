/* tariffs.c: the `tariffs` plugin, tariff events as structured records.
 *
 * Requires layers `token` and `sentence`; produces layer `tariff`, one
 * annotation per event whose span is the trigger word (tariff, duty, levy,
 * surcharge; charge, fee or tax when it falls on imports or exports).
 * Attributes (stable names, see ../shared/eval/GUIDELINES.md):
 *
 *   sentence      SPAN    the sentence holding the event
 *   action        ENUM    impose raise lower remove threaten exist
 *   status        ENUM    actual announced proposed
 *   retaliation   BOOL    presented as a response to another measure
 *   imposer       STRING  canonical country or bloc levying it, or null
 *   target        STRING  canonical country or bloc whose goods are taxed
 *   rate_percent  DOUBLE  the resulting ad-valorem rate, or null
 *   goods         STRV    the goods as written, one entry per conjunct
 *   amount        STRING  a money value the measure covers ("300 mln
 *                         dlrs", "$2bn"), or null
 *
 * Options:
 *   gazetteer  PATH  extra places, a TSV file `alias<TAB>canonical` (see
 *                    gazetteer-extra.tsv, installed in
 *                    $(pkgdatadir)/tariffs/); its entries add to and
 *                    override the built-in table.
 *
 * Speed: one scan of the bytes for trigger stems decides whether a
 * document needs any sentence work; only sentences holding a stem are cut
 * into words.
 */
#include "config.h"

#include <string.h>

#include "tariffs.h"

static const char *const tariffs_action_values[]
    = { "impose", "raise", "lower", "remove", "threaten", "exist", NULL };
static const char *const tariffs_status_values[]
    = { "actual", "announced", "proposed", NULL };

enum {
  TARIFFS_ATTR_SENTENCE,
  TARIFFS_ATTR_ACTION,
  TARIFFS_ATTR_STATUS,
  TARIFFS_ATTR_RETALIATION,
  TARIFFS_ATTR_IMPOSER,
  TARIFFS_ATTR_TARGET,
  TARIFFS_ATTR_RATE,
  TARIFFS_ATTR_GOODS,
  TARIFFS_ATTR_AMOUNT
};

static const TpAttrSpec tariffs_attrs[]
    = { { "sentence", TP_ATTR_SPAN, NULL, NULL },
        { "action", TP_ATTR_ENUM, NULL, tariffs_action_values },
        { "status", TP_ATTR_ENUM, NULL, tariffs_status_values },
        { "retaliation", TP_ATTR_BOOL, NULL, NULL },
        { "imposer", TP_ATTR_STRING, NULL, NULL },
        { "target", TP_ATTR_STRING, NULL, NULL },
        { "rate_percent", TP_ATTR_DOUBLE, NULL, NULL },
        { "goods", TP_ATTR_STRV, NULL, NULL },
        { "amount", TP_ATTR_STRING, NULL, NULL },
        { NULL } };

static const char *const tariffs_requires[] = { "token", "sentence", NULL };
static const char *const tariffs_produces[] = { "tariff", NULL };

static const TpOptionSpec tariffs_options[] = {
  { "gazetteer", TP_OPTION_PATH, NULL, FALSE,
    "extra places: TSV file alias<TAB>canonical name (- blocks an alias)" },
  { NULL }
};

typedef struct {
  TariffsGazetteer *gaz;
  TariffsLexicon *lex;
} TariffsState;

/* Builds the read-only tables; the state then serves every thread. */
static gboolean
tariffs_init (const TpOptions *options, gpointer *state, GError **error)
{
  TariffsState *st = g_new0 (TariffsState, 1);
  const char *path = tp_options_get_path (options, "gazetteer");

  st->gaz = tariffs_gazetteer_new ();
  if (path != NULL && !tariffs_gazetteer_load (st->gaz, path, error))
    goto out_free;
  st->lex = tariffs_lexicon_new ();
  *state = st;
  return TRUE;

out_free:
  tariffs_gazetteer_free (st->gaz);
  g_free (st);
  return FALSE;
}

/* Frees the state made by tariffs_init(). */
static void
tariffs_destroy (gpointer state)
{
  TariffsState *st = state;

  tariffs_lexicon_free (st->lex);
  tariffs_gazetteer_free (st->gaz);
  g_free (st);
}

/* Writes the events of @doc into the new layer @layer. */
static void
tariffs_write (const TariffsDoc *d, TpLayer *layer)
{
  for (guint k = 0; k < d->events->len; k++)
    {
      const TariffsEvent *ev = &g_array_index (d->events, TariffsEvent, k);
      guint a = tp_layer_append (layer, ev->start, ev->end);

      tp_layer_set_span (layer, a, TARIFFS_ATTR_SENTENCE, ev->sent_start,
                         ev->sent_end);
      tp_layer_set_enum (layer, a, TARIFFS_ATTR_ACTION, ev->action);
      tp_layer_set_enum (layer, a, TARIFFS_ATTR_STATUS, ev->status);
      tp_layer_set_bool (layer, a, TARIFFS_ATTR_RETALIATION, ev->retaliation);
      if (ev->imposer != NULL)
        tp_layer_set_string (layer, a, TARIFFS_ATTR_IMPOSER, ev->imposer);
      if (ev->target != NULL)
        tp_layer_set_string (layer, a, TARIFFS_ATTR_TARGET, ev->target);
      if (ev->has_rate)
        tp_layer_set_double (layer, a, TARIFFS_ATTR_RATE, ev->rate);
      for (guint g = 0; g < ev->n_goods; g++)
        tp_layer_strv_append (layer, a, TARIFFS_ATTR_GOODS,
                              d->text + ev->goods_start[g],
                              ev->goods_end[g] - ev->goods_start[g]);
      if (ev->amount_end > ev->amount_start)
        tp_layer_set_string_len (layer, a, TARIFFS_ATTR_AMOUNT,
                                 d->text + ev->amount_start,
                                 ev->amount_end - ev->amount_start);
    }
}

/* Adds the `tariff` layer to one document. */
static gboolean
tariffs_process (gpointer state, TpDocument *doc, GError **error)
{
  TariffsState *st = state;
  TariffsDoc d = { 0 };
  TpLayer *layer, *sentences;
  GArray *triggers;
  gboolean candidates = FALSE;
  guint n, next = 0;
  gboolean ok = TRUE;

  layer = tp_document_add_layer (doc, "tariff", tariffs_attrs, error);
  if (layer == NULL)
    return FALSE;
  d.text = tp_document_get_text (doc);
  d.length = tp_document_get_length (doc);
  triggers = g_array_new (FALSE, FALSE, sizeof (gsize));
  /* one pass over the bytes finds every trigger stem; most documents
   * have none and stop here */
  candidates = tariffs_scan_text (d.text, d.length, triggers);
  if (!candidates || triggers->len == 0)
    goto out_free_triggers;
  sentences = tp_document_get_layer (doc, "sentence");
  if (sentences == NULL)
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_INVALID_INPUT,
                   "no `sentence` layer: run the sentences plugin first");
      ok = FALSE;
      goto out_free_triggers;
    }
  tariffs_doc_init (&d, st->gaz, st->lex);
  n = tp_layer_get_length (sentences);
  for (guint k = 0; k < n && next < triggers->len; k++)
    {
      gsize start = tp_layer_get_start (sentences, k);
      gsize end = tp_layer_get_end (sentences, k);

      if (end > d.length || start >= end)
        continue;
      /* "... the U.S. | Will remove its duty": one sentence */
      while (k + 1 < n && tp_layer_get_end (sentences, k + 1) <= d.length
             && tariffs_should_join (&d, start, end,
                                     tp_layer_get_start (sentences, k + 1),
                                     tp_layer_get_end (sentences, k + 1)))
        end = tp_layer_get_end (sentences, ++k);
      /* only sentences holding a trigger stem are cut into words */
      while (next < triggers->len
             && g_array_index (triggers, gsize, next) < start)
        next++;
      if (next < triggers->len && g_array_index (triggers, gsize, next) < end)
        tariffs_extract_sentence (&d, start, end);
    }
  tariffs_extract_finish (&d);
  tariffs_write (&d, layer);
  tariffs_doc_clear (&d);
out_free_triggers:
  g_array_unref (triggers);
  return ok;
}

TP_PLUGIN_DEFINE (.flags = TP_PLUGIN_FLAG_THREAD_SAFE, .name = "tariffs",
                  .version = "0.2.2",
                  .description = "Tariff events: who taxes whose goods, how "
                                 "much, imposed, threatened or lifted",
                  .license = "MIT", .requires = tariffs_requires,
                  .produces = tariffs_produces, .options = tariffs_options,
                  .init = tariffs_init, .process = tariffs_process,
                  .destroy = tariffs_destroy);
