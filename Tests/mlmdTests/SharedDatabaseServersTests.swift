import Foundation
import MLMDClient
import MLMDProtos
import Testing

/// Several `mlmd serve` processes in front of one PostgreSQL or MySQL database, as users run them
/// when one machine is not enough (`MLMD_TEST_POSTGRESQL_URL` and `MLMD_TEST_MYSQL_URL` name the
/// servers; `.ci/run` starts both).
@Suite struct SharedDatabaseServersTests {
    static let serverURL = ProcessInfo.processInfo.environment["MLMD_TEST_POSTGRESQL_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The database servers of this run.
    static var servers: [String] { [serverURL, ConformanceSuiteTests.mysqlURL].compactMap { $0 } }

    /// A new database on the test server `server`, which the first `mlmd serve` creates.
    static func newDatabaseURL(on server: String) -> String {
        String(server[..<server.lastIndex(of: "/")!]) + "/mlmd_shared_" + UUID().uuidString.prefix(8).lowercased()
    }

    @Test(arguments: servers)
    func fourServersReusingOneContextNeitherDuplicateNorLoseAWrite(_ server: String) async throws {
        let url = Self.newDatabaseURL(on: server)
        // One after another: each has created or checked the schema once it listens.
        var servers: [ServerProcess] = []
        for _ in 0..<4 { servers.append(try ServerProcess(["--db", url])) }
        defer { for server in servers { _ = server.stop() } }

        let types = try await MetadataStoreClient.withConnection(host: "127.0.0.1", port: servers[0].port) { store in
            try await store.putTypes(
                .with {
                    $0.artifactTypes = [.with { $0.name = "Data" }]
                    $0.executionTypes = [.with { $0.name = "Step" }]
                    $0.contextTypes = [.with { $0.name = "Run" }]
                })
        }
        let (clientsPerServer, callsPerClient) = (2, 20)
        let ports = servers.map(\.port)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (serverIndex, port) in ports.enumerated() {
                for client in 0..<clientsPerServer {
                    group.addTask {
                        try await MetadataStoreClient.withConnection(host: "127.0.0.1", port: port) { store in
                            for call in 0..<callsPerClient {
                                _ = try await store.putExecution(
                                    .with {
                                        $0.execution = .with { $0.typeID = types.executionTypeIDs[0] }
                                        $0.artifactEventPairs = [
                                            .with {
                                                $0.artifact = .with {
                                                    $0.typeID = types.artifactTypeIDs[0]; $0.uri = "s\(serverIndex)/c\(client)/\(call)"
                                                }
                                                $0.event = .with { $0.type = .output }
                                            }
                                        ]
                                        $0.contexts = [
                                            .with {
                                                $0.typeID = types.contextTypeIDs[0]; $0.name = "shared"
                                            }
                                        ]
                                        $0.options.reuseContextIfAlreadyExist = true
                                    })
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }

        let calls = ports.count * clientsPerServer * callsPerClient
        try await MetadataStoreClient.withConnection(host: "127.0.0.1", port: ports[3]) { store in
            let contexts = try await store.getContexts(GetContextsRequest()).contexts
            #expect(contexts.map(\.name) == ["shared"])
            let executions = try await store.getExecutionsByContext(.with { $0.contextID = contexts[0].id }).executions
            let artifacts = try await store.getArtifactsByContext(.with { $0.contextID = contexts[0].id }).artifacts
            #expect(executions.count == calls && artifacts.count == calls)
            #expect(Set(artifacts.map(\.uri)).count == calls)
            let events = try await store.getEventsByExecutionIDs(.with { $0.executionIDs = executions.map(\.id) }).events
            #expect(events.count == calls)
        }
    }
}
