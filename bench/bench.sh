#!/bin/sh
# bench.sh: throughput and memory of textpipe on a JSONL corpus.
#
#   bench/bench.sh [CORPUS.jsonl]     (run from the build folder, or set
#                                      TP_BUILDDIR; `make bench` does both)
#
# Without an argument it uses ../shared/corpus/reuters21578.jsonl beside the
# source tree, and skips cleanly when that is absent.  Each figure is the
# median of $RUNS runs (default 5).  Prints, for --jobs 1 and --jobs N:
# docs/s, MB/s, per-stage seconds and peak RSS; then the framework's own
# overhead (a do-nothing stage over 1 million small documents) and peak RSS
# on a corpus five times larger.
set -u

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
builddir=${TP_BUILDDIR:-$(pwd)}
tp="$builddir/core/textpipe"
runs=${RUNS:-5}
jobs=$(nproc 2>/dev/null || echo 2)
corpus=${1:-$srcdir/../shared/corpus/reuters21578.jsonl}

if [ ! -x "$tp" ]; then
  echo "bench: $tp not found; run from the build folder or set TP_BUILDDIR" >&2
  exit 1
fi
if [ ! -r "$corpus" ]; then
  echo "bench: skipped: corpus $corpus not found (give a JSONL file)"
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/textpipe-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# field NAME FILE: a number from a --stats JSON file
field () {
  sed "s/.*\"$1\":\([0-9.]*\).*/\1/" "$2"
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# measure LABEL JOBS PIPELINE INPUT [RUN OPTIONS...]: median over $runs runs
measure () {
  label=$1; j=$2; ini=$3; input=$4; shift 4
  : >"$tmp/dps"; : >"$tmp/mbs"; : >"$tmp/rss"
  for i in $(seq "$runs"); do
    "$tp" run -q -j "$j" --stats "$tmp/s.json" -o /dev/null "$@" "$ini" "$input" ||
      { echo "bench: $label failed" >&2; return; }
    field docs_per_second "$tmp/s.json" >>"$tmp/dps"
    field mb_per_second "$tmp/s.json" >>"$tmp/mbs"
    field peak_rss_kb "$tmp/s.json" >>"$tmp/rss"
  done
  stages=$(sed 's/.*"stages":{\(.*\)}}/\1/; s/{"seconds":\([0-9.]*\)}/\1s/g; s/"//g' "$tmp/s.json")
  printf '%-34s jobs=%-2s %10.0f docs/s %8.2f MB/s  peak RSS %6.1f MB  [%s]\n' \
    "$label" "$j" "$(median <"$tmp/dps")" "$(median <"$tmp/mbs")" \
    "$(median <"$tmp/rss" | awk '{ print $1 / 1024 }')" "$stages"
}

cat >"$tmp/tok.ini" <<'INI'
[pipeline]
stages = tokenizer
[tokenizer]
INI
cat >"$tmp/quotes.ini" <<'INI'
[pipeline]
stages = tokenize, sentences, quotes
[tokenize]
plugin = tokenizer
[sentences]
[quotes]
INI
cat >"$tmp/noop.ini" <<INI
[pipeline]
stages = noop
plugin_path = $builddir/tests/plugins
[noop]
INI

echo "corpus: $corpus ($(wc -c <"$corpus") bytes), median of $runs runs, $(nproc) CPUs"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for j in 1 "$jobs"; do
  measure "tokenizer (token layer written)" "$j" "$tmp/tok.ini" "$corpus"
  measure "tokenizer (token layer as columns)" "$j" "$tmp/tok.ini" "$corpus" --layout columns
  measure "tokenizer (no layer written)" "$j" "$tmp/tok.ini" "$corpus" --layers none
  measure "news pipeline (all layers)" "$j" "$srcdir/pipelines/news.ini" "$corpus"
  measure "news pipeline (quote,tariff out)" "$j" "$srcdir/pipelines/news.ini" "$corpus" --layers quote,tariff
  measure "tokenize,sentences,quotes (quote out)" "$j" "$tmp/quotes.ini" "$corpus" --layers quote
done

awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "{\"id\":\"n%d\",\"text\":\"tiny doc %d\"}\n", i, i }' >"$tmp/small.jsonl"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "tiny doc %d\n", i }' >"$tmp/small.txt"
for j in 1 "$jobs"; do
  measure "overhead: noop, 1M lines" "$j" "$tmp/noop.ini" "$tmp/small.txt" --lines
  measure "overhead: noop, 1M JSONL records" "$j" "$tmp/noop.ini" "$tmp/small.jsonl"
done

for k in 1 2 3 4 5; do cat "$corpus"; done >"$tmp/big.jsonl"
measure "news pipeline, corpus x5" "$jobs" "$srcdir/pipelines/news.ini" "$tmp/big.jsonl" --layers quote,tariff

start=$(date +%s.%N); wc -w "$corpus" >/dev/null; end=$(date +%s.%N)
echo "for scale: wc -w over the same file: $(awk -v b="$(wc -c <"$corpus")" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", b / 1e6 / (e - s) }') MB/s"
