#!/usr/bin/env python3
"""Times Python protobuf (upb backend) on a serialized ml_metadata LineageGraph.

Usage: upb_bench.py FILE [RUNS]

Reads FILE (written by codec-bench), then reports, as one JSON object on stdout,
the best-of-RUNS throughput for decode (ParseFromString) and for deterministic
encode (SerializeToString(deterministic=True)) in MB/s (1 MB = 1,000,000 bytes).
Needs `protobuf` (4.x, upb) and `ml-metadata` installed in the running Python.
"""
import gc
import json
import sys
import time

from google.protobuf import __version__ as protobuf_version
from google.protobuf.internal import api_implementation
from ml_metadata.proto import metadata_store_pb2


def best_of(runs, fn):
    best = float("inf")
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
    return best, result


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: upb_bench.py FILE [RUNS]")
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(path, "rb") as f:
        data = f.read()

    def decode():
        graph = metadata_store_pb2.LineageGraph()
        graph.ParseFromString(data)
        return graph

    graph = decode()  # warm-up; also the message encoded below

    def encode():
        return graph.SerializeToString(deterministic=True)

    gc.disable()
    try:
        decode_s, _ = best_of(runs, decode)
        encode_s, encoded = best_of(runs, encode)
    finally:
        gc.enable()

    mb = len(data) / 1e6
    print(json.dumps({
        "implementation": "upb",
        "protobuf_version": protobuf_version,
        "api_implementation": api_implementation.Type(),
        "bytes": len(data),
        "runs": runs,
        "decode_seconds": decode_s,
        "encode_seconds": encode_s,
        "decode_mb_per_s": mb / decode_s,
        "encode_mb_per_s": mb / encode_s,
        "encode_identical": encoded == data,
        "artifacts": len(graph.artifacts),
        "executions": len(graph.executions),
        "events": len(graph.events),
    }))


if __name__ == "__main__":
    main()
