#!/bin/bash
# SPDX-License-Identifier: MIT
# End-to-end checks of the gkreport CLI: every subcommand, exact outputs and
# exit codes. Run by ctest as: bash check_cli.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=${1:?usage: check_cli.sh BUILD_DIR SOURCE_DIR}
SRC=${2:?usage: check_cli.sh BUILD_DIR SOURCE_DIR}
BUILD=$(cd "$BUILD" && pwd)
SRC=$(cd "$SRC" && pwd)
GK="$BUILD/gkreport"
DATA="$SRC/tests/data/cli"
if [ ! -x "$GK" ]; then
  echo "check_cli: $GK not built (GK_BUILD_EXAMPLES=OFF?)" >&2
  exit 1
fi
. "$DATA/assert.sh"

VERSION=$(sed -n 's/^project(gkreport VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
cd "$DATA" || exit 1

# ---- --version, --help, help CMD, bad usage
run 0 "$GK" --version
same out "gkreport $VERSION"
run 0 "$GK" --help
has out "Commands:"
for c in template convert show validate rules series aggregate help; do
  checks=$((checks + 1))
  grep -q "^  $c " "$TMP/out" || { echo "FAIL: --help does not list $c" >&2; fails=$((fails + 1)); }
done
run 2 "$GK"
has err "Commands:"
run 2 "$GK" frobnicate
same err "gkreport: unknown command 'frobnicate'
Try 'gkreport --help'."
run 2 "$GK" --frobnicate
same err "gkreport: unknown option '--frobnicate'
Try 'gkreport --help'."
run 0 "$GK" help validate
cp "$TMP/out" "$TMP/help_validate"
run 0 "$GK" validate --help
same_file out "$TMP/help_validate"
has out "Usage: gkreport validate [--format text|json] [--lang zh|en] [--strict]"
run 2 "$GK" help frobnicate
same err "gkreport: unknown command 'frobnicate'
Try 'gkreport --help'."

# ---- template, and the convert round trip
run 0 "$GK" template --edition 2021 --year 2023 --agency 示例镇人民政府 --level township --kind government
same_file out template-2021.json
empty err
cp "$TMP/out" "$TMP/template.json"
run_in 0 "$TMP/template.json" "$GK" convert -
# the input's name becomes the source of a JSON document that names none (issue 12)
has out '  "source": "<stdin>",'
grep -vxF '  "source": "<stdin>",' "$TMP/out" > "$TMP/out.nosource" && mv "$TMP/out.nosource" "$TMP/out"
same_file out template-2021.json
run 0 "$GK" template --year 2020
same out '{
  "gkreport": 1,
  "edition": "2019",
  "year": 2020,
  "tables": {}
}'
run 2 "$GK" template --edition 2021
same err "gkreport template: --year is required
Try 'gkreport help template'."
run 2 "$GK" template --year 2023 --edition 2020
same err "gkreport template: unknown edition '2020'
Try 'gkreport help template'."
run 2 "$GK" template --year 2023 --level village
same err "gkreport template: invalid value 'village' for --level (expected one of: national province city county township)"
run 2 "$GK" template --year
same err "gkreport template: option '--year' needs a value
Try 'gkreport help template'."
run 2 "$GK" template --year 20x3
same err "gkreport template: invalid value '20x3' for --year (expected an integer 1..9999)
Try 'gkreport help template'."

# ---- convert
run 0 "$GK" convert ok-2021.json
json_ok out
cp "$TMP/out" "$TMP/ok.json"
run_in 0 "$TMP/ok.json" "$GK" convert --from json -
same_file out "$TMP/ok.json"
run 2 "$GK" convert --to yaml ok-2021.json
same err "gkreport convert: invalid value 'yaml' for --to (expected json, csv, text, md, html or xlsx)
Try 'gkreport help convert'."
run 2 "$GK" convert ok-2021.json error-2021.json
same err "gkreport convert: only one FILE can be given
Try 'gkreport help convert'."
run 2 "$GK" convert missing.json
same err "gkreport convert: 无法读取“missing.json”：No such file or directory"
run 2 "$GK" convert syntax-error.json
same err "syntax-error.json:4:16: error json.syntax: 此处应为带引号的键（位置 \$）"
empty out

# ---- show
run 0 "$GK" show "$SRC/examples/fenggang-2020.json"
same_file out fenggang-2020.show.out
run 0 "$GK" show --lang en ok-2021.json
has out "Agency: 示例镇人民政府"
has out "[review] Administrative reconsideration and litigation"
has out "Σ Not processed                                         1                       0                      0                              0                           0                    0      1"
run 2 "$GK" show
same err "gkreport show: missing FILE (use '-' for standard input)
Try 'gkreport help show'."
run 2 "$GK" show --lang fr ok-2021.json
same err "gkreport show: invalid value 'fr' for --lang (expected zh or en)
Try 'gkreport help show'."

# ---- literals, signed values and units in the 2019 edition
run 0 "$GK" show literals-2019.json
has out "行政许可                           8         -3            93"
has out "行政强制                           2          0             -"
has out "政府集中采购                     6    251000元"
has out "规范性文件                         ·               ·               ·"
run 0 "$GK" convert literals-2019.json
cp "$TMP/out" "$TMP/lit.json"
run_in 0 "$TMP/lit.json" "$GK" convert -
same_file out "$TMP/lit.json"
has out '        "decisions": {"literal": "-"}'
has out '        "amount": {"value": "251000", "unit": "元"}'
run 0 "$GK" convert --to csv literals-2019.json
has out "示例市生态环境局,2020,2019,active,coercion,decisions,literal,-"
has out "示例市生态环境局,2020,2019,active,licensing,delta,value,-3"
run 1 "$GK" validate --lang en literals-2019.json
same out 'literals-2019.json: error cell.value: “Administrative coercion · Decisions” holds "-", not a number
1 report: 1 error, 0 warnings, 0 infos'

# ---- validate
run 0 "$GK" validate ok-2021.json
same out "1份报告：0个错误，0个警告，0个提示"
run 1 "$GK" validate --lang en error-2021.json
same out "error-2021.json: error requests.balance: “Natural persons”: New requests this year + Carried over from last year = 6 + 1 = 7 but Total handled + Carried forward to next year = 5 + 1 = 6
error-2021.json: note: probably “New requests this year · Natural persons” should be 5
error-2021.json: error requests.row_total: “New requests this year”: Total = 5 but Natural persons + Commercial enterprises + Research institutions + Public-interest organisations + Legal service institutions + Other organisations = 6 + 0 + 0 + 0 + 0 + 0 = 6
error-2021.json: note: probably “New requests this year · Natural persons” should be 5
1 report: 2 errors, 0 warnings, 0 infos"
run 1 "$GK" validate error-2021.json
has out "error-2021.json: note: 「一、本年新收政府信息公开申请数量 · 自然人」可能应为5"
run_in 1 error-2021.json "$GK" validate --rules requests.row_total --lang en -
same out "<stdin>: error requests.row_total: “New requests this year”: Total = 5 but Natural persons + Commercial enterprises + Research institutions + Public-interest organisations + Legal service institutions + Other organisations = 6 + 0 + 0 + 0 + 0 + 0 = 6
<stdin>: note: probably “New requests this year · Natural persons” should be 5
1 report: 1 error, 0 warnings, 0 infos"
run 0 "$GK" validate --rules -requests.* error-2021.json
same out "1份报告：0个错误，0个警告，0个提示"
run 1 "$GK" validate --lang en --waive "requests.balance:requests/total/natural=merger of two offices" error-2021.json
has out "error-2021.json: error requests.balance: “Natural persons”: New requests this year + Carried over from last year = 6 + 1 = 7 but Total handled + Carried forward to next year = 5 + 1 = 6 [waived]"
has out "1 report: 1 error, 0 warnings, 0 infos (1 waived)"
run 0 "$GK" validate --waive "requests.*=known" error-2021.json
has out "1份报告：0个错误，0个警告，0个提示（另有2项已豁免）"
run 2 "$GK" validate --waive requests.balance error-2021.json
same err "gkreport validate: invalid waiver 'requests.balance' (expected RULE[:CELL]=REASON)
Try 'gkreport help validate'."
run 2 "$GK" validate --rules no.such.rule error-2021.json
same err "gkreport validate: no rule matches 'no.such.rule' (see 'gkreport rules')
Try 'gkreport help validate'."
run 0 "$GK" validate --lang en warning-2021.json
same out "warning-2021.json: warning edition.year: a 2020 report uses the 2021 edition; reports of 2020 use the 2019 edition (国办公开办函〔2019〕60号)
1 report: 0 errors, 1 warning, 0 infos"
run 1 "$GK" validate --strict warning-2021.json
run 0 "$GK" validate --strict --min-severity error warning-2021.json
same out "1份报告：0个错误，0个警告，0个提示"
run 2 "$GK" validate --min-severity fatal ok-2021.json
same err "gkreport validate: invalid value 'fatal' for --min-severity (expected info, warning or error)
Try 'gkreport help validate'."
run 1 "$GK" validate --format json error-2021.json ok-2021.json
json_ok out
checks=$((checks + 1))
python3 - "$TMP/out" <<'PY' || { echo "FAIL: validate --format json fields" >&2; fails=$((fails + 1)); }
import json, sys
items = json.load(open(sys.argv[1]))
assert [i["rule"] for i in items] == ["requests.balance", "requests.row_total"], items
assert items[0]["cells"][0] == "requests/total/natural"
assert (items[0]["expected"], items[0]["actual"]) == ("6", "5")
assert (items[0]["suspect"], items[0]["suspect_value"]) == ("requests/new/natural", "5")
assert items[0]["file"] == "error-2021.json" and items[0]["severity"] == "error"
PY
run 2 "$GK" validate ok-2021.json missing.json error-2021.json
same err "gkreport validate: 无法读取“missing.json”：No such file or directory"
has out "error-2021.json: error requests.row_total: 一、本年新收政府信息公开申请数量：总计 = 5，不等于自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 6 + 0 + 0 + 0 + 0 + 0 = 6（各行：总计等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和）"
run 2 "$GK" validate --lang en syntax-error.json
same err "syntax-error.json:4:16: error json.syntax: expected a quoted key at \$"
run 2 "$GK" validate
same err "gkreport validate: missing FILE (use '-' for standard input)
Try 'gkreport help validate'."
run 2 "$GK" validate --bogus ok-2021.json
same err "gkreport validate: unknown option '--bogus'
Try 'gkreport help validate'."
run 2 "$GK" validate --format xml ok-2021.json
same err "gkreport validate: invalid value 'xml' for --format (expected text or json)
Try 'gkreport help validate'."

# ---- rules
run 0 "$GK" rules --lang en
NRULES=$(($(wc -l <"$TMP/out") - 1))
has out "requests.balance        error     report     2019,2021  for each column: new requests + carried over from last year = total handled + carried forward to next year"
has out "active.cumulative       warning   report     2019       2019 edition: total public is less than the number published this year"
has out "series.in_force         warning   series     2021       2021 edition: in force (year N) = in force (N-1) + issued (N) - repealed (N)"
has out "aggregate.overlap       warning   aggregate  2019,2021  a government's whole-region report is summed with reports of organs inside its region (double counting)"
has out "import.ambiguous        warning   import     2019,2021  the numbers of a row do not fit its columns; the cells stay blank"
run 0 "$GK" rules --format json
json_ok out
checks=$((checks + 1))
python3 - "$TMP/out" "$NRULES" <<'PY' || { echo "FAIL: rules --format json" >&2; fails=$((fails + 1)); }
import json, sys
rules = json.load(open(sys.argv[1]))
assert len(rules) == int(sys.argv[2]) and len(rules) >= 23, len(rules)
r = {x["id"]: x for x in rules}
assert r["text.fee"]["editions"] == ["2021"] and r["text.fee"]["scope"] == "text"
assert r["review.total"]["severity"] == "error" and r["review.total"]["editions"] == ["2019", "2021"]
assert r["requests.balance"]["description"].startswith("各申请人类别") or r["requests.balance"]["description"]
PY
run 2 "$GK" rules extra
same err "gkreport rules: unexpected argument 'extra'
Try 'gkreport help rules'."

# ---- series
run 1 "$GK" series --lang en ok-2021.json series-2024.json
has out "series-2024.json: error series.carry: 2024 “Carried over from last year · Total” is 2, expected 1 from the 2023 report (ok-2021.json): 2023 “Carried forward to next year · Total”"
has out "2 reports: 1 error, 1 warning, 0 infos"
has out "requests/carried_over/total                    1     2      +1  100.00%"
has out "active/normative_docs/in_force                 3     4      +1   33.33%"
has out "Carry-forward rate                      16.67%    28.57%"
has out "Litigation correction rate                   –         –"
run 0 "$GK" series --waive "series.carry=agency merged in 2024" ok-2021.json series-2024.json
run 0 "$GK" series ok-2021.json series-2024.json --rules -series.carry
has out "2份报告：0个错误，0个警告，0个提示"
run 1 "$GK" series --format json series-2024.json ok-2021.json
json_ok out
checks=$((checks + 1))
python3 - "$TMP/out" <<'PY' || { echo "FAIL: series --format json" >&2; fails=$((fails + 1)); }
import json, sys
doc = json.load(open(sys.argv[1]))
assert [f["rule"] for f in doc["findings"]] == ["series.carry", "series.carry"]
assert doc["trend"]["years"] == [2023, 2024]
cell = [c for c in doc["trend"]["cells"] if c["path"] == "requests/carried_over/total"][0]
assert cell["values"] == [1, 2], cell
PY
run 1 "$GK" series --format csv ok-2021.json series-2024.json
tr -d '\r' <"$TMP/out" >"$TMP/csv" && mv "$TMP/csv" "$TMP/out"
has out "path,comparable,year,edition,state,value,change,pct"
has out "requests/carried_over/total,1,2024,2021,value,2,1,100.00"
has err "series-2024.json: error series.carry: 2024年「二、上年结转政府信息公开申请数量 · 总计」为2，按2023年报告（ok-2021.json）应为1：2023年「四、结转下年度继续办理 · 总计」"
run 2 "$GK" series ok-2021.json missing.json
same err "gkreport series: 无法读取“missing.json”：No such file or directory"
run 2 "$GK" series
same err "gkreport series: missing FILE... (the reports of one agency)
Try 'gkreport help series'."

# ---- aggregate
run 0 "$GK" aggregate --multi-year --name 合计 ok-2021.json series-2024.json
json_ok out
checks=$((checks + 1))
python3 - "$TMP/out" <<'PY' || { echo "FAIL: aggregate json" >&2; fails=$((fails + 1)); }
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["agency"]["name"] == "合计" and doc["edition"] == "2021"
t = doc["tables"]["requests"]
assert t["new"]["natural"] == 10 and t["carried_over"]["total"] == 3 and t["carried_forward"]["total"] == 3
assert doc["tables"]["active"]["normative_docs"] == {"issued": 3, "repealed": 1, "in_force": 7}
PY
run 0 "$GK" aggregate --multi-year --name 合计 --format csv ok-2021.json series-2024.json
has out "agency,year,edition,table,row,col,state,value"
has out "合计,,2021,requests,new,total,value,10"
has out "合计,,2021,review,reconsideration,upheld,value,2"
{ python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' ok-2021.json
  echo '{"gkreport": 1,'
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' series-2024.json
} >"$TMP/three.jsonl"
run_in 1 "$TMP/three.jsonl" "$GK" aggregate --multi-year --lang en -
json_ok out
same err "<stdin>:2: error jsonl.line: line 2 is not a valid report, skipped: unexpected end of input at \$"
cp "$TMP/three.jsonl" "$TMP/reports.jsonl"
run 1 "$GK" aggregate --multi-year --lang en "$TMP/reports.jsonl" ok-2021.json
has err "ok-2021.json: error aggregate.duplicate: a 2023 report of 示例镇人民政府 was already summed; this one is skipped"
checks=$((checks + 1))
python3 - "$TMP/out" <<'PY' || { echo "FAIL: aggregate jsonl + file" >&2; fails=$((fails + 1)); }
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["tables"]["requests"]["new"]["total"] == 10, doc["tables"]["requests"]["new"]  # the second ok-2021 skipped
PY
run 2 "$GK" aggregate missing.json
same err "gkreport aggregate: 无法读取“missing.json”：No such file or directory"
printf '\n' >"$TMP/empty.jsonl"
run 2 "$GK" aggregate "$TMP/empty.jsonl"
same err "gkreport aggregate: no report to consolidate"
run 2 "$GK" aggregate --format xml ok-2021.json
same err "gkreport aggregate: invalid value 'xml' for --format (expected json or csv)
Try 'gkreport help aggregate'."

# ---- published text: show, convert, validate
FENGGANG=../real/2020_ganzhou-fenggang-town.txt
SHANGHAI=../real/2019_shanghai-municipal-general-office.txt
run 0 "$GK" show "$FENGGANG"
same_file out fenggang-2020-text.show.out
run 0 "$GK" convert --from text --lines "$FENGGANG"
json_ok out
cp "$TMP/out" "$TMP/fenggang-lines.json"
checks=$((checks + 1))
python3 - "$TMP/out" "$SRC/examples/fenggang-2020.json" <<'PY' || { echo "FAIL: fenggang text -> json" >&2; fails=$((fails + 1)); }
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["edition"] == "2019" and doc["year"] == 2020, doc["edition"]
p = doc["tables"]["active"]["procurement"]
assert p == {"projects": {"value": 120, "line": 87}, "amount": {"value": "498742.4", "line": 88}}, p
def strip(t):  # drop the source lines
    if isinstance(t, dict):
        if "line" in t and "value" in t and len(t) == 2: return t["value"]
        return {k: strip(v) for k, v in t.items()}
    return t
ref = json.load(open(sys.argv[2]))
assert strip(doc["tables"]) == strip(ref["tables"]), "tables differ from examples/fenggang-2020.json"
PY
# The report read back from an export ($1) equals ok-2021.json, source aside.
same_as_ok() {
  run 0 "$GK" convert --from text "$1"
  cp "$TMP/out" "$1.json"
  run 0 "$GK" convert ok-2021.json
  checks=$((checks + 1))
  python3 - "$TMP/out" "$1.json" <<'PY' || { echo "FAIL: json -> $(basename "$1") -> json round trip" >&2; fails=$((fails + 1)); }
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
a.pop("source", None), b.pop("source", None)  # where each was read from
assert a == b, (a.get("title"), b.get("title"), a.get("agency"), b.get("agency"))
PY
}
run 0 "$GK" convert --to text ok-2021.json
cp "$TMP/out" "$TMP/ok.txt"
has out "发布机构：示例镇人民政府" # untitled: the metadata block, no invented title
has out "报告年度：2023"
same_as_ok "$TMP/ok.txt"
run 0 "$GK" convert --to md ok-2021.json
has out "## 四、政府信息公开行政复议、行政诉讼情况"
has out "| 行政复议 | 1 | 0 | 0 | 0 | 1 |"
has out "| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |"
cp "$TMP/out" "$TMP/ok.md"
same_as_ok "$TMP/ok.md"
run 0 "$GK" convert --to csv "$FENGGANG"
has out "agency,year,edition,table,row,col,state,value"
has out "凤岗镇,2020,2019,active,procurement,amount,value,498742.4"
run 0 "$GK" validate --lang en "$SHANGHAI"
checks=$((checks + 1))
[ "$(grep -c ': warning cell.blank: ' "$TMP/out")" = 11 ] || { echo "FAIL: shanghai: want 11 cell.blank" >&2; fails=$((fails + 1)); }
has out "$SHANGHAI:54: warning cell.blank: “Disclosed · Total” is blank beside filled parts: “Disclosed”: Natural persons + Commercial enterprises + Research institutions + Public-interest organisations + Legal service institutions + Other organisations = 258 + 12 + blank + blank + 1 + 1 = 272; it should hold 272"
has out "$SHANGHAI:16: warning text.sum: a total in the prose (805) does not equal the sum of its parts (716)"
has out "1 report: 0 errors, 12 warnings, 0 infos"
run 1 "$GK" validate --strict "$SHANGHAI"
run 1 "$GK" validate --waive "cell.blank=blank totals as published" --strict "$SHANGHAI"
has out "1份报告：0个错误，1个警告，0个提示（另有11项已豁免）"
run 0 "$GK" validate --waive "cell.blank=blank totals as published" --waive "text.*=prose counts differ" --strict "$SHANGHAI"
has out "1份报告：0个错误，0个警告，0个提示（另有12项已豁免）"
run 0 "$GK" validate --rules text.sum --lang en "$SHANGHAI"
same out "$SHANGHAI:16: warning text.sum: a total in the prose (805) does not equal the sum of its parts (716)
1 report: 0 errors, 1 warning, 0 infos"
run 0 "$GK" validate "$FENGGANG"
same out "1份报告：0个错误，0个警告，0个提示"
run 0 "$GK" validate "$TMP/fenggang-lines.json"
same out "1份报告：0个错误，0个警告，0个提示"
printf 'hello world\n' >"$TMP/hello.txt"
run 2 "$GK" validate --lang en "$TMP/hello.txt" ok-2021.json
same err "$TMP/hello.txt:1: error import.not_report: the text is not an annual report: no title and none of the section headings"
same out "1 report: 0 errors, 0 warnings, 0 infos; 1 input unreadable"
run 2 "$GK" validate "$TMP/hello.txt" missing.json
same err "$TMP/hello.txt:1: error import.not_report: 文本不是政府信息公开工作年度报告：没有标题，也没有“一、总体情况”等章节标题
gkreport validate: 无法读取“missing.json”：No such file or directory"
run 2 "$GK" validate --lang en missing.json
same err "gkreport validate: cannot read 'missing.json': No such file or directory"
printf 'ab\000cd' >"$TMP/nul.txt"
run 2 "$GK" show "$TMP/nul.txt"
same err "$TMP/nul.txt: error import.encoding: 输入在第2字节处含有NUL字节，不是文本"
run 2 "$GK" convert --from json "$FENGGANG"
has err "$FENGGANG:1:1: error json.syntax: 此处应为一个值（位置 \$）"

# ---- the complete real reports: defects found, series that hold
HONGZE23=../real/2023_huaian-hongze-district-government.txt
HONGZE24=../real/2024_huaian-hongze-district-government.txt
run 1 "$GK" validate --lang en "$HONGZE23"
same out "$HONGZE23:151: error review.total: “Administrative reconsideration”: Total = 0 but Upheld + Corrected + Other result + Pending = 10 + 1 + 0 + 0 = 11
$HONGZE23:151: note: probably “Administrative reconsideration · Total” should be 11
$HONGZE23:151: error review.total: “Litigation after reconsideration”: Total = 0 but Upheld + Corrected + Other result + Pending = 5 + 0 + 0 + 0 = 5
$HONGZE23:151: note: ambiguous: either of 2 single-cell repairs fixes it: “Litigation after reconsideration · Total” → 5, or “Litigation after reconsideration · Upheld” → 0
1 report: 2 errors, 0 warnings, 0 infos"
run 0 "$GK" series --lang en ../real/2023_suqian-municipal-government.txt ../real/2024_suqian-municipal-government.txt
has out "../real/2024_suqian-municipal-government.txt:45: warning text.table: the prose gives 57 lawsuits (both litigation rows), the table 77"
has out "2 reports: 0 errors, 2 warnings, 0 infos"
has out "requests/carried_over/total                               96         121          +25    26.04%"
has out "active/fees/amount                                59237.2449  72701.2578  +13464.0129    22.73%"
run 1 "$GK" series --strict "$HONGZE23" "$HONGZE24"
has out "$HONGZE23:151: error review.total: 行政复议：总计 = 0，不等于结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 10 + 1 + 0 + 0 = 11（行政复议、行政诉讼各行：总计等于结果维持、结果纠正、其他结果、尚未审结之和）"
has out "2份报告：2个错误，1个警告，0个提示"
run 0 "$GK" series --strict --rules 'series.*' "$HONGZE23" "$HONGZE24"
has out "2份报告：0个错误，0个警告，0个提示"
run 1 "$GK" series --format csv "$HONGZE23" "$HONGZE24"
has out "active/normative_docs/in_force,1,2024,2021,value,8,3,60.00"
run 0 "$GK" aggregate --multi-year --lang en "$FENGGANG" ok-2021.json
same err "<report>: info aggregate.editions: reports of both editions summed in the common view (2021 other.* collapsed, section 二 restricted): editions 2019 (1), 2021 (1), the result in edition 2021; 43 cells with values dropped"
checks=$((checks + 1))
python3 - "$TMP/out" <<'PY' || { echo "FAIL: aggregate of both editions" >&2; fails=$((fails + 1)); }
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["edition"] == "2021" and "year" not in doc
assert doc["tables"]["active"]["normative_docs"] == {"issued": 1}, doc["tables"]["active"]
assert doc["tables"]["requests"]["new"]["total"] == 5
PY

# ---- consolidation findings on the given reports (issue 15)
SUQIAN23=../real/2023_suqian-municipal-government.txt
SUQIAN24=../real/2024_suqian-municipal-government.txt
run 1 "$GK" aggregate --lang en "$SUQIAN23" "$SUQIAN23"
same err "$SUQIAN23: error aggregate.duplicate: a 2023 report of 宿迁市 was already summed; this one is skipped"
run 0 "$GK" aggregate --lang en ../real/2024_huaian-municipal-government.txt "$HONGZE24"
same err "<report>: warning aggregate.overlap: 江苏省淮安市: the whole-region report of 淮安市人民政府 is summed with 1 report of organs inside its region (淮安市洪泽区人民政府): double counting"
run 1 "$GK" aggregate --lang en "$SUQIAN23" "$SUQIAN24"
same err "<report>: error aggregate.years: reports of different years (2023 to 2024) were summed; ask for a multi-year sum explicitly if that is meant"
run 0 "$GK" aggregate --multi-year "$SUQIAN23" "$SUQIAN24"
run 1 "$GK" aggregate --lang en --repair "$HONGZE23"
has err "$HONGZE23:151: info aggregate.repaired: 洪泽区人民政府 (2023): “Administrative reconsideration · Total” printed 0, repaired to 11 (review.total) before summing"
run 0 "$GK" aggregate --lang en "$SUQIAN23" ../real/2019_xiongxian-township-blank-tables.txt
has err "../real/2019_xiongxian-township-blank-tables.txt: warning aggregate.incomplete: ? (2019): every cell of the tables is blank; left out of the sum"

# ---- more situations: GB18030 input, a gap in a series, double counting, JSON with an unreadable file
iconv -f UTF-8 -t GB18030 "$FENGGANG" >"$TMP/fenggang-gb.txt"
run 0 "$GK" validate --lang en "$TMP/fenggang-gb.txt"
same out "$TMP/fenggang-gb.txt: info import.converted: the input was GB18030/GBK and has been converted to UTF-8
1 report: 0 errors, 0 warnings, 1 info"
run 0 "$GK" validate --min-severity warning "$TMP/fenggang-gb.txt"
same out "1份报告：0个错误，0个警告，0个提示"
# --rules and --waive reach the importer's findings
run 0 "$GK" validate --lang en --rules=-import.converted "$TMP/fenggang-gb.txt"
same out "1 report: 0 errors, 0 warnings, 0 infos"
run 0 "$GK" validate --lang en --waive "import.converted=known GBK source" "$TMP/fenggang-gb.txt"
same out "$TMP/fenggang-gb.txt: info import.converted: the input was GB18030/GBK and has been converted to UTF-8 [waived]
1 report: 0 errors, 0 warnings, 0 infos (1 waived)"
# --max-input: one cap for every input, an endless one included
run 2 "$GK" validate --max-input 100 ok-2021.json
has err "gkreport validate: 'ok-2021.json' is larger than 100 bytes (the input cap; see --max-input)"
run 2 "$GK" --max-input=64K convert /dev/zero
has err "gkreport convert: '/dev/zero' is larger than 65536 bytes (the input cap; see --max-input)"
run 2 "$GK" validate --max-input 12x ok-2021.json
has err "gkreport: --max-input: '12x' is not a size such as 1048576, 512K, 64M or 1G"
run 0 "$GK" validate --max-input 1M ok-2021.json
run 0 "$GK" show "$TMP/fenggang-gb.txt"
has out "政府集中采购                   120    498742.4"
python3 - "$TMP" <<'PY'
import json, sys
d = json.load(open("ok-2021.json"))
d["year"] = 2025
json.dump(d, open(sys.argv[1] + "/y2025.json", "w"), ensure_ascii=False)
for name, kind in (("gov", "government"), ("dept", "department")):
    d["year"] = 2023
    d["agency"] = {"name": "示例县人民政府" if kind == "government" else "示例县司法局",
                   "region": "示例省示例县", "level": "county", "kind": kind}
    json.dump(d, open(sys.argv[1] + "/" + name + ".json", "w"), ensure_ascii=False)
PY
run 0 "$GK" series --lang en ok-2021.json "$TMP/y2025.json"
has out "$TMP/y2025.json: warning series.gap: the 2024 report is missing"
has out "2 reports: 0 errors, 1 warning, 0 infos"
run 1 "$GK" series --strict ok-2021.json "$TMP/y2025.json"
run 0 "$GK" aggregate --lang en "$TMP/gov.json" "$TMP/dept.json"
same err "<report>: warning aggregate.overlap: 示例省示例县: the whole-region report of 示例县人民政府 is summed with 1 report of organs inside its region (示例县司法局): double counting"
run 1 "$GK" aggregate --strict --lang en "$TMP/gov.json" "$TMP/dept.json"
json_ok out
run 2 "$GK" validate --format json error-2021.json missing.json
json_ok out
same err "gkreport validate: 无法读取“missing.json”：No such file or directory"

# ---- panels: summary (folders recursed), indicators, series --by-agency
# contains WHAT TEXT: some line of $TMP/WHAT contains TEXT.
contains() {
  checks=$((checks + 1))
  if ! grep -qF -- "$2" "$TMP/$1"; then
    echo "FAIL: $1 lacks: $2" >&2
    sed 's/^/  | /' "$TMP/$1" >&2
    fails=$((fails + 1))
  fi
}
SUQIAN23=../real/2023_suqian-municipal-government.txt
HONGZE23=../real/2023_huaian-hongze-district-government.txt
run 0 "$GK" summary --sort rate.disclosed --ascending "$SUQIAN23" "$HONGZE23"
contains out "file,agency,level,kind,region,year,edition,completeness,errors,warnings,new,"
contains out "../real/2023_huaian-hongze-district-government.txt,洪泽区人民政府,county,government,江苏省淮安市洪泽区,2023,2021,complete,2,0,21,"
contains out ",59237.2449,43.57,4.07,30.92,11.65,3.35,3.10,4.11,1.02"
run 0 "$GK" summary --format json "$SUQIAN23"
json_ok out
run 1 "$GK" summary ../real
contains out "../real/2022_yiwu-niansanli-subdistrict.txt,义乌市廿三里街道办事处,township,government,浙江省金华市义乌市廿三里街道,"
contains err "2023_suqian-municipal-government.truth.json"
run 2 "$GK" summary --sort agency "$SUQIAN23"
contains err "cannot sort by 'agency'"
run 0 "$GK" indicators --format csv "$HONGZE23"
contains out "../real/2023_huaian-hongze-district-government.txt,rate.disclosed,19.05,4,21"
contains out "../real/2023_huaian-hongze-district-government.txt,rate.reconsideration_corrected,,,"
run 0 "$GK" indicators --lang en "$SUQIAN23"
contains out "Disclosure rate"
run 1 "$GK" series --by-agency ../real/2023_huaian-hongze-district-government.txt ../real/2024_huaian-hongze-district-government.txt "$SUQIAN23"
contains out "== 淮安市洪泽区人民政府 =="
contains out "== 宿迁市 =="
contains out "2023_huaian-hongze-district-government.txt:151: error review.total:"
run 0 "$GK" series --by-agency --format csv "$SUQIAN23"
contains out "agency,path,comparable,year,edition,state,value,change,pct"
contains out "宿迁市,requests/new/total,1,2023,2021,value,3511,,"
run 0 "$GK" summary --agency 泗阳县人民政府 "$SUQIAN23"
contains out "2023_suqian-municipal-government.txt,泗阳县人民政府,county,government,江苏省宿迁市泗阳县,2023,"
run 0 "$GK" summary --level county --kind department --region 江苏省 "$SUQIAN23"
contains out "2023_suqian-municipal-government.txt,宿迁市,county,department,江苏省,2023,"
run 2 "$GK" summary --level bogus "$SUQIAN23"
contains err "invalid value 'bogus' for --level"
mkdir -p "$TMP/dir/sub" && cp ok-2021.json "$TMP/dir/" && cp "$SUQIAN23" "$TMP/dir/sub/"
run 0 "$GK" validate "$TMP/dir"
has out "2份报告：0个错误，0个警告，0个提示"
run 0 "$GK" indicators "$HONGZE23"
contains out "                                   注：所用的印出总计与其分项之和不符；按分项计算为 9.09% = 1 / 11"
run 1 "$GK" series --lang en "$HONGZE23"
contains out "note: 2023 Reconsideration correction rate uses a printed total that contradicts its parts; from the parts it is 9.09% (1/11)"
run 0 "$GK" series ../real/2013_hunan-daoxian-culture-bureau.txt  # pre-format: no format error
contains out "这些报告没有表格数据"

# aggregate: --agency/--level/--kind/--region on each report file, as validate (issue 15)
run 0 "$GK" aggregate ../real/2024_huaian-municipal-government.txt ../real/2024_huaian-hongze-district-government.txt
contains err "aggregate.overlap"
run 1 "$GK" aggregate --agency 淮安市洪泽区人民政府 ../real/2024_huaian-municipal-government.txt ../real/2024_huaian-hongze-district-government.txt
contains err "aggregate.duplicate"
run 2 "$GK" aggregate --region 江苏省淮安市 -
contains err "not to JSON Lines (-)"
run 2 "$GK" aggregate --kind bogus "$SUQIAN23"
contains err "invalid value 'bogus' for --kind"
run 0 "$GK" validate ../real/2020_jining-weishan-liangcheng-town.txt
contains out "info import.agency: 机关名称“两城镇人民政府”取自开头段落"

# convert --to xlsx reads back: by the name .xlsx, by the content, by --from xlsx
if "$GK" convert --to xlsx -o "$TMP/rt.xlsx" "$SUQIAN23" 2>/dev/null; then
  run 0 "$GK" convert --to csv "$SUQIAN23"
  cp "$TMP/out" "$TMP/direct.csv"
  run 0 "$GK" convert --to csv "$TMP/rt.xlsx"
  same_file out "$TMP/direct.csv"
  cp "$TMP/rt.xlsx" "$TMP/rt.bin"
  run 0 "$GK" convert --to csv "$TMP/rt.bin"
  same_file out "$TMP/direct.csv"
  run_in 0 "$TMP/rt.xlsx" "$GK" convert --from xlsx --to csv -
  same_file out "$TMP/direct.csv"
  run 2 "$GK" convert --from xlsx "$SUQIAN23"
  contains err "import.xlsx"
fi

finish check_cli
