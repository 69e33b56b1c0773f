#!/usr/bin/env bash
# Builds the DocC documentation of the public modules into .build/docs/MODULE, failing on any
# warning (a broken symbol link, say). CI runs it.
# Usage: Scripts/build-docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build/docs
for module in ProtoWire MLMDProtos MLMetadata MLMDClient MLMDServer MLMDWeb; do
  echo "== $module" >&2
  swift package --allow-writing-to-directory ".build/docs" generate-documentation \
    --target "$module" --warnings-as-errors --output-path ".build/docs/$module" >&2
done
