#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerate tests/data/pdftext/<name>.txt: the complete real reports rendered
# as web pages (tests/data/documents/<name>.html, tools/render_documents.py),
# printed to PDF by Chromium and read back by `pdftotext -layout`, for
# tests/test_pdftext.c, and by plain `pdftotext` into tests/data/pdftext-raw/.
# Needs chromium and poppler-utils; not run by CI.
#   sh tools/render_pdf_text.sh            (from the source tree)
set -eu
src=tests/data/documents
out=tests/data/pdftext
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" "$out-raw"
for html in "$src"/*.html; do
  name=$(basename "$html" .html)
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$tmp/$name.pdf" "$html" 2>/dev/null
  pdftotext -layout "$tmp/$name.pdf" "$out/$name.txt"
  pdftotext "$tmp/$name.pdf" "$out-raw/$name.txt"
done
