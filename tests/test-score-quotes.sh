#!/bin/sh
# test-score-quotes.sh: the quotes plugin through the textpipe command on
# the fixture story, scored by textpipe-score-quotes against its gold file
# (all eight quotes, every speaker); then the scorer's own arithmetic on
# hand-made predictions (misses, spurious quotes, wrong speakers, bytes).
set -u

builddir=${TP_TEST_BUILDDIR:-.}
srcdir=${TP_TEST_SRCDIR:-.}
tp="$builddir/core/textpipe"
score="$builddir/tools/textpipe-score-quotes"
gold="$srcdir/tests/quotes/news-story.gold.json"
. "$srcdir/tests/tp-test-lib.sh"

cat >"$tmp/news.ini" <<'INI'
[pipeline]
name = quotes-test
stages = tokenize, sentences, quotes

[tokenize]
plugin = tokenizer

[sentences]
plugin = sentences

[quotes]
plugin = quotes
INI

expect 0 "run on the fixture story" "$tp" run -q --layers=quote \
  -o "$tmp/pred.jsonl" "$tmp/news.ini" "$srcdir/tests/quotes/news-story.txt"
expect 0 "score the fixture story" "$score" "$gold" "$tmp/pred.jsonl"
contains "$tmp/out" "gold quotes 8, predicted 8" "fixture counts"
contains "$tmp/out" "overlap > 0.3: P 1.0000 (8/8)  R 1.0000 (8/8)  F1 1.0000" "fixture F1 at 0.3"
contains "$tmp/out" "overlap > 0.8: P 1.0000 (8/8)  R 1.0000 (8/8)  F1 1.0000" "fixture F1 at 0.8"
contains "$tmp/out" "speaker right for 1.0000 of found quotes (8/8" "fixture speakers"

# byte offsets, with the text in the output
expect 0 "run with byte offsets" "$tp" run -q --layers=quote --offsets=bytes \
  --text -o "$tmp/predb.jsonl" "$tmp/news.ini" "$srcdir/tests/quotes/news-story.txt"
expect 0 "score byte offsets" "$score" --byte-offsets "$gold" "$tmp/predb.jsonl"
contains "$tmp/out" "F1 1.0000" "byte offsets converted"

# hand-made predictions: gold [0,10) A. Smith, [20,30) Jones, [40,50) null
cat >"$tmp/g.jsonl" <<'EOG'
{"id":"d1","quotes":[{"span":[0,10],"speaker":"Anna Smith"},{"span":[20,30],"speaker":"Bo Jones","speaker_alternatives":["the club"]},{"span":[40,50],"speaker":null}]}
EOG
# found 0-10 (right surname), 20-30 by an alternative, 40-50 missed; one
# spurious prediction; one that covers only 2/10 of a gold quote
cat >"$tmp/p.jsonl" <<'EOP'
{"id":"d1","layers":{"quote":[{"start":0,"end":10,"speaker":"Smith"},{"start":21,"end":29,"speaker":"The Club"},{"start":60,"end":70,"speaker":null},{"start":48,"end":58,"speaker":null}]}}
EOP
expect 0 "score hand-made predictions" "$score" -v "$tmp/g.jsonl" "$tmp/p.jsonl"
contains "$tmp/out" "gold quotes 3, predicted 4" "hand-made counts"
contains "$tmp/out" "overlap > 0.3: P 0.5000 (2/4)  R 0.6667 (2/3)  F1 0.5714" "hand-made at 0.3"
# 21-29 covers exactly 0.8 of 20-30: found at 0.3, not at 0.8
contains "$tmp/out" "overlap > 0.8: P 0.5000 (2/4)  R 0.3333 (1/3)  F1 0.4000" "hand-made at 0.8"
contains "$tmp/out" "speaker right for 1.0000 of found quotes (2/2" "hand-made speakers"
contains "$tmp/out" "missed" "verbose lists misses"
contains "$tmp/out" "spurious" "verbose lists spurious quotes"

# a document with no prediction counts as all missed
printf '%s\n' '{"id":"other","layers":{}}' >"$tmp/none.jsonl"
expect 0 "score without a matching document" "$score" "$tmp/g.jsonl" "$tmp/none.jsonl"
contains "$tmp/out" "no prediction for 1" "unmatched documents reported"
contains "$tmp/out" "R 0.0000 (0/3)" "unmatched documents score nothing"

# bad input is an error, not a crash
printf '%s\n' '{"id":"d1","quotes":[{"speaker":"x"}]}' >"$tmp/bad.jsonl"
expect 1 "gold without spans" "$score" "$tmp/bad.jsonl" "$tmp/p.jsonl"
contains "$tmp/err" "span" "error names the missing span"
expect 2 "usage" "$score" "$tmp/g.jsonl"

tp_test_done
