#!/usr/bin/env bash
# Measures `analyse run` on three studies, and the same work done the pandas way
# (bench/pandas_equivalent.py), on the same files in the same run:
#
#   small     the bundled example study (data/example), as it is
#   medium    40 municipalities, 5,000 survey respondents, 5,000 segments
#   national  342 municipalities, 100,000 respondents × 24 items (.xlsx), 50,000 segments
#             coded by two coders
#   double    the national study with twice the respondents (in two workbooks) and segments
#
# Every command runs RUNS times (default 3); the table shows the median wall time, the
# median CPU time (user + system: less sensitive than wall time to other work on a shared
# machine) and the median peak memory (maximum resident set size), from /usr/bin/time.
#
#   bench/run.sh                 all studies
#   RUNS=5 bench/run.sh          five runs each
#   STUDIES="small medium" bench/run.sh
#   PANDAS=0 bench/run.sh        samenspel only
#   WORK=/tmp/bench bench/run.sh keep the studies and outputs in /tmp/bench
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PANDAS=${PANDAS:-1}
PANDAS_RUNS=${PANDAS_RUNS:-$RUNS}
STUDIES=${STUDIES:-small medium national double}
WORK=${WORK:-$(mktemp -d -t samenspel-bench.XXXXXX)}
PYTHON=${PYTHON:-/usr/bin/python3}
mkdir -p "$WORK"

[[ -x /usr/bin/time ]] || { echo "bench/run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
if [[ $PANDAS == 1 ]] && ! "$PYTHON" -c 'import pandas, openpyxl, scipy, matplotlib, yaml' 2>/dev/null; then
	echo "bench/run.sh: $PYTHON lacks pandas, openpyxl, scipy, matplotlib or yaml (Debian: python3-pandas python3-openpyxl python3-scipy python3-matplotlib python3-yaml); PANDAS=0 skips them" >&2
	exit 1
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, $(go version | cut -d' ' -f3), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "work folder: $WORK; $RUNS runs each (median)"
echo

go build -o "$WORK/analyse" ./cmd/analyse

study_dir() {
	case $1 in
	small) echo data/example ;;
	*) echo "$WORK/$1" ;;
	esac
}

generate() {
	local name=$1 dir
	dir=$(study_dir "$name")
	case $name in
	small) return ;;
	medium) set -- -municipalities 40 -respondents 5000 -segments 5000 ;;
	national) set -- -municipalities 342 -respondents 100000 -items 8 -segments 50000 -coders 2 ;;
	# Two workbooks of 100,000: one sheet of 200,000 × 24 unpacks to 317 MB, over the
	# readers' 256 MiB limit per archive entry (their guard against zip bombs).
	double) set -- -municipalities 342 -respondents 200000 -items 8 -segments 100000 -coders 2 -survey-files 2 ;;
	*) echo "bench/run.sh: unknown study $1" >&2; exit 2 ;;
	esac
	if [[ ! -f $dir/study.yaml ]]; then
		/usr/bin/time -f "%e" -o "$WORK/gen.time" "$WORK/analyse" synth -o "$dir" -force "$@" >/dev/null
		echo "generated $name in $(cat "$WORK/gen.time") s: analyse synth $*"
	fi
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# measure N NAME CMD...: runs CMD N times, prints "median_wall median_peak_kib median_cpu".
measure() {
	local n=$1 name=$2
	shift 2
	local walls=() mems=() cpus=()
	for ((i = 1; i <= n; i++)); do
		if ! /usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; then
			echo "bench/run.sh: $name failed; see $WORK/$name.err:" >&2
			tail -5 "$WORK/$name.err" >&2
			echo "- - -"
			return
		fi
		read -r w m u s <"$WORK/$name.time"
		walls+=("$w")
		mems+=("$m")
		cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
	done
	echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${mems[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median)"
}

declare -A go_wall go_mem go_cpu py_wall py_mem py_cpu
for s in $STUDIES; do
	generate "$s"
	dir=$(study_dir "$s")
	read -r go_wall[$s] go_mem[$s] go_cpu[$s] < <(measure "$RUNS" "go-$s" "$WORK/analyse" run "$dir" -o "$WORK/out-$s" -quiet)
	echo "$s: samenspel ${go_wall[$s]} s wall, ${go_cpu[$s]} s CPU, $(awk -v m="${go_mem[$s]}" 'BEGIN {printf "%.0f", m/1024}') MiB"
	if [[ $PANDAS == 1 ]]; then
		read -r py_wall[$s] py_mem[$s] py_cpu[$s] < <(measure "$PANDAS_RUNS" "pandas-$s" "$PYTHON" bench/pandas_equivalent.py "$dir" "$WORK/pandas-$s")
		echo "$s: pandas    ${py_wall[$s]} s wall, ${py_cpu[$s]} s CPU, $(awk -v m="${py_mem[$s]}" 'BEGIN {printf "%.0f", m/1024}') MiB"
	fi
done

echo
printf '%-9s | %10s | %9s | %9s | %10s | %9s | %9s | %8s\n' study "samenspel" "CPU s" "peak MiB" "pandas" "CPU s" "peak MiB" "speed-up"
printf '%-9s-|-%10s-|-%9s-|-%9s-|-%10s-|-%9s-|-%9s-|-%8s\n' --------- ---------- --------- --------- ---------- --------- --------- --------
for s in $STUDIES; do
	awk -v s="$s" -v gw="${go_wall[$s]}" -v gc="${go_cpu[$s]}" -v gm="${go_mem[$s]}" \
		-v pw="${py_wall[$s]:--}" -v pc="${py_cpu[$s]:--}" -v pm="${py_mem[$s]:--}" 'BEGIN {
		g = (gm == "-") ? "-" : sprintf("%.0f", gm / 1024)
		p = (pm == "-") ? "-" : sprintf("%.0f", pm / 1024)
		r = (pw == "-" || gw == "-" || gw == 0) ? "-" : sprintf("%.1f×", pw / gw)
		printf "%-9s | %8s s | %9s | %9s | %8s s | %9s | %9s | %8s\n", s, gw, gc, g, pw, pc, p, r
	}'
done
if [[ -n ${go_wall[national]:-} && -n ${go_wall[double]:-} && ${go_wall[national]} != - && ${go_wall[double]} != - ]]; then
	awk -v a="${go_wall[national]}" -v b="${go_wall[double]}" 'BEGIN {printf "\ndoubling the national study: %.2f× the time (target at most 2.2×)\n", b / a}'
fi
if [[ -n ${go_wall[national]:-} && ${go_wall[national]} != - ]]; then
	awk -v w="${go_wall[national]}" -v m="${go_mem[national]}" -v p="${py_wall[national]:--}" 'BEGIN {
		printf "national: %s s (target at most 20 s), %.0f MiB peak (target at most 1024 MiB)", w, m / 1024
		if (p != "-") printf ", %.1f× faster than pandas (target at least 10×)", p / w
		printf "\n"
	}'
fi
