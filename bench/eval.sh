#!/bin/sh
# eval.sh: accuracy of the bundled plugins on the shared evaluation data.
#
#   bench/eval.sh [SHARED_DIR]   (run from the build folder, or set
#                                 TP_BUILDDIR; `make eval` does both)
#
# SHARED_DIR defaults to ../shared beside the source tree; without it the
# script says so and exits 0.  It runs:
#   - textpipe-ud-eval on UD English EWT test (token and sentence F1);
#   - the news pipeline on the seed article, scored for quotes and tariffs;
#   - the news pipeline on the 50 Reuters dev stories, scored for tariffs;
#   - the 400 Reuters stories with no tariff mention: events found (want 0).
set -u

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$here")
builddir=${TP_BUILDDIR:-$(pwd)}
shared=${1:-$srcdir/../shared}
tp="$builddir/core/textpipe"
tools="$builddir/tools"
news="$srcdir/pipelines/news.ini"

if [ ! -d "$shared/eval" ]; then
  echo "eval: skipped: no evaluation data at $shared/eval"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/textpipe-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# stories SELECTED_IDS_FILE OUT: the Reuters records with those ids
stories () {
  sed 's/.*/{"id": "&", /' "$1" >"$tmp/patterns"
  grep -F -f "$tmp/patterns" "$shared/corpus/reuters21578.jsonl" >"$2"
}

echo "== tokens and sentences: UD English EWT test"
"$tools/textpipe-ud-eval" "$shared/eval/ud/en_ewt-ud-test.conllu"

echo
echo "== seed article: quotes"
"$tp" run -q -j 1 --layers quote,tariff -o "$tmp/seed.jsonl" "$news" "$shared/eval/seed/carney-xi.txt"
"$tools/textpipe-score-quotes" "$shared/eval/seed/carney-xi.gold.json" "$tmp/seed.jsonl"
echo
echo "== seed article: tariff events"
"$tools/textpipe-score-tariffs" "$shared/eval/seed/carney-xi.gold.json" "$tmp/seed.jsonl"

if [ -r "$shared/corpus/reuters21578.jsonl" ]; then
  echo
  echo "== Reuters dev stories: tariff events"
  sed -n 's/^{"id": "\([^"]*\)".*/\1/p' "$shared/eval/tariffs/dev.jsonl" >"$tmp/dev.ids"
  stories "$tmp/dev.ids" "$tmp/dev.jsonl"
  "$tp" run -q --layers tariff -o "$tmp/dev.out" "$news" "$tmp/dev.jsonl"
  "$tools/textpipe-score-tariffs" "$shared/eval/tariffs/dev.jsonl" "$tmp/dev.out"

  echo
  echo "== Reuters stories with no tariff mention: events found (want 0)"
  stories "$shared/eval/tariffs/negatives.txt" "$tmp/neg.jsonl"
  "$tp" run -q --layers tariff -o "$tmp/neg.out" "$news" "$tmp/neg.jsonl"
  echo "stories: $(wc -l <"$tmp/neg.jsonl"), tariff events: $(grep -o '"action":' "$tmp/neg.out" | wc -l)"
fi
