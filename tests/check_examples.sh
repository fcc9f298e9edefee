#!/bin/bash
# SPDX-License-Identifier: MIT
# Runs the example programs of examples/*.c and checks their exact output and
# exit status. Run by ctest as: bash check_examples.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=${1:?usage: check_examples.sh BUILD_DIR SOURCE_DIR}
SRC=${2:?usage: check_examples.sh BUILD_DIR SOURCE_DIR}
SRC=$(cd "$SRC" && pwd)
BUILD=$(cd "$BUILD" && pwd)
DATA="$SRC/tests/data/cli"
for p in quickstart validate_folder consolidate_county; do
  if [ ! -x "$BUILD/example_$p" ]; then
    echo "check_examples: $BUILD/example_$p not built (GK_BUILD_EXAMPLES=OFF?)" >&2
    exit 1
  fi
done
. "$DATA/assert.sh"

# ---- quickstart: finds the typo, repairs it from the suspect, saves clean JSON
run 0 "$BUILD/example_quickstart" "$TMP/quick.json"
same out "first check: 2 errors
  <report>: error requests.balance: “Total”: New requests this year + Carried over from last year = 5 + 0 = 5 but Total handled + Carried forward to next year = 4 + 0 = 4
  note: probably “New requests this year · Total” should be 4
  <report>: error requests.row_total: “New requests this year”: Total = 5 but Natural persons + Commercial enterprises + Research institutions + Public-interest organisations + Legal service institutions + Other organisations = 3 + 1 + 0 + 0 + 0 + 0 = 4
  note: probably “New requests this year · Total” should be 4
second check: 0 errors
saved $TMP/quick.json"
checks=$((checks + 1))
python3 - "$TMP/quick.json" <<'PY' || { echo "FAIL: quickstart JSON" >&2; fails=$((fails + 1)); }
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["edition"] == "2021" and doc["year"] == 2023
assert doc["agency"] == {"name": "示例县司法局", "level": "county", "kind": "department"}
assert doc["tables"]["requests"]["new"]["total"] == 4
assert doc["tables"]["active"]["fees"]["amount"] == "0.35"
PY
if [ -x "$BUILD/gkreport" ]; then
  run 0 "$BUILD/gkreport" validate "$TMP/quick.json"
  same out "1份报告：0个错误，0个警告，0个提示"
fi

# ---- validate_folder counts what `gkreport validate` counts (import notes too)
if [ -x "$BUILD/gkreport" ]; then
  checks=$((checks + 1))
  ex=$("$BUILD/example_validate_folder" "$SRC/tests/data/real" | tail -n1 | sed 's/.*; //')
  cli=$("$BUILD/gkreport" validate --lang en "$SRC"/tests/data/real/*.txt | tail -n1 | sed 's/^[^:]*: //')
  [ "$ex" = "$cli" ] || { echo "FAIL: example_validate_folder counts '$ex', the CLI '$cli'" >&2; fails=$((fails + 1)); }
fi

# ---- validate_folder: 0 all pass, 1 an error, 2 unreadable or usage
run 0 "$BUILD/example_validate_folder" "$DATA/county"
same out "town-a.json: ok
town-b.json: ok
town-c.txt: 0 errors, 1 warning, 0 infos
3 files: 3 passed, 0 failed, 0 unreadable; 0 errors, 1 warning, 0 infos"
mkdir "$TMP/mixed"
cp "$DATA/ok-2021.json" "$DATA/error-2021.json" "$DATA/warning-2021.json" "$TMP/mixed/"
run 1 "$BUILD/example_validate_folder" "$TMP/mixed"
same out "error-2021.json: 2 errors, 0 warnings, 0 infos
ok-2021.json: ok
warning-2021.json: 0 errors, 1 warning, 0 infos
3 files: 2 passed, 1 failed, 0 unreadable; 2 errors, 1 warning, 0 infos"
cp "$DATA/syntax-error.json" "$TMP/mixed/"
printf 'not json, not a report\n' >"$TMP/mixed/notes.txt"
run 2 "$BUILD/example_validate_folder" --strict "$TMP/mixed"
same out "error-2021.json: 2 errors, 0 warnings, 0 infos
notes.txt: unreadable: the text is not an annual report: no title and none of the section headings
ok-2021.json: ok
syntax-error.json: unreadable: expected a quoted key at \$
warning-2021.json: 0 errors, 1 warning, 0 infos
5 files: 1 passed, 2 failed, 2 unreadable; 2 errors, 1 warning, 0 infos"
run 2 "$BUILD/example_validate_folder" "$TMP/no-such-dir"
same err "validate_folder: cannot read the directory $TMP/no-such-dir"
run 2 "$BUILD/example_validate_folder"

# ---- consolidate_county: a folder (JSON and text) and a JSON Lines stream
run 0 "$BUILD/example_consolidate_county" --name 示例县合计 "$DATA/county"
has out "示例县合计: 3 reports, edition 2021"
has out "row	natural	commercial	research	social	legal	other_org	total"
has out "new	14	3	0	0	0	0	17"
has out "granted	9	3	0	0	0	0	12"
has out "unavailable	1	0	0	0	0	0	1"
has out "carried_forward	2	0	0	0	0	0	2"
has out "rate.disclosed	82.35%	(14/17)"
has out "rate.carried_forward	10.53%	(2/19)"
has out "share.organizations	17.65%	(3/17)"
has out "rate.reconsideration_corrected	33.33%	(1/3)"
has out "rate.litigation_corrected	-"
{ python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$DATA/county/town-a.json"
  echo 'not a report'
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$DATA/county/town-b.json"
} >"$TMP/county.jsonl"
run 1 "$BUILD/example_consolidate_county" "$TMP/county.jsonl"
has out "合计: 2 reports, edition 2021"
has out "$TMP/county.jsonl:2: error jsonl.line: line 2 is not a valid report, skipped: invalid literal (expected true, false or null) at \$"
has out "new	9	3	0	0	0	0	12"
has out "rate.disclosed	83.33%	(10/12)"
has out "rate.reconsideration_corrected	50.00%	(1/2)"
printf '\n' >"$TMP/empty.jsonl"
run 2 "$BUILD/example_consolidate_county" "$TMP/empty.jsonl"
same err "consolidate_county: $TMP/empty.jsonl: no report to consolidate"

finish check_examples
