#!/usr/bin/env bash
# Prints the motion package's speed figures against their budgets:
#   a 60-minute routine exported at 1 kHz, CSV and JSON lines, compiling, building and checking
#   the whole trajectory (joins, forces, speeds on the body) and writing every row (about
#   7 million): budget 100 ms with the chart (2D) columns (PRODUCT.md), 250 ms with the
#   body-frame (3D) columns too (issue 16);
#   compiling every step of the built-in catalog.
# Wall time is what the budget counts; processor time (all cores together) says what the
# work costs when other programs share the machine. Each figure is run three times (ten
# exports each) and the median is judged against the budget, with the lowest and highest
# beside it: on a shared two-core machine one run can be a quarter slower than the next.
# Run from the repository's root:
#   bash motion/bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(go test ./motion -run '^$' -bench 'Export60Min1kHz|CompileCatalog' -benchtime 10x -count 3)
echo "$out" | awk '
function metric(name,   i) { for (i = 1; i < NF; i++) if ($(i+1) == name) return $i; return 0 }
function keep(key) { n[key]++; wall[key, n[key]] = $3/1e6; cpu[key, n[key]] = metric("cpu-ms/op"); mb[key] = metric("MB/op"); alloc[key] = metric("B/op")/1e6; steps[key] = metric("steps/op") }
/^BenchmarkExport60Min1kHz\/csv-2d/   { keep("csv-2d") }
/^BenchmarkExport60Min1kHz\/jsonl-2d/ { keep("jsonl-2d") }
/^BenchmarkExport60Min1kHz\/csv-3d/   { keep("csv-3d") }
/^BenchmarkExport60Min1kHz\/jsonl-3d/ { keep("jsonl-3d") }
/^BenchmarkCompileCatalog/            { keep("compile") }
# median, lowest and highest of the runs of one key in one array
function stats(arr, key,   i, j, t, m, v) {
	m = n[key]
	for (i = 1; i <= m; i++) v[i] = arr[key, i]
	for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
	lo = v[1]; hi = v[m]; med = (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
}
function line(key, what, budget,   wl, wh, wm) {
	if (!n[key]) return
	stats(wall, key); wm = med; wl = lo; wh = hi
	stats(cpu, key)
	printf "60-minute routine at 1 kHz, %-16s %6.1f ms wall (budget %d ms: %s; runs %.1f-%.1f), %6.1f ms processor, %5.0f MB written, %4.0f MB allocated\n", what ":", wm, budget, (wm <= budget ? "ok" : "over"), wl, wh, med, mb[key], alloc[key]
}
END {
	if (n["compile"]) { stats(wall, "compile"); printf "compile every step of the catalog:  %6.1f ms (%d steps)\n", med, steps["compile"] }
	line("csv-2d", "CSV, 2D", 100)
	line("jsonl-2d", "JSON lines, 2D", 100)
	line("csv-3d", "CSV, 3D", 250)
	line("jsonl-3d", "JSON lines, 3D", 250)
}
'
echo "($(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg) when it ran)"
