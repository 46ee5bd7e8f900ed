/* tariffs-gazetteer.c: countries and blocs for the `tariffs` plugin.
 *
 * Aliases are lower-case word sequences ("united states", "u.s.",
 * "ottawa", "chinese") mapped to the canonical short English name the
 * GUIDELINES use ("United States", "European Union").  The built-in table
 * covers country names, adjectives, demonyms, capitals used as metonyms,
 * a few institutions and heads of government; a TSV file given through the
 * `gazetteer` option adds to it or overrides it.  A canonical of NULL (or
 * "-" in a file) marks a blocker: "latin america" is no country, and being
 * longer it wins over "america".
 */
#include "config.h"

#include <string.h>

#include "tariffs.h"

struct _TariffsGazetteer {
  GHashTable *aliases; /* alias (owned) -> canonical (in names) or "" */
  GStringChunk *names; /* canonical names read from files */
};

typedef struct {
  const char *alias;
  const char *canonical;
} TariffsGazEntry;

/* The built-in table. */
static const TariffsGazEntry tariffs_gazetteer_builtin[] = {
  /* United States */
  { "united states", "United States" },
  { "u.s.", "United States" },
  { "u.s", "United States" },
  { "us", "United States" },
  { "usa", "United States" },
  { "u.s.a.", "United States" },
  { "america", "United States" },
  { "american", "United States" },
  { "americans", "United States" },
  { "washington", "United States" },
  { "white house", "United States" },
  { "congress", "United States" },
  { "senate", "United States" },
  { "reagan", "United States" },
  { "reagan administration", "United States" },
  { "commerce department", "United States" },
  { "department of commerce", "United States" },
  { "international trade commission", "United States" },
  { "itc", "United States" },
  { "federal trade commission", "United States" },
  { "ftc", "United States" },
  { "ustr", "United States" },
  { "customs service", "United States" },
  { "usda", "United States" },
  { "trump", "United States" },
  { "biden", "United States" },
  { "obama", "United States" },
  { "bush", "United States" },
  { "clinton", "United States" },
  /* Canada */
  { "canada", "Canada" },
  { "canadian", "Canada" },
  { "canadians", "Canada" },
  { "ottawa", "Canada" },
  { "mulroney", "Canada" },
  { "trudeau", "Canada" },
  { "carney", "Canada" },
  { "harper", "Canada" },
  /* European Union */
  { "european union", "European Union" },
  { "eu", "European Union" },
  { "e.u.", "European Union" },
  { "european community", "European Union" },
  { "european communities", "European Union" },
  { "european economic community", "European Union" },
  { "ec", "European Union" },
  { "e.c.", "European Union" },
  { "eec", "European Union" },
  { "e.e.c.", "European Union" },
  { "common market", "European Union" },
  { "community", "European Union" },
  { "european commission", "European Union" },
  { "ec commission", "European Union" },
  { "brussels", "European Union" },
  { "european", "European Union" },
  { "europeans", "European Union" },
  { "europe", "European Union" },
  /* China */
  { "china", "China" },
  { "chinese", "China" },
  { "beijing", "China" },
  { "peking", "China" },
  { "prc", "China" },
  { "xi", "China" },
  { "xi jinping", "China" },
  /* Japan */
  { "japan", "Japan" },
  { "japanese", "Japan" },
  { "tokyo", "Japan" },
  { "miti", "Japan" },
  { "nakasone", "Japan" },
  { "takeshita", "Japan" },
  { "abe", "Japan" },
  { "kishida", "Japan" },
  /* Taiwan */
  { "taiwan", "Taiwan" },
  { "taiwanese", "Taiwan" },
  { "taipei", "Taiwan" },
  /* South Korea */
  { "south korea", "South Korea" },
  { "korea", "South Korea" },
  { "korean", "South Korea" },
  { "south korean", "South Korea" },
  { "koreans", "South Korea" },
  { "south koreans", "South Korea" },
  { "seoul", "South Korea" },
  /* North Korea */
  { "north korea", "North Korea" },
  { "north korean", "North Korea" },
  { "pyongyang", "North Korea" },
  /* United Kingdom */
  { "united kingdom", "United Kingdom" },
  { "britain", "United Kingdom" },
  { "great britain", "United Kingdom" },
  { "british", "United Kingdom" },
  { "uk", "United Kingdom" },
  { "u.k.", "United Kingdom" },
  { "london", "United Kingdom" },
  { "thatcher", "United Kingdom" },
  { "whitehall", "United Kingdom" },
  /* West Germany */
  { "west germany", "West Germany" },
  { "west german", "West Germany" },
  { "west germans", "West Germany" },
  { "bonn", "West Germany" },
  { "kohl", "West Germany" },
  /* Germany */
  { "germany", "Germany" },
  { "german", "Germany" },
  { "germans", "Germany" },
  { "berlin", "Germany" },
  { "merkel", "Germany" },
  { "scholz", "Germany" },
  /* France */
  { "france", "France" },
  { "french", "France" },
  { "paris", "France" },
  { "mitterrand", "France" },
  { "chirac", "France" },
  { "macron", "France" },
  /* Italy */
  { "italy", "Italy" },
  { "italian", "Italy" },
  { "rome", "Italy" },
  /* Spain */
  { "spain", "Spain" },
  { "spanish", "Spain" },
  { "madrid", "Spain" },
  /* Portugal */
  { "portugal", "Portugal" },
  { "portuguese", "Portugal" },
  { "lisbon", "Portugal" },
  /* Netherlands */
  { "netherlands", "Netherlands" },
  { "dutch", "Netherlands" },
  { "holland", "Netherlands" },
  { "the hague", "Netherlands" },
  /* Belgium */
  { "belgium", "Belgium" },
  { "belgian", "Belgium" },
  /* Ireland */
  { "ireland", "Ireland" },
  { "irish", "Ireland" },
  { "dublin", "Ireland" },
  /* Denmark */
  { "denmark", "Denmark" },
  { "danish", "Denmark" },
  { "copenhagen", "Denmark" },
  /* Greece */
  { "greece", "Greece" },
  { "greek", "Greece" },
  { "athens", "Greece" },
  /* Luxembourg */
  { "luxembourg", "Luxembourg" },
  /* Austria */
  { "austria", "Austria" },
  { "austrian", "Austria" },
  { "vienna", "Austria" },
  /* Switzerland */
  { "switzerland", "Switzerland" },
  { "swiss", "Switzerland" },
  { "bern", "Switzerland" },
  { "berne", "Switzerland" },
  /* Sweden */
  { "sweden", "Sweden" },
  { "swedish", "Sweden" },
  { "stockholm", "Sweden" },
  /* Norway */
  { "norway", "Norway" },
  { "norwegian", "Norway" },
  { "oslo", "Norway" },
  /* Finland */
  { "finland", "Finland" },
  { "finnish", "Finland" },
  { "helsinki", "Finland" },
  /* Iceland */
  { "iceland", "Iceland" },
  { "icelandic", "Iceland" },
  /* Soviet Union */
  { "soviet union", "Soviet Union" },
  { "soviet", "Soviet Union" },
  { "soviets", "Soviet Union" },
  { "ussr", "Soviet Union" },
  { "u.s.s.r.", "Soviet Union" },
  { "moscow", "Soviet Union" },
  { "gorbachev", "Soviet Union" },
  /* Russia */
  { "russia", "Russia" },
  { "russian", "Russia" },
  { "russians", "Russia" },
  { "putin", "Russia" },
  /* Poland */
  { "poland", "Poland" },
  { "polish", "Poland" },
  { "warsaw", "Poland" },
  /* Hungary */
  { "hungary", "Hungary" },
  { "hungarian", "Hungary" },
  { "budapest", "Hungary" },
  /* Czechoslovakia */
  { "czechoslovakia", "Czechoslovakia" },
  { "czechoslovak", "Czechoslovakia" },
  { "prague", "Czechoslovakia" },
  /* Yugoslavia */
  { "yugoslavia", "Yugoslavia" },
  { "yugoslav", "Yugoslavia" },
  { "belgrade", "Yugoslavia" },
  /* Romania */
  { "romania", "Romania" },
  { "romanian", "Romania" },
  { "bucharest", "Romania" },
  /* Bulgaria */
  { "bulgaria", "Bulgaria" },
  { "bulgarian", "Bulgaria" },
  { "sofia", "Bulgaria" },
  /* East Germany */
  { "east germany", "East Germany" },
  { "east german", "East Germany" },
  /* Turkey */
  { "turkey", "Turkey" },
  { "turkish", "Turkey" },
  { "ankara", "Turkey" },
  { "erdogan", "Turkey" },
  /* Israel */
  { "israel", "Israel" },
  { "israeli", "Israel" },
  { "jerusalem", "Israel" },
  /* Egypt */
  { "egypt", "Egypt" },
  { "egyptian", "Egypt" },
  { "cairo", "Egypt" },
  /* Saudi Arabia */
  { "saudi arabia", "Saudi Arabia" },
  { "saudi", "Saudi Arabia" },
  { "saudis", "Saudi Arabia" },
  { "riyadh", "Saudi Arabia" },
  /* Kuwait */
  { "kuwait", "Kuwait" },
  { "kuwaiti", "Kuwait" },
  /* Iran */
  { "iran", "Iran" },
  { "iranian", "Iran" },
  { "tehran", "Iran" },
  /* Iraq */
  { "iraq", "Iraq" },
  { "iraqi", "Iraq" },
  { "baghdad", "Iraq" },
  /* United Arab Emirates */
  { "united arab emirates", "United Arab Emirates" },
  { "uae", "United Arab Emirates" },
  { "u.a.e.", "United Arab Emirates" },
  { "emirates", "United Arab Emirates" },
  /* Qatar */
  { "qatar", "Qatar" },
  { "qatari", "Qatar" },
  /* Bahrain */
  { "bahrain", "Bahrain" },
  { "bahraini", "Bahrain" },
  /* Oman */
  { "oman", "Oman" },
  { "omani", "Oman" },
  /* Gulf Cooperation Council */
  { "gulf cooperation council", "Gulf Cooperation Council" },
  { "gulf co-operation council", "Gulf Cooperation Council" },
  { "gcc", "Gulf Cooperation Council" },
  { "gulf", "Gulf Cooperation Council" },
  { "gulf states", "Gulf Cooperation Council" },
  { "gulf arab states", "Gulf Cooperation Council" },
  /* Association of Southeast Asian Nations */
  { "asean", "Association of Southeast Asian Nations" },
  /* India */
  { "india", "India" },
  { "indian", "India" },
  { "new delhi", "India" },
  { "delhi", "India" },
  { "modi", "India" },
  /* Pakistan */
  { "pakistan", "Pakistan" },
  { "pakistani", "Pakistan" },
  { "islamabad", "Pakistan" },
  /* Bangladesh */
  { "bangladesh", "Bangladesh" },
  /* Sri Lanka */
  { "sri lanka", "Sri Lanka" },
  { "sri lankan", "Sri Lanka" },
  { "colombo", "Sri Lanka" },
  /* Indonesia */
  { "indonesia", "Indonesia" },
  { "indonesian", "Indonesia" },
  { "jakarta", "Indonesia" },
  /* Malaysia */
  { "malaysia", "Malaysia" },
  { "malaysian", "Malaysia" },
  { "kuala lumpur", "Malaysia" },
  /* Singapore */
  { "singapore", "Singapore" },
  { "singaporean", "Singapore" },
  /* Thailand */
  { "thailand", "Thailand" },
  { "thai", "Thailand" },
  { "bangkok", "Thailand" },
  /* Philippines */
  { "philippines", "Philippines" },
  { "philippine", "Philippines" },
  { "filipino", "Philippines" },
  { "manila", "Philippines" },
  /* Vietnam */
  { "vietnam", "Vietnam" },
  { "vietnamese", "Vietnam" },
  { "hanoi", "Vietnam" },
  /* Hong Kong */
  { "hong kong", "Hong Kong" },
  /* Australia */
  { "australia", "Australia" },
  { "australian", "Australia" },
  { "australians", "Australia" },
  { "canberra", "Australia" },
  /* New Zealand */
  { "new zealand", "New Zealand" },
  { "wellington", "New Zealand" },
  /* Mexico */
  { "mexico", "Mexico" },
  { "mexican", "Mexico" },
  { "mexicans", "Mexico" },
  { "mexico city", "Mexico" },
  /* Brazil */
  { "brazil", "Brazil" },
  { "brazilian", "Brazil" },
  { "brasilia", "Brazil" },
  { "lula", "Brazil" },
  /* Argentina */
  { "argentina", "Argentina" },
  { "argentine", "Argentina" },
  { "argentinian", "Argentina" },
  { "buenos aires", "Argentina" },
  /* Chile */
  { "chile", "Chile" },
  { "chilean", "Chile" },
  { "santiago", "Chile" },
  /* Peru */
  { "peru", "Peru" },
  { "peruvian", "Peru" },
  { "lima", "Peru" },
  /* Colombia */
  { "colombia", "Colombia" },
  { "colombian", "Colombia" },
  { "bogota", "Colombia" },
  /* Venezuela */
  { "venezuela", "Venezuela" },
  { "venezuelan", "Venezuela" },
  { "caracas", "Venezuela" },
  /* Ecuador */
  { "ecuador", "Ecuador" },
  { "ecuadorean", "Ecuador" },
  { "ecuadorian", "Ecuador" },
  /* Bolivia */
  { "bolivia", "Bolivia" },
  { "bolivian", "Bolivia" },
  /* Uruguay */
  { "uruguay", "Uruguay" },
  { "uruguayan", "Uruguay" },
  /* Paraguay */
  { "paraguay", "Paraguay" },
  { "paraguayan", "Paraguay" },
  /* Cuba */
  { "cuba", "Cuba" },
  { "cuban", "Cuba" },
  { "havana", "Cuba" },
  /* South Africa */
  { "south africa", "South Africa" },
  { "south african", "South Africa" },
  { "pretoria", "South Africa" },
  /* Nigeria */
  { "nigeria", "Nigeria" },
  { "nigerian", "Nigeria" },
  { "lagos", "Nigeria" },
  /* Kenya */
  { "kenya", "Kenya" },
  { "kenyan", "Kenya" },
  { "nairobi", "Kenya" },
  /* Zimbabwe */
  { "zimbabwe", "Zimbabwe" },
  { "zimbabwean", "Zimbabwe" },
  /* Zambia */
  { "zambia", "Zambia" },
  { "zambian", "Zambia" },
  /* Ghana */
  { "ghana", "Ghana" },
  { "ghanaian", "Ghana" },
  /* Ivory Coast */
  { "ivory coast", "Ivory Coast" },
  /* Morocco */
  { "morocco", "Morocco" },
  { "moroccan", "Morocco" },
  { "rabat", "Morocco" },
  /* Algeria */
  { "algeria", "Algeria" },
  { "algerian", "Algeria" },
  { "algiers", "Algeria" },
  /* Tunisia */
  { "tunisia", "Tunisia" },
  { "tunisian", "Tunisia" },
  /* Libya */
  { "libya", "Libya" },
  { "libyan", "Libya" },
  /* Somalia */
  { "somalia", "Somalia" },
  { "somali", "Somalia" },
  { "mogadishu", "Somalia" },
  /* Ethiopia */
  { "ethiopia", "Ethiopia" },
  { "ethiopian", "Ethiopia" },
  /* Sudan */
  { "sudan", "Sudan" },
  { "sudanese", "Sudan" },
  /* Ukraine */
  { "ukraine", "Ukraine" },
  { "ukrainian", "Ukraine" },
  { "kyiv", "Ukraine" },
  { "kiev", "Ukraine" },
  /* Bahamas */
  { "bahamas", "Bahamas" },
  /* Jamaica */
  { "jamaica", "Jamaica" },
  { "jamaican", "Jamaica" },
  /* Costa Rica */
  { "costa rica", "Costa Rica" },
  { "costa rican", "Costa Rica" },
  /* Guatemala */
  { "guatemala", "Guatemala" },
  { "guatemalan", "Guatemala" },
  /* Honduras */
  { "honduras", "Honduras" },
  { "honduran", "Honduras" },
  /* Nicaragua */
  { "nicaragua", "Nicaragua" },
  { "nicaraguan", "Nicaragua" },
  /* Panama */
  { "panama", "Panama" },
  { "panamanian", "Panama" },
  /* Dominican Republic */
  { "dominican republic", "Dominican Republic" },
  /* Jordan */
  { "jordanian", "Jordan" },
  { "amman", "Jordan" },
  /* Syria */
  { "syria", "Syria" },
  { "syrian", "Syria" },
  { "damascus", "Syria" },
  /* Lebanon */
  { "lebanon", "Lebanon" },
  { "lebanese", "Lebanon" },
  /* Cyprus */
  { "cyprus", "Cyprus" },
  { "cypriot", "Cyprus" },
  /* Malta */
  { "malta", "Malta" },
  { "maltese", "Malta" },
  /* Fiji */
  { "fiji", "Fiji" },
  /* Papua New Guinea */
  { "papua new guinea", "Papua New Guinea" },
  /* Mauritius */
  { "mauritius", "Mauritius" },
  /* Malawi */
  { "malawi", "Malawi" },
  { "malawian", "Malawi" },
  { "lilongwe", "Malawi" },
  /* Tanzania */
  { "tanzania", "Tanzania" },
  { "tanzanian", "Tanzania" },
  { "dar es salaam", "Tanzania" },
  /* Uganda */
  { "uganda", "Uganda" },
  { "ugandan", "Uganda" },
  { "kampala", "Uganda" },
  /* Cameroon */
  { "cameroon", "Cameroon" },
  { "cameroonian", "Cameroon" },
  /* Senegal */
  { "senegal", "Senegal" },
  { "senegalese", "Senegal" },
  { "dakar", "Senegal" },
  /* Zaire */
  { "zaire", "Zaire" },
  { "zairean", "Zaire" },
  { "kinshasa", "Zaire" },
  /* Angola */
  { "angola", "Angola" },
  { "angolan", "Angola" },
  { "luanda", "Angola" },
  /* Mozambique */
  { "mozambique", "Mozambique" },
  { "mozambican", "Mozambique" },
  /* Botswana */
  { "botswana", "Botswana" },
  /* Namibia */
  { "namibia", "Namibia" },
  { "namibian", "Namibia" },
  /* Madagascar */
  { "madagascar", "Madagascar" },
  { "malagasy", "Madagascar" },
  /* Sierra Leone */
  { "sierra leone", "Sierra Leone" },
  /* Liberia */
  { "liberia", "Liberia" },
  { "liberian", "Liberia" },
  /* Burma */
  { "burma", "Burma" },
  { "burmese", "Burma" },
  { "myanmar", "Burma" },
  { "rangoon", "Burma" },
  /* Nepal */
  { "nepal", "Nepal" },
  { "nepalese", "Nepal" },
  /* Afghanistan */
  { "afghanistan", "Afghanistan" },
  { "afghan", "Afghanistan" },
  /* Brunei */
  { "brunei", "Brunei" },
  /* Macau */
  { "macau", "Macau" },
  { "macao", "Macau" },
  /* Mongolia */
  { "mongolia", "Mongolia" },
  { "mongolian", "Mongolia" },
  /* Kazakhstan */
  { "kazakhstan", "Kazakhstan" },
  /* Belarus */
  { "belarus", "Belarus" },
  /* Estonia */
  { "estonia", "Estonia" },
  { "estonian", "Estonia" },
  /* Latvia */
  { "latvia", "Latvia" },
  { "latvian", "Latvia" },
  /* Lithuania */
  { "lithuania", "Lithuania" },
  { "lithuanian", "Lithuania" },
  /* Slovakia */
  { "slovakia", "Slovakia" },
  { "slovak", "Slovakia" },
  /* Czech Republic */
  { "czech republic", "Czech Republic" },
  { "czech", "Czech Republic" },
  { "czechia", "Czech Republic" },
  /* Slovenia */
  { "slovenia", "Slovenia" },
  { "slovenian", "Slovenia" },
  /* Croatia */
  { "croatia", "Croatia" },
  { "croatian", "Croatia" },
  /* Serbia */
  { "serbia", "Serbia" },
  { "serbian", "Serbia" },
  /* Albania */
  { "albania", "Albania" },
  { "albanian", "Albania" },
  /* Trinidad and Tobago */
  { "trinidad", "Trinidad and Tobago" },
  { "trinidad and tobago", "Trinidad and Tobago" },
  /* Barbados */
  { "barbados", "Barbados" },
  /* Haiti */
  { "haiti", "Haiti" },
  { "haitian", "Haiti" },
  /* El Salvador */
  { "el salvador", "El Salvador" },
  { "salvadorean", "El Salvador" },
  { "salvadoran", "El Salvador" },
  /* Guyana */
  { "guyana", "Guyana" },
  /* Suriname */
  { "suriname", "Suriname" },
  /* Yemen */
  { "yemen", "Yemen" },
  { "yemeni", "Yemen" },
  /* Kenya */
  { "nairobi", "Kenya" },
  /* Gabon */
  { "gabon", "Gabon" },
  /* Congo */
  { "congo", "Congo" },
  /* Mauritania */
  { "mauritania", "Mauritania" },
  /* Mali */
  { "mali", "Mali" },
  /* Niger */
  { "niger", "Niger" },
  /* Chad */
  { "chad", "Chad" },
  /* Benin */
  { "benin", "Benin" },
  /* Togo */
  { "togo", "Togo" },
  /* Burkina Faso */
  { "burkina faso", "Burkina Faso" },
  /* Ivory Coast */
  { "cote d'ivoire", "Ivory Coast" },
  { "ivorian", "Ivory Coast" },
  /* Papua New Guinea */
  { "png", "Papua New Guinea" },
  /* New Caledonia */
  { "new caledonia", "New Caledonia" },
  /* not a country: blocks shorter matches */
  { "latin america", NULL },
  { "latin american", NULL },
  { "south america", NULL },
  { "south american", NULL },
  { "north america", NULL },
  { "north american", NULL },
  { "central america", NULL },
  { "central american", NULL },
  { "persian gulf", NULL },
  { "gulf war", NULL },
  { "gulf coast", NULL },
  { "gulf of mexico", NULL },
  { "gulf oil", NULL },
  { "american express", NULL },
  { "american samoa", NULL },
  { "washington post", NULL },
  { "washington state", NULL },
  { "new mexico", NULL },
  { "new england", NULL },
  { "rome treaty", NULL },
  { "treaty of rome", NULL },
  { "chinese walls", NULL },
  { "french franc", NULL },
  { "french francs", NULL },
  { "swiss franc", NULL },
  { "swiss francs", NULL },
  { "japanese yen", NULL },
  { "canadian dollar", NULL },
  { "canadian dollars", NULL },
  { "australian dollar", NULL },
  { "australian dollars", NULL },
  { "new zealand dollar", NULL },
  { "u.s. dollar", NULL },
  { "u.s. dollars", NULL },
  { "us dollar", NULL },
  { "european currency units", NULL },
  { "european currency unit", NULL },
  { "european monetary system", NULL },
  { "turkey ham", NULL },
  { "new guinea", NULL },
};

/* Lower-cases @alias and collapses its blanks into single spaces, so that
 * a file entry matches the key the extractor builds from words. */
static char *
tariffs_gazetteer_normalize (const char *alias)
{
  GString *out = g_string_sized_new (strlen (alias));
  gboolean space = FALSE;

  for (const char *p = alias; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, g_ascii_tolower (*p));
    }
  return g_string_free (out, FALSE);
}

/* Adds one alias; a later entry replaces an earlier one. */
static void
tariffs_gazetteer_add (TariffsGazetteer *gaz, const char *alias,
                       const char *canonical)
{
  char *key = tariffs_gazetteer_normalize (alias);

  if (*key == '\0')
    {
      g_free (key);
      return;
    }
  g_hash_table_replace (gaz->aliases, key,
                        (gpointer)(canonical != NULL ? canonical : ""));
}

/* See tariffs.h: the built-in table loaded into a hash table. */
TariffsGazetteer *
tariffs_gazetteer_new (void)
{
  TariffsGazetteer *gaz = g_new0 (TariffsGazetteer, 1);

  gaz->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gaz->names = g_string_chunk_new (1024);
  for (gsize i = 0; i < G_N_ELEMENTS (tariffs_gazetteer_builtin); i++)
    tariffs_gazetteer_add (gaz, tariffs_gazetteer_builtin[i].alias,
                           tariffs_gazetteer_builtin[i].canonical);
  return gaz;
}

/* See tariffs.h: a TSV file whose entries add to or replace the table. */
gboolean
tariffs_gazetteer_load (TariffsGazetteer *gaz, const char *path, GError **error)
{
  char *contents = NULL;
  gsize length = 0;
  GError *local = NULL;
  char **lines = NULL;
  gboolean ok = FALSE;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_IO,
                   "cannot read gazetteer: %s", local->message);
      g_error_free (local);
      goto out;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_IO,
                   "gazetteer %s is not valid UTF-8", path);
      goto out_free_contents;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *tab;
      char *canonical;

      if (*line == '\0' || *line == '#')
        continue;
      tab = strchr (line, '\t');
      if (tab == NULL)
        {
          g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,
                       "%s:%u: expected \"alias<TAB>canonical name\"", path,
                       i + 1);
          goto out_free_lines;
        }
      *tab = '\0';
      canonical = g_strstrip (tab + 1);
      if (*canonical == '\0')
        {
          g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_CONFIG,
                       "%s:%u: empty canonical name (use - for a blocker)",
                       path, i + 1);
          goto out_free_lines;
        }
      tariffs_gazetteer_add (
          gaz, g_strstrip (line),
          strcmp (canonical, "-") == 0
              ? NULL
              : g_string_chunk_insert_const (gaz->names, canonical));
    }
  ok = TRUE;
out_free_lines:
  g_strfreev (lines);
out_free_contents:
  g_free (contents);
out:
  return ok;
}

/* Frees the gazetteer (NULL is fine). */
void
tariffs_gazetteer_free (TariffsGazetteer *gaz)
{
  if (gaz == NULL)
    return;
  g_hash_table_unref (gaz->aliases);
  g_string_chunk_free (gaz->names);
  g_free (gaz);
}

/* See tariffs.h: NULL unknown, "" blocker, else the canonical name. */
const char *
tariffs_gazetteer_lookup (const TariffsGazetteer *gaz, const char *alias)
{
  return g_hash_table_lookup (gaz->aliases, alias);
}
