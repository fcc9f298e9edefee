#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ABI fence of the shared library (issue 7).
# Usage: check_symbols.sh BUILD_DIR SOURCE_DIR
#  - every dynamic symbol defined by libgkreport.so is a function (T), named gk_*,
#    never gk__* (internal), never a variable;
#  - every exported name matches the version script lib/libgkreport.map (GKREPORT_0);
#  - SONAME is libgkreport.so.0;
#  - the GK_API functions declared in include/gkreport/*.h and the exported
#    functions are the same set.
set -euo pipefail
build=${1:?usage: check_symbols.sh BUILD_DIR SOURCE_DIR}
src=${2:?usage: check_symbols.sh BUILD_DIR SOURCE_DIR}
lib=$build/libgkreport.so
fail=0
err() { echo "check_symbols: $*" >&2; fail=1; }

[ -e "$lib" ] || { echo "check_symbols: $lib not built" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- SONAME
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
[ "$soname" = "libgkreport.so.0" ] || err "SONAME is '$soname', want libgkreport.so.0"

# ---- exported symbols: type and name
nm -D --defined-only "$lib" | awk '{print $2, $3}' | sed 's/@.*//' | sort -u > "$tmp/all"
[ -s "$tmp/all" ] || err "no exported symbols at all"
# version nodes appear as absolute symbols (type A): they are not code or data.
grep -v '^A GKREPORT_' "$tmp/all" > "$tmp/defs" || true
while read -r type name; do
  case $type in
    T) ;;
    *) err "exported symbol '$name' has type $type: only functions may be exported";;
  esac
  case $name in
    gk__*) err "internal symbol '$name' is exported";;
    gk_[a-z]*) ;;
    *) err "exported symbol '$name' is not in the gk_ namespace";;
  esac
done < "$tmp/defs"
awk '$1 == "T" {print $2}' "$tmp/defs" | sort -u > "$tmp/exported"

# ---- every exported name carries the version node of the map
map=$src/lib/libgkreport.map
node=$(sed -n 's/^\([A-Z][A-Z0-9_]*\) *{.*/\1/p' "$map" | head -n1)
[ -n "$node" ] || err "no version node in $map"
nm -D --defined-only "$lib" | awk '$2 == "T" {print $3}' | while read -r sym; do
  case $sym in
    *@@"$node"|*@"$node") ;;
    *) echo "check_symbols: '$sym' is not bound to version node $node of $map" >&2; exit 1;;
  esac
done || fail=1
# and matches one of the map's global patterns
sed -n '/global:/,/local:/p' "$map" | grep -v 'global:\|local:' \
  | grep -o '[^[:space:]]*;' | tr -d ';' > "$tmp/patterns" || true
while read -r sym; do
  ok=0
  while read -r pat; do
    # shellcheck disable=SC2053
    [[ $sym == $pat ]] && { ok=1; break; }
  done < "$tmp/patterns"
  [ $ok = 1 ] || err "'$sym' is exported but matches no global pattern of $map"
done < "$tmp/exported"

# ---- GK_API declarations of the public headers
cat "$src"/include/gkreport/*.h | grep -v '^ *# *define' \
  | grep -o 'GK_API[^(;]*(' | sed 's/ *($//; s/.*[^A-Za-z0-9_]//' | sort -u > "$tmp/declared"
[ -s "$tmp/declared" ] || err "no GK_API declarations found under $src/include/gkreport"
comm -23 "$tmp/declared" "$tmp/exported" > "$tmp/missing"
comm -13 "$tmp/declared" "$tmp/exported" > "$tmp/extra"
while read -r s; do err "declared GK_API but not exported (not implemented?): $s"; done < "$tmp/missing"
while read -r s; do err "exported but not declared GK_API in include/gkreport: $s"; done < "$tmp/extra"

if [ $fail = 0 ]; then
  echo "check_symbols: OK: $(wc -l < "$tmp/exported") functions exported, SONAME $soname, node $node"
fi
exit $fail
