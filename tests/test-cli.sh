#!/bin/sh
# test-cli.sh: end-to-end tests of the textpipe command: exit codes, what
# goes to stdout and stderr, and the files a run leaves behind.
set -u

builddir=${TP_TEST_BUILDDIR:-.}
srcdir=${TP_TEST_SRCDIR:-.}
tp="$builddir/core/textpipe"
plugins="$builddir/tests/plugins"
. "$srcdir/tests/tp-test-lib.sh"

cat >"$tmp/p.ini" <<'INI'
[pipeline]
name = cli
stages = w, count

[w]
plugin = words
fail_on = poison

[count]
plugin = counter
INI

printf '%s\n' '{"id":"one","text":"hello world"}' \
  '{"id":"two","text":"poison here"}' \
  '{"id":"three","text":"a b c"}' >"$tmp/in.jsonl"

expect 0 "--help" "$tp" --help
contains "$tmp/out" "Usage: textpipe COMMAND" "--help text"
expect 1 "no arguments" "$tp"
expect 0 "--version" "$tp" --version
contains "$tmp/out" "plugin ABI 1" "--version"
expect 1 "unknown command" "$tp" runn
contains "$tmp/err" "did you mean 'run'" "unknown command hint"
expect 0 "run --help" "$tp" run --help
contains "$tmp/out" "--set" "run --help lists --set"

expect 0 "check" "$tp" check -P "$plugins" "$tmp/p.ini"
contains "$tmp/out" "is valid" "check output"

expect 1 "plugins with broken ones" "$tp" plugins -P "$plugins"
contains "$tmp/out" "words" "plugins lists words"
contains "$tmp/err" "skipping badabi" "plugins reports broken plugins"

expect 0 "describe" "$tp" describe -P "$plugins" words
contains "$tmp/out" "fail_on" "describe lists options"
contains "$tmp/out" "produces: word" "describe lists layers"
expect 1 "describe unknown" "$tp" describe -P "$plugins" nosuch
contains "$tmp/err" "not found; looked in:" "describe unknown says where"

# a run with one failing document: exit 2, the rest intact on stdout
expect 2 "run with a reject" sh -c "cd '$tmp' && '$tp' run -P '$plugins' p.ini in.jsonl"
[ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "stdout should hold 2 documents"
contains "$tmp/out" '{"id":"one"' "first document written"
contains "$tmp/out" '"count":[{"start":0,"end":5,"words":3}]' "counter ran"
contains "$tmp/err" "rejected document 'two' at stage 'w'" "reject message"
contains "$tmp/err" "read 3, written 2, rejected 1, dropped 0" "accounting"
contains "$tmp/textpipe-rejects.jsonl" '"id":"two","stage":"w","plugin":"words@1.0.0"' "reject file"

# -o writes atomically and puts rejects beside it
expect 2 "run -o" "$tp" run -q -P "$plugins" -o "$tmp/result.jsonl" --stats "$tmp/stats.json" "$tmp/p.ini" "$tmp/in.jsonl"
[ -s "$tmp/out" ] && fail "-o run wrote to stdout"
[ "$(wc -l <"$tmp/result.jsonl")" -eq 2 ] || fail "-o file should hold 2 lines"
contains "$tmp/result.jsonl.rejects.jsonl" '"id":"two"' "rejects beside -o"
contains "$tmp/stats.json" '"read":3,"written":2,"rejected":1,"dropped":0' "--stats"
[ -e "$tmp/result.jsonl.partial" ] && fail "partial file left behind"

# -o to a FIFO (as to /dev/null) writes in place: the FIFO stays a FIFO and
# nothing is created beside it
if mkfifo "$tmp/fifo" 2>/dev/null; then
  timeout 20 cat "$tmp/fifo" >"$tmp/from-fifo" &
  reader=$!
  expect 2 "run -o FIFO" "$tp" run -q -P "$plugins" --rejects "$tmp/fifo-rejects.jsonl" -o "$tmp/fifo" "$tmp/p.ini" "$tmp/in.jsonl"
  wait "$reader"
  [ -p "$tmp/fifo" ] || fail "-o FIFO replaced the FIFO"
  [ "$(wc -l <"$tmp/from-fifo")" -eq 2 ] || fail "-o FIFO: reader should get 2 lines"
  for f in "$tmp"/fifo.*; do [ -e "$f" ] && fail "-o FIFO left $f behind"; done
fi

# --set overrides the INI; stdin input; byte offsets
printf 'x poison y\n' >"$tmp/lines.txt"
expect 0 "--set" "$tp" run -q -P "$plugins" --set w.fail_on=none --lines "$tmp/p.ini" "$tmp/lines.txt"
contains "$tmp/out" '"words":3' "--set took effect"
expect 0 "attached short values (-j2 -sKEY=V)" "$tp" run -q -j2 -P"$plugins" -sw.fail_on=none --lines "$tmp/p.ini" "$tmp/lines.txt"
contains "$tmp/out" '"words":3' "-sKEY=V took effect"
expect 1 "--set unknown key" "$tp" run -q -P "$plugins" --set w.fail_no=x "$tmp/p.ini" "$tmp/lines.txt"
contains "$tmp/err" "--set: [w] unknown key 'fail_no' for plugin 'words' (did you mean 'fail_on'?)" "--set error"
printf 'h\303\251 there' | "$tp" run -q -P "$plugins" --offsets bytes "$tmp/p.ini" - >"$tmp/out" 2>"$tmp/err" || fail "stdin run"
contains "$tmp/out" '{"start":4,"end":9' "byte offsets"
printf 'bad \377 byte' >"$tmp/bad.txt"
expect 2 "invalid UTF-8 file" "$tp" run -P "$plugins" --rejects "$tmp/r.jsonl" "$tmp/p.ini" "$tmp/bad.txt"
contains "$tmp/r.jsonl" "invalid UTF-8 at byte offset 4" "invalid UTF-8 reject"

# a stage that fails to finish: exit 2, what was written is kept
expect 2 "finish fails" "$tp" run -P "$plugins" --set w.fail_finish=true --set w.fail_on=none -o "$tmp/fin.jsonl" "$tmp/p.ini" "$tmp/lines.txt"
contains "$tmp/err" "stage 'w' (plugin words 1.0.0) failed to finish: could not flush its summary" "finish error message"
[ "$(wc -l <"$tmp/fin.jsonl")" -eq 1 ] || fail "a finish error should keep the output"

# configuration and I/O errors
expect 3 "missing input" "$tp" run -P "$plugins" "$tmp/p.ini" "$tmp/nope.txt"
contains "$tmp/err" "does not exist" "missing input message"
printf '[pipeline]\nstages = w\n[w]\nplugin = words\nfail_onn = 1\n' >"$tmp/bad.ini"
expect 1 "unknown key" "$tp" check -P "$plugins" "$tmp/bad.ini"
contains "$tmp/err" "bad.ini:5: [w] unknown key 'fail_onn'" "unknown key names file and line"
expect 1 "missing pipeline file" "$tp" check "$tmp/none.ini"
expect 1 "bad option" "$tp" run --offsets furlongs "$tmp/p.ini" "$tmp/in.jsonl"
expect 1 "--layers typo" "$tp" run -P "$plugins" --layers cuont "$tmp/p.ini" "$tmp/in.jsonl"
contains "$tmp/err" "--layers: no stage makes a layer 'cuont' (did you mean 'count'?)" "--layers typo message"
expect 2 "--layers none" "$tp" run -q -P "$plugins" --rejects "$tmp/r-none.jsonl" --layers none "$tmp/p.ini" "$tmp/in.jsonl"
contains "$tmp/out" '{"id":"one","layers":{}}' "--layers none writes ids only"
expect 1 "bad --layout" "$tp" run --layout diagonal "$tmp/p.ini" "$tmp/in.jsonl"
contains "$tmp/err" "--layout 'diagonal': use rows or columns" "--layout error"
expect 0 "--layout columns" "$tp" run -q -P "$plugins" --layout columns --set w.fail_on=none "$tmp/p.ini" "$tmp/in.jsonl"
contains "$tmp/out" '"count":{"start":[0],"end":[5],"words":[3]}' "columns layout"

# the bundled news pipeline over the bundled samples, when built
if [ -e "$builddir/plugins/tokenizer.la" ]; then
  expect 0 "news pipeline" "$tp" run -q "$srcdir/pipelines/news.ini" "$srcdir/samples"
  [ -s "$tmp/out" ] || fail "news pipeline wrote nothing"
  contains "$tmp/out" '"token":[' "news pipeline tokens"
fi

tp_test_done
