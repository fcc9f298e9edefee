# SPDX-License-Identifier: MIT
# Assertions shared by tests/check_cli.sh and tests/check_examples.sh (sourced).
# Each command's stdout and stderr are kept in $TMP/out and $TMP/err; every
# check counts in $checks, every failure in $fails and is explained on stderr.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export LC_ALL=C.UTF-8
fails=0
checks=0

# run WANT_RC CMD... : run a command, keep its stdout/stderr in $TMP/out, $TMP/err.
run() {
  local want=$1; shift
  checks=$((checks + 1))
  "$@" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  if [ "$rc" != "$want" ]; then
    echo "FAIL: exit $rc (want $want): $*" >&2
    sed 's/^/  stderr: /' "$TMP/err" >&2
    fails=$((fails + 1))
  fi
}
# run_in WANT_RC INPUT_FILE CMD... : the same with stdin from INPUT_FILE.
run_in() {
  local want=$1 input=$2; shift 2
  checks=$((checks + 1))
  "$@" <"$input" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  if [ "$rc" != "$want" ]; then
    echo "FAIL: exit $rc (want $want): $* < $input" >&2
    sed 's/^/  stderr: /' "$TMP/err" >&2
    fails=$((fails + 1))
  fi
}
# same WHAT EXPECTED_TEXT : $TMP/WHAT (out or err) must equal EXPECTED_TEXT exactly.
same() {
  checks=$((checks + 1))
  if ! diff -u <(printf '%s\n' "$2") "$TMP/$1" >"$TMP/diff"; then
    echo "FAIL: $1 differs from the expected text:" >&2
    cat "$TMP/diff" >&2
    fails=$((fails + 1))
  fi
}
# same_file WHAT FILE : $TMP/WHAT must equal FILE exactly.
same_file() {
  checks=$((checks + 1))
  if ! diff -u "$2" "$TMP/$1" >"$TMP/diff"; then
    echo "FAIL: $1 differs from $2:" >&2
    cat "$TMP/diff" >&2
    fails=$((fails + 1))
  fi
}
# has WHAT TEXT : $TMP/WHAT must contain the line TEXT (fixed string, whole line).
has() {
  checks=$((checks + 1))
  if ! grep -qxF -- "$2" "$TMP/$1"; then
    echo "FAIL: $1 lacks the line: $2" >&2
    sed 's/^/  | /' "$TMP/$1" >&2
    fails=$((fails + 1))
  fi
}
# empty WHAT : $TMP/WHAT must be empty.
empty() {
  checks=$((checks + 1))
  if [ -s "$TMP/$1" ]; then
    echo "FAIL: $1 should be empty:" >&2
    sed 's/^/  | /' "$TMP/$1" >&2
    fails=$((fails + 1))
  fi
}
# json_ok WHAT : $TMP/WHAT must parse as JSON.
json_ok() {
  checks=$((checks + 1))
  if ! python3 -c 'import json,sys; json.load(sys.stdin)' <"$TMP/$1"; then
    echo "FAIL: $1 is not valid JSON" >&2
    fails=$((fails + 1))
  fi
}

# finish NAME: print the count and fail when a check failed.
finish() {
  echo "$1: $checks checks, $fails failed"
  [ "$fails" -eq 0 ]
}
