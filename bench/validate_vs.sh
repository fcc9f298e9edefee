#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `gkreport validate` over N generated published texts (default 3,000, one file
# each) against three baselines in the same run over the same files: `cat`,
# gkreport_read_floor (bench/read_floor.c: each file opened, read whole and
# closed, nothing else: the floor of any checker) and bench/py_checker.py (a
# plain-Python checker of four identities by regular expressions, run by the
# interpreter itself: a wrapper such as pyenv's shim would add its own start-up
# to Python's time). Best of R runs (default 3) each.
#   bench/validate_vs.sh [BUILD_DIR] [N] [R]   (BUILD_DIR: gkreport, gkreport_gen, gkreport_read_floor)
#   BENCH_INSN=1 bench/validate_vs.sh ...     (also count instructions: valgrind)
# Goals (issue 11): validate >= 20x the Python checker, <= 3x cat. Times are
# the best of R runs, CPU (user + system) and wall clock.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-bench}
n=${2:-3000}
runs=${3:-3}
gk=$build/gkreport
gen=$build/gkreport_gen
floor=$build/gkreport_read_floor
[ -x "$gk" ] && [ -x "$gen" ] && [ -x "$floor" ] ||
  { echo "validate_vs: need $gk, $gen and $floor (build with -DGK_BUILD_BENCH=ON)" >&2; exit 2; }
py=$(python3 -c "import sys; print(sys.executable)") # the interpreter, not a wrapper script
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# one report a file: gkreport_gen -f text separates them with form feeds
"$gen" -n "$n" -d 0 -f text | (cd "$dir" && awk 'BEGIN { RS = "\f"; ORS = "" } NF { f = sprintf("r%05d.txt", NR); print > f; close(f) }')
files=$(find "$dir" -name '*.txt' | wc -l)
bytes=$(cat "$dir"/*.txt | wc -c)
echo "validate_vs: $files generated texts, $bytes bytes, in $dir; best of $runs"

# best CPU time (user + system, which the machine's load disturbs far less than
# the wall clock) of "$@" over $runs runs, output discarded; prints "CPU WALL"
best() {
  local b="" bw=""
  for _ in $(seq "$runs"); do
    local out
    out=$({ TIMEFORMAT='%3U %3S %3R'; time "$@" > /dev/null 2>&1 || true; } 2>&1 | tail -n 1)
    local cpu wall
    cpu=$(echo "$out" | awk '{ print $1 + $2 }')
    wall=$(echo "$out" | awk '{ print $3 }')
    if [ -z "$b" ] || [ "$(echo "$cpu < $b" | bc -l)" = 1 ]; then b=$cpu bw=$wall; fi
  done
  echo "$b $bw"
}

read -r c_cat w_cat < <(best sh -c "cat '$dir'/*.txt")
read -r c_fl w_fl < <(best "$floor" "$dir"/*.txt)
read -r c_py w_py < <(best "$py" "$src/bench/py_checker.py" "$dir"/*.txt)
read -r c_gk w_gk < <(best "$gk" validate "$dir")
printf '                      CPU s    wall s\n'
printf '  cat                 %7.3f  %7.3f\n' "$c_cat" "$w_cat"
printf '  read floor          %7.3f  %7.3f   (open, read, close each file)\n' "$c_fl" "$w_fl"
printf '  py_checker.py       %7.3f  %7.3f\n' "$c_py" "$w_py"
printf '  gkreport validate   %7.3f  %7.3f   (%.1f MB/s of CPU time)\n' "$c_gk" "$w_gk" \
  "$(echo "$bytes / $c_gk / 1000000" | bc -l)"
printf '  validate vs Python: %.1fx faster in CPU time, %.1fx in wall time (goal >= 20x)\n' \
  "$(echo "$c_py / $c_gk" | bc -l)" "$(echo "$w_py / $w_gk" | bc -l)"
printf '  validate vs cat:    %.1fx the CPU time, %.1fx the wall time (goal <= 3x)\n' \
  "$(echo "$c_gk / $c_cat" | bc -l)" "$(echo "$w_gk / $w_cat" | bc -l)"
printf '  20x the Python checker is %.3f CPU s: %.2fx the read floor (below 1: less than reading the files)\n' \
  "$(echo "$c_py / 20" | bc -l)" "$(echo "$c_py / 20 / $c_fl" | bc -l)"
# BENCH_INSN=1: user-space instructions of each (callgrind; exact, whatever the
# load; the kernel's share of cat - its reads - is not counted)
if [ -n "${BENCH_INSN:-}" ] && command -v valgrind > /dev/null; then
  insn() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null | sed -n 's/.*Collected : //p; s/.*refs: *//p' | tr -d , | tail -n 1; }
  i_cat=$(insn sh -c "cat '$dir'/*.txt")
  i_py=$(insn "$py" "$src/bench/py_checker.py" "$dir"/*.txt)
  i_gk=$(insn "$gk" validate "$dir")
  printf '  instructions: cat %s, py_checker.py %s, gkreport validate %s (%.0f a byte)\n' "$i_cat" "$i_py" "$i_gk" \
    "$(echo "$i_gk / $bytes" | bc -l)"
  printf '  validate vs Python: %.2fx fewer instructions; vs cat: %.1fx the instructions\n' \
    "$(echo "$i_py / $i_gk" | bc -l)" "$(echo "$i_gk / $i_cat" | bc -l)"
fi
# both checkers on the same (valid: -d 0) reports: no finding expected
"$py" "$src/bench/py_checker.py" "$dir"/*.txt | tail -n 1 || true
"$gk" validate "$dir" | tail -n 1 || true
