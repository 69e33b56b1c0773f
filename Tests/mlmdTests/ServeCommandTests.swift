import Foundation
import Testing

/// `mlmd serve`: its start line, its refusals, and a clean stop on SIGTERM.
@Suite struct ServeCommandTests {
    @Test func startsOnAFileSaysWhereAndStopsCleanlyOnSIGTERM() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-serve-\(UUID().uuidString).sqlite").path
        let server = try ServerProcess(["--db", path])
        #expect(server.listeningLine == "mlmd serve: listening on 127.0.0.1:\(server.port) (plaintext), store: SQLite file \(path)")
        let stopped = server.stop()
        #expect(stopped.status == 0)
        #expect(stopped.error == "mlmd serve: stopped; the store is closed\n")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func withoutADatabaseItServesMemoryAndSaysSo() throws {
        let server = try ServerProcess([])
        #expect(server.listeningLine.hasSuffix("store: in memory"))
        let stopped = server.stop()
        #expect(stopped.error.hasPrefix("mlmd serve: no --db given: the store is in memory and is lost when the server stops\n"))
    }

    @Test func mlMetadataFlagNamesWork() throws {
        let folder = FileManager.default.temporaryDirectory
        let config = folder.appendingPathComponent("mlmd-serve-\(UUID().uuidString).pbtxt").path
        let path = folder.appendingPathComponent("mlmd-serve-\(UUID().uuidString).sqlite").path
        try "connection_config { sqlite { filename_uri: '\(path)' } }\n".write(toFile: config, atomically: true, encoding: .utf8)
        let server = try ServerProcess(["--metadata_store_server_config_file", config])
        #expect(server.listeningLine.hasSuffix("store: SQLite file \(path)"))
        #expect(server.stop().status == 0)
        let result = try MLMDProcess.run(["serve", "--grpc_port=-1", "--metadata_store_server_config_file", config])
        #expect(result.status == 1)
        #expect(result.error == "mlmd: port -1 is not between 0 and 65535\n")
    }

    /// True where MariaDB Connector/C can be loaded; CI installs it.
    static let hasMariaDBLibrary: Bool = {
        guard let library = dlopen("libmariadb.so.3", RTLD_NOW) ?? dlopen("libmariadb.dylib", RTLD_NOW) else { return false }
        dlclose(library)
        return true
    }()

    @Test func withoutMariaDBsLibraryAMySQLStoreIsOneLineNamingThePackage() throws {
        let missing = "/nonexistent/libmariadb.so.3"
        for arguments in [["serve", "--port", "0"], ["ls", "artifacts"]] {
            let result = try MLMDProcess.run(
                arguments + ["--db", "mysql://u:p@127.0.0.1:1/mlmd"],
                environment: ["MLMD_MARIADB_LIBRARY": missing])
            #expect(result.status == 1)
            #expect(
                result.error.hasSuffix(
                    "FAILED_PRECONDITION: MySQL stores need MariaDB Connector/C: install the libmariadb3 "
                        + "package (apt-get install libmariadb3) (\(missing): cannot open shared object file: No such file or directory)\n"),
                "\(result.error)")
            #expect(result.error.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test(.enabled(if: hasMariaDBLibrary || ProcessInfo.processInfo.environment["CI"] == "true"))
    func aMySQLServerThatIsNotThereOrAMalformedURLIsOneClearLine() throws {
        let closed = try MLMDProcess.run([
            "serve", "--port", "0", "--metadata_store_connection_retries=0", "--db", "mysql://u:p@127.0.0.1:1/mlmd",
        ])
        #expect(closed.status == 1)
        #expect(closed.error.hasPrefix("mlmd: cannot open the store: UNAVAILABLE: cannot connect to MySQL at 127.0.0.1:1: "))
        #expect(closed.error.filter { $0 == "\n" }.count == 1)
        if let server = ConformanceSuiteTests.mysqlURL, let colon = server.dropFirst("mysql://".count).firstIndex(of: ":"),
            let at = server.firstIndex(of: "@")
        {
            // The test server's URL with another password.
            let wrong = server[..<colon] + ":wrong" + server[at...]
            let refused = try MLMDProcess.run(["serve", "--port", "0", "--db", String(wrong)])
            #expect(refused.status == 1)
            #expect(refused.error.hasPrefix("mlmd: cannot open the store: PERMISSION_DENIED: cannot connect to MySQL at "))
            #expect(refused.error.hasSuffix("(using password: YES) (MySQL error 1045)\n"), "\(refused.error)")
        }
        let noDatabase = try MLMDProcess.run(["ls", "artifacts", "--db", "mysql://u:p@localhost:3306"])
        #expect(noDatabase.error == "mlmd: --db: mysql URL names no database: give mysql://USER:PASSWORD@HOST:PORT/DATABASE\n")
    }

    @Test func aPostgreSQLServerThatIsNotThereOrAMalformedURLIsOneClearLine() throws {
        let closed = try MLMDProcess.run([
            "serve", "--port", "0", "--metadata_store_connection_retries=0", "--db", "postgresql://u:p@127.0.0.1:1/mlmd",
        ])
        #expect(closed.status == 1)
        #expect(closed.error.hasPrefix("mlmd: cannot open the store: UNAVAILABLE: cannot connect to PostgreSQL at 127.0.0.1:1/postgres: "))
        #expect(closed.error.filter { $0 == "\n" }.count == 1)
        if let server = SharedDatabaseServersTests.serverURL, let at = server.firstIndex(of: "@") {
            // The test server's URL with another password.
            let wrong = "postgresql://postgres:wrong" + server[at...]
            let refused = try MLMDProcess.run(["serve", "--port", "0", "--db", wrong])
            #expect(refused.status == 1)
            #expect(refused.error.hasPrefix("mlmd: cannot open the store: PERMISSION_DENIED: cannot connect to PostgreSQL at "))
            #expect(refused.error.hasSuffix(": password authentication failed for user \"postgres\"\n"), "\(refused.error)")
        }
        let noDatabase = try MLMDProcess.run(["ls", "artifacts", "--db", "postgresql://u:p@localhost:5432"])
        #expect(noDatabase.error == "mlmd: --db: postgresql URL names no database: give postgresql://USER:PASSWORD@HOST:PORT/DBNAME\n")
    }

    @Test func aMalformedConfigFileNamesLineAndColumn() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-serve-\(UUID().uuidString).pbtxt").path
        try "connection_config {\n  sqlite { filename_uri: 3 }\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try MLMDProcess.run(["serve", "--port", "0", "--config", config])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("mlmd: \(config): "))
        #expect(result.error.contains("2:"))
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test func aPortInUseIsOneClearLine() throws {
        let first = try ServerProcess([])
        defer { _ = first.stop() }
        let result = try MLMDProcess.run(["serve", "--host", "127.0.0.1", "--port", "\(first.port)"])
        #expect(result.status == 1)
        #expect(result.error.contains("mlmd: cannot serve on 127.0.0.1:\(first.port): "))
    }
}
