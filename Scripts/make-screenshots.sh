#!/usr/bin/env bash
# Takes the README's screenshots of the lineage browser: runs the browser tests (headless Chromium
# and chromedriver from Debian: apt-get install chromium chromium-driver) with their screenshots
# written into the documentation catalog, where the README shows them from.
# Usage: Scripts/make-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=Sources/MLMDWeb/MLMDWeb.docc/Resources
mkdir -p "$out"
MLMD_SCREENSHOT_DIR="$PWD/$out" swift test --filter LineageBrowserTests/theWalkthroughsRecordsTheirLineageFilterPagingAndClicks
ls -l "$out"
