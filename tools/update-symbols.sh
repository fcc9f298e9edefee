#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Brings debian/libgkreport0.symbols up to date with a built libgkreport.so.0:
# symbols already listed keep their version, new ones get the project's version
# (project(gkreport VERSION ...) in CMakeLists.txt). Removed symbols are an ABI
# break: they are reported and the file is left alone, unless --accept-removals.
# Usage: tools/update-symbols.sh [--check | --accept-removals] [BUILD_DIR]  (default: build)
#   --check            change nothing; exit 1 when the file is not up to date
#   --accept-removals  drop the symbols no longer exported from the file (each
#                      named on stderr). Only at 0.x, where the ABI may still
#                      change under the same SONAME (say so in CHANGELOG.md);
#                      refused from 1.0 on, where a removal needs a new SONAME.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
check=0 accept=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
if [ "${1:-}" = --accept-removals ]; then accept=1; shift; fi
build=${1:-$src/build}
lib=$build/libgkreport.so.0
file=$src/debian/libgkreport0.symbols
[ -e "$lib" ] || { echo "update-symbols: $lib not built" >&2; exit 1; }
version=$(sed -n 's/^project(gkreport VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ -n "$version" ] || { echo "update-symbols: no project version in CMakeLists.txt" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# name@node of every defined dynamic symbol (functions and the version node)
nm -D --defined-only "$lib" | awk '$2 == "A" {print $3 "@" $3; next} {print $3}' | sed 's/@@/@/' | sort -u > "$tmp/built"
sed -n 's/^ \([^ ]*\) .*/\1/p' "$file" | sort -u > "$tmp/listed"
comm -13 "$tmp/built" "$tmp/listed" > "$tmp/removed"
if [ -s "$tmp/removed" ] && [ $accept = 1 ] && [ $check = 0 ]; then
  case $version in
    0.*) ;;
    *) echo "update-symbols: --accept-removals is for 0.x only (version $version): a removal needs a new SONAME" >&2
       exit 1 ;;
  esac
  sed 's/^/update-symbols: removed (accepted at 0.x): /' "$tmp/removed" >&2
  grep -vF -f <(sed 's/.*/ & /' "$tmp/removed") "$file" > "$tmp/kept"
  cat "$tmp/kept" > "$file"
  sed -n 's/^ \([^ ]*\) .*/\1/p' "$file" | sort -u > "$tmp/listed"
  : > "$tmp/removed"
fi
if [ -s "$tmp/removed" ]; then
  echo "update-symbols: symbols listed but no longer exported (an ABI break; at 0.x," >&2
  echo "  tools/update-symbols.sh --accept-removals drops them, deliberately):" >&2
  cat "$tmp/removed" >&2
  exit 1
fi
comm -23 "$tmp/built" "$tmp/listed" > "$tmp/new"
if [ $check = 1 ]; then
  if [ -s "$tmp/new" ]; then
    echo "update-symbols: exported but not in debian/libgkreport0.symbols (run tools/update-symbols.sh):" >&2
    cat "$tmp/new" >&2
    exit 1
  fi
  exit 0
fi
{
  grep -v '^ ' "$file"
  { grep '^ ' "$file"; sed "s/.*/ & $version/" "$tmp/new"; } | LC_ALL=C sort -k1,1
} > "$tmp/symbols"
cat "$tmp/symbols" > "$file"
echo "update-symbols: $(wc -l < "$tmp/new") new symbol(s) at $version"
