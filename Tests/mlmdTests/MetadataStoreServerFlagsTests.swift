import Foundation
import Testing

/// `metadata_store_server` and `mlmd serve` started with the argument vectors of the deployments
/// that run ml-metadata's server today, and its flags' refusals.
@Suite struct MetadataStoreServerFlagsTests {
    static let environment = ProcessInfo.processInfo.environment
    static let mysqlURL = environment["MLMD_TEST_MYSQL_URL"].flatMap { $0.isEmpty ? nil : URL(string: $0) }
    static let postgresqlURL = environment["MLMD_TEST_POSTGRESQL_URL"].flatMap { $0.isEmpty ? nil : URL(string: $0) }

    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-flags-\(UUID().uuidString)\(suffix)").path
    }

    /// Charmed Kubeflow: a config file naming an SQLite `file:` URI, and the upgrade flag.
    @Test func charmedKubeflowsArgumentsServeTheFileTheConfigNames() throws {
        let store = Self.temporaryPath(".sqlite")
        let config = Self.temporaryPath(".pbtxt")
        try "connection_config: {sqlite: {filename_uri: \"file:\(store)\"}}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let server = try ServerProcess(
            ["--metadata_store_server_config_file=\(config)", "--grpc_port=0", "--enable_database_upgrade=true"],
            metadataStoreServer: true)
        #expect(server.listeningLine == "mlmd serve: listening on 0.0.0.0:\(server.port) (plaintext), store: SQLite file file:\(store)")
        #expect(server.stop().status == 0)
        // A URI's query parameters are SQLite's: mode=ro serves the file without writing to it.
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        try "connection_config: {sqlite: {filename_uri: \"file:\(store)?mode=ro\"}}\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let readOnly = try ServerProcess(["--metadata_store_server_config_file=\(config)", "--grpc_port=0"], metadataStoreServer: true)
        #expect(readOnly.listeningLine.hasSuffix("store: SQLite file file:\(store)?mode=ro"))
        #expect(readOnly.stop().status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }

    /// Kubeflow Pipelines: the mysql_config flags and the upgrade flag.
    @Test(.enabled(if: mysqlURL != nil))
    func kubeflowPipelinesArgumentsServeTheMySQLDatabaseTheyName() throws {
        let url = try #require(Self.mysqlURL)
        let database = "kfp_flags_\(UUID().uuidString.prefix(8).lowercased())"
        let server = try ServerProcess(
            [
                "--grpc_port=0", "--mysql_config_database=\(database)", "--mysql_config_host=\(url.host ?? "")",
                "--mysql_config_port=\(url.port ?? 0)", "--mysql_config_user=\(url.user ?? "")",
                "--mysql_config_password=\(url.password ?? "")", "--enable_database_upgrade=true",
            ], metadataStoreServer: true)
        #expect(server.listeningLine.hasSuffix("store: MySQL database \(database) on \(url.host ?? ""):\(url.port ?? 0)"))
        #expect(server.stop().status == 0)
    }

    @Test(.enabled(if: postgresqlURL != nil))
    func thePostgresConfigFlagsServeThePostgreSQLDatabaseTheyName() throws {
        let url = try #require(Self.postgresqlURL)
        let database = "flags_\(UUID().uuidString.prefix(8).lowercased())"
        let server = try ServerProcess([
            "--metadata_source_config_type", "postgresql", "--postgres_config_host", url.host ?? "",
            "--postgres_config_port", "\(url.port ?? 0)", "--postgres_config_user", url.user ?? "",
            "--postgres_config_password", url.password ?? "", "--postgres_config_dbname", database,
        ])
        #expect(server.listeningLine.hasSuffix("store: PostgreSQL database \(database) on \(url.host ?? ""):\(url.port ?? 0)"))
        #expect(server.stop().status == 0)
    }

    @Test func withoutADatabaseMetadataStoreServerServesMemoryAndSaysSo() throws {
        let server = try ServerProcess(["--grpc_port", "0"], metadataStoreServer: true)
        #expect(server.listeningLine.hasSuffix("store: in memory"))
        #expect(server.stop().error.hasPrefix("mlmd serve: no --db given: the store is in memory and is lost when the server stops\n"))
    }

    @Test func incompleteOrContradictoryFlagsAreOneLineEach() throws {
        let cases: [([String], String)] = [
            (
                ["--mysql_config_host=db"],
                "mlmd: to use a MySQL store, give all of --mysql_config_host, --mysql_config_port and --mysql_config_database\n"
            ),
            (
                ["--metadata_source_config_type=postgresql", "--postgres_config_port=5432"],
                "mlmd: give exactly one of --postgres_config_host and --postgres_config_hostaddr\n"
            ),
            (
                [
                    "--metadata_source_config_type=postgresql", "--postgres_config_host=db", "--postgres_config_port=5432",
                    "--postgres_config_user=u",
                ],
                "mlmd: --postgres_config_dbname must not be empty\n"
            ),
            (
                ["--metadata_source_config_type=config_file"],
                "mlmd: --metadata_source_config_type=config_file needs --metadata_store_server_config_file\n"
            ),
            (
                ["--enable_database_upgrade", "--downgrade_db_schema_version=8"],
                "mlmd: --enable_database_upgrade and --downgrade_db_schema_version cannot be set together; set one\n"
            ),
            (
                ["--db", "memory:", "--mysql_config_host=db", "--mysql_config_port=3306", "--mysql_config_database=m"],
                "mlmd: --db and the mysql_config flags both name a database; keep one\n"
            ),
        ]
        for (arguments, error) in cases {
            let result = try MLMDProcess.run(["--grpc_port=0"] + arguments, binary: MLMDProcess.metadataStoreServer)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.error == error, "\(arguments)")
        }
        let unknownType = try MLMDProcess.run(["serve", "--metadata_source_config_type=sqlite"])
        #expect(unknownType.status == 2)
        #expect(
            unknownType.error.contains("Please provide one of 'default', 'config_file', 'mysql' or 'postgresql'."), "\(unknownType.error)")
    }

    /// A database that cannot be reached is tried again with a growing pause, a line each time,
    /// then one line and exit status 1.
    @Test func anUnreachableDatabaseIsTriedAgainThenRefusedInOneLine() throws {
        let result = try MLMDProcess.run([
            "serve", "--port", "0", "--metadata_source_config_type=postgresql", "--postgres_config_host=127.0.0.1",
            "--postgres_config_port=1", "--postgres_config_user=u", "--postgres_config_dbname=d",
            "--metadata_store_connection_retries=2",
        ])
        let lines = result.error.split(separator: "\n")
        #expect(result.status == 1)
        #expect(lines.count == 3, "\(result.error)")
        #expect(
            lines.first?.hasPrefix(
                "mlmd serve: cannot open the store yet: UNAVAILABLE: cannot connect to PostgreSQL at 127.0.0.1:1/postgres: ") == true)
        #expect(lines.first?.hasSuffix("; trying again in 0.5 s (1 of 2)") == true)
        #expect(lines.dropFirst().first?.hasSuffix("; trying again in 1 s (2 of 2)") == true)
        #expect(
            lines.last?.hasPrefix("mlmd: cannot open the store: UNAVAILABLE: cannot connect to PostgreSQL at 127.0.0.1:1/postgres: ")
                == true)
    }

    /// The usual start of a cluster: the server comes up before its database does, and serves
    /// once the database answers. A forwarder opens the port a second after the server starts.
    @Test(.enabled(if: postgresqlURL != nil))
    func aDatabaseThatComesUpLaterIsServedOnceItAnswers() throws {
        let url = try #require(Self.postgresqlURL)
        let port = try FreePort.pick()
        let forwarder = Process()
        forwarder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        forwarder.arguments = ["python3", "-c", TCPForwarder.script, "1.0", String(port), url.host ?? "", String(url.port ?? 0)]
        // Not this process's streams: the test runner waits until every holder of those closes them.
        forwarder.standardOutput = FileHandle.nullDevice
        forwarder.standardError = FileHandle.nullDevice
        try forwarder.run()
        defer { forwarder.terminate() }
        let server = try ServerProcess([
            "--metadata_source_config_type=postgresql", "--postgres_config_host=127.0.0.1", "--postgres_config_port=\(port)",
            "--postgres_config_user=\(url.user ?? "")", "--postgres_config_password=\(url.password ?? "")",
            "--postgres_config_dbname=later_\(UUID().uuidString.prefix(8).lowercased())",
        ])
        #expect(server.listeningLine.contains("store: PostgreSQL database later_"))
        let stopped = server.stop()
        #expect(stopped.status == 0)
        #expect(stopped.error.hasPrefix("mlmd serve: cannot open the store yet: UNAVAILABLE: "), "\(stopped.error)")
    }
}

/// A free TCP port of 127.0.0.1, for a listener started later.
enum FreePort {
    static func pick() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A TCP forwarder in Python, which waits DELAY seconds before it listens on PORT of 127.0.0.1,
/// then copies every connection to TARGET_HOST:TARGET_PORT and back, for 60 seconds at most.
enum TCPForwarder {
    static let script = """
        import os, signal, socket, sys, threading, time
        # Started from a test thread, it inherits that thread's blocked signals, SIGTERM among them.
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
        threading.Timer(60, lambda: os._exit(0)).start()
        delay, port, host, target = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
        time.sleep(delay)
        listener = socket.create_server(("127.0.0.1", port))
        def pipe(a, b):
            try:
                while data := a.recv(65536):
                    b.sendall(data)
            except OSError:
                pass
            finally:
                b.close()
        while True:
            client, _ = listener.accept()
            upstream = socket.create_connection((host, target))
            threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()
        """
}
