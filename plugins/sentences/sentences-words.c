/* sentences-words.c: the word lists of the sentences plugin and their
 * hash sets: titles and abbreviations, sentence starters, words that go
 * on with a sentence, closings and greetings of letters, day and month
 * names. */
#include "config.h"

#include "sentences-private.h"

/* Abbreviations that precede a name or number and so never end a
 * sentence (compared without the period, ASCII case as written). */
static const char *const sentences_titles[]
    = { "Mr",   "Mrs",  "Ms",     "Dr",   "Prof", "Messrs", "Gen",  "Sen",
        "Rep",  "Gov",  "Lt",     "Col",  "Capt", "Sgt",    "Maj",  "Adm",
        "Cmdr", "Rev",  "Hon",    "Pres", "St",   "Mt",     "Ft",   "Jan",
        "Feb",  "Mar",  "Apr",    "Jun",  "Jul",  "Aug",    "Sep",  "Sept",
        "Oct",  "Nov",  "Dec",    "No",   "Nos",  "Fig",    "Vol",  "Sr",
        "Jr",   "Supt", "Det",    "Insp", "Fr",   "vs",     "v",    "cf",
        "e.g",  "i.e",  "Sens",   "Reps", "Gens", "Drs",    "Brig", "Cpl",
        "Pvt",  "Ste",  "approx", "ca",   "viz",  "p",      "pp",   "Ph.D",
        "P.S",  "PS",   NULL };

/* Titles that can close a sentence, for they follow what they qualify
 * (months, "Jr.", "No.", "Ph.D."): they end one before a typical opener
 * ("in Dec. The ...", "Hank Doe Jr. He ...").  Titles of people (Dr., Mr.)
 * and "P.S." never do. */
static const char *const sentences_title_ends[]
    = { "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",  "Sep", "Sept",
        "Oct", "Nov", "Dec", "Jr",  "Sr",  "No",  "Ph.D", NULL };

/* Abbreviations that usually end the sentence they close when a capital
 * follows ("rose 3 pct. Profits ..."), compared without the period. */
static const char *const sentences_finals[]
    = { "pct",  "mln", "bln", "etc", "Inc", "Corp", "Ltd", "Co",   "Cos",
        "Bros", "a.m", "p.m", "yrs", "plc", "PLC",  "INC", "CORP", "LTD",
        "CO",   "ft",  "lbs", "oz",  "min", "bn",   "mn",  NULL };

/* File name extensions of attachments. */
static const char *const sentences_file_exts[]
    = { "doc", "docx", "pdf", "xls",  "xlsx", "txt", "htm", "html", "jpg",
        "gif", "png",  "ppt", "pptx", "zip",  "rtf", "wpd", "csv",  NULL };

/* Lower-case words that go on with a sentence after a URL or an e-mail
 * address: conjunctions, prepositions, auxiliaries, relatives, adverbs of
 * time. */
static const char *const sentences_continuers[] = {
  "and",   "or",       "but",    "nor",    "on",      "in",      "at",
  "to",    "for",      "from",   "with",   "by",      "of",      "about",
  "via",   "under",    "is",     "are",    "was",     "were",    "be",
  "been",  "has",      "have",   "had",    "will",    "would",   "can",
  "could", "should",   "may",    "might",  "must",    "does",    "do",
  "did",   "which",    "that",   "who",    "where",   "when",    "if",
  "as",    "than",     "then",   "too",    "also",    "instead", "etc",
  "today", "tomorrow", "now",    "soon",   "anytime", "asap",    "directly",
  "first", "please",   "s",      "plus",   "while",   "because", "so",
  "since", "until",    "before", "after",  "here",    "there",   "only",
  "yet",   "again",    "though", "anyway", "either",  "not",     "below",
  "above", NULL
};

/* Lower-case words that start a sentence after "Word!" or "Word?" in web
 * text (pronouns, auxiliaries, question words). */
static const char *const sentences_lower_openers[]
    = { "i",     "you",    "we",     "they",   "he",   "she",  "it",    "this",
        "that",  "there",  "are",    "is",     "do",   "does", "did",   "can",
        "could", "would",  "will",   "what",   "why",  "how",  "where", "who",
        "when",  "im",     "its",    "thats",  "my",   "so",   "and",   "but",
        "lol",   "please", "thanks", "yes",    "no",   "see",  "have",  "keep",
        "take",  "check",  "call",   "let",    "hope", "good", "great", "thank",
        "love",  "just",   "also",   "then",   "now",  "if",   "not",   "maybe",
        "ok",    "oh",     "well",   "anyway", "btw",  "hi",   "hey",   NULL };

/* Determiners, in both cases. */
static const char *const sentences_determiners[]
    = { "the", "a",    "an",  "this", "that", "their", "his",  "her",  "its",
        "our", "your", "my",  "The",  "A",    "An",    "This", "That", "Their",
        "His", "Her",  "Its", "Our",  "Your", "My",    NULL };

/* Capitalized words that usually start a sentence, so that an abbreviation
 * before them ends one ("the U.S. The ..."). */
static const char *const sentences_starters[]
    = { "The",       "A",          "An",        "He",
        "She",       "It",         "They",      "We",
        "I",         "You",        "But",       "And",
        "In",        "On",         "At",        "This",
        "That",      "These",      "Those",     "There",
        "His",       "Her",        "Its",       "Their",
        "Our",       "My",         "Your",      "As",
        "For",       "If",         "When",      "While",
        "After",     "Before",     "Since",     "So",
        "Yet",       "Or",         "What",      "Who",
        "Why",       "How",        "Where",     "Which",
        "Some",      "Many",       "Most",      "All",
        "Each",      "Both",       "One",       "Such",
        "Also",      "However",    "Meanwhile", "Although",
        "Though",    "Because",    "Under",     "With",
        "From",      "By",         "To",        "Of",
        "Not",       "No",         "Yes",       "Now",
        "Then",      "Still",      "Last",      "Earlier",
        "Later",     "Today",      "Yesterday", "Analysts",
        "Shares",    "Please",     "Thanks",    "Thank",
        "Just",      "Let",        "Here",      "Do",
        "Did",       "Does",       "Is",        "Are",
        "Was",       "Were",       "Can",       "Could",
        "Would",     "Should",     "Will",      "Any",
        "Nothing",   "Everything", "Everyone",  "Otherwise",
        "Therefore", "Thus",       "Hopefully", "Unfortunately",
        "Finally",   "First",      "Second",    "Instead",
        NULL };

/* Letter-closings of e-mails: "Thanks," ends its own sentence. */
static const char *const sentences_closings[]
    = { "Thanks", "Regards", "Sincerely", "Cheers",    "Love", "Respectfully",
        "Yours",  "Thx",     "Ciao",      "Cordially", NULL };

/* Day and month names for datelines. */
static const char *const sentences_weekdays[]
    = { "Monday", "Tuesday",  "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday",    NULL };
static const char *const sentences_months[]
    = { "January",  "February", "March",  "April",     "May",
        "June",     "July",     "August", "September", "October",
        "November", "December", NULL };

/* Words that open the body of a message after "Name - ". */
static const char *const sentences_message_openers[]
    = { "I",   "Just",  "Thanks",   "Thank", "Please", "Hope",  "Here",
        "We",  "Sorry", "Attached", "Can",   "Could",  "Would", "Do",
        "Did", "Have",  "Are",      "Is",    "Let",    "FYI",   NULL };

/* Greetings that open an e-mail or a post: "Hi, ...", "Dear Jane Doe,". */
static const char *const sentences_greetings[]
    = { "Hi", "Hello", "Hey", "Dear", "Greetings", "Morning", NULL };

/* First words of two-word closings: "Best regards,", "Many thanks,". */
static const char *const sentences_closing_firsts[]
    = { "Best", "Kind",  "Kindest", "Warm", "Warmest",
        "Many", "Thank", "Take",    NULL };

/* Pronouns, determiners, auxiliaries of questions and "Please": they open
 * a sentence and are not part of a name or a title when a lower-case word
 * follows them ("Best, Jeff | Does she ...").  Not "Can" nor "Will": they
 * are names too ("American Can said"). */
static const char *const sentences_heading_openers[]
    = { "This", "These", "Those", "He",    "She",      "We",
        "They", "Here",  "There", "It",    "You",      "The",
        "My",   "Our",   "Your",  "Their", "His",      "Its",
        "Does", "Do",    "Did",   "Could", "Would",    "Please",
        "Is",   "Are",   "Sorry", "Let",   "Attached", NULL };

/* Prepositions that end titles of works before an object pronoun ("Songs
 * Like This", "Get Me Out Of Here"): a title word must not be one (the
 * others, In, On, Of, ..., are sentence starters). */
static const char *const sentences_heading_preps[]
    = { "Like",    "About",   "Into",   "Over",   "Through", "Than",
        "Without", "Against", "Upon",   "Off",    "Up",      "Out",
        "Down",    "Near",    "Behind", "Beyond", "Around",  "Inside",
        "Outside", "Across",  "Beside", NULL };

/* Field names of mail, forum and event headers ("Subject:", "Posted:",
 * "WHEN:") and a post's later edits ("EDIT:"): each field is a sentence of
 * its own.  The last word of a two-word name ("Asked by") stands for it
 * here (sentences_header_field knows the pairs).  Contact labels of a
 * signature ("Phone:", "Fax:", "Email:") are not here: a signature block
 * is one sentence. */
static const char *const sentences_header_fields[]
    = { "Subject", "From",     "To",       "Date",      "Time",    "Sent",
        "Cc",      "Category", "Posted",   "Expires",   "by",      "Price",
        "ID",      "WHO",      "WHAT",     "WHEN",      "WHERE",   "WHY",
        "DATE",    "TIME",     "LOCATION", "ADMISSION", "SUBJECT", "FROM",
        "EDIT",    "Edit",     "UPDATE",   NULL };

/* News agencies, as datelines name them: "TEHRAN (AFP) - ...". */
static const char *const sentences_agencies[]
    = { "AFP",  "AP",     "UPI",      "Reuters",   "REUTERS", "PTI",
        "IANS", "Xinhua", "DPA",      "dpa",       "ANSA",    "Kyodo",
        "AAP",  "IRNA",   "Interfax", "Bloomberg", "CNN",     NULL };

/* Words that open a message after a salutation's colon, besides the
 * message openers ("Rhonda: Does ...", "Phyllis: Our letter ..."). */
static const char *const sentences_salutation_openers[]
    = { "It", "As", "Our", "Your", "Does", "Appreciate", NULL };

/* Lower-case words that open a message after one name and a dash ("Tana -
 * can you", "Jeff - instead of"): requests and reports, not the words of
 * an apposition ("a", "the", "who"). */
static const char *const sentences_dash_openers[]
    = { "can",    "could", "would",    "will",    "are", "is",
        "do",     "did",   "per",      "i",       "we",  "thanks",
        "thank",  "hope",  "just",     "instead", "let", "see",
        "talked", "sorry", "attached", "here",    "any", NULL };

/* Labels of a signature's telephone numbers ("Phone", "Cell"): not
 * names. */
static const char *const sentences_contact_labels[]
    = { "Phone", "Cell",  "Fax",    "Tel", "Mobile", "Home", "Office",
        "Work",  "Pager", "Direct", "Mob", "Ph",     NULL };

SentencesSet sentences_titles_set, sentences_finals_set, sentences_starters_set,
    sentences_closings_set, sentences_greetings_set,
    sentences_closing_firsts_set, sentences_message_set, sentences_heading_set,
    sentences_heading_preps_set, sentences_title_ends_set,
    sentences_file_exts_set, sentences_continuers_set,
    sentences_determiners_set, sentences_lower_openers_set,
    sentences_weekdays_set, sentences_months_set, sentences_header_set,
    sentences_agencies_set, sentences_salutation_set,
    sentences_dash_openers_set, sentences_contact_labels_set;
guint8 sentences_letters[256];
guint8 sentences_after_word[256];
guint16 sentences_opener_filter[26][26];
guint32 sentences_heading_firsts;

/* Fills @set from the NULL-terminated @words (at most half as many as
 * the slots, each of 1 to 32 bytes). */
static void
sentences_set_init (SentencesSet *set, const char *const *words)
{
  set->words = words;
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);
      guint h = sentences_hash (words[i], n) & (SENTENCES_SET_SLOTS - 1);
      if (i >= SENTENCES_SET_SLOTS / 2 || n == 0 || n > 32)
        g_error ("sentences: a word list longer than SENTENCES_SET_SLOTS / 2, "
                 "or \"%s\" of %zu bytes (1 to 32)",
                 words[i], n);
      while (set->slots[h] != 0)
        h = (h + 1) & (SENTENCES_SET_SLOTS - 1);
      set->slots[h] = (guint16)(n << 8 | (i + 1));
    }
}

/* Adds the words of @list to the opener filter. */
static void
sentences_opener_filter_add (const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      gsize n = strlen (list[i]);
      sentences_opener_filter[(list[i][0] | 0x20) - 'a']
                             [(list[i][n - 1] | 0x20) - 'a']
          |= 1u << n;
    }
}

/* Fills the word sets, the opener filter and the letter table; once,
 * before any split (sentences_init). */
void
sentences_words_init (void)
{
  for (guint c = 0; c < 256; c++)
    sentences_letters[c] = g_ascii_islower (c)   ? 1
                           : g_ascii_isupper (c) ? 2
                                                 : 0;
  for (guint c = 0; c < 256; c++)
    sentences_after_word[c] = g_ascii_isupper (c) ? SENTENCES_AFTER_CAPITAL
                              : c == '-'          ? SENTENCES_AFTER_DASH
                              : c == 'a'          ? SENTENCES_AFTER_A
                              : g_ascii_isdigit (c) || c == 'x' || c == '('
                                  ? SENTENCES_AFTER_NUMBER
                                  : 0;
  sentences_set_init (&sentences_titles_set, sentences_titles);
  sentences_set_init (&sentences_finals_set, sentences_finals);
  sentences_set_init (&sentences_starters_set, sentences_starters);
  sentences_set_init (&sentences_closings_set, sentences_closings);
  sentences_set_init (&sentences_greetings_set, sentences_greetings);
  sentences_set_init (&sentences_closing_firsts_set, sentences_closing_firsts);
  sentences_set_init (&sentences_message_set, sentences_message_openers);
  sentences_set_init (&sentences_heading_set, sentences_heading_openers);
  for (guint i = 0; sentences_heading_openers[i] != NULL; i++)
    sentences_heading_firsts |= 1u << (sentences_heading_openers[i][0] - 'A');
  sentences_set_init (&sentences_title_ends_set, sentences_title_ends);
  sentences_set_init (&sentences_file_exts_set, sentences_file_exts);
  sentences_set_init (&sentences_continuers_set, sentences_continuers);
  sentences_set_init (&sentences_determiners_set, sentences_determiners);
  sentences_set_init (&sentences_lower_openers_set, sentences_lower_openers);
  sentences_set_init (&sentences_heading_preps_set, sentences_heading_preps);
  sentences_set_init (&sentences_weekdays_set, sentences_weekdays);
  sentences_set_init (&sentences_months_set, sentences_months);
  sentences_set_init (&sentences_header_set, sentences_header_fields);
  sentences_set_init (&sentences_agencies_set, sentences_agencies);
  sentences_set_init (&sentences_salutation_set, sentences_salutation_openers);
  sentences_set_init (&sentences_dash_openers_set, sentences_dash_openers);
  sentences_set_init (&sentences_contact_labels_set, sentences_contact_labels);
  sentences_opener_filter_add (sentences_closings);
  sentences_opener_filter_add (sentences_greetings);
  sentences_opener_filter_add (sentences_closing_firsts);
}
