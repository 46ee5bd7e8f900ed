#!/bin/sh
# test-batch.sh: the batch engine end to end: output order whatever the
# number of jobs, shards that add up to one run, accounting on bad input,
# and interrupted, killed and crashed runs resumed to the very same bytes.
set -u

builddir=${TP_TEST_BUILDDIR:-.}
srcdir=${TP_TEST_SRCDIR:-.}
tp="$builddir/core/textpipe"
plugins="$builddir/tests/plugins"
. "$srcdir/tests/tp-test-lib.sh"

cat >"$tmp/p.ini" <<'INI'
[pipeline]
stages = w, count
[w]
plugin = words
fail_on = poison
drop_on = spam
[count]
plugin = counter
INI

# 3000 records: mostly good, some rejected, dropped or malformed
awk 'BEGIN {
  for (i = 1; i <= 3000; i++) {
    if (i % 500 == 0) print "{\"id\": \"d" i "\", \"text\": broken";
    else if (i % 301 == 0) printf "{\"id\":\"d%d\",\"text\":\"a poison pill %d\"}\n", i, i;
    else if (i % 199 == 0) printf "{\"id\":\"d%d\",\"text\":\"buy spam %d\"}\n", i, i;
    else printf "{\"id\":\"d%d\",\"text\":\"story %d has %d words and more %s\"}\n", i, i, i % 17, substr("abcdefghij", 1, i % 10);
  }
}' >"$tmp/in.jsonl"

run () {
  "$tp" run -q -P "$plugins" "$@"
}

# --- order and accounting -------------------------------------------------
run -j 1 -o "$tmp/j1.jsonl" --stats "$tmp/s1.json" "$tmp/p.ini" "$tmp/in.jsonl"
[ $? -eq 2 ] || fail "a run with rejects exits 2"
for j in 2 3 8; do
  run -j $j --max-in-flight 100 -o "$tmp/j$j.jsonl" "$tmp/p.ini" "$tmp/in.jsonl"
  cmp -s "$tmp/j1.jsonl" "$tmp/j$j.jsonl" || fail "--jobs $j output differs from --jobs 1"
  cmp -s "$tmp/j1.jsonl.rejects.jsonl" "$tmp/j$j.jsonl.rejects.jsonl" || fail "--jobs $j rejects differ"
done
# read = written + rejected + dropped, on a mixed input
read=$(sed 's/.*"read":\([0-9]*\).*/\1/' "$tmp/s1.json")
written=$(sed 's/.*"written":\([0-9]*\).*/\1/' "$tmp/s1.json")
rejected=$(sed 's/.*"rejected":\([0-9]*\).*/\1/' "$tmp/s1.json")
dropped=$(sed 's/.*"dropped":\([0-9]*\).*/\1/' "$tmp/s1.json")
[ "$read" -eq 3000 ] || fail "read $read, expected 3000"
[ "$read" -eq $((written + rejected + dropped)) ] || fail "read != written + rejected + dropped"
[ "$(wc -l <"$tmp/j1.jsonl")" -eq "$written" ] || fail "output lines != written"
[ "$(wc -l <"$tmp/j1.jsonl.rejects.jsonl")" -eq "$rejected" ] || fail "reject lines != rejected"
[ "$rejected" -eq 15 ] || fail "rejected $rejected, expected 15 (6 malformed + 9 poison)"

# --- shards add up to one run ----------------------------------------------
: >"$tmp/union.jsonl"
for k in 0 1 2 3; do
  run -j 2 --shard $k/4 -o "$tmp/shard$k.jsonl" "$tmp/p.ini" "$tmp/in.jsonl"
  cat "$tmp/shard$k.jsonl" >>"$tmp/union.jsonl"
  [ -s "$tmp/shard$k.jsonl" ] || fail "shard $k is empty"
done
sort "$tmp/union.jsonl" >"$tmp/union.sorted"
sort "$tmp/j1.jsonl" >"$tmp/j1.sorted"
cmp -s "$tmp/union.sorted" "$tmp/j1.sorted" || fail "4 shards do not add up to one run"
run --shard 4/4 "$tmp/p.ini" "$tmp/in.jsonl" 2>/dev/null && fail "--shard 4/4 accepted"

# --- interrupted runs resume to the same bytes --------------------------------
slow="--set w.delay_us=300"
run -j 2 $slow -o "$tmp/full.jsonl" "$tmp/p.ini" "$tmp/in.jsonl"
for attempt in 1 2 3 4; do
  out="$tmp/int$attempt.jsonl"
  for sig in TERM KILL; do
    rm -f "$out" "$out".*
    "$tp" run -q -P "$plugins" -j 2 $slow -o "$out" "$tmp/p.ini" "$tmp/in.jsonl" &
    pid=$!
    sleep "0.$(awk -v s=$attempt 'BEGIN { srand(s * 7); printf "%d", 1 + rand() * 6 }')"
    kill -$sig $pid 2>/dev/null
    wait $pid
    code=$?
    [ "$sig" = TERM ] && [ $code -ne 4 ] && [ $code -ne 2 ] && fail "SIGTERM run exited $code, expected 4"
    [ -e "$out" ] && [ $code -ne 2 ] && fail "an interrupted run left $out looking complete"
    n=0
    while [ ! -e "$out" ] && [ $n -lt 20 ]; do
      if [ -e "$out.resume" ]; then
        run -j 2 $slow --resume -o "$out" "$tmp/p.ini" "$tmp/in.jsonl"
      else
        run -j 2 $slow -o "$out" "$tmp/p.ini" "$tmp/in.jsonl"
      fi
      n=$((n + 1))
    done
    cmp -s "$tmp/full.jsonl" "$out" || fail "resume after SIG$sig (attempt $attempt) differs"
    cmp -s "$tmp/full.jsonl.rejects.jsonl" "$out.rejects.jsonl" || fail "resumed rejects after SIG$sig differ"
    [ -e "$out.resume" ] && fail "resume record left after a finished run"
  done
done

# a changed pipeline refuses to resume
rm -f "$tmp/chg.jsonl"*
"$tp" run -q -P "$plugins" -j 2 $slow -o "$tmp/chg.jsonl" "$tmp/p.ini" "$tmp/in.jsonl" &
pid=$!; sleep 0.3; kill -TERM $pid; wait $pid
if [ -e "$tmp/chg.jsonl.resume" ]; then
  "$tp" run -q -P "$plugins" --set w.min_length=2 --resume -o "$tmp/chg.jsonl" "$tmp/p.ini" "$tmp/in.jsonl" 2>"$tmp/err"
  [ $? -eq 1 ] || fail "resume under a changed pipeline accepted"
  grep -q "the pipeline or the output options changed" "$tmp/err" || fail "changed pipeline message"
  # the same pipeline with another output layout would mix two formats
  "$tp" run -q -P "$plugins" --layout columns $slow --resume -o "$tmp/chg.jsonl" "$tmp/p.ini" "$tmp/in.jsonl" 2>"$tmp/err"
  [ $? -eq 1 ] || fail "resume under a changed --layout accepted"
fi
run --resume -o "$tmp/never.jsonl" "$tmp/p.ini" "$tmp/in.jsonl" 2>/dev/null && fail "resume with no record accepted"

# --- a plugin that crashes the process -----------------------------------------
printf '%s\n' '{"id":"c1","text":"fine one"}' '{"id":"c2","text":"this goes boom here"}' \
  '{"id":"c3","text":"fine three"}' >"$tmp/crash-in.jsonl"
rm -f "$tmp/crash.jsonl"*
crash="--set w.crash_on=boom"
( run -j 2 $crash -o "$tmp/crash.jsonl" "$tmp/p.ini" "$tmp/crash-in.jsonl" ) 2>/dev/null
[ $? -ge 128 ] || fail "the crashing plugin did not kill the run"
[ -e "$tmp/crash.jsonl" ] && fail "a crashed run left complete-looking output"
grep -q "^1 11 0$" "$tmp/crash.jsonl.crashes" || fail "the crash was not recorded against record 1"
run -j 2 $crash --resume -o "$tmp/crash.jsonl" "$tmp/p.ini" "$tmp/crash-in.jsonl"
[ $? -eq 2 ] || fail "the resumed run should exit 2 (one rejected)"
[ "$(wc -l <"$tmp/crash.jsonl")" -eq 2 ] || fail "resume after a crash should write c1 and c3"
grep -q '"id":"c2","stage":"w","plugin":"words@1.0.0","error":"processing this document killed the process (signal 11' \
  "$tmp/crash.jsonl.rejects.jsonl" || fail "the crashing document is rejected with the signal"

# --- --isolate: a crash costs one document, the run goes on -------------------
run -j 3 --isolate -o "$tmp/iso.jsonl" "$tmp/p.ini" "$tmp/in.jsonl"
cmp -s "$tmp/j1.jsonl" "$tmp/iso.jsonl" || fail "--isolate output differs from --jobs 1"
cmp -s "$tmp/j1.jsonl.rejects.jsonl" "$tmp/iso.jsonl.rejects.jsonl" || fail "--isolate rejects differ"
# records whose text holds "7 words" crash the plugin
run -j 2 --isolate --set w.crash_on=7 -o "$tmp/isocrash.jsonl" --stats "$tmp/iso.json" "$tmp/p.ini" "$tmp/in.jsonl" 2>/dev/null
[ $? -eq 2 ] || fail "--isolate with crashes should exit 2"
crashed=$(grep -c 'killed the process (signal 11' "$tmp/isocrash.jsonl.rejects.jsonl")
expected=$(grep -c '"text":"story [0-9]* has 7 words' "$tmp/in.jsonl")
[ "$crashed" -eq "$expected" ] || fail "--isolate rejected $crashed crashing documents, expected $expected"
grep 'has 7 words' "$tmp/in.jsonl" | cut -d, -f1 >"$tmp/ids.crashing"
cut -d, -f1 "$tmp/j1.jsonl" | grep -v -x -F -f "$tmp/ids.crashing" >"$tmp/ids.expected"
cut -d, -f1 "$tmp/isocrash.jsonl" >"$tmp/ids.got"
cmp -s "$tmp/ids.expected" "$tmp/ids.got" || fail "--isolate lost or reordered documents around crashes"
grep -q '"read":3000' "$tmp/iso.json" || fail "--isolate accounting"

tp_test_done
