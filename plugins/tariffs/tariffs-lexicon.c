/* tariffs-lexicon.c: the cue words of the `tariffs` plugin.
 *
 * Each class is a space-separated list of lower-case words; a word listed
 * in several classes gets all their bits.  The table is read once at init
 * into a hash table that is only read afterwards, so one lexicon serves
 * every thread.
 */
#include "config.h"

#include <string.h>

#include "tariffs.h"

struct _TariffsLexicon {
  GHashTable *words; /* word (owned) -> GUINT_TO_POINTER index into bits */
  GArray *bits;      /* guint64 */
};

typedef struct {
  guint64 bits;
  const char *words;
} TariffsLexClass;

static const TariffsLexClass tariffs_lexicon_classes[] = {
  { TL_IMPOSE,
    "impose imposed imposes imposing imposition slap slapped slapping slaps "
    "levied levying introduce introduced introduces introducing introduction "
    "apply applied applies applying activate activates activated assess "
    "assessed assessing proceed proceeding went go going adopt adopted enact "
    "enacted collect collected collecting trigger new additional extra "
    "retaliatory punitive countervailing anti-dumping antidumping agreed "
    "hit hits put puts putting place placed placing announcement reimpose "
    "reimposed reimposing reintroduce reintroduced face faces facing "
    "re-impose re-imposed re-imposes re-imposing" },
  { TL_RAISE,
    "raise raised raises raising increase increased increases increasing "
    "hike hiked hikes hiking higher boost boosted double doubled doubling "
    "tripled treble steeper tighten tightened rose risen rises" },
  { TL_LOWER,
    "cut cuts cutting reduce reduced reduces reducing reduction reductions "
    "lower lowered lowering lowers slash slashed slashing trim trimmed ease "
    "eased easing improve improved improving favourable favorable "
    "preferential reform reforms reformed liberalise liberalize liberalised "
    "fell fallen falls declined "
    "liberalized halve halved concession concessions lowest reduced-rate" },
  { TL_REMOVE,
    "remove removed removes removing removal lift lifted lifting lifts drop "
    "dropped dropping drops scrap scrapped scrapping scraps abolish abolished "
    "abolishing abolition eliminate eliminated eliminating elimination end "
    "ended ending ends exempt exempted exempting exemption exemptions "
    "suspend suspended suspending suspension waive waived waiving waiver "
    "rescind rescinded revoke revoked cancel cancelled canceled cancelling "
    "withdraw withdrawn withdrew withdrawal repeal repealed forgo forego "
    "forgoing dismantle dismantled dismantling exclude excluded exclusion "
    "spare spared phase-out scrapping" },
  { TL_THREATEN,
    "threat threats threaten threatened threatening threatens warn warned "
    "warning warns ultimatum" },
  { TL_EXIST,
    "pay paid paying pays evade evaded evading evasion comply complying "
    "require requires required current currently existing still present "
    "presently remain remains maintain maintains average averages stand "
    "stands ranging levels prevailing dispute disputes row unchanged stood "
    "remained binding bound" },
  { TL_NOUNCUE,
    "cut cuts increase increases hike hikes reduction reductions exemption "
    "exemptions rise rises removal elimination threat threats waiver "
    "concession concessions relief dispute disputes row" },
  { TL_PROPOSED,
    "urge urged urges urging ask asked asks asking should consider "
    "considering considered considers propose proposed proposes proposing "
    "proposal proposals offer offers offered offering negotiate negotiated "
    "negotiating negotiation negotiations whether expectation expectations "
    "willing encourage encouraged convince persuade resist resisted study "
    "bill legislation must recommend recommended recommendation demand "
    "demanded demands demanding seek seeks sought want wants wanted hope "
    "hopes hoped possible possibility support proponents pressing press "
    "pressed requirement urgent reform reforms seeking persuading persuaded "
    "convincing talk" },
  { TL_ANNOUNCED,
    "plan plans planned planning announce announced announces announcing "
    "announcement will 'll scheduled proclamation intend intends intended "
    "effective proceed proceeding" },
  { TL_WEAKPROP, "could might may would" },
  { TL_RETAL,
    "retaliate retaliated retaliates retaliating retaliation retaliatory "
    "reprisal reprisals punitive counter-measures countermeasures "
    "counter-measure countermeasure tit-for-tat" },
  { TL_VERB,
    "is are was were be been has have had will would should could can may "
    "might must shall does did do not 's wo to also has already then "
    "plans planned wants wanted says said agreed agrees announced announces "
    "imposed imposes imposing decided decides intends intended proposed "
    "proposes threatened threatens raised raises cut cuts lifted lifts "
    "levies levied expects expected seeks sought requires required applies "
    "applied charges charged maintains maintained keeps kept opposes opposed "
    "hopes needs needed leads led believes continues continued considers "
    "considered remains remained accepts accepted rejects rejected insists "
    "insisted urges urged retaliates retaliated responds responded follows "
    "followed offers offered refuses refused argues argued claims claimed "
    "fears feared decides approves approved introduces introduced reduces "
    "reduced removes removed scraps scrapped ends ended drops dropped takes "
    "took makes made gives gave puts slaps slapped hit hits faces "
    "faced benefit benefits benefited benefitted gains gained gets got "
    "won obtains obtained suffers suffered began begun begins announcing "
    "plan reached reaches told tells asked asks called calls moved moves "
    "went goes signed signs warned warns vowed vows pledged pledges "
    "promised promises chose chooses acted acts slashed eased eases eliminated "
    "eliminates abolished abolishes hiked hikes doubled doubles increased "
    "increases lowered lowers waived waives suspended suspends exempted "
    "exempts activates activated authorized authorised voted votes ruled "
    "rules" },
  { TL_ACTOR,
    "government governments administration officials official ministers "
    "minister ministry authorities authority members member nations states "
    "countries delegation delegates negotiators president premier "
    "parliament cabinet panel tribunal board agency body commission department "
    "agency "
    "representative trade representative secretary chancellor leader "
    "leaders envoy ambassador legislators lawmakers senators congressmen "
    "council court tribunal regulators side team government's" },
  { TL_ACTNOUN,
    "decision decisions imposition threat threats plan plans move moves "
    "ruling proposal proposals offer offers announcement action actions "
    "order proclamation retaliation sanctions measures" },
  { TL_PRODUCER,
    "firms firm companies company producers producer exporters exporter "
    "makers maker manufacturers manufacturer industry industries growers "
    "farmers importers traders suppliers mills refiners automakers "
    "carmakers shippers sellers businesses investors consumers" },
  { TL_GOODS,
    "exports imports goods products shipments produce steel cars vehicles "
    "exports, commodities items merchandise wares" },
  { TL_OFFENCE,
    "failure refusal dumping subsidies subsidy practices violation "
    "violations breach breaches barriers restrictions policies violated "
    "failed refused dumped breached broke cheated" },
  { TL_TRADEMOD,
    "import imports export exports customs anti-dumping antidumping dumping "
    "countervailing compensatory retaliatory punitive protective "
    "protectionist trade border" },
  { TL_DOMESTIC,
    "excise stamp co-responsibility coresponsibility responsibility "
    "consumption sales income estate death inheritance property budget "
    "windfall fuel petrol road airport landing vat value-added super milk "
    "payroll corporation corporate capital transfer registration "
    "withholding departure service wealth profits land municipal "
    "provincial local state-level production producer producers "
    "elimination storage resorption" },
  { TL_TRADE,
    "import imports imported importing importer importers export exports "
    "exported exporting exporter exporters customs dumping anti-dumping "
    "antidumping countervailing trade goods foreign protectionism "
    "protectionist gatt quota quotas shipped shipments overseas "
    "wto retaliation retaliatory" },
  { TL_SCHEDULE,
    "freight shipping shipowners shipowner cargo cargoes postal "
    "telecom telecoms telecommunication telecommunications telephone phone "
    "utility utilities electricity pipeline airline airlines fares fare "
    "railway railways railroad trucking carrier carriers transportation "
    "tanker tankers tolls toll broadband hotel hotels taxi ferry insurance "
    "interest lending advances credit loans mortgage mortgages mobile "
    "roaming subscribers subscriber network networks wi-fi hotspots water "
    "water-supply sewage operators customers households "
    "feed-in service" },
  { TL_JUDICIAL,
    "sentence sentenced sentencing prison jail judge judges court offender "
    "offenders murder murderer murderers convicted parole minimum-term "
    "life-sentence prisoners prisoner inmate inmates" },
  { TL_CLAUSE,
    "said says say told tell tells added adds stated states noted notes "
    "reported believes believed doubted doubts that whether if because "
    "while although though when after before since unless ; :" },
  { TL_URGE,
    "urged urges urge urging asked asks ask asking pressed presses press "
    "pressing demanded demands called calls call persuade convince "
    "encourage encouraged told" },
  { TL_NEG, "not n't no never without nor" },
  { TL_DEFDET, "the those these such this that its their his her our these" },
  { TL_DET,
    "a an the some certain all any various unspecified such those these "
    "this that its their his her our other range number variety host "
    "wide broad list series worth as much many up about around nearly "
    "almost roughly approximately more than less at least most mainly "
    "selected specific several key imported general temporary permanent "
    "special blanket across-the-board uniform flat overall higher heavy "
    "steep stiff hefty possible proposed" },
  { TL_PREP,
    "to in into by at with over under after before during until because "
    "unless if while as than through since between among towards toward "
    "via per despite amid including except ahead within for from on "
    "against of below above beyond" },
  { TL_TIME,
    "monday tuesday wednesday thursday friday saturday sunday january "
    "february march april june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec today "
    "tomorrow yesterday year years month months week weeks day days time "
    "basis sometime last next later earlier quarter half" },
  { TL_TARGETSUBJ,
    "benefit benefits benefited benefitted faces face faced facing suffer "
    "suffers suffered gain gains gained receive receives received get "
    "gets got win wins won obtain obtains obtained hit" },
  { TL_STOP,
    "which who that unless because if while where when whose said says "
    "and/or but so following ranging valued worth - ; : ( ) \" from on "
    "against he she it they them we us you taken given chosen drawn seen set "
    "known shortly mainly largely partly only gradually sharply immediately "
    "currently recently eventually initially reportedly respectively also "
    "already soon" },
  { TL_NOUNAFTER,
    "schedule schedules classification classifications heading headings "
    "nomenclature code codes line lines item items bureau book books "
    "number numbers position positions structure structures system "
    "systems legislation law laws policy policies talks negotiations "
    "loophole loopholes bill bills categories category definitions" },
  { TL_PRONOUN, "he she it they its their his her them we our i" },
};

/* Reads the class lists into one word -> bits table. */
TariffsLexicon *
tariffs_lexicon_new (void)
{
  TariffsLexicon *lex = g_new0 (TariffsLexicon, 1);

  lex->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->bits = g_array_new (FALSE, TRUE, sizeof (guint64));
  for (gsize c = 0; c < G_N_ELEMENTS (tariffs_lexicon_classes); c++)
    {
      char **words = g_strsplit (tariffs_lexicon_classes[c].words, " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          gpointer value;
          guint index;

          if (*words[i] == '\0')
            continue;
          if (g_hash_table_lookup_extended (lex->words, words[i], NULL, &value))
            index = GPOINTER_TO_UINT (value);
          else
            {
              guint64 zero = 0;

              index = lex->bits->len;
              g_array_append_val (lex->bits, zero);
              g_hash_table_insert (lex->words, g_strdup (words[i]),
                                   GUINT_TO_POINTER (index));
            }
          g_array_index (lex->bits, guint64, index)
              |= tariffs_lexicon_classes[c].bits;
        }
      g_strfreev (words);
    }
  return lex;
}

/* Frees the lexicon (NULL is fine). */
void
tariffs_lexicon_free (TariffsLexicon *lex)
{
  if (lex == NULL)
    return;
  g_hash_table_unref (lex->words);
  g_array_unref (lex->bits);
  g_free (lex);
}

/* The class bits of @word, 0 when it is in no class. */
guint64
tariffs_lexicon_lookup (const TariffsLexicon *lex, const char *word)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (lex->words, word, NULL, &value))
    return 0;
  return g_array_index (lex->bits, guint64, GPOINTER_TO_UINT (value));
}
