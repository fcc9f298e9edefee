#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Debian packaging agrees with the build (issue 17); the packages themselves are
# built and checked by tools/check-debian-packages.sh (.ci/run stage 7).
# Usage: check_debian.sh BUILD_DIR SOURCE_DIR
#  - the library package is named after the SONAME (libgkreport.so.0 -> libgkreport0);
#  - debian/changelog's version is the project version (CMakeLists.txt);
#  - debian/libgkreport0.symbols lists exactly the exported symbols
#    (tools/update-symbols.sh --check; tools/update-symbols.sh brings it up to date);
#  - debian/compat level 13 through debhelper-compat, and every package has an
#    .install list.
set -euo pipefail
build=$(cd "${1:?usage: check_debian.sh BUILD_DIR SOURCE_DIR}" && pwd)
src=$(cd "${2:?usage: check_debian.sh BUILD_DIR SOURCE_DIR}" && pwd)
fail=0
err() { echo "check_debian: $*" >&2; fail=1; }
d=$src/debian

soname=$(readelf -d "$build/libgkreport.so.0" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
# libfoo.so.N -> libfooN (a digit before the number would need libfoo-N)
want=$(echo "$soname" | sed 's/\.so\.\([0-9]*\)$/\1/')
grep -q "^Package: $want\$" "$d/control" || err "no package '$want' for SONAME $soname in debian/control"
grep -q "^$soname $want " "$d/libgkreport0.symbols" || err "symbols file does not start with '$soname $want'"

version=$(sed -n 's/^project(gkreport VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
deb=$(sed -n '1s/^libgkreport (\([^)]*\)).*/\1/p' "$d/changelog")
[ "$deb" = "$version" ] \
  || err "debian/changelog is at '$deb' but the project at '$version': add a changelog entry (dch -v $version)"

grep -q 'debhelper-compat (= 13)' "$d/control" || err "debian/control does not build-depend on debhelper-compat (= 13)"
for p in $(sed -n 's/^Package: //p' "$d/control"); do
  [ -s "$d/$p.install" ] || err "no debian/$p.install"
done

"$src/tools/update-symbols.sh" --check "$build" || fail=1

if [ $fail = 0 ]; then
  echo "check_debian: OK: $want for $soname, version $version, $(grep -c '^ ' "$d/libgkreport0.symbols") symbols"
fi
exit $fail
