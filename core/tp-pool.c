/* tp-pool.c: the blocks a thread keeps for reuse once freed (documents,
 * layers), made on first use and freed when the thread ends. */
#include "config.h"

#include "tp-private.h"

TP_TLS TpPool *tp_pools_here;

/* Frees a thread's pools and the blocks they hold, when the thread ends
 * (on that thread). */
static void
tp_pools_free (gpointer data)
{
  TpPool *pools = data;

  for (guint k = 0; k < TP_N_POOLS; k++)
    for (guint i = 0; i < pools[k].n; i++)
      g_free (pools[k].blocks[i]);
  g_free (pools);
  tp_pools_here = NULL;
}

static GPrivate tp_pools = G_PRIVATE_INIT (tp_pools_free);

/* Makes this thread's pools, in one allocation with their block arrays. */
TpPool *
tp_pools_make (void)
{
  const gsize sizes[TP_N_POOLS]
      = { sizeof (TpDocument) + TP_DOCUMENT_ID_ROOM, TP_LAYER_BLOCK };
  const guint caps[TP_N_POOLS] = { TP_DOCUMENT_POOL_SIZE, TP_LAYER_POOL_SIZE };
  TpPool *pools = g_malloc0 (TP_N_POOLS * sizeof (TpPool)
                             + (TP_DOCUMENT_POOL_SIZE + TP_LAYER_POOL_SIZE)
                                   * sizeof (gpointer));
  gpointer *blocks = (gpointer *)(pools + TP_N_POOLS);

  for (guint k = 0; k < TP_N_POOLS; k++)
    {
      pools[k].size = sizes[k];
      pools[k].cap = caps[k];
      pools[k].blocks = blocks;
      blocks += caps[k];
    }
  g_private_set (&tp_pools, pools);
  tp_pools_here = pools;
  return pools;
}
