/* quotes-attrib.c: pass 3 of the quote engine: the attribution rules.
 *
 * Each rule looks at the tokens of a bounded window after or before one
 * quote; quotes-engine.c tries them in order (see QuotesRule).
 */
#include "quotes-engine-private.h"

/* Rule "after": `"...," Carney said` and `"...," said Carney, the ...`. */
gboolean
quotes_rule_after (QuotesDoc *doc, const QuotesHistory *hist,
                   const QuotesQuote *q, const QuotesToks *toks,
                   QuotesSpeaker *spk)
{
  const QuotesTok *t;
  guint i = 0, n, limit;
  gunichar last = quotes_char_before (doc->text, q->end);
  gboolean open_end = last == ',' || last == '?' || last == '!' || last == '-'
                      || last == 0x2014 || last == 0x2013 || last == 0x2026
                      || last == ':' || last == ';'
                      || (last == '.' && q->end - q->start > 3
                          && memcmp (doc->text + q->end - 3, "...", 3) == 0);

  n = toks->n;
  if (n == 0)
    return FALSE;
  t = toks->t;
  if (t[0].punct == ',' || t[0].punct == '-')
    {
      open_end = TRUE;
      i = 1;
    }
  if (!open_end)
    {
      /* "...deepens." he said: only a lower-case continuation; '"..."
       * said Lee Rainie' with the comma lost: an inverted cue and a name */
      gboolean inverted = n >= 2 && !t[0].punct && !t[0].cap
                          && quotes_tok_is_cue (doc, &t[0]) && t[1].cap
                          && !t[1].punct;
      /* '"... common values" he added.': the punctuation lost inside the
       * marks, a pronoun and its verb, then the sentence ends */
      gboolean bare
          = n >= 3 && g_unichar_isalnum (last) && !t[0].cap
            && quotes_tok_is_pronoun (doc, &t[0])
            && quotes_tok_is_cue (doc, &t[1])
            && (quotes_tok_ends_sentence (&t[2]) || t[2].punct == ',');
      /* '"... well." May wrote.': a sentence of its own that is nothing
       * but a name (three words at most) and a reporting verb */
      gboolean named = FALSE;
      {
        guint k = 0;
        while (k < n && k < 3 && t[k].cap && !t[k].punct
               && !quotes_tok_is_pronoun (doc, &t[k]))
          k++;
        named = k > 0 && k + 1 < n && quotes_tok_is_cue (doc, &t[k])
                && !t[k].cap && quotes_tok_ends_sentence (&t[k + 1]);
      }
      if (!inverted && !bare && !named
          && (last != '.' || t[0].punct || t[0].cap
              || !(quotes_tok_is_pronoun (doc, &t[0])
                   || quotes_tok_is_cue (doc, &t[0]))))
        return FALSE;
    }
  if (i >= n)
    return FALSE;

  /* inverted: said Carney / says Mr Smith, the ... */
  if (quotes_cue_len (doc, t, i, n) && !quotes_tok_is (doc, &t[i], "told")
      && !quotes_tok_is (doc, &t[i], "tells"))
    {
      guint a = i + quotes_cue_len (doc, t, i, n), b = a;
      while (
          b < n && b - a < 8
          && (!quotes_tok_stops_np (doc, &t[b])
              || quotes_tok_is (doc, &t[b], "and")
              || quotes_np_body_of (doc, t, b, n)
              /* "said Sky Networks' Ana Costa": a plural possessive */
              || (t[b].punct == '"'
                  && (doc->text[t[b].s] == '\''
                      || quotes_char_at (doc->text, doc->len, t[b].s) == 0x2019)
                  && b > a && t[b - 1].cap && doc->text[t[b - 1].e - 1] == 's'
                  && b + 1 < n && t[b + 1].cap))
          && !quotes_tok_is_cue (doc, &t[b]))
        b++;
      /* "said the firm's technology director, Ana Costa": the name */
      if (b > a && b + 2 < n && t[b].punct == ','
          && (quotes_is_title (doc, t[b - 1].s, t[b - 1].e)
              || quotes_tok_in_set (doc, &t[b - 1], QUOTES_SET_PEOPLE))
          && t[b + 1].cap && t[b + 2].cap)
        {
          guint c = b + 1, d = c;
          while (d < n && d - c < 4 && t[d].cap && !t[d].punct)
            d++;
          if (d == n || t[d].punct || quotes_tok_stops_np (doc, &t[d]))
            {
              a = c;
              b = d;
            }
        }
      if (b > a && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[i].s;
          spk->ce = t[i].e;
          return TRUE;
        }
      return FALSE;
    }

  /* Carney said / the prime minister told reporters / he added */
  limit = MIN (n, i + 20);
  for (guint j = i; j < limit; j++)
    {
      if (quotes_tok_ends_sentence (&t[j]) || t[j].punct == '"')
        return FALSE;
      /* "...," the paper quotes a source close to the firm: the source */
      if (j > i && j + 1 < n
          && (quotes_tok_is (doc, &t[j], "quotes")
              || quotes_tok_is (doc, &t[j], "quoted")
              || quotes_tok_is (doc, &t[j], "quoting"))
          && !t[j + 1].punct && !quotes_tok_is (doc, &t[j + 1], "by"))
        {
          /* "...," AP quoted (prosecutor) Ana Costa / officials as saying:
           * with no determiner, only before "as saying" ("he was quoted by
           * the agency as saying" is passive) */
          guint a = j + 1, b = a;
          gboolean det = !t[j + 1].cap && quotes_tok_is_det (doc, &t[j + 1]);
          while (b < n && b - a < 9 && !t[b].punct
                 && !quotes_tok_is (doc, &t[b], "as"))
            b++;
          /* a name, a title before a name, or him/her/them */
          gboolean named = t[a].cap
                           || (b > a + 1 && t[a + 1].cap && !t[a + 1].punct)
                           || (b == a + 1
                               && (quotes_tok_is (doc, &t[a], "him")
                                   || quotes_tok_is (doc, &t[a], "her")
                                   || quotes_tok_is (doc, &t[a], "them")));
          if (b < n && (det || named)
              && ((det
                   && (quotes_tok_ends_sentence (&t[b]) || t[b].punct == ','))
                  || (b + 1 < n && quotes_tok_is (doc, &t[b], "as")
                      && (quotes_tok_is (doc, &t[b + 1], "saying")
                          || quotes_tok_is (doc, &t[b + 1], "telling") || det)))
              && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = t[j].s;
              spk->ce = t[j].e;
              return TRUE;
            }
          if (det)
            return FALSE;
        }
      if (j == i || !quotes_cue_len (doc, t, j, n))
        continue;
      /* '"...?" On immigration, Ana Costa said: "...': a verb whose colon
       * ends the window introduces the next quote */
      for (guint k = j + 1; k < n && k <= j + 5; k++)
        if (t[k].punct == ':' && k + 1 == n)
          return FALSE;
        else if (t[k].punct)
          break;
      guint a = i, b = j, comma = j;
      while (b > i && quotes_tok_is_adverb (doc, &t[b - 1]))
        b--;
      /* Mr Smith, the chairman, said: the part before the first comma */
      for (guint k = i; k < b; k++)
        if (t[k].punct == ',')
          {
            comma = k;
            break;
          }
      if (comma < b)
        {
          guint c2 = comma + 1, k;
          gboolean caps = FALSE;
          for (k = i; k < comma; k++)
            caps |= t[k].cap;
          for (k = c2; k < b && t[k].punct != ','; k++)
            ;
          /* "hunt master, Captain Ian Farquhar, said": a lower-case role,
           * then the name between commas */
          if (!caps && k > c2 + 1 && t[c2].cap && t[k - 1].cap
              && (k == b || t[k].punct == ','))
            {
              a = c2;
              b = k;
            }
          else
            b = comma;
        }
      if (b - a > 7 || !quotes_np_can_speak (doc, t, a, b))
        return FALSE;
      if (quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[j].s;
          spk->ce = t[j].e;
          return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Whether @t is a time word that may stand between a subject and its
 * verb ("Tom Reyes in March said", "Smith on Monday said"). */
static gboolean
quotes_tok_is_time (const QuotesDoc *doc, const QuotesTok *t)
{
  if (t->punct)
    return FALSE;
  if (g_ascii_isdigit (doc->text[t->s]))
    return TRUE;
  return quotes_tok_in_set (doc, t, QUOTES_SET_TIMES);
}

/* The capitalised run that ends at token @e - 1, as [*a, e). */
static gboolean
quotes_cap_run_before (const QuotesDoc *doc, const QuotesTok *t, guint from,
                       guint e, guint *a)
{
  guint s;

  if (e <= from || !t[e - 1].cap || t[e - 1].punct)
    return FALSE;
  s = e - 1;
  while (s > from && (t[s - 1].cap || quotes_tok_is_connector (doc, &t[s - 1]))
         && !t[s - 1].punct && !quotes_tok_is_possessive (doc, &t[s - 1])
         && e - s < 6)
    s--;
  *a = s;
  return TRUE;
}

/* Whether toks[j..j+3) are a short form in brackets, "(WTO)", before @end:
 * one word of two or more letters, all capitals. */
static gboolean
quotes_is_short_form (const QuotesDoc *doc, const QuotesTok *t, guint j,
                      guint end)
{
  if (j + 3 > end || t[j].punct != '(' || t[j + 1].punct
      || t[j + 2].punct != ')' || t[j + 1].e - t[j + 1].s < 2)
    return FALSE;
  for (gsize k = t[j + 1].s; k < t[j + 1].e; k++)
    if (!g_ascii_isupper (doc->text[k]))
      return FALSE;
  return TRUE;
}

/* Rule "after", late form: a partial quote whose sentence ends with its
 * attribution: `a "long session" where ..., party sources told reporters.` */
gboolean
quotes_rule_late (QuotesDoc *doc, const QuotesHistory *hist,
                  const QuotesQuote *q, const QuotesToks *toks,
                  QuotesSpeaker *spk)
{
  const QuotesTok *t;
  guint n, end, comma = 0;
  gboolean found = FALSE;

  /* only a partial quote: its sentence goes on after it */
  if (strchr (".?!:", doc->text[q->end - 1]))
    goto out;
  t = toks->t;
  n = toks->n;
  for (end = 0; end < n; end++)
    if (quotes_tok_ends_sentence (&t[end]) || t[end].punct == '"'
        || t[end].punct == ':')
      break;
  if (end == n && n == QUOTES_MAX_TOKENS)
    goto out;
  for (guint k = end; k > 0; k--)
    if (t[k - 1].punct == ',')
      {
        comma = k;
        break;
      }
  if (comma == 0)
    goto out;
  /* , said NP . ("..., said the leaflet published by the police.") */
  if (comma < end && quotes_tok_in_set (doc, &t[comma], QUOTES_SET_INVERTED)
      && !t[comma].cap && comma + 1 < end && !t[comma + 1].punct
      && !quotes_tok_is_pronoun (doc, &t[comma + 1]))
    {
      guint a = comma + 1, b = a;
      while (b < end && b - a < 8 && !quotes_tok_stops_np (doc, &t[b])
             && !quotes_tok_is_cue (doc, &t[b])
             /* "the leaflet published by ...": a participle ends it */
             && !(b > a + 1 && !t[b].cap && !quotes_tok_is_det (doc, &t[b - 1])
                  && t[b].e - t[b].s > 4 && doc->text[t[b].e - 1] == 'd'
                  && doc->text[t[b].e - 2] == 'e'))
        b++;
      /* a subject phrase ("the leaflet", "Ana Costa"), then the end, a
       * preposition or a participle; not "..., said the minister felt" */
      if ((t[a].cap || quotes_tok_is_det (doc, &t[a])) && b - a < 8
          && (b == end || quotes_tok_stops_np (doc, &t[b])
              || (t[b].e - t[b].s > 4 && doc->text[t[b].e - 1] == 'd'
                  && doc->text[t[b].e - 2] == 'e'))
          && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[comma].s;
          spk->ce = t[comma].e;
          found = TRUE;
        }
      goto out;
    }
  /* , NP cue (up to four words) . */
  guint paren = 0;
  for (guint j = comma + 1; j < end && j <= comma + (paren ? 10 : 7); j++)
    {
      /* ", the World Trade Office (WTO) has said.": the short form in
       * brackets after the name is no part of it */
      if (paren == 0 && j > comma + 1 && quotes_is_short_form (doc, t, j, end))
        {
          paren = j;
          j += 2;
          continue;
        }
      if (t[j].punct)
        break;
      if (!quotes_cue_len (doc, t, j, n))
        continue;
      if (end - j > 5 || quotes_tok_is (doc, &t[comma], "which")
          || quotes_tok_is (doc, &t[comma], "who")
          || quotes_tok_is (doc, &t[comma], "that"))
        break;
      /* ", Tony Blair has said." */
      guint ne = j;
      while (ne > comma + 1
             && (quotes_tok_is (doc, &t[ne - 1], "has")
                 || quotes_tok_is (doc, &t[ne - 1], "have")
                 || quotes_tok_is (doc, &t[ne - 1], "had")))
        ne--;
      if (paren && ne != paren + 3)
        break;
      if (paren)
        ne = paren;
      if (quotes_np_can_speak (doc, t, comma, ne)
          && quotes_resolve_np (doc, hist, t, comma, ne, spk))
        {
          spk->cs = t[j].s;
          spk->ce = t[j].e;
          found = TRUE;
        }
      break;
    }
out:
  return found;
}

/* Rule "after", named form without a comma: a partial quote whose
 * sentence goes on to a full name and a reporting verb ('... will be
 * "make or break" for the poor Gordon Brown will say as he ...'). */
gboolean
quotes_rule_late_name (QuotesDoc *doc, const QuotesHistory *hist,
                       const QuotesQuote *q, const QuotesToks *toks,
                       QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n;

  if (strchr (".?!:,", doc->text[q->end - 1])
      || !memchr (doc->text + q->start, ' ', q->end - q->start))
    return FALSE; /* one word ("dramatic") is too little to go on */
  for (guint j = 0; j < n && j < 16; j++)
    {
      guint e = j, a;
      if (quotes_tok_ends_sentence (&t[j]) || t[j].punct == '"'
          || t[j].punct == ':' || t[j].punct == ',' || t[j].punct == '-'
          || t[j].punct == '(')
        return FALSE;
      /* "the North East Says No campaign": a cue inside a name */
      if (j == 0 || t[j].cap || !quotes_tok_is_cue (doc, &t[j])
          || quotes_cue_is_passive (doc, t, 0, j))
        continue;
      while (e > 1 && e + 2 > j
             && (quotes_tok_is (doc, &t[e - 1], "will")
                 || quotes_tok_is (doc, &t[e - 1], "would")
                 || quotes_tok_is (doc, &t[e - 1], "has")
                 || quotes_tok_is (doc, &t[e - 1], "had")
                 || quotes_tok_is (doc, &t[e - 1], "also")))
        e--;
      if (!quotes_cap_run_before (doc, t, 1, e, &a) || e - a < 2
          || quotes_tok_is_possessive (doc, &t[e - 1])
          || !quotes_resolve_np (doc, hist, t, a, e, spk)
          || spk->kind != QUOTES_SPK_PERSON)
        return FALSE;
      spk->cs = t[j].s;
      spk->ce = t[j].e;
      return TRUE;
    }
  return FALSE;
}

/* Whether the cue at toks[c] is passive ("has been accused of"), so its
 * subject is no speaker. */
gboolean
quotes_cue_is_passive (const QuotesDoc *doc, const QuotesTok *t, guint from,
                       guint c)
{
  guint k = c;
  while (k > from && k + 3 > c && quotes_tok_is (doc, &t[k - 1], "also"))
    k--;
  return k > from
         && (quotes_tok_is (doc, &t[k - 1], "been")
             || quotes_tok_is (doc, &t[k - 1], "was")
             || quotes_tok_is (doc, &t[k - 1], "were")
             || quotes_tok_is (doc, &t[k - 1], "being")
             || quotes_tok_is (doc, &t[k - 1], "be")
             || quotes_tok_is (doc, &t[k - 1], "is")
             || quotes_tok_is (doc, &t[k - 1], "are"))
         && doc->text[t[c].e - 1] == 'd';
}

/* Whether t[a..b) are capitalised words with no punctuation and no
 * possessive: a name in apposition ("Carl Emery"). */
static gboolean
quotes_is_plain_name (const QuotesDoc *doc, const QuotesTok *t, guint a,
                      guint b)
{
  for (guint k = a; k < b; k++)
    if (!t[k].cap || t[k].punct || quotes_tok_is_possessive (doc, &t[k]))
      return FALSE;
  return TRUE;
}

/* The subject that opens the sentence at toks[from] (after "But", "And"
 * and commas), followed by a verb before @limit: a pronoun, a name with its
 * titles ("Tory leader Ana Costa"), or a determiner and a few words up to
 * a past verb or an auxiliary ("The union's leader has"). */
static gboolean
quotes_opening_subject (const QuotesDoc *doc, const QuotesTok *t, guint from,
                        guint limit, guint *a, guint *b)
{
  guint s = from, e;

  while (s < limit
         && (t[s].punct == ',' || quotes_tok_is (doc, &t[s], "but")
             || quotes_tok_is (doc, &t[s], "and")
             || quotes_tok_is (doc, &t[s], "however")))
    s++;
  if (s >= limit || t[s].punct)
    return FALSE;
  /* "In a statement on Thursday, Euronext said": after the opening phrase */
  if (t[s].cap && !quotes_tok_is_det (doc, &t[s])
      && !quotes_tok_is_pronoun (doc, &t[s])
      && quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], doc->text,
                        t[s].s, t[s].e))
    {
      guint k = s + 1;
      while (k < limit && k - s < 12 && t[k].punct != ','
             && !quotes_tok_ends_sentence (&t[k]))
        k++;
      if (k + 1 >= limit || t[k].punct != ',')
        return FALSE;
      s = k + 1;
      if (t[s].punct)
        return FALSE;
    }
  if (quotes_tok_is_pronoun (doc, &t[s]))
    e = s + 1;
  else if (t[s].cap && !quotes_tok_is_det (doc, &t[s])
           && !quotes_tok_is_participle (
               doc, &t[s])) /* "Shivering in a dress, she ..." */
    {
      e = s + 1;
      while (e < limit && e - s < 6 && !t[e].punct
             && (t[e].cap || quotes_tok_is_connector (doc, &t[e])
                 || quotes_is_title (doc, t[e].s, t[e].e))
             && !quotes_tok_is_possessive (doc, &t[e - 1]))
        e++;
      if (!t[e - 1].cap)
        return FALSE;
    }
  else if (quotes_tok_is_det (doc, &t[s]))
    {
      e = s + 1;
      while (e < limit && e - s < 6 && !t[e].punct
             && !quotes_tok_is_cue (doc, &t[e])
             && !quotes_tok_is_adverb (doc, &t[e])
             && !(!t[e].cap && t[e].e - t[e].s > 3
                  && doc->text[t[e].e - 1] == 'd'
                  && doc->text[t[e].e - 2] == 'e'))
        e++;
      if (e < s + 2)
        return FALSE;
    }
  else
    return FALSE;
  /* a verb must follow: a lower-case word */
  if (e >= limit || t[e].punct || t[e].cap)
    return FALSE;
  *a = s;
  *b = e;
  return TRUE;
}

static gboolean quotes_subject_phrase_before (const QuotesDoc *doc,
                                              const QuotesTok *t, guint from,
                                              guint c, guint *a, guint *b);

/* Finds the subject phrase that ends just before token @c (a cue), as
 * quotes_subject_phrase_before does, but before a participle not a
 * determiner phrase that a preposition governs ("has written to the
 * watchdog saying"): that is no subject. */
gboolean
quotes_subject_before (const QuotesDoc *doc, const QuotesTok *t, guint from,
                       guint c, guint *a, guint *b)
{
  static const char *const preps[]
      = { "to",      "at",   "from",    "for",    "on",   "around", "about",
          "against", "into", "towards", "across", "near", "among",  NULL };

  if (!quotes_subject_phrase_before (doc, t, from, c, a, b))
    return FALSE;
  if (c < from + 1 || !quotes_tok_is_participle (doc, &t[c]))
    return TRUE;
  if (*a > from && !t[*a - 1].punct && !t[*a - 1].cap
      && quotes_tok_is_det (doc, &t[*a]))
    for (guint k = 0; preps[k]; k++)
      if (quotes_tok_is (doc, &t[*a - 1], preps[k]))
        return FALSE;
  return TRUE;
}

/* Finds the subject phrase that ends just before token @c (a cue),
 * skipping adverbs, time phrases, "who" and an appositive; sets [*a, *b).
 * "The group's director, Ruth Okoye, said": the name wins. */
static gboolean
quotes_subject_phrase_before (const QuotesDoc *doc, const QuotesTok *t,
                              guint from, guint c, guint *a, guint *b)
{
  guint e = c, s, app_a = 0, app_e = 0;
  gboolean app = FALSE;

  while (e > from && quotes_tok_is_adverb (doc, &t[e - 1]))
    e--;
  /* "He went on to say" */
  if (e >= from + 4 && quotes_tok_is (doc, &t[e - 1], "to")
      && quotes_tok_is (doc, &t[e - 2], "on")
      && (quotes_tok_is (doc, &t[e - 3], "went")
          || quotes_tok_is (doc, &t[e - 3], "goes")
          || quotes_tok_is (doc, &t[e - 3], "go")))
    {
      e -= 3;
      while (e > from && quotes_tok_is_adverb (doc, &t[e - 1]))
        e--;
    }
  /* "The union welcomed the offer and said": the subject of the first verb
   * of the sentence */
  if (e > from + 1
      && (quotes_tok_is (doc, &t[e - 1], "and")
          || quotes_tok_is (doc, &t[e - 1], "but"))
      && !t[e - 2].punct)
    return quotes_opening_subject (doc, t, from, e - 1, a, b);
  /* Tom Reyes in March said */
  if (e > from && quotes_tok_is_time (doc, &t[e - 1]))
    {
      guint k = e;
      while (k > from && e - k < 4 && quotes_tok_is_time (doc, &t[k - 1]))
        k--;
      if (k < e && k > from && !t[k - 1].punct)
        e = k;
    }
  /* A spokesman for the trade body (TBA) said */
  if (e > from && t[e - 1].punct == ')')
    {
      guint k = e - 1;
      while (k > from && t[k - 1].punct != '(' && e - k < 8)
        k--;
      if (k > from && t[k - 1].punct == '(')
        e = k - 1;
    }
  /* Ms Costa, who has described; Beijing, which described */
  if (e - from >= 2
      && (quotes_tok_is (doc, &t[e - 1], "who")
          || quotes_tok_is (doc, &t[e - 1], "which"))
      && t[e - 2].punct == ',')
    {
      e -= 2;
      /* "Ana Costa, 49, who told": the age */
      if (e - from >= 3 && !t[e - 1].punct
          && g_ascii_isdigit (doc->text[t[e - 1].s])
          && g_ascii_isdigit (doc->text[t[e - 1].e - 1])
          && t[e - 2].punct == ',')
        e -= 2;
    }
  /* Ana Costa of Lusa Ltd - a shipping firm - told */
  if (e > from && t[e - 1].punct == '-')
    {
      guint k = e - 1;
      while (k > from && t[k - 1].punct != '-' && e - k < 10
             && !quotes_tok_ends_sentence (&t[k - 1]))
        k--;
      if (k > from + 1 && t[k - 1].punct == '-')
        e = k - 1;
    }
  /* Ravi Menon, economist at a bank in Osaka, said */
  if (e > from && t[e - 1].punct == ',')
    {
      guint k = e - 1;
      while (k > from && t[k - 1].punct != ',' && e - k < 16
             && !quotes_tok_ends_sentence (&t[k - 1]))
        k--;
      if (k > from && t[k - 1].punct == ',')
        {
          app = TRUE;
          app_a = k;
          app_e = e - 1;
          e = k - 1;
        }
      else
        {
          /* "The guidance published on Tuesday, said": a sentence that
           * opens with a nominal subject and a participle phrase */
          guint p = k + 1;
          if (!quotes_tok_is_det (doc, &t[k]) || e != c
              || g_ascii_strncasecmp (doc->text + t[c].e - 3, "ing", 3) == 0)
            return FALSE;
          while (p < e - 1 && p - k < 5 && !t[p].punct
                 && !quotes_tok_is_adverb (doc, &t[p])
                 && !(t[p].e - t[p].s > 4 && !t[p].cap
                      && doc->text[t[p].e - 1] == 'd'
                      && doc->text[t[p].e - 2] == 'e'))
            p++;
          if (p >= e - 1 || p - k < 2 || t[p].punct
              || quotes_tok_is_adverb (doc, &t[p]))
            return FALSE;
          *a = k;
          *b = p;
          return TRUE;
        }
    }
  if (e <= from || t[e - 1].punct)
    return FALSE;
  if (quotes_tok_is_pronoun (doc, &t[e - 1]))
    {
      *a = e - 1;
      *b = e;
      return TRUE;
    }
  /* "the head of the Fiscal Institute, Carl Emery, said": an organisation
   * after "of" is the head's complement; the name in apposition wins */
  if (app && app_e - app_a >= 2 && app_e - app_a <= 3
      && quotes_cap_run_before (doc, t, from, e, &s) && s > from + 1
      && (quotes_tok_is (doc, &t[s - 1], "of")
          || quotes_tok_is (doc, &t[s - 1], "for")
          || quotes_tok_is (doc, &t[s - 1], "at")
          || (quotes_tok_is (doc, &t[s - 1], "the")
              && (quotes_tok_is (doc, &t[s - 2], "of")
                  || quotes_tok_is (doc, &t[s - 2], "for")
                  || quotes_tok_is (doc, &t[s - 2], "at"))))
      && quotes_is_plain_name (doc, t, app_a, app_e))
    {
      *a = app_a;
      *b = app_e;
      return TRUE;
    }
  if (quotes_cap_run_before (doc, t, from, e, &s))
    {
      /* "The MP for Leeds and Otley said": the title with its complement
       * ("of" makes an office: "the Bishop of Durham") */
      guint s2 = s;
      while (s2 >= from + 2 && quotes_tok_is (doc, &t[s2 - 1], "and")
             && t[s2 - 2].cap && !t[s2 - 2].punct)
        {
          s2 -= 2;
          while (s2 > from && t[s2 - 1].cap && !t[s2 - 1].punct)
            s2--;
        }
      if (s2 >= from + 3 && quotes_tok_is (doc, &t[s2 - 1], "for")
          && quotes_is_title (doc, t[s2 - 2].s, t[s2 - 2].e))
        {
          guint k = s2 - 2;
          while (k > from && s - k < 5 && !t[k - 1].punct
                 && !quotes_tok_is (doc, &t[k - 1], "the"))
            k--;
          if (k > from && quotes_tok_is (doc, &t[k - 1], "the")
              && (k - 1 == from || quotes_tok_ends_sentence (&t[k - 2])))
            {
              *a = k - 1;
              *b = e;
              return TRUE;
            }
        }
      /* "The EU's Aid Commissioner, Louis Michel, said": the name in
       * apposition to a title wins */
      if (app && app_e - app_a >= 2 && app_e - app_a <= 3
          && quotes_is_title (doc, t[e - 1].s, t[e - 1].e)
          && quotes_is_plain_name (doc, t, app_a, app_e))
        {
          *a = app_a;
          *b = app_e;
          return TRUE;
        }
      /* "Simon Hart of the Countryside Alliance has questioned": the
       * person before "of (the)" */
      {
        guint k = s;
        if (k > from && quotes_tok_is (doc, &t[k - 1], "the"))
          k--;
        if (k > from + 2 && quotes_tok_is (doc, &t[k - 1], "of") && t[k - 2].cap
            && !t[k - 2].punct && !quotes_tok_is_possessive (doc, &t[k - 2]))
          {
            guint na;
            if (quotes_cap_run_before (doc, t, from, k - 1, &na)
                && k - 1 - na >= 2 && (na == from || t[na - 1].punct)
                && !quotes_is_title (doc, t[k - 2].s, t[k - 2].e)
                && !quotes_tok_in_set (doc, &t[k - 2], QUOTES_SET_BODIES))
              {
                *a = na;
                *b = k - 1;
                return TRUE;
              }
          }
      }
      /* "Ana Costa, managing director, of Lusa Ltd said": an organisation
       * after of/at is a complement; the name before the commas wins */
      guint k = s;
      if (k > from && quotes_tok_is (doc, &t[k - 1], "the"))
        k--;
      if (k > from + 2
          && (quotes_tok_is (doc, &t[k - 1], "of")
              || quotes_tok_is (doc, &t[k - 1], "at")))
        {
          guint na;
          gboolean comma = FALSE;
          k--;
          while (
              k > from && s - k < 8
              && (t[k - 1].punct == ',' || (!t[k - 1].punct && !t[k - 1].cap)))
            comma |= t[--k].punct == ',';
          if (comma && t[k].punct == ','
              && quotes_cap_run_before (doc, t, from, k, &na) && k - na >= 2
              && (na == from || t[na - 1].punct))
            {
              *a = na;
              *b = k;
              return TRUE;
            }
        }
      *a = s;
      *b = e;
      return TRUE;
    }
  /* a lower-case head with a name in apposition */
  if (app && quotes_cap_run_before (doc, t, app_a, app_e, &s))
    {
      *a = s;
      *b = app_e;
      return TRUE;
    }
  /* lower-case head: back to a determiner within a few words (not over
   * "which" or "that": "a bill which critics claim") */
  s = e - 1;
  while (s > from && e - s < 6 && !quotes_tok_is_det (doc, &t[s])
         && !t[s - 1].punct && !quotes_tok_is_cue (doc, &t[s - 1])
         && !quotes_tok_is (doc, &t[s - 1], "which")
         && !quotes_tok_is (doc, &t[s - 1], "that")
         && !quotes_tok_is (doc, &t[s - 1], "who"))
    s--;
  if (quotes_tok_is_det (doc, &t[s]) && s + 1 < e)
    {
      /* "A National Audit Office report on the 20 biggest projects says":
       * the head before the preposition */
      if (s > from + 1 && !t[s - 2].punct && !t[s - 2].cap
          && !quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], doc->text,
                             t[e - 1].s, t[e - 1].e)
          && !quotes_is_title (doc, t[e - 1].s, t[e - 1].e)
          && (quotes_tok_is (doc, &t[s - 1], "on")
              || quotes_tok_is (doc, &t[s - 1], "of")
              || quotes_tok_is (doc, &t[s - 1], "into")
              || quotes_tok_is (doc, &t[s - 1], "about")))
        {
          guint h = s - 1, k = h;
          while (k > from && h - k < 6 && !t[k - 1].punct
                 && !quotes_tok_is_det (doc, &t[k - 1])
                 && !quotes_tok_is_cue (doc, &t[k - 1])
                 && (t[k - 1].cap || k == h))
            k--;
          if (k > from && quotes_tok_is_det (doc, &t[k - 1]))
            {
              *a = k - 1;
              *b = h;
              return TRUE;
            }
        }
      *a = s;
      *b = e;
      return TRUE;
    }
  /* a possessive before the head: "Costa's office", "Lisbon's envoy" */
  if (e - from >= 2 && e - 1 > from && quotes_tok_is_possessive (doc, &t[e - 2])
      && t[e - 2].cap)
    {
      s = e - 2;
      while (s > from && t[s - 1].cap && e - s < 5)
        s--;
      *a = s;
      *b = e;
      return TRUE;
    }
  /* a person noun with modifiers: "union spokesman", "party sources" */
  if (quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], doc->text,
                     t[e - 1].s, t[e - 1].e)
      || quotes_in_set (doc->config->titles, doc->text, t[e - 1].s, t[e - 1].e))
    {
      s = e - 1;
      while (s > from && e - s < 4 && !t[s - 1].punct
             && (t[s - 1].cap || quotes_tok_is_det (doc, &t[s - 1]))
             && !quotes_tok_is_cue (doc, &t[s - 1]))
        s--;
      /* "France's finance minister", "Scotland's first minister" */
      if (s == e - 1 && s >= from + 2 && !t[s - 1].punct && !t[s - 1].cap
          && !quotes_tok_is_det (doc, &t[s - 1]) && t[s - 2].cap
          && quotes_tok_is_possessive (doc, &t[s - 2]))
        s -= 2;
      *a = s;
      *b = e;
      return TRUE;
    }
  /* an organisation and a noun for people or a body: "Broadcast magazine
   * said", "UKIP officials argue" */
  if (e - from >= 2 && t[e - 2].cap && !t[e - 2].punct
      && !quotes_tok_is_possessive (doc, &t[e - 2])
      && !quotes_tok_is_adverb (doc, &t[e - 1])
      && (doc->text[t[e - 1].e - 1] == 's'
          || quotes_tok_in_set (doc, &t[e - 1], QUOTES_SET_PEOPLE)
          || quotes_is_title (doc, t[e - 1].s, t[e - 1].e)
          || quotes_tok_in_set (doc, &t[e - 1], QUOTES_SET_BODIES))
      && quotes_cap_run_before (doc, t, from, e - 1, &s)
      && (s == from || t[s - 1].punct)
      && !quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], doc->text,
                         t[s].s, t[s].e)
      && !quotes_tok_is_adverb (doc, &t[s])
      && g_ascii_strncasecmp (doc->text + t[s].e - 2, "ly", 2) != 0)
    {
      *a = s;
      *b = e;
      return TRUE;
    }
  /* a bare plural: officials, analysts, police */
  if (doc->text[t[e - 1].e - 1] == 's'
      || quotes_tok_is (doc, &t[e - 1], "police"))
    {
      guint k = e - 1;
      if (k > from && !t[k - 1].punct && !quotes_tok_is_det (doc, &t[k - 1])
          && !t[k - 1].cap && !quotes_tok_is_cue (doc, &t[k - 1])
          && !quotes_tok_stops_np (doc, &t[k - 1]))
        k--; /* one modifier: "industry analysts" */
      *a = k;
      *b = e;
      return TRUE;
    }
  return FALSE;
}

/* Whether the sentence toks[from..) opens with a person's name (title
 * words allowed: "Tory MP Ana Costa") followed by a comma (or a clause
 * after a comma opens with the name and ", who"), with no reporting verb
 * nor sentence end between it and the comma at toks[k] before the cue
 * ("Ana Costa, editor of a magazine, which did the research, said:").
 * Sets @spk to that person.  Linear: the first fitting start decides. */
static gboolean
quotes_apposed_subject (QuotesDoc *doc, const QuotesHistory *hist,
                        const QuotesTok *t, guint from, guint k,
                        QuotesSpeaker *spk)
{
  for (guint a0 = from; a0 < k; a0++)
    {
      guint a = a0, b;
      /* the sentence's start, or a clause after a comma ("On the
       * question, Tory MP Ana Costa, who ..., told the BBC:") */
      if (a0 > from && t[a0 - 1].punct != ',')
        continue;
      while (a < k
             && (quotes_tok_is (doc, &t[a], "but")
                 || quotes_tok_is (doc, &t[a], "and")))
        a++;
      b = a;
      while (b < k && b - a < 6 && !t[b].punct
             && (t[b].cap || quotes_is_title (doc, t[b].s, t[b].e)))
        b++;
      /* not "On Monday,", "In Washington,", "For Conrac," */
      if (b > a
          && (quotes_tok_stops_np (doc, &t[a]) || quotes_tok_is_det (doc, &t[a])
              || quotes_tok_in_set (doc, &t[a], QUOTES_SET_TIMES)))
        continue;
      if (b == a || b + 1 >= k || t[b].punct != ',' || !t[b - 1].cap
          || quotes_tok_is_possessive (doc, &t[b - 1])
          || (a0 > from && !quotes_tok_is (doc, &t[b + 1], "who")))
        continue;
      for (guint j = b + 1; j < k; j++)
        if (quotes_tok_is_cue (doc, &t[j]) || quotes_tok_ends_sentence (&t[j]))
          return FALSE;
      return quotes_resolve_np (doc, hist, t, a, b, spk)
             && spk->kind == QUOTES_SPK_PERSON
             && strchr (spk->name, ' ') != NULL;
    }
  return FALSE;
}

/* Rule "before": `Carney said: "..."`, `He added, "..."`,
 * `Okafor said the province "firmly rejects"`.  @toks is the window
 * before the quote cut at the last sentence end. */
gboolean
quotes_rule_before (QuotesDoc *doc, const QuotesHistory *hist,
                    const QuotesToks *toks, guint from, QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n, a, b;

  for (guint c = n; c > from; c--)
    {
      const QuotesTok *cue = &t[c - 1];
      if (n - c > 30)
        return FALSE;
      if (!quotes_tok_is_cue (doc, cue)
          || quotes_cue_is_noun (doc, t, from, c - 1))
        continue;
      /* "urged the chancellor to admit": an infinitive, look further back */
      if (c >= from + 2 && quotes_tok_is (doc, &t[c - 2], "to")
          && !(c >= from + 3 && quotes_tok_is (doc, &t[c - 3], "on")))
        {
          /* "Mr Kennedy used a speech to say": the sentence's subject */
          guint k = c - 2;
          /* the clause that holds the verb: after the last comma */
          while (k > from && t[k - 1].punct != ',')
            k--;
          if ((quotes_opening_subject (doc, t, k, c - 2, &a, &b)
               || (k > from
                   && quotes_opening_subject (doc, t, from, c - 2, &a, &b)))
              && quotes_resolve_np (doc, hist, t, a, b, spk)
              && (quotes_tok_is_pronoun (doc, &t[a])
                  || quotes_tok_is_det (doc, &t[a])
                  || (spk->kind == QUOTES_SPK_PERSON
                      && (strchr (spk->name, ' ') || spk->titled))))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
          continue;
        }
      if (quotes_cue_is_passive (doc, t, from, c - 1))
        return FALSE;
      /* "X was quoted (by the paper) as saying", "X is on record as
       * saying": the one quoted */
      /* "Mr X was quoted in the Herald saying": passive "quoted" before
       * a participle, as with "as saying" */
      gboolean quoted_ing = FALSE;
      if (c >= from + 4 && quotes_tok_is_participle (doc, cue))
        for (guint k = c - 1; k > from + 1 && c - k < 9 && !t[k - 1].punct; k--)
          if (quotes_tok_is (doc, &t[k - 1], "quoted"))
            {
              quoted_ing = quotes_tok_is (doc, &t[k - 2], "was")
                           || quotes_tok_is (doc, &t[k - 2], "were")
                           || quotes_tok_is (doc, &t[k - 2], "is")
                           || quotes_tok_is (doc, &t[k - 2], "been");
              break;
            }
      if (c >= from + 3 && (quotes_tok_is (doc, &t[c - 2], "as") || quoted_ing))
        {
          guint k = c - 2, j;
          while (
              k > from && c - k < 9 && !quotes_tok_is (doc, &t[k - 1], "quoted")
              && !quotes_tok_is (doc, &t[k - 1], "record") && !t[k - 1].punct)
            k--;
          if (k == from || t[k - 1].punct)
            return FALSE;
          j = k - 1;
          while (j > from
                 && (quotes_tok_is (doc, &t[j - 1], "on")
                     || quotes_tok_is_adverb (doc, &t[j - 1])))
            j--;
          if (quotes_subject_before (doc, t, from, j, &a, &b)
              && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
          return FALSE;
        }
      /* a participle ("..., calling it", "backed the plan saying") takes
       * the sentence's subject, not the clause or object before it */
      gboolean ing
          = c >= 2 && c - 2 > from && quotes_tok_is_participle (doc, cue);
      gboolean object = FALSE, clause = FALSE;
      /* ", had insisted it would ..., calling": a clause before the comma,
       * not an apposition ("Mr X, apparently talking about it, telling") */
      if (ing && t[c - 2].punct == ',')
        for (guint j = c - 2; j > from && t[j - 1].punct != ','; j--)
          clause |= quotes_tok_is (doc, &t[j - 1], "had")
                    || quotes_tok_is (doc, &t[j - 1], "has")
                    || quotes_tok_is (doc, &t[j - 1], "have")
                    || quotes_tok_is (doc, &t[j - 1], "was")
                    || quotes_tok_is (doc, &t[j - 1], "were")
                    || quotes_tok_is (doc, &t[j - 1], "is")
                    || quotes_tok_is (doc, &t[j - 1], "are")
                    || quotes_tok_is (doc, &t[j - 1], "would")
                    || quotes_tok_is (doc, &t[j - 1], "will")
                    || (!t[j - 1].cap && t[j - 1].e - t[j - 1].s > 3
                        && doc->text[t[j - 1].e - 1] == 'd'
                        && doc->text[t[j - 1].e - 2] == 'e');
      /* the object of a preposition: "will argue against positive
       * discrimination saying" (not "with X saying": X speaks) */
      if (ing && t[c - 2].punct != ',')
        for (guint k = c - 2; k > from && c - 1 - k <= 5 && !t[k].punct
                              && !t[k].cap && !quotes_tok_is_cue (doc, &t[k]);
             k--)
          if (quotes_tok_is (doc, &t[k], "against")
              || quotes_tok_is (doc, &t[k], "for")
              || quotes_tok_is (doc, &t[k], "about")
              || quotes_tok_is (doc, &t[k], "over")
              || quotes_tok_is (doc, &t[k], "on")
              || quotes_tok_is (doc, &t[k], "into"))
            {
              if (quotes_opening_subject (doc, t, from, k, &a, &b)
                  && quotes_resolve_np (doc, hist, t, a, b, spk))
                {
                  spk->cs = cue->s;
                  spk->ce = cue->e;
                  return TRUE;
                }
              break;
            }
      if (!clause && quotes_subject_before (doc, t, from, c - 1, &a, &b))
        {
          /* the object of a past verb: "backed the proposals saying" (a
           * named object speaks: "showed Mr X telling") */
          object = ing && a > from + 1 && !t[a - 1].punct && !t[a - 1].cap
                   && (!t[a].cap || quotes_tok_is_det (doc, &t[a]))
                   && t[a - 1].e - t[a - 1].s > 3
                   && doc->text[t[a - 1].e - 1] == 'd'
                   && doc->text[t[a - 1].e - 2] == 'e';
          if (!object && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              /* "Mr Johnson, MP for Henley-on-Thames, Oxfordshire, said",
               * "Katrina Bull, a prospective candidate said": the subject
               * found is an apposition (no person's full name) after the
               * name that opens the sentence */
              QuotesSpeaker app = *spk;
              if (a > from && t[a - 1].punct == ','
                  && !(spk->kind == QUOTES_SPK_PERSON
                       && strchr (spk->name, ' '))
                  && quotes_apposed_subject (doc, hist, t, from, c - 1, &app))
                *spk = app;
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
        }
      /* "Fastnet also backed the proposals saying": that verb's subject,
       * when it opens the sentence */
      if (object)
        {
          guint k = a - 1;
          gboolean opens = quotes_subject_before (doc, t, from, k, &a, &b);
          /* no verb before the subject (no clause of its own) */
          for (guint j = from; opens && j < a; j++)
            opens = t[j].punct || t[j].cap
                    || !(quotes_tok_is_cue (doc, &t[j])
                         || (t[j].e - t[j].s > 3 && doc->text[t[j].e - 1] == 'd'
                             && doc->text[t[j].e - 2] == 'e'));
          if (opens && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
        }
      /* She rejected the offer, saying no "fixed number" ...: the
       * sentence's subject */
      if (ing && t[c - 2].punct == ',')
        {
          /* A Treasury official rejected the latest claims, saying ...: a
           * nominal subject that opens the sentence, then a past verb */
          a = from;
          while (a < c - 2
                 && (t[a].punct == ',' || quotes_tok_is (doc, &t[a], "but")
                     || quotes_tok_is (doc, &t[a], "and")))
            a++;
          if (a + 2 < c - 2 && quotes_tok_is_det (doc, &t[a]))
            {
              guint v;
              b = a + 1;
              while (b < c - 2 && b - a < 6 && !t[b].punct
                     && !quotes_tok_is_cue (doc, &t[b])
                     && !quotes_tok_is_adverb (doc, &t[b])
                     && !(!t[b].cap && t[b].e - t[b].s > 3
                          && doc->text[t[b].e - 1] == 'd'
                          && doc->text[t[b].e - 2] == 'e'))
                b++;
              /* "has", "also" between the subject and its verb */
              v = b;
              while (v < c - 2 && v - b < 3
                     && quotes_tok_is_adverb (doc, &t[v]))
                v++;
              if (b > a + 1 && v < c - 2 && !t[v].punct && !t[v].cap
                  && (quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE],
                                     doc->text, t[b - 1].s, t[b - 1].e)
                      || quotes_is_title (doc, t[b - 1].s, t[b - 1].e)
                      || doc->text[t[v].e - 1] == 'd')
                  && quotes_resolve_np (doc, hist, t, a, b, spk))
                {
                  spk->cs = cue->s;
                  spk->ce = cue->e;
                  return TRUE;
                }
            }
          /* "As he arrived, Mr Botin greeted the media, saying": the
           * subject that opens the last clause before the participle */
          for (guint k = c - 3; k > from; k--)
            if (t[k - 1].punct == ','
                && quotes_opening_subject (doc, t, k, c - 2, &a, &b)
                && !quotes_tok_is_pronoun (doc, &t[a])
                && (t[a].cap || quotes_tok_is_det (doc, &t[a]))
                && quotes_resolve_np (doc, hist, t, a, b, spk)
                && spk->kind == QUOTES_SPK_PERSON)
              {
                spk->cs = cue->s;
                spk->ce = cue->e;
                return TRUE;
              }
          /* Ana Costa said ..., adding they would "stay united" */
          for (guint k = from; k + 2 < c; k++)
            if (quotes_tok_is_cue (doc, &t[k])
                && !quotes_cue_is_noun (doc, t, from, k)
                && quotes_subject_before (doc, t, from, k, &a, &b)
                && quotes_resolve_np (doc, hist, t, a, b, spk))
              {
                spk->cs = cue->s;
                spk->ce = cue->e;
                return TRUE;
              }
          a = from;
          while (a < c - 2
                 && (t[a].punct == ',' || quotes_tok_is (doc, &t[a], "but")
                     || quotes_tok_is (doc, &t[a], "and")
                     || quotes_tok_is (doc, &t[a], "however")
                     || quotes_tok_is (doc, &t[a], "yet")))
            a++;
          b = a;
          if (a < c - 2 && quotes_tok_is_pronoun (doc, &t[a]))
            b = a + 1;
          else
            while (b < c - 2 && t[b].cap && b - a < 5)
              b++;
          if (b > a && quotes_resolve_np (doc, hist, t, a, b, spk))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
        }
      /* "Rory Neill, editor of the magazine, which did the research, said:
       * "...": a name that opens the sentence, then a comma, and a long
       * apposition that subject_before gives up on */
      if (!ing && c >= from + 4 && t[c - 2].punct == ','
          && quotes_apposed_subject (doc, hist, t, from, c - 2, spk))
        {
          spk->cs = cue->s;
          spk->ce = cue->e;
          return TRUE;
        }
      /* 'Said the Pew report: "...' : a verb opening the sentence, then
       * its subject and a colon */
      if (c == from + 1 && t[c - 1].cap && n - c <= 6 && t[n - 1].punct == ':'
          && quotes_tok_in_set (doc, cue, QUOTES_SET_INVERTED))
        {
          guint subj_end = c;
          while (subj_end < n - 1 && !t[subj_end].punct)
            subj_end++;
          if (subj_end == n - 1 && subj_end > c
              && quotes_resolve_np (doc, hist, t, c, subj_end, spk))
            {
              spk->cs = cue->s;
              spk->ce = cue->e;
              return TRUE;
            }
        }
      /* Said the minister: "..." and "told by X" are rare: stop here */
      return FALSE;
    }
  return FALSE;
}

/* Whether @t reads as a finite verb after a subject: an auxiliary or a
 * modal, or a word in -s or -ed ("sees", "blamed"), not "of" or "user". */
static gboolean
quotes_subject_verb (const QuotesDoc *doc, const QuotesTok *t)
{
  static const char *const aux[]
      = { "is",   "was",   "are",  "were",   "has",   "had",  "have",
          "will", "would", "can",  "could",  "did",   "does", "do",
          "may",  "might", "must", "should", "wants", "also", NULL };
  gsize n = t->e - t->s;

  if (t->punct || t->cap)
    return FALSE;
  for (guint k = 0; aux[k]; k++)
    if (quotes_tok_is (doc, t, aux[k]))
      return TRUE;
  return quotes_tok_is_cue (doc, t)
         || (n > 3 && doc->text[t->e - 1] == 's' && doc->text[t->e - 2] != 's')
         || (n > 3 && doc->text[t->e - 1] == 'd' && doc->text[t->e - 2] == 'e');
}

/* For a partial quote that no other rule attributed and that is kept:
 * the speaker that opens its sentence with a verb after it ("Standard
 * Chartered sees "...""; "he intends to go into the next parliament
 * "...""): a pronoun, a name or a titled person, not a phrase such as
 * "The government's main problems".  Not when the sentence quotes,
 * reports or names someone else's words ("quoted", "called"). */
gboolean
quotes_rule_subject (QuotesDoc *doc, const QuotesHistory *hist,
                     const QuotesToks *toks, guint from, QuotesSpeaker *spk)
{
  static const char *const others[]
      = { "quoted",     "quoting",     "reported",    "called", "dubbed",
          "so-called",  "term",        "headline",    "slogan", "label",
          "describing", "described",   "description", "claim",  "claims",
          "suggestion", "suggestions", "which",       "who",    "where",
          NULL };
  static const char *const passive_ok[]
      = { "alleged", "said", "reported", "understood", "believed", NULL };
  const QuotesTok *t = toks->t;
  guint n = toks->n, a, b;

  if (n < from + 2 || !quotes_opening_subject (doc, t, from, n, &a, &b))
    return FALSE;
  for (guint k = b; k < n; k++)
    for (guint o = 0; others[o]; o++)
      if (quotes_tok_is (doc, &t[k], others[o]))
        return FALSE;
  /* "His message to the chancellor was": no speaker */
  if (quotes_tok_is_det (doc, &t[a])
      && (b - a > 3 || !quotes_tok_is (doc, &t[a], "the")))
    return FALSE;
  if (!quotes_subject_verb (doc, &t[b]))
    return FALSE;
  /* "Barley is described as a "...": a passive names no speaker */
  if (b + 1 < n
      && (quotes_tok_is (doc, &t[b], "is") || quotes_tok_is (doc, &t[b], "was")
          || quotes_tok_is (doc, &t[b], "are")
          || quotes_tok_is (doc, &t[b], "were"))
      && t[b + 1].e - t[b + 1].s > 3 && doc->text[t[b + 1].e - 1] == 'd'
      && doc->text[t[b + 1].e - 2] == 'e')
    {
      gboolean ok = FALSE;
      for (guint o = 0; passive_ok[o]; o++)
        ok |= quotes_tok_is (doc, &t[b + 1], passive_ok[o]);
      if (!ok)
        return FALSE;
    }
  if (!quotes_resolve_np (doc, hist, t, a, b, spk) || spk->name == NULL)
    return FALSE;
  /* "they" is no one person ("Instead, they are sold at "...") */
  if ((quotes_tok_is (doc, &t[a], "they") || quotes_tok_is (doc, &t[a], "we"))
      && spk->kind == QUOTES_SPK_PERSON)
    return FALSE;
  /* one capitalised word ("Every", "Section") only as a known person */
  return quotes_tok_is_pronoun (doc, &t[a]) || spk->kind == QUOTES_SPK_PERSON
         || (t[a].cap && !quotes_tok_is_det (doc, &t[a]) && b - a >= 2);
}

/* For a quote right after a finite reporting verb and a colon or comma
 * whose speaker the other rules missed: the pronoun or person that opens
 * the verb's sentence ("Brent Bozell, PTC president and activist said:",
 * "He added: said") or the name before "who" ("... Secretary Tessa Jowell
 * who said:").  Not after "as saying", "was asked", "quoted X". */
gboolean
quotes_rule_cued_subject (QuotesDoc *doc, const QuotesHistory *hist,
                          const QuotesToks *toks, guint from,
                          QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n, c = n, a, b;
  const QuotesTok *v;

  if (n == 0 || (t[n - 1].punct != ':' && t[n - 1].punct != ','))
    return FALSE;
  while (c > from && n - c < 5 && !quotes_tok_is_cue (doc, &t[c - 1]))
    c--;
  if (c <= from + 1 || !quotes_tok_is_cue (doc, &t[c - 1]))
    return FALSE;
  c--;
  /* a finite verb only: not "as saying", "was asked", "called" */
  v = &t[c];
  if (quotes_tok_is_participle (doc, v) || quotes_tok_is (doc, v, "called")
      || quotes_tok_is (doc, v, "asked")
      || quotes_tok_is (doc, &t[c - 1], "was")
      || quotes_tok_is (doc, &t[c - 1], "were")
      || quotes_tok_is (doc, &t[c - 1], "been"))
    return FALSE;
  if (quotes_tok_is (doc, &t[c - 1], "who") && c >= from + 2 && t[c - 2].cap
      && !quotes_tok_is_possessive (doc, &t[c - 2]))
    {
      a = c - 2;
      while (a > from && a > c - 6 && t[a - 1].cap && !t[a - 1].punct)
        a--;
      if (quotes_resolve_np (doc, hist, t, a, c - 1, spk)
          && spk->kind == QUOTES_SPK_PERSON)
        goto out_found;
    }
  /* a pronoun or a person's full name; no "quoted X", "reported X" */
  for (guint k = from; k < c; k++)
    if (quotes_tok_is (doc, &t[k], "quoted")
        || quotes_tok_is (doc, &t[k], "reported")
        || quotes_tok_is (doc, &t[k], "quote"))
      return FALSE;
  if (quotes_opening_subject (doc, t, from, c, &a, &b)
      && quotes_resolve_np (doc, hist, t, a, b, spk)
      && (quotes_tok_is_pronoun (doc, &t[a])
          || (spk->kind == QUOTES_SPK_PERSON && strchr (spk->name, ' '))))
    goto out_found;
  /* "Brent Bozell, PTC president and activist said:" */
  if (quotes_apposed_subject (doc, hist, t, from, c, spk))
    goto out_found;
  return FALSE;
out_found:
  spk->cs = t[c].s;
  spk->ce = t[c].e;
  return TRUE;
}

/* Rule "before", passive form: `... have been described as "idle talk"
 * by Downing Street` and `was called "a disgrace" by the union` (the
 * agent after the quote), or `was described by Ana Costa as "..."`. */
gboolean
quotes_rule_passive_by (QuotesDoc *doc, const QuotesHistory *hist,
                        const QuotesToks *toks, guint from,
                        const QuotesToks *after, QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n;

  for (guint c = n; c > from; c--)
    {
      const QuotesTok *cue = &t[c - 1];
      const QuotesTok *u;
      guint a, b, m;
      if (n - c > 12)
        return FALSE;
      if (!quotes_tok_is_cue (doc, cue))
        continue;
      if (!quotes_cue_is_passive (doc, t, from, c - 1))
        return FALSE;
      /* described by X as "..." */
      if (c < n && quotes_tok_is (doc, &t[c], "by"))
        {
          u = t;
          a = c + 1;
          m = n;
        }
      else if (after->n >= 2 && quotes_tok_is (doc, &after->t[0], "by"))
        {
          u = after->t;
          a = 1;
          m = after->n;
        }
      else
        return FALSE;
      b = a;
      while (b < m && b - a < 8 && !quotes_tok_stops_np (doc, &u[b])
             && !quotes_tok_is_cue (doc, &u[b]))
        b++;
      if (b == a || quotes_tok_is_pronoun (doc, &u[a]))
        return FALSE;
      /* "was agreed by an adviser "...": the quote need not be his */
      if (u == t && !(b < n && n - b <= 3 && quotes_tok_is (doc, &t[b], "as")))
        return FALSE;
      if (!quotes_resolve_np (doc, hist, u, a, b, spk))
        return FALSE;
      spk->cs = cue->s;
      spk->ce = cue->e;
      return TRUE;
    }
  return FALSE;
}

/* Rule "before", colon form: `- Lyon coach Rui Matos: "..."`: a name
 * right before a colon, with no verb; or a sentence that a person's full
 * name opens and a colon ends ("Drummer Larry Mullen Jr echoed those
 * sentiments:"). */
gboolean
quotes_rule_colon (QuotesDoc *doc, const QuotesHistory *hist,
                   const QuotesToks *toks, guint from, QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n, a;

  if (n < 2 || n - from < 2 || t[n - 1].punct != ':')
    return FALSE;
  if (!t[n - 2].cap)
    {
      /* "Drummer Larry Mullen Jr echoed those sentiments:": a sentence
       * that a person's full name opens (titles allowed), then a verb in
       * lower case, ends with the colon */
      guint b;
      a = from;
      while (a < n - 1
             && (quotes_tok_is (doc, &t[a], "but")
                 || quotes_tok_is (doc, &t[a], "and")))
        a++;
      b = a;
      while (b < n - 1 && b - a < 6 && !t[b].punct
             && (t[b].cap || quotes_is_title (doc, t[b].s, t[b].e)))
        b++;
      if (b - a < 2 || b >= n - 1 || t[b].punct || t[b].cap || !t[b - 1].cap
          || quotes_tok_is_possessive (doc, &t[b - 1]) || n - b > 12)
        return FALSE;
      for (guint k = b; k < n - 1; k++)
        if (t[k].punct && t[k].punct != ',')
          return FALSE;
      return quotes_resolve_np (doc, hist, t, a, b, spk)
             && spk->kind == QUOTES_SPK_PERSON && strchr (spk->name, ' ');
    }
  a = n - 2;
  while (a > from && t[a - 1].cap && n - a < 6)
    a--;
  if (n - 1 - a < 2)
    return FALSE; /* one word: "Note:", "Update:" */
  return quotes_resolve_np (doc, hist, t, a, n - 1, spk);
}

/* Rule "according_to": `according to Carney` in a window. */
gboolean
quotes_rule_according (QuotesDoc *doc, const QuotesHistory *hist,
                       const QuotesToks *toks, guint from, gboolean after,
                       QuotesSpeaker *spk)
{
  const QuotesTok *t = toks->t;
  guint n = toks->n;

  for (guint i = from; i + 2 < n + 1 && i + 1 < n; i++)
    {
      if (!quotes_tok_is (doc, &t[i], "according")
          || !quotes_tok_is (doc, &t[i + 1], "to"))
        continue;
      if (after && i > 1)
        return FALSE; /* "...", according to X: nothing in between */
      guint a = i + 2, b = a;
      while (b < n && b - a < 8 && !quotes_tok_stops_np (doc, &t[b]))
        b++;
      if (b > a && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[i].s;
          spk->ce = t[i + 1].e;
          return TRUE;
        }
    }
  return FALSE;
}

/* The offset just after the last line break in [lo, p), or @lo when there
 * is none: sixteen bytes at a time where there is SSE2, since the window
 * before a quote is mostly one line of a few hundred bytes. */
static gsize
quotes_after_last_newline (const char *text, gsize lo, gsize p)
{
#ifdef __SSE2__
  const __m128i nl = _mm_set1_epi8 ('\n');
  while (p >= lo + 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)(text + p - 16));
      guint bits = (guint)_mm_movemask_epi8 (_mm_cmpeq_epi8 (v, nl));
      if (bits != 0)
        return p - 16 + (gsize)(31 - __builtin_clz (bits)) + 1;
      p -= 16;
    }
#endif
  while (p > lo && text[p - 1] != '\n')
    p--;
  return p;
}

/* The offset where the window before quote @k starts: its paragraph's
 * start, the previous quote's end, or QUOTES_WINDOW bytes back. */
gsize
quotes_window_start (const QuotesDoc *doc, const QuotesQuote *quotes, guint k)
{
  const QuotesQuote *q = &quotes[k];
  gsize lo = q->open_mark > QUOTES_WINDOW ? q->open_mark - QUOTES_WINDOW : 0;
  gsize p;

  if (k > 0 && quotes[k - 1].close_mark_end > lo)
    lo = quotes[k - 1].close_mark_end;
  p = q->open_mark;
  if (!doc->config->blank_line_paragraphs)
    return quotes_after_last_newline (doc->text, lo, p);
  while (p > lo)
    {
      if (doc->text[p - 1] == '\n')
        {
          if (!doc->config->blank_line_paragraphs)
            break;
          gsize r = p - 1;
          while (r > lo && doc->text[r - 1] != '\n'
                 && g_ascii_isspace (doc->text[r - 1]))
            r--;
          if (r == 0 || doc->text[r - 1] == '\n')
            break;
        }
      p--;
    }
  return p;
}

/* The offset where the window after quote @k ends. */
gsize
quotes_window_end (const QuotesDoc *doc, const QuotesQuote *quotes, guint n,
                   guint k)
{
  const QuotesQuote *q = &quotes[k];
  gsize hi = MIN (doc->len, q->close_mark_end + QUOTES_WINDOW);
  gsize p = q->close_mark_end;

  if (k + 1 < n && quotes[k + 1].open_mark < hi)
    hi = quotes[k + 1].open_mark;
  if (p < hi)
    {
      const char *nl = memchr (doc->text + p, '\n', hi - p);
      p = nl != NULL ? (gsize)(nl - doc->text) : hi;
    }
  if (doc->config->blank_line_paragraphs && p < hi)
    {
      /* a single line break only wraps the line */
      gsize r = p + 1;
      while (r < hi && doc->text[r] != '\n' && g_ascii_isspace (doc->text[r]))
        r++;
      if (r < hi && doc->text[r] != '\n')
        {
          while (r < hi && doc->text[r] != '\n')
            r++;
          p = r;
        }
    }
  return p;
}

/* Index of the first token after the last sentence end in @toks. */
guint
quotes_last_sentence_start (const QuotesToks *toks, guint upto)
{
  for (guint k = upto; k > 0; k--)
    if (quotes_tok_ends_sentence (&toks->t[k - 1]))
      return k;
  return 0;
}

/* Whether the quote is a title, a term or a nickname: a trigger word
 * just before it, or a short title-case text with no end punctuation. */
gboolean
quotes_is_term (QuotesDoc *doc, const QuotesQuote *q, const QuotesToks *before,
                guint nwords, guint ncap, guint nsmall)
{
  const QuotesTok *t = before->t;
  guint n = before->n;
  gunichar last = quotes_char_before (doc->text, q->end);
  gboolean punct_end = quotes_class_of (last) == QUOTES_CC_PUNCT;

  if (n >= 1 && !t[n - 1].punct
      && quotes_in_set (doc->config->sets[QUOTES_SET_TERMS], doc->text,
                        t[n - 1].s, t[n - 1].e))
    return TRUE;
  if (n >= 2 && quotes_tok_is (doc, &t[n - 1], "as")
      && (quotes_tok_is (doc, &t[n - 2], "known")
          || quotes_tok_is (doc, &t[n - 2], "billed")))
    return TRUE;
  if (n >= 2 && !t[n - 2].punct && t[n - 1].punct == ','
      && quotes_in_set (doc->config->sets[QUOTES_SET_TERMS], doc->text,
                        t[n - 2].s, t[n - 2].e))
    return TRUE;
  /* with the slogan: "..." */
  if (n >= 2 && t[n - 1].punct == ':'
      && (quotes_tok_is (doc, &t[n - 2], "slogan")
          || quotes_tok_is (doc, &t[n - 2], "motto")
          || quotes_tok_is (doc, &t[n - 2], "headline")
          || quotes_tok_is (doc, &t[n - 2], "banner")
          || quotes_tok_is (doc, &t[n - 2], "titled")
          || quotes_tok_is (doc, &t[n - 2], "entitled")))
    return TRUE;
  /* a short text quoted again: a term ("skyquette") */
  if (nwords <= 2 && !punct_end)
    for (const QuotesQuote *o = q - 1, *first = doc->first_quote;
         o >= first && q - o <= 64; o--)
      if (o->end - o->start == q->end - q->start
          && quotes_headline_lead (doc, o) == 0 /* a headline repeats */
          && memcmp (doc->text + o->start, doc->text + q->start,
                     q->end - q->start)
                 == 0)
        return TRUE;
  /* "Parasite", "The Office": all capitalised, no end punctuation */
  if (n >= 2 && !t[n - 2].punct
      && (quotes_tok_is (doc, &t[n - 1], "called")
          || quotes_tok_is (doc, &t[n - 1], "named"))
      && quotes_in_set (doc->config->sets[QUOTES_SET_TERMS], doc->text,
                        t[n - 2].s, t[n - 2].e))
    return TRUE;
  if (!punct_end && nwords <= 10 && ncap >= 1 && ncap + nsmall == nwords
      && quotes_is_upper_at (doc->text, doc->len, q->start) && n > 0
      && !quotes_tok_ends_sentence (&t[n - 1]) && t[n - 1].punct != ':')
    return TRUE;
  return FALSE;
}

/* Bytes of a word for quotes_count_words: ASCII letters and digits, ' and
 * -, and every byte of a non-ASCII character. */
static const guint8 quotes_count_byte[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 00 */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 10 */
  0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, /* 20 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 30 */
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 40 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 50 */
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 60 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 70 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 80 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 90 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* A0 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* B0 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* C0 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* D0 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* E0 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* F0 */
};

/* The number of runs of quotes_count_byte in [i, end), or @enough when
 * there are more: sixteen bytes at a time where there is SSE2 (a run
 * starts at a word byte whose byte before, inside the range, is none). */
static guint
quotes_count_runs (const guchar *text, gsize i, gsize end, guint enough)
{
  guint w = 0, prev = 0;

#ifdef __SSE2__
  const __m128i bit = _mm_set1_epi8 (0x20), a = _mm_set1_epi8 ('a' - 1),
                z = _mm_set1_epi8 ('z' + 1), d0 = _mm_set1_epi8 ('0' - 1),
                d9 = _mm_set1_epi8 ('9' + 1), ap = _mm_set1_epi8 ('\''),
                hy = _mm_set1_epi8 ('-');
  while (i + 16 <= end && w < enough)
    {
      /* as in quotes_skip_word_bytes: signed compares, bytes >= 0x80
       * negative */
      __m128i v = _mm_loadu_si128 ((const __m128i *)(text + i));
      __m128i lower = _mm_or_si128 (v, bit);
      __m128i in = _mm_or_si128 (
          _mm_or_si128 (
              _mm_and_si128 (_mm_cmpgt_epi8 (lower, a),
                             _mm_cmplt_epi8 (lower, z)),
              _mm_and_si128 (_mm_cmpgt_epi8 (v, d0), _mm_cmplt_epi8 (v, d9))),
          _mm_or_si128 (
              _mm_cmplt_epi8 (v, _mm_setzero_si128 ()),
              _mm_or_si128 (_mm_cmpeq_epi8 (v, ap), _mm_cmpeq_epi8 (v, hy))));
      guint m = (guint)_mm_movemask_epi8 (in);
      w += (guint)__builtin_popcount (m & ~((m << 1) | prev));
      prev = (m >> 15) & 1;
      i += 16;
    }
#endif
  for (; i < end && w < enough; i++)
    {
      guint b = quotes_count_byte[text[i]];
      w += b & ~prev;
      prev = b;
    }
  return MIN (w, enough);
}

/* Counts the words of the quote (runs of quotes_count_byte), how many are
 * capitalised and how many are short lower-case words (of, the).  One
 * table look-up a byte.  The count stops at the first number that every
 * test of the rules reads as "many": they compare it with at most 10 and
 * with min_words and twice min_words, and the counts of capitals and
 * small words matter only up to 10 words; never above 65 (the old cap),
 * so long quotes cost a few words, not all of them. */
void
quotes_count_words (const QuotesDoc *doc, const QuotesQuote *q, guint *nwords,
                    guint *ncap, guint *nsmall)
{
  const guchar *text = (const guchar *)doc->text;
  guint w = 0, c = 0, sm = 0;
  guint enough = MIN (65, MAX (11, 2 * doc->config->min_words));
  gsize i = q->start, end = q->end;

  /* most quotes are long: their word count alone, sixteen bytes at a
   * time; capitals and small words count only for quotes of ten words
   * or fewer (quotes_is_term), read below */
  w = quotes_count_runs (text, i, end, enough);
  if (w > 10)
    {
      *nwords = w;
      *ncap = 0;
      *nsmall = 0;
      return;
    }
  w = 0;
  while (i < end)
    {
      gsize ws;
      while (i < end && !quotes_count_byte[text[i]])
        i++;
      if (i >= end)
        break;
      ws = i;
      while (i < end && quotes_count_byte[text[i]])
        i++;
      w++;
      if (quotes_is_upper_at (doc->text, doc->len, ws))
        c++;
      else if (i - ws <= 3)
        sm++;
      if (w >= enough)
        break;
    }
  *nwords = w;
  *ncap = c;
  *nsmall = sm;
}

/* Notes @spk as the latest speaker. */
void
quotes_history_note (QuotesHistory *hist, const QuotesQuote *q,
                     const QuotesSpeaker *spk)
{
  hist->last = q;
  hist->last_any = spk->name;
  if (spk->kind == QUOTES_SPK_PERSON && spk->name)
    {
      hist->last_person = spk->name;
      hist->last_person_gender = spk->gender;
      if (spk->gender == 1)
        hist->last_male = spk->name;
      else if (spk->gender == 2)
        hist->last_female = spk->name;
    }
}

/* Stores @spk into quote @q. */
void
quotes_set_speaker (QuotesQuote *q, const QuotesSpeaker *spk, QuotesRule rule)
{
  q->speaker = spk->name;
  q->mention_start = spk->ms;
  q->mention_end = spk->me;
  q->cue_start = spk->cs;
  q->cue_end = spk->ce;
  q->rule = rule;
  q->speaker_kind = spk->kind;
}

/* Whether quote @q sits in a headline: the document's first line, which
 * ends without a full stop and is followed by a blank line.  Returns the
 * offset where the lead paragraph starts, or 0 when it is no headline. */
gsize
quotes_headline_lead (const QuotesDoc *doc, const QuotesQuote *q)
{
  gsize p = q->close_mark_end, r;

  if (q->open_mark > 200)
    return 0;
  for (gsize i = 0; i < q->open_mark; i++)
    if (doc->text[i] == '\n')
      return 0;
  while (p < doc->len && p < q->close_mark_end + 200 && doc->text[p] != '\n')
    p++;
  if (p >= doc->len || doc->text[p] != '\n')
    return 0;
  r = p;
  while (r > 0 && g_ascii_isspace (doc->text[r - 1]))
    r--;
  if (r > 0 && doc->text[r - 1] == '.')
    return 0;
  p++;
  while (p < doc->len && (doc->text[p] == ' ' || doc->text[p] == '\t'))
    p++;
  if (p >= doc->len || doc->text[p] != '\n')
    return 0; /* no blank line: not a title */
  while (p < doc->len && g_ascii_isspace (doc->text[p]))
    p++;
  return p < doc->len ? p : 0;
}

/* Whether the quote reads as a clause ('to be lifted', 'must go',
 * 'risks breaking the rule') rather than a term ('grey vote'): it holds
 * a modal, an auxiliary, "to", or a word in -ed or -ing. */
static gboolean
quotes_is_clause (const QuotesDoc *doc, const QuotesQuote *q)
{
  static const char *const aux[]
      = { "to",  "must",   "will", "may", "might", "could", "should", "would",
          "can", "cannot", "is",   "are", "was",   "were",  "be",     "been",
          "has", "have",   "had",  "not", "won't", "can't", "will",   NULL };
  gsize i = q->start;

  while (i < q->end)
    {
      gsize s, e;
      while (i < q->end && !g_ascii_isalpha (doc->text[i]))
        i++;
      s = i;
      while (i < q->end
             && (g_ascii_isalpha (doc->text[i]) || doc->text[i] == '\''))
        i++;
      e = i;
      if (e == s)
        break;
      for (guint k = 0; aux[k]; k++)
        if (quotes_word_is (doc->text, s, e, aux[k]))
          return TRUE;
      if (e - s > 4 && g_ascii_strncasecmp (doc->text + e - 2, "ed", 2) == 0)
        return TRUE;
      if (e - s > 5 && g_ascii_strncasecmp (doc->text + e - 3, "ing", 3) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Rule "headline", echo form: the words of a headline quote come back in
 * the lead paragraph [lead, para_end) ('Bush to get 'tough'' / 'Bush has
 * pledged a "tough" budget').  Inside a quote of the lead, that quote's
 * speaker; in plain text, the subject of the last reporting verb before
 * them in their sentence ('John Snow said a strong dollar ...'). */
static gboolean
quotes_rule_headline_echo (QuotesDoc *doc, const QuotesHistory *hist,
                           const QuotesQuote *q, const QuotesQuote *quotes,
                           guint n, gsize lead, gsize para_end,
                           QuotesSpeaker *spk)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;
  gsize len = q->end - q->start, p, ss;
  const char *text = doc->text;

  /* trailing punctuation inside the marks is no part of the words */
  while (len > 0 && strchr (".,!?;:", text[q->start + len - 1]))
    len--;
  if (len < 3)
    return FALSE;
  for (p = lead; p + len <= para_end; p++)
    if (g_ascii_strncasecmp (text + p, text + q->start, len) == 0
        && (p == lead || !g_ascii_isalnum (text[p - 1]))
        && (p + len >= doc->len || !g_ascii_isalnum (text[p + len])))
      break;
  if (p + len > para_end)
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      const QuotesQuote *o = &quotes[k];
      if (o->open_mark >= p)
        break;
      if (o != q && o->start <= p && p + len <= o->end)
        {
          if (o->speaker == NULL || o->rule == QUOTES_RULE_NONE
              || o->rule == QUOTES_RULE_HEADLINE)
            return FALSE;
          spk->name = o->speaker;
          spk->kind = o->speaker_kind;
          return TRUE;
        }
    }
  /* plain text: a reporting verb earlier in the same sentence */
  ss = p;
  while (ss > lead && !(quotes_is_stop_byte (text[ss - 1]) && text[ss] == ' '))
    ss--;
  quotes_tokenize (doc, ss, p, toks);
  t = toks->t;
  for (guint c = toks->n; c > 0; c--)
    {
      guint a, b;
      if (t[c - 1].punct == '"')
        return FALSE;
      if (!quotes_tok_is_cue (doc, &t[c - 1])
          || quotes_cue_is_passive (doc, t, 0, c - 1))
        continue;
      if (quotes_subject_before (doc, t, 0, c - 1, &a, &b)
          && !quotes_tok_is_pronoun (doc, &t[a])
          && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[c - 1].s;
          spk->ce = t[c - 1].e;
          return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Rule "headline": a clause quoted in a headline is the lead's claim; its
 * speaker is the subject of the first reporting verb of the lead
 * paragraph ("Dick Pound says ..."), else "according to X" there, else
 * the lead paragraph's first attributed quote. */
gboolean
quotes_rule_headline (QuotesDoc *doc, const QuotesHistory *hist,
                      const QuotesQuote *q, const QuotesQuote *quotes, guint n,
                      QuotesSpeaker *spk)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;
  gsize lead = quotes_headline_lead (doc, q), hi, para_end;
  gboolean found = FALSE;

  if (lead == 0)
    return FALSE;
  hi = lead;
  while (hi < doc->len && hi < lead + 400 && doc->text[hi] != '\n')
    hi++;
  para_end = hi;
  if (quotes_rule_headline_echo (doc, hist, q, quotes, n, lead, para_end, spk))
    return TRUE;
  if (!quotes_is_clause (doc, q))
    return FALSE;
  for (guint k = 0; k < n; k++)
    if (quotes[k].open_mark >= lead)
      {
        /* quotes are attributed on their own */
        hi = MIN (hi, quotes[k].open_mark);
        break;
      }
  quotes_tokenize (doc, lead, hi, toks);
  t = toks->t;
  for (guint i = 0; i < toks->n && !found; i++)
    {
      guint a, b;
      /* "The Liberal Democrats are promising to ...", "X is urging" */
      static const char *const speech_ing[]
          = { "promising", "pledging",   "warning",     "urging",    "calling",
              "claiming",  "demanding",  "proposing",   "insisting", "arguing",
              "vowing",    "predicting", "threatening", "planning",  NULL };
      gboolean progressive = FALSE;
      guint e = i;
      if (i > 0 && i + 1 < toks->n
          && (quotes_tok_is (doc, &t[i], "is")
              || quotes_tok_is (doc, &t[i], "are")))
        for (guint w = 0; speech_ing[w] && !progressive; w++)
          progressive = quotes_tok_is (doc, &t[i + 1], speech_ing[w]);
      if (!progressive
          && (!quotes_tok_is_cue (doc, &t[i])
              || quotes_cue_is_passive (doc, t, 0, i)
              || quotes_tok_is (doc, &t[i], "heard")))
        continue;
      /* "Tony Blair has said", "X will say" */
      while (!progressive && e > 1
             && (quotes_tok_is (doc, &t[e - 1], "has")
                 || quotes_tok_is (doc, &t[e - 1], "have")
                 || quotes_tok_is (doc, &t[e - 1], "had")
                 || quotes_tok_is (doc, &t[e - 1], "will")
                 || quotes_tok_is (doc, &t[e - 1], "would")))
        e--;
      if (quotes_subject_before (doc, t, 0, e, &a, &b)
          && !quotes_tok_is_pronoun (doc, &t[a])
          && quotes_resolve_np (doc, hist, t, a, b, spk))
        {
          spk->cs = t[i].s;
          spk->ce = t[i].e;
          found = TRUE;
        }
      else
        break; /* the first cue decides */
    }
  /* "..., according to the Land Registry." */
  if (!found)
    found = quotes_rule_according (doc, hist, toks, 0, FALSE, spk);
  for (guint k = 0; k < n && !found; k++)
    {
      if (quotes[k].open_mark >= para_end)
        break;
      if (quotes[k].open_mark >= lead && quotes[k].speaker
          && quotes[k].rule != QUOTES_RULE_NONE
          && quotes[k].rule <= QUOTES_RULE_ACCORDING)
        {
          spk->name = quotes[k].speaker;
          spk->kind = quotes[k].speaker_kind;
          found = TRUE;
        }
    }
  return found;
}

/* Whether only capitalised words stand between the start of a sentence
 * and the mention at @ms ("Mr Blair went on"; not "linesman Andy Davis"). */
