import Foundation
import MLMDClient
import MLMDProtos
import MLMetadata
import Synchronization
import Testing

/// The database restarting under a server's load, on PostgreSQL and on MySQL (MariaDB): calls in
/// flight fail with UNAVAILABLE, the server reconnects, later calls succeed, and nothing it
/// acknowledged is lost. Each test has a database server of its own (`Scripts/postgres-cluster.sh`,
/// `Scripts/mariadb-server.sh`), so the restart disturbs no other test.
@Suite struct DatabaseRestartTests {
    /// A kind of database server, and the script that starts a throwaway one.
    enum Server: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case postgresql = "postgres-cluster.sh"
        case mysql = "mariadb-server.sh"

        var testDescription: String { self == .postgresql ? "postgresql" : "mysql" }

        /// The servers this run has (their packages are installed where their test URL is set).
        static var available: [Server] {
            let environment = ProcessInfo.processInfo.environment
            return allCases.filter { environment[$0 == .postgresql ? "MLMD_TEST_POSTGRESQL_URL" : "MLMD_TEST_MYSQL_URL"]?.isEmpty == false }
        }

        var script: String {
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Scripts/\(rawValue)").path
        }
    }

    /// Runs the cluster script and waits for it. Spawned by hand: Foundation's Process, waited for
    /// from an async test, never saw this script exit (it stayed a zombie) on Linux.
    static func cluster(_ command: String, _ directory: String, server: Server = .postgresql, environment: [String] = []) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Through bash, which first closes every descriptor past 2: the server pg_ctl starts would
        // otherwise inherit this process's sockets, the gRPC client's among them, and hold them
        // open after the client closed them, so `mlmd serve` would wait for that client to leave.
        let closingDescriptors = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$0" "$@""#
        let words: [String] = ["/bin/bash", "-c", closingDescriptors, server.script, command, directory]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        var inherited: [String] = []
        var entry = environ
        while let variable = entry.pointee { inherited.append(String(cString: variable)); entry += 1 }
        let variables: [UnsafeMutablePointer<CChar>?] = (inherited + environment).map { strdup($0) } + [nil]
        defer { for variable in variables { free(variable) } }
        guard posix_spawn(&pid, "/bin/bash", &actions, nil, arguments, variables) == 0 else { throw ClusterFailed(command: command) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw ClusterFailed(command: command) }
    }

    struct ClusterFailed: Error { var command: String }

    @Test(arguments: Server.available)
    func aRestartFailsOnlyTheCallsInFlightAndLosesNothing(_ database: Server) async throws {
        let directory = "/tmp/mlmd-restart-\(UUID().uuidString.prefix(8))"
        try Self.cluster("start", directory, server: database)
        defer { try? Self.cluster("stop", directory, server: database) }
        let serverURL = try String(contentsOfFile: directory + "/url", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServerProcess(["--db", String(serverURL[..<serverURL.lastIndex(of: "/")!]) + "/mlmd_restart"])
        let port = server.port

        let (acknowledged, failures, successesAfterRestart) = try await MetadataStoreClient.withConnection(host: "127.0.0.1", port: port) {
            store in
            let typeID = try await store.putArtifactType(.with { $0.artifactType = .with { $0.name = "Data" } }).typeID
            var acknowledged: [String] = []
            var failures: [MetadataStoreError.Code] = []
            var restart: Task<Void, any Error>?
            let restarted = Flag()
            var successesAfterRestart = 0
            for call in 0..<2_000 where successesAfterRestart < 20 {
                if call == 10 {
                    restart = Task.detached {
                        try Self.cluster("restart", directory, server: database)
                        restarted.set()
                    }
                }
                do {
                    let uri = "data/\(call)"
                    _ = try await store.putArtifacts(
                        .with {
                            $0.artifacts = [
                                .with {
                                    $0.typeID = typeID; $0.uri = uri
                                }
                            ]
                        })
                    acknowledged.append(uri)
                    if restarted.isSet { successesAfterRestart += 1 }
                } catch let error as MetadataStoreError {
                    failures.append(error.code)
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            try await restart?.value
            return (acknowledged, failures, successesAfterRestart)
        }
        // The restart ended every session the server had: calls after it succeed only if the
        // server reconnected.
        #expect(successesAfterRestart == 20, "\(failures)")
        #expect(Set(failures).isSubset(of: [.unavailable]), "\(failures)")
        let stored = try await MetadataStoreClient.withConnection(host: "127.0.0.1", port: port) { store in
            try await store.getArtifacts(GetArtifactsRequest()).artifacts.map(\.uri)
        }
        #expect(Set(acknowledged).isSubset(of: Set(stored)))
        #expect(acknowledged.count >= 30)
        #expect(server.stop().status == 0)
    }
}

/// Set once the restart finished, read by the calling loop.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
