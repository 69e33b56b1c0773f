#!/usr/bin/env python3
"""Times ml-metadata's MetadataStore (in-process) on store-bench's workload.

Usage: mlmd_store_bench.py [N]
       mlmd_store_bench.py --queries [N]   (the query workload; see main_queries)

On a fresh SQLite file in a temporary directory (or a new database on the PostgreSQL server
MLMD_BENCH_POSTGRESQL_URL names, or on the MySQL/MariaDB server MLMD_BENCH_MYSQL_URL names),
registers an artifact type
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
from ml_metadata.proto import metadata_store_service_pb2 as service_pb

BATCH = 1000
READ_RUNS = 3  # the reads change nothing: best of 3, as store-bench



def open_fresh_store(directory):
    """ml-metadata on a new SQLite file in `directory` (or a new database on the server the
    environment names), with the benchmark's artifact type (split, span) and execution type;
    returns (store, artifact type id, execution type id)."""
    from urllib.parse import urlparse, unquote
    config = pb.ConnectionConfig()
    postgresql = os.environ.get("MLMD_BENCH_POSTGRESQL_URL")
    mysql = os.environ.get("MLMD_BENCH_MYSQL_URL")
    database = "bench_mlmd_%d_%d" % (os.getpid(), time.time_ns() % 1000000)
    if postgresql:
        # A new database on that PostgreSQL server (ml-metadata creates it).
        url = urlparse(postgresql)
        config.postgresql.host = url.hostname
        config.postgresql.port = str(url.port or 5432)
        config.postgresql.user = unquote(url.username)
        config.postgresql.password = unquote(url.password or "")
        config.postgresql.dbname = database
    elif mysql:
        # A new database on that MySQL/MariaDB server (ml-metadata creates it: skip_db_creation
        # is false).
        url = urlparse(mysql)
        config.mysql.host = url.hostname
        config.mysql.port = url.port or 3306
        config.mysql.user = unquote(url.username)
        config.mysql.password = unquote(url.password or "")
        config.mysql.database = database
    else:
        config.sqlite.filename_uri = os.path.join(directory, "mlmd.sqlite")
        config.sqlite.connection_mode = pb.SqliteMetadataSourceConfig.READWRITE_OPENCREATE
    store = metadata_store.MetadataStore(config)
    artifact_type = pb.ArtifactType(name="Dataset")
    artifact_type.properties["split"] = pb.STRING
    artifact_type.properties["span"] = pb.INT
    return (store, store.put_artifact_type(artifact_type),
            store.put_execution_type(pb.ExecutionType(name="Trainer")))

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
        store, type_id, execution_type_id = open_fresh_store(tmp)
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


# The query workload, as store-bench --queries (Queries.swift).
QUERY_RUNS = 20
CHAIN_LENGTH = 200
PAGE_SIZE = 100
FILTER_QUERY = "properties.span.int_value > 50 AND uri LIKE '/data/artifacts/1%'"
HOPS = 20
START_FILTER = "id = 1"


def main_queries(n):
    """Builds a store of n batched artifacts (as main) plus a lineage chain of
    min(200, n-1) executions, execution k with input artifact k and output
    artifact k+1 (one put_executions, one put_events), then times, best of 20:

      filter    one GetArtifacts call: FILTER_QUERY, max_result_size 100, first
                page (store._call, as get_artifacts(ListOptions(limit=100,
                filter_query=...)) would: that makes exactly one call here)
      subgraph  get_lineage_subgraph from artifact 1, 20 hops, BIDIRECTIONAL:
                the client's full call (GetLineageSubgraph, then the nodes and
                types by id); subgraph_raw: its GetLineageSubgraph call alone
    """
    chain = min(CHAIN_LENGTH, n - 1)
    with tempfile.TemporaryDirectory(prefix="mlmd-store-bench-q-") as tmp:
        store, type_id, execution_type_id = open_fresh_store(tmp)

        def build():
            ids = []
            for start in range(0, n, BATCH):
                ids.extend(store.put_artifacts(
                    [make_artifact(type_id, i + 1) for i in range(start, min(start + BATCH, n))]))
            execution_ids = store.put_executions([
                pb.Execution(type_id=execution_type_id, name="run-%d" % (k + 1),
                             last_known_state=pb.Execution.COMPLETE) for k in range(chain)])
            events = []
            for k in range(chain):
                events.append(pb.Event(artifact_id=ids[k], execution_id=execution_ids[k],
                                       type=pb.Event.INPUT))
                events.append(pb.Event(artifact_id=ids[k + 1], execution_id=execution_ids[k],
                                       type=pb.Event.OUTPUT))
            store.put_events(events)
        build_s, _ = timed(build)

        request = service_pb.GetArtifactsRequest(options=pb.ListOperationOptions(
            max_result_size=PAGE_SIZE, filter_query=FILTER_QUERY))

        def filter_page():
            response = service_pb.GetArtifactsResponse()
            store._call("GetArtifacts", request, response)
            return response
        filter_s, page = best_of(QUERY_RUNS, filter_page)

        options = pb.LineageSubgraphQueryOptions(
            starting_artifacts=pb.LineageSubgraphQueryOptions.StartingNodes(filter_query=START_FILTER),
            max_num_hops=HOPS, direction=pb.LineageSubgraphQueryOptions.BIDIRECTIONAL)
        subgraph_s, graph = best_of(QUERY_RUNS, lambda: store.get_lineage_subgraph(options))

        # The one RPC the client makes first, with the read mask it sends (no types).
        raw_request = service_pb.GetLineageSubgraphRequest(lineage_subgraph_query_options=options)
        raw_request.read_mask.paths.extend(
            f.name for f in pb.LineageGraph.DESCRIPTOR.fields if not f.name.endswith("_types"))

        def raw_subgraph():
            response = service_pb.GetLineageSubgraphResponse()
            store._call("GetLineageSubgraph", raw_request, response)
            return response
        raw_s, _ = best_of(QUERY_RUNS, raw_subgraph)

    print(json.dumps({
        "implementation": "ml-metadata",
        "mlmd_version": ml_metadata.__version__,
        "n": n,
        "chain": chain,
        "runs": QUERY_RUNS,
        "filter_query": FILTER_QUERY,
        "build_seconds": build_s,
        "filter_seconds": filter_s,
        "filter_per_s": 1 / filter_s,
        "filter_ids": [a.id for a in page.artifacts],
        "filter_has_next_page": bool(page.next_page_token),
        "subgraph_seconds": subgraph_s,
        "subgraph_raw_seconds": raw_s,
        "subgraph_artifact_ids": sorted(a.id for a in graph.artifacts),
        "subgraph_execution_ids": sorted(e.id for e in graph.executions),
        "subgraph_events": len(graph.events),
    }))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--queries":
        main_queries(int(sys.argv[2]) if len(sys.argv) > 2 else 20000)
    else:
        main()
