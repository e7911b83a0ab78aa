#!/usr/bin/env bash
# Regenerates docs/dashboard.png, the README's picture of `tandem status --format html`: the demo site's dashboard
# rendered by headless Chromium. Usage: scripts/dashboard-screenshot.sh (from anywhere in the clone).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "no chromium on PATH (Debian: apt-get install -y chromium)" >&2
  exit 2
fi
cargo build --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/debug/tandem demo "$work/site" >/dev/null
# The demo site has no remote; an example one shows the forge links as they appear on a hosted site.
git -C "$work/site" remote add origin https://github.com/example/docs.git
target/debug/tandem -C "$work/site" --ui-lang en status --format html --out "$work/dashboard.html"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$work/profile" --window-size=1200,1320 \
  --screenshot="$PWD/docs/dashboard.png" "file://$work/dashboard.html" 2>/dev/null
echo "wrote docs/dashboard.png"
