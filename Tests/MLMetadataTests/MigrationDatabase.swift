import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL

/// A database for the migration tests: an SQLite file, or a new database on the PostgreSQL or
/// MySQL test server. It can be copied whole (rows, keys, counters), changed with raw SQL and
/// dumped, and ml-metadata's oracle reaches it by `url`.
struct MigrationDatabase: CustomStringConvertible {
    let backend: StoreBackend
    /// The file's path, or the database's name on the server.
    let name: String

    /// The backends the migration tests run on: an SQLite file, and the servers the run has.
    static var backends: [StoreBackend] {
        StoreBackend.allCases.filter { $0 != .inMemory }
    }

    /// A database that does not exist yet (a file path, or a name no database has).
    static func new(_ backend: StoreBackend) -> MigrationDatabase {
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        return MigrationDatabase(
            backend: backend, name: backend == .sqliteFile ? TemporaryFile.make(suffix: ".sqlite") : "mlmd_migration_\(id)")
    }

    var description: String { "\(backend.rawValue) \(name)" }

    /// The path, or `postgresql://…/NAME`, `mysql://…/NAME`.
    var url: String {
        switch backend {
        case .postgresql: Self.serverURL(StoreBackend.postgresqlURL!, database: name)
        case .mysql: Self.serverURL(StoreBackend.mysqlURL!, database: name)
        default: name
        }
    }

    private static func serverURL(_ server: String, database: String) -> String {
        String(server[..<server.lastIndex(of: "/")!]) + "/" + database
    }

    var config: ConnectionConfig {
        switch backend {
        case .postgresql: try! ConnectionConfig(postgresqlURL: url)
        case .mysql: try! ConnectionConfig(mysqlURL: url)
        default: .with { $0.sqlite = .with { $0.filenameURI = name } }
        }
    }

    /// A store on it, opened as `init(config:migration:backends:)` does.
    func store(_ migration: MigrationOptions = MigrationOptions()) throws -> MetadataStore {
        try MetadataStore(config: config, migration: migration, backends: [.postgreSQL, .mySQL])
    }

    func migrate(to version: Int64 = 10, dryRun: Bool = false) throws -> MigrationReport {
        try MetadataStore.migrate(config: config, toSchemaVersion: version, dryRun: dryRun, backends: [.postgreSQL, .mySQL])
    }

    /// A connection of its own (closed when released).
    func connection() throws -> any DatabaseConnection {
        try MetadataStore.migrationConnection(config: config, backends: [.postgreSQL, .mySQL]).connection
    }

    /// Runs each statement in the store's SQL (which the connection rewrites for its server).
    func execute(_ statements: [String]) throws {
        let connection = try connection()
        for statement in statements { try connection.execute(statement) }
    }

    /// The first column of every row of `query`, as text.
    func strings(_ query: String) throws -> [String?] {
        try rows(query, columns: 1).map { $0[0] }
    }

    /// The first `columns` columns of every row of `query`, as text.
    func rows(_ query: String, columns: Int) throws -> [[String?]] {
        let connection = try connection()
        return try withExtendedLifetime(connection) {
            let statement = try connection.statement(query)
            var rows: [[String?]] = []
            while try statement.step() { rows.append((0..<Int32(columns)).map { statement.isNull($0) ? nil : statement.string($0) }) }
            return rows
        }
    }

    /// The schema version `MLMDEnv` records; nil without the table.
    func version() throws -> Int64? {
        let (connection, migrations) = try MetadataStore.migrationConnection(config: config, backends: [.postgreSQL, .mySQL])
        guard try migrations.catalog.tables(on: connection).contains("mlmdenv") else { return nil }
        return try strings(#"SELECT "schema_version" FROM "MLMDEnv""#).first.flatMap { $0.flatMap { Int64($0) } }
    }

    /// A new database with the same tables, rows, keys and id counters.
    func copy() throws -> MigrationDatabase {
        let copy = Self.new(backend)
        switch backend {
        case .postgresql:
            // TEMPLATE copies everything, sequences included; it needs the source idle, as it is.
            var server = config
            server.postgresql.dbname = "postgres"
            let connection = try MetadataStore.migrationConnection(config: server, backends: [.postgreSQL]).connection
            try connection.execute("CREATE DATABASE \(copy.name) TEMPLATE \(name)")
        case .mysql:
            let connection = try connection()
            try connection.execute("CREATE DATABASE `\(copy.name)`")
            let tables = try strings("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()").compactMap { $0 }
            for table in tables {
                try connection.execute("CREATE TABLE `\(copy.name)`.`\(table)` LIKE `\(name)`.`\(table)`")
                try connection.execute("INSERT INTO `\(copy.name)`.`\(table)` SELECT * FROM `\(name)`.`\(table)`")
                let counter = try strings(
                    "SELECT auto_increment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '\(table)'")
                if let next = counter.first ?? nil {
                    try connection.execute("ALTER TABLE `\(copy.name)`.`\(table)` AUTO_INCREMENT = \(next)")
                }
            }
        default:
            try FileManager.default.copyItem(atPath: name, toPath: copy.name)
        }
        return copy
    }

    /// The schema and rows, normalised (`SchemaDump`).
    func dump() throws -> SchemaDump {
        try SchemaDump(connection())
    }
}
