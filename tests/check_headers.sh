#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The public headers keep the conventions common.h states (issue 12): named
# enums used in the prototypes, out-parameters first, getters without "get",
# no forward-declared structs, a "Threads:" paragraph in every header. The
# checker first shows on made-up headers that each rule catches its breach.
# Usage: check_headers.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
src=$(cd "${2:?usage: check_headers.sh BUILD_DIR SOURCE_DIR}" && pwd)
python3 "$src/tests/tools/check_headers.py" --self-test
python3 "$src/tests/tools/check_headers.py" "$src/include/gkreport"
