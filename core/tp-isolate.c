/* tp-isolate.c: worker processes for --isolate.
 *
 * Each worker is a child process forked from the (single-threaded) parent
 * with its own stage states.  The parent sends it a batch of raw records
 * over a pipe and reads back the batch's output and reject lines.  When a
 * plugin kills the child (segfault, abort, out-of-memory kill), the parent
 * learns from shared memory which record it was on, marks that record as
 * crashed, and sends the batch again to a fresh child: only that document
 * is rejected.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tp-run-private.h"

/* Shared with one child: what it was doing when it died. */
typedef struct {
  gint64 pos;   /* record being processed, or -1 */
  gint64 sig;   /* signal caught by its crash handler, or 0 */
  gint64 stage; /* stage index at the time, or -1 */
} TpChildSlot;

typedef struct {
  pid_t pid;
  int req_fd;     /* parent writes requests */
  int res_fd;     /* parent reads results */
  TpBatch *batch; /* being processed, or NULL when idle */
  guint64 *stage_ns;
} TpChild;

struct _TpIsolatePool {
  TpRun *run;
  guint n;
  TpChild *children;
  TpChildSlot *slots;    /* MAP_SHARED, one per child */
  double *stage_seconds; /* of children that exited or died */
};

static TpChildSlot *tp_child_slot; /* in a child: its own slot */

/* ---- framing ---------------------------------------------------------- */

static gboolean
tp_write_all (int fd, const void *data, gsize len)
{
  const char *p = data;
  while (len > 0)
    {
      ssize_t n = write (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
tp_read_all (int fd, void *data, gsize len)
{
  char *p = data;
  while (len > 0)
    {
      ssize_t n = read (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static void
tp_put_u64 (GString *s, guint64 v)
{
  g_string_append_len (s, (const char *)&v, sizeof v);
}

static void
tp_put_str (GString *s, const char *str, gsize len)
{
  tp_put_u64 (s, str ? len : G_MAXUINT64);
  if (str)
    g_string_append_len (s, str, len);
}

/* A cursor over a received message. */
typedef struct {
  const char *p, *end;
} TpCursor;

static guint64
tp_get_u64 (TpCursor *c)
{
  guint64 v = 0;
  if (c->end - c->p >= (gssize)sizeof v)
    memcpy (&v, c->p, sizeof v);
  c->p += sizeof v;
  return v;
}

/* A newly allocated copy of the next string, or NULL. */
static char *
tp_get_str (TpCursor *c, gsize *len)
{
  guint64 n = tp_get_u64 (c);
  char *s;
  if (n == G_MAXUINT64 || c->p > c->end || (guint64)(c->end - c->p) < n)
    return NULL;
  s = g_malloc (n + 1);
  memcpy (s, c->p, n);
  s[n] = '\0';
  c->p += n;
  if (len)
    *len = n;
  return s;
}

/* Sends one length-prefixed message. */
static gboolean
tp_send (int fd, const GString *msg)
{
  guint64 len = msg->len;
  return tp_write_all (fd, &len, sizeof len)
         && tp_write_all (fd, msg->str, msg->len);
}

/* Receives one length-prefixed message; NULL at end of file. */
static GString *
tp_receive (int fd)
{
  guint64 len;
  GString *msg;
  if (!tp_read_all (fd, &len, sizeof len) || len > G_MAXSIZE / 2)
    return NULL;
  msg = g_string_sized_new (len);
  g_string_set_size (msg, len);
  if (!tp_read_all (fd, msg->str, len))
    {
      g_string_free (msg, TRUE);
      return NULL;
    }
  return msg;
}

/* ---- the child -------------------------------------------------------- */

/* Notes the crash in shared memory, then dies of it. */
static void
tp_isolate_crash_handler (int sig)
{
  if (tp_child_slot)
    {
      tp_child_slot->sig = sig;
      tp_child_slot->stage = tp_current_stage_index;
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

static int
tp_stage_index (const TpRun *run, const TpStage *stage)
{
  for (guint i = 0; stage && i < run->pipeline->stages->len; i++)
    if (g_ptr_array_index (run->pipeline->stages, i) == stage)
      return (int)i;
  return -1;
}

/* Rebuilds a batch from a request message. */
static TpBatch *
tp_isolate_decode_request (const GString *msg)
{
  TpCursor c = { msg->str, msg->str + msg->len };
  TpBatch *b = tp_batch_new (tp_get_u64 (&c));
  guint64 n = tp_get_u64 (&c);

  for (guint64 i = 0; i < n && c.p <= c.end; i++)
    {
      TpRecord r = { 0 };
      char *source;
      r.pos = tp_get_u64 (&c);
      r.in.format = (TpInputFormat)tp_get_u64 (&c);
      r.in.line = tp_get_u64 (&c);
      source = tp_get_str (&c, NULL);
      r.in.source = g_intern_string (source ? source : "");
      g_free (source);
      r.in.data = tp_get_str (&c, &r.in.len);
      r.crashed = (int)tp_get_u64 (&c);
      r.crashed_stage = (int)(gint64)tp_get_u64 (&c);
      g_array_append_val (b->records, r);
    }
  return b;
}

/* Encodes what became of each record, the lines, and the stage times. */
static GString *
tp_isolate_encode_result (TpRun *run, TpBatch *b, TpPipelineInstance *inst)
{
  GString *msg = g_string_new (NULL);

  tp_put_u64 (msg, b->seq);
  tp_put_u64 (msg, b->records->len);
  for (guint i = 0; i < b->records->len; i++)
    {
      TpRecord *r = &g_array_index (b->records, TpRecord, i);
      tp_put_u64 (msg, r->status);
      tp_put_u64 (msg, (guint64)(gint64)tp_stage_index (run, r->stage));
      tp_put_u64 (msg, r->start);
      tp_put_u64 (msg, r->end);
      tp_put_str (msg, r->id, r->id ? strlen (r->id) : 0);
      tp_put_str (msg, r->message, r->message ? strlen (r->message) : 0);
    }
  tp_put_str (msg, b->out->str, b->out->len);
  tp_put_str (msg, b->rej->str, b->rej->len);
  tp_put_u64 (msg, run->pipeline->stages->len);
  for (guint i = 0; i < run->pipeline->stages->len; i++)
    tp_put_u64 (msg, tp_pipeline_instance_get_stage_ns (inst, i));
  return msg;
}

/* The child's life: start the stages, process batches until the parent
 * closes the pipe, finish, exit.  Never returns. */
static void G_GNUC_NORETURN
tp_isolate_child_main (TpRun *run, int req_fd, int res_fd, TpChildSlot *slot)
{
  static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
  TpPipelineInstance *inst;
  GError *error = NULL;
  GString *msg;
  int status = 0;

  tp_child_slot = slot;
  tp_shared_pos = &slot->pos;
  for (guint i = 0; i < G_N_ELEMENTS (sigs); i++)
    signal (sigs[i], tp_isolate_crash_handler);
  signal (SIGINT, SIG_IGN); /* the parent decides when to stop */
  signal (SIGTERM, SIG_DFL);

  inst = tp_pipeline_instance_new (run->pipeline, NULL, &error);
  if (inst == NULL)
    {
      g_printerr ("textpipe: worker process: %s\n", error->message);
      _exit (3);
    }
  while ((msg = tp_receive (req_fd)) != NULL)
    {
      TpBatch *b = tp_isolate_decode_request (msg);
      GString *res;
      g_string_free (msg, TRUE);
      tp_batch_process (run, inst, b);
      slot->pos = -1;
      res = tp_isolate_encode_result (run, b, inst);
      tp_batch_free (b);
      if (!tp_send (res_fd, res))
        _exit (3);
      g_string_free (res, TRUE);
    }
  if (!tp_pipeline_instance_finish (inst, &error))
    {
      g_printerr ("textpipe: worker process: %s\n", error->message);
      status = 2;
    }
  tp_pipeline_instance_free (inst);
  _exit (status);
}

/* ---- the parent ------------------------------------------------------- */

/* Forks child @i; the parent is single-threaded in isolate mode, so the
 * child starts from a consistent copy. */
static gboolean
tp_isolate_spawn (TpIsolatePool *pool, guint i, GError **error)
{
  int req[2], res[2];
  TpChild *c = &pool->children[i];
  pid_t pid;

  if (pipe (req) != 0)
    goto out_errno;
  if (pipe (res) != 0)
    {
      close (req[0]);
      close (req[1]);
      goto out_errno;
    }
  pool->slots[i].pos = -1;
  pool->slots[i].sig = 0;
  pool->slots[i].stage = -1;
  fflush (NULL);
  pid = fork ();
  if (pid < 0)
    {
      close (req[0]);
      close (req[1]);
      close (res[0]);
      close (res[1]);
      goto out_errno;
    }
  if (pid == 0)
    {
      /* Only this child's ends stay open, so EOF means what it says. */
      for (guint k = 0; k < pool->n; k++)
        if (k != i && pool->children[k].pid > 0)
          {
            close (pool->children[k].req_fd);
            close (pool->children[k].res_fd);
          }
      close (req[1]);
      close (res[0]);
      tp_isolate_child_main (pool->run, req[0], res[1], &pool->slots[i]);
    }
  close (req[0]);
  close (res[1]);
  c->pid = pid;
  c->req_fd = req[1];
  c->res_fd = res[0];
  c->batch = NULL;
  return TRUE;

out_errno:
  g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_OPEN,
               "cannot start a worker process: %s", g_strerror (errno));
  return FALSE;
}

TpIsolatePool *
tp_isolate_pool_new (TpRun *run, guint n, GError **error)
{
  TpIsolatePool *pool = g_new0 (TpIsolatePool, 1);

  signal (SIGPIPE, SIG_IGN); /* a dead child is seen on read, not by signal */
  pool->run = run;
  pool->n = n;
  pool->children = g_new0 (TpChild, n);
  pool->stage_seconds = g_new0 (double, run->pipeline->stages->len);
  pool->slots = mmap (NULL, n * sizeof (TpChildSlot), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (pool->slots == MAP_FAILED)
    {
      g_set_error (error, TP_IO_ERROR, TP_IO_ERROR_OPEN,
                   "cannot share memory with worker processes: %s",
                   g_strerror (errno));
      pool->slots = NULL;
      tp_isolate_pool_free (pool, FALSE, NULL, NULL);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      pool->children[i].stage_ns = g_new0 (guint64, run->pipeline->stages->len);
      if (!tp_isolate_spawn (pool, i, error))
        {
          tp_isolate_pool_free (pool, FALSE, NULL, NULL);
          return NULL;
        }
    }
  return pool;
}

gboolean
tp_isolate_pool_has_idle (const TpIsolatePool *pool)
{
  for (guint i = 0; i < pool->n; i++)
    if (pool->children[i].pid > 0 && pool->children[i].batch == NULL)
      return TRUE;
  return FALSE;
}

/* Sends @b to child @c. */
static gboolean
tp_isolate_send_batch (TpChild *c, TpBatch *b)
{
  GString *msg = g_string_new (NULL);
  gboolean ok;

  tp_put_u64 (msg, b->seq);
  tp_put_u64 (msg, b->records->len);
  for (guint i = 0; i < b->records->len; i++)
    {
      TpRecord *r = &g_array_index (b->records, TpRecord, i);
      tp_put_u64 (msg, r->pos);
      tp_put_u64 (msg, r->in.format);
      tp_put_u64 (msg, r->in.line);
      tp_put_str (msg, r->in.source, strlen (r->in.source));
      tp_put_str (msg, r->in.data, r->in.len);
      tp_put_u64 (msg, (guint64)(gint64)r->crashed);
      tp_put_u64 (msg, (guint64)(gint64)r->crashed_stage);
    }
  c->batch = b;
  ok = tp_send (c->req_fd, msg);
  g_string_free (msg, TRUE);
  return ok;
}

void
tp_isolate_pool_submit (TpIsolatePool *pool, TpBatch *b)
{
  for (guint i = 0; i < pool->n; i++)
    {
      TpChild *c = &pool->children[i];
      if (c->pid > 0 && c->batch == NULL)
        {
          /* A failed send shows up as the child's death when collecting. */
          tp_isolate_send_batch (c, b);
          return;
        }
    }
  g_return_if_reached ();
}

/* Fills @b's results from a result message. */
static void
tp_isolate_decode_result (TpIsolatePool *pool, TpChild *c, TpBatch *b,
                          const GString *msg)
{
  TpCursor cur = { msg->str, msg->str + msg->len };
  guint64 n;
  char *s;
  gsize len;

  tp_get_u64 (&cur); /* seq */
  n = tp_get_u64 (&cur);
  for (guint64 i = 0; i < n && i < b->records->len; i++)
    {
      TpRecord *r = &g_array_index (b->records, TpRecord, i);
      gint64 stage;
      r->status = (TpDocStatus)tp_get_u64 (&cur);
      stage = (gint64)tp_get_u64 (&cur);
      r->stage = stage >= 0 && (guint64)stage < pool->run->pipeline->stages->len
                     ? g_ptr_array_index (pool->run->pipeline->stages, stage)
                     : NULL;
      r->start = tp_get_u64 (&cur);
      r->end = tp_get_u64 (&cur);
      g_free (r->id);
      r->id = tp_get_str (&cur, NULL);
      g_free (r->message);
      r->message = tp_get_str (&cur, NULL);
      tp_raw_record_clear (&r->in);
    }
  s = tp_get_str (&cur, &len);
  g_string_truncate (b->out, 0);
  if (s)
    g_string_append_len (b->out, s, len);
  g_free (s);
  s = tp_get_str (&cur, &len);
  g_string_truncate (b->rej, 0);
  if (s)
    g_string_append_len (b->rej, s, len);
  g_free (s);
  n = tp_get_u64 (&cur);
  for (guint64 i = 0; i < n && i < pool->run->pipeline->stages->len; i++)
    c->stage_ns[i] = tp_get_u64 (&cur);
}

/* Handles a child that died on its batch: marks the record it was on as
 * crashed (or, when that is unknown, every record), starts a new child and
 * sends it the batch again. */
static gboolean
tp_isolate_child_died (TpIsolatePool *pool, guint i, GError **error)
{
  TpChild *c = &pool->children[i];
  TpChildSlot *slot = &pool->slots[i];
  TpBatch *b = c->batch;
  int status = 0, sig;
  gboolean found = FALSE;
  pid_t pid = c->pid;

  close (c->req_fd);
  close (c->res_fd);
  waitpid (c->pid, &status, 0);
  c->pid = 0;
  c->batch = NULL;
  for (guint k = 0; k < pool->run->pipeline->stages->len; k++)
    pool->stage_seconds[k] += c->stage_ns[k] / 1e9;
  memset (c->stage_ns, 0, pool->run->pipeline->stages->len * sizeof (guint64));
  sig = WIFSIGNALED (status) ? WTERMSIG (status) : 0;
  if (sig == 0 && slot->sig)
    sig = (int)slot->sig;
  if (!pool->run->opts->quiet)
    g_printerr ("textpipe: worker process %d died (%s%s%s); restarting it\n",
                (int)pid, sig ? "signal " : "exit status ",
                sig ? g_strsignal (sig) : "",
                sig ? "" : (WIFEXITED (status) ? "non-zero" : "unknown"));
  if (b == NULL)
    return tp_isolate_spawn (pool, i, error);
  for (guint k = 0; k < b->records->len; k++)
    {
      TpRecord *r = &g_array_index (b->records, TpRecord, k);
      if ((gint64)r->pos == slot->pos)
        {
          r->crashed = sig ? sig : SIGKILL;
          r->crashed_stage = (int)slot->stage;
          found = TRUE;
        }
    }
  if (!found)
    {
      /* The child died outside any document (its stages failed to start,
       * say): do not loop forever on the same batch. */
      g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_FAILED,
                   "a worker process died before processing any document "
                   "(%s %d)",
                   sig ? "signal" : "exit status",
                   sig ? sig : WEXITSTATUS (status));
      tp_batch_free (b);
      return FALSE;
    }
  if (!tp_isolate_spawn (pool, i, error))
    {
      tp_batch_free (b);
      return FALSE;
    }
  tp_isolate_send_batch (&pool->children[i], b);
  return TRUE;
}

TpBatch *
tp_isolate_pool_collect (TpIsolatePool *pool, int timeout_ms, GError **error)
{
  struct pollfd *fds = g_newa (struct pollfd, pool->n);
  guint *which = g_newa (guint, pool->n);
  guint nfds = 0;
  int ready;

  for (guint i = 0; i < pool->n; i++)
    if (pool->children[i].pid > 0 && pool->children[i].batch)
      {
        fds[nfds].fd = pool->children[i].res_fd;
        fds[nfds].events = POLLIN;
        fds[nfds].revents = 0;
        which[nfds++] = i;
      }
  if (nfds == 0)
    return NULL;
  ready = poll (fds, nfds, timeout_ms);
  if (ready <= 0)
    return NULL;
  for (guint k = 0; k < nfds; k++)
    {
      TpChild *c = &pool->children[which[k]];
      GString *msg;
      TpBatch *b;

      if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      msg = tp_receive (c->res_fd);
      if (msg == NULL)
        {
          if (!tp_isolate_child_died (pool, which[k], error))
            return NULL;
          continue;
        }
      b = c->batch;
      c->batch = NULL;
      tp_isolate_decode_result (pool, c, b, msg);
      g_string_free (msg, TRUE);
      return b;
    }
  return NULL;
}

gboolean
tp_isolate_pool_free (TpIsolatePool *pool, gboolean finish,
                      double *stage_seconds, GError **error)
{
  gboolean ok = TRUE;
  guint n_stages = pool->run->pipeline->stages->len;

  for (guint i = 0; i < pool->n; i++)
    {
      TpChild *c = &pool->children[i];
      int status = 0;
      if (c->pid <= 0)
        continue;
      close (c->req_fd); /* EOF: the child finishes and exits */
      if (!finish)
        kill (c->pid, SIGTERM);
      close (c->res_fd);
      waitpid (c->pid, &status, 0);
      if (finish && ok && !(WIFEXITED (status) && WEXITSTATUS (status) == 0))
        {
          g_set_error (error, TP_PLUGIN_ERROR, TP_PLUGIN_ERROR_FAILED,
                       "a worker process failed to finish its stages");
          ok = FALSE;
        }
      for (guint k = 0; k < n_stages; k++)
        pool->stage_seconds[k] += c->stage_ns[k] / 1e9;
    }
  if (stage_seconds)
    for (guint k = 0; k < n_stages; k++)
      stage_seconds[k] += pool->stage_seconds[k];
  for (guint i = 0; i < pool->n; i++)
    {
      tp_batch_free (pool->children[i].batch);
      g_free (pool->children[i].stage_ns);
    }
  if (pool->slots)
    munmap (pool->slots, pool->n * sizeof (TpChildSlot));
  g_free (pool->children);
  g_free (pool->stage_seconds);
  g_free (pool);
  return ok;
}
