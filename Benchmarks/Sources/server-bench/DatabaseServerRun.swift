import Foundation

/// A database server the `--postgresql URL` and `--mysql URL` modes run on.
enum DatabaseServerKind: String {
    case postgresql, mysql

    /// The option that names the server, as in error messages.
    var option: String { "--\(rawValue)" }
    /// As the table's first header names it.
    var title: String { self == .postgresql ? "PostgreSQL" : "MySQL" }
    /// The URL schemes the option takes; the first is how the URLs the servers get spell it, as the
    /// reference reads only that spelling.
    var schemes: [String] { self == .postgresql ? ["postgresql", "postgres"] : ["mysql"] }
}

/// The database-server modes: ml-metadata, then ours with 1, 2 and 4 server processes, each group
/// on a new database of the server `url` names (`bench_ref_PID`, `bench_ours1_PID`, ...), so that no
/// group finds another's rows and the read ids are the seeded ones. The do-nothing server is left
/// out: it touches no database, so its limit is the SQLite mode's.
func runDatabaseServer(
    _ kind: DatabaseServerKind, url: String, seconds: Double, markdown: Bool, reference referenceServer: [String], me: String
) async throws {
    let pid = getpid()
    let reference = try await benchGroup("ml-metadata (ml-metadata-server.py)", processes: 1, seconds: seconds) { port in
        (referenceServer[0], Array(referenceServer.dropFirst()) + ["\(port)", databaseURL(kind, url, "bench_ref_\(pid)")])
    }
    var ours: [(put: ScenarioResult, read: ScenarioResult)] = []
    for count in [1, 2, 4] {
        let database = databaseURL(kind, url, "bench_ours\(count)_\(pid)")
        ours.append(
            try await benchGroup("ours (MetadataStoreServer) ×\(count)", processes: count, seconds: seconds) { port in
                (me, ["serve-ours", "\(port)", database])
            })
    }

    let rows: [[String]] = [
        ("PutArtifacts, 1 artifact", \(put: ScenarioResult, read: ScenarioResult).put),
        ("GetArtifactsByID, 100 ids", \(put: ScenarioResult, read: ScenarioResult).read),
    ].map { label, path in
        let results = [reference[keyPath: path]] + ours.map { $0[keyPath: path] }
        let (r, o1, o4) = (results[0], results[1], results[3])
        return [label] + results.map { number($0.callsPerSecond) }
            + results.map { "\(number($0.p50Milliseconds, 2)) / \(number($0.p99Milliseconds, 2))" }
            + results.map { number($0.serverCPUMillisecondsPer1000Calls) }
            + [number(o1.callsPerSecond / r.callsPerSecond, 2) + "×", number(o4.callsPerSecond / o1.callsPerSecond, 2) + "×"]
    }
    let servers = ["ml-metadata", "ours×1", "ours×2", "ours×4"]
    let header =
        ["Scenario (8 clients, \(kind.title))"] + servers.map { "\($0) calls/s" } + servers.map { "\($0) p50/p99 ms" }
        + servers.map { "\($0) server CPU ms / 1,000 calls" } + ["ours×1 / ml-metadata", "ours×4 / ours×1"]
    printTable(header, rows, markdown: markdown)
}

/// Starts `count` server processes on one database, one after another: each is listening, so its
/// schema is made, before the next starts, as concurrent first opens would race to create it. Then
/// runs the scenarios with the clients spread round-robin over their ports, and stops them all,
/// also when something fails.
func benchGroup(
    _ name: String, processes count: Int, seconds: Double,
    _ command: (_ port: Int) -> (executable: String, arguments: [String])
) async throws -> (put: ScenarioResult, read: ScenarioResult) {
    var servers: [ServerProcess] = []
    defer { for server in servers { server.stop() } }
    for index in 1...count {
        let port = freePort()
        progress("\(name): process \(index) of \(count) on port \(port) ...")
        let (executable, arguments) = command(port)
        servers.append(try ServerProcess(executable, arguments, port: port))
    }
    do {
        return try await runScenarios(
            ports: servers.map(\.port), servers: servers.map(\.process.processIdentifier), seconds: seconds, seed: true)
    } catch {
        progress("\(name) failed: \(error)")
        throw error
    }
}

/// `url` (SCHEME://USER:PASS@HOST:PORT/DBNAME?QUERY) naming database `name` instead, with the scheme
/// spelled `postgresql://` or `mysql://`: the reference reads only those spellings.
func databaseURL(_ kind: DatabaseServerKind, _ url: String, _ name: String) -> String {
    guard let schemeEnd = url.range(of: "://"), kind.schemes.contains(String(url[..<schemeEnd.lowerBound])) else {
        fatalError("\(kind.option): \(url) is not a \(kind.schemes[0]):// URL")
    }
    let rest = url[schemeEnd.upperBound...]
    let authority = rest[..<(rest.firstIndex(of: "/") ?? rest.firstIndex(of: "?") ?? rest.endIndex)]
    let query = rest.firstIndex(of: "?").map { rest[$0...] } ?? ""
    return "\(kind.schemes[0])://\(authority)/\(name)\(query)"
}
