#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `gkreport validate` over N generated published texts (default 3,000, one file
# each) against two baselines in the same run over the same files: `cat` (the
# floor: reading the bytes) and bench/py_checker.py (a plain-Python checker of
# four identities by regular expressions). Best of R runs (default 3) each.
#   bench/validate_vs.sh [BUILD_DIR] [N] [R]   (BUILD_DIR: gkreport and gkreport_gen)
# Goals (issue 11): validate >= 20x the Python checker, <= 3x cat.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-bench}
n=${2:-3000}
runs=${3:-3}
gk=$build/gkreport
gen=$build/gkreport_gen
[ -x "$gk" ] && [ -x "$gen" ] || { echo "validate_vs: need $gk and $gen (build with -DGK_BUILD_BENCH=ON)" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# one report a file: gkreport_gen -f text separates them with form feeds
"$gen" -n "$n" -f text | (cd "$dir" && awk 'BEGIN { RS = "\f"; ORS = "" } NF { f = sprintf("r%05d.txt", NR); print > f; close(f) }')
files=$(find "$dir" -name '*.txt' | wc -l)
bytes=$(cat "$dir"/*.txt | wc -c)
echo "validate_vs: $files generated texts, $bytes bytes, in $dir; best of $runs"

best() { # best wall time of "$@" over $runs runs, output discarded
  local b=""
  for _ in $(seq "$runs"); do
    local t0 t1 t
    t0=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}

t_cat=$(best sh -c "cat '$dir'/*.txt")
t_py=$(best python3 "$src/bench/py_checker.py" "$dir"/*.txt)
t_gk=$(best "$gk" validate "$dir")
printf '  cat                 %8.3f s\n' "$t_cat"
printf '  py_checker.py       %8.3f s\n' "$t_py"
printf '  gkreport validate   %8.3f s   (%.1f MB/s)\n' "$t_gk" "$(echo "$bytes / $t_gk / 1000000" | bc -l)"
printf '  validate vs Python: %.1fx faster (goal >= 20x)\n' "$(echo "$t_py / $t_gk" | bc -l)"
printf '  validate vs cat:    %.1fx the time (goal <= 3x)\n' "$(echo "$t_gk / $t_cat" | bc -l)"
# the findings must agree where the two look: no generated report fails an identity
python3 "$src/bench/py_checker.py" "$dir"/*.txt | tail -n 1
"$gk" validate "$dir" | tail -n 1
