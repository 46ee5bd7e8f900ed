/* tp-checkpoint.c: the resume record of an interrupted run. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tp-checkpoint.h"

#define TP_CK_GROUP "textpipe-resume"

gboolean
tp_checkpoint_save (const char *path, const TpCheckpoint *cp, GError **error)
{
  GKeyFile *kf = g_key_file_new ();
  char *data;
  gsize len;
  gboolean ok;

  g_key_file_set_string (kf, TP_CK_GROUP, "fingerprint", cp->fingerprint);
  g_key_file_set_string (kf, TP_CK_GROUP, "inputs", cp->inputs_key);
  g_key_file_set_uint64 (kf, TP_CK_GROUP, "position", cp->position);
  g_key_file_set_uint64 (kf, TP_CK_GROUP, "output_bytes", cp->out_length);
  g_key_file_set_uint64 (kf, TP_CK_GROUP, "rejects_bytes", cp->rej_length);
  g_key_file_set_uint64 (kf, TP_CK_GROUP, "read", cp->read);
  g_key_file_set_uint64 (kf, TP_CK_GROUP, "written", cp->written);
  g_key_file_set_uint64 (kf, TP_CK_GROUP, "rejected", cp->rejected);
  g_key_file_set_uint64 (kf, TP_CK_GROUP, "dropped", cp->dropped);
  g_key_file_set_uint64 (kf, TP_CK_GROUP, "skipped", cp->skipped);
  data = g_key_file_to_data (kf, &len, NULL);
  ok = g_file_set_contents (path, data, len, error);
  g_free (data);
  g_key_file_free (kf);
  return ok;
}

gboolean
tp_checkpoint_load (const char *path, TpCheckpoint *cp, GError **error)
{
  GKeyFile *kf = g_key_file_new ();
  GError *local = NULL;
  gboolean ok = FALSE;

  memset (cp, 0, sizeof *cp);
  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, error))
    goto out;
  cp->fingerprint
      = g_key_file_get_string (kf, TP_CK_GROUP, "fingerprint", &local);
  if (cp->fingerprint)
    cp->inputs_key = g_key_file_get_string (kf, TP_CK_GROUP, "inputs", &local);
  if (local == NULL)
    {
      cp->position
          = g_key_file_get_uint64 (kf, TP_CK_GROUP, "position", &local);
      cp->out_length = g_key_file_get_uint64 (kf, TP_CK_GROUP, "output_bytes",
                                              local ? NULL : &local);
      cp->rej_length = g_key_file_get_uint64 (kf, TP_CK_GROUP, "rejects_bytes",
                                              local ? NULL : &local);
      cp->read = g_key_file_get_uint64 (kf, TP_CK_GROUP, "read", NULL);
      cp->written = g_key_file_get_uint64 (kf, TP_CK_GROUP, "written", NULL);
      cp->rejected = g_key_file_get_uint64 (kf, TP_CK_GROUP, "rejected", NULL);
      cp->dropped = g_key_file_get_uint64 (kf, TP_CK_GROUP, "dropped", NULL);
      cp->skipped = g_key_file_get_uint64 (kf, TP_CK_GROUP, "skipped", NULL);
    }
  if (local)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_READ,
                   "%s is not a textpipe resume record: %s", path,
                   local->message);
      g_error_free (local);
      tp_checkpoint_clear (cp);
      goto out;
    }
  ok = TRUE;
out:
  g_key_file_free (kf);
  return ok;
}

void
tp_checkpoint_clear (TpCheckpoint *cp)
{
  g_free (cp->fingerprint);
  g_free (cp->inputs_key);
  memset (cp, 0, sizeof *cp);
}

GHashTable *
tp_crashes_load (const char *path)
{
  GHashTable *crashes
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  char *contents = NULL;
  char **lines;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return crashes;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *end = NULL;
      gint64 pos = g_ascii_strtoll (lines[i], &end, 10);
      TpCrash *c;
      if (end == lines[i] || *end != ' ')
        continue;
      c = g_new (TpCrash, 1);
      c->signal = (int)g_ascii_strtoll (end + 1, &end, 10);
      c->stage = *end == ' ' ? (int)g_ascii_strtoll (end + 1, NULL, 10) : -1;
      g_hash_table_insert (crashes, g_memdup2 (&pos, sizeof pos), c);
    }
  g_strfreev (lines);
  g_free (contents);
  return crashes;
}
