#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every benchmark with one command: builds an optimised tree (Release) and runs
# each bench/bench_*.c program in turn, after printing the machine.
#   bench/run.sh [BUILD_DIR]        (default: build-bench)
#   BENCH_QUICK=1 bench/run.sh      (smaller inputs, for a smoke run)
#   BENCH_ONLY=bench_load bench/run.sh   (one program)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-bench}
jobs=${BENCH_JOBS:-2}

mkdir -p "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DGK_BUILD_BENCH=ON \
  -DGK_BUILD_TESTS=OFF -DGK_BUILD_EXAMPLES=OFF > "$build/bench-configure.log" 2>&1 \
  || { cat "$build/bench-configure.log" >&2; exit 1; }
cmake --build "$build" -j"$jobs" > "$build/bench-build.log" 2>&1 \
  || { tail -n 40 "$build/bench-build.log" >&2; exit 1; }

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)," \
     "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo "compiler: $(cc --version | head -n1); libcjson $(pkg-config --modversion libcjson 2>/dev/null || echo '?')"
echo "commit: $(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC')"
status=0
for exe in "$build"/bench_*; do
  [ -x "$exe" ] && [ -f "$exe" ] || continue
  name=$(basename "$exe")
  if [ -n "${BENCH_ONLY:-}" ] && [ "$name" != "$BENCH_ONLY" ]; then continue; fi
  echo
  echo "==== $name"
  "$exe" || { echo "$name: exit status $?" >&2; status=1; }
done
exit $status
