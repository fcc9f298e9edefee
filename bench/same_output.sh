#!/bin/sh
# SPDX-License-Identifier: MIT
# Does a change keep the output? Compares two builds of gkreport (`convert --lines`,
# `validate`, their exit status) on every .txt/.md/.html/.docx under tests/data and
# ../shared/data/real, the text and page-text fuzz corpora, and 300 generated texts
# with 40 % defects. Prints each differing file and the count.
#   bench/same_output.sh OLD/gkreport NEW/gkreport   (OLD: a build of the base commit)
set -u
old=${1:?usage: same_output.sh OLD_GKREPORT NEW_GKREPORT}; new=${2:?usage: same_output.sh OLD_GKREPORT NEW_GKREPORT}
src=$(cd "$(dirname "$0")/.." && pwd)
gen=$(dirname "$new")/gkreport_gen
d=$(mktemp -d)
"$gen" -n 300 -d 40 -f text | (cd "$d" && awk 'BEGIN { RS = "\f"; ORS = "" } NF { f = sprintf("r%05d.txt", NR); print > f; close(f) }')
total=0; fails=0
for f in $(find "$src/tests/data" "$src/../shared/data/real" "$src/tests/fuzz/corpus/text" "$src/tests/fuzz/corpus/pagetext" "$d" \
           -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.htm' -o -name '*.docx' -o -path '*corpus*' \) 2>/dev/null); do
  total=$((total + 1))
  a=$(timeout 20 "$old" convert --lines "$f" 2>&1; echo "rc=$?"; timeout 20 "$old" validate "$f" 2>&1; echo "rc=$?")
  b=$(timeout 20 "$new" convert --lines "$f" 2>&1; echo "rc=$?"; timeout 20 "$new" validate "$f" 2>&1; echo "rc=$?")
  [ "$a" = "$b" ] || { echo "DIFF: $f"; fails=$((fails + 1)); }
done
rm -rf "$d"
echo "files: $total, differing: $fails"
[ "$fails" -eq 0 ]
