import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL
import Testing

/// The backends every store test runs on. Each `makeStore()` gives a new, empty store.
/// PostgreSQL joins when `MLMD_TEST_POSTGRESQL_URL` names a server, MySQL when `MLMD_TEST_MYSQL_URL`
/// does (`.ci/run` starts both): each store is then a new database on it.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case inMemory = "fake_database"
    case sqliteFile = "sqlite file"
    case postgresql = "postgresql"
    case mysql = "mysql"

    /// The server's URL, e.g. `postgresql://postgres:secret@127.0.0.1:5432/postgres`.
    static let postgresqlURL = ProcessInfo.processInfo.environment["MLMD_TEST_POSTGRESQL_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The MySQL or MariaDB server's URL, e.g. `mysql://mlmd:secret@127.0.0.1:3306/mlmd`.
    static let mysqlURL = ProcessInfo.processInfo.environment["MLMD_TEST_MYSQL_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// True where MariaDB Connector/C, which the MySQL backend loads, can be loaded.
    static let hasMariaDBLibrary: Bool = {
        guard let library = dlopen("libmariadb.so.3", RTLD_NOW) ?? dlopen("libmariadb.dylib", RTLD_NOW) else { return false }
        dlclose(library)
        return true
    }()

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static var allCases: [StoreBackend] {
        [.inMemory, .sqliteFile] + (postgresqlURL == nil ? [] : [.postgresql]) + (mysqlURL == nil ? [] : [.mysql])
    }

    var testDescription: String { rawValue }

    /// SQLite gives the ids a rolled-back call took to the next one; PostgreSQL's sequences and
    /// InnoDB's auto-increment counters keep them (ml-metadata's store there too), so later ids
    /// come after a gap.
    var reusesRolledBackIDs: Bool { self == .inMemory || self == .sqliteFile }

    /// A new store; for the file backend, in a new temporary file.
    func makeStore() throws -> MetadataStore {
        try MetadataStore(config: config(), backends: [.postgreSQL, .mySQL])
    }

    func config() -> ConnectionConfig {
        var config = ConnectionConfig()
        switch self {
        case .inMemory:
            config.fakeDatabase = FakeDatabaseConfig()
        case .sqliteFile:
            config.sqlite = .with { $0.filenameURI = TemporaryFile.make(suffix: ".sqlite") }
        case .postgresql:
            config = try! ConnectionConfig(postgresqlURL: Self.postgresqlURL!)
            config.postgresql.dbname = "mlmd_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        case .mysql:
            config = try! ConnectionConfig(mysqlURL: Self.mysqlURL!)
            config.mysql.database = "mlmd_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        }
        return config
    }
}

/// Paths of new files in the temporary directory (removed by the OS, not by the tests, so a
/// failing test leaves its database to look at).
enum TemporaryFile {
    static func make(suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-test-\(UUID().uuidString)\(suffix)").path
    }
}

/// Expects `body` to throw a `MetadataStoreError` with `code` (and, if given, exactly `message`).
func expectStoreError<T>(
    _ code: MetadataStoreError.Code, message: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T
) {
    do {
        _ = try body()
        Issue.record("expected \(code.name), but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as MetadataStoreError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        if let message { #expect(error.message == message, sourceLocation: sourceLocation) }
    } catch {
        Issue.record("expected MetadataStoreError, got \(error)", sourceLocation: sourceLocation)
    }
}
