#!/usr/bin/env python3
"""Times ml-metadata's MetadataStore (in-process, SQLite file) on store-bench's workload.

Usage: mlmd_store_bench.py [N]

On a fresh SQLite file in a temporary directory, registers an artifact type
(`split` STRING, `span` INT), an execution type and a context type, then times:

  batched     put_artifacts of N artifacts in batches of 1,000
  single      min(N/10, 2000) put_artifacts calls of one artifact each
  execution   min(N/20, 1000) put_execution calls: one new input artifact, one
              new output artifact, the same context each time
              (reuse_context_if_already_exist=True)
  by_id       get_artifacts_by_id over every artifact, in groups of 1,000 ids
  by_type     one get_artifacts_by_type over every artifact
(the two reads: best of 3 runs; the writes: one run each)

Every artifact has a uri, the two properties and one custom double property.
Prints one JSON object on stdout: items per second for each operation (artifacts
for batched/single/by_id/by_type, put_execution calls for execution), with the
counts and seconds. Needs `ml-metadata` (1.17.1) in the running Python.
"""
import json
import os
import sys
import tempfile
import time

import ml_metadata
from ml_metadata.metadata_store import metadata_store
from ml_metadata.proto import metadata_store_pb2 as pb

BATCH = 1000
READ_RUNS = 3  # the reads change nothing: best of 3, as store-bench


def make_artifact(type_id, i):
    a = pb.Artifact()
    a.type_id = type_id
    a.uri = "/data/artifacts/%d" % i
    a.properties["split"].string_value = "eval" if i % 10 == 0 else "train"
    a.properties["span"].int_value = i % 100
    a.custom_properties["accuracy"].double_value = (i % 1000) / 1000
    return a


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def best_of(runs, fn):
    best = float("inf")
    result = None
    for _ in range(runs):
        elapsed, result = timed(fn)
        best = min(best, elapsed)
    return best, result


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    singles = min(n // 10, 2000)
    executions = min(n // 20, 1000)

    with tempfile.TemporaryDirectory(prefix="mlmd-store-bench-") as tmp:
        path = os.path.join(tmp, "mlmd.sqlite")
        config = pb.ConnectionConfig()
        config.sqlite.filename_uri = path
        config.sqlite.connection_mode = pb.SqliteMetadataSourceConfig.READWRITE_OPENCREATE
        store = metadata_store.MetadataStore(config)

        artifact_type = pb.ArtifactType(name="Dataset")
        artifact_type.properties["split"] = pb.STRING
        artifact_type.properties["span"] = pb.INT
        type_id = store.put_artifact_type(artifact_type)
        execution_type_id = store.put_execution_type(pb.ExecutionType(name="Trainer"))
        context_type_id = store.put_context_type(pb.ContextType(name="Pipeline"))

        ids = []
        serial = 0

        def next_artifact():
            nonlocal serial
            serial += 1
            return make_artifact(type_id, serial)

        # Messages are built outside the timed region, as in store-bench.
        batches = [[next_artifact() for _ in range(min(BATCH, n - start))]
                   for start in range(0, n, BATCH)]

        def batched():
            for batch in batches:
                ids.extend(store.put_artifacts(batch))
        batched_s, _ = timed(batched)

        single_artifacts = [next_artifact() for _ in range(singles)]

        def single():
            for a in single_artifacts:
                ids.extend(store.put_artifacts([a]))
        single_s, _ = timed(single)

        steps = []
        for i in range(executions):
            execution = pb.Execution(type_id=execution_type_id, name="run-%d" % (i + 1),
                                     last_known_state=pb.Execution.COMPLETE)
            input_event = pb.Event(type=pb.Event.INPUT)
            output_event = pb.Event(type=pb.Event.OUTPUT)
            context = pb.Context(type_id=context_type_id, name="pipeline")
            steps.append((execution, [(next_artifact(), input_event), (next_artifact(), output_event)],
                          [context]))

        context_ids = set()

        def chain():
            for execution, pairs, contexts in steps:
                _, artifact_ids, ctx_ids = store.put_execution(
                    execution, pairs, contexts, reuse_context_if_already_exist=True)
                ids.extend(artifact_ids)
                context_ids.update(ctx_ids)
        execution_s, _ = timed(chain)

        groups = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]

        def by_id():
            return sum(len(store.get_artifacts_by_id(group)) for group in groups)
        by_id_s, found_by_id = best_of(READ_RUNS, by_id)

        by_type_s, by_type = best_of(READ_RUNS, lambda: store.get_artifacts_by_type("Dataset"))

    total = len(ids)
    print(json.dumps({
        "implementation": "ml-metadata",
        "mlmd_version": ml_metadata.__version__,
        "n": n,
        "artifacts_total": total,
        "batched_count": n,
        "single_count": singles,
        "execution_count": executions,
        "batched_seconds": batched_s,
        "single_seconds": single_s,
        "execution_seconds": execution_s,
        "by_id_seconds": by_id_s,
        "by_type_seconds": by_type_s,
        "batched_per_s": n / batched_s,
        "single_per_s": singles / single_s if singles else None,
        "execution_per_s": executions / execution_s if executions else None,
        "by_id_per_s": found_by_id / by_id_s,
        "by_type_per_s": len(by_type) / by_type_s,
        "by_id_found": found_by_id,
        "by_type_found": len(by_type),
        "contexts": len(context_ids),
    }))


if __name__ == "__main__":
    main()
