/* nodesc.c: a module without a descriptor: not a textpipe plugin. */
int tp_plugin_descriptor_missing (void);

int
tp_plugin_descriptor_missing (void)
{
  return 0;
}
