#!/bin/sh
# SPDX-License-Identifier: MIT
# Instructions of one pass of text import (+ validation with v) over FILE, counted
# exactly by callgrind: a pass = 2 rounds − 1 round of bench/insn_driver.c, so the
# start-up cancels out. BUILD is a Release build with benchmarks (GK_BUILD_BENCH).
#   bench/insn_pass.sh BUILD FILE [v]
#   e.g. build/gkreport_gen -n 100 -f text > gen100.txt; bench/insn_pass.sh build-rel gen100.txt v
# Prints the pass and instructions a byte, and where the 2-round profile is kept
# (callgrind_annotate --inclusive=yes PROFILE | head -80 shows where they go).
set -eu
build=${1:?usage: insn_pass.sh BUILD FILE [v]}; file=${2:?usage: insn_pass.sh BUILD FILE [v]}; v=${3:-}
drv=$build/gkreport_insn_driver
[ -x "$drv" ] || { echo "$drv: not built (cmake -DGK_BUILD_BENCH=ON)" >&2; exit 1; }
command -v valgrind > /dev/null || { echo "valgrind is needed" >&2; exit 1; }
out=$(mktemp -d)
count() { valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" "$drv" "$file" "$1" $v 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
one=$(count 1); two=$(count 2)
size=$(wc -c < "$file")
pass=$((two - one))
echo "$file: pass $pass instructions, $((pass / size)) a byte ($size bytes); profile of 2 rounds: $out/cg.2"
