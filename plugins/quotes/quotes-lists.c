/* quotes-lists.c: the built-in word lists of the quotes plugin.
 *
 * Users replace them through the `verbs` and `titles` options (or extend
 * them with `verbs_file` and `titles_file`); these are the defaults.
 */
#include "quotes-lists.h"

#include <stddef.h>

/* Reporting verbs, every form that may stand next to a quote. */
const char *const quotes_default_verbs[] = {
  "say", "says", "said", "tell", "add", "argue", "insist", "warn",
  "explain", "admit", "agree", "suggest", "predict", "write", "ask",
  "claim", "acknowledge", "confirm", "reply", "respond", "concede",
  "reiterate", "caution", "stress", "urge",
  "saying", "tells", "told", "telling", "adds", "added",
  "adding", "asks", "asked", "asking", "explains", "explained", "explaining",
  "stated", "writes", "wrote", "writing", "noted", "argues", "argued",
  "arguing", "insists", "insisted", "warns", "warned", "claimed",
  "continued", "declares", "declared", "announces", "announced", "responds",
  "responded", "replies", "replied", "remarked", "commented", "admits",
  "admitted", "concedes", "conceded", "acknowledges", "acknowledged",
  "suggests", "suggested", "called", "describes", "described", "urges",
  "urged", "predicts", "predicted", "cautions", "cautioned", "emphasizes",
  "emphasized", "emphasises", "emphasised", "stressed", "recalls",
  "recalled", "joked", "laughed", "confirms", "confirmed", "tweets",
  "tweeted", "posted", "observes", "observed", "agrees", "agreed",
  "maintains", "maintained", "countered", "contends", "contended",
  "reiterates", "reiterated", "concludes", "concluded", "vows", "vowed",
  "promised", "pledged", "boasts", "boasted", "complains", "complained",
  "laments", "lamented", "testifies", "testified", "estimated", "shouts",
  "shouted", "yelled", "whispered", "reveals", "revealed", "quips",
  "quipped", "mused", "muses", "exclaimed", "demanded", "charged", "alleges",
  "alleged", "asserts", "asserted", "ruled", "recommends", "recommended",
  "reported", "describing", "calling", "branded", "labelled", "labeled",
  "pointed", "hailed", "hails", "welcomed", "welcomes",
  "criticised", "criticized", "blasted", "slammed", "questioned", "quoted",
  "informed", "assured", "reassured", "threatened", "indicated", NULL
};

/* Titles and offices stripped from names ("Prime Minister Mark Carney"
 * -> "Mark Carney") and used to resolve "the prime minister". */
const char *const quotes_default_titles[] = {
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir",
  "dame", "lord", "lady", "prof", "prof.", "professor", "rev", "rev.",
  "reverend", "father", "sister", "brother", "rabbi", "imam", "minister",
  "president", "premier", "chancellor", "secretary", "senator", "sen.",
  "sen", "rep.", "rep", "representative", "congressman", "congresswoman",
  "governor", "gov.", "gov", "mayor", "councillor", "councilor",
  "alderman", "mp", "mpp", "mla", "mep", "judge", "justice", "chief",
  "ceo", "chairman", "chairwoman", "chair", "director", "commissioner",
  "ambassador", "general", "gen.", "gen", "colonel", "col.", "captain",
  "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "constable", "officer",
  "detective", "inspector", "superintendent", "coach", "manager",
  "spokesman", "spokeswoman", "spokesperson", "king", "queen", "prince",
  "princess", "pope", "cardinal", "bishop", "archbishop", "leader",
  "speaker", "attorney", "sheriff", "deputy", "vice", "prime", "foreign",
  "finance", "defence", "defense", "health", "home", "trade", "economy",
  "treasurer", "treasury", "opposition", "shadow", "then", "former",
  "acting", "interim", "executive", "founder", "boss", "striker",
  "midfielder", "defender", "goalkeeper", "skipper", "star", "singer",
  "actor", "actress", "analyst", "economist", "dj", "editor", "author",
  "chef", "chancellor", NULL
};

/* Titles that tell a man or a woman, for he/she. */
const char *const quotes_male_titles[] = {
  "mr", "mr.", "sir", "lord", "king", "prince", "father", "brother",
  "congressman", "chairman", "spokesman", "actor", NULL
};
const char *const quotes_female_titles[] = {
  "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen",
  "princess", "sister", "congresswoman", "chairwoman", "spokeswoman",
  "actress", NULL
};

/* Capitalised words that do not start a name. */
const char *const quotes_not_names[] = {
  "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "if", "in",
  "on", "at", "of", "to", "for", "from", "by", "with", "as", "after",
  "before", "during", "since", "until", "while", "when", "where", "what",
  "who", "why", "how", "which", "that", "this", "these", "those", "there",
  "here", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
  "their", "our", "my", "your", "last", "next", "this", "earlier",
  "later", "also", "however", "meanwhile", "still", "now", "then",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  "sunday", "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
  "some", "many", "most", "all", "both", "each", "other", "others",
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "not", "no", "yes", "get", "for", "speaking", "asked",
  "according", "despite", "although", "though", "because", "under",
  "over", "about", "against", "between", "into", "through", "without",
  "within", "among", "around", "across", "following", "even", "just",
  "only", "more", "much", "such", "than", "like", "mr", "mrs", "ms",
  NULL
};

/* Words that, just before a quote, make it a title or a term. */
const char *const quotes_term_triggers[] = {
  "film", "films", "movie", "movies", "song", "songs", "album", "albums",
  "single", "book", "books", "novel", "novels", "show", "shows", "series",
  "programme", "program", "play", "plays", "musical", "track", "tracks",
  "hit", "titled", "entitled", "nicknamed", "so-called",
  "term", "word", "words", "phrase", "slogan", "campaign", "brand",
  "label", "magazine", "newspaper", "documentary", "sitcom", "drama",
  "comedy", "opera", "ep", "anthem", "game", "games", "app", "named", "poem", "painting", "exhibition", "tour", "video", "trilogy",
  "franchise", "character", "role", "codenamed", "code-named", NULL
};
