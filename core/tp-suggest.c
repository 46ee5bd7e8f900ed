/* tp-suggest.c: "did you mean" for misspelt keys, stages and plugins. */
#include "config.h"

#include <string.h>

#include "tp-private.h"

/* Edit distance between two short ASCII words, capped at 32 bytes. */
static guint
tp_edit_distance (const char *a, const char *b)
{
  guint la = MIN (strlen (a), 32), lb = MIN (strlen (b), 32);
  guint row[33];

  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1])
                           ? 0
                           : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

const char *
tp_suggest (const char *word, const char *const *candidates, guint n_candidates)
{
  const char *best = NULL;
  guint best_d = G_MAXUINT;
  guint limit;

  g_return_val_if_fail (word != NULL, NULL);
  limit = strlen (word) <= 4 ? 1 : strlen (word) <= 8 ? 2 : 3;
  for (guint i = 0; i < n_candidates && candidates[i]; i++)
    {
      guint d = tp_edit_distance (word, candidates[i]);
      if (d < best_d)
        {
          best_d = d;
          best = candidates[i];
        }
    }
  return best_d <= limit ? best : NULL;
}
