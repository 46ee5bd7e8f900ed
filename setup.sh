#!/bin/sh
# setup.sh: set up textpipe on a fresh Debian 12 machine and run it.
#
#   ./setup.sh run     install build dependencies, build, and run the news
#                      pipeline over the bundled samples (JSON lines on stdout)
#   ./setup.sh check   install build dependencies, build, and run `make check`
#
# Dependencies are installed with apt-get when run as root; otherwise the
# exact apt-get line is printed and the script stops.  The build goes to
# _build/ (set TEXTPIPE_BUILDDIR to change it).
set -eu

top=$(cd "$(dirname "$0")" && pwd)
build=${TEXTPIPE_BUILDDIR:-$top/_build}
debs="build-essential autoconf automake libtool pkg-config libltdl-dev \
libglib2.0-dev libiniparser-dev check libjansson-dev"

usage () {
  sed -n '2,12s/^# \{0,1\}//p' "$0" >&2
  exit 1
}

[ $# -eq 1 ] || usage
case $1 in run|check) ;; -h|--help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;; *) usage ;; esac

missing=""
for deb in $debs; do
  dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "ok installed" \
    || missing="$missing $deb"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup.sh: installing:$missing" >&2
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y $missing >&2
  else
    echo "setup.sh: missing Debian packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    exit 1
  fi
fi

jobs=$(nproc 2>/dev/null || echo 2)
{
  cd "$top"
  [ -x configure ] && [ configure -nt configure.ac ] || autoreconf -fi
  mkdir -p "$build"
  cd "$build"
  [ -f Makefile ] || "$top/configure"
  make -j"$jobs"
} >&2

case $1 in
  run)
    exec "$build/core/textpipe" run "$top/pipelines/news.ini" "$top/samples"
    ;;
  check)
    cd "$build"
    exec make -j"$jobs" check
    ;;
esac
