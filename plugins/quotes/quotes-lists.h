/* quotes-lists.h: the built-in word lists of the quotes plugin. */
#ifndef QUOTES_LISTS_H
#define QUOTES_LISTS_H

extern const char *const quotes_default_verbs[];
extern const char *const quotes_default_titles[];
extern const char *const quotes_male_titles[];
extern const char *const quotes_female_titles[];
extern const char *const quotes_not_names[];
extern const char *const quotes_term_triggers[];

#endif /* QUOTES_LISTS_H */
