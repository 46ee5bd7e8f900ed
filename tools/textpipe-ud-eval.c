/* textpipe-ud-eval: scores tokenization and sentence splitting against a
 * CoNLL-U treebank, the CoNLL 2018 shared-task way.
 *
 *   textpipe-ud-eval [--plugins "tokenizer, sentences"]
 *                    [--option STAGE.KEY=VALUE]... [--errors N]
 *                    [--by-genre] FILE.conllu
 *
 * The raw text is rebuilt from the `# text =` lines: sentences of one
 * paragraph joined with a space, paragraphs (`# newpar`) with a blank line;
 * each `# newdoc` starts a new document, pushed through the plugins with the
 * test harness (plugins are found through TEXTPIPE_PLUGIN_PATH, then the
 * installed plugin folder).  Gold and system spans are compared on character
 * offsets that ignore whitespace, so only the segmentation counts:
 *
 *   Tokens     surface tokens (a multiword token such as "don't" is one);
 *              the tokenizer's surface level is its output with
 *              split_contractions=false, so when the run splits
 *              contractions the text is tokenized a second time that way
 *   Words      syntactic words: multiword tokens split into their word forms
 *              ("do" "n't"), which is what UD-style splitting produces
 *   Sentences  sentence spans
 *
 * Each is reported as precision, recall and F1 (exact span matches).
 * --by-genre adds words and sentences per genre: the `# newdoc id` up to
 * its first '-' (UD EWT: answers, email, newsgroup, reviews, weblog).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tp-harness.h"

/* A span in whitespace-free character offsets. */
typedef struct {
  guint32 s, e;
} EvalSpan;

/* Matched, gold and system counts of one metric. */
typedef struct {
  guint64 match, gold, sys;
} EvalCount;

/* Words and sentences of one genre. */
typedef struct {
  EvalCount words, sentences;
} EvalGenre;

/* The state of a whole evaluation run. */
typedef struct {
  TpHarness *harness;
  TpHarness *surface; /* the tokenizer without contraction splitting */
  gint errors_left;
  EvalCount tokens, words, sentences;
  GHashTable *genres; /* name -> EvalGenre, with --by-genre */
  char *genre;        /* of the document being read */
  /* the document being read */
  GString *text;
  GArray *gold_tokens, *gold_words, *gold_sents;
  guint32 gpos;
  gboolean par_pending;
  guint docs;
} Eval;

/* TRUE for characters the alignment ignores. */
static gboolean
eval_is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF || c == 0x2060;
}

/* Number of non-space characters in @s (@len bytes, or -1). */
static guint32
eval_nonspace_len (const char *s, gssize len)
{
  const char *end = len < 0 ? s + strlen (s) : s + len;
  guint32 n = 0;
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    if (!eval_is_space (g_utf8_get_char (p)))
      n++;
  return n;
}

/* Counts exact matches between two span lists sorted by start. */
static guint64
eval_match (const GArray *gold, const GArray *sys)
{
  guint i = 0, j = 0;
  guint64 m = 0;
  while (i < gold->len && j < sys->len)
    {
      EvalSpan g = g_array_index (gold, EvalSpan, i);
      EvalSpan s = g_array_index (sys, EvalSpan, j);
      if (g.s == s.s && g.e == s.e)
        {
          m++;
          i++;
          j++;
        }
      else if (g.s < s.s || (g.s == s.s && g.e < s.e))
        i++;
      else
        j++;
    }
  return m;
}

/* Prints the spans of @a that are not in @b, as text, with a tag. */
static void
eval_print_diff (Eval *ev, const char *tag, const GArray *a, const GArray *b,
                 const guint32 *byte_of, const char *text)
{
  guint i = 0, j = 0;
  while (i < a->len && ev->errors_left > 0)
    {
      EvalSpan x = g_array_index (a, EvalSpan, i);
      while (j < b->len
             && (g_array_index (b, EvalSpan, j).s < x.s
                 || (g_array_index (b, EvalSpan, j).s == x.s
                     && g_array_index (b, EvalSpan, j).e < x.e)))
        j++;
      if (!(j < b->len && g_array_index (b, EvalSpan, j).s == x.s
            && g_array_index (b, EvalSpan, j).e == x.e))
        {
          guint32 bs = byte_of[x.s], be = byte_of[x.e];
          guint32 cs = bs > 30 ? bs - 30 : 0;
          guint32 ce = be + 30;
          gsize len = strlen (text);
          char *ctx;
          if (ce > len)
            ce = len;
          while (cs > 0 && (text[cs] & 0xC0) == 0x80)
            cs--;
          while (ce < len && (text[ce] & 0xC0) == 0x80)
            ce++;
          ctx = g_strndup (text + cs, ce - cs);
          for (char *p = ctx; *p; p++)
            if (*p == '\n')
              *p = '|';
          printf ("%s\t%.*s\t%s\n", tag, (int)(be - bs), text + bs, ctx);
          g_free (ctx);
          ev->errors_left--;
        }
      i++;
    }
}

/* The sentence ends of @sents (but the last), as one-character spans. */
static GArray *
eval_ends (const GArray *sents)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (EvalSpan));
  for (guint i = 0; i + 1 < sents->len; i++)
    {
      EvalSpan sp = { g_array_index (sents, EvalSpan, i).e - 1,
                      g_array_index (sents, EvalSpan, i).e };
      g_array_append_val (ends, sp);
    }
  return ends;
}

/* Adds one document's gold, system and matched counts to @c. */
static void
eval_count_add (EvalCount *c, guint64 gold, guint64 sys, guint64 match)
{
  c->gold += gold;
  c->sys += sys;
  c->match += match;
}

/* The spans of layer @name of @doc in whitespace-free offsets (empty
 * spans left out); an empty list without the layer. */
static GArray *
eval_layer_spans (const TpDocument *doc, const char *name,
                  const guint32 *nonspace_at)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (EvalSpan));
  TpLayer *layer = tp_document_get_layer (doc, name);

  for (guint i = 0; layer != NULL && i < tp_layer_get_length (layer); i++)
    {
      EvalSpan sp = { nonspace_at[tp_layer_get_start (layer, i)],
                      nonspace_at[tp_layer_get_end (layer, i)] };
      if (sp.e > sp.s)
        g_array_append_val (spans, sp);
    }
  return spans;
}

/* Runs the plugins over the document read so far and scores it. */
static gboolean
eval_flush (Eval *ev, GError **error)
{
  TpDocument *doc = NULL, *surface_doc = NULL;
  guint32 *nonspace_at = NULL, *byte_of = NULL;
  GArray *sys_tokens = NULL, *sys_sents = NULL, *sys_surface = NULL;
  const GArray *surface;
  guint64 word_match, sent_match;
  const char *text = ev->text->str;
  gsize len = ev->text->len;
  guint32 count = 0;
  gboolean ok = FALSE;

  if (len == 0)
    return TRUE;
  doc = tp_harness_push_text (ev->harness, text, error);
  if (doc == NULL)
    goto out;

  /* whitespace-free offset of every byte, and the byte of every offset */
  nonspace_at = g_new (guint32, len + 1);
  byte_of = g_new (guint32, len + 2);
  for (gsize b = 0; b < len;)
    {
      gunichar c = g_utf8_get_char (text + b);
      gsize l = g_utf8_next_char (text + b) - (text + b);
      for (gsize k = 0; k < l; k++)
        nonspace_at[b + k] = count;
      if (!eval_is_space (c))
        byte_of[count++] = b;
      b += l;
    }
  nonspace_at[len] = count;
  byte_of[count] = len;
  if (count != ev->gpos)
    g_printerr ("warning: document %u: text has %u characters, tokens %u\n",
                ev->docs, count, ev->gpos);

  sys_tokens = eval_layer_spans (doc, "token", nonspace_at);
  sys_sents = eval_layer_spans (doc, "sentence", nonspace_at);
  if (ev->surface)
    {
      surface_doc = tp_harness_push_text (ev->surface, text, error);
      if (surface_doc == NULL)
        goto out;
      sys_surface = eval_layer_spans (surface_doc, "token", nonspace_at);
    }

  surface = sys_surface ? sys_surface : sys_tokens;
  word_match = eval_match (ev->gold_words, sys_tokens);
  sent_match = eval_match (ev->gold_sents, sys_sents);
  eval_count_add (&ev->tokens, ev->gold_tokens->len, surface->len,
                  eval_match (ev->gold_tokens, surface));
  eval_count_add (&ev->words, ev->gold_words->len, sys_tokens->len, word_match);
  eval_count_add (&ev->sentences, ev->gold_sents->len, sys_sents->len,
                  sent_match);
  if (ev->genres)
    {
      const char *name = ev->genre ? ev->genre : "-";
      EvalGenre *g = g_hash_table_lookup (ev->genres, name);
      if (g == NULL)
        {
          g = g_new0 (EvalGenre, 1);
          g_hash_table_insert (ev->genres, g_strdup (name), g);
        }
      eval_count_add (&g->words, ev->gold_words->len, sys_tokens->len,
                      word_match);
      eval_count_add (&g->sentences, ev->gold_sents->len, sys_sents->len,
                      sent_match);
    }

  if (ev->errors_left > 0)
    {
      eval_print_diff (ev, "word-missed", ev->gold_words, sys_tokens, byte_of,
                       text);
      eval_print_diff (ev, "word-extra", sys_tokens, ev->gold_words, byte_of,
                       text);
      GArray *gold_ends = eval_ends (ev->gold_sents);
      GArray *sys_ends = eval_ends (sys_sents);
      eval_print_diff (ev, "end-missed", gold_ends, sys_ends, byte_of, text);
      eval_print_diff (ev, "end-extra", sys_ends, gold_ends, byte_of, text);
      g_array_free (gold_ends, TRUE);
      g_array_free (sys_ends, TRUE);
      eval_print_diff (ev, "sent-missed", ev->gold_sents, sys_sents, byte_of,
                       text);
      eval_print_diff (ev, "sent-extra", sys_sents, ev->gold_sents, byte_of,
                       text);
    }
  ok = TRUE;

out:
  if (sys_surface)
    g_array_free (sys_surface, TRUE);
  if (surface_doc)
    tp_document_free (surface_doc);
  if (sys_tokens)
    g_array_free (sys_tokens, TRUE);
  if (sys_sents)
    g_array_free (sys_sents, TRUE);
  g_free (nonspace_at);
  g_free (byte_of);
  if (doc)
    tp_document_free (doc);
  g_string_truncate (ev->text, 0);
  g_array_set_size (ev->gold_tokens, 0);
  g_array_set_size (ev->gold_words, 0);
  g_array_set_size (ev->gold_sents, 0);
  ev->gpos = 0;
  ev->par_pending = FALSE;
  ev->docs++;
  return ok;
}

/* Reads the CoNLL-U file @path and scores every document in it. */
static gboolean
eval_file (Eval *ev, const char *path, GError **error)
{
  char *contents = NULL;
  char **lines = NULL;
  gboolean ok = FALSE;
  guint32 sent_start = 0, mwt_last = 0, mwt_end = 0, wpos = 0;
  gboolean in_sent = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: not valid UTF-8", path);
      goto out;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint li = 0; lines[li] != NULL; li++)
    {
      char *line = lines[li];
      gsize n = strlen (line);
      if (n > 0 && line[n - 1] == '\r')
        line[--n] = '\0';
      if (n == 0)
        {
          if (in_sent)
            {
              EvalSpan sp = { sent_start, ev->gpos };
              g_array_append_val (ev->gold_sents, sp);
              in_sent = FALSE;
            }
          continue;
        }
      if (line[0] == '#')
        {
          if (g_str_has_prefix (line, "# newdoc"))
            {
              const char *id = strstr (line, "id = ");
              if (!eval_flush (ev, error))
                goto out;
              g_free (ev->genre);
              ev->genre = id ? g_strndup (id + 5, strcspn (id + 5, "-")) : NULL;
            }
          else if (g_str_has_prefix (line, "# newpar"))
            ev->par_pending = TRUE;
          else if (g_str_has_prefix (line, "# text = "))
            {
              if (ev->text->len > 0)
                g_string_append (ev->text, ev->par_pending ? "\n\n" : " ");
              g_string_append (ev->text, line + strlen ("# text = "));
              ev->par_pending = FALSE;
            }
          continue;
        }
      {
        char **f = g_strsplit (line, "\t", 3);
        guint32 id, last, len;
        char *dash;
        if (f[0] == NULL || f[1] == NULL || strchr (f[0], '.') != NULL)
          {
            g_strfreev (f);
            continue;
          }
        len = eval_nonspace_len (f[1], -1);
        if (!in_sent)
          {
            sent_start = ev->gpos;
            in_sent = TRUE;
          }
        dash = strchr (f[0], '-');
        id = (guint32)strtoul (f[0], NULL, 10);
        if (dash != NULL)
          {
            /* a multiword token: one surface token, words follow */
            EvalSpan sp = { ev->gpos, ev->gpos + len };
            last = (guint32)strtoul (dash + 1, NULL, 10);
            g_array_append_val (ev->gold_tokens, sp);
            mwt_end = ev->gpos + len;
            mwt_last = last;
            wpos = ev->gpos;
            ev->gpos += len;
          }
        else if (id <= mwt_last)
          {
            /* a word of the multiword token */
            EvalSpan sp = { wpos, wpos + len };
            if (sp.e > mwt_end || id == mwt_last)
              sp.e = mwt_end;
            if (sp.s > sp.e)
              sp.s = sp.e;
            wpos = sp.e;
            if (sp.e > sp.s)
              g_array_append_val (ev->gold_words, sp);
            if (id == mwt_last)
              mwt_last = 0;
          }
        else
          {
            EvalSpan sp = { ev->gpos, ev->gpos + len };
            g_array_append_val (ev->gold_tokens, sp);
            g_array_append_val (ev->gold_words, sp);
            ev->gpos += len;
          }
        g_strfreev (f);
      }
    }
  if (in_sent)
    {
      EvalSpan sp = { sent_start, ev->gpos };
      g_array_append_val (ev->gold_sents, sp);
    }
  if (!eval_flush (ev, error))
    goto out;
  ok = TRUE;

out:
  g_strfreev (lines);
  g_free (contents);
  return ok;
}

/* Prints one metric line. */
static void
eval_print (const char *name, const EvalCount *c)
{
  double p = c->sys ? 100.0 * c->match / c->sys : 0.0;
  double r = c->gold ? 100.0 * c->match / c->gold : 0.0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  printf ("%-10s %10.2f %10.2f %10.2f %8" G_GUINT64_FORMAT
          " %8" G_GUINT64_FORMAT "\n",
          name, p, r, f, c->gold, c->sys);
}

/* Prints words and sentences per genre, genres in name order. */
static void
eval_print_genres (GHashTable *genres)
{
  GList *names
      = g_list_sort (g_hash_table_get_keys (genres), (GCompareFunc)strcmp);

  for (int m = 0; m < 2; m++)
    {
      printf ("\n%-10s %10s %10s %10s %8s %8s\n", m ? "Sentences" : "Words",
              "Precision", "Recall", "F1", "Gold", "System");
      for (GList *n = names; n; n = n->next)
        {
          const EvalGenre *g = g_hash_table_lookup (genres, n->data);
          eval_print (n->data, m ? &g->sentences : &g->words);
        }
    }
  g_list_free (names);
}

int
main (int argc, char **argv)
{
  char *plugins = NULL;
  char **option_args = NULL;
  gint errors = 0;
  gboolean by_genre = FALSE, contractions_set = FALSE;
  GError *error = NULL;
  GOptionContext *ctx;
  Eval ev = { 0 };
  int status = 1;
  GOptionEntry entries[]
      = { { "plugins", 'p', 0, G_OPTION_ARG_STRING, &plugins,
            "plugins to run (default: \"tokenizer, sentences\")", "LIST" },
          { "option", 'o', 0, G_OPTION_ARG_STRING_ARRAY, &option_args,
            "set a stage option, e.g. tokenizer.split_contractions=false",
            "STAGE.KEY=VALUE" },
          { "errors", 'e', 0, G_OPTION_ARG_INT, &errors,
            "print up to N differences from the gold standard", "N" },
          { "by-genre", 'g', 0, G_OPTION_ARG_NONE, &by_genre,
            "also score words and sentences per genre (the newdoc id up to "
            "its first '-')",
            NULL },
          { NULL } };

  setlocale (LC_ALL, "");
  ctx = g_option_context_new ("FILE.conllu");
  g_option_context_set_summary (
      ctx, "Scores textpipe's tokens and sentences against a CoNLL-U file\n"
           "(CoNLL 2018 method: spans aligned on non-space characters).");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("textpipe-ud-eval: %s\n", error->message);
      goto out;
    }
  if (argc != 2)
    {
      g_printerr ("textpipe-ud-eval: give one CoNLL-U file (see --help)\n");
      goto out;
    }
  ev.harness
      = tp_harness_new (plugins ? plugins : "tokenizer, sentences", &error);
  if (ev.harness == NULL)
    {
      g_printerr ("textpipe-ud-eval: %s\n", error->message);
      goto out;
    }
  /* The surface tokens: the tokenizer alone, with the same options, not
   * splitting contractions (unless the run is told how to split them). */
  if (strstr (plugins ? plugins : "tokenizer", "tokenizer"))
    {
      ev.surface = tp_harness_new ("tokenizer", &error);
      if (ev.surface == NULL)
        {
          g_printerr ("textpipe-ud-eval: %s\n", error->message);
          goto out;
        }
    }
  for (guint i = 0; option_args && option_args[i]; i++)
    {
      char *dot = strchr (option_args[i], '.');
      char *eq = strchr (option_args[i], '=');
      char *stage, *key;
      if (dot == NULL || eq == NULL || eq < dot)
        {
          g_printerr ("textpipe-ud-eval: --option %s: use STAGE.KEY=VALUE\n",
                      option_args[i]);
          goto out;
        }
      stage = g_strndup (option_args[i], dot - option_args[i]);
      key = g_strndup (dot + 1, eq - dot - 1);
      tp_harness_set_option (ev.harness, stage, key, eq + 1);
      if (ev.surface && strcmp (stage, "tokenizer") == 0)
        {
          if (strcmp (key, "split_contractions") == 0)
            contractions_set = TRUE;
          else
            tp_harness_set_option (ev.surface, stage, key, eq + 1);
        }
      g_free (stage);
      g_free (key);
    }
  if (contractions_set)
    g_clear_pointer (&ev.surface, tp_harness_free);
  else if (ev.surface)
    tp_harness_set_option (ev.surface, "tokenizer", "split_contractions",
                           "false");
  ev.errors_left = errors;
  if (by_genre)
    ev.genres = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ev.text = g_string_new (NULL);
  ev.gold_tokens = g_array_new (FALSE, FALSE, sizeof (EvalSpan));
  ev.gold_words = g_array_new (FALSE, FALSE, sizeof (EvalSpan));
  ev.gold_sents = g_array_new (FALSE, FALSE, sizeof (EvalSpan));
  if (!eval_file (&ev, argv[1], &error))
    {
      g_printerr ("textpipe-ud-eval: %s\n", error->message);
      goto out;
    }
  printf ("%-10s %10s %10s %10s %8s %8s\n", "Metric", "Precision", "Recall",
          "F1", "Gold", "System");
  eval_print ("Tokens", &ev.tokens);
  eval_print ("Words", &ev.words);
  eval_print ("Sentences", &ev.sentences);
  if (ev.genres)
    eval_print_genres (ev.genres);
  status = 0;

out:
  if (ev.harness)
    tp_harness_free (ev.harness);
  if (ev.surface)
    tp_harness_free (ev.surface);
  if (ev.text)
    g_string_free (ev.text, TRUE);
  if (ev.gold_tokens)
    g_array_free (ev.gold_tokens, TRUE);
  if (ev.gold_words)
    g_array_free (ev.gold_words, TRUE);
  if (ev.gold_sents)
    g_array_free (ev.gold_sents, TRUE);
  if (ev.genres)
    g_hash_table_unref (ev.genres);
  g_free (ev.genre);
  g_clear_error (&error);
  g_strfreev (option_args);
  g_free (plugins);
  g_option_context_free (ctx);
  return status;
}
