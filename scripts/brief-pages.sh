#!/usr/bin/env bash
# How many printed pages the general brief takes: its HTML printed to PDF by headless Chromium
# (A4 or Letter, Chromium's default paper), the pages counted. Exits 1 above two pages.
# Needs Debian's chromium (installed if missing); not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }
out=$(mktemp -d)
cargo run --quiet -- brief --format html --output "$out/brief.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$out/brief.pdf" "file://$out/brief.html" 2>/dev/null
pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$out/brief.pdf")
echo "the brief prints on $pages page(s): $out/brief.pdf"
[ "$pages" -le 2 ]
