// store-bench: our MetadataStore against ml-metadata 1.17.1 (Python, in-process C++ store),
// each on a fresh SQLite file (or a new database on a PostgreSQL or MySQL server), same
// workload, same run.
//
// Usage: store-bench [--queries | --purge] [--artifacts N] [--markdown] [--ours-only] [--postgresql URL | --mysql URL]
//   --queries      the query workload instead (Queries.swift): a filtered page of 100 and a
//                  20-hop lineage subgraph on a store of N artifacts with a lineage chain
//   --purge        the purge workload instead (Purge.swift): 10% of a store of 20,000 and of N
//                  artifacts purged by a property filter, against putting them
//   --artifacts N  artifacts put in batches of 1,000 (default 20,000); see Workload
//   --markdown     print the result table as Markdown (for Benchmarks/NOTES.md)
//   --ours-only    skip ml-metadata (for large N)
//   --postgresql URL  both stores in new databases on that PostgreSQL server (postgresql://USER:PASSWORD@HOST:PORT/DB)
//   --mysql URL    both stores in new databases on that MySQL or MariaDB server (mysql://USER:PASSWORD@HOST:PORT/DB)
// Environment: PYTHON (interpreter with ml-metadata 1.17.1,
//   default: this repository's Scripts/mlmd-python.sh), MLMD_STORE_BENCH (path of mlmd_store_bench.py).

import Foundation

// MARK: - Arguments

var artifactCount = 20_000
var markdown = false
var oursOnly = false
var queries = false
var purge = false
/// `--postgresql URL` or `--mysql URL`: both stores on new databases of that server instead of SQLite files.
nonisolated(unsafe) var databaseServer: DatabaseServer?
let usage = "usage: store-bench [--queries | --purge] [--artifacts N] [--markdown] [--ours-only] [--postgresql URL | --mysql URL]"
do {
    var args = CommandLine.arguments.dropFirst()
    while let arg = args.popFirst() {
        switch arg {
        case "--markdown": markdown = true
        case "--ours-only": oursOnly = true
        case "--queries": queries = true
        case "--purge": purge = true
        case "--postgresql", "--mysql":
            let kind: DatabaseServer.Kind = arg == "--mysql" ? .mysql : .postgresql
            guard let url = args.popFirst() else { fatalError("\(arg) needs a \(kind.rawValue):// URL") }
            guard databaseServer == nil else { fatalError("give one of --postgresql and --mysql; \(usage)") }
            databaseServer = DatabaseServer(kind: kind, url: url)
            // mlmd_store_bench.py reads the server from MLMD_BENCH_POSTGRESQL_URL or MLMD_BENCH_MYSQL_URL.
            setenv(kind.environmentVariable, url, 1)
        case "--artifacts":
            guard let n = args.popFirst().flatMap({ Int($0.replacingOccurrences(of: "_", with: "")) }), n > 0 else {
                fatalError("--artifacts needs a positive integer")
            }
            artifactCount = n
        case "-h", "--help":
            print(usage)
            exit(0)
        default:
            fatalError("unknown argument \(arg); \(usage)")
        }
    }
}

if purge {
    try runPurgeWorkload(artifacts: artifactCount, markdown: markdown)
    exit(0)
}

if queries {
    try runQueryWorkload(artifacts: artifactCount, oursOnly: oursOnly, markdown: markdown)
    exit(0)
}

let workload = Workload(artifacts: artifactCount)
let total = workload.artifacts + workload.singles + 2 * workload.executions
log(
    "workload: \(workload.artifacts) artifacts batched, \(workload.singles) single puts, "
        + "\(workload.executions) put_execution calls (\(total) artifacts in all)")

// MARK: - Ours

log("timing swift-ml-metadata (ours) ...")
let ours = try benchmarkOurs(workload)

// MARK: - ml-metadata

struct MLMDReport: Decodable {
    var mlmd_version: String
    var artifacts_total: Int
    var batched_per_s: Double
    var single_per_s: Double?
    var execution_per_s: Double?
    var by_id_per_s: Double
    var by_type_per_s: Double
    var by_id_found: Int
    var by_type_found: Int
    var contexts: Int
}

/// Runs mlmd_store_bench.py with `arguments` and returns its stdout, or nil (logged) on failure.
func runPythonBench(_ arguments: [String]) -> Data? {
    let env = ProcessInfo.processInfo.environment
    let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let python = env["PYTHON"] ?? benchmarks.deletingLastPathComponent().appendingPathComponent("Scripts/mlmd-python.sh").path
    let script = env["MLMD_STORE_BENCH"] ?? benchmarks.appendingPathComponent("mlmd_store_bench.py").path
    log("timing ml-metadata (\(python) \(script) \(arguments.joined(separator: " "))) ...")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script] + arguments
    let stdout = Pipe()
    process.standardOutput = stdout
    do {
        try process.run()
    } catch {
        log("ml-metadata: cannot run \(python): \(error)")
        return nil
    }
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        log("ml-metadata: \(python) exited with status \(process.terminationStatus)")
        return nil
    }
    return output
}

func runMLMD(_ workload: Workload) -> StoreResult? {
    guard let output = runPythonBench([String(workload.artifacts)]) else { return nil }
    do {
        let r = try JSONDecoder().decode(MLMDReport.self, from: output)
        return StoreResult(
            name: "ml-metadata \(r.mlmd_version)",
            batched: r.batched_per_s, single: r.single_per_s, execution: r.execution_per_s,
            byID: r.by_id_per_s, byType: r.by_type_per_s,
            check: checkLine(total: r.artifacts_total, byID: r.by_id_found, byType: r.by_type_found, contexts: r.contexts)
        )
    } catch {
        log("ml-metadata: cannot parse output \(String(decoding: output, as: UTF8.self)): \(error)")
        return nil
    }
}

let mlmd = oursOnly ? nil : runMLMD(workload)

// MARK: - Report

func ratio(_ a: Double?, _ b: Double?) -> String {
    guard let a, let b else { return "n/a" }
    return String(format: "%.2f×", a / b)
}

let mlmdName = mlmd?.name ?? "ml-metadata 1.17.1"
let operations: [(String, KeyPath<StoreResult, Double?>)] = [
    ("put_artifacts, batches of 1,000 (artifacts/s)", \.batched),
    ("put_artifacts, one per call (calls/s)", \.single),
    ("put_execution, 1 in + 1 out + 1 context (calls/s)", \.execution),
    ("get_artifacts_by_id, groups of 1,000 (artifacts/s)", \.byID),
    ("get_artifacts_by_type, all (artifacts/s)", \.byType),
]
let header = ["Operation", "ours items/s", "\(mlmdName) items/s", "ours / ml-metadata"]
let rows: [[String]] = operations.map { name, key in
    [
        name, fmt(ours[keyPath: key]), oursOnly ? "not run" : fmt(mlmd?[keyPath: key]),
        ratio(ours[keyPath: key], mlmd?[keyPath: key]),
    ]
}
let summary =
    "\(DatabaseServer.placeDescription); \(workload.artifacts) artifacts batched, \(workload.singles) single puts, "
    + "\(workload.executions) put_execution calls (one run each), then reads over all \(total) artifacts "
    + "(best of \(Workload.readRuns)). "
    + "Each artifact: uri, properties split (string) and span (int), custom property accuracy (double)."

if markdown {
    print(summary)
    print("")
    print("| " + header.joined(separator: " | ") + " |")
    print("| --- | ---: | ---: | ---: |")
    for row in rows { print("| " + row.joined(separator: " | ") + " |") }
    print("")
    print("- \(ours.name): \(ours.check)")
    if let mlmd { print("- \(mlmd.name): \(mlmd.check)") }
} else {
    func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
    let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max()!) }
    func line(_ cells: [String]) -> String {
        cells.indices.map { pad(cells[$0], widths[$0], right: $0 > 0) }.joined(separator: "  ")
    }
    print(summary)
    print(line(header))
    print(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
    for row in rows { print(line(row)) }
    print("")
    print("\(ours.name): \(ours.check)")
    if let mlmd { print("\(mlmd.name): \(mlmd.check)") }
}
