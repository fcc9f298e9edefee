#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Web pages, Word files and PDF through the gkreport tool (issue 13):
#  - every rendering of a complete report (tests/data/documents, made by
#    tools/render_documents.py) gives the same CSV as a page and as a .docx, and
#    --from forces a form (a .docx forced as HTML is no report: exit 2);
#  - the README's PDF path: pdftotext -layout (poppler-utils) of a PDF rendering
#    into the text importer gives every cell of the truth (skipped, with a
#    message, when pdftotext is absent).
# Usage: check_documents.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
gk=$build/gkreport
docs=$src/tests/data/documents
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

for html in "$docs"/*.html; do
  name=$(basename "$html" .html)
  "$gk" convert --to csv "$html" > "$tmp/h.csv"
  "$gk" convert --to csv "$docs/$name.docx" > "$tmp/d.csv"
  "$gk" convert --to csv --from docx - < "$docs/$name.docx" > "$tmp/f.csv"
  if ! cmp -s "$tmp/h.csv" "$tmp/d.csv" || ! cmp -s "$tmp/d.csv" "$tmp/f.csv"; then
    echo "FAIL: $name: the page and the .docx give different reports"
    diff "$tmp/h.csv" "$tmp/d.csv" | head -n 10
    fail=1
  fi
  [ "$(wc -l < "$tmp/h.csv")" -gt 60 ] || { echo "FAIL: $name: too few cells"; fail=1; }
done

rc=0
"$gk" validate --from html "$docs/2023_suqian-municipal-government.docx" > /dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || { echo "FAIL: a .docx forced as HTML: exit $rc (want 2)"; fail=1; }

# The truth's cells against a CSV of gkreport convert.
compare_truth() {
  python3 - "$1" "$2" <<'PY'
import csv, json, sys
got = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for row in csv.DictReader(f):
        got["%s/%s/%s" % (row["table"], row["row"], row["col"])] = row["value"]
truth = json.load(open(sys.argv[2], encoding="utf-8"))["cells"]
bad = [(k, v, got.get(k)) for k, v in truth.items() if str(v) != got.get(k)]
for k, v, g in bad[:10]:
    print("FAIL: %s: truth %s, read %s" % (k, v, g))
print("%d of %d cells as the truth" % (len(truth) - len(bad), len(truth)))
sys.exit(1 if bad else 0)
PY
}

if command -v pdftotext > /dev/null 2>&1; then
  pdf=$docs/2024_suqian-municipal-government.pdf
  pdftotext -layout -enc UTF-8 "$pdf" "$tmp/pdf.txt"
  "$gk" convert --to csv "$tmp/pdf.txt" > "$tmp/pdf.csv"
  compare_truth "$tmp/pdf.csv" "$src/tests/data/real/2024_suqian-municipal-government.truth.json" || fail=1
else
  echo "pdftotext (poppler-utils) absent: the PDF path is not checked"
fi
compare_truth "$tmp/h.csv" "$src/tests/data/real/$(basename "$html" .html).truth.json" || fail=1

[ "$fail" = 0 ] && echo "documents: ok"
exit "$fail"
