/* quotes-resolve.c: speaker phrases of the quote engine.
 *
 * Turns the noun phrase a rule found next to a cue ("Carney", "he", "the
 * prime minister", "officials") into a speaker: names resolved to their
 * fullest form, pronouns to their antecedent.
 */
#include "quotes-engine-private.h"

static gboolean
quotes_speaker_fits (const QuotesDoc *doc, const QuotesSpeaker *spk,
                     gint gender)
{
  const char *last;

  if (spk->name == NULL)
    return FALSE;
  if (gender == 0)
    return TRUE;
  if (gender == 4)
    {
      /* "it": a thing or a body ("the report", "the guidance", "the
       * BBC"), neither a person nor a group of people */
      last = quotes_last_word (spk->name);
      if (spk->kind == QUOTES_SPK_PERSON)
        return quotes_is_body_name (doc, last);
      return spk->kind == QUOTES_SPK_NOMINAL
             && !quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], last, 0,
                                strlen (last))
             && !quotes_in_set (doc->config->titles, last, 0, strlen (last))
             && last[strlen (last) - 1] != 's';
    }
  if (gender != 3 && spk->gender && spk->gender != gender)
    return FALSE;
  if (gender != 3 && quotes_name_is_no_person (doc, spk->name))
    return FALSE;
  /* "The Leicester prop ... he said": a name whose run opens with "The"
   * is kept by the names pass as a thing or a body, never a he or she
   * (as quotes_name_is_person says) */
  if (gender != 3 && spk->kind == QUOTES_SPK_PERSON
      && strncmp (spk->name, "The ", 4) == 0)
    return FALSE;
  if (spk->kind == QUOTES_SPK_PERSON)
    return strchr (spk->name, ' ') != NULL || spk->titled
           || (spk->gender && (spk->gender == gender || gender == 3));
  last = quotes_last_word (spk->name);
  /* "the former Wales international" points further back, to a name;
   * "the spokesman" stays an unnamed role */
  if (g_ascii_strncasecmp (spk->name, "the ", 4) == 0)
    return quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS], last, 0,
                          strlen (last));
  if (quotes_in_set (doc->config->titles, last, 0, strlen (last)))
    return TRUE;
  return quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], last, 0,
                        strlen (last));
}

/* Whether the name ending at toks[i] is its sentence's subject with a
 * past verb or "was", "is", "has", "had" after it: two capitalised words or
 * more, and before them only capitalised words, possessives and title or people
 * words back to the sentence start ("Union general secretary Tony Reyes
 * repeated ...").
 * @at_start: toks[0] starts a sentence. */
static gboolean
quotes_is_subject_name (const QuotesDoc *doc, const QuotesTok *t, guint n,
                        guint i, gboolean at_start)
{
  const QuotesTok *v;
  guint k = i;

  if (i == 0 || i + 1 >= n || !t[i - 1].cap || t[i - 1].punct)
    return FALSE;
  v = &t[i + 1];
  /* "Jaime Reyes was quick to ...", "Tom Reyes has backed ...", in an
   * earlier sentence than the window's end ("But Mr Reyes had been
   * "hurt", he added": the one who adds is someone else) */
  if (quotes_tok_is (doc, v, "was") || quotes_tok_is (doc, v, "is")
      || quotes_tok_is (doc, v, "has") || quotes_tok_is (doc, v, "had"))
    {
      guint e = i + 2;
      while (e < n && !quotes_tok_ends_sentence (&t[e]))
        e++;
      if (e >= n)
        return FALSE;
    }
  else if (v->cap || v->punct || v->e - v->s < 5 || doc->text[v->e - 1] != 'd'
           || doc->text[v->e - 2] != 'e')
    return FALSE;
  while (k > 0 && !quotes_tok_ends_sentence (&t[k - 1]) && i - k < 12)
    {
      const QuotesTok *w = &t[k - 1];
      /* "On Monday, defence lawyer Tom Reyes tried ...": a short phrase
       * of time or place opening the sentence, then a comma */
      if (w->punct == ',' && k >= 2)
        {
          guint s0 = k - 1;
          while (s0 > 0 && !quotes_tok_ends_sentence (&t[s0 - 1])
                 && k - 1 - s0 < 4 && !t[s0 - 1].punct)
            s0--;
          if ((s0 == 0 ? at_start : quotes_tok_ends_sentence (&t[s0 - 1]))
              && s0 < k - 1 && t[s0].cap
              && (quotes_tok_stops_np (doc, &t[s0])
                  || quotes_tok_in_set (doc, &t[s0], QUOTES_SET_TIMES)))
            return TRUE;
        }
      if ((w->punct && w->punct != '&') || quotes_tok_is (doc, w, "the"))
        return FALSE;
      if (!w->cap && !w->punct && !quotes_is_title (doc, w->s, w->e)
          && !quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], doc->text,
                             w->s, w->e))
        return FALSE;
      k--;
    }
  return k > 0 ? quotes_tok_ends_sentence (&t[k - 1]) : at_start;
}

/* Whether the name ending at toks[i] stands between commas after a title
 * phrase that opens its sentence: "The Attorney General, Lord Goldsmith,
 * has ...", "The union's leader, Tom Reyes, said".  @at_start: toks[0]
 * starts a sentence. */
static gboolean
quotes_is_apposed_name (const QuotesDoc *doc, const QuotesTok *t, guint n,
                        guint i, gboolean at_start)
{
  guint a = i, k;
  gboolean title = FALSE;

  if (i + 1 >= n || t[i + 1].punct != ',' || !t[i].cap || t[i].punct)
    return FALSE;
  while (a > 0 && i - a < 4 && t[a - 1].cap && !t[a - 1].punct)
    a--;
  if (a < 3 || t[a - 1].punct != ',' || a == i)
    return FALSE;
  k = a - 1;
  while (k > 0 && a - k < 7 && !t[k - 1].punct)
    {
      title |= quotes_is_title (doc, t[k - 1].s, t[k - 1].e)
               || quotes_tok_in_set (doc, &t[k - 1], QUOTES_SET_PEOPLE);
      k--;
    }
  if (!title || !quotes_tok_is (doc, &t[k], "the"))
    return FALSE;
  return k > 0 ? quotes_tok_ends_sentence (&t[k - 1]) : at_start;
}

/* Whether @t is a word for a person of a nation ("American", "Frenchman",
 * "Briton"): "the American said" describes a person named before. */
static gboolean
quotes_is_demonym (const QuotesDoc *doc, const QuotesTok *t)
{
  static const char *const words[] = {
    "american",    "briton",       "scot",        "welshman",   "irishman",
    "englishman",  "frenchman",    "frenchwoman", "spaniard",   "german",
    "italian",     "australian",   "canadian",    "russian",    "swede",
    "dane",        "norwegian",    "dutchman",    "belgian",    "argentine",
    "argentinian", "brazilian",    "kenyan",      "ethiopian",  "jamaican",
    "croat",       "serb",         "czech",       "pole",       "mexican",
    "nigerian",    "portuguese",   "greek",       "austrian",   "finn",
    "romanian",    "ukrainian",    "hungarian",   "israeli",    "egyptian",
    "iranian",     "iraqi",        "indian",      "pakistani",  "chinese",
    "japanese",    "korean",       "swiss",       "belarusian", "moroccan",
    "zimbabwean",  "ghanaian",     "chilean",     "colombian",  "slovak",
    "bulgarian",   "turk",         "kiwi",        "aussie",     "texan",
    "californian", "yorkshireman", "londoner",    "ulsterman",  "cornishman",
    NULL
  };
  for (guint k = 0; words[k]; k++)
    if (quotes_tok_is (doc, t, words[k]))
      return TRUE;
  return FALSE;
}

/* Whether the reporting verb @t takes the listener as its object ("told
 * Radio Nine", "urging Ms Costa"), so that a name after it is no source. */
static gboolean
quotes_cue_has_listener (const QuotesDoc *doc, const QuotesTok *t)
{
  static const char *const verbs[]
      = { "told",     "tell",     "tells",  "telling", "urged",
          "urge",     "urges",    "urging", "asking",  "assured",
          "assuring", "reminded", NULL };
  for (guint k = 0; verbs[k]; k++)
    if (quotes_tok_is (doc, t, verbs[k]))
      return TRUE;
  return FALSE;
}

/* Whether toks[a..b) are capitalised words joined by "and" or "&" only:
 * a place ("Leeds and Otley"), not "civil aviation Praful Patel". */
static gboolean
quotes_all_caps_run (const QuotesDoc *doc, const QuotesTok *toks, guint a,
                     guint b)
{
  if (a >= b || !toks[a].cap)
    return FALSE;
  for (guint k = a; k < b; k++)
    if (!(toks[k].cap && !toks[k].punct) && toks[k].punct != '&'
        && !quotes_tok_is (doc, &toks[k], "and"))
      return FALSE;
  return TRUE;
}

/* When the cue toks[i] sits in a subordinate clause ("Costa said she
 * backed it when Reyes argued for it") or in the clause another cue
 * reports ("Costa denied Reyes said", "Costa said the police had said"),
 * the source of the main clause's cue before it, if it fits @gender,
 * replaces @cand: a later pronoun points to the sentence's main speaker. */
static void
quotes_main_clause_source (QuotesDoc *doc, const QuotesHistory *hist,
                           const QuotesTok *t, guint i, gint gender,
                           QuotesSpeaker *cand)
{
  static const char *const subs[]
      = { "when", "after", "because", "while", "although", "before", NULL };
  gboolean sub = FALSE;
  guint fa, fb;

  if (!quotes_subject_before (doc, t, 0, i, &fa, &fb))
    fa = G_MAXUINT;
  for (guint j = i; j > 0 && !quotes_tok_ends_sentence (&t[j - 1]); j--)
    {
      const QuotesTok *w = &t[j - 1];
      guint a, b;
      QuotesSpeaker main = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
      /* the reported clause starts right after the cue (or its "that") */
      gboolean reported
          = (j == fa || (j + 1 == fa && quotes_tok_is (doc, &t[j], "that")))
            && !quotes_tok_is_participle (doc, &t[i]);
      for (guint k = 0; !sub && subs[k]; k++)
        sub = quotes_tok_is (doc, w, subs[k]);
      if (!(sub || reported) || !quotes_tok_is_cue (doc, w) || w->cap)
        continue;
      if (quotes_subject_before (doc, t, 0, j - 1, &a, &b)
          && !quotes_tok_is_pronoun (doc, &t[a])
          && (a == 0 || quotes_tok_ends_sentence (&t[a - 1]) || t[a - 1].cap
              || quotes_tok_is (doc, &t[a - 1], "but")
              || quotes_tok_is (doc, &t[a - 1], "and"))
          && quotes_resolve_np (doc, hist, t, a, b, &main)
          && quotes_speaker_fits (doc, &main, gender))
        {
          main.cs = w->s;
          main.ce = w->e;
          *cand = main;
        }
      return;
    }
}

/* Whether a name mentioned at @at is near a pronoun at @pos: in the same
 * paragraph, at most one sentence and 600 bytes back. */
static gboolean
quotes_name_near (const QuotesDoc *doc, gsize at, gsize pos)
{
  guint ends = 0;

  if (at > pos || pos - at > 600)
    return FALSE;
  for (gsize k = at; k < pos; k++)
    if (doc->text[k] == '\n'
        || (k + 1 < pos && quotes_is_stop_byte (doc->text[k])
            && doc->text[k + 1] == ' ' && ++ends > 1))
      return FALSE;
  return TRUE;
}

/* Whether the text of quote @q (its first 2,000 bytes) holds a word of
 * the name @name that starts with a capital ("Sean" or "Long" of "Sean
 * Long"), as a whole word or with a possessive. */
static gboolean
quotes_quote_names (const QuotesDoc *doc, const QuotesQuote *q,
                    const char *name)
{
  gsize qs, qe;

  if (q == NULL || name == NULL)
    return FALSE;
  qs = q->start;
  qe = MIN (q->end, q->start + 2000);
  for (const char *w = name; *w;)
    {
      const char *sp = strchr (w, ' ');
      gsize n = sp ? (gsize)(sp - w) : strlen (w);
      if (n >= 3 && g_ascii_isupper (*w))
        for (gsize k = qs; k + n <= qe; k++)
          if (doc->text[k] == *w && memcmp (doc->text + k, w, n) == 0
              && (k == qs || !g_ascii_isalnum (doc->text[k - 1]))
              && (k + n == qe || !g_ascii_isalnum (doc->text[k + n])
                  || (doc->text[k + n] == 's' && doc->text[k + n - 1] == '\'')))
            return TRUE;
      if (!sp)
        break;
      w = sp + 1;
    }
  return FALSE;
}

/* Whether the nominal speaker @name ("a spokeswoman", "the US Embassy
 * spokesman") is one person whose word fits he (@gender 1) or she (2):
 * its last word is a person's role (spokesman, official, director ...),
 * not of the other sex (spokeswoman, chairwoman, actress, mother ...). */
static gboolean
quotes_role_fits (const QuotesDoc *doc, const char *name, gint gender)
{
  static const char *const female[]
      = { "spokeswoman", "chairwoman", "woman",  "actress",       "mother",
          "daughter",    "wife",       "sister", "businesswoman", NULL };
  static const char *const male[]
      = { "spokesman", "chairman", "man",     "actor",       "father",
          "son",       "husband",  "brother", "businessman", NULL };
  const char *last = quotes_last_word (name);
  gsize n = strlen (last);

  if (!quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], last, 0, n)
      && !quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS], last, 0, n))
    return FALSE;
  if (n > 0 && last[n - 1] == 's' && !quotes_word_is (last, 0, n, "boss"))
    return FALSE; /* officials, sources: more than one */
  for (guint k = 0; female[k]; k++)
    if (quotes_word_is (last, 0, n, female[k]))
      return gender == 2;
  for (guint k = 0; male[k]; k++)
    if (quotes_word_is (last, 0, n, male[k]))
      return gender == 1;
  return TRUE;
}

/* Finds the latest source named in [lo, hi) (at most 400 bytes): the
 * subject of a reporting verb ("Costa admitted", "said Ms Costa") or,
 * when @subjects, a name that opens a sentence ("Carney did not ...").
 * Pronoun subjects are skipped.  Sets @spk and returns TRUE if found. */
gboolean
quotes_find_antecedent (QuotesDoc *doc, const QuotesHistory *hist, gsize lo,
                        gsize hi, gint gender, gboolean subjects,
                        QuotesSpeaker *spk)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;
  gsize start = hi > lo + 400 ? hi - 400 : lo;
  gboolean found = FALSE, any_mention = FALSE;
  guint n;

  if (hi <= lo || doc->depth > 0)
    return FALSE;
  if (start > lo)
    while (start < hi && !g_ascii_isspace (doc->text[start]))
      start++;
  doc->depth++;
  quotes_tokenize_to_quote (doc, start, hi, toks);
  t = toks->t;
  n = toks->n;
  for (guint c = n; c > 0 && !found; c--)
    {
      guint i = c - 1, a, b;
      QuotesSpeaker cand = { NULL, QUOTES_SPK_NONE, -1, -1, -1, -1, 0, FALSE };
      /* "Dr Fox was asked if he would ...": the one asked answers */
      if (quotes_tok_is (doc, &t[i], "asked") && i >= 2
          && quotes_cue_is_passive (doc, t, 0, i)
          && (quotes_tok_is (doc, &t[i - 1], "was")
              || quotes_tok_is (doc, &t[i - 1], "were"))
          && quotes_subject_before (doc, t, 0, i - 1, &a, &b)
          && !quotes_tok_is_pronoun (doc, &t[a])
          && quotes_resolve_np (doc, hist, t, a, b, &cand)
          && cand.kind == QUOTES_SPK_PERSON
          && quotes_speaker_fits (doc, &cand, gender))
        {
          cand.cs = t[i].s;
          cand.ce = t[i].e;
          *spk = cand;
          found = TRUE;
          break;
        }
      if (quotes_tok_is_cue (doc, &t[i])
          /* a capital inside a sentence is a title: "They Think It's" */
          && !(t[i].cap && i > 0 && !quotes_tok_ends_sentence (&t[i - 1]))
          && !quotes_cue_is_passive (doc, t, 0, i)
          && !quotes_cue_is_noun (doc, t, 0, i))
        {
          gboolean subj = quotes_subject_before (doc, t, 0, i, &a, &b);
          /* ", says Tim Dams, the editor": inverted after a comma, the
           * name after the verb speaks, not the phrase before the comma
           * (not ", said Mr Lynch's job", ", accused Mr Brown of") */
          if (subj && i > 0 && t[i - 1].punct == ',' && i + 2 < n
              && t[i + 1].cap && t[i + 2].cap && !t[i + 1].punct
              && !quotes_cue_has_listener (doc, &t[i]))
            {
              guint e = i + 1;
              while (e < n && e - i < 6 && t[e].cap && !t[e].punct
                     && !quotes_tok_is_possessive (doc, &t[e]))
                e++;
              if (e == n || t[e].punct == ','
                  || quotes_tok_ends_sentence (&t[e]))
                subj = FALSE;
            }
          if (subj && !quotes_tok_is_pronoun (doc, &t[a])
              && quotes_resolve_np (doc, hist, t, a, b, &cand)
              && quotes_speaker_fits (doc, &cand, gender))
            found = TRUE;
          /* "said Ms Costa", not "told Radio Nine", "urging Ms Costa" */
          else if (i + 1 < n && t[i + 1].cap && (!subj || gender != 4)
                   && !quotes_cue_has_listener (doc, &t[i]))
            {
              b = i + 1;
              while (b < n && b - i < 7
                     && (!quotes_tok_stops_np (doc, &t[b])
                         || quotes_np_body_of (doc, t, b, n))
                     && !quotes_tok_is_cue (doc, &t[b]))
                b++;
              cand.name = NULL;
              found = quotes_resolve_np (doc, hist, t, i + 1, b, &cand)
                      && quotes_speaker_fits (doc, &cand, gender);
            }
          if (found)
            {
              cand.cs = t[i].s;
              cand.ce = t[i].e;
              quotes_main_clause_source (doc, hist, t, i, gender, &cand);
            }
        }
      else if (subjects && t[i].cap
               && ((i == 0 ? start == lo : quotes_tok_ends_sentence (&t[i - 1]))
                   || any_mention
                   || (i + 2 < n && t[i + 1].punct == ','
                       && quotes_tok_is (doc, &t[i + 2], "who"))
                   /* "Union general secretary Tony Reyes repeated his
                    * view": a name that is its sentence's subject */
                   || quotes_is_subject_name (doc, t, n, i, start == lo)
                   /* "The Attorney General, Lord Goldsmith, has ..." */
                   || quotes_is_apposed_name (doc, t, n, i, start == lo))
               && !quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES],
                                  doc->text, t[i].s,
                                  quotes_tok_base_end (doc, &t[i])))
        {
          /* a name that opens a sentence, "Costa, who ...", or any name
           * before "The 23-year-old ..." */
          /* a name never runs over a line break (a headline above) */
          while (i > 0 && t[i - 1].cap && c - i < 5
                 && !quotes_tok_is_possessive (doc, &t[i - 1])
                 && !memchr (doc->text + t[i - 1].e, '\n', t[i].s - t[i - 1].e))
            i--;
          b = i + 1;
          while (b < n && b - i < 5 && t[b].cap
                 && !quotes_tok_is_possessive (doc, &t[b - 1])
                 && !memchr (doc->text + t[b - 1].e, '\n', t[b].s - t[b - 1].e))
            b++;
          found = !quotes_tok_is_possessive (doc, &t[b - 1])
                  && quotes_resolve_np (doc, hist, t, i, b, &cand)
                  && quotes_speaker_fits (doc, &cand, gender);
        }
      if (found)
        *spk = cand;
      /* "The young 23-year-old is ...": the person named before */
      if (subjects && !found && !t[i].punct && t[i].e - t[i].s > 9
          && g_ascii_strncasecmp (doc->text + t[i].e - 9, "-year-old", 9) == 0
          && i >= 1 && i <= 3)
        {
          guint k = i;
          while (k > 0 && !quotes_tok_ends_sentence (&t[k - 1]))
            k--;
          if (quotes_tok_is (doc, &t[k], "the"))
            any_mention = TRUE;
        }
    }
  doc->depth--;
  return found;
}

/* When the last quote was attributed to the source of a clause that
 * another person's cue reports ("Howard denied Yeo said the plans
 * "stink""), sets @main to that person (fitting @gender): a pronoun after
 * the quote points to the sentence's main source. */
static gboolean
quotes_main_source_of_last (QuotesDoc *doc, const QuotesHistory *hist,
                            gint gender, QuotesSpeaker *main)
{
  const QuotesQuote *q = hist->last;
  QuotesToks toks_buf, *toks = &toks_buf;
  gsize lo;

  if (q == NULL || q->rule != QUOTES_RULE_BEFORE || q->mention_start < 0
      || q->cue_start < q->mention_end || q->speaker == NULL
      || q->speaker != hist->last_person)
    return FALSE;
  lo = (gsize)q->mention_start;
  while (lo > 0 && (gsize)q->mention_start - lo < 300
         && doc->text[lo - 1] != '\n'
         && !(lo > 1 && doc->text[lo - 1] == ' '
              && quotes_is_stop_byte (doc->text[lo - 2])))
    lo--;
  quotes_tokenize (doc, lo, (gsize)q->cue_end, toks);
  if (toks->n == 0 || toks->t[toks->n - 1].s != (gsize)q->cue_start)
    return FALSE;
  *main = (QuotesSpeaker){ q->speaker, QUOTES_SPK_PERSON, -1, -1, -1, -1, 0,
                           FALSE };
  quotes_main_clause_source (doc, hist, toks->t, toks->n - 1, gender, main);
  return main->kind == QUOTES_SPK_PERSON
         && g_strcmp0 (main->name, q->speaker) != 0;
}

/* Whether the name mentioned at @at is followed by an apposition that
 * tells a person: "Eva Lind, the woman who shouted", "Tom Hale, a
 * spokesman for". */
static gboolean
quotes_name_apposed_person (const QuotesDoc *doc, gsize at)
{
  gsize k = at, end = MIN (doc->len, at + 160);
  guint words = 0;

  while (k < end
         && (g_ascii_isalnum (doc->text[k]) || doc->text[k] == ' '
             || doc->text[k] == '-' || doc->text[k] == '.'))
    {
      if (doc->text[k] == ' ' && k + 1 < end
          && !g_ascii_isupper (doc->text[k + 1]))
        return FALSE;
      k++;
    }
  if (k + 2 >= end || doc->text[k] != ',' || doc->text[k + 1] != ' ')
    return FALSE;
  k += 2;
  if (strncmp (doc->text + k, "the ", 4) != 0
      && strncmp (doc->text + k, "a ", 2) != 0
      && strncmp (doc->text + k, "an ", 3) != 0)
    return FALSE;
  while (k < end && words < 5)
    {
      gsize s;
      while (k < end && doc->text[k] == ' ')
        k++;
      s = k;
      while (k < end && (g_ascii_isalpha (doc->text[k]) || doc->text[k] == '-'))
        k++;
      if (k == s)
        return FALSE;
      if (quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], doc->text, s, k)
          || quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS], doc->text,
                            s, k)
          || quotes_is_title (doc, s, k))
        return TRUE;
      words++;
    }
  return FALSE;
}

/* For a he/she (@gender) at @pos with no antecedent: whether the story's
 * main person @main should speak rather than @nm, the name mentioned last
 * (at @at, or NULL).  Yes when there is none; when it is far and not
 * known as a person or named less often; and when it is near but nothing
 * shows it is a person ("good displays against Aston Villa ... he said")
 * while @main is one by title, office or a first name that is no common
 * word. */
static gboolean
quotes_main_person_wins (QuotesDoc *doc, QuotesName *main, const QuotesName *nm,
                         gsize at, gsize pos, gint gender)
{
  gboolean person;

  if (nm == NULL)
    return TRUE;
  person = quotes_name_is_person (doc, nm, gender);
  if (!quotes_name_near (doc, at, pos) && (!person || main->count >= nm->count))
    return TRUE;
  if (person || nm->office || quotes_name_apposed_person (doc, at))
    return FALSE;
  return main->gender == gender || main->office
         || (main->nwords >= 2 && !quotes_name_first_is_word (doc, main));
}

/* Sets @spk to the person @name (@gender) mentioned at [@ms, @me);
 * returns TRUE, for the rules that end there. */
static gboolean
quotes_set_person (QuotesSpeaker *spk, const char *name, gint gender, gssize ms,
                   gssize me)
{
  spk->name = name;
  spk->kind = QUOTES_SPK_PERSON;
  spk->gender = gender;
  spk->ms = ms;
  spk->me = me;
  return TRUE;
}

/* A role phrase at [@ms, @me) that refers back ("the American", "the
 * 29-year-old", "the agent"): sets @spk to the speaker named since the
 * previous quote and before @before, a person only when @person_only;
 * FALSE when there is none. */
static gboolean
quotes_role_antecedent (QuotesDoc *doc, const QuotesHistory *hist, gsize before,
                        gboolean person_only, gssize ms, gssize me,
                        QuotesSpeaker *spk)
{
  QuotesSpeaker ante;

  if (!quotes_find_antecedent (doc, hist, doc->ante_lo,
                               MIN (before, doc->cur_open), 3, TRUE, &ante)
      || (person_only && ante.kind != QUOTES_SPK_PERSON))
    return FALSE;
  return quotes_set_person (spk, ante.name, ante.gender, ms, me);
}

/* A group named as a plural proper noun in the sentence before @pos
 * ("... opposed by the Liberal Democrats."): "they" may point to it even
 * though it is no subject.  Returns its last such mention at or after
 * @after, as [*gs, *ge), or FALSE. */
static gboolean
quotes_group_before (QuotesDoc *doc, gsize after, gsize pos, gsize *gs,
                     gsize *ge)
{
  QuotesToks toks_buf, *toks = &toks_buf;
  const QuotesTok *t;
  gsize start = pos > after + 300 ? pos - 300 : after;
  guint n, i, k0;

  if (pos <= after)
    return FALSE;
  while (start < pos && start > after && !g_ascii_isspace (doc->text[start]))
    start++;
  quotes_tokenize (doc, start, pos, toks);
  t = toks->t;
  n = toks->n;
  if (n < 3 || !quotes_tok_ends_sentence (&t[n - 1]))
    return FALSE; /* "they" must open the next sentence */
  k0 = quotes_last_sentence_start (toks, n - 1);
  for (i = n - 1; i > k0; i--)
    {
      const QuotesTok *w = &t[i - 1];
      guint a = i - 1;
      if (w->punct || w->e - w->s < 4 || doc->text[w->e - 1] != 's'
          || quotes_tok_is_possessive (doc, w))
        continue;
      if (!w->cap)
        {
          /* "the unions", "the workers": a plural group of people */
          static const char *const groups[]
              = { "unions",     "ministers", "campaigners", "critics",
                  "protesters", "opponents", "firms",       "companies",
                  "banks",      "parties",   "governments", "officials",
                  NULL };
          gboolean group = quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE],
                                          doc->text, w->s, w->e - 1);
          for (guint g = 0; !group && groups[g]; g++)
            group = quotes_word_is (doc->text, w->s, w->e, groups[g]);
          if (group && a > k0 && quotes_tok_is (doc, &t[a - 1], "the"))
            {
              *gs = t[a - 1].s;
              *ge = w->e;
              return TRUE;
            }
          continue;
        }
      while (a > k0 && t[a - 1].cap && !t[a - 1].punct && i - a < 4)
        a--;
      if (a > k0 && quotes_tok_is (doc, &t[a - 1], "the")
          && !quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], doc->text,
                             t[a].s, t[a].e))
        {
          *gs = t[a - 1].s;
          *ge = w->e;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether toks[i] is "of" or "for" inside a body's name: a capitalised
 * body word before it, a capitalised word after it ("Bank of England",
 * "Office for National Statistics"); @n bounds the tokens. */
gboolean
quotes_np_body_of (const QuotesDoc *doc, const QuotesTok *toks, guint i,
                   guint n)
{
  return i > 0 && i + 1 < n
         && (quotes_tok_is (doc, &toks[i], "of")
             || quotes_tok_is (doc, &toks[i], "for"))
         && toks[i - 1].cap && quotes_tok_is_body (doc, &toks[i - 1])
         && toks[i + 1].cap && !toks[i + 1].punct;
}

/* Words that tell one office from another of the same head: "attorney
 * general" and "solicitor general", "home secretary" and "foreign
 * secretary". */
static const char *const quotes_office_modifiers[]
    = { "attorney", "solicitor",   "foreign", "home",      "finance",
        "defence",  "defense",     "health",  "trade",     "economy",
        "treasury", "interior",    "justice", "education", "transport",
        "culture",  "environment", "energy",  "labour",    "agriculture",
        NULL };

/* Whether the title phrase @title ("solicitor general") names another
 * office than a phrase whose word before the head @head is @mod
 * ("attorney general"): both words before the head tell offices apart
 * (quotes_office_modifiers) and differ. */
static gboolean
quotes_title_differs (const QuotesDoc *doc, const char *title,
                      const QuotesTok *mod, const QuotesTok *head)
{
  gsize tl, hl = head->e - head->s, we, ws;
  gboolean known = FALSE, mine = FALSE;

  if (title == NULL)
    return FALSE;
  tl = strlen (title);
  if (tl < hl + 2 || title[tl - hl - 1] != ' ')
    return FALSE;
  we = tl - hl - 1;
  ws = we;
  while (ws > 0 && title[ws - 1] != ' ')
    ws--;
  if (ws == we
      || (we - ws == mod->e - mod->s
          && g_ascii_strncasecmp (title + ws, doc->text + mod->s, we - ws)
                 == 0))
    return FALSE;
  for (guint k = 0; quotes_office_modifiers[k]; k++)
    {
      known |= quotes_word_is (title, ws, we, quotes_office_modifiers[k]);
      mine |= quotes_tok_is (doc, mod, quotes_office_modifiers[k]);
    }
  return known && mine;
}

/* Resolves the subject noun phrase toks[a..b) into @spk. */
gboolean
quotes_resolve_np (QuotesDoc *doc, const QuotesHistory *hist,
                   const QuotesTok *toks, guint a, guint b, QuotesSpeaker *spk)
{
  const char *text = doc->text;
  guint ra, rb, na;

  /* drop leading conjunctions and trailing commas */
  while (a < b
         && (quotes_tok_is (doc, &toks[a], "and")
             || quotes_tok_is (doc, &toks[a], "but") || toks[a].punct))
    a++;
  while (b > a && toks[b - 1].punct)
    b--;
  /* Ana Costa QC, Rui Matos MP; "said Williams afterwards" */
  while (b > a + 1
         && (quotes_tok_is_postnominal (doc, &toks[b - 1])
             || (!toks[b - 1].cap && quotes_tok_is_adverb (doc, &toks[b - 1]))))
    b--;
  if (a >= b || b - a > 9)
    return FALSE;

  /* object pronouns come from "the radio quoted him as saying" */
  if (b - a == 1
      && (quotes_tok_is_pronoun (doc, &toks[a])
          || quotes_tok_is (doc, &toks[a], "him")
          || quotes_tok_is (doc, &toks[a], "her")
          || quotes_tok_is (doc, &toks[a], "them")))
    {
      const QuotesTok *t = &toks[a];
      gboolean he
          = quotes_tok_is (doc, t, "he") || quotes_tok_is (doc, t, "him");
      gboolean she
          = quotes_tok_is (doc, t, "she") || quotes_tok_is (doc, t, "her");
      spk->ms = t->s;
      spk->me = t->e;
      if (he || she)
        {
          gint g = he ? 1 : 2;
          const char *name = g == 1 ? hist->last_male : hist->last_female;
          QuotesSpeaker ante;
          QuotesName *nm;
          gboolean have = quotes_find_antecedent (doc, hist, doc->ante_lo,
                                                  MIN (t->s, doc->cur_open), g,
                                                  TRUE, &ante);
          /* "Sean Long has doubts. "I think Sean's situation is ...," he
           * said": nobody speaks of himself by name, so the one before */
          for (guint tries = 0;
               have && tries < 2 && ante.kind == QUOTES_SPK_PERSON
               && ante.ms > (gssize)doc->ante_lo
               && quotes_quote_names (doc, doc->cur_quote, ante.name);
               tries++)
            have = quotes_find_antecedent (doc, hist, doc->ante_lo,
                                           (gsize)ante.ms, g, TRUE, &ante);
          if (have)
            {
              const char *head = quotes_last_word (ante.name);
              /* "Ana Costa has said ... The former minister told radio
               * ... she said": an office with no holder named describes
               * the person named just before it */
              gsize ss = ante.ms > 0 ? (gsize)ante.ms : 0;
              while (ss > 0 && (gsize)ante.ms - ss < 100
                     && doc->text[ss - 1] != '\n'
                     && !(ss > 1 && doc->text[ss - 1] == ' '
                          && quotes_is_stop_byte (doc->text[ss - 2])))
                ss--;
              if (ante.kind == QUOTES_SPK_NOMINAL && ss > 0
                  && strncmp (doc->text + ss, "The ", 4) == 0
                  && quotes_in_set (doc->config->titles, head, 0, strlen (head))
                  && !quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS],
                                     head, 0, strlen (head)))
                {
                  nm = quotes_names_last_before (doc, ss, g);
                  if (nm && !nm->office)
                    {
                      spk->name = nm->full;
                      spk->kind = QUOTES_SPK_PERSON;
                      spk->gender = g;
                      return TRUE;
                    }
                }
              spk->name = ante.name;
              spk->kind = ante.kind;
              spk->gender = g;
              return TRUE;
            }
          /* the quote just before was a role's ("A US Embassy spokesman
           * said: ... \"...\" he added"): that role, not an earlier person */
          if (hist->last && hist->last_any
              && hist->last->speaker_kind == QUOTES_SPK_NOMINAL
              && hist->last_any != hist->last_person
              && quotes_role_fits (doc, hist->last_any, g))
            {
              spk->name = hist->last_any;
              spk->kind = QUOTES_SPK_NOMINAL;
              spk->gender = g;
              return TRUE;
            }
          if (hist->last_person
              && (hist->last_person_gender == 0
                  || hist->last_person_gender == g))
            name = hist->last_person;
          /* "Howard denied Yeo said the plans "stink". He also said":
           * the main clause's source of the last quote's sentence */
          if (name != NULL && quotes_main_source_of_last (doc, hist, g, &ante))
            name = ante.name;
          if (name == NULL)
            {
              /* no antecedent and no speaker yet: the story's main person
               * rather than whoever was named last ("his rift with Gordon
               * Brown ... he said" in a story about Tony Blair) */
              QuotesName *main = quotes_main_person (doc, t->s, g);
              gsize at = 0;
              nm = quotes_names_last_before_at (doc, t->s, g, &at);
              if (main && quotes_main_person_wins (doc, main, nm, at, t->s, g))
                nm = main;
              name = nm ? nm->full : NULL;
            }
          spk->name = name;
          spk->kind = QUOTES_SPK_PERSON;
          spk->gender = g;
          return name != NULL;
        }
      if (quotes_tok_is (doc, t, "it"))
        {
          /* the last thing or body that said something */
          QuotesSpeaker ante;
          gsize hi = MIN (t->s, doc->cur_open);
          /* over earlier quotes too: their speakers are seldom things */
          if (!quotes_find_antecedent (doc, hist, hi > 400 ? hi - 400 : 0, hi,
                                       4, FALSE, &ante))
            return FALSE;
          spk->name = ante.name;
          spk->kind = ante.kind;
          return TRUE;
        }
      gboolean they
          = quotes_tok_is (doc, t, "they") || quotes_tok_is (doc, t, "them");
      if (they || quotes_tok_is (doc, t, "we"))
        {
          QuotesSpeaker ante;
          gboolean have = quotes_find_antecedent (doc, hist, doc->ante_lo,
                                                  MIN (t->s, doc->cur_open), 0,
                                                  FALSE, &ante);
          gsize gs, ge;
          if (they
              && quotes_group_before (
                  doc, have && ante.me >= 0 ? (gsize)ante.me : doc->ante_lo,
                  MIN (t->s, doc->cur_open), &gs, &ge))
            {
              spk->name = g_string_chunk_insert_len (doc->result->strings,
                                                     doc->text + gs, ge - gs);
              spk->kind = QUOTES_SPK_NOMINAL;
              return TRUE;
            }
          if (have)
            {
              spk->name = ante.name;
              spk->kind = ante.kind;
              return TRUE;
            }
          spk->name = hist->last_any;
          spk->kind = QUOTES_SPK_NOMINAL;
          return spk->name != NULL;
        }
      return FALSE;
    }

  /* "The MP for Leeds and Otley": a title with its complement is read
   * as "the Tory leader" below ("of" makes an office: "the Bishop of
   * Durham") */
  if (quotes_tok_is (doc, &toks[a], "the") && b - a >= 4)
    for (guint k = a + 2; k + 1 < b && k <= a + 3; k++)
      if (quotes_tok_is (doc, &toks[k], "for")
          && quotes_is_title (doc, toks[k - 1].s, toks[k - 1].e)
          && quotes_all_caps_run (doc, toks, k + 1, b)
          && (k == a + 2
              || !quotes_is_title (doc, toks[a + 1].s, toks[a + 1].e))
          && !quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS], text,
                             toks[k - 1].s, toks[k - 1].e))
        {
          QuotesName *nm;
          if (quotes_role_antecedent (doc, hist, toks[a].s, TRUE, toks[a].s,
                                      toks[b - 1].e, spk))
            return TRUE;
          if ((nm = quotes_person_named_before (doc, toks[a].s, 300)) == NULL)
            break;
          return quotes_set_person (spk, nm->full, nm->gender, toks[a].s,
                                    toks[b - 1].e);
        }

  /* "said the American", "the Frenchman told": the person named since the
   * previous quote */
  if (b - a == 2 && quotes_tok_is (doc, &toks[a], "the") && toks[b - 1].cap
      && quotes_is_demonym (doc, &toks[b - 1])
      && quotes_role_antecedent (doc, hist, toks[a].s, TRUE, toks[a].s,
                                 toks[b - 1].e, spk))
    return TRUE;

  /* a name: the capitalised run that ends the phrase */
  if (toks[b - 1].cap || quotes_tok_is_possessive (doc, &toks[b - 1]))
    {
      if (quotes_tok_is_possessive (doc, &toks[b - 1]))
        return FALSE; /* "Carney's spokesman" ends lower-case, not here */
      rb = b;
      ra = b - 1;
      while (ra > a
             && (toks[ra - 1].cap
                 || (quotes_tok_is_connector (doc, &toks[ra - 1]) && ra - 1 > a
                     && toks[ra - 2].cap))
             && !quotes_tok_is_possessive (doc, &toks[ra - 1]))
        ra--;
      /* a body keeps all its words: "the Bank of England", "the Office
       * for National Statistics", "the Finance and Economy Ministry",
       * "the Home Office" (no title stripped) */
      gboolean body = quotes_tok_is_body (doc, &toks[rb - 1]);
      /* "The Bank of England said": a subject search that stopped at "of"
       * gave "England"; the body before it belongs to the name */
      guint lo = a;
      /* a person's name is no body's complement: "... Chairman Beryl
       * Sprinkel" (a singular title), a run over a line break ("Bank of
       * Tokyo Ltd.\n\nHonda said") */
      gboolean person = FALSE;
      for (guint k = ra; k < rb; k++)
        person |= memchr (text + toks[k].s, '\n', toks[rb - 1].s - toks[k].s)
                      != NULL
                  || (!body && quotes_is_title (doc, toks[k].s, toks[k].e)
                      && text[toks[k].e - 1] != 's');
      if (ra == a && a >= 2 && quotes_np_body_of (doc, toks, a - 1, b))
        lo = 0;
      while (
          !person && ra >= lo + 2 && rb - ra <= 3 && toks[ra - 2].cap
          && !memchr (text + toks[ra - 2].s, '\n', toks[ra].s - toks[ra - 2].s)
          && (((quotes_tok_is (doc, &toks[ra - 1], "of")
                || quotes_tok_is (doc, &toks[ra - 1], "for"))
               && quotes_tok_is_body (doc, &toks[ra - 2]))
              || (body && quotes_tok_is (doc, &toks[ra - 1], "and"))))
        {
          body = TRUE;
          ra -= 2;
          while (ra > lo && toks[ra - 1].cap
                 && !quotes_tok_is_possessive (doc, &toks[ra - 1]))
            ra--;
        }
      /* "The Home Office" opening a sentence: as "the Home Office" */
      if (body && ra + 2 < rb && quotes_tok_is_det (doc, &toks[ra]))
        ra++;
      na = ra;
      for (guint k = ra; k < rb; k++)
        if (quotes_is_title (doc, toks[k].s, toks[k].e))
          na = k + 1;
      if (body && rb - ra >= 2 && na < rb)
        {
          spk->ms = toks[ra].s;
          spk->me = toks[rb - 1].e;
          spk->kind = QUOTES_SPK_PERSON;
          spk->name = g_string_chunk_insert_len (doc->result->strings,
                                                 text + toks[ra].s,
                                                 toks[rb - 1].e - toks[ra].s);
          return TRUE;
        }
      spk->ms = toks[na < rb ? na : ra].s;
      spk->me = toks[rb - 1].e;
      spk->kind = QUOTES_SPK_PERSON;
      if (na >= rb)
        {
          /* titles only: "the Prime Minister" */
          QuotesName *nm
              = quotes_titles_lookup (doc, toks[ra].s, toks[rb - 1].e);
          if (nm == NULL)
            nm = quotes_titles_lookup (doc, toks[rb - 1].s, toks[rb - 1].e);
          if (nm == NULL
              && ((rb - ra >= 2 && quotes_tok_is (doc, &toks[ra], "the"))
                  || (ra > a && quotes_tok_is (doc, &toks[ra - 1], "the"))))
            nm = quotes_title_holder_once (
                doc,
                toks[quotes_tok_is (doc, &toks[ra], "the") ? ra + 1 : ra].s,
                toks[rb - 1].s, toks[rb - 1].e);
          spk->name = nm ? nm->full
                         : g_string_chunk_insert_len (
                             doc->result->strings, text + toks[a].s,
                             toks[b - 1].e - toks[a].s);
          spk->kind = nm ? QUOTES_SPK_PERSON : QUOTES_SPK_NOMINAL;
          spk->ms = toks[ra].s;
          return TRUE;
        }
      QuotesName *nm
          = quotes_names_lookup (doc, toks[rb - 1].s, toks[rb - 1].e);
      /* "Sir John", "Dame Judi": a first name after the title */
      if ((nm == NULL || nm->nwords < 2) && rb - na == 1 && na > ra
          && (quotes_tok_is (doc, &toks[na - 1], "sir")
              || quotes_tok_is (doc, &toks[na - 1], "dame")))
        {
          QuotesName *first
              = quotes_names_by_first (doc, toks[na].s, toks[na].e);
          if (first)
            nm = first;
        }
      /* a first name other than the fullest form's is another person of
       * that surname ("Jason Robinson", not "Andy Robinson") */
      gboolean namesake = FALSE;
      const QuotesTok *fwt = rb - na >= 2 ? &toks[rb - 2] : NULL;
      if (nm && nm->nwords >= 2 && fwt && fwt->cap && fwt->e - fwt->s >= 3
          && !memchr (text + fwt->s, '-', fwt->e - fwt->s)
          && !(text[fwt->e - 1] == 'd' && text[fwt->e - 2] == 'e')
          && !quotes_is_title (doc, fwt->s, fwt->e)
          && !quotes_tok_is_det (doc, fwt) && !quotes_tok_is_cue (doc, fwt)
          && !quotes_tok_stops_np (doc, fwt) && !quotes_tok_is_adverb (doc, fwt)
          && !quotes_tok_is (doc, fwt, "baroness")
          && !quotes_tok_is (doc, fwt, "baron")
          && !quotes_tok_is (doc, fwt, "supt")
          && !quotes_tok_is (doc, fwt, "insp")
          && !(rb - 2 == 0
               || quotes_tok_ends_sentence (&toks[rb - 3])
               /* "speaking in Thailand Hingis admitted": a place */
               || quotes_tok_is (doc, &toks[rb - 3], "in")
               || quotes_tok_is (doc, &toks[rb - 3], "at")
               || quotes_tok_is (doc, &toks[rb - 3], "from")
               || quotes_tok_is (doc, &toks[rb - 3], "near")))
        {
          const char *last = quotes_last_word (nm->full);
          const char *fw = last - 1;
          while (fw > nm->full && fw[-1] != ' ')
            fw--;
          namesake
              = last - 1 > fw
                && !quotes_word_is (text, toks[rb - 2].s, toks[rb - 2].e, "")
                && !((gsize)(last - 1 - fw) == toks[rb - 2].e - toks[rb - 2].s
                     && memcmp (fw, text + toks[rb - 2].s,
                                toks[rb - 2].e - toks[rb - 2].s)
                            == 0);
        }
      if (nm && !namesake && (nm->nwords >= rb - na || nm->nwords >= 2))
        {
          spk->name = nm->full;
          spk->gender = nm->gender;
        }
      else if (namesake)
        spk->name = g_string_chunk_insert_len (
            doc->result->strings, text + toks[rb - 2].s,
            quotes_tok_base_end (doc, &toks[rb - 1]) - toks[rb - 2].s);
      else
        spk->name = g_string_chunk_insert_len (doc->result->strings,
                                               text + toks[na].s,
                                               toks[rb - 1].e - toks[na].s);
      if (rb - na == 1
          && quotes_in_set (doc->config->sets[QUOTES_SET_NOT_NAMES], text,
                            toks[na].s, toks[na].e))
        return FALSE;
      for (guint k = ra; k < na; k++)
        if (!spk->gender)
          spk->gender = quotes_title_gender (doc, toks[k].s, toks[k].e);
      /* "Dr Rao", "Midfielder Edu" name a person; "Foreign Office",
       * "Home Office" do not ("foreign" is a title word only before an
       * office) */
      spk->titled = (na > ra && quotes_is_personal_title (doc, &toks[na - 1]))
                    || (nm && nm->opened && nm->nwords == 1);
      /* one capitalised word never seen with a first name nor a title
       * ("Ministers", "Microsoft") is no person for he and she */
      if (strchr (spk->name, ' ') == NULL && spk->gender == 0 && !spk->titled)
        spk->kind = QUOTES_SPK_NOMINAL;
      return TRUE;
    }

  /* a nominal phrase: "the prime minister", "a spokesman", "officials" */
  {
    const QuotesTok *head = &toks[b - 1];
    gboolean indefinite = quotes_tok_is (doc, &toks[a], "a")
                          || quotes_tok_is (doc, &toks[a], "an")
                          || quotes_tok_is (doc, &toks[a], "one")
                          || quotes_tok_is (doc, &toks[a], "another");
    /* "said the 29-year-old": the person last named */
    if (!indefinite && head->e - head->s > 9
        && g_ascii_strncasecmp (text + head->e - 9, "-year-old", 9) == 0
        && quotes_role_antecedent (doc, hist, head->s, FALSE, toks[a].s,
                                   head->e, spk))
      return TRUE;
    gboolean owned = FALSE; /* "the minister's spokesman": not the minister */
    for (guint k = a; k + 1 < b; k++)
      owned |= quotes_tok_is_possessive (doc, &toks[k]);
    /* "France's finance minister has said ... Pierre Lamy said": a
     * country's office, held by the person named next */
    if (b - a >= 2 && b - a <= 4 && toks[a].cap
        && quotes_tok_is_possessive (doc, &toks[a]))
      {
        QuotesName *nm = NULL;
        gboolean other = FALSE;
        for (guint k = a + 1; k + 1 < b; k++)
          other |= quotes_tok_is_possessive (doc, &toks[k]) || toks[k].cap;
        if (!other)
          nm = quotes_title_holder_once (doc, toks[a + 1].s, head->s, head->e);
        if (nm)
          return quotes_set_person (spk, nm->full, nm->gender, toks[a].s,
                                    head->e);
      }
    if (!indefinite && !owned && quotes_is_title (doc, head->s, head->e))
      {
        guint ta = b - 1;
        QuotesName *nm = NULL;
        while (ta > a && !quotes_tok_is_det (doc, &toks[ta - 1])
               && quotes_is_title (doc, toks[ta - 1].s, toks[ta - 1].e))
          ta--;
        nm = quotes_titles_lookup (doc, toks[ta].s, head->e);
        if (nm == NULL && ta + 1 < b)
          nm = quotes_titles_lookup (doc, toks[b - 2].s, head->e);
        /* the head word alone ("the minister" -> "Trade Minister X"),
         * not when the phrase and that person's title differ in the
         * title word before the head ("the attorney general" is no
         * "Solicitor General X") */
        if (nm == NULL && quotes_tok_is_det (doc, &toks[a])
            && quotes_tok_is (doc, &toks[a], "the")
            && !quotes_other_office_before (doc, head->s))
          {
            nm = quotes_titles_lookup (doc, head->s, head->e);
            if (nm && ta < b - 1
                && quotes_title_differs (doc, nm->title, &toks[b - 2], head))
              nm = NULL;
          }
        if (nm == NULL && quotes_tok_is (doc, &toks[a], "the") && ta == a + 1)
          nm = quotes_title_holder_once (doc, toks[ta].s, head->s, head->e);
        if (nm)
          {
            return quotes_set_person (spk, nm->full, nm->gender, toks[a].s,
                                      head->e);
          }
      }
    /* "the Lyon player", "the Wales coach", "the Tory leader": the
     * person named last (not "the spokesman", an unnamed role).  A title
     * takes a modifier that is no title word itself ("the prime minister",
     * "the shadow chancellor" stay with the holder rules above) */
    gboolean role_title
        = b - a >= 3 && !owned && quotes_is_title (doc, head->s, head->e);
    for (guint k = a + 1; role_title && k + 1 < b; k++)
      role_title = !quotes_is_title (doc, toks[k].s, toks[k].e)
                   && !quotes_tok_is (doc, &toks[k], "junior")
                   && !quotes_tok_is (doc, &toks[k], "ex");
    if (quotes_tok_is (doc, &toks[a], "the") && b - a >= 2
        && (role_title
            || quotes_in_set (doc->config->sets[QUOTES_SET_PEOPLE], text,
                              head->s, head->e))
        && !quotes_in_set (doc->config->sets[QUOTES_SET_ANONYMOUS], text,
                           head->s, head->e))
      {
        QuotesName *nm;
        if (quotes_role_antecedent (doc, hist, head->s, TRUE, toks[a].s,
                                    head->e, spk))
          return TRUE;
        /* else a person named in the sentences just before, even as an
         * object ("... from Ana Costa. The Green leader said"): only for
         * a title ("the man" is anybody) */
        if (role_title
            && (nm = quotes_person_named_before (doc, toks[a].s, 300)) != NULL)
          {
            return quotes_set_person (spk, nm->full, nm->gender, toks[a].s,
                                      head->e);
          }
      }
    spk->ms = toks[a].s;
    spk->me = head->e;
    spk->name = g_string_chunk_insert_len (
        doc->result->strings, text + toks[a].s, head->e - toks[a].s);
    spk->kind = QUOTES_SPK_NOMINAL;
    return TRUE;
  }
}

/* Whether @t stops a subject phrase read after an inverted cue. */
gboolean
quotes_tok_stops_np (const QuotesDoc *doc, const QuotesTok *t)
{

  if (t->punct)
    return TRUE;
  return quotes_in_set (doc->config->sets[QUOTES_SET_NP_STOPS], doc->text, t->s,
                        t->e);
}

/* Whether toks[a..b) may be a subject that speaks: it opens with a
 * pronoun, a capitalised word, a determiner or a noun, and holds no
 * auxiliary ("has had almost 900", "with no cast", "although she"). */
gboolean
quotes_np_can_speak (const QuotesDoc *doc, const QuotesTok *t, guint a, guint b)
{
  static const char *const bad[]
      = { "with", "although", "though", "such",   "as",    "while", "if",
          "when", "because",  "after",  "before", "is",    "was",   "were",
          "are",  "has",      "had",    "have",   "could", "would", "will",
          "not",  "be",       "been",   NULL };
  while (a < b
         && (quotes_tok_is (doc, &t[a], "and")
             || quotes_tok_is (doc, &t[a], "but") || t[a].punct))
    a++;
  if (a >= b || quotes_tok_is (doc, &t[b - 1], "and")
      || quotes_tok_is (doc, &t[b - 1], "but")
      || quotes_tok_is (doc, &t[b - 1], "or"))
    return FALSE;
  for (guint k = a; k < b; k++)
    for (guint w = 0; bad[w] && !t[k].cap; w++)
      if (quotes_tok_is (doc, &t[k], bad[w]))
        return FALSE;
  if (b - a > 1 && quotes_tok_is_pronoun (doc, &t[a]))
    return FALSE; /* "he is seen" */
  return TRUE;
}
