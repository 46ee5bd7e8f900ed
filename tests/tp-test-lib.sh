# tp-test-lib.sh: helpers shared by the shell tests (sourced, not run).
# Sets $tmp to a fresh folder removed on exit; tests call fail, expect and
# contains, and end with tp_test_done.

tmp=$(mktemp -d "${TMPDIR:-/tmp}/textpipe-test.XXXXXX")
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect CODE DESCRIPTION COMMAND...: runs COMMAND, checks its exit code;
# stdout and stderr land in $tmp/out and $tmp/err.
expect () {
  want=$1; what=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, expected $want"
    sed 's/^/  stdout: /' "$tmp/out" >&2
    sed 's/^/  stderr: /' "$tmp/err" >&2
  fi
}

# contains FILE TEXT DESCRIPTION
contains () {
  grep -qF -- "$2" "$1" || { fail "$3: '$2' not in $1"; sed 's/^/  /' "$1" >&2; }
}

# Ends the test: exit 1 when any check failed.
tp_test_done () {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
  exit 0
}
