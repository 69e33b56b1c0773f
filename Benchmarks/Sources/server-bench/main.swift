// server-bench: 8 gRPC clients against three servers in one run, each in its own process:
// ml-metadata 1.17.1's core behind a Python gRPC server (Scripts/ml-metadata-server.py, the reference),
// our `MetadataStoreServer` (what `mlmd serve` runs), both on a fresh SQLite file in the same
// folder, and a do-nothing grpc-swift-2 server answering fixed responses of the same size (the
// limit). Scenarios: single-artifact PutArtifacts, and GetArtifactsByID of 100 ids.
// With --postgresql URL or --mysql URL: ml-metadata and ours with 1, 2 and 4 server processes, each
// group on a new database of that PostgreSQL or MySQL/MariaDB server (DatabaseServerRun.swift); no
// do-nothing server.
//
// Usage: server-bench [--postgresql postgresql://USER:PASS@HOST:PORT/DB | --mysql mysql://USER:PASS@HOST:PORT/DB]
//                     [--seconds S] [--markdown]
//        server-bench serve-ours PORT FILE|POSTGRESQL_URL|MYSQL_URL | serve-null PORT     (started by the run itself)
// Environment: MLMD_REFERENCE_SERVER, the reference's command, split at spaces and run with PORT STORE
//   after it (default: this repository's Scripts/mlmd-python.sh Scripts/ml-metadata-server.py).

import Foundation

var seconds = 5.0
var markdown = false
var databaseServer: (kind: DatabaseServerKind, url: String)?
var arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "serve-ours":
    try await serveOurs(port: Int(arguments.dropFirst().first!)!, store: String(arguments.dropFirst(2).first!))
    exit(0)
case "serve-null":
    try await serveNull(port: Int(arguments.dropFirst().first!)!)
    exit(0)
default:
    while let argument = arguments.popFirst() {
        switch argument {
        case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
        case "--markdown": markdown = true
        case "--postgresql": databaseServer = arguments.popFirst().map { (.postgresql, $0) }
        case "--mysql": databaseServer = arguments.popFirst().map { (.mysql, $0) }
        default: fatalError("usage: server-bench [--postgresql URL | --mysql URL] [--seconds S] [--markdown]")
        }
    }
}

let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let referenceServer =
    ProcessInfo.processInfo.environment["MLMD_REFERENCE_SERVER"].map { $0.split(separator: " ").map(String.init) }
    ?? ["Scripts/mlmd-python.sh", "Scripts/ml-metadata-server.py"].map { repository.appendingPathComponent($0).path }
let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
if let databaseServer {
    try await runDatabaseServer(
        databaseServer.kind, url: databaseServer.url, seconds: seconds, markdown: markdown, reference: referenceServer, me: me)
    exit(0)
}
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("server-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

func bench(
    _ name: String, _ executable: String, _ arguments: (Int) -> [String], seed: Bool
) async throws -> (put: ScenarioResult, read: ScenarioResult) {
    let port = freePort()
    progress("\(name) on port \(port) ...")
    let server = try ServerProcess(executable, arguments(port), port: port)
    defer { server.stop() }
    do {
        return try await runScenarios(ports: [port], servers: [server.process.processIdentifier], seconds: seconds, seed: seed)
    } catch {
        progress("\(name) failed: \(error)")
        throw error
    }
}

let reference = try await bench(
    "ml-metadata (ml-metadata-server.py)", referenceServer[0],
    { Array(referenceServer.dropFirst()) + ["\($0)", "\(folder)/reference.sqlite"] }, seed: true)
let ours = try await bench("ours (MetadataStoreServer)", me, { ["serve-ours", "\($0)", "\(folder)/ours.sqlite"] }, seed: true)
let null = try await bench("do-nothing grpc-swift-2 handler", me, { ["serve-null", "\($0)"] }, seed: false)
try? FileManager.default.removeItem(atPath: folder)

let rows: [[String]] = [
    ("PutArtifacts, 1 artifact", \(put: ScenarioResult, read: ScenarioResult).put),
    ("GetArtifactsByID, 100 ids", \(put: ScenarioResult, read: ScenarioResult).read),
].flatMap { label, path -> [[String]] in
    let (r, o, n) = (reference[keyPath: path], ours[keyPath: path], null[keyPath: path])
    return [
        [
            label, number(r.callsPerSecond), number(o.callsPerSecond), number(n.callsPerSecond),
            number(o.callsPerSecond / r.callsPerSecond, 2) + "×", number(n.callsPerSecond / o.callsPerSecond, 2) + "×",
            "\(number(r.p50Milliseconds, 2)) / \(number(r.p99Milliseconds, 2))",
            "\(number(o.p50Milliseconds, 2)) / \(number(o.p99Milliseconds, 2))",
            "\(number(n.p50Milliseconds, 2)) / \(number(n.p99Milliseconds, 2))",
            number(r.serverCPUMillisecondsPer1000Calls), number(o.serverCPUMillisecondsPer1000Calls),
            number(n.serverCPUMillisecondsPer1000Calls),
            number(o.serverCPUMillisecondsPer1000Calls / n.serverCPUMillisecondsPer1000Calls, 2) + "×",
        ]
    ]
}
let header = [
    "Scenario (8 clients)", "ml-metadata calls/s", "ours calls/s", "do-nothing calls/s", "ours / ml-metadata",
    "do-nothing / ours", "ml-metadata p50/p99 ms", "ours p50/p99 ms", "do-nothing p50/p99 ms",
    "ml-metadata CPU ms / 1,000 calls", "ours CPU ms / 1,000 calls", "do-nothing CPU ms / 1,000 calls", "ours / do-nothing CPU",
]
printTable(header, rows, markdown: markdown)
