import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL

let clock = ContinuousClock()

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}

/// Runs `body` once and returns its wall-clock time in seconds with its result.
func timed<T>(_ body: () throws -> T) rethrows -> (Double, T) {
    let start = clock.now
    let result = try body()
    return ((clock.now - start).seconds, result)
}

/// Runs `body` `runs` times (for the reads, which change nothing) and returns the fastest
/// wall-clock time in seconds with the last result.
func bestOf<T>(_ runs: Int, _ body: () throws -> T) rethrows -> (Double, T) {
    var best = Double.infinity
    var kept: T? = nil
    for _ in 0..<runs {
        let (seconds, result) = try timed(body)
        best = min(best, seconds)
        kept = result  // the previous run's result is released here, untimed
    }
    return (best, kept!)
}

/// The workload's sizes, from N.
struct Workload {
    static let batch = 1_000
    /// The reads are timed this many times; the best run counts.
    static let readRuns = 3
    var artifacts: Int
    var singles: Int { min(artifacts / 10, 2_000) }
    var executions: Int { min(artifacts / 20, 1_000) }
}

/// Items per second for each operation (nil when not run), with what the reads found.
struct StoreResult {
    var name: String
    var batched: Double?
    var single: Double?
    var execution: Double?
    var byID: Double?
    var byType: Double?
    /// Correctness note shown under the table.
    var check: String
}

/// The same artifact as mlmd_store_bench.py's `make_artifact`.
func makeArtifact(typeID: Int64, _ i: Int) -> Artifact {
    Artifact.with {
        $0.typeID = typeID
        $0.uri = "/data/artifacts/\(i)"
        $0.properties["split"] = .with { $0.stringValue = i % 10 == 0 ? "eval" : "train" }
        $0.properties["span"] = .with { $0.intValue = Int64(i % 100) }
        $0.customProperties["accuracy"] = .with { $0.doubleValue = Double(i % 1000) / 1000 }
    }
}

/// A database server both stores put their databases on (`--postgresql URL`, `--mysql URL`).
struct DatabaseServer {
    enum Kind: String {
        case postgresql, mysql
        /// Where mlmd_store_bench.py finds the server's URL.
        var environmentVariable: String { self == .postgresql ? "MLMD_BENCH_POSTGRESQL_URL" : "MLMD_BENCH_MYSQL_URL" }
    }
    var kind: Kind
    var url: String

    /// Where each store lives, for the result's summary line.
    static var placeDescription: String {
        switch databaseServer?.kind {
        case .postgresql?: "A new PostgreSQL database each"
        case .mysql?: "A new MySQL database each"
        case nil: "Fresh SQLite file each"
        }
    }

    /// The server's URL naming database `name` instead, as a config: the store creates it.
    func config(database name: String) throws -> ConnectionConfig {
        switch kind {
        case .postgresql:
            var config = try ConnectionConfig(postgresqlURL: url)
            config.postgresql.dbname = name
            return config
        case .mysql:
            var config = try ConnectionConfig(mysqlURL: url)
            config.mysql.database = name
            return config
        }
    }
}

/// Runs `body` with a new store on a fresh SQLite file in a temporary directory (removed
/// afterwards), or in a new database on `databaseServer`, holding the benchmark's artifact type
/// (split, span).
func withFreshStore<T>(_ label: String, _ body: (_ store: MetadataStore, _ artifactTypeID: Int64) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("store-bench-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("mlmd.sqlite").path
    var config = ConnectionConfig.with { $0.sqlite = .with { $0.filenameURI = path } }
    if let server = databaseServer {
        // A new database on that server, which the store creates.
        config = try server.config(
            database: "bench_ours_\(label)_\(ProcessInfo.processInfo.processIdentifier)_\(UInt32.random(in: 0...UInt32.max))")
    }
    let store = try MetadataStore(config: config, backends: [.postgreSQL, .mySQL])
    let typeID = try store.putArtifactType(
        .with {
            $0.name = "Dataset"
            $0.properties["split"] = .string
            $0.properties["span"] = .int
        })
    return try body(store, typeID)
}

/// Runs the workload with our MetadataStore on a fresh store (`withFreshStore`).
func benchmarkOurs(_ workload: Workload) throws -> StoreResult {
    try withFreshStore("w") { store, typeID in try runWorkload(workload, store: store, typeID: typeID) }
}

private func runWorkload(_ workload: Workload, store: MetadataStore, typeID: Int64) throws -> StoreResult {
    let executionTypeID = try store.putExecutionType(.with { $0.name = "Trainer" })
    let contextTypeID = try store.putContextType(.with { $0.name = "Pipeline" })

    var ids: [Int64] = []
    ids.reserveCapacity(workload.artifacts + workload.singles + 2 * workload.executions)
    var serial = 0
    func nextArtifact() -> Artifact {
        serial += 1
        return makeArtifact(typeID: typeID, serial)
    }

    // (a) batches of 1,000. Messages are built outside the timed regions, as in Python.
    let n = workload.artifacts
    let batches = stride(from: 0, to: n, by: Workload.batch).map { start in
        (0..<min(Workload.batch, n - start)).map { _ in nextArtifact() }
    }
    let (batchedSeconds, _) = try timed {
        for batch in batches { ids += try store.putArtifacts(batch) }
    }
    log("  batched: \(n) artifacts in \(fmt(batchedSeconds, digits: 3)) s")

    // (b) one artifact per call.
    let singles = (0..<workload.singles).map { _ in nextArtifact() }
    let (singleSeconds, _) = try timed {
        for artifact in singles { ids += try store.putArtifacts([artifact]) }
    }
    log("  single: \(workload.singles) calls in \(fmt(singleSeconds, digits: 3)) s")

    // (c) a chain of put_execution: new input and output artifacts, the same context each time.
    let steps = (0..<workload.executions).map { i in
        PutExecutionRequest.with {
            $0.execution = .with {
                $0.typeID = executionTypeID
                $0.name = "run-\(i + 1)"
                $0.lastKnownState = .complete
            }
            let input = nextArtifact(), output = nextArtifact()
            $0.artifactEventPairs = [
                .with {
                    $0.artifact = input; $0.event = .with { $0.type = .input }
                },
                .with {
                    $0.artifact = output; $0.event = .with { $0.type = .output }
                },
            ]
            $0.contexts = [
                .with {
                    $0.typeID = contextTypeID; $0.name = "pipeline"
                }
            ]
            $0.options = .with { $0.reuseContextIfAlreadyExist = true }
        }
    }
    var contextIDs = Set<Int64>()
    let (executionSeconds, _) = try timed {
        for request in steps {
            let response = try store.putExecution(request)
            ids += response.artifactIDs
            contextIDs.formUnion(response.contextIDs)
        }
    }
    log("  put_execution: \(workload.executions) calls in \(fmt(executionSeconds, digits: 3)) s")

    // (d) by id, 1,000 at a time, over every artifact (best of 3, as the by-type read).
    let groups = stride(from: 0, to: ids.count, by: Workload.batch).map { Array(ids[$0..<min($0 + Workload.batch, ids.count)]) }
    let (byIDSeconds, foundByID) = try bestOf(Workload.readRuns) {
        var found = 0
        for group in groups { found += try store.getArtifactsByID(group).count }
        return found
    }
    log("  by id: \(foundByID) artifacts in \(fmt(byIDSeconds, digits: 3)) s")

    // (e) by type, one call (best of 3).
    let (byTypeSeconds, byType) = try bestOf(Workload.readRuns) { try store.getArtifactsByType("Dataset") }
    log("  by type: \(byType.count) artifacts in \(fmt(byTypeSeconds, digits: 3)) s")

    // Untimed: the reads give back what was written.
    let sample = ids.indices.contains(n) ? ids[n] : ids[0]
    let stored = try store.getArtifactsByID([sample]).first
    let expected = makeArtifact(typeID: typeID, ids.firstIndex(of: sample)! + 1)
    let roundTrip =
        stored.map {
            $0.uri == expected.uri && $0.properties == expected.properties
                && $0.customProperties == expected.customProperties
        } ?? false
    return StoreResult(
        name: "swift-ml-metadata (ours)",
        batched: Double(n) / batchedSeconds,
        single: workload.singles > 0 ? Double(workload.singles) / singleSeconds : nil,
        execution: workload.executions > 0 ? Double(workload.executions) / executionSeconds : nil,
        byID: Double(foundByID) / byIDSeconds,
        byType: Double(byType.count) / byTypeSeconds,
        check: checkLine(total: ids.count, byID: foundByID, byType: byType.count, contexts: contextIDs.count)
            + "; read-back of artifact \(sample): \(roundTrip ? "OK" : "MISMATCH")"
    )
}

/// "artifacts N, by id N, by type N, contexts 1: OK" or "... MISMATCH".
func checkLine(total: Int, byID: Int, byType: Int, contexts: Int) -> String {
    let ok = byID == total && byType == total && contexts <= 1
    return "\(total) artifacts, \(byID) by id, \(byType) by type, \(contexts) context(s): \(ok ? "OK" : "MISMATCH")"
}

func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func fmt(_ value: Double?, digits: Int = 0) -> String {
    guard let value else { return "n/a" }
    let s = String(format: "%.\(digits)f", value)
    guard digits == 0 else { return s }
    // Thousands separators for the whole-number figures: 10000 -> 10,000.
    var out = ""
    for (i, c) in s.reversed().enumerated() {
        if i > 0 && i % 3 == 0 && c != "-" { out.append(",") }
        out.append(c)
    }
    return String(out.reversed())
}
