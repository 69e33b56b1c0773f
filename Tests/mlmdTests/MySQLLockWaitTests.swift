import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import Testing

/// Another session holding a row the store must write: InnoDB's lock wait ends in error 1205,
/// which the store retries (5 tries in all), and reports as ABORTED only when the row stays
/// locked. On a MariaDB of the test's own, whose lock wait is cut to 1 s.
@Suite struct MySQLLockWaitTests {
    @Test(.enabled(if: ConformanceSuiteTests.mysqlURL != nil))
    func aLockWaitIsRetriedThenAborted() throws {
        let directory = "/tmp/mlmd-lock-\(UUID().uuidString.prefix(8))"
        try DatabaseRestartTests.cluster("start", directory, server: .mysql)
        defer { try? DatabaseRestartTests.cluster("stop", directory, server: .mysql) }
        let url = try String(contentsOfFile: directory + "/url", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let config = try ConnectionConfig(mysqlURL: url)
        let server = config.mysql

        /// Runs SQL in a `mariadb` client session of its own, in the background.
        func session(_ sql: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "mariadb", "-h", server.host, "-P", "\(server.port)", "-u", server.user,
                "-p\(server.password)", server.database, "-e", sql,
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        let setup = try session("SET GLOBAL innodb_lock_wait_timeout = 1")
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0)

        let store = try MetadataStore(config: config, backends: [.mySQL])
        let typeID = try store.putArtifactType(.with { $0.name = "DataSet" })
        let id = try store.putArtifacts([
            .with {
                $0.typeID = typeID; $0.uri = "a"
            }
        ])[0]
        func holdRow(seconds: Int) throws -> Process {
            try session("START TRANSACTION; UPDATE Artifact SET uri = 'held' WHERE id = \(id); SELECT SLEEP(\(seconds)); ROLLBACK;")
        }

        // Held for 2 s: the first try waits 1 s and fails, a later one gets the row.
        var holder = try holdRow(seconds: 2)
        Thread.sleep(forTimeInterval: 0.5)
        let started = Date()
        #expect(
            try store.putArtifacts([
                .with {
                    $0.id = id; $0.typeID = typeID; $0.uri = "b"
                }
            ]) == [id])
        #expect(Date().timeIntervalSince(started) > 1)
        holder.waitUntilExit()
        #expect(try store.getArtifactsByID([id]).map(\.uri) == ["b"])

        // Held for longer than five tries wait: ABORTED, and nothing changed.
        holder = try holdRow(seconds: 8)
        Thread.sleep(forTimeInterval: 0.5)
        let refused = #expect(throws: MetadataStoreError.self) {
            try store.putArtifacts([
                .with {
                    $0.id = id; $0.typeID = typeID; $0.uri = "c"
                }
            ])
        }
        #expect(refused?.code == .aborted, "\(refused.map { "\($0)" } ?? "")")
        holder.terminate()
        holder.waitUntilExit()
        #expect(try store.getArtifactsByID([id]).map(\.uri) == ["b"])
    }
}
