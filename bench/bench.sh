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
# on a corpus five times larger.  The tokenizer over the corpus text as
# lines is also timed side by side with wc -w over the same file: wall
# clock of the whole process (the real binary, not the libtool wrapper),
# one core, interleaved runs, and it says which is faster.  With the default corpus it also runs the
# quote pipeline on one core over ../shared/corpus/bbc2225.jsonl and over
# both corpora (BENCH_OTHER names another file).
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
  last_mbs=$(median <"$tmp/mbs")
  last_stages=$stages
  printf '%-34s jobs=%-2s %10.0f docs/s %8.2f MB/s  peak RSS %6.1f MB  [%s]\n' \
    "$label" "$j" "$(median <"$tmp/dps")" "$last_mbs" \
    "$(median <"$tmp/rss" | awk '{ print $1 / 1024 }')" "$stages"
}

# stage_seconds NAME: a stage's seconds in the last measure's stage list
stage_seconds () {
  echo "$last_stages" | tr ',' '\n' | sed -n "s/^$1:\([0-9.]*\)s$/\1/p"
}

# The real program behind the libtool wrapper core/textpipe (a shell
# script that would add its own start-up to every timing), and the library
# path it needs: what `libtool --mode=execute` runs.
real_tp=$("$builddir/libtool" --mode=execute sh -c 'printf "%s" "$0"' "$tp" 2>/dev/null)
real_ld=$("$builddir/libtool" --mode=execute sh -c 'printf "%s" "${LD_LIBRARY_PATH:-}"' "$tp" 2>/dev/null)
[ -x "$real_tp" ] || { real_tp=$tp; real_ld=${LD_LIBRARY_PATH:-}; }

# One CPU for the side-by-side runs, when taskset is there.
pin=
if command -v taskset >/dev/null 2>&1; then
  pin="taskset -c $(( $(nproc) - 1 ))"
fi

# wall_ms CMD...: wall-clock milliseconds of one whole run of CMD, output
# discarded
wall_ms () {
  start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) / 1e6 }'
}

# side_by_side TEXT: the tokenizer over the lines of TEXT (token layer
# written, one core: -j 1, the real binary) and wc -w over TEXT, timed the
# same way (wall clock of the whole process, started through env, pinned
# to one CPU), runs interleaved, medians of $runs; wc -w under C.UTF-8 and
# under C, the faster of the two compared.  Also the tokenizer and the
# sentence splitter (both layers written), the same way: what sentence
# splitting adds to the tokenizer's whole-process time.
side_by_side () {
  text=$1
  bytes=$(wc -c <"$text")
  : >"$tmp/t_tp"; : >"$tmp/t_wcu"; : >"$tmp/t_wcc"; : >"$tmp/t_ts"
  for i in $(seq "$runs"); do
    wall_ms env LD_LIBRARY_PATH="$real_ld" $pin "$real_tp" run -q -j 1 \
      -o /dev/null --lines "$tmp/tok.ini" "$text" >>"$tmp/t_tp"
    wall_ms env LD_LIBRARY_PATH="$real_ld" $pin "$real_tp" run -q -j 1 \
      -o /dev/null --lines "$tmp/sent.ini" "$text" >>"$tmp/t_ts"
    wall_ms env LC_ALL=C.UTF-8 $pin wc -w "$text" >>"$tmp/t_wcu"
    wall_ms env LC_ALL=C $pin wc -w "$text" >>"$tmp/t_wcc"
  done
  t_tp=$(median <"$tmp/t_tp"); t_wcu=$(median <"$tmp/t_wcu"); t_wcc=$(median <"$tmp/t_wcc")
  t_ts=$(median <"$tmp/t_ts")
  echo "side by side, one core${pin:+ (${pin#taskset -c } pinned)}, wall clock of the whole process, median of $runs interleaved runs:"
  awk -v b="$bytes" -v tp="$t_tp" -v u="$t_wcu" -v c="$t_wcc" -v ts="$t_ts" 'BEGIN {
    printf "  tokenizer, text lines, -j 1, token layer written: %7.1f ms %7.1f MB/s\n", tp, b / 1e3 / tp
    printf "  wc -w, LC_ALL=C.UTF-8:                            %7.1f ms %7.1f MB/s\n", u, b / 1e3 / u
    printf "  wc -w, LC_ALL=C:                                  %7.1f ms %7.1f MB/s\n", c, b / 1e3 / c
    w = u < c ? u : c
    if (tp < w)
      printf "  the tokenizer is faster than wc -w (its faster locale), by %.0f%%\n", 100 * (w / tp - 1)
    else
      printf "  the tokenizer is slower than wc -w (its faster locale), by %.0f%%\n", 100 * (tp / w - 1)
    printf "  tokenizer and sentences, both layers written:     %7.1f ms %7.1f MB/s\n", ts, b / 1e3 / ts
    printf "  sentence splitting adds %.0f%% to the tokenizer'"'"'s whole-process time\n", 100 * (ts / tp - 1)
  }'
}

# wc_rate FILE: MB/s of wc -w over FILE, median of $runs runs
wc_rate () {
  for i in $(seq "$runs"); do
    start=$(date +%s.%N); wc -w "$1" >/dev/null; end=$(date +%s.%N)
    awk -v b="$(wc -c <"$1")" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", b / 1e6 / (e - s) }'
  done | median
}

cat >"$tmp/tok.ini" <<'INI'
[pipeline]
stages = tokenizer
[tokenizer]
INI
cat >"$tmp/sent.ini" <<'INI'
[pipeline]
stages = tokenize, sentences
[tokenize]
plugin = tokenizer
[sentences]
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
# The tokenizer over the corpus text as plain lines (no JSON to parse),
# and wc -w over that same file.
if "$builddir/libtool" --mode=execute "$builddir/tools/textpipe-bench-tokenizer" \
     --write-lines "$tmp/text.txt" "$corpus" 2>/dev/null; then
  measure "tokenizer, text lines (rows)" 1 "$tmp/tok.ini" "$tmp/text.txt" --lines
  measure "tokenizer, text lines (columns)" 1 "$tmp/tok.ini" "$tmp/text.txt" --lines --layout columns
  side_by_side "$tmp/text.txt"
fi

for j in 1 "$jobs"; do
  measure "tokenizer (token layer written)" "$j" "$tmp/tok.ini" "$corpus"
  if [ "$j" = 1 ]; then
    # Sentence splitting against the tokenizer alone, on one core: by the
    # stages' own time, and by the whole run (both layers written).
    tok_mbs=$last_mbs
    measure "tokenize,sentences (both written)" 1 "$tmp/sent.ini" "$corpus"
    awk -v t="$(stage_seconds tokenize)" -v s="$(stage_seconds sentences)" \
      -v a="$tok_mbs" -v b="$last_mbs" 'BEGIN {
        printf "sentences add %.0f%% to the tokenizer stage time, %.0f%% to a whole run\n",
          100 * s / t, 100 * (a / b - 1) }'
  fi
  measure "tokenizer (token layer as columns)" "$j" "$tmp/tok.ini" "$corpus" --layout columns
  measure "tokenizer (no layer written)" "$j" "$tmp/tok.ini" "$corpus" --layers none
  measure "news pipeline (all layers)" "$j" "$srcdir/pipelines/news.ini" "$corpus"
  measure "news pipeline (quote,tariff out)" "$j" "$srcdir/pipelines/news.ini" "$corpus" --layers quote,tariff
  measure "tokenize,sentences,quotes (quote out)" "$j" "$tmp/quotes.ini" "$corpus" --layers quote
done

# The quote pipeline on one core over the other corpus beside the default
# one (BBC stories hold about four times more quotes per byte), and over
# both together.
other=${BENCH_OTHER:-$srcdir/../shared/corpus/bbc2225.jsonl}
if [ -z "${1:-}" ] && [ -r "$other" ]; then
  measure "tokenize,sentences,quotes, $(basename "$other")" 1 "$tmp/quotes.ini" "$other" --layers quote
  cat "$corpus" "$other" >"$tmp/both.jsonl"
  measure "tokenize,sentences,quotes, both corpora" 1 "$tmp/quotes.ini" "$tmp/both.jsonl" --layers quote
  rm -f "$tmp/both.jsonl"
fi

awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "{\"id\":\"n%d\",\"text\":\"tiny doc %d\"}\n", i, i }' >"$tmp/small.jsonl"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "tiny doc %d\n", i }' >"$tmp/small.txt"
for j in 1 "$jobs"; do
  measure "overhead: noop, 1M lines" "$j" "$tmp/noop.ini" "$tmp/small.txt" --lines
  measure "overhead: noop, 1M JSONL records" "$j" "$tmp/noop.ini" "$tmp/small.jsonl"
done

for k in 1 2 3 4 5; do cat "$corpus"; done >"$tmp/big.jsonl"
measure "news pipeline, corpus x5" "$jobs" "$srcdir/pipelines/news.ini" "$tmp/big.jsonl" --layers quote,tariff

echo "for scale: wc -w over the same file: $(wc_rate "$corpus") MB/s"
