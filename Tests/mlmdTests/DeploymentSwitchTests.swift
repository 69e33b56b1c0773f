import Foundation
import Synchronization
import Testing

/// A deployment that runs ml-metadata's server on an older store switches to
/// `metadata_store_server` with its own arguments: our server upgrades the store, and the official
/// Python client reads through it exactly what it reads from ml-metadata after ml-metadata's own
/// upgrade of the same store. Uses ml-metadata 1.17.1 from PyPI (Scripts/mlmd-python.sh); runs
/// under CI, with MLMD_RUN_SUITE=1, or where its environment exists (as the conformance suite).
@Suite(.serialized, .enabled(if: ConformanceSuiteTests.isEnabled))
struct DeploymentSwitchTests {
    /// Runs `Oracle/deployment_switch.py`; its standard output.
    static func python(_ arguments: [String]) throws -> String {
        let result = try MLMetadataPython.run("Tests/mlmdTests/Oracle/deployment_switch.py", arguments)
        guard result.status == 0 else { throw PythonFailed(message: String(result.error.suffix(2000))) }
        return result.output
    }

    struct PythonFailed: Error, CustomStringConvertible {
        var message: String
        var description: String { "deployment_switch.py failed: \(message)" }
    }

    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-switch-\(UUID().uuidString)\(suffix)").path
    }

    /// Charmed Kubeflow's arguments on an SQLite store at version 7; two of our servers started
    /// at the same moment on a third copy upgrade it once and read the same.
    @Test func charmedKubeflowsServerReadsWhatMLMetadataReadsAfterItsOwnUpgrade() throws {
        let ours = Self.temporaryPath(".sqlite"), theirs = Self.temporaryPath(".sqlite"), shared = Self.temporaryPath(".sqlite")
        _ = try Self.python(["prepare", ours, "7"])
        for copy in [theirs, shared] { try FileManager.default.copyItem(atPath: ours, toPath: copy) }
        _ = try Self.python(["upgrade", theirs])
        let expected = try Self.python(["dump", theirs])
        let kinds = expected.split(separator: "\n").map { $0.split(separator: "\t")[0] }
        for (kind, count) in [
            ("artifact", 6), ("execution", 2), ("context", 3), ("event", 6), ("member artifact", 6),
            ("member execution", 2), ("parent", 2),
        ] {
            #expect(kinds.filter { $0 == kind }.count == count, "\(kind)")
        }

        let single = try Self.charmedServer(on: ours)
        #expect(try Self.python(["dump", "grpc://127.0.0.1:\(single.port)"]) == expected)
        #expect(single.stop().status == 0)

        let servers = Mutex<[Result<ServerProcess, any Error>]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let started = Result { try Self.charmedServer(on: shared) }
            servers.withLock { $0.append(started) }
        }
        for started in servers.withLock({ $0 }) {
            let running = try started.get()
            #expect(try Self.python(["dump", "grpc://127.0.0.1:\(running.port)"]) == expected)
            #expect(running.stop().status == 0)
        }
    }

    /// `metadata_store_server` as Charmed Kubeflow starts it, on the SQLite file at `path`.
    static func charmedServer(on path: String) throws -> ServerProcess {
        let config = temporaryPath(".pbtxt")
        try "connection_config: {sqlite: {filename_uri: \"file:\(path)\"}}\n".write(toFile: config, atomically: true, encoding: .utf8)
        return try ServerProcess(
            ["--metadata_store_server_config_file=\(config)", "--grpc_port=0", "--enable_database_upgrade=true"],
            metadataStoreServer: true)
    }

    /// Kubeflow Pipelines' arguments on a MySQL database at version 7. The two databases are made
    /// apart, so their nodes are compared without their times.
    @Test(.enabled(if: MetadataStoreServerFlagsTests.mysqlURL != nil))
    func kubeflowPipelinesServerReadsWhatMLMetadataReadsAfterItsOwnUpgrade() throws {
        let url = try #require(MetadataStoreServerFlagsTests.mysqlURL)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        func database(_ name: String) -> String {
            "mysql://\(url.user ?? ""):\(url.password ?? "")@\(url.host ?? ""):\(url.port ?? 3306)/\(name)"
        }
        let ours = "switch_ours_\(suffix)", theirs = "switch_theirs_\(suffix)"
        for name in [ours, theirs] { _ = try Self.python(["prepare", database(name), "7"]) }
        _ = try Self.python(["upgrade", database(theirs)])
        let expected = try Self.python(["dump", database(theirs), "no-times"])
        let server = try ServerProcess(
            [
                "--grpc_port=0", "--mysql_config_database=\(ours)", "--mysql_config_host=\(url.host ?? "")",
                "--mysql_config_port=\(url.port ?? 3306)", "--mysql_config_user=\(url.user ?? "")",
                "--mysql_config_password=\(url.password ?? "")", "--enable_database_upgrade=true",
            ], metadataStoreServer: true)
        #expect(try Self.python(["dump", "grpc://127.0.0.1:\(server.port)", "no-times"]) == expected)
        #expect(server.stop().status == 0)
    }
}
