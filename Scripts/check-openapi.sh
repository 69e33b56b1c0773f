#!/usr/bin/env bash
# Validates an OpenAPI document with openapi-spec-validator from PyPI, installed on first use into
# a cached virtual environment (MLMD_OPENAPI_VENV, default ~/.cache/swift-mlmd-openapi-venv).
# Usage: Scripts/check-openapi.sh FILE     (prints "FILE: OK", or the validator's complaint and exit 1)
set -euo pipefail
venv=${MLMD_OPENAPI_VENV:-$HOME/.cache/swift-mlmd-openapi-venv}
mkdir -p "$(dirname "$venv")"
(
  flock 9
  if [ ! -x "$venv/bin/openapi-spec-validator" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q openapi-spec-validator >&2
  fi
) 9>"$venv.lock"
exec "$venv/bin/openapi-spec-validator" "$1"
