#!/usr/bin/env bash
# Runs ml-metadata 1.17.1's own test suite (metadata_store_test.py with --use_grpc_backend) against
# the gRPC server at HOST:PORT. The package comes from PyPI into a virtual environment of its own,
# made on first use (MLMD_SUITE_VENV, default ~/.cache/swift-mlmd-suite-venv).
# Usage: Scripts/run-conformance-suite.sh HOST:PORT [PYTEST_ARGS...]
set -euo pipefail
target=${1:?usage: run-conformance-suite.sh HOST:PORT [PYTEST_ARGS...]}
shift
venv=${MLMD_SUITE_VENV:-$HOME/.cache/swift-mlmd-suite-venv}
if ! "$venv/bin/python" -c 'import ml_metadata, pytest' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q 'ml-metadata==1.17.1' pytest >&2
fi
suite=$("$venv/bin/python" -c 'import ml_metadata.metadata_store as m, os; print(os.path.dirname(m.__file__))')
cd "$suite"
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider metadata_store_test.py --use_grpc_backend \
  --grpc_host "${target%:*}" --grpc_port "${target##*:}" "$@"
