/* tp-harness.h: run one or a few plugins over a text, for plugin tests.
 *
 * A harness is a small pipeline built in code: name its stages' plugins,
 * set options, push a text, inspect the layers that come back.  Plugins
 * are found the way the command finds them (TEXTPIPE_PLUGIN_PATH first).
 */
#ifndef TP_HARNESS_H
#define TP_HARNESS_H

#include "textpipe-plugin.h"

G_BEGIN_DECLS

typedef struct _TpHarness TpHarness;

/* Creates a harness whose stages use the plugins named in @plugins,
 * separated by commas or spaces ("tokenizer, sentences, quotes"); each
 * stage is named after its plugin. */
TpHarness *tp_harness_new (const char *plugins, GError **error);
/* Sets option @key of stage @stage, as an INI file would.  Options are
 * checked when the harness is first used. */
void tp_harness_set_option (TpHarness *harness, const char *stage,
                            const char *key, const char *value);
/* Checks the options and runs every stage's init; needed only to test
 * that bad options are refused (the push functions call it). */
gboolean tp_harness_start (TpHarness *harness, GError **error);
/* Runs the stages over @text (an id of "test").  Returns the document, or
 * NULL with @error set by the stage that failed (prefixed with its name). */
TpDocument *tp_harness_push_text (TpHarness *harness, const char *text,
                                  GError **error);
/* Frees a document returned by the harness. */
void tp_document_free (TpDocument *doc);
/* Runs finish and destroy on every stage, and frees the harness. */
void tp_harness_free (TpHarness *harness);

/* The text of annotation @index of @layer, newly allocated. */
char *tp_harness_span_text (const TpDocument *doc, const TpLayer *layer,
                            guint index);
/* The texts of every annotation of layer @name joined with @sep, newly
 * allocated ("" when the layer is empty; NULL when it is missing). */
char *tp_harness_join_layer (const TpDocument *doc, const char *name,
                             const char *sep);

/* Pushes @text and returns the texts of layer @name joined with @sep, newly
 * allocated; NULL with @error set when a stage fails. */
char *tp_harness_push_and_join (TpHarness *harness, const char *text,
                                const char *name, const char *sep,
                                GError **error);

G_END_DECLS

#endif /* TP_HARNESS_H */
