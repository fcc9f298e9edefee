#!/bin/bash
# SPDX-License-Identifier: MIT
# End-to-end checks of the analyst exports through the CLI: -o/--output, CSV for
# Excel, XLSX workbooks unpacked and inspected (sheets, numbers, merged headers,
# comments, the findings sheet), binary output refused on a terminal.
# Run by ctest as: bash check_exports.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$(cd "${1:?usage: check_exports.sh BUILD_DIR SOURCE_DIR}" && pwd)
SRC=$(cd "${2:?usage: check_exports.sh BUILD_DIR SOURCE_DIR}" && pwd)
GK="$BUILD/gkreport"
[ -x "$GK" ] || { echo "check_exports: $GK not built" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
EX="$SRC/examples/fenggang-2020.json"

# -o writes the file and nothing to stdout, anywhere on the line
"$GK" convert -o "$TMP/a.csv" --to csv "$EX" > "$TMP/stdout" || fail "convert -o csv"
[ -s "$TMP/stdout" ] && fail "-o still wrote to stdout"
"$GK" convert --to csv "$EX" | cmp -s - "$TMP/a.csv" || fail "-o FILE differs from stdout"
"$GK" convert --to csv --output="$TMP/b.csv" "$EX" && cmp -s "$TMP/a.csv" "$TMP/b.csv" || fail "--output=FILE"
"$GK" convert --to csv "$EX" -o 2> "$TMP/err"; [ $? = 2 ] || fail "-o without FILE is not a usage error"
grep -q "needs a FILE" "$TMP/err" || fail "-o without FILE: message"

# CSV for Excel: BOM, CRLF, Chinese labels
"$GK" convert --to csv --excel "$EX" -o "$TMP/x.csv" || fail "csv --excel"
head -c 3 "$TMP/x.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "csv --excel: no BOM"
grep -q $'自然人\r$' "$TMP/x.csv" || fail "csv --excel: no CRLF or label"
"$GK" convert --to csv --excel --lang en "$EX" | grep -q $',Natural persons\r$' || fail "csv --excel --lang en"

# XLSX: refused on a terminal (when `script` can give us one), written with -o
if command -v script > /dev/null; then
  script -qec "$GK convert --to xlsx $EX" /dev/null > "$TMP/tty" 2>&1
  grep -q "refusing to write a binary file to the terminal" "$TMP/tty" || fail "xlsx on a terminal not refused"
fi
sed "0,/\"natural\": {\"value\": 0,/s//\"natural\": {\"value\": 999,/" "$EX" > "$TMP/bad.json"
"$GK" convert --to xlsx -o "$TMP/r.xlsx" "$TMP/bad.json" || fail "convert --to xlsx"
"$GK" convert --to xlsx "$EX" > "$TMP/pipe.xlsx" || fail "convert --to xlsx to a pipe"
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
"$PY" - "$TMP/r.xlsx" "$TMP/pipe.xlsx" <<'PYEOF' || fail "xlsx content"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
wb = z.read("xl/workbook.xml").decode()
sheets = re.findall(r'<sheet name="([^"]+)"', wb)
want = ["主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "检查发现的问题"]
assert sheets == want, sheets
s1 = z.read("xl/worksheets/sheet1.xml").decode()
assert "<v>498742.4</v>" in s1, "the procurement amount is a number"
styles = z.read("xl/styles.xml").decode()
assert 'formatCode="0.0000"' in styles, "amounts have four decimals"
s2 = z.read("xl/worksheets/sheet2.xml").decode()
merges = re.findall(r'<mergeCell ref="([A-Z0-9:]+)"/>', s2)
assert "B3:H3" in merges and "C4:G4" in merges and "A3:A5" in merges, merges
strings = z.read("xl/sharedStrings.xml").decode()
for label in ["申请人情况", "法人或其他组织", "三、本年度办理结果", "（三）不予公开", "凤岗镇人民政府 2020年度"]:
    assert label in strings, label
assert any(n.startswith("xl/comments") for n in names), "a failing cell has a comment"
comments = [z.read(n).decode() for n in names if n.startswith("xl/comments")]
assert any("requests.balance" in c for c in comments), "the finding is in the comment"
s4 = z.read("xl/worksheets/sheet4.xml").decode()
assert "<pane " in s4 and "<autoFilter " in s4, "frozen header and filters"
p = zipfile.ZipFile(sys.argv[2])
assert len(p.namelist()) > 8
PYEOF

# series: a workbook with native line charts
C="$SRC/tests/data/cli"
"$GK" series --format xlsx -o "$TMP/s.xlsx" "$C/literals-2019.json" "$C/ok-2021.json" "$C/series-2024.json"
[ $? -le 1 ] || fail "series --format xlsx"
"$PY" - "$TMP/s.xlsx" <<'PYEOF' || fail "series xlsx content"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
assert len(charts) == 2, charts
assert "<c:lineChart>" in z.read(charts[0]).decode()
sheets = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
assert sheets == ["趋势", "检查发现的问题"], sheets
PYEOF

# summary: a workbook (one row per report, frozen header, filters, percentages)
# and a page (a bar per report with a value, no script)
"$GK" summary --format xlsx -o "$TMP/sum.xlsx" "$C/ok-2021.json" "$EX" || fail "summary --format xlsx"
"$GK" summary --format xlsx --lang en "$C/ok-2021.json" > "$TMP/sum-en.xlsx" || fail "summary --format xlsx to a pipe"
"$PY" - "$TMP/sum.xlsx" "$TMP/sum-en.xlsx" <<'PYEOF' || fail "summary xlsx content"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheets = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
assert sheets == ["汇总"], sheets
s1 = z.read("xl/worksheets/sheet1.xml").decode()
assert "<pane " in s1 and "<autoFilter " in s1, "frozen header and filters"
assert len(re.findall(r'<row r="', s1)) == 3, "a header and one row per report"
strings = z.read("xl/sharedStrings.xml").decode()
for label in ["报告", "机关", "公开率", "凤岗镇人民政府 2020", "示例镇人民政府 2023"]:
    assert label in strings, label
assert 'formatCode="0.00%"' in z.read("xl/styles.xml").decode(), "indicators are percentages"
e = zipfile.ZipFile(sys.argv[2])
assert re.findall(r'<sheet name="([^"]+)"', e.read("xl/workbook.xml").decode()) == ["summary"]
assert "Disclosure rate" in e.read("xl/sharedStrings.xml").decode()
PYEOF
if command -v script > /dev/null; then
  script -qec "$GK summary --format xlsx $EX" /dev/null > "$TMP/tty" 2>&1
  grep -q "refusing to write a binary file to the terminal" "$TMP/tty" || fail "summary xlsx on a terminal not refused"
fi
"$GK" summary --format html --sort total "$C/ok-2021.json" "$EX" -o "$TMP/sum.html" || fail "summary --format html"
[ "$(grep -c '<tr><th scope="row">' "$TMP/sum.html")" = 2 ] || fail "summary html: a row per report"
grep -q '<figcaption id="rank">公开率</figcaption>' "$TMP/sum.html" || fail "summary html: ranked by rate.disclosed unless --sort is an indicator"
grep -q '<script' "$TMP/sum.html" && fail "summary html has a script"
"$GK" summary --format html --sort rate.denied --lang en "$C/ok-2021.json" | grep -q '<figcaption id="rank">Denial rate' \
  || fail "summary html: ranked by the --sort indicator"
if command -v xmllint > /dev/null; then
  xmllint --noout "$TMP/sum.html" || fail "the summary page does not parse"
fi

# HTML through the CLI parses as XML (the pages are polyglot)
"$GK" convert --to html "$TMP/bad.json" -o "$TMP/r.html" || fail "convert --to html"
if command -v xmllint > /dev/null; then
  xmllint --noout "$TMP/r.html" || fail "the page does not parse"
fi
grep -q 'class="error' "$TMP/r.html" || fail "no failing cell marked"

echo "check_exports: $fails failures"
[ "$fails" = 0 ]
