#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Man pages (issue 17).
# Usage: check_man.sh BUILD_DIR SOURCE_DIR
#  - every man/*.[1-8] formats without a warning (man --warnings, UTF-8, as lintian);
#  - gkreport(1) documents every command of `gkreport --help` and, in that command's
#    entry, every option of `gkreport help COMMAND`;
#  - libgkreport(3) names every installed public header.
set -euo pipefail
build=$(cd "${1:?usage: check_man.sh BUILD_DIR SOURCE_DIR}" && pwd)
src=$(cd "${2:?usage: check_man.sh BUILD_DIR SOURCE_DIR}" && pwd)
fail=0
err() { echo "check_man: $*" >&2; fail=1; }
command -v man > /dev/null || { echo "check_man: man (man-db) not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
for page in "$src"/man/*.[1-8]; do
  LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" \
    > /dev/null 2> "$tmp/warn" || err "$(basename "$page"): man failed"
  if [ -s "$tmp/warn" ]; then
    err "$(basename "$page"): warnings:"; cat "$tmp/warn" >&2
  fi
  n=$((n + 1))
done
[ "$n" -ge 2 ] || err "expected man/gkreport.1 and man/libgkreport.3, found $n pages"

# The roff source with \- as -: option names are searched verbatim.
sed 's/\\-/-/g; s/\\f[BIRP]//g' "$src/man/gkreport.1" > "$tmp/g1"
cli=$build/gkreport
ncmd=0 nopt=0
if [ -x "$cli" ]; then
  "$cli" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}' > "$tmp/cmds"
  [ -s "$tmp/cmds" ] || err "no commands in 'gkreport --help'"
  cmds_re=$(paste -sd'|' "$tmp/cmds")
  while read -r cmd; do
    # the entry of a command: from its `.BR cmd`/`.BI cmd` tag to the next one or .SH
    awk -v c="$cmd" -v all="^[.]B[RI]? ($cmds_re)( |\$)" '
      $0 ~ all { on = ($0 ~ ("^[.]B[RI]? " c "( |$)")) ; if (on) print; next }
      /^[.]SH/ { on = 0 }
      on { print }' "$tmp/g1" > "$tmp/entry"
    if [ ! -s "$tmp/entry" ]; then err "gkreport.1 has no entry for the command '$cmd'"; continue; fi
    ncmd=$((ncmd + 1))
    [ "$cmd" = help ] && continue
    "$cli" help "$cmd" | grep -o -- '--[a-z][a-z-]*' | sort -u > "$tmp/opts" || true
    while read -r opt; do
      grep -q -- "$opt\\b" "$tmp/entry" || err "gkreport.1: '$cmd' entry does not document $opt"
      nopt=$((nopt + 1))
    done < "$tmp/opts"
  done < "$tmp/cmds"
  for opt in --help --version; do
    grep -q -- "$opt" "$tmp/g1" || err "gkreport.1 does not document $opt"
  done
fi

nh=0
for h in "$src"/include/gkreport/*.h "$src"/include/gkreport/*.h.in; do
  [ -e "$h" ] || continue
  name=$(basename "$h" .in)
  grep -q "<gkreport/$name>" "$src/man/libgkreport.3" || err "libgkreport.3 does not name <gkreport/$name>"
  nh=$((nh + 1))
done

if [ $fail = 0 ]; then
  echo "check_man: OK: $n pages without warnings; gkreport.1 documents $ncmd commands and $nopt options; libgkreport.3 names $nh headers"
fi
exit $fail
