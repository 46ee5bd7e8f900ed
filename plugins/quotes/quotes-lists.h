/* quotes-lists.h: the built-in word lists of the quotes plugin. */
#ifndef QUOTES_LISTS_H
#define QUOTES_LISTS_H

/* The engine's internal word sets (QuotesConfig.sets). */
typedef enum {
  QUOTES_SET_NOT_NAMES,
  QUOTES_SET_TERMS,
  QUOTES_SET_MALE,
  QUOTES_SET_FEMALE,
  QUOTES_SET_PRONOUNS,
  QUOTES_SET_ADVERBS,
  QUOTES_SET_DETS,
  QUOTES_SET_CONNECTORS,
  QUOTES_SET_POSTNOMINALS,
  QUOTES_SET_NP_STOPS,
  QUOTES_SET_TIMES,
  QUOTES_SET_PEOPLE,
  QUOTES_SET_ANONYMOUS,
  QUOTES_SET_INVERTED,
  QUOTES_SET_KINDS,
  QUOTES_SET_BODIES,
  QUOTES_SET_BODY_NAMES,
  QUOTES_N_SETS
} QuotesSetId;

extern const char *const *const quotes_set_words[QUOTES_N_SETS];

extern const char *const quotes_default_verbs[];
extern const char *const quotes_default_titles[];
extern const char *const quotes_male_titles[];
extern const char *const quotes_female_titles[];
extern const char *const quotes_not_names[];
extern const char *const quotes_term_triggers[];

extern const char *const quotes_pronouns[];
extern const char *const quotes_adverbs[];
extern const char *const quotes_determiners[];
extern const char *const quotes_name_connectors[];
extern const char *const quotes_postnominals[];
extern const char *const quotes_np_stops[];
extern const char *const quotes_times[];
extern const char *const quotes_people[];
extern const char *const quotes_anonymous[];
extern const char *const quotes_body_names[];
#endif /* QUOTES_LISTS_H */
