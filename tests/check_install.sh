#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Install check (issues 2, 7 and 17).
# Usage: check_install.sh BUILD_DIR SOURCE_DIR
# Installs BUILD into a temporary prefix (not the configured one), then builds
# tests/consumer/ against that installed copy twice, with pkg-config (plain: the .pc
# must be right without --define-prefix) and with CMake find_package(gkreport), runs
# both and checks their output; installs again with DESTDIR under another prefix and
# builds the pkg-config consumer there; checks the man pages, that no placeholder URL
# is installed, and that every installed public header compiles on its own as C99
# and (when g++ is present) as C++.
set -euo pipefail
build=$(cd "${1:?usage: check_install.sh BUILD_DIR SOURCE_DIR}" && pwd)
src=$(cd "${2:?usage: check_install.sh BUILD_DIR SOURCE_DIR}" && pwd)
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail=0
err() { echo "check_install: $*" >&2; fail=1; }

cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" \
  || { cat "$tmp/install.log" >&2; echo "check_install: cmake --install failed" >&2; exit 1; }

libdir=$(dirname "$(find "$prefix" -name 'libgkreport.so.0' | head -n1)")
[ -n "$libdir" ] && [ -e "$libdir/libgkreport.so.0" ] || { echo "check_install: no libgkreport.so.0 installed" >&2; exit 1; }
[ -e "$libdir/libgkreport.so" ] || err "no libgkreport.so development link in $libdir"
[ -f "$prefix/include/gkreport/gkreport.h" ] || err "no include/gkreport/gkreport.h"
[ -f "$prefix/include/gkreport/version.h" ] || err "no generated include/gkreport/version.h"
[ -f "$libdir/pkgconfig/gkreport.pc" ] || err "no pkgconfig/gkreport.pc"
[ -f "$libdir/cmake/gkreport/gkreportConfig.cmake" ] || err "no cmake/gkreport/gkreportConfig.cmake"
# the example programs and their sources (issue 16), when built
if [ -x "$build/example_validate_folder" ]; then
  [ -x "$prefix/bin/example_validate_folder" ] || err "example_validate_folder not installed"
  [ -f "$prefix/share/doc/gkreport/examples/validate_folder.c" ] || err "examples/*.c not installed"
  LD_LIBRARY_PATH=$libdir "$prefix/bin/example_validate_folder" "$src/tests/data/cli/county" > "$tmp/vf.out" \
    || err "installed example_validate_folder failed: $(cat "$tmp/vf.out")"
fi
if [ -n "$(find "$prefix" -name 'libgkreport_testlib*')" ]; then
  err "the test library (allocation seam) is installed"
fi
if grep -rq 'internal.h\|cJSON' "$prefix/include/gkreport"; then
  err "installed headers mention internal.h or cJSON"
fi
# A sanitizer build (GK_SANITIZE) links libasan into the library; uninstrumented
# consumers may still load it when the runtime need not come first.
dyn=$(readelf -d "$libdir/libgkreport.so.0")
if [[ $dyn == *libasan* ]]; then
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
fi
version=$(sed -n 's/^#define GK_VERSION_STRING "\(.*\)"/\1/p' "$prefix/include/gkreport/version.h")
want="gkreport $version edition 2021 year 2023 requests/new/total=3511"

if grep -rIl 'example\.invalid' "$prefix" > "$tmp/placeholders"; then
  err "placeholder URLs installed: $(tr '\n' ' ' < "$tmp/placeholders")"
fi
if [ -f "$build/gkreport" ]; then  # the CLI is built: both man pages are installed
  for page in man1/gkreport.1 man3/libgkreport.3; do
    [ -f "$prefix/share/man/$page" ] || err "no share/man/$page"
  done
fi

# ---- 1. pkg-config (the .pc finds its prefix from where it was installed)
export PKG_CONFIG_PATH=$libdir/pkgconfig
flags=$(pkg-config --cflags --libs gkreport)
pcver=$(pkg-config --modversion gkreport)
case $flags in
  *"-I$prefix/"*|*"-I$libdir/"*) ;;
  *) err "pkg-config flags '$flags' do not point into the install prefix $prefix";;
esac
[ "$pcver" = "$version" ] || err "pkg-config version '$pcver' != header version '$version'"
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Wextra -Werror -o "$tmp/consumer_pc" "$src/tests/consumer/consumer.c" $flags \
  || err "consumer does not build with pkg-config flags: $flags"
if [ -x "$tmp/consumer_pc" ]; then
  got=$(LD_LIBRARY_PATH=$libdir "$tmp/consumer_pc") || err "pkg-config consumer exited $?"
  [ "$got" = "$want" ] || err "pkg-config consumer printed '$got', want '$want'"
  deps=$(LD_LIBRARY_PATH=$libdir ldd "$tmp/consumer_pc")
  case $deps in
    *"$libdir/libgkreport.so.0"*) ;;
    *) err "pkg-config consumer does not load the installed libgkreport.so.0: $deps";;
  esac
fi

# ---- 1b. DESTDIR staging under another prefix (what a package build does)
DESTDIR=$tmp/dest cmake --install "$build" --prefix /opt/gkreport > "$tmp/install2.log" \
  || { cat "$tmp/install2.log" >&2; err "DESTDIR=... cmake --install --prefix /opt/gkreport failed"; }
pc2=$(find "$tmp/dest/opt/gkreport" -name gkreport.pc | head -n1)
if [ -n "$pc2" ]; then
  flags2=$(PKG_CONFIG_PATH=$(dirname "$pc2") pkg-config --cflags --libs gkreport)
  # shellcheck disable=SC2086
  if "$cc" -std=c11 -o "$tmp/consumer_dest" "$src/tests/consumer/consumer.c" $flags2; then
    lib2=$(dirname "$(dirname "$pc2")")
    got=$(LD_LIBRARY_PATH=$lib2 "$tmp/consumer_dest") || err "DESTDIR consumer exited $?"
    [ "$got" = "$want" ] || err "DESTDIR consumer printed '$got', want '$want'"
  else
    err "consumer does not build against the DESTDIR copy with: $flags2"
  fi
else
  err "DESTDIR install has no gkreport.pc"
fi

# ---- 2. CMake find_package(gkreport) + gkreport::gkreport
if cmake -S "$src/tests/consumer" -B "$tmp/cbuild" -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_C_COMPILER="$cc" > "$tmp/cmake.log" 2>&1 \
   && cmake --build "$tmp/cbuild" >> "$tmp/cmake.log" 2>&1; then
  got=$(LD_LIBRARY_PATH=$libdir "$tmp/cbuild/consumer") || err "find_package consumer exited $?"
  [ "$got" = "$want" ] || err "find_package consumer printed '$got', want '$want'"
else
  cat "$tmp/cmake.log" >&2
  err "consumer does not build with find_package(gkreport)"
fi

# ---- 3. each public header alone: C99 and C++
n=0
for h in "$prefix"/include/gkreport/*.h; do
  name=$(basename "$h")
  printf '#include <gkreport/%s>\ntypedef int gk_check_nonempty;\n' "$name" > "$tmp/h.c"
  "$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$prefix/include" "$tmp/h.c" \
    || err "$name does not compile alone as C99"
  if command -v g++ > /dev/null 2>&1; then
    g++ -x c++ -std=c++11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$prefix/include" "$tmp/h.c" \
      || err "$name does not compile alone as C++"
  fi
  n=$((n + 1))
done
# C++ linkage: a C++ program links against the C library (extern "C" guards).
if command -v g++ > /dev/null 2>&1; then
  printf '#include <gkreport/gkreport.h>\n#include <cstring>\nint main() { return std::strcmp(gk_version_string(), GK_VERSION_STRING) != 0; }\n' > "$tmp/cxx.cc"
  # shellcheck disable=SC2086
  g++ -o "$tmp/cxx" "$tmp/cxx.cc" $flags || err "a C++ program does not link (extern \"C\" missing?)"
  [ ! -x "$tmp/cxx" ] || LD_LIBRARY_PATH=$libdir "$tmp/cxx" || err "C++ program: version mismatch"
fi

if [ $fail = 0 ]; then
  echo "check_install: OK: pkg-config (prefix and DESTDIR) and find_package consumers print '$want'; $n headers compile alone (C99$(command -v g++ > /dev/null && echo ', C++'))"
fi
exit $fail
