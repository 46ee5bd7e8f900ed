/* quotes.c: the quotes plugin: direct quotations with their speakers.
 *
 * Requires the layers "token" and "sentence" (so that it runs after the
 * tokenizer and sentence splitter in a pipeline); this version reads the
 * raw text itself (quote marks, line breaks as paragraph ends) and uses
 * its own small word scanner around each quote, so a quote is found the
 * same way whatever tokenizer ran before.
 *
 * Produces the layer "quote": one annotation per quote, spanning the
 * quoted text without the marks (trailing punctuation inside the marks
 * included), as ../shared/eval/GUIDELINES.md defines it.  Attributes:
 *
 *   speaker          STRING  the speaker's fullest name in the story
 *                            ("Mark Carney" for "Carney", "he", "the prime
 *                            minister"), a non-person source as written
 *                            ("the company"), or null
 *   speaker_mention  SPAN    the mention next to the quote that names the
 *                            speaker ("Carney", "he"), or null when the
 *                            speaker was inherited from another quote
 *   cue              STRING  the reporting verb as written ("said"), or null
 *   cue_span         SPAN    its span, or null
 *   rule             ENUM    which rule decided the speaker:
 *     after             "...," Carney said / "...," said Carney, the ... /
 *                       "...," Mr Smith, the chairman, told reporters /
 *                       "...," hunt master, Captain X, said (the name
 *                       between commas after a lower-case role) /
 *                       '"..." he added.' (no punctuation inside) /
 *                       a "long session" where ..., party sources said /
 *                       will be "make or break" for X Gordon Brown will
 *                       say (a full name and a cue later in the sentence) /
 *                       uses "something" as a weapon, said the leaflet /
 *                       "...," the paper quotes X (as saying), "...," AP
 *                       quoted (prosecutor) Name / him as saying (the
 *                       person, not the outlet); ', the
 *                       agency reported' gives way to a speaker named
 *                       inside the sentence ('Oslo said ... "severe"');
 *                       a verb whose colon ends the window belongs to the
 *                       next quote ('"...?" On immigration, X said: "')
 *     before            Carney said: "..." / He added, "..." / Okafor said
 *                       the province "firmly rejects" ... / X, who
 *                       has described it as a "trap" / She rejected it,
 *                       saying no "figure" ... (a participle: the subject
 *                       that opens the sentence, "A bank spokeswoman
 *                       dismissed the claims, saying"; not an object,
 *                       "X backed the plan saying", "X will argue against
 *                       the plan saying", nor the last noun of a clause,
 *                       "X, which occupies Y, had insisted ..., calling")
 *                       / Lyon coach Rui
 *                       Matos: "..." (a name and a colon) / passive:
 *                       described as "..." by X, described by X as "..."
 *                       / X was quoted in the paper saying: "..." /
 *                       Name, editor of ..., which did ..., said: (a
 *                       name opening the sentence, or ", who", then a
 *                       long apposition) / right after "said:" that no
 *                       rule read: the pronoun or person opening that
 *                       sentence, or the name before "who" ("Secretary
 *                       Tessa Jowell who said:"); when even that fails
 *                       and a new name opens the sentence, the quote and
 *                       the paragraphs it runs on stay without speaker
 *                       rather than take the previous one
 *     according_to      "...", according to Carney / According to X, ...
 *     same_paragraph    a later quote of a paragraph whose earlier quote
 *                       was attributed ("A," he said. "B."), or a later
 *                       partial quote of the same sentence
 *     previous_sentence a quote that starts a sentence, with the speaker
 *                       named with a reporting verb in a whole sentence
 *                       between it and an earlier quote of its paragraph
 *                       ('"A." Mr Hale warned that ... "B."'; not when
 *                       that verb's subject is a pronoun; "John Snow
 *                       said it was", "X put a brave face on it,
 *                       saying" count), or with the
 *                       speaker
 *                       named with a reporting verb since the previous
 *                       quote (Maya Chen, an editor, says X.\n"..."), or
 *                       a person whose name opens the sentence before in
 *                       the same paragraph ("Mr Blair went on to list his
 *                       achievements. "So now ..."; not when the quote
 *                       opens with he/she/his/her)
 *     continued         a quote running over several paragraphs (one
 *                       annotation per paragraph, one speaker); also
 *                       "A. "B. "C." where the paragraph breaks were lost
 *     previous_speaker  a quote that opens its paragraph with no cue takes
 *                       the previous quote's speaker (at most 3 paragraphs
 *                       back)
 *     subject           a partial quote no rule above attributed, inside a
 *                       sentence that a speaker opens with a verb after
 *                       it: "Standard Chartered sees "the opportunity
 *                       ..."", "he wants to go into the next parliament
 *                       "on the front foot ..."" (a pronoun, a name or a
 *                       titled person; not "The government's problems
 *                       are", nor after "quoted", "reported", "called")
 *     headline          a clause quoted in the document's first line
 *                       (a title: no full stop, then a blank line), such
 *                       as 'to be lifted' or 'must go': the subject of the
 *                       lead paragraph's first reporting verb ("X says",
 *                       "X is urging", "X has said"), else "according to
 *                       X" there, else
 *                       the lead paragraph's first attributed
 *                       quote.  Quoted terms in a headline ('grey vote':
 *                       no modal, auxiliary, "to", -ed or -ing) are skipped,
 *                       unless their words come back in the lead: inside a
 *                       quote there, that quote's speaker; in plain text,
 *                       the subject of the reporting verb before them
 *                       ('Strong dollar' / 'John Snow said a strong dollar
 *                       ...').  A headline's "X warned over 'Y'" is passive
 *     none              no speaker (speaker is null)
 *
 * Pronouns: he/she/they resolve to the latest source named since the
 * previous quote (the subject of a reporting verb, a name opening a
 * sentence, "X, who ..."), else to the previous speaker (he/she: a person
 * whose gender, when known from a title, fits), else (he/she, no speaker
 * yet) to the person named in the sentence before, else to the story's
 * main person: of the people named so far, the one the text names most
 * often (the first introduced on a tie; a person is a name with a title
 * of that gender or whose surname also stands alone, "Moore's film"; no
 * body, no "And U2").  "They" opening a sentence
 * first takes a plural proper group the previous sentence names after
 * that source, even as an object ("opposed by the Liberal Democrats.",
 * "talks with the unions."; lower-case only for groups of people).  He/she
 * also take a name that is its sentence's subject before a past verb
 * ("Union general secretary Tom Reyes repeated ..."; also after "On
 * Monday,"), a name between commas after an opening title phrase ("The
 * Attorney General, Lord Goldsmith, has ..."), the one asked in "X was
 * asked if ...", and a definite
 * description with a title ("The former judge and mayor told ...") the
 * person named before it.  "It" takes the last body or thing that said
 * something ("Delta Bank", "the report"; no people, no plurals).  He/she
 * skip a person the quote itself names ("Sean's situation": nobody speaks
 * of himself by name).  After ", says Tim Dams, the editor" (a verb after
 * a comma, then a name and a comma or full stop) the name is the source,
 * not the phrase before the comma.  Subjects
 * skip appositions ("A spokesman for X, Dr Y, told": Dr Y; "Name, title,
 * of Firm - a ... - said": Name) and prepositional phrases ("A X report on
 * the Y says": the report) and coordinated verbs ("The union welcomed the
 * offer and said": the union), ages ("X, 49, who told"), and a subordinate
 * clause ("X said he backed it when Y argued for it": X).  A name after
 * told/urging/asking is the listener, no source; a scare quote that is
 * dropped does not bound the search.  "The 29-year-old" is the person named
 * last (so is "the American", "the Frenchman": a word for a person of a
 * nation; "the agent", "the Gloucester fly-half": a role noun from the
 * people list); so is "the Tory leader", "The MP for Leeds and Otley" (a title
 * with modifiers that are no title words, or with "for" and a place): the
 * source named since the previous quote, else a person named in the 300 bytes
 * before, even as an object, whom the story gives a title somewhere.  Short
 * names ("Carney", "Mr Carney") take the fullest form of the surname in the
 * story ("Sir John", "Dame Judi": the one full name with that first name);
 * titles ("Prime Minister", "minister", "Mr", from the title list) are
 * stripped (not from bodies: "Foreign Ministry", "Home Office", "Bank of
 * England", "Office for National Statistics", "Finance and Economy
 * Ministry" keep every word); another first name with a known surname is
 * another person ("Jason Robinson", not "Andy Robinson"); a sentence's
 * first word is no part of a name ("But Parry"); "the prime minister"
 * resolves to the name that title came with ("a spokesman" does not; "the
 * attorney general" not to "Solicitor General X": office modifiers that
 * differ); when the story never gives the office a holder, "the
 * prime minister" (minister, president, premier, chancellor, secretary,
 * governor, mayor, chairman; not "the shadow/former/deputy ...") is the person
 * last called Mr, Mrs, Ms or Miss X in an earlier sentence (800 bytes back),
 * else the next one in a later sentence (800 bytes on), skipping people the
 * story names with another office ("Home Secretary Charles Clarke",
 * "ex-Conservative chancellor Ken Clarke").  This is a guess: on the BBC
 * stories it is right about three times in four; the first guess for an
 * office is kept for the rest of the story.
 * Passive cues ("has been accused of", "is reported to be") name no
 * speaker.
 *
 * Skipped: titles of works and terms (a trigger word such as "film",
 * "so-called", "dubbed", "the slogan:" just before the quote, a short
 * title-case text with no end punctuation, a one- or two-word text quoted
 * again outside the headline, a short name of a kind of thing not next to
 * its cue: a "smart buying" policy; but an attributed quote that opens with a
 * lower-case verb is a predicate: the campaign "turned off voters"),
 * unattributed quotes shorter than min_words
 * (and mid-sentence ones shorter than twice that: nicknames, scare quotes), and
 * quote marks that never close (unless the next paragraph, or a new sentence in
 * the same paragraph, reopens the quote; the last part of such a chain may end
 * with its paragraph after one sentence; a spaced mark after a full stop,
 * '. " The', closes).  Nested quotes belong to the outer
 * quote.  Apostrophes (letters on both sides, 'em, '90s) are no marks.
 *
 * Offsets are bytes (the core converts them to code points on output).
 * Every pass is linear in the document's length: attribution looks at
 * bounded windows (a few hundred bytes) around each quote.
 *
 * Options: verbs / titles (LIST) replace the built-in reporting verbs and
 * title words; verbs_file / titles_file (PATH, one word a line, '#'
 * comments) add to the list in force; min_words, single_quotes,
 * paragraphs.
 */
#include <textpipe-plugin.h>

#include "quotes-engine.h"

/* The state of one worker: the checked configuration (read-only) and the
 * result buffers, kept from one document to the next so that a document
 * allocates nothing once they have grown.  The buffers are why the plugin
 * is not flagged thread-safe: each worker gets its own state (init costs
 * a few small word tables). */
typedef struct {
  QuotesConfig config;
  QuotesResult result;
} QuotesState;

static const char *const quotes_requires[] = { "token", "sentence", NULL };
static const char *const quotes_produces[] = { "quote", NULL };

static const TpAttrSpec quotes_attrs[]
    = { { "speaker", TP_ATTR_STRING, NULL, NULL },
        { "speaker_mention", TP_ATTR_SPAN, NULL, NULL },
        { "cue", TP_ATTR_STRING, NULL, NULL },
        { "cue_span", TP_ATTR_SPAN, NULL, NULL },
        { "rule", TP_ATTR_ENUM, NULL, quotes_rule_names },
        { NULL } };

/* Attribute indexes in quotes_attrs. */
enum {
  QUOTES_ATTR_SPEAKER,
  QUOTES_ATTR_MENTION,
  QUOTES_ATTR_CUE,
  QUOTES_ATTR_CUE_SPAN,
  QUOTES_ATTR_RULE
};

static const TpOptionSpec quotes_options[] = {
  { "verbs", TP_OPTION_LIST, NULL, FALSE,
    "Reporting verbs (every form: said, says, told, ...); replaces the "
    "built-in list" },
  { "verbs_file", TP_OPTION_PATH, NULL, FALSE,
    "File of more reporting verbs, one a line ('#' comments)" },
  { "titles", TP_OPTION_LIST, NULL, FALSE,
    "Title words stripped from names (mr, minister, president, ...); "
    "replaces the built-in list" },
  { "titles_file", TP_OPTION_PATH, NULL, FALSE,
    "File of more title words, one a line ('#' comments)" },
  { "min_words", TP_OPTION_INT, "3", FALSE,
    "Unattributed quotes with fewer words are dropped as scare quotes" },
  { "single_quotes", TP_OPTION_BOOL, "true", FALSE,
    "Also take single marks (' and curly singles) as quote marks" },
  { "paragraphs", TP_OPTION_STRING, "line", FALSE,
    "What ends a paragraph: 'line' (every line break) or 'blank' (a blank "
    "line; single line breaks wrap lines)" },
  { NULL }
};

/* Builds the configuration from the checked options. */
static gboolean
quotes_init (const TpOptions *options, gpointer *state, GError **error)
{
  QuotesState *st = g_new0 (QuotesState, 1);
  const char *paragraphs = tp_options_get_string (options, "paragraphs");
  const char *path;
  gint64 min_words = tp_options_get_int (options, "min_words");

  quotes_config_init_defaults (&st->config);
  if (tp_options_is_set (options, "verbs"))
    quotes_config_set_words (st->config.verbs,
                             tp_options_get_list (options, "verbs"), TRUE);
  if (tp_options_is_set (options, "titles"))
    quotes_config_set_words (st->config.titles,
                             tp_options_get_list (options, "titles"), TRUE);
  path = tp_options_get_path (options, "verbs_file");
  if (path && !quotes_config_load_words (st->config.verbs, path, error))
    goto out_fail;
  path = tp_options_get_path (options, "titles_file");
  if (path && !quotes_config_load_words (st->config.titles, path, error))
    goto out_fail;
  if (min_words < 0 || min_words > 1000)
    {
      g_set_error (
          error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,
          "min_words must be between 0 and 1000, not %" G_GINT64_FORMAT,
          min_words);
      goto out_fail;
    }
  st->config.min_words = (guint)min_words;
  st->config.single_quotes = tp_options_get_bool (options, "single_quotes");
  if (paragraphs == NULL || g_strcmp0 (paragraphs, "line") == 0)
    st->config.blank_line_paragraphs = FALSE;
  else if (g_strcmp0 (paragraphs, "blank") == 0)
    st->config.blank_line_paragraphs = TRUE;
  else
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,
                   "paragraphs must be 'line' or 'blank', not '%s'",
                   paragraphs);
      goto out_fail;
    }
  quotes_result_init (&st->result);
  *state = st;
  return TRUE;

out_fail:
  quotes_config_clear (&st->config);
  g_free (st);
  return FALSE;
}

/* Finds the quotes of one document and writes the "quote" layer. */
static gboolean
quotes_process (gpointer state, TpDocument *doc, GError **error)
{
  QuotesState *st = state;
  QuotesResult *result = &st->result;
  TpLayer *layer;
  const char *text = tp_document_get_text (doc);
  gsize len = tp_document_get_length (doc);

  layer = tp_document_add_layer (doc, "quote", quotes_attrs, error);
  if (layer == NULL)
    return FALSE;
  quotes_engine_run (&st->config, text, len, result);
  for (guint k = 0; k < result->quotes->len; k++)
    {
      const QuotesQuote *q = &g_array_index (result->quotes, QuotesQuote, k);
      guint i = tp_layer_append (layer, q->start, q->end);
      if (q->speaker)
        tp_layer_set_string (layer, i, QUOTES_ATTR_SPEAKER, q->speaker);
      if (q->mention_start >= 0)
        tp_layer_set_span (layer, i, QUOTES_ATTR_MENTION, q->mention_start,
                           q->mention_end);
      if (q->cue_start >= 0)
        {
          tp_layer_set_string_len (layer, i, QUOTES_ATTR_CUE,
                                   text + q->cue_start,
                                   q->cue_end - q->cue_start);
          tp_layer_set_span (layer, i, QUOTES_ATTR_CUE_SPAN, q->cue_start,
                             q->cue_end);
        }
      tp_layer_set_enum (layer, i, QUOTES_ATTR_RULE, q->rule);
    }
  return TRUE;
}

/* Frees the stage's state. */
static void
quotes_destroy (gpointer state)
{
  QuotesState *st = state;
  quotes_result_clear (&st->result);
  quotes_config_clear (&st->config);
  g_free (st);
}

TP_PLUGIN_DEFINE (.name = "quotes", .version = "1.3.0",
                  .description = "Direct quotations with their speakers",
                  .license = "MIT", .flags = TP_PLUGIN_FLAG_NONE,
                  .requires = quotes_requires, .produces = quotes_produces,
                  .options = quotes_options, .init = quotes_init,
                  .process = quotes_process, .destroy = quotes_destroy);
