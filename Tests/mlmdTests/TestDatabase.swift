import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL
import Testing

/// Where a command-line test makes its store: an SQLite file, and a new database on each server the
/// run has (`MLMD_TEST_POSTGRESQL_URL`, `MLMD_TEST_MYSQL_URL`).
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgresql, mysql

    var testDescription: String { rawValue }

    static var available: [TestDatabase] {
        [.sqlite] + (SharedDatabaseServersTests.serverURL == nil ? [] : [.postgresql])
            + (ConformanceSuiteTests.mysqlURL == nil ? [] : [.mysql])
    }

    /// A new store's `--db`: a file path, or a URL naming a database that does not exist yet.
    func newStore() -> String {
        let name = "cli_\(UUID().uuidString.prefix(8).lowercased())"
        switch self {
        case .sqlite: return DeploymentSwitchTests.temporaryPath(".sqlite")
        case .postgresql: return Self.replacingDatabase(of: SharedDatabaseServersTests.serverURL!, with: name)
        case .mysql: return Self.replacingDatabase(of: ConformanceSuiteTests.mysqlURL!, with: name)
        }
    }

    /// The connection config of the store `db` names, as `newStore()` made it.
    func config(_ db: String) throws -> ConnectionConfig {
        switch self {
        case .sqlite: .with { $0.sqlite = .with { $0.filenameURI = db } }
        case .postgresql: try ConnectionConfig(postgresqlURL: db)
        case .mysql: try ConnectionConfig(mysqlURL: db)
        }
    }

    private static func replacingDatabase(of url: String, with name: String) -> String {
        String(url[..<url.lastIndex(of: "/")!]) + "/" + name
    }
}
