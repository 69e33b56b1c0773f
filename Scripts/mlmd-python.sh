#!/usr/bin/env bash
# Runs Python with ml-metadata 1.17.1 (and pytest) importable: the real package from PyPI, in a
# virtual environment of its own made on first use (MLMD_SUITE_VENV, default
# ~/.cache/swift-mlmd-suite-venv). The conformance suite and the reliability scripts run with it.
# Usage: Scripts/mlmd-python.sh [PYTHON_ARGS...]
set -euo pipefail
venv=${MLMD_SUITE_VENV:-$HOME/.cache/swift-mlmd-suite-venv}
if ! "$venv/bin/python" -c 'import ml_metadata, pytest' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q 'ml-metadata==1.17.1' pytest >&2
fi
exec "$venv/bin/python" "$@"
