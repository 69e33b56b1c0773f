#!/usr/bin/env python3
"""Concurrency of `mlmd serve` on SQLite: many clients mixing writes and reads.

    Scripts/mlmd-python.sh Scripts/concurrency.py MLMD_BINARY [SECONDS] [CLIENTS]

Starts the server on a new temporary SQLite file and runs CLIENTS threads (default 16) for SECONDS
(default 60), each on its own gRPC channel with the real ml-metadata 1.17.1 client's generated
stub (MetadataStoreServiceStub; ml_metadata.MetadataStore would retry ABORTED by itself and hide
the server's codes), each picking at random among

  put_artifacts (1-5 new artifacts), put_execution (a new execution, one of the client's earlier
  artifacts as input, a new output artifact, events, a shared and a per-client context with
  reuse_context_if_already_exist), get_artifacts_by_id, get_artifacts with a filter query,
  get_lineage_subgraph, get_events_by_execution_ids.

Every failure is counted by status code; ABORTED is the documented retryable code and is allowed,
anything else is a violation. Reads check that writes acknowledged before they started are
visible. Afterwards every acknowledged write must be in the store (same ids, events, context
links), no write that failed with ABORTED may be, the file must pass PRAGMA integrity_check after
the server stops (SIGTERM), and a new server on the file must see every write again.

Prints one summary line at the end (details on stderr); exits 1 on any violation, 2 on a setup error.
Option: --seed S.
"""

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mlmd_serve_process  # noqa: E402 (beside this script)

import grpc
from ml_metadata.metadata_store import metadata_store
from ml_metadata.proto import metadata_store_pb2 as pb
from ml_metadata.proto import metadata_store_service_pb2 as svc
from ml_metadata.proto import metadata_store_service_pb2_grpc as svc_grpc

ARTIFACT_TYPE = "ConcurrencyArtifact"
EXECUTION_TYPE = "ConcurrencyExecution"
CONTEXT_TYPE = "ConcurrencyContext"
SHARED_CONTEXT = "conc-shared"
ALLOWED_CODES = {"ABORTED"}
KINDS = [  # (kind, weight)
    ("put_artifacts", 20), ("put_execution", 20), ("get_artifacts_by_id", 15),
    ("get_artifacts_filter", 15), ("get_lineage_subgraph", 15), ("get_events_by_execution_ids", 15)]
CALL_TIMEOUT = 60


def log(message):
    print(f"concurrency: {message}", file=sys.stderr, flush=True)


class Server(mlmd_serve_process.Server):
    """`mlmd serve` for this script."""

    def __init__(self, binary, db, workdir, label):
        super().__init__(binary, db, workdir, label, "concurrency")


class Shared:
    """What all clients record; appended under `lock`."""

    def __init__(self):
        self.lock = threading.Lock()
        self.artifacts = []  # acknowledged: (uri, id, client)
        self.executions = []  # acknowledged: (name, execution id, input id, output id, client)
        self.aborted_uris = []  # uris of writes that failed with ABORTED (must be absent)
        self.aborted_names = []
        self.latencies = {kind: [] for kind, _ in KINDS}
        self.codes = {kind: {} for kind, _ in KINDS}
        self.violations = []

    def violation(self, message):
        with self.lock:
            self.violations.append(message)
        log(f"VIOLATION: {message}")


class Client:
    def __init__(self, number, client_count, server, types, shared, stop_at, seed):
        self.number = number
        self.client_count = client_count
        self.stub = svc_grpc.MetadataStoreServiceStub(grpc.insecure_channel(f"{server.host}:{server.port}"))
        self.types = types
        self.shared = shared
        self.stop_at = stop_at
        self.rng = random.Random(seed)
        self.n = 0
        self.own_artifacts = []  # Artifact messages as stored (with id) by this client

    def run(self):
        kinds = [kind for kind, _ in KINDS]
        weights = [weight for _, weight in KINDS]
        while time.monotonic() < self.stop_at:
            kind = self.rng.choices(kinds, weights)[0]
            if kind == "get_lineage_subgraph" and not self.shared.artifacts:
                kind = "get_artifacts_filter"  # no start yet: one matching nothing is NOT_FOUND
            self.n += 1
            request, on_success, on_abort = getattr(self, kind)()
            method = getattr(self.stub, request.DESCRIPTOR.name[:-len("Request")])
            started = time.monotonic()
            try:
                response = method(request, timeout=CALL_TIMEOUT)
                code = "OK"
            except grpc.RpcError as error:
                code = error.code().name
                details = error.details()
            elapsed = time.monotonic() - started
            with self.shared.lock:
                self.shared.latencies[kind].append(elapsed)
                self.shared.codes[kind][code] = self.shared.codes[kind].get(code, 0) + 1
            if code == "OK":
                on_success(response)
            else:
                if code not in ALLOWED_CODES:
                    self.shared.violation(f"client {self.number}: {kind} failed with {code}: {details} "
                                          f"(request: {str(request)[:300]!r})")
                if on_abort:
                    on_abort()

    # Each returns (request, on_success(response), on_failure()).

    def known_artifacts(self, count):
        with self.shared.lock:
            known = self.shared.artifacts
            return self.rng.sample(known, min(count, len(known))) if known else []

    def known_executions(self, count):
        with self.shared.lock:
            known = self.shared.executions
            return self.rng.sample(known, min(count, len(known))) if known else []

    def new_artifact(self, uri):
        artifact = pb.Artifact(type_id=self.types["artifact"], uri=uri, state=pb.Artifact.LIVE)
        artifact.properties["client"].int_value = self.number
        artifact.custom_properties["payload"].string_value = "x" * self.rng.randrange(0, 200)
        return artifact

    def put_artifacts(self):
        artifacts = [self.new_artifact(f"conc://c{self.number}/a{self.n}/{k}")
                     for k in range(self.rng.randint(1, 5))]
        request = svc.PutArtifactsRequest(artifacts=artifacts)

        def done(response):
            if len(response.artifact_ids) != len(artifacts):
                self.shared.violation(f"put_artifacts returned {len(response.artifact_ids)} ids for {len(artifacts)}")
            with self.shared.lock:
                for artifact, artifact_id in zip(artifacts, response.artifact_ids):
                    self.shared.artifacts.append((artifact.uri, artifact_id, self.number))
            for artifact, artifact_id in zip(artifacts, response.artifact_ids):
                stored = pb.Artifact()
                stored.CopyFrom(artifact)
                stored.id = artifact_id
                self.own_artifacts.append(stored)

        def aborted():
            with self.shared.lock:
                self.shared.aborted_uris.extend(a.uri for a in artifacts)
        return request, done, aborted

    def put_execution(self):
        name = f"c{self.number}-e{self.n}"
        execution = pb.Execution(type_id=self.types["execution"], name=name,
                                 last_known_state=pb.Execution.COMPLETE)
        execution.properties["client"].int_value = self.number
        request = svc.PutExecutionRequest(execution=execution)
        request.options.reuse_context_if_already_exist = True
        source = self.rng.choice(self.own_artifacts) if self.own_artifacts else None
        if source is not None:
            request.artifact_event_pairs.add(artifact=source, event=pb.Event(type=pb.Event.INPUT))
        output = self.new_artifact(f"conc://c{self.number}/e{self.n}/out")
        request.artifact_event_pairs.add(artifact=output, event=pb.Event(type=pb.Event.OUTPUT))
        for context_name in (SHARED_CONTEXT, f"conc-c{self.number}"):
            request.contexts.add(type_id=self.types["context"], name=context_name)

        def done(response):
            ids = list(response.artifact_ids)
            if len(ids) != len(request.artifact_event_pairs) or len(response.context_ids) != 2:
                self.shared.violation(f"put_execution {name} returned artifact ids {ids}, context ids "
                                      f"{list(response.context_ids)}")
                return
            if source is not None and ids[0] != source.id:
                self.shared.violation(f"put_execution {name} returned input id {ids[0]}, sent {source.id}")
            with self.shared.lock:
                self.shared.executions.append(
                    (name, response.execution_id, source.id if source else None, ids[-1], self.number))
                self.shared.artifacts.append((output.uri, ids[-1], self.number))
            stored = pb.Artifact()
            stored.CopyFrom(output)
            stored.id = ids[-1]
            self.own_artifacts.append(stored)

        def aborted():
            with self.shared.lock:
                self.shared.aborted_uris.append(output.uri)
                self.shared.aborted_names.append(name)
        return request, done, aborted

    def get_artifacts_by_id(self):
        known = self.known_artifacts(self.rng.randint(1, 20))
        request = svc.GetArtifactsByIDRequest(artifact_ids=[artifact_id for _, artifact_id, _ in known])

        def done(response):
            got = {a.id: a.uri for a in response.artifacts}
            for uri, artifact_id, _ in known:
                if got.get(artifact_id) != uri:
                    self.shared.violation(f"get_artifacts_by_id: acknowledged artifact {artifact_id} ({uri}) "
                                          f"read as {got.get(artifact_id)!r}")
        return request, done, None

    def get_artifacts_filter(self):
        request = svc.GetArtifactsRequest()
        known = self.known_artifacts(1)
        if known and self.rng.random() < 0.5:
            uri, artifact_id, _ = known[0]
            request.options.filter_query = f"uri = '{uri}'"

            def done(response):
                if [a.id for a in response.artifacts] != [artifact_id]:
                    self.shared.violation(f"get_artifacts uri = '{uri}' returned "
                                          f"{[a.id for a in response.artifacts]}, want [{artifact_id}]")
        else:
            client = self.rng.randrange(self.client_count)
            since = int(time.time() * 1000) - self.rng.randint(100, 5000)
            request.options.filter_query = (
                f"type = '{ARTIFACT_TYPE}' AND properties.client.int_value = {client} "
                f"AND create_time_since_epoch > {since} AND uri LIKE 'conc://%'")
            request.options.max_result_size = 20
            request.options.order_by_field.field = pb.ListOperationOptions.OrderByField.CREATE_TIME
            request.options.order_by_field.is_asc = False

            def done(response):
                for artifact in response.artifacts:
                    if artifact.properties["client"].int_value != client:
                        self.shared.violation(f"get_artifacts filter {request.options.filter_query!r} "
                                              f"returned artifact {artifact.id} of client "
                                              f"{artifact.properties['client'].int_value}")
        return request, done, None

    def get_lineage_subgraph(self):
        known = self.known_artifacts(1)  # run() makes sure there is one
        start = known[0][1]
        request = svc.GetLineageSubgraphRequest()
        request.lineage_subgraph_query_options.starting_artifacts.filter_query = f"id = {start}"
        request.lineage_subgraph_query_options.max_num_hops = self.rng.randint(1, 4)
        request.read_mask.paths.extend(["artifacts", "executions", "contexts", "events",
                                        "associations", "attributions"])

        def done(response):
            if start not in {a.id for a in response.lineage_subgraph.artifacts}:
                self.shared.violation(f"get_lineage_subgraph from acknowledged artifact {start} "
                                      f"does not contain it")
        return request, done, None

    def get_events_by_execution_ids(self):
        known = self.known_executions(self.rng.randint(1, 10))
        request = svc.GetEventsByExecutionIDsRequest(execution_ids=[e[1] for e in known])

        def done(response):
            events = {}
            for event in response.events:
                events.setdefault(event.execution_id, set()).add((event.artifact_id, event.type))
            for name, execution_id, input_id, output_id, _ in known:
                want = {(output_id, pb.Event.OUTPUT)} | ({(input_id, pb.Event.INPUT)} if input_id else set())
                if events.get(execution_id, set()) != want:
                    self.shared.violation(f"get_events_by_execution_ids: events of acknowledged execution "
                                          f"{name} ({execution_id}) read as {events.get(execution_id)}")
        return request, done, None


def setup_types(store):
    artifact_type = pb.ArtifactType(name=ARTIFACT_TYPE)
    artifact_type.properties["client"] = pb.INT
    execution_type = pb.ExecutionType(name=EXECUTION_TYPE)
    execution_type.properties["client"] = pb.INT
    return {"artifact": store.put_artifact_type(artifact_type),
            "execution": store.put_execution_type(execution_type),
            "context": store.put_context_type(pb.ContextType(name=CONTEXT_TYPE))}


def verify(store, shared):
    problems = []
    stored = {}
    for artifact in store.get_artifacts_by_type(ARTIFACT_TYPE):
        stored.setdefault(artifact.uri, []).append(artifact.id)
    for uri, artifact_id, _ in shared.artifacts:
        if stored.get(uri) != [artifact_id]:
            problems.append(f"acknowledged artifact {uri} (id {artifact_id}) stored as {stored.get(uri)}")
    for uri in shared.aborted_uris:
        if uri in stored:
            problems.append(f"artifact {uri} of a write that failed with ABORTED is in the store")
    expected = {uri for uri, _, _ in shared.artifacts}
    problems.extend(f"unexpected artifact {uri} in the store" for uri in stored if uri not in expected)

    executions = {}
    for execution in store.get_executions_by_type(EXECUTION_TYPE):
        executions.setdefault(execution.name, []).append(execution.id)
    for name, execution_id, _, _, _ in shared.executions:
        if executions.get(name) != [execution_id]:
            problems.append(f"acknowledged execution {name} (id {execution_id}) stored as {executions.get(name)}")
    for name in shared.aborted_names:
        if name in executions:
            problems.append(f"execution {name} of a call that failed with ABORTED is in the store")
    names = {e[0] for e in shared.executions}
    problems.extend(f"unexpected execution {name} in the store" for name in executions if name not in names)

    ids = [e[1] for e in shared.executions]
    events = {}
    for start in range(0, len(ids), 1000):
        for event in store.get_events_by_execution_ids(ids[start:start + 1000]):
            events.setdefault(event.execution_id, set()).add((event.artifact_id, event.type))
    contexts = {c.name: c.id for c in store.get_contexts_by_type(CONTEXT_TYPE)}
    in_context = {name: {e.id for e in store.get_executions_by_context(context_id)}
                  for name, context_id in contexts.items()}
    attributed = {name: {a.id for a in store.get_artifacts_by_context(context_id)}
                  for name, context_id in contexts.items()}
    for name, execution_id, input_id, output_id, client in shared.executions:
        want = {(output_id, pb.Event.OUTPUT)} | ({(input_id, pb.Event.INPUT)} if input_id else set())
        if events.get(execution_id, set()) != want:
            problems.append(f"events of acknowledged execution {name}: {events.get(execution_id)} (want {want})")
        for context_name in (SHARED_CONTEXT, f"conc-c{client}"):
            if execution_id not in in_context.get(context_name, set()):
                problems.append(f"acknowledged execution {name} is not associated with {context_name}")
            for artifact_id in filter(None, (input_id, output_id)):
                if artifact_id not in attributed.get(context_name, set()):
                    problems.append(f"artifact {artifact_id} of execution {name} is not attributed to {context_name}")
    return problems, len(stored), len(executions)


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("seconds", nargs="?", type=float, default=60)
    parser.add_argument("clients", nargs="?", type=int, default=16)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    started = time.monotonic()

    workdir = tempfile.mkdtemp(prefix="mlmd-concurrency-")
    db = os.path.join(workdir, "store.sqlite")
    log(f"{args.clients} clients for {args.seconds:g} s, seed {seed}, work dir {workdir}")
    shared = Shared()
    server = Server(args.binary, db, workdir, "load")
    try:
        store = metadata_store.MetadataStore(pb.MetadataStoreClientConfig(host=server.host, port=server.port))
        types = setup_types(store)
        stop_at = time.monotonic() + args.seconds
        clients = [Client(c, args.clients, server, types, shared, stop_at, seed * 1000 + c) for c in range(args.clients)]
        threads = [threading.Thread(target=client.run, daemon=True) for client in clients]
        load_started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + CALL_TIMEOUT + 60)
            if thread.is_alive():
                shared.violation("a client thread did not finish")
        load_seconds = time.monotonic() - load_started
        problems, artifact_count, execution_count = verify(store, shared)
        for problem in problems:
            shared.violation(problem)
        if server.stop() != 0:
            shared.violation(f"the server exited with status {server.process.returncode} on SIGTERM")
        result = subprocess.run(["sqlite3", db, "PRAGMA integrity_check"], capture_output=True, text=True)
        if (result.stdout + result.stderr).strip() != "ok":
            shared.violation(f"PRAGMA integrity_check: {(result.stdout + result.stderr).strip()[:2000]}")
        # Once more through a new server on the same file: the writes outlived the process.
        server = Server(args.binary, db, workdir, "reopen")
        store = metadata_store.MetadataStore(pb.MetadataStoreClientConfig(host=server.host, port=server.port))
        for problem in verify(store, shared)[0]:
            shared.violation(f"after a restart: {problem}")
        server.stop()
    finally:
        server.kill()
        shutil.rmtree(workdir, ignore_errors=True)

    total = sum(len(v) for v in shared.latencies.values())
    failures = {}
    for kind, _ in KINDS:
        codes = shared.codes[kind]
        lat = shared.latencies[kind]
        log(f"{kind}: {len(lat)} calls, codes {dict(sorted(codes.items()))}, "
            f"p50 {percentile(lat, 0.5) * 1000:.1f} ms, p99 {percentile(lat, 0.99) * 1000:.1f} ms, "
            f"max {max(lat, default=0) * 1000:.1f} ms")
        for code, count in codes.items():
            if code != "OK":
                failures[code] = failures.get(code, 0) + count
    all_latencies = [x for v in shared.latencies.values() for x in v]
    per_kind = ", ".join(f"{kind} {len(shared.latencies[kind])}" for kind, _ in KINDS)
    failure_text = ", ".join(f"{code} {count}" for code, count in sorted(failures.items())) or "none"
    print(f"concurrency: {args.clients} clients, {load_seconds:.0f} s, {total} calls ({total / load_seconds:.0f}/s: "
          f"{per_kind}), failures: {failure_text}, p50 {percentile(all_latencies, 0.5) * 1000:.1f} ms, "
          f"p99 {percentile(all_latencies, 0.99) * 1000:.1f} ms; acknowledged {len(shared.artifacts)} artifacts and "
          f"{len(shared.executions)} executions, store holds {artifact_count} and {execution_count}; "
          f"{len(shared.violations)} violations, {time.monotonic() - started:.0f} s total (seed {seed})", flush=True)
    return 1 if shared.violations else 0


if __name__ == "__main__":
    sys.exit(main())
