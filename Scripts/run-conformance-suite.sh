#!/usr/bin/env bash
# Runs ml-metadata 1.17.1's own test suite (metadata_store_test.py with --use_grpc_backend) against
# the gRPC server at HOST:PORT, with the package from PyPI (Scripts/mlmd-python.sh).
# Usage: Scripts/run-conformance-suite.sh HOST:PORT [PYTEST_ARGS...]
set -euo pipefail
target=${1:?usage: run-conformance-suite.sh HOST:PORT [PYTEST_ARGS...]}
shift
python=$(cd "$(dirname "$0")" && pwd)/mlmd-python.sh
suite=$("$python" -c 'import ml_metadata.metadata_store as m, os; print(os.path.dirname(m.__file__))')
cd "$suite"
exec "$python" -m pytest -q -p no:cacheprovider metadata_store_test.py --use_grpc_backend \
  --grpc_host "${target%:*}" --grpc_port "${target##*:}" "$@"
