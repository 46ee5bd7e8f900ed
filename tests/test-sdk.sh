#!/bin/sh
# test-sdk.sh: the plugin SDK end to end.  Installs this build (DESTDIR)
# into a temporary folder, writes a plugin project with
# `textpipe new-plugin`, builds it against that install with pkg-config
# alone, runs its own `make check`, installs it into the pluginsdir, and
# runs a pipeline of the bundled tokenizer and the new plugin with the
# installed command.  Writes only under a temporary folder (the source tree
# is read-only under distcheck).  Skips (77) when autoreconf is missing
# or the build is a sanitizer build.
set -u

builddir=$(cd "${TP_TEST_BUILDDIR:-.}" && pwd)
make=${TP_TEST_MAKE:-make}
for v in TP_TEST_BINDIR TP_TEST_LIBDIR TP_TEST_PKGLIBDIR TP_TEST_INCLUDEDIR \
  TP_TEST_PIPELINESDIR TP_TEST_MANDIR TP_TEST_DOCDIR; do
  eval "val=\${$v:-}"
  if [ -z "$val" ]; then
    echo "test-sdk.sh: $v is not set; run me through make check" >&2
    exit 99
  fi
done
tp="$builddir/core/textpipe"
. "${TP_TEST_SRCDIR:-.}/tests/tp-test-lib.sh"

# step DESCRIPTION LOG COMMAND...: runs a build step, its output in LOG;
# on failure shows the log's end and stops the test.
step () {
  what=$1; log=$2; shift 2
  if ! "$@" >"$log" 2>&1; then
    fail "$what (log: $log)"
    tail -n 40 "$log" | sed 's/^/  /' >&2
    exit 1
  fi
}

# submake ARGS...: make with no jobserver or flags inherited from the
# make check that runs this test.  $make is split on purpose: $(MAKE) may
# carry arguments.
submake () {
  # shellcheck disable=SC2086,SC2317
  env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $make "$@"
}

# ---- new-plugin: names and folders ----------------------------------

for bad in "../up" "a/b" "9lives" "with space" "" "-x" "$(printf 'caf\303\251')"; do
  expect 1 "new-plugin '$bad' refused" "$tp" new-plugin -- "$bad" "$tmp/bad"
  contains "$tmp/err" "cannot name a plugin" "new-plugin '$bad' message"
  [ ! -e "$tmp/bad" ] || fail "new-plugin '$bad' created a folder"
done
expect 1 "new-plugin without a name" "$tp" new-plugin
contains "$tmp/err" "usage: textpipe new-plugin NAME [DIR]" "usage line"

mkdir "$tmp/taken"
echo "mine" >"$tmp/taken/keep.txt"
expect 1 "new-plugin into an existing folder" "$tp" new-plugin x "$tmp/taken"
contains "$tmp/err" "exists already" "existing folder message"
[ "$(ls "$tmp/taken")" = "keep.txt" ] || fail "existing folder was written to"

(cd "$tmp" && "$tp" new-plugin here_one >out 2>err) \
  || fail "new-plugin NAME (no DIR) failed: $(cat "$tmp/err")"
for f in configure.ac Makefile.am here_one.c test-here_one.c here_one.ini \
  sample.txt README.md .gitignore; do
  [ -f "$tmp/here_one/$f" ] || fail "new-plugin NAME did not write ./here_one/$f"
done
contains "$tmp/here_one/here_one.c" 'TP_PLUGIN_DEFINE (.name = "here_one"' \
  "descriptor names the plugin"
contains "$tmp/here_one/here_one.c" 'HereOneState' "CamelCase state type"
if grep -n '@[A-Z]*@' "$tmp/here_one"/* "$tmp/here_one/.gitignore"; then
  fail "placeholders left in the project"
fi

# ---- install this build into a temporary folder ---------------------

# A sanitizer build (CFLAGS with -fsanitize) cannot load the plugin that
# the generated project builds without it: the build part has nothing to
# say there.
if grep -q '^CFLAGS = .*-fsanitize' "$builddir/Makefile" 2>/dev/null; then
  echo "test-sdk.sh: a sanitizer build; skipping the build part" >&2
  [ "$failures" -eq 0 ] || exit 1
  exit 77
fi

if ! command -v autoreconf >/dev/null 2>&1; then
  echo "test-sdk.sh: autoreconf not found; skipping the build part" >&2
  [ "$failures" -eq 0 ] || exit 1
  exit 77
fi

dest="$tmp/dest"
step "make install DESTDIR=$dest" "$tmp/install.log" \
  submake -C "$builddir" install DESTDIR="$dest"

bindir="$dest$TP_TEST_BINDIR"
libdir="$dest$TP_TEST_LIBDIR"
pluginsdir="$dest$TP_TEST_PKGLIBDIR"
for f in "$bindir/textpipe" "$libdir/libtextpipe.so" \
  "$libdir/libtextpipe-check.so" "$pluginsdir/tokenizer.so" \
  "$dest$TP_TEST_INCLUDEDIR/textpipe-plugin.h" \
  "$dest$TP_TEST_INCLUDEDIR/textpipe.h" \
  "$dest$TP_TEST_INCLUDEDIR/tp-harness.h" \
  "$libdir/pkgconfig/textpipe.pc" "$libdir/pkgconfig/textpipe-check.pc" \
  "$dest$TP_TEST_PIPELINESDIR/news.ini" "$dest$TP_TEST_MANDIR/textpipe.1" \
  "$dest$TP_TEST_DOCDIR/plugin-guide.md"; do
  [ -f "$f" ] || fail "make install did not install ${f#"$dest"}"
done

# The .pc files name the configured prefix; a sysroot
# (PKG_CONFIG_SYSROOT_DIR) would also move glib's and Check's paths, so
# copy ours with every absolute variable moved under $dest instead.
mkdir "$tmp/pkgconfig"
for pc in "$libdir"/pkgconfig/textpipe*.pc; do
  sed "s|^\([A-Za-z_][A-Za-z0-9_]*\)=/|\1=$dest/|" "$pc" \
    >"$tmp/pkgconfig/${pc##*/}"
done
PKG_CONFIG_PATH="$tmp/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export PKG_CONFIG_PATH LD_LIBRARY_PATH
unset PKG_CONFIG_SYSROOT_DIR TEXTPIPE_PLUGIN_PATH
itp="$bindir/textpipe"
expect 0 "pkg-config pluginsdir" pkg-config --variable=pluginsdir textpipe
contains "$tmp/out" "$pluginsdir" "pluginsdir is the installed plugin folder"

# ---- a plugin project from new-plugin, built against the install ------

expect 0 "installed textpipe new-plugin" "$itp" new-plugin demo "$tmp/demo"
contains "$tmp/out" "autoreconf -fi" "new-plugin prints the next steps"
cd "$tmp/demo" || exit 1
step "autoreconf -fi" "$tmp/autoreconf.log" autoreconf -fi
step "./configure" "$tmp/configure.log" ./configure
step "make" "$tmp/make.log" submake
if grep -n 'warning:' "$tmp/make.log" | grep -v '^[0-9]*:libtool: warning'; then
  fail "the generated plugin builds with warnings"
fi
step "make check (generated project)" "$tmp/check.log" submake check
contains "$tmp/demo/test-demo.log" "Failures: 0, Errors: 0" \
  "the generated tests ran"

# ---- the installed command uses it --------------------------------------

expect 0 "describe the built plugin" "$itp" describe --plugin-path . demo
contains "$tmp/out" "demo 0.1.0: Marks the listed words" "describe names it"
contains "$tmp/out" "produces: demo" "describe lists its layer"
contains "$tmp/out" "(required)" "describe lists its required option"
contains "$tmp/out" "ignore_case" "describe lists its options"

expect 0 "run tokenizer + demo" "$itp" run demo.ini --plugin-path . \
  --plugin-path "$pluginsdir" sample.txt -o "$tmp/run.jsonl"
contains "$tmp/run.jsonl" '"token":[{"start":0,"end":3,"class":"word"}' \
  "the bundled tokenizer ran"
contains "$tmp/run.jsonl" \
  '"demo":[{"start":4,"end":9,"word":"ferry","exact":true,"case":"lower"}' \
  "the demo layer"
contains "$tmp/run.jsonl" \
  '{"start":102,"end":107,"word":"ferry","exact":false,"case":"upper"}]' \
  "the demo layer's last mark"

# make install puts it where pkg-config's pluginsdir says.
step "make install (generated project)" "$tmp/install-demo.log" \
  submake install
[ -f "$pluginsdir/demo.so" ] || fail "demo.so not installed in the pluginsdir"
expect 0 "plugins lists it installed" "$itp" plugins --plugin-path "$pluginsdir"
contains "$tmp/out" "$pluginsdir/demo.la" "plugins shows the installed demo"
contains "$tmp/out" "$pluginsdir/tokenizer.la" "plugins shows the tokenizer"

# ---- the ABI policy: a plugin built for the previous major --------------

expect 1 "an old-ABI plugin is refused" "$itp" describe \
  "$builddir/tests/plugins/oldabi.la"
contains "$tmp/err" "rebuild the plugin against textpipe" "old ABI message"

tp_test_done
