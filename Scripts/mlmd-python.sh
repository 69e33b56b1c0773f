#!/usr/bin/env bash
# Runs Python with ml-metadata 1.17.1 (and pytest) importable: the real package from PyPI, in a
# virtual environment of its own made on first use (MLMD_SUITE_VENV, default
# ~/.cache/swift-mlmd-suite-venv). Everything here that needs the real ml-metadata runs with it:
# the conformance suite, the reference server, the compatibility tests, the proto check.
# Usage: Scripts/mlmd-python.sh [PYTHON_ARGS...]
set -euo pipefail
venv=${MLMD_SUITE_VENV:-$HOME/.cache/swift-mlmd-suite-venv}
ready() { "$venv/bin/python" -c 'import ml_metadata, pytest' 2>/dev/null; }
if ! ready; then
  mkdir -p "$(dirname "$venv")"
  # Tests start several of these at once on a new machine: one installs, the others wait for it.
  if command -v flock >/dev/null; then
    exec 9>"$venv.lock"
    flock 9
  fi
  if ! ready; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install -q 'ml-metadata==1.17.1' pytest >&2
  fi
  exec 9>&-
fi
exec "$venv/bin/python" "$@"
