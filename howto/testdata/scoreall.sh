#!/bin/sh
# Scores every own-words batch (howto/testdata/heldout*) together and
# prints, per field, what was found, labelled and right, with precision
# and recall over all of them; then how many texts' mode is right.
# These are no first runs: most batches were read before later changes.
# Run from the repository root: sh howto/testdata/scoreall.sh
# KNEAD_BIN=path scores with a knead binary built elsewhere (an older
# commit, say) instead of building this one.
set -e
bin=${KNEAD_BIN:-}
if [ -z "$bin" ]; then
  bin=$(mktemp)
  trap 'rm -f "$bin"' EXIT
  go build -o "$bin" ./cmd/knead
fi
for d in howto/testdata/heldout*; do
  "$bin" import --eval "$d"
done | awk '
  $1 ~ /^(steps|areas|warnings|preparation)$/ && NF >= 7 { f[$1] += $2; l[$1] += $3; r[$1] += $4 }
  $1 == "mode" && $2 ~ /^[0-9]+$/ { mt += $2; mr += $3 }
  END {
    split("steps areas warnings preparation", fs, " ")
    for (i = 1; i <= 4; i++) {
      k = fs[i]
      printf "%-12s found %5d  labelled %5d  right %5d  precision %.3f  recall %.3f\n", k, f[k], l[k], r[k], r[k] / f[k], r[k] / l[k]
    }
    printf "mode         %d of %d texts right\n", mr, mt
  }'
