#!/usr/bin/env bash
# Prints the motion package's speed figures against their budgets:
#   a 60-minute routine exported at 1 kHz (budget 100 ms, PRODUCT.md), CSV and JSON lines,
#   compiling, checking every force and writing every row (about 7 million);
#   compiling every step of the built-in catalog.
# Wall time is what the budget counts; processor time (all cores together) says what the
# work costs when other programs share the machine. Run from the repository's root:
#   bash motion/bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(go test ./motion -run '^$' -bench 'Export60Min1kHz|CompileCatalog' -benchtime 10x -count 1)
echo "$out" | awk '
function metric(name,   i) { for (i = 1; i < NF; i++) if ($(i+1) == name) return $i; return 0 }
/^BenchmarkExport60Min1kHz\/csv/   { printf "60-minute routine at 1 kHz, CSV:        %6.1f ms wall (budget 100 ms: %s), %6.1f ms processor\n", $3/1e6, ($3/1e6 <= 100 ? "ok" : "over"), metric("cpu-ms/op") }
/^BenchmarkExport60Min1kHz\/jsonl/ { printf "60-minute routine at 1 kHz, JSON lines: %6.1f ms wall (budget 100 ms: %s), %6.1f ms processor\n", $3/1e6, ($3/1e6 <= 100 ? "ok" : "over"), metric("cpu-ms/op") }
/^BenchmarkCompileCatalog/         { printf "compile every step of the catalog:      %6.1f ms (%d steps)\n", $3/1e6, metric("steps/op") }
'
echo "($(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg) when it ran)"
