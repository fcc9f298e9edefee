#!/bin/bash
# SPDX-License-Identifier: MIT
# The HTML pages in a real browser: headless Chromium screenshots of the example
# pages are not blank, the Chinese text is drawn (a screenshot of the page differs
# from one with its text hidden, and a CJK font is installed for the page's font
# stack), and every page parses (xmllint: the pages are polyglot XHTML).
# Skipped (exit 0, said) when chromium is not installed; .ci/run installs it with
# fonts-noto-cjk. Run by ctest as: bash check_html_render.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$(cd "${1:?usage: check_html_render.sh BUILD_DIR SOURCE_DIR}" && pwd)
SRC=$(cd "${2:?usage: check_html_render.sh BUILD_DIR SOURCE_DIR}" && pwd)
GK="$BUILD/gkreport"
[ -x "$GK" ] || { echo "check_html_render: $GK not built" >&2; exit 1; }
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROME" ]; then
  echo "check_html_render: skipped (no chromium; apt-get install chromium fonts-noto-cjk)"
  exit 0
fi
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# Without a CJK font headless Chromium draws no Chinese glyph at all.
if command -v fc-list > /dev/null && [ -z "$(fc-list :lang=zh family)" ]; then
  fail "no CJK font installed (fonts-noto-cjk or fonts-wqy-zenhei)"
fi

shot() { # shot PAGE.html OUT.png
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$TMP/profile-$RANDOM" --hide-scrollbars --window-size=900,1100 \
    --screenshot="$2" "file://$1" > "$TMP/chrome.log" 2>&1
  [ -s "$2" ] || { fail "no screenshot of $1"; cat "$TMP/chrome.log" >&2; }
}

sed "0,/\"natural\": {\"value\": 0,/s//\"natural\": {\"value\": 999,/" \
  "$SRC/examples/fenggang-2020.json" > "$TMP/bad.json"
"$GK" convert --to html "$SRC/examples/fenggang-2020.json" -o "$TMP/fenggang.html" || fail "convert fenggang"
"$GK" convert --to html "$TMP/bad.json" -o "$TMP/findings.html" || fail "convert with findings"
"$GK" convert --to html --lang en "$SRC/tests/data/real/2019_shanghai-municipal-general-office.txt" \
  -o "$TMP/shanghai.html" || fail "convert shanghai"
C="$SRC/tests/data/cli"
"$GK" series --format html -o "$TMP/series.html" "$C/literals-2019.json" "$C/ok-2021.json" \
  "$C/series-2024.json"
[ $? -le 1 ] || fail "series --format html"
pages="fenggang findings shanghai series"

for p in $pages; do
  page="$TMP/$p.html"
  xmllint --noout "$page" 2> "$TMP/xml.err" || { fail "$p.html does not parse"; cat "$TMP/xml.err" >&2; }
  grep -Eq '<script|src=|@import|url\(' "$page" && fail "$p.html loads or runs something"
  # the same page with every text transparent
  sed 's|</style>|*{color:transparent !important;text-decoration:none !important}</style>|' \
    "$page" > "$TMP/$p-hidden.html"
  shot "$page" "$TMP/$p.png"
  shot "$TMP/$p-hidden.html" "$TMP/$p-hidden.png"
  [ -s "$TMP/$p.png" ] && [ -s "$TMP/$p-hidden.png" ] || continue
  ink=$("$PY" "$SRC/tests/tools/png_ink.py" "$TMP/$p.png")
  diff=$("$PY" "$SRC/tests/tools/png_ink.py" "$TMP/$p.png" "$TMP/$p-hidden.png")
  echo "$p: ink $ink, text $diff"
  awk -v v="$ink" 'BEGIN { exit !(v > 0.01) }' || fail "$p.png is blank (ink $ink)"
  awk -v v="$diff" 'BEGIN { exit !(v > 0.005) }' || fail "$p.png: no text drawn (differs by $diff)"
done
[ -n "${GK_KEEP_SCREENSHOTS:-}" ] && cp "$TMP"/*.png "$GK_KEEP_SCREENSHOTS"/ 2> /dev/null
echo "check_html_render: $fails failures"
[ "$fails" = 0 ]
