import MLMDProtos
import MLMetadata

/// A store's database on a PostgreSQL server, laid out as ml-metadata's schema version 10 for
/// PostgreSQL.
enum PostgreSQLMetadataSource {
    /// Connects to the database `config` names, creating it first unless `skip_db_creation`;
    /// with `upgrade`, a database of an older schema version is upgraded to 10.
    ///
    /// - Throws: INVALID_ARGUMENT for a config without a database name or user; UNAVAILABLE for
    ///   a server that cannot be reached; PERMISSION_DENIED for refused credentials;
    ///   FAILED_PRECONDITION for a database of another schema version.
    static func open(_ config: PostgreSQLDatabaseConfig, upgrade: Bool = false) throws -> ServerMetadataSource {
        let endpoint = try PostgreSQLEndpoint(config)
        guard !config.dbname.isEmpty else { throw MetadataStoreError(.invalidArgument, "postgresql config names no dbname") }
        if !config.skipDbCreation { try createDatabaseIfMissing(config.dbname, on: endpoint) }
        return try ServerMetadataSource(layout: PostgreSQLSchemaV10.layout, upgrade: upgrade) {
            try PostgreSQLConnection(endpoint, database: config.dbname)
        }
    }

    /// A connection to the database `config` names, which must exist, for a migration.
    static func connect(_ config: PostgreSQLDatabaseConfig) throws -> PostgreSQLConnection {
        let endpoint = try PostgreSQLEndpoint(config)
        guard !config.dbname.isEmpty else { throw MetadataStoreError(.invalidArgument, "postgresql config names no dbname") }
        return try PostgreSQLConnection(endpoint, database: config.dbname)
    }

    /// ml-metadata does the same from the `postgres` database: look the name up, create it if absent.
    private static func createDatabaseIfMissing(_ name: String, on endpoint: PostgreSQLEndpoint) throws {
        let server = try PostgreSQLConnection(endpoint, database: "postgres")
        let lookup = try server.statement("SELECT 1 FROM pg_database WHERE datname = ?")
        lookup.bind(name, at: 1)
        guard try !lookup.step() else { return }
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        do {
            try server.execute("CREATE DATABASE \(quoted)")
        } catch let failure as DatabaseFailure where failure.code == .sqlState(.duplicateDatabase) {
            // Another process created it meanwhile.
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }
}

extension PostgreSQLConnection: ServerConnection {
    var isBroken: Bool { isClosed }
}
