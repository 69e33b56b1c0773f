#!/usr/bin/env bash
# Formats the hand-written Swift sources with the toolchain's swift-format and .swift-format;
# generated messages (*.pb.swift) are left as the generator writes them.
# Usage: Scripts/format.sh          format in place
#        Scripts/format.sh --lint   report what is not formatted, exit 1 if anything is (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files --cached --others --exclude-standard -- '*.swift' ':!:*.pb.swift' ':!:Benchmarks/Sources/SwiftProtobufMLMD/*')
if [ "${1:-}" = "--lint" ]; then
  # shellcheck disable=SC2086
  exec swift format lint --strict --parallel $files
fi
# shellcheck disable=SC2086
exec swift format format --in-place --parallel $files
