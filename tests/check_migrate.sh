#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tools/migrate-api-0.2.py (issue 12): it turns a 0.1.0 user's calls
# (tests/data/migrate/old.c) into exactly tests/data/migrate/new.c, which
# compiles warning-free against the 0.2.0 headers, and a second run changes
# nothing (idempotent; --check agrees).
# Usage: check_migrate.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "${1:?usage: check_migrate.sh BUILD_DIR SOURCE_DIR}" && pwd)
src=$(cd "${2:?usage: check_migrate.sh BUILD_DIR SOURCE_DIR}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tool="python3 $src/tools/migrate-api-0.2.py"
# the fixture says "migrate-api-0.2: keep" so that a run over tests/ leaves it alone
$tool --check "$src/tests/data/migrate/old.c"
sed 2d "$src/tests/data/migrate/old.c" > "$tmp/user.c"
$tool "$tmp/user.c" > /dev/null
diff -u <(sed 2d "$src/tests/data/migrate/new.c") "$tmp/user.c"
sed 2d "$src/tests/data/migrate/old.c" > "$tmp/old.c"
cp "$tmp/user.c" "$tmp/again.c"
$tool "$tmp/again.c" > /dev/null
cmp "$tmp/user.c" "$tmp/again.c"
$tool --check "$tmp/user.c"
if $tool --check "$tmp/old.c" > /dev/null; then
  echo "check_migrate: --check passes a 0.1.0 source" >&2
  exit 1
fi
${CC:-cc} -std=c11 -Wall -Wextra -Werror -fsyntax-only -I "$src/include" -I "$build/include" "$tmp/user.c"
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -fsyntax-only -I "$src/include" -I "$build/include" \
     "$src/tests/data/migrate/old.c" 2> /dev/null; then
  echo "check_migrate: the 0.1.0 source still compiles against the 0.2.0 headers" >&2
  exit 1
fi
echo "check_migrate: OK: 0.1.0 calls rewritten, idempotent, the result compiles"
