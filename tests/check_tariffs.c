/* check_tariffs.c: table-driven tests of the tariffs plugin.
 *
 * Every sentence here is written for these tests.  Each event case runs
 * the text through tokenizer, sentences and tariffs and checks the first
 * event (or the event whose trigger is named) field by field.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "tp-harness.h"

#define NO_RATE (-1.0)

/* One case: a text and the expected event.  @trigger names the trigger
 * word of the event checked (its first occurrence); @n_events is the
 * number of events in the text.  Strings "-" mean null; goods are joined
 * with '|'. */
typedef struct {
  const char *text;
  guint n_events;
  const char *trigger;
  const char *action;
  const char *status;
  gboolean retaliation;
  const char *imposer;
  const char *target;
  double rate;
  const char *goods;
  const char *amount;
} TariffCase;

static const TariffCase event_cases[] = {
  /* actions */
  { "Ottawa imposed a 25 per cent tariff on Chinese steel last year.", 1,
    "tariff", "impose", "actual", FALSE, "Canada", "China", 25, "steel", "-" },
  { "The government of Brazil raised its import duties on Korean cars to "
    "35 pct from 20 pct.",
    1, "duties", "raise", "actual", FALSE, "Brazil", "South Korea", 35, "cars",
    "-" },
  { "Taiwan will cut tariffs on 800 farm products next month.", 1, "tariffs",
    "lower", "announced", FALSE, "Taiwan", "-", NO_RATE, "800 farm products",
    "-" },
  { "Washington lifted the tariffs on Mexican tomatoes on Tuesday.", 1,
    "tariffs", "remove", "actual", FALSE, "United States", "Mexico", NO_RATE,
    "tomatoes", "-" },
  { "Beijing threatened to impose tariffs on Australian wine.", 1, "tariffs",
    "threaten", "actual", FALSE, "China", "Australia", NO_RATE, "wine", "-" },
  { "Japan's 40 pct tariff on imported beef remains high.", 1, "tariff",
    "exist", "actual", FALSE, "Japan", "-", 40, "beef", "-" },
  { "The ministry decided not to impose duties on Thai rice.", 1, "duties",
    "remove", "actual", FALSE, "-", "Thailand", NO_RATE, "rice", "-" },
  { "South Korea agreed to phase out its tariffs on Chilean wine.", 1,
    "tariffs", "remove", "actual", FALSE, "South Korea", "Chile", NO_RATE,
    "wine", "-" },
  { "Ottawa will remove the surtax on U.S. steel next month.", 1, "surtax",
    "remove", "announced", FALSE, "Canada", "United States", NO_RATE, "steel",
    "-" },
  /* status */
  { "The European Union plans to impose levies on Russian fertiliser.", 1,
    "levies", "impose", "announced", FALSE, "European Union", "Russia", NO_RATE,
    "fertiliser", "-" },
  { "Farm groups urged the EC to scrap its levies on American corn "
    "gluten.",
    1, "levies", "remove", "proposed", FALSE, "European Union", "United States",
    NO_RATE, "corn gluten", "-" },
  { "Canada should consider a tariff on Brazilian shoes, the group said.", 1,
    "tariff", "impose", "proposed", FALSE, "Canada", "Brazil", NO_RATE, "shoes",
    "-" },
  /* rate forms */
  { "Brussels set a 25% duty on Norwegian salmon.", 1, "duty", "impose",
    "actual", FALSE, "European Union", "Norway", 25, "salmon", "-" },
  { "The Commerce Department set an anti-dumping duty of 49.9 pct on "
    "Italian pasta.",
    1, "duty", "impose", "actual", FALSE, "United States", "Italy", 49.9,
    "pasta", "-" },
  { "Brussels said it would impose duties of up to 50 per cent on U.S. "
    "motorcycles and bourbon.",
    1, "duties", "impose", "announced", FALSE, "European Union",
    "United States", 50, "motorcycles|bourbon", "-" },
  { "India lowered its import duty on gold from 30 to 15 pct.", 1, "duty",
    "lower", "actual", FALSE, "India", "-", 15, "gold", "-" },
  { "Korea cut its tariffs on machinery by 10 pct.", 1, "tariffs", "lower",
    "actual", FALSE, "South Korea", "-", NO_RATE, "machinery", "-" },
  { "Mexico slapped 100 per cent tariffs on Chinese cars.", 1, "tariffs",
    "impose", "actual", FALSE, "Mexico", "China", 100, "cars", "-" },
  /* money amounts */
  { "Washington put tariffs on $2bn of French wine and cheese.", 1, "tariffs",
    "impose", "actual", FALSE, "United States", "France", NO_RATE,
    "wine|cheese", "$2bn" },
  /* a rate is given, so the money value is no amount */
  { "The president announced 100 pct tariffs on 300 mln dlrs worth of "
    "Japanese electronics.",
    1, "tariffs", "impose", "announced", FALSE, "-", "Japan", 100,
    "electronics", "-" },
  { "Ottawa threatened tariffs on 300 mln dlrs worth of U.S. steel.", 1,
    "tariffs", "threaten", "actual", FALSE, "Canada", "United States", NO_RATE,
    "steel", "300 mln dlrs" },
  /* metonyms, adjectives, blocs */
  { "Tokyo raised tariffs on Canadian lumber.", 1, "tariffs", "raise", "actual",
    FALSE, "Japan", "Canada", NO_RATE, "lumber", "-" },
  { "The EC agreed to lift its levies on Argentine beef.", 1, "levies",
    "remove", "actual", FALSE, "European Union", "Argentina", NO_RATE, "beef",
    "-" },
  { "Canadian tariffs on Chinese EVs took effect on Monday.", 1, "tariffs",
    "impose", "actual", FALSE, "Canada", "China", NO_RATE, "EVs", "-" },
  /* retaliation */
  { "China responded with tariffs on Canadian canola products and "
    "seafood.",
    1, "tariffs", "impose", "actual", TRUE, "China", "Canada", NO_RATE,
    "canola products|seafood", "-" },
  { "Seoul imposed retaliatory duties on American beef.", 1, "duties", "impose",
    "actual", TRUE, "South Korea", "United States", NO_RATE, "beef", "-" },
  /* two measures in one sentence */
  { "Canada imposed a 100 per cent tariff on Chinese cars, as well as "
    "levies on solar panels and batteries.",
    2, "levies", "impose", "actual", FALSE, "Canada", "China", NO_RATE,
    "solar panels|batteries", "-" },
  /* "those tariffs" takes imposer and target from the earlier event */
  { "Canada imposed tariffs on Chinese cars in October.\nCritics asked "
    "whether he would drop those tariffs.",
    2, "tariffs#2", "remove", "proposed", FALSE, "Canada", "China", NO_RATE, "",
    "-" },
  /* export duties are levied by the exporter (R11) */
  { "Indonesia raised its export tax on palm oil to 10 pct.", 1, "tax", "raise",
    "actual", FALSE, "Indonesia", "-", 10, "palm oil", "-" },
  /* R6: one measure for both sides; R10: "all products" names no goods */
  { "Chile and Peru signed a free-trade deal removing tariffs on both "
    "sides.",
    1, "tariffs", "remove", "actual", FALSE, "-", "-", NO_RATE, "", "-" },
  { "Japan cut tariffs on all products last year.", 1, "tariffs", "lower",
    "actual", FALSE, "Japan", "-", NO_RATE, "", "-" },
  /* no place in the sentence: the dateline's country, named again */
  { "TAIPEI, April 13 - Taiwan officials met on Monday.\n\nThe government "
    "said it would cut tariffs on 862 goods.",
    1, "tariffs", "lower", "announced", FALSE, "Taiwan", "-", NO_RATE,
    "862 goods", "-" },
  /* "JAPANESE TARIFFS" in a headline: the story shows Japan is the target */
  { "FIRMS SEEK EXEMPTIONS FROM JAPANESE TARIFFS\n\nFirms asked Washington "
    "for exemptions from the tariffs it will impose on Japanese exports.",
    2, "TARIFFS", "remove", "proposed", FALSE, "United States", "Japan",
    NO_RATE, "", "-" },
  /* wire style headline */
  { "TAIWAN PLANS NEW TARIFF CUTS", 1, "TARIFF", "lower", "announced", FALSE,
    "Taiwan", "-", NO_RATE, "", "-" },
  /* no country anywhere: a levying verb and goods still make a measure */
  { "We will impose tariffs on steel.", 1, "tariffs", "impose", "announced",
    FALSE, "-", "-", NO_RATE, "steel", "-" },
  { "The government said it would slap a 30 per cent duty on solar panels.", 1,
    "duty", "impose", "announced", FALSE, "-", "-", 30, "solar panels", "-" },
  /* parties named as a group: no imposer guessed from the rest of the story
   * (here the place it names most) */
  { "Germany and France sell most of the grain. Germany says prices are low. "
    "The agency urged that poor countries reduce their own tariffs to help "
    "trade.",
    1, "tariffs", "lower", "proposed", FALSE, "-", "-", NO_RATE, "", "-" },
};

/* Texts that hold no tariff event. */
static const char *const negative_cases[] = {
  "Ministers met at the General Agreement on Tariffs and Trade in Geneva.",
  "The GATT (General Agreement on Tariffs and Trade) council met today.",
  "Freight tariffs on the Rhine rose 5 pct as barge owners raised prices.",
  "The shipping line raised its tariffs for container cargo to Asia.",
  "The postal service will raise its parcel tariffs in January.",
  "The telecom regulator approved new broadband tariffs for households.",
  "The utility asked regulators to approve higher electricity tariffs.",
  "The airline cut its tariffs on transatlantic fares.",
  "The judge set a minimum tariff of 15 years before the murderer can seek "
  "parole.",
  "Parliament approved higher excise duties on tobacco and alcohol.",
  "The EC co-responsibility levy on milk producers will rise next year.",
  "Britain will cut stamp duty for first-time buyers.",
  "The government raised the sales tax to 8 pct.",
  "The proposed EC levy on oils and fats was criticised by consumers.",
  "The officer on duty said the port was closed.",
  "Members of the club enjoy duty-free shopping.",
  "Analysts said he remains opposed to tariffs.",
  "Income from customs duties fell last year.",
  "The province imposed a one pct surtax on individuals with high incomes.",
  "Small Island, Levy's fourth novel, is set in post-war London.",
  "GATT aims to lower tariffs and promote trade.",
  "The Motor Tariff Bureau published new rates.",
  "Prices rose 3 pct in March, the statistics office said.",
  /* a water firm's price schedule: "US dollars" is money, not a target */
  "The water firm wants a tariff rise of 40% to pay for new pipes. The firm "
  "said converting its tariffs from US dollars to pesos had hurt it.",
  "",
};

/* The document of @text through tokenizer, sentences and tariffs. */
static TpDocument *
push_text (TpHarness **harness, const char *text)
{
  GError *error = NULL;
  TpDocument *doc;

  *harness = tp_harness_new ("tokenizer, sentences, tariffs", &error);
  ck_assert_msg (*harness != NULL, "harness: %s", error ? error->message : "?");
  doc = tp_harness_push_text (*harness, text, &error);
  ck_assert_msg (doc != NULL, "push: %s", error ? error->message : "?");
  return doc;
}

/* The index of the event whose trigger is @trigger ("word" or "word#N"
 * for the Nth occurrence), or -1. */
static gint
find_event (const TpDocument *doc, const TpLayer *layer, const char *trigger)
{
  const char *hash = strchr (trigger, '#');
  char *word = hash ? g_strndup (trigger, hash - trigger) : g_strdup (trigger);
  guint nth = hash ? (guint)atoi (hash + 1) : 1;
  gint found = -1;

  for (guint k = 0; k < tp_layer_get_length (layer) && found < 0; k++)
    {
      char *t = tp_harness_span_text (doc, layer, k);

      if (strcmp (t, word) == 0 && --nth == 0)
        found = (gint)k;
      g_free (t);
    }
  g_free (word);
  return found;
}

static const char *
attr_string (const TpLayer *layer, guint k, const char *name)
{
  const char *v
      = tp_layer_get_string (layer, k, tp_layer_attr_index (layer, name));
  return v != NULL ? v : "-";
}

START_TEST (test_event_cases)
{
  const TariffCase *c = &event_cases[_i];
  TpHarness *harness;
  TpDocument *doc = push_text (&harness, c->text);
  TpLayer *layer = tp_document_get_layer (doc, "tariff");
  GString *goods = g_string_new (NULL);
  gint k;
  double rate;
  gboolean ret = FALSE;
  gsize s0, s1;

  ck_assert_ptr_nonnull (layer);
  ck_assert_msg (tp_layer_get_length (layer) == c->n_events,
                 "case %d: %u events, expected %u in: %s", _i,
                 tp_layer_get_length (layer), c->n_events, c->text);
  k = find_event (doc, layer, c->trigger);
  ck_assert_msg (k >= 0, "case %d: no event on %s", _i, c->trigger);
  ck_assert_str_eq (tp_layer_get_enum_string (
                        layer, k, tp_layer_attr_index (layer, "action")),
                    c->action);
  ck_assert_str_eq (tp_layer_get_enum_string (
                        layer, k, tp_layer_attr_index (layer, "status")),
                    c->status);
  ck_assert (tp_layer_get_bool (
      layer, k, tp_layer_attr_index (layer, "retaliation"), &ret));
  ck_assert_msg (ret == c->retaliation, "case %d: retaliation %d", _i, ret);
  ck_assert_str_eq (attr_string (layer, k, "imposer"), c->imposer);
  ck_assert_str_eq (attr_string (layer, k, "target"), c->target);
  if (c->rate == NO_RATE)
    ck_assert_msg (
        !tp_layer_get_double (
            layer, k, tp_layer_attr_index (layer, "rate_percent"), &rate),
        "case %d: unexpected rate", _i);
  else
    {
      ck_assert_msg (
          tp_layer_get_double (
              layer, k, tp_layer_attr_index (layer, "rate_percent"), &rate),
          "case %d: no rate", _i);
      ck_assert_double_eq_tol (rate, c->rate, 1e-9);
    }
  for (guint g = 0; g < tp_layer_get_strv_length (
                        layer, k, tp_layer_attr_index (layer, "goods"));
       g++)
    g_string_append_printf (
        goods, "%s%s", g ? "|" : "",
        tp_layer_get_strv_item (layer, k, tp_layer_attr_index (layer, "goods"),
                                g));
  ck_assert_str_eq (goods->str, c->goods);
  ck_assert_str_eq (attr_string (layer, k, "amount"), c->amount);
  /* the sentence span holds the trigger */
  ck_assert (tp_layer_get_span (
      layer, k, tp_layer_attr_index (layer, "sentence"), &s0, &s1));
  ck_assert (s0 <= tp_layer_get_start (layer, k)
             && tp_layer_get_end (layer, k) <= s1);
  g_string_free (goods, TRUE);
  tp_document_free (doc);
  tp_harness_free (harness);
}
END_TEST

START_TEST (test_negative_cases)
{
  TpHarness *harness;
  TpDocument *doc = push_text (&harness, negative_cases[_i]);
  TpLayer *layer = tp_document_get_layer (doc, "tariff");

  ck_assert_ptr_nonnull (layer);
  ck_assert_msg (tp_layer_get_length (layer) == 0, "%u events in: %s",
                 tp_layer_get_length (layer), negative_cases[_i]);
  tp_document_free (doc);
  tp_harness_free (harness);
}
END_TEST

/* The layer declares its attributes with the documented types. */
START_TEST (test_layer_schema)
{
  static const struct {
    const char *name;
    TpAttrType type;
  } attrs[]
      = { { "sentence", TP_ATTR_SPAN },       { "action", TP_ATTR_ENUM },
          { "status", TP_ATTR_ENUM },         { "retaliation", TP_ATTR_BOOL },
          { "imposer", TP_ATTR_STRING },      { "target", TP_ATTR_STRING },
          { "rate_percent", TP_ATTR_DOUBLE }, { "goods", TP_ATTR_STRV },
          { "amount", TP_ATTR_STRING } };
  TpHarness *harness;
  TpDocument *doc = push_text (&harness, "No trade here.");
  TpLayer *layer = tp_document_get_layer (doc, "tariff");

  ck_assert_ptr_nonnull (layer);
  for (guint k = 0; k < G_N_ELEMENTS (attrs); k++)
    {
      gint index = tp_layer_attr_index (layer, attrs[k].name);

      ck_assert_msg (index >= 0, "no attribute %s", attrs[k].name);
      ck_assert_int_eq (tp_layer_get_attr_spec (layer, index)->type,
                        attrs[k].type);
    }
  tp_document_free (doc);
  tp_harness_free (harness);
}
END_TEST

/* The gazetteer option adds places; a bad file is refused at start. */
START_TEST (test_gazetteer_option)
{
  char path[] = "/tmp/check_tariffs_gazXXXXXX";
  int fd = mkstemp (path);
  const char *data = "# test places\nruritania\tRuritania\n"
                     "ruritanian\tRuritania\nair canada\t-\n";
  GError *error = NULL;
  TpHarness *harness;
  TpDocument *doc;
  TpLayer *layer;

  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, data, strlen (data)), (int)strlen (data));
  close (fd);
  harness = tp_harness_new ("tokenizer, sentences, tariffs", &error);
  ck_assert_ptr_nonnull (harness);
  tp_harness_set_option (harness, "tariffs", "gazetteer", path);
  doc = tp_harness_push_text (
      harness, "Ruritania imposed tariffs on Canadian timber.", &error);
  ck_assert_msg (doc != NULL, "%s", error ? error->message : "?");
  layer = tp_document_get_layer (doc, "tariff");
  ck_assert_uint_eq (tp_layer_get_length (layer), 1);
  ck_assert_str_eq (attr_string (layer, 0, "imposer"), "Ruritania");
  ck_assert_str_eq (attr_string (layer, 0, "target"), "Canada");
  tp_document_free (doc);
  tp_harness_free (harness);

  /* a line without a TAB is an error */
  fd = open (path, O_WRONLY | O_TRUNC);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, "no tab here\n", 12), 12);
  close (fd);
  harness = tp_harness_new ("tokenizer, sentences, tariffs", &error);
  tp_harness_set_option (harness, "tariffs", "gazetteer", path);
  ck_assert (!tp_harness_start (harness, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  tp_harness_free (harness);
  unlink (path);
}
END_TEST

/* The example gazetteer shipped with the plugin loads and adds blocs. */
START_TEST (test_shipped_gazetteer)
{
  const char *srcdir = g_getenv ("TP_TEST_SRCDIR");
  char *path;
  GError *error = NULL;
  TpHarness *harness;
  TpDocument *doc;
  TpLayer *layer;

  if (srcdir == NULL)
    return; /* run outside `make check` */
  path = g_build_filename (srcdir, "plugins", "tariffs", "gazetteer-extra.tsv",
                           NULL);
  harness = tp_harness_new ("tokenizer, sentences, tariffs", &error);
  ck_assert_ptr_nonnull (harness);
  tp_harness_set_option (harness, "tariffs", "gazetteer", path);
  doc = tp_harness_push_text (
      harness, "Mercosur raised tariffs on Chinese shoes last year.", &error);
  ck_assert_msg (doc != NULL, "%s", error ? error->message : "?");
  layer = tp_document_get_layer (doc, "tariff");
  ck_assert_uint_eq (tp_layer_get_length (layer), 1);
  ck_assert_str_eq (attr_string (layer, 0, "imposer"), "Mercosur");
  ck_assert_str_eq (attr_string (layer, 0, "target"), "China");
  tp_document_free (doc);
  tp_harness_free (harness);
  g_free (path);
}
END_TEST

/* Hostile input runs in linear time and finds nothing odd. */
START_TEST (test_hostile)
{
  GString *text = g_string_new (NULL);
  TpHarness *harness;
  TpDocument *doc;
  TpLayer *layer;

  switch (_i)
    {
    case 0: /* 1 MB without spaces */
      for (guint k = 0; k < (1u << 20) / 8; k++)
        g_string_append (text, "tariffs,");
      break;
    case 1: /* only punctuation */
      for (guint k = 0; k < 200000; k++)
        g_string_append (text, ".,;!?-\"'");
      break;
    case 3: /* many sentences, many events, retaliation everywhere */
      for (guint k = 0; k < 20000; k++)
        g_string_append (text, k % 2 ? "Japan imposed retaliatory tariffs on "
                                       "U.S. goods.\n"
                                     : "The officer on duty left.\n");
      break;
    default: /* one huge sentence full of triggers and places */
      for (guint k = 0; k < 20000; k++)
        g_string_append (text, "Japan imposed tariffs on U.S. goods and ");
      g_string_append (text, "more.");
      break;
    }
  doc = push_text (&harness, text->str);
  layer = tp_document_get_layer (doc, "tariff");
  ck_assert_ptr_nonnull (layer);
  if (_i >= 2)
    ck_assert_uint_gt (tp_layer_get_length (layer), 0);
  tp_document_free (doc);
  tp_harness_free (harness);
  g_string_free (text, TRUE);
}
END_TEST

static Suite *
tariffs_suite (void)
{
  Suite *s = suite_create ("tariffs");
  TCase *tc = tcase_create ("events");
  TCase *tn = tcase_create ("negatives");
  TCase *to = tcase_create ("options");
  TCase *th = tcase_create ("hostile");

  tcase_add_loop_test (tc, test_event_cases, 0, G_N_ELEMENTS (event_cases));
  tcase_add_loop_test (tn, test_negative_cases, 0,
                       G_N_ELEMENTS (negative_cases));
  tcase_add_test (to, test_layer_schema);
  tcase_add_test (to, test_gazetteer_option);
  tcase_add_test (to, test_shipped_gazetteer);
  tcase_add_loop_test (th, test_hostile, 0, 4);
  tcase_set_timeout (th, 120);
  suite_add_tcase (s, tc);
  suite_add_tcase (s, tn);
  suite_add_tcase (s, to);
  suite_add_tcase (s, th);
  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (tariffs_suite ());
  int failed;

  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
