/* tp-error.c: the error domains of libtextpipe. */
#include "config.h"

#include "tp-private.h"

/* clang-format off */
G_DEFINE_QUARK (tp-plugin-error-quark, tp_plugin_error)
G_DEFINE_QUARK (tp-loader-error-quark, tp_loader_error)
G_DEFINE_QUARK (tp-config-error-quark, tp_config_error)
G_DEFINE_QUARK (tp-io-error-quark, tp_io_error)
G_DEFINE_QUARK (tp-document-error-quark, tp_document_error)
/* clang-format on */
