#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Puts the line `SPDX-License-Identifier: MIT` into every tracked source file that
# lacks it, in the comment form of the file's language. Idempotent.
# Usage: tools/spdx-add.sh [--check] [FILE...]
#   (no FILE)  every file `git ls-files` lists, classified by name (see spdx_kind)
#   --check    change nothing; list the source files that lack the line, exit 1 if any
# Forms:  C (.c .h .h.in .map):        /* SPDX-License-Identifier: MIT */ as line 1
#         hash (.sh .py .cmake CMakeLists.txt .cmake.in .pc.in .toml, debian/rules,
#         any file starting with #!): # SPDX-License-Identifier: MIT, after the
#         shebang line (and after a Python coding cookie) when there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi

# spdx_kind FILE: sets kind to c, hash, or "" when FILE is not a source file.
spdx_kind() {
  local f=$1 base=${1##*/} head2=
  kind=
  case $f in
    tests/fuzz/corpus/*) return 0;;  # fuzz inputs are data, whatever their name
  esac
  case $base in
    *.c|*.h|*.h.in|*.map) kind=c; return 0;;
    *.sh|*.py|*.cmake|CMakeLists.txt|*.cmake.in|*.pc.in|*.toml) kind=hash; return 0;;
  esac
  if [ "$f" = debian/rules ]; then kind=hash; return 0; fi
  IFS= read -r -n 2 head2 < "$f" || true
  if [ "$head2" = '#!' ]; then kind=hash; fi
  return 0
}

has_spdx() { head -n 5 "$1" | grep -q 'SPDX-License-Identifier:'; }

# add FILE KIND: inserts the line; keeps the file's mode (rewrites in place).
add() {
  local f=$1 kind=$2 tmp after=0 line1 line2
  tmp=$(mktemp)
  if [ "$kind" = c ]; then
    { echo '/* SPDX-License-Identifier: MIT */'; cat "$f"; } > "$tmp"
  else
    line1=$(sed -n 1p "$f"); line2=$(sed -n 2p "$f")
    cookie='^#.*coding[:=]'
    if [[ $line1 == '#!'* ]]; then
      after=1
      if [[ $line2 =~ $cookie ]]; then after=2; fi
    elif [[ $line1 =~ $cookie ]]; then
      after=1
    fi
    { head -n "$after" "$f"; echo '# SPDX-License-Identifier: MIT'; tail -n +"$((after + 1))" "$f"; } > "$tmp"
  fi
  cat "$tmp" > "$f"
  rm -f "$tmp"
}

if [ $# -eq 0 ]; then
  mapfile -t files < <(git ls-files)
else
  files=("$@")
fi
sources=() kinds=()
for f in "${files[@]}"; do
  [ -f "$f" ] && [ ! -L "$f" ] || continue
  spdx_kind "$f"
  [ -n "$kind" ] || continue
  sources+=("$f"); kinds+=("$kind")
done
if [ $check = 1 ]; then
  # one pass over every source file: those without the line in their first 5 lines
  missing=0 nonempty=()
  for f in "${sources[@]}"; do  # awk never sees an empty file: it lacks the line
    if [ -s "$f" ]; then nonempty+=("$f"); else echo "$f"; missing=$((missing + 1)); fi
  done
  if [ ${#nonempty[@]} -gt 0 ]; then
    missing=$((missing + $(awk 'FNR == 1 { if (prev != "" && !ok) { print prev; n++ } prev = FILENAME; ok = 0 }
                   FNR <= 5 && /SPDX-License-Identifier:/ { ok = 1 }
                   END { if (prev != "" && !ok) { print prev; n++ } print n + 0 > "/dev/stderr" }' \
              "${nonempty[@]}" 2>&1 >&3)))
  fi 3>&1
  [ "$missing" = 0 ] || { echo "spdx: $missing source file(s) lack SPDX-License-Identifier (run tools/spdx-add.sh)" >&2; exit 1; }
  exit 0
fi
added=0
for i in "${!sources[@]}"; do
  has_spdx "${sources[$i]}" && continue
  add "${sources[$i]}" "${kinds[$i]}"; added=$((added + 1))
done
echo "spdx: added the line to $added file(s)"
