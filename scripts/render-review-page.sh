#!/usr/bin/env bash
# Renders the review page of seeds 000 (Vietnamese, then French) and 001 (English) with headless Chromium, the
# resolution 39-NQ/TW hovered, into the picture the README shows (docs/review-seeds-000-001.png) and its copy in
# the DocC catalog (Sources/Triglot/Triglot.docc/Resources/).
#
# Needs Chromium (Debian: apt-get install chromium; fonts-noto-core gives the page its intended font); pngquant,
# when present, makes the picture smaller. Usage: scripts/render-review-page.sh [WIDTH HEIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."

width=${1:-1400}
height=${2:-1000}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$browser" ]]; then
    echo "render-review-page: Chromium not found (Debian: apt-get install chromium)" >&2
    exit 1
fi

swift build --product triglot
triglot="$(swift build --show-bin-path)/triglot"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$triglot" align corpus/seeds/000_623109171bdc0a9e.txt corpus/seeds/001_08ce92fcf796cfcd.txt --format html > "$work/review.html"
# The entity of the resolution 39-NQ/TW, shown at once through the page's #e-N address.
entity=$(python3 - "$work/review.html" <<'PY'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
data = json.loads(re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S).group(1))
print(next((k for k, e in enumerate(data["entities"]) if e["value"] == "39-NQ/TW"), 0))
PY
)

picture=docs/review-seeds-000-001.png
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/profile" \
    --window-size="$width,$height" --virtual-time-budget=3000 --screenshot="$work/review.png" "file://$work/review.html#e-$entity" 2>/dev/null
if command -v pngquant >/dev/null; then
    pngquant --force --quality 80-95 --output "$picture" "$work/review.png"
else
    cp "$work/review.png" "$picture"
fi
mkdir -p Sources/Triglot/Triglot.docc/Resources
cp "$picture" Sources/Triglot/Triglot.docc/Resources/review-seeds-000-001.png
echo "render-review-page: $picture ($(wc -c < "$picture") bytes), entity $entity shown"
