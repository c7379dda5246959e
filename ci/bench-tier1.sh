#!/usr/bin/env bash
# bench-tier1.sh: time every program of interp/testdata/programs/bench with
# python3 and with minipy (tier 1) side by side, alternating the two so that
# machine noise hits both alike, best of N runs each; print a markdown table
# with the ratio minipy/python3 and its geometric mean.
#
# Usage: ci/bench-tier1.sh [-n RUNS] [PROGRAM.py ...]
#   RUNS defaults to 3. PYTHON (default python3) picks the reference.
# Each run's stdout is checked against the expected output, so a wrong answer
# fails the script instead of showing up as a fast time.
set -euo pipefail

runs=3
if [[ ${1:-} == -n ]]; then runs=$2; shift 2; fi
root=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-python3}
command -v "$py" >/dev/null || { echo "bench-tier1: $py not found" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/minipy" ./cmd/minipy)

progs=("$@")
if [[ ${#progs[@]} -eq 0 ]]; then progs=("$root"/interp/testdata/programs/bench/*.py); fi

# timeit CMD...: run once, check stdout, print elapsed seconds.
timeit() {
	local want=$1; shift
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >"$tmp/out" 2>"$tmp/err" || { echo "bench-tier1: $* failed:" >&2; cat "$tmp/err" >&2; exit 1; }
	t1=$(date +%s.%N)
	if [[ -f $want ]] && ! cmp -s "$tmp/out" "$want"; then
		echo "bench-tier1: $* printed a wrong answer" >&2
		diff "$want" "$tmp/out" | head -5 >&2
		exit 1
	fi
	echo "$t1 - $t0" | bc -l
}

min() { if (( $(echo "$2 < $1" | bc -l) )); then echo "$2"; else echo "$1"; fi; }

echo "| program | $($py -c 'import platform; print("python", platform.python_version())') s | minipy s | ratio |"
echo "|---|---:|---:|---:|"
logsum=0
n=0
for f in "${progs[@]}"; do
	name=$(basename "$f" .py)
	want=$(dirname "$f")/../expected/bench/$name.out
	bp=; bm=
	for ((i = 0; i < runs; i++)); do
		tp=$(timeit "$want" "$py" "$f")
		tm=$(timeit "$want" "$tmp/minipy" "$f")
		bp=$(min "${bp:-$tp}" "$tp")
		bm=$(min "${bm:-$tm}" "$tm")
	done
	ratio=$(echo "$bm / $bp" | bc -l)
	logsum=$(echo "$logsum + l($ratio)" | bc -l)
	n=$((n + 1))
	printf '| %s | %.3f | %.3f | %.2f |\n' "$name" "$bp" "$bm" "$ratio"
done
printf '\ngeometric mean of ratios (minipy/python3, lower is faster): %.2f over %d programs, best of %d runs\n' \
	"$(echo "e($logsum / $n)" | bc -l)" "$n" "$runs"
