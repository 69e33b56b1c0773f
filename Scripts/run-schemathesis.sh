#!/usr/bin/env bash
# Runs schemathesis (from PyPI, installed on first use into a cached virtual environment,
# MLMD_SCHEMATHESIS_VENV, default ~/.cache/swift-mlmd-schemathesis-venv) against a running
# `mlmd serve --http-port`, with every check and Scripts/schemathesis/schemathesis.toml.
# Usage: Scripts/run-schemathesis.sh http://127.0.0.1:PORT   (exit 0 when nothing failed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${MLMD_SCHEMATHESIS_VENV:-$HOME/.cache/swift-mlmd-schemathesis-venv}
mkdir -p "$(dirname "$venv")"
(
  flock 9
  if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q schemathesis >&2
  fi
) 9>"$venv.lock"
# schemathesis keeps a cache folder where it runs: not in the repository.
cd "$(mktemp -d)"
exec "$venv/bin/schemathesis" --config-file "$here/schemathesis/schemathesis.toml" run "$1/openapi.json" --checks all \
  --seed 20261207 --no-color
