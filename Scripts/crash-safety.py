#!/usr/bin/env python3
"""Crash safety of `mlmd serve`: kill -9 the server while clients stream put_execution calls.

    Scripts/mlmd-python.sh Scripts/crash-safety.py MLMD_BINARY BACKEND [ROUNDS]

BACKEND is `sqlite` (a new temporary file), a postgresql://USER:PASSWORD@HOST:PORT/DB URL (the
script creates and uses a new database on that server, named crash_safety_..., and drops it at the
end), or `postgres` (a throwaway cluster from Scripts/postgres-cluster.sh). ROUNDS defaults to 20.
Options: --clients N (4), --seed S, --keep (leave the SQLite file / PG database in place).

Every round starts the server on the store, lets 4 client threads (the real ml-metadata 1.17.1
client, ml_metadata.MetadataStore over gRPC) each stream put_execution calls -- a uniquely named
execution with one new input and one new output artifact (unique uris), their INPUT/OUTPUT events,
and the client's own context (reuse_context_if_already_exist) -- then SIGKILLs the server at a
random moment 0.5-2 s after the clients started, restarts it on the same store and checks, through
the API, every call made so far (all rounds, the store keeps growing):

  * an acknowledged call (it returned) is fully present: the execution (the id the call returned),
    both artifacts (the ids returned), exactly its two events, the association of the execution
    and the attributions of both artifacts to the client's context;
  * a call in flight at the kill (it failed after the kill began) is either wholly absent (no
    execution of that name, no artifact with either uri) or wholly present as above;
  * the store holds nothing else of these types; an SQLite file passes `PRAGMA integrity_check`.

Prints one summary line at the end; exits 1 on any violation (each one is printed as it is found),
2 on a usage or setup error.
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
import urllib.parse

from ml_metadata.metadata_store import metadata_store
from ml_metadata.proto import metadata_store_pb2

ARTIFACT_TYPE = "CrashSafetyArtifact"
EXECUTION_TYPE = "CrashSafetyExecution"
CONTEXT_TYPE = "CrashSafetyContext"
SCRIPTS = os.path.dirname(os.path.abspath(__file__))


def log(message):
    print(f"crash-safety: {message}", file=sys.stderr, flush=True)


class Server(mlmd_serve_process.Server):
    """`mlmd serve` for this script."""

    def __init__(self, binary, db, workdir, label):
        super().__init__(binary, db, workdir, label, "crash-safety")

    def store(self):
        config = metadata_store_pb2.MetadataStoreClientConfig(host=self.host, port=self.port)
        config.client_timeout_sec = 60
        return metadata_store.MetadataStore(config)


class Call:
    """One put_execution call and what became of it."""

    def __init__(self, round_number, client, n):
        self.name = f"r{round_number}-c{client}-{n}"
        self.client = client
        self.input_uri = f"crash://{self.name}/in"
        self.output_uri = f"crash://{self.name}/out"
        self.state = "pending"  # acknowledged | in-flight | failed
        self.ids = None  # (execution id, [input id, output id]) for an acknowledged call
        self.error = None
        self.found = None  # for calls in flight: "complete" or "absent" once verified


def client_loop(server, client, round_number, killing, calls, lock, types):
    store = server.store()
    context = metadata_store_pb2.Context(type_id=types["context"], name=f"crash-client-{client}")
    n = 0
    while not killing.is_set():
        call = Call(round_number, client, n)
        n += 1
        execution = metadata_store_pb2.Execution(type_id=types["execution"], name=call.name)
        execution.last_known_state = metadata_store_pb2.Execution.COMPLETE
        pairs = []
        for uri, kind in ((call.input_uri, metadata_store_pb2.Event.INPUT),
                          (call.output_uri, metadata_store_pb2.Event.OUTPUT)):
            artifact = metadata_store_pb2.Artifact(type_id=types["artifact"], uri=uri)
            artifact.state = metadata_store_pb2.Artifact.LIVE
            pairs.append((artifact, metadata_store_pb2.Event(type=kind)))
        with lock:
            calls.append(call)
        try:
            execution_id, artifact_ids, _ = store.put_execution(
                execution, pairs, [context], reuse_context_if_already_exist=True)
            call.state, call.ids = "acknowledged", (execution_id, list(artifact_ids))
        except Exception as error:  # ml_metadata.errors.StatusError from the client, or anything else
            call.error = f"{type(error).__name__}: {error}"
            if killing.is_set():
                call.state = "in-flight"
                return
            # Not caused by the kill: a violation; the call is then checked as all-or-nothing.
            call.state = "failed"
            log(f"VIOLATION: {call.name} failed with no kill under way: {call.error}")


def setup_types(store):
    artifact_type = metadata_store_pb2.ArtifactType(name=ARTIFACT_TYPE)
    execution_type = metadata_store_pb2.ExecutionType(name=EXECUTION_TYPE)
    context_type = metadata_store_pb2.ContextType(name=CONTEXT_TYPE)
    return {"artifact": store.put_artifact_type(artifact_type),
            "execution": store.put_execution_type(execution_type),
            "context": store.put_context_type(context_type)}


def verify(store, calls, violations):
    """Checks every call made so far against the store; returns the ids of contexts found."""
    executions = {}
    for execution in store.get_executions_by_type(EXECUTION_TYPE):
        executions.setdefault(execution.name, []).append(execution)
    artifacts = {}
    for artifact in store.get_artifacts_by_type(ARTIFACT_TYPE):
        artifacts.setdefault(artifact.uri, []).append(artifact)
    execution_ids = [e.id for group in executions.values() for e in group]
    events = {}
    for start in range(0, len(execution_ids), 1000):
        for event in store.get_events_by_execution_ids(execution_ids[start:start + 1000]):
            events.setdefault(event.execution_id, []).append(event)
    associated, attributed = {}, {}
    for context in store.get_contexts_by_type(CONTEXT_TYPE):
        client = int(context.name.rsplit("-", 1)[1])
        associated[client] = {e.id for e in store.get_executions_by_context(context.id)}
        attributed[client] = {a.id for a in store.get_artifacts_by_context(context.id)}

    def problems_of_present(call):
        """What is missing or wrong for `call`, assuming it should be wholly present."""
        problems = []
        found = executions.get(call.name, [])
        if len(found) != 1:
            return [f"{len(found)} executions named {call.name}"]
        execution = found[0]
        ins, outs = artifacts.get(call.input_uri, []), artifacts.get(call.output_uri, [])
        if len(ins) != 1 or len(outs) != 1:
            problems.append(f"{len(ins)} input and {len(outs)} output artifacts (want 1 and 1)")
        if call.ids is not None:
            execution_id, artifact_ids = call.ids
            if execution.id != execution_id:
                problems.append(f"execution id {execution.id}, but the call returned {execution_id}")
            stored_ids = [ins[0].id if ins else None, outs[0].id if outs else None]
            if stored_ids != artifact_ids:
                problems.append(f"artifact ids {stored_ids}, but the call returned {artifact_ids}")
        want = sorted([(ins[0].id if ins else None, metadata_store_pb2.Event.INPUT),
                       (outs[0].id if outs else None, metadata_store_pb2.Event.OUTPUT)], key=str)
        got = sorted([(e.artifact_id, e.type) for e in events.get(execution.id, [])], key=str)
        if got != want:
            problems.append(f"events {got} (want {want})")
        if execution.id not in associated.get(call.client, set()):
            problems.append("no association with the client's context")
        for artifact in ins + outs:
            if artifact.id not in attributed.get(call.client, set()):
                problems.append(f"artifact {artifact.id} ({artifact.uri}) not attributed to the client's context")
        return problems

    for call in calls:
        if call.state == "acknowledged" or call.found == "complete":
            problems = problems_of_present(call)
            if problems:
                violations.append(f"{call.state} call {call.name} is not fully present: {'; '.join(problems)}")
        elif call.found == "absent":
            if call.name in executions or call.input_uri in artifacts or call.output_uri in artifacts:
                violations.append(f"call {call.name}, absent after an earlier crash, has appeared")
        else:  # in flight at a kill (or failed): all or nothing
            pieces = [call.name in executions, call.input_uri in artifacts, call.output_uri in artifacts]
            if not any(pieces):
                call.found = "absent"
            else:
                problems = problems_of_present(call)
                if problems:
                    violations.append(
                        f"{call.state} call {call.name} is partly present (execution={pieces[0]}, "
                        f"input artifact={pieces[1]}, output artifact={pieces[2]}): {'; '.join(problems)}")
                    call.found = "partial"
                else:
                    call.found = "complete"

    names = {call.name for call in calls}
    uris = {uri for call in calls for uri in (call.input_uri, call.output_uri)}
    for name in executions:
        if name not in names:
            violations.append(f"unexpected execution {name!r} in the store")
    for uri in artifacts:
        if uri not in uris:
            violations.append(f"unexpected artifact {uri!r} in the store")


def integrity_check(path, violations):
    if shutil.which("sqlite3"):
        result = subprocess.run(["sqlite3", path, "PRAGMA integrity_check"], capture_output=True, text=True)
        answer = (result.stdout + result.stderr).strip()
    else:
        import sqlite3
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        answer = "\n".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        connection.close()
    if answer != "ok":
        violations.append(f"PRAGMA integrity_check: {answer[:2000]}")


def postgres_database_url(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def drop_postgres_database(url, name):
    if not shutil.which("psql"):
        log(f"psql not found; database {name} is left on the server")
        return
    result = subprocess.run(["psql", postgres_database_url(url, "postgres"), "-q", "-c",
                             f'DROP DATABASE IF EXISTS "{name}"'], capture_output=True, text=True)
    if result.returncode != 0:
        log(f"could not drop database {name}: {result.stderr.strip()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("backend", help="sqlite, postgres, or a postgresql:// URL")
    parser.add_argument("rounds", nargs="?", type=int, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    started = time.monotonic()

    workdir = tempfile.mkdtemp(prefix="mlmd-crash-safety-")
    cluster_dir = None
    pg_server_url = pg_database = None
    if args.backend == "sqlite":
        db = sqlite_path = os.path.join(workdir, "store.sqlite")
        backend_label = "sqlite"
    elif args.backend == "postgres" or args.backend.startswith(("postgresql://", "postgres://")):
        sqlite_path = None
        if args.backend == "postgres":
            cluster_dir = tempfile.mkdtemp(prefix="pg-crash-", dir="/tmp")
            os.rmdir(cluster_dir)
            pg_server_url = subprocess.run([os.path.join(SCRIPTS, "postgres-cluster.sh"), "start", cluster_dir],
                                           check=True, capture_output=True, text=True).stdout.strip()
        else:
            pg_server_url = args.backend
        pg_database = f"crash_safety_{os.getpid()}_{rng.randrange(1 << 20)}"
        db = postgres_database_url(pg_server_url, pg_database)
        backend_label = "postgresql"
    else:
        parser.error(f"unknown backend {args.backend!r}")
    log(f"backend {backend_label}, {args.rounds} rounds, {args.clients} clients, seed {seed}, work dir {workdir}")

    calls, lock, violations = [], threading.Lock(), []
    server = None
    try:
        server = Server(args.binary, db, workdir, "setup")
        types = setup_types(server.store())
        for round_number in range(1, args.rounds + 1):
            killing = threading.Event()
            threads = [threading.Thread(target=client_loop, daemon=True,
                                        args=(server, c, round_number, killing, calls, lock, types))
                       for c in range(args.clients)]
            for thread in threads:
                thread.start()
            time.sleep(rng.uniform(0.5, 2.0))
            killing.set()
            server.kill()
            for thread in threads:
                thread.join(timeout=120)
                if thread.is_alive():
                    violations.append(f"round {round_number}: a client call hung after the kill")
            server = Server(args.binary, db, workdir, f"round{round_number}")
            before = len(violations)
            verify(server.store(), calls, violations)
            if sqlite_path:
                integrity_check(sqlite_path, violations)
            this_round = [c for c in calls if c.name.startswith(f"r{round_number}-")]
            for violation in violations[before:]:
                log(f"VIOLATION (round {round_number}): {violation}")
            counts = {s: sum(c.state == s for c in this_round) for s in ("acknowledged", "in-flight", "failed")}
            found = {f: sum(c.found == f for c in this_round) for f in ("complete", "absent")}
            log(f"round {round_number}: {counts['acknowledged']} acknowledged, {counts['in-flight']} in flight "
                f"({found['complete']} complete, {found['absent']} absent), {counts['failed']} failed; "
                f"{len(violations) - before} violations")
        server.stop()
    finally:
        if server is not None:
            server.kill()
        if cluster_dir:
            subprocess.run([os.path.join(SCRIPTS, "postgres-cluster.sh"), "stop", cluster_dir],
                           capture_output=True)
        elif pg_database and not args.keep:
            drop_postgres_database(pg_server_url, pg_database)
        if args.keep:
            log(f"kept {workdir}" + (f" and database {pg_database}" if pg_database else ""))
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    failed = [c for c in calls if c.state == "failed"]
    in_flight = [c for c in calls if c.state == "in-flight"]
    total_violations = len(violations) + len(failed)
    print(f"crash-safety {backend_label}: {args.rounds} rounds, {args.clients} clients, "
          f"{sum(c.state == 'acknowledged' for c in calls)} calls acknowledged, "
          f"{len(in_flight)} in flight at a kill ({sum(c.found == 'complete' for c in in_flight)} complete, "
          f"{sum(c.found == 'absent' for c in in_flight)} absent), {len(failed)} failed without a kill, "
          f"{total_violations} violations, {time.monotonic() - started:.0f} s (seed {seed})", flush=True)
    return 1 if total_violations else 0


if __name__ == "__main__":
    sys.exit(main())
