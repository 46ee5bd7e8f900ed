/* quotes-lists.c: the built-in word lists of the quotes plugin.
 *
 * Users replace them through the `verbs` and `titles` options (or extend
 * them with `verbs_file` and `titles_file`); these are the defaults.
 */
#include "quotes-lists.h"

#include <stddef.h>

/* Reporting verbs, every form that may stand next to a quote. */
const char *const quotes_default_verbs[] = {
  "say",        "says",         "said",         "tell",        "add",
  "argue",      "insist",       "warn",         "explain",     "admit",
  "agree",      "suggest",      "predict",      "write",       "ask",
  "claim",      "acknowledge",  "confirm",      "reply",       "respond",
  "concede",    "reiterate",    "caution",      "stress",      "urge",
  "saying",     "tells",        "told",         "telling",     "adds",
  "added",      "adding",       "asks",         "asked",       "asking",
  "explains",   "explained",    "explaining",   "stated",      "writes",
  "wrote",      "writing",      "noted",        "argues",      "argued",
  "arguing",    "insists",      "insisted",     "warns",       "warned",
  "claimed",    "continued",    "declares",     "declared",    "announces",
  "announced",  "responds",     "responded",    "replies",     "replied",
  "remarked",   "commented",    "admits",       "admitted",    "concedes",
  "conceded",   "acknowledges", "acknowledged", "suggests",    "suggested",
  "called",     "describes",    "described",    "urges",       "urged",
  "predicts",   "predicted",    "cautions",     "cautioned",   "emphasizes",
  "emphasized", "emphasises",   "emphasised",   "stressed",    "recalls",
  "recalled",   "joked",        "laughed",      "confirms",    "confirmed",
  "tweets",     "tweeted",      "posted",       "observes",    "observed",
  "agrees",     "agreed",       "maintains",    "maintained",  "countered",
  "contends",   "contended",    "reiterates",   "reiterated",  "concludes",
  "concluded",  "vows",         "vowed",        "promised",    "pledged",
  "boasts",     "boasted",      "complains",    "complained",  "laments",
  "lamented",   "testifies",    "testified",    "estimated",   "shouts",
  "shouted",    "yelled",       "whispered",    "reveals",     "revealed",
  "quips",      "quipped",      "mused",        "muses",       "exclaimed",
  "demanded",   "charged",      "alleges",      "alleged",     "asserts",
  "asserted",   "ruled",        "recommends",   "recommended", "reported",
  "describing", "calling",      "branded",      "labelled",    "labeled",
  "pointed",    "hailed",       "hails",        "welcomed",    "welcomes",
  "criticised", "criticized",   "blasted",      "slammed",     "questioned",
  "quoted",     "informed",     "believes",     "believe",     "believed",
  "thinks",     "think",        "deny",         "denies",      "denied",
  "claims",     "accused",      "accuses",      "assured",     "reassured",
  "threatened", "indicated",    "thanked",      "praised",     "condemned",
  "remarks",    "confesses",    "confessed",    "notes",       "recounts",
  "recounted",  "dismissed",    "dismisses",    NULL
};

/* Titles and offices stripped from names ("Prime Minister Mark Carney"
 * -> "Mark Carney") and used to resolve "the prime minister". */
const char *const quotes_default_titles[] = { "mr",
                                              "mr.",
                                              "mrs",
                                              "mrs.",
                                              "ms",
                                              "ms.",
                                              "miss",
                                              "dr",
                                              "dr.",
                                              "sir",
                                              "dame",
                                              "lord",
                                              "lady",
                                              "prof",
                                              "prof.",
                                              "professor",
                                              "rev",
                                              "rev.",
                                              "reverend",
                                              "father",
                                              "sister",
                                              "brother",
                                              "rabbi",
                                              "imam",
                                              "minister",
                                              "president",
                                              "premier",
                                              "chancellor",
                                              "secretary",
                                              "senator",
                                              "sen.",
                                              "sen",
                                              "rep.",
                                              "rep",
                                              "representative",
                                              "congressman",
                                              "congresswoman",
                                              "governor",
                                              "gov.",
                                              "gov",
                                              "mayor",
                                              "councillor",
                                              "councilor",
                                              "alderman",
                                              "mp",
                                              "mpp",
                                              "mla",
                                              "mep",
                                              "judge",
                                              "justice",
                                              "chief",
                                              "ceo",
                                              "chairman",
                                              "chairwoman",
                                              "chair",
                                              "director",
                                              "commissioner",
                                              "ambassador",
                                              "general",
                                              "gen.",
                                              "gen",
                                              "colonel",
                                              "col.",
                                              "captain",
                                              "capt.",
                                              "lieutenant",
                                              "lt.",
                                              "sergeant",
                                              "sgt.",
                                              "constable",
                                              "officer",
                                              "detective",
                                              "inspector",
                                              "superintendent",
                                              "coach",
                                              "manager",
                                              "spokesman",
                                              "spokeswoman",
                                              "spokesperson",
                                              "king",
                                              "queen",
                                              "prince",
                                              "princess",
                                              "pope",
                                              "cardinal",
                                              "bishop",
                                              "archbishop",
                                              "leader",
                                              "speaker",
                                              "attorney",
                                              "sheriff",
                                              "deputy",
                                              "vice",
                                              "prime",
                                              "foreign",
                                              "finance",
                                              "defence",
                                              "defense",
                                              "health",
                                              "home",
                                              "trade",
                                              "economy",
                                              "treasurer",
                                              "treasury",
                                              "opposition",
                                              "shadow",
                                              "then",
                                              "former",
                                              "acting",
                                              "interim",
                                              "executive",
                                              "founder",
                                              "boss",
                                              "striker",
                                              "midfielder",
                                              "defender",
                                              "goalkeeper",
                                              "skipper",
                                              "star",
                                              "singer",
                                              "actor",
                                              "actress",
                                              "analyst",
                                              "economist",
                                              "dj",
                                              "editor",
                                              "author",
                                              "chef",
                                              "chancellor",
                                              NULL };

/* Titles that tell a man or a woman, for he/she. */
const char *const quotes_male_titles[]
    = { "mr",        "mr.",    "sir",     "lord",        "king",
        "prince",    "father", "brother", "congressman", "chairman",
        "spokesman", "actor",  NULL };
const char *const quotes_female_titles[]
    = { "mrs",           "mrs.",       "ms",          "ms.",      "miss",
        "dame",          "lady",       "queen",       "princess", "sister",
        "congresswoman", "chairwoman", "spokeswoman", "actress",  NULL };

/* Capitalised words that do not start a name. */
const char *const quotes_not_names[] = {
  "the",       "a",         "an",       "and",       "but",      "or",
  "nor",       "so",        "yet",      "if",        "in",       "on",
  "at",        "of",        "to",       "for",       "from",     "by",
  "with",      "as",        "after",    "before",    "during",   "since",
  "until",     "while",     "when",     "where",     "what",     "who",
  "why",       "how",       "which",    "that",      "this",     "these",
  "those",     "there",     "here",     "it",        "its",      "he",
  "she",       "they",      "we",       "i",         "you",      "his",
  "her",       "their",     "our",      "my",        "your",     "last",
  "next",      "this",      "earlier",  "later",     "also",     "however",
  "meanwhile", "still",     "now",      "then",      "monday",   "tuesday",
  "wednesday", "thursday",  "friday",   "saturday",  "sunday",   "january",
  "february",  "march",     "april",    "may",       "june",     "july",
  "august",    "september", "october",  "november",  "december", "some",
  "many",      "most",      "all",      "both",      "each",     "other",
  "others",    "one",       "two",      "three",     "four",     "five",
  "six",       "seven",     "eight",    "nine",      "ten",      "not",
  "no",        "yes",       "get",      "for",       "speaking", "asked",
  "according", "despite",   "although", "though",    "because",  "under",
  "over",      "about",     "against",  "between",   "into",     "through",
  "without",   "within",    "among",    "around",    "across",   "following",
  "even",      "just",      "only",     "more",      "much",     "such",
  "than",      "like",      "first",    "instead",   "indeed",   "finally",
  "yet",       "still",     "so",       "meanwhile", "asked",    NULL
};

/* Words that, just before a quote, make it a title or a term. */
const char *const quotes_term_triggers[]
    = { "film",      "films",      "movie",     "movies",      "song",
        "songs",     "album",      "albums",    "single",      "book",
        "books",     "novel",      "novels",    "show",        "shows",
        "series",    "programme",  "program",   "play",        "plays",
        "musical",   "track",      "tracks",    "hit",         "titled",
        "entitled",  "nicknamed",  "so-called", "term",        "word",
        "words",     "phrase",     "slogan",    "campaign",    "brand",
        "label",     "magazine",   "newspaper", "documentary", "sitcom",
        "drama",     "comedy",     "opera",     "ep",          "anthem",
        "game",      "games",      "app",       "named",       "poem",
        "painting",  "exhibition", "tour",      "video",       "trilogy",
        "franchise", "character",  "role",      "codenamed",   "code-named",
        NULL };

/* Subject pronouns that name a speaker. */
const char *const quotes_pronouns[]
    = { "he", "she", "they", "we", "i", "it", NULL };

/* Words that may stand between a subject and its verb (also, has). */
const char *const quotes_adverbs[]
    = { "also",        "later",      "then",       "further",    "again",
        "once",        "has",        "had",        "have",       "was",
        "is",          "were",       "would",      "will",       "previously",
        "recently",    "earlier",    "often",      "always",     "never",
        "simply",      "just",       "quickly",    "reportedly", "apparently",
        "even",        "last",       "yesterday",  "today",      "already",
        "both",        "all",        "still",      "now",        "not",
        "did",         "does",       "do",         "been",       "first",
        "too",         "meanwhile",  "afterwards", "afterward",  "subsequently",
        "immediately", "initially",  "finally",    "publicly",   "privately",
        "repeatedly",  "separately", "openly",     "strongly",   "flatly",
        "firmly",      "personally", "bluntly",    "tonight",    NULL };

/* Determiners that start a nominal subject (the, a, his). */
const char *const quotes_determiners[]
    = { "the",   "a",     "an",      "his",  "her",  "their",   "its",
        "our",   "one",   "another", "some", "many", "several", "two",
        "three", "other", "most",    "both", "this", "that",    "these",
        "those", "my",    "your",    NULL };

/* Lower-case words inside names (van, de, bin). */
const char *const quotes_name_connectors[]
    = { "de", "van", "von", "der", "den", "da",  "di",  "du",  "del", "la",
        "le", "bin", "al",  "el",  "ibn", "dos", "das", "ter", NULL };

/* Letters after a name (QC, MP, Jr). */
const char *const quotes_postnominals[]
    = { "qc", "kc",  "mp", "mep", "msp", "mpp", "mla", "jr",  "jr.",
        "sr", "sr.", "ii", "iii", "obe", "mbe", "cbe", "phd", NULL };

/* Words that end a speaker phrase read after its verb (who, in, on). */
const char *const quotes_np_stops[]
    = { "who",       "which",     "in",       "on",      "at",
        "to",        "when",      "while",    "after",   "before",
        "during",    "as",        "because",  "that",    "from",
        "with",      "of",        "for",      "adding",  "referring",
        "speaking",  "according", "and",      "but",     "about",
        "yesterday", "today",     "monday",   "tuesday", "wednesday",
        "thursday",  "friday",    "saturday", "sunday",  "last",
        "this",      "recently",  "earlier",  "later",   "told",
        "tells",     "whose",     NULL };

/* Time words between a subject and its verb (in July, on Monday). */
const char *const quotes_times[] = {
  "in",        "on",      "at",       "last",     "this",      "next",
  "early",     "late",    "earlier",  "monday",   "tuesday",   "wednesday",
  "thursday",  "friday",  "saturday", "sunday",   "january",   "february",
  "march",     "april",   "may",      "june",     "july",      "august",
  "september", "october", "november", "december", "week",      "month",
  "year",      "night",   "morning",  "evening",  "afternoon", NULL
};

/* Nouns for people: "a spokesman said ... he added". */
const char *const quotes_people[]
    = { "player",       "striker",    "defender",      "winger",
        "keeper",       "forward",    "boss",          "veteran",
        "youngster",    "champion",   "international", "rider",
        "driver",       "bowler",     "batsman",       "skipper",
        "captain",      "coach",      "manager",       "singer",
        "actor",        "actress",    "star",          "director",
        "chairman",     "executive",  "spokesman",     "spokeswoman",
        "spokesperson", "official",   "source",        "man",
        "woman",        "worker",     "member",        "expert",
        "lawyer",       "father",     "mother",        "son",
        "daughter",     "player",     "owner",         "teacher",
        "doctor",       "resident",   "witness",       "head",
        "boss",         "presenter",  "founder",       "editor",
        "analyst",      "economist",  "chief",         "runner",
        "sprinter",     "athlete",    "golfer",        "boxer",
        "agent",        "midfielder", "goalkeeper",    "full-back",
        "fly-half",     "scrum-half", "centre-back",   "flanker",
        "author",       "novelist",   "musician",      "rapper",
        "comedian",     "film-maker", "researcher",    NULL };

/* The internal word sets, indexed by QuotesSetId. */
/* Roles that stay unnamed: "the spokesman said" is nobody named before. */
const char *const quotes_anonymous[]
    = { "spokesman", "spokeswoman", "spokesperson", "spokesmen", "official",
        "officials", "source",      "sources",      "statement", "report",
        NULL };

/* Reporting verbs that come before their subject ("..., said the
 * leaflet"). */
const char *const quotes_inverted_verbs[]
    = { "said",     "says",   "say",       "added",     "adds",
        "asked",    "asks",   "wrote",     "writes",    "explained",
        "explains", "argued", "argues",    "insisted",  "insists",
        "warned",   "warns",  "continued", "concluded", NULL };

/* Nouns after a quoted name of a kind of thing: a "smart buying" policy. */
const char *const quotes_kind_nouns[]
    = { "policy",   "policies",   "scheme",  "schemes", "plan",
        "plans",    "programme",  "program", "system",  "strategy",
        "approach", "initiative", "regime",  "agenda",  "principle",
        "model",    "status",     "rule",    "culture", "campaign",
        NULL };

/* Lower-case nouns for bodies that speak: "Broadcast magazine said". */
const char *const quotes_body_nouns[]
    = { "magazine",    "newspaper", "paper",      "website",    "firm",
        "group",       "company",   "union",      "council",    "board",
        "committee",   "report",    "survey",     "study",      "statement",
        "government",  "ministry",  "department", "agency",     "party",
        "campaign",    "bank",      "watchdog",   "regulator",  "chambers",
        "association", "institute", "alliance",   "commission", "federation",
        "society",     "trust",     "league",     NULL };

/* Last words of names of bodies: "Council", "Bank", "Ministry". */
const char *const quotes_body_names[] = {
  "institute",    "council",       "association", "commission", "company",
  "group",        "bank",          "government",  "ministry",   "office",
  "department",   "agency",        "board",       "authority",  "corporation",
  "committee",    "service",       "foundation",  "federation", "organisation",
  "organization", "union",         "court",       "alliance",   "party",
  "trust",        "society",       "league",      "network",    "campaign",
  "inc",          "ltd",           "plc",         "corp",       "club",
  "labour",       "conservatives", "tories",      "democrats",  "republicans",
  "fund",         "reserve",       "bureau",      "parliament", "congress",
  "senate",       "tribunal",      "watch",       "chamber",

  "centre",       "forum",         NULL
};

const char *const *const quotes_set_words[QUOTES_N_SETS] = {
  [QUOTES_SET_NOT_NAMES] = quotes_not_names,
  [QUOTES_SET_TERMS] = quotes_term_triggers,
  [QUOTES_SET_MALE] = quotes_male_titles,
  [QUOTES_SET_FEMALE] = quotes_female_titles,
  [QUOTES_SET_PRONOUNS] = quotes_pronouns,
  [QUOTES_SET_ADVERBS] = quotes_adverbs,
  [QUOTES_SET_DETS] = quotes_determiners,
  [QUOTES_SET_CONNECTORS] = quotes_name_connectors,
  [QUOTES_SET_POSTNOMINALS] = quotes_postnominals,
  [QUOTES_SET_NP_STOPS] = quotes_np_stops,
  [QUOTES_SET_TIMES] = quotes_times,
  [QUOTES_SET_PEOPLE] = quotes_people,
  [QUOTES_SET_ANONYMOUS] = quotes_anonymous,
  [QUOTES_SET_INVERTED] = quotes_inverted_verbs,
  [QUOTES_SET_KINDS] = quotes_kind_nouns,
  [QUOTES_SET_BODIES] = quotes_body_nouns,
  [QUOTES_SET_BODY_NAMES] = quotes_body_names,
};
