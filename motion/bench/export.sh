#!/usr/bin/env bash
# Prints the motion package's speed figures against their budgets:
#   a 60-minute routine exported at 1 kHz, CSV and JSON lines, compiling, building and checking
#   the whole trajectory (joins, forces, speeds on the body) and writing every row (about
#   7 million): budget 100 ms with the chart (2D) columns (PRODUCT.md), 250 ms with the
#   body-frame (3D) columns too (issue 16);
#   compiling every step of the built-in catalog.
# Wall time is what the budget counts; processor time (all cores together) says what the
# work costs when other programs share the machine. Run from the repository's root:
#   bash motion/bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(go test ./motion -run '^$' -bench 'Export60Min1kHz|CompileCatalog' -benchtime 10x -count 1)
echo "$out" | awk '
function metric(name,   i) { for (i = 1; i < NF; i++) if ($(i+1) == name) return $i; return 0 }
function line(what, budget) { printf "60-minute routine at 1 kHz, %-20s %6.1f ms wall (budget %d ms: %s), %6.1f ms processor, %5.0f MB written, %4.0f MB allocated\n", what ":", $3/1e6, budget, ($3/1e6 <= budget ? "ok" : "over"), metric("cpu-ms/op"), metric("MB/op"), metric("B/op")/1e6 }
/^BenchmarkExport60Min1kHz\/csv-2d/   { line("CSV, 2D", 100) }
/^BenchmarkExport60Min1kHz\/jsonl-2d/ { line("JSON lines, 2D", 100) }
/^BenchmarkExport60Min1kHz\/csv-3d/   { line("CSV, 3D", 250) }
/^BenchmarkExport60Min1kHz\/jsonl-3d/ { line("JSON lines, 3D", 250) }
/^BenchmarkCompileCatalog/            { printf "compile every step of the catalog:      %6.1f ms (%d steps)\n", $3/1e6, metric("steps/op") }
'
echo "($(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg) when it ran)"
