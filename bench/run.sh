#!/usr/bin/env bash
# Measures `analyse run` and the same work done the pandas way (bench/pandas_equivalent.py)
# on the same files, side by side in one run, on these studies:
#
#   small        the bundled example study (data/example), as it is
#   medium       40 municipalities, 5,000 survey respondents, 5,000 segments
#   codes        the medium study with a codebook of 200 codes and 5 coders
#   national     342 municipalities, 100,000 respondents × 24 items (.xlsx), 50,000 segments
#                coded by two coders
#   national-csv the national study with the survey as .csv
#   double       the national study twice over: 200,000 respondents (in two workbooks),
#                100,000 segments
#   waves        the national study with two survey waves of 100,000 (study.yaml entries
#                with wave: 2024 and wave: 2025; skipped while `analyse run` does not know
#                the key)
#
# Every command runs RUNS times (default 3), samenspel and pandas taking turns; the tables
# show the median wall time, the median CPU time (user + system: less sensitive than wall
# time to other work on a shared machine) and the median peak memory (maximum resident set
# size), from /usr/bin/time. The second table holds the targets of issue 16.
#
#   bench/run.sh                 all studies (about 20 minutes)
#   RUNS=5 bench/run.sh          five runs each
#   STUDIES="small medium" bench/run.sh
#   PANDAS=0 bench/run.sh        samenspel only
#   WORK=/tmp/bench bench/run.sh keep the studies and outputs in /tmp/bench (and reuse them)
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PANDAS=${PANDAS:-1}
STUDIES=${STUDIES:-small medium codes national national-csv double waves}
WORK=${WORK:-$(mktemp -d -t samenspel-bench.XXXXXX)}
PYTHON=${PYTHON:-/usr/bin/python3}
mkdir -p "$WORK"

[[ -x /usr/bin/time ]] || { echo "bench/run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
if [[ $PANDAS == 1 ]] && ! "$PYTHON" -c 'import pandas, openpyxl, scipy, matplotlib, yaml' 2>/dev/null; then
	echo "bench/run.sh: $PYTHON lacks pandas, openpyxl, scipy, matplotlib or yaml (Debian: python3-pandas python3-openpyxl python3-scipy python3-matplotlib python3-yaml); PANDAS=0 skips them" >&2
	exit 1
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, $(go version | cut -d' ' -f3), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date '+%Y-%m-%d %H:%M'); work folder: $WORK; $RUNS runs each (median)"
echo

go build -o "$WORK/analyse" ./cmd/analyse

study_dir() {
	case $1 in
	small) echo data/example ;;
	*) echo "$WORK/$1" ;;
	esac
}

NATIONAL="-municipalities 342 -respondents 100000 -items 8 -segments 50000 -coders 2"

# synth_args NAME prints the `analyse synth` flags of a study.
synth_args() {
	case $1 in
	medium) echo "-municipalities 40 -respondents 5000 -segments 5000" ;;
	codes) echo "-municipalities 40 -respondents 5000 -segments 5000 -codes 200 -coders 5" ;;
	national) echo "$NATIONAL" ;;
	national-csv) echo "$NATIONAL -formats csv" ;;
	# Two workbooks of 100,000: one sheet of 200,000 × 24 unpacks to 317 MB, over the
	# readers' 256 MiB limit per archive entry (their guard against zip bombs).
	double) echo "-municipalities 342 -respondents 200000 -items 8 -segments 100000 -coders 2 -survey-files 2" ;;
	waves) echo "$NATIONAL -waves 2024,2025" ;;
	*) return 1 ;;
	esac
}

generate() {
	local name=$1 dir args
	dir=$(study_dir "$name")
	[[ $name == small ]] && return
	if ! args=$(synth_args "$name"); then
		echo "bench/run.sh: unknown study $name" >&2
		exit 2
	fi
	if [[ ! -f $dir/study.yaml ]]; then
		# shellcheck disable=SC2086 # the flags are words
		/usr/bin/time -f "%e" -o "$WORK/gen.time" "$WORK/analyse" synth -o "$dir" -force $args >/dev/null
		echo "generated $name in $(cat "$WORK/gen.time") s: analyse synth $args"
	fi
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# once NAME CMD...: runs CMD once under /usr/bin/time; appends "wall peak_kib cpu" to
# $WORK/NAME.runs, or returns 1 (the error in $WORK/NAME.err).
once() {
	local name=$1 w m u sy
	shift
	if ! /usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; then
		return 1
	fi
	read -r w m u sy <"$WORK/$name.time"
	echo "$w $m $(awk -v u="$u" -v s="$sy" 'BEGIN {print u + s}')" >>"$WORK/$name.runs"
}

# medians NAME prints "median_wall median_peak_kib median_cpu" of $WORK/NAME.runs.
medians() {
	local f=$WORK/$1.runs
	echo "$(cut -d' ' -f1 "$f" | median) $(cut -d' ' -f2 "$f" | median) $(cut -d' ' -f3 "$f" | median)"
}

declare -A go_wall go_mem go_cpu py_wall py_mem py_cpu status
for s in $STUDIES; do
	generate "$s"
	dir=$(study_dir "$s")
	rm -f "$WORK/go-$s.runs" "$WORK/pandas-$s.runs"
	status[$s]=ok
	for ((i = 1; i <= RUNS; i++)); do
		if ! once "go-$s" "$WORK/analyse" run "$dir" -o "$WORK/out-$s" -quiet; then
			if [[ $s == waves ]] && grep -q 'unknown key "survey.wave"' "$WORK/go-$s.err"; then
				status[$s]="skipped: analyse run does not know study.yaml's wave key yet (issue 18)"
			else
				status[$s]="failed: see $WORK/go-$s.err"
				tail -5 "$WORK/go-$s.err" >&2
			fi
			break
		fi
		if [[ $PANDAS == 1 ]] && ! once "pandas-$s" "$PYTHON" bench/pandas_equivalent.py "$dir" "$WORK/pandas-$s"; then
			echo "bench/run.sh: pandas on $s failed; see $WORK/pandas-$s.err:" >&2
			tail -5 "$WORK/pandas-$s.err" >&2
			PANDAS_FAILED=1
		fi
	done
	go_wall[$s]=- go_mem[$s]=- go_cpu[$s]=- py_wall[$s]=- py_mem[$s]=- py_cpu[$s]=-
	if [[ ${status[$s]} != ok ]]; then
		echo "$s: ${status[$s]}"
		continue
	fi
	read -r go_wall[$s] go_mem[$s] go_cpu[$s] < <(medians "go-$s")
	if [[ -s $WORK/pandas-$s.runs ]]; then
		read -r py_wall[$s] py_mem[$s] py_cpu[$s] < <(medians "pandas-$s")
	fi
	echo "$s: samenspel ${go_wall[$s]} s wall, ${go_cpu[$s]} s CPU, $(awk -v m="${go_mem[$s]}" 'BEGIN {printf "%.0f", m/1024}') MiB; pandas ${py_wall[$s]} s wall, ${py_cpu[$s]} s CPU"
done

mib() { awk -v m="$1" 'BEGIN {if (m == "-") print "-"; else printf "%.0f", m / 1024}'; }
# ratio A B prints A / B with one decimal, or "-".
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b}'; }

echo
printf '| %-12s | %9s | %7s | %8s | %9s | %7s | %8s | %8s |\n' study "samenspel" "CPU" "peak" "pandas" "CPU" "peak" "speed-up"
printf '|-%-12s-|-%9s-|-%7s-|-%8s-|-%9s-|-%7s-|-%8s-|-%8s-|\n' ------------ --------- ------- -------- --------- ------- -------- --------
for s in $STUDIES; do
	if [[ ${status[$s]} != ok ]]; then
		printf '| %-12s | %s |\n' "$s" "${status[$s]}"
		continue
	fi
	up=$(ratio "${py_wall[$s]}" "${go_wall[$s]}")
	[[ $up != - ]] && up="${up}×"
	printf '| %-12s | %7s s | %5s s | %4s MiB | %7s s | %5s s | %4s MiB | %8s |\n' "$s" "${go_wall[$s]}" "${go_cpu[$s]}" "$(mib "${go_mem[$s]}")" \
		"${py_wall[$s]}" "${py_cpu[$s]}" "$(mib "${py_mem[$s]}")" "$up"
done

# target TEXT MEASURED OP LIMIT: a row of the targets table; MEASURED "-" is not measured.
target() {
	local text=$1 measured=$2 op=$3 limit=$4 met
	if [[ $measured == - ]]; then
		met="not measured"
	else
		met=$(awk -v m="$measured" -v l="$limit" -v op="$op" 'BEGIN {ok = (op == ">=") ? m >= l : m <= l; print ok ? "yes" : "no"}')
	fi
	printf '| %-58s | %12s | %-12s |\n' "$text" "$measured" "$met"
}
has() { [[ -n ${go_wall[$1]:-} && ${go_wall[$1]} != - ]]; }
val() { if has "$1"; then ratio "${py_wall[$1]}" "${go_wall[$1]}"; else echo -; fi; }

echo
printf '| %-58s | %12s | %-12s |\n' target measured met
printf '|-%-58s-|-%12s-|-%-12s-|\n' ---------------------------------------------------------- ------------ ------------
target "national: at least 10× faster than pandas" "$(val national)" ">=" 10
target "national: peak memory at most 500 MiB" "$(has national && mib "${go_mem[national]}" || echo -)" "<=" 500
target "national with the survey as CSV: at least 5× faster" "$(val national-csv)" ">=" 5
target "example study: at least 4× faster" "$(val small)" ">=" 4
target "twice the national study: at most 2.1× the time of once" "$(has national && has double && ratio "${go_wall[double]}" "${go_wall[national]}" || echo -)" "<=" 2.1
target "200 codes, 5 coders: at most 2× the medium study's time" "$(has medium && has codes && ratio "${go_wall[codes]}" "${go_wall[medium]}" || echo -)" "<=" 2
if has waves && has national; then
	echo "two waves (issue 18): $(ratio "${go_wall[waves]}" "${go_wall[national]}")× the national study's time (issue 18: at most 2.2×)"
fi
if [[ -n ${PANDAS_FAILED:-} ]]; then
	echo "bench/run.sh: a pandas run failed; its study shows no speed-up" >&2
fi
