#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian packages of this tree and checks them as installed files (issue 17).
# Usage: tools/check-debian-packages.sh [OUT_DIR]     (.ci/run stage 7)
#  1. copies the tree (tracked and new unignored files) to OUT_DIR/libgkreport and runs
#     dpkg-buildpackage -us -uc -b there, so nothing is written beside the checkout;
#  2. lintian on the .changes: fails on any error;
#  3. unpacks every .deb into a throwaway root (dpkg -x) and checks against it: a C
#     consumer through pkg-config and through find_package, the gkreport CLI and its
#     man pages, and `import gkreport` loading the root's libgkreport.so.0.
# Needs: dpkg-dev, debhelper, dh-python, fakeroot, lintian, man-db and the
# Build-Depends of debian/control.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd -P)   # physical: CMake writes RPATHs with resolved paths
jobs=${GK_CI_JOBS:-2}
fail=0
err() { echo "check-debian-packages: $*" >&2; fail=1; }

# ---- 1. build in a copy
rm -rf "$out/libgkreport" "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo "$out/root"
mkdir -p "$out/libgkreport"
if git -C "$src" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  (cd "$src" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
     [ -e "$f" ] && printf '%s\0' "$f"; done | tar --null -T - -cf -) | tar -xf - -C "$out/libgkreport"
else
  (cd "$src" && tar --exclude='./build*' --exclude='./obj-*' --exclude='./.git' -cf - .) | tar -xf - -C "$out/libgkreport"
fi
echo "dpkg-buildpackage -us -uc -b (log: $out/build.log)"
if ! (cd "$out/libgkreport" && DEB_BUILD_OPTIONS="parallel=$jobs ${DEB_BUILD_OPTIONS:-}" \
        dpkg-buildpackage -us -uc -b > "$out/build.log" 2>&1); then
  tail -n 60 "$out/build.log"
  echo "check-debian-packages: dpkg-buildpackage failed" >&2
  exit 1
fi
grep -E '^dpkg-gensymbols: warning' -A 30 "$out/build.log" || true
debs=("$out"/*.deb)
echo "built: $(cd "$out" && ls ./*.deb | tr '\n' ' ')"
for p in libgkreport0 libgkreport-dev gkreport python3-gkreport; do
  ls "$out/${p}_"*.deb > /dev/null 2>&1 || err "package $p not built"
done

# ---- 2. lintian
changes=$(ls "$out"/*.changes | head -n1)
lintian --fail-on error --suppress-tags-from-file /dev/null "$changes" > "$out/lintian.log" 2>&1 \
  || err "lintian reports errors"
cat "$out/lintian.log"
echo "lintian: $(grep -c '^E:' "$out/lintian.log" || true) errors, $(grep -c '^W:' "$out/lintian.log" || true) warnings"

# ---- 3. a throwaway root
root=$out/root
mkdir -p "$root"
for d in "${debs[@]}"; do dpkg -x "$d" "$root"; done
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
libdir=$root/usr/lib/$triplet
[ -e "$libdir/libgkreport.so.0" ] || err "no usr/lib/$triplet/libgkreport.so.0 in the packages"
dpkg-deb -c "$out"/libgkreport0_*.deb | grep 'libgkreport.so$' > /dev/null && err "libgkreport0 ships the .so development link"
export LD_LIBRARY_PATH=$libdir
want_re='^gkreport [0-9.]+ edition 2021 year 2023 requests/new/total=3511$'
# Which libgkreport.so.0 a program loads, compared as resolved paths: the run path CMake
# writes and the directory named here may spell the same file differently (symlinks).
loads_root() {
  local want got
  want=$(readlink -f "$libdir/libgkreport.so.0")
  got=$(LD_LIBRARY_PATH=$libdir ldd "$1" | awk '$1 == "libgkreport.so.0" { print $3 }')
  [ -n "$got" ] && [ "$(readlink -f "$got")" = "$want" ] && return 0
  echo "check-debian-packages: $1 loads '${got:-nothing}', not $want" >&2
  return 1
}

# C consumer, pkg-config: the .pc has absolute /usr paths; the sysroot maps them. The
# system's own .pc files stay visible: libgkreport-dev depends on the -dev packages of
# the libraries named in Requires.private (libxml2, libzip, libxlsxwriter).
flags=$(PKG_CONFIG_SYSROOT_DIR=$root \
        PKG_CONFIG_LIBDIR=$libdir/pkgconfig:$(pkg-config --variable pc_path pkg-config) \
        pkg-config --cflags --libs gkreport)
# shellcheck disable=SC2086
if cc -std=c11 -Wall -Wextra -Werror -o "$out/consumer_pc" "$src/tests/consumer/consumer.c" $flags; then
  got=$("$out/consumer_pc") || err "pkg-config consumer exited $?"
  [[ $got =~ $want_re ]] || err "pkg-config consumer printed '$got'"
  loads_root "$out/consumer_pc" || err "pkg-config consumer does not load the root's libgkreport.so.0"
else
  err "consumer does not build with the packaged pkg-config flags: $flags"
fi
# C consumer, CMake find_package
if cmake -S "$src/tests/consumer" -B "$out/cbuild" -DCMAKE_PREFIX_PATH="$root/usr" > "$out/cmake.log" 2>&1 \
   && cmake --build "$out/cbuild" >> "$out/cmake.log" 2>&1; then
  got=$("$out/cbuild/consumer") || err "find_package consumer exited $?"
  [[ $got =~ $want_re ]] || err "find_package consumer printed '$got'"
  loads_root "$out/cbuild/consumer" || err "find_package consumer does not load the root's libgkreport.so.0"
else
  cat "$out/cmake.log" >&2; err "consumer does not build with the packaged find_package(gkreport)"
fi
# the CLI and the man pages
"$root/usr/bin/gkreport" --version || err "packaged gkreport --version failed"
"$root/usr/bin/gkreport" show "$src/examples/fenggang-2020.txt" > /dev/null || err "packaged gkreport show failed"
for page in man1/gkreport.1.gz man3/libgkreport.3.gz; do
  f=$root/usr/share/man/$page
  if [ -f "$f" ]; then
    w=$(LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l -Tutf8 -Z "$f" 2>&1 > /dev/null)
    [ -z "$w" ] || err "$page: $w"
  else
    err "no usr/share/man/$page"
  fi
done
# Python: the root's package and the root's library, found by its SONAME
py=$(PYTHONPATH=$root/usr/lib/python3/dist-packages /usr/bin/python3 -c '
import gkreport
r = gkreport.load("'"$src"'/examples/fenggang-2020.txt")
lib = [l.split()[-1] for l in open("/proc/self/maps") if "libgkreport.so" in l][0]
print(gkreport.__file__, lib, r.year)') || err "import gkreport from the packages failed"
case $py in
  "$root/usr/lib/python3/dist-packages/gkreport/__init__.py $libdir/libgkreport.so.0"*" 2020") ;;
  *) err "import gkreport: got '$py'";;
esac

if [ $fail = 0 ]; then
  echo "check-debian-packages: OK: ${#debs[@]} packages, lintian without errors; from the unpacked root a C consumer (pkg-config, find_package), gkreport and import gkreport work"
fi
exit $fail
