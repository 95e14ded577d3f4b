#!/bin/sh
# Prints, for the batches heldoutFIRST to heldoutLAST, the mean of each
# batch's steps F1, area recall, warnings F1, preparation recall and mode
# (each batch weighing the same), and how many batches meet each of issue
# 13's aims: the round means in docs/import.md's "Read blind, before and
# after" tables. Run from the repository root:
#   sh howto/testdata/roundmeans.sh 510 517
# KNEAD_BIN=path scores with a knead binary built elsewhere (an older
# commit, say) instead of building this one.
set -e
if [ $# -ne 2 ]; then
  echo "usage: sh howto/testdata/roundmeans.sh FIRST LAST (batch numbers, e.g. 510 517)" >&2
  exit 1
fi
case "$1$2" in *[!0-9]*)
  echo "roundmeans: $1 $2: expected two batch numbers" >&2
  exit 1
esac
if [ "$1" -gt "$2" ]; then
  echo "roundmeans: $1 comes after $2: expected FIRST no greater than LAST" >&2
  exit 1
fi
bin=${KNEAD_BIN:-}
if [ -z "$bin" ]; then
  bin=$(mktemp)
  trap 'rm -f "$bin"' EXIT
  go build -o "$bin" ./cmd/knead
fi
i=$1
while [ "$i" -le "$2" ]; do
  d=howto/testdata/heldout$i
  [ -d "$d" ] || { echo "roundmeans: $d: no such batch" >&2; exit 1; }
  "$bin" import --eval "$d" | awk '
    $1 == "steps" && NF >= 7 { s = $7 }
    $1 == "areas" && NF >= 7 { a = $6 }
    $1 == "warnings" && NF >= 7 { w = $7 }
    $1 == "preparation" && NF >= 7 { p = $6 }
    $1 == "mode" && $2 ~ /^[0-9]+$/ { m = $NF }
    END { print s, a, w, p, m }'
  i=$((i + 1))
done | awk '
  { s += $1; a += $2; w += $3; p += $4; m += $5; n++
    cs += $1 >= 0.9; ca += $2 >= 0.95; cw += $3 >= 0.9; cp += $4 >= 0.9; cm += $5 >= 0.999
    all += $1 >= 0.9 && $2 >= 0.95 && $3 >= 0.9 && $4 >= 0.9 && $5 >= 0.999 }
  END {
    printf "%d batches: steps F1 %.3f, area recall %.3f, warnings F1 %.3f, preparation recall %.3f, mode %.3f\n", n, s/n, a/n, w/n, p/n, m/n
    printf "aims met: steps %d, area %d, warnings %d, preparation %d, mode 8 of 8 %d, all five %d\n", cs, ca, cw, cp, cm, all
  }'
