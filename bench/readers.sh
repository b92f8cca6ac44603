#!/usr/bin/env bash
# Times the survey readers of this checkout against those of another revision (default
# main), side by side: both test binaries are built once, then run in turn, RUNS times
# each (default 5), with -cpu 1, and the medians printed. Go benchmarks:
#   BenchmarkSheetReader (pipeline/ingest/sheet): the 100,000 x 27 survey sheet read by
#     the sheet reader as bytes (sheet) and as strings (sheet-strings; before, sheet),
#     and inflating its XML alone (inflate);
#   BenchmarkReadSurvey (pipeline/ingest): ReadSurvey of the same survey as .xlsx and .csv.
# cells/s counts every cell of the sheet per wall second; cpu-s is user+system CPU per
# read, which a loaded machine distorts less than wall time (the load average is printed).
#
#   bench/readers.sh [revision] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-main}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/old"
git archive "$rev" | tar -x -C "$work/old"
for pkg in sheet:pipeline/ingest/sheet ingest:pipeline/ingest; do
  name="${pkg%%:*}"
  dir="${pkg#*:}"
  (cd "$work/old" && go test -c -o "$work/$name-old.test" "./$dir")
  go test -c -o "$work/$name-new.test" "./$dir"
done

# run VERSION PACKAGE DIR BENCH: one run of one binary, its benchmark lines appended to
# $work/VERSION.txt with the version in front.
run() {
  (cd "$3" && "$work/$2-$1.test" -test.run '^$' -test.bench "$4" -test.cpu 1 -test.benchtime 1x) |
    grep '^Benchmark' | sed "s/^/$1 /" >>"$work/$1.txt"
}
for i in $(seq "$runs"); do
  echo "run $i of $runs, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  for v in old new; do
    run "$v" sheet pipeline/ingest/sheet 'SheetReader/(sheet|sheet-strings|inflate)$'
    run "$v" ingest pipeline/ingest 'ReadSurvey/(csv|xlsx)$'
  done
done

# Medians per version and benchmark of wall seconds, cells/s and CPU seconds. Before the
# sheet reader had a bytes interface, its "sheet" read strings: it is shown as
# sheet-strings.
echo "| benchmark | before: wall s | cells/s | CPU s | after: wall s | cells/s | CPU s |"
echo "|---|---:|---:|---:|---:|---:|---:|"
cat "$work/old.txt" "$work/new.txt" | awk '
  {
    v = $1; name = $2; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
    if (v == "old" && name == "SheetReader/sheet") name = "SheetReader/sheet-strings"
    for (i = 3; i < NF; i++) {
      if ($(i+1) == "ns/op") wall[v, name] = wall[v, name] " " $i / 1e9
      if ($(i+1) == "cells/s") cells[v, name] = cells[v, name] " " $i
      if ($(i+1) == "cpu-s/op") cpu[v, name] = cpu[v, name] " " $i
    }
    names[name] = 1
  }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    if (n == 0) return "-"
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function show(v, unit, suffix) { return v == "-" ? "-" : sprintf("%.3g%s", v / unit, suffix) }
  END {
    for (name in names) {
      printf "| %s | %s | %s | %s | %s | %s | %s |\n", name,
        show(median(wall["old", name]), 1, ""), show(median(cells["old", name]), 1e6, " M"), show(median(cpu["old", name]), 1, ""),
        show(median(wall["new", name]), 1, ""), show(median(cells["new", name]), 1e6, " M"), show(median(cpu["new", name]), 1, "")
    }
  }' | sort
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
