#!/bin/sh
# test-ud-eval.sh: textpipe-ud-eval on a small CoNLL-U file of our own:
# tokens, words (a multiword token), sentences, and the per-genre table.
set -u

builddir=${TP_TEST_BUILDDIR:-.}
srcdir=${TP_TEST_SRCDIR:-.}
tool="$builddir/tools/textpipe-ud-eval"
. "$srcdir/tests/tp-test-lib.sh"

[ -e "$builddir/plugins/tokenizer.la" ] || { echo "skipped: no tokenizer"; exit 77; }

tab=$(printf '\t')
row () { printf '%s\n' "$*" | sed "s/ | /$tab/g"; }
{
  echo "# newdoc id = mail-001"
  echo "# newpar id = mail-001-p1"
  echo "# text = We don't know."
  row "1 | We | we | PRON | _ | _ | 3 | nsubj | _ | _"
  row "2-3 | don't | _ | _ | _ | _ | _ | _ | _ | _"
  row "2 | do | do | AUX | _ | _ | 4 | aux | _ | _"
  row "3 | n't | not | PART | _ | _ | 4 | advmod | _ | _"
  row "4 | know | know | VERB | _ | _ | 0 | root | _ | SpaceAfter=No"
  row "5 | . | . | PUNCT | _ | _ | 4 | punct | _ | _"
  echo
  echo "# text = It rains."
  row "1 | It | it | PRON | _ | _ | 2 | nsubj | _ | _"
  row "2 | rains | rain | VERB | _ | _ | 0 | root | _ | SpaceAfter=No"
  row "3 | . | . | PUNCT | _ | _ | 2 | punct | _ | _"
  echo
  echo "# newdoc id = news-002"
  echo "# newpar id = news-002-p1"
  echo "# text = Prices rose."
  row "1 | Prices | price | NOUN | _ | _ | 2 | nsubj | _ | _"
  row "2 | rose | rise | VERB | _ | _ | 0 | root | _ | SpaceAfter=No"
  row "3 | . | . | PUNCT | _ | _ | 2 | punct | _ | _"
  echo
  echo "# text = Analysts said so."
  row "1 | Analysts | analyst | NOUN | _ | _ | 2 | nsubj | _ | _"
  row "2 | said | say | VERB | _ | _ | 0 | root | _ | _"
  row "3 | so | so | ADV | _ | _ | 2 | advmod | _ | SpaceAfter=No"
  row "4 | . | . | PUNCT | _ | _ | 2 | punct | _ | _"
  echo
} >"$tmp/small.conllu"

expect 0 "ud-eval" "$tool" --by-genre "$tmp/small.conllu"
# "don't" is one surface token but two words: the surface tokens come from
# the tokenizer without contraction splitting, so all 14 match
contains "$tmp/out" "Tokens         100.00     100.00     100.00       14       14" "tokens"
contains "$tmp/out" "Words          100.00     100.00     100.00       15       15" "words"
contains "$tmp/out" "Sentences      100.00     100.00     100.00        4        4" "sentences"
contains "$tmp/out" "mail           100.00     100.00     100.00        2        2" "per genre"
contains "$tmp/out" "news           100.00     100.00     100.00        2        2" "per genre"
# told not to split contractions, the words lose "do" "n't"
expect 0 "ud-eval, no splitting" "$tool" -o tokenizer.split_contractions=false "$tmp/small.conllu"
contains "$tmp/out" "Tokens         100.00     100.00     100.00       14       14" "tokens, no splitting"
contains "$tmp/out" "Words           92.86      86.67      89.66       15       14" "words, no splitting"
expect 1 "missing file" "$tool" "$tmp/none.conllu"
tp_test_done
