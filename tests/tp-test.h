/* tp-test.h: small helpers shared by the core's Check suites. */
#ifndef TP_TEST_H
#define TP_TEST_H

#include <check.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "textpipe.h"

/* The folder holding the core's test plugins. */
static inline char *
tp_test_plugin_dir (void)
{
  const char *b = g_getenv ("TP_TEST_BUILDDIR");
  return g_build_filename (b ? b : ".", "tests", "plugins", NULL);
}

/* A fresh temporary folder for one test. */
static inline char *
tp_test_tmpdir (void)
{
  char *dir = g_dir_make_tmp ("textpipe-test-XXXXXX", NULL);
  ck_assert_ptr_nonnull (dir);
  return dir;
}

/* Writes @contents to @name inside @dir; returns the path. */
static inline char *
tp_test_write (const char *dir, const char *name, const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  ck_assert (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Removes a temporary folder and what it holds (one level). */
static inline void
tp_test_rmdir (char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *e;
  while (d && (e = g_dir_read_name (d)))
    {
      char *p = g_build_filename (dir, e, NULL);
      g_unlink (p);
      g_free (p);
    }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
  g_free (dir);
}

/* A loader that sees only the test plugins. */
static inline TpLoader *
tp_test_loader (void)
{
  TpLoader *loader = tp_loader_new ();
  char *dir = tp_test_plugin_dir ();
  tp_loader_add_path (loader, dir);
  g_free (dir);
  return loader;
}

/* Runs one suite and returns the exit status for the test driver. */
static inline int
tp_test_run_suite (Suite *s)
{
  SRunner *sr = srunner_create (s);
  int failed;
  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif /* TP_TEST_H */
