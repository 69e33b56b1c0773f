import MLMDProtos
import MLMetadata

/// A store's database on a MySQL or MariaDB server, laid out as ml-metadata's schema version 10
/// for MySQL.
enum MySQLMetadataSource {
    /// Connects to the database `config` names, creating it first unless `skip_db_creation`;
    /// with `upgrade`, a database of an older schema version is upgraded to 10.
    ///
    /// - Throws: INVALID_ARGUMENT for a config without a database name or user; UNAVAILABLE for
    ///   a server that cannot be reached; PERMISSION_DENIED for refused credentials; NOT_FOUND for
    ///   a missing database with `skip_db_creation`; FAILED_PRECONDITION for a database of another
    ///   schema version.
    static func open(_ config: MySQLDatabaseConfig, upgrade: Bool = false) throws -> ServerMetadataSource {
        let endpoint = try MySQLEndpoint(config)
        guard !config.database.isEmpty else { throw MetadataStoreError(.invalidArgument, "mysql config names no database") }
        if !config.skipDbCreation { try createDatabaseIfMissing(config.database, on: endpoint) }
        return try ServerMetadataSource(layout: MySQLSchemaV10.layout, upgrade: upgrade) {
            try MySQLConnection(endpoint, database: config.database)
        }
    }

    /// A connection to the database `config` names, which must exist, for a migration.
    static func connect(_ config: MySQLDatabaseConfig) throws -> MySQLConnection {
        let endpoint = try MySQLEndpoint(config)
        guard !config.database.isEmpty else { throw MetadataStoreError(.invalidArgument, "mysql config names no database") }
        return try MySQLConnection(endpoint, database: config.database)
    }

    /// As ml-metadata does: `CREATE DATABASE IF NOT EXISTS` on a connection to no database.
    private static func createDatabaseIfMissing(_ name: String, on endpoint: MySQLEndpoint) throws {
        let server = try MySQLConnection(endpoint, database: nil)
        let quoted = "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        do {
            try server.execute("CREATE DATABASE IF NOT EXISTS \(quoted)")
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }
}

extension MySQLConnection: ServerConnection {}
