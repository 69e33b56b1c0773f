import MLMDProtos
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A store's database on a MySQL or MariaDB server, laid out as ml-metadata's schema version 10
/// for MySQL, so that ml-metadata configured with the same `mysql` connection shares it.
final class MySQLMetadataSource: @unchecked Sendable {
    // Unchecked: MetadataStore uses it only while holding its lock.
    private var connection: MySQLConnection
    private let endpoint: MySQLEndpoint
    private let database: String

    /// Connects to the database `config` names, creating it first unless `skip_db_creation`, and
    /// the schema and built-in types in it when they are missing.
    ///
    /// - Throws: INVALID_ARGUMENT for a config without a database name or user; UNAVAILABLE for
    ///   a server that cannot be reached; PERMISSION_DENIED for refused credentials;
    ///   FAILED_PRECONDITION for a database of another schema version.
    init(config: MySQLDatabaseConfig) throws {
        let endpoint = try MySQLEndpoint(config)
        guard !config.database.isEmpty else { throw MetadataStoreError(.invalidArgument, "mysql config names no database") }
        if !config.skipDbCreation { try Self.createDatabaseIfMissing(config.database, on: endpoint) }
        connection = try MySQLConnection(endpoint, database: config.database)
        self.endpoint = endpoint
        database = config.database
        try transaction(writing: true, retryingConflicts: true) { connection in try SchemaSetup(connection: connection).prepare(canWrite: true) }
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

    /// Tries after a deadlock or a lock wait past its limit, counting the first; waits grow from
    /// 5 ms with some jitter, so that the connections that collided do not collide again.
    static let conflictAttempts = 5

    func transaction<T>(writing: Bool, retryingConflicts: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        if connection.isInTransaction { return try connection.inSavepoint(body) }
        var attempt = 1
        while true {
            do {
                try begin()
                return try connection.committing(body)
            } catch let error as MetadataStoreError where error.code == .aborted && retryingConflicts && attempt < Self.conflictAttempts {
                usleep(UInt32(5_000 * attempt + Int.random(in: 0 ..< 5_000)))
                attempt += 1
            }
        }
    }

    /// Opens a transaction on a live connection: a connection that broke (the server restarted,
    /// or ended the session) is replaced first, once.
    private func begin() throws {
        do {
            if connection.isBroken { try reconnect() }
            try connection.execute("START TRANSACTION")
        } catch let failure as DatabaseFailure where failure.kind == .unavailable {
            try reconnect()
            do {
                try connection.execute("START TRANSACTION")
            } catch let failure as DatabaseFailure {
                throw failure.storeError
            }
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }

    private func reconnect() throws {
        connection = try MySQLConnection(endpoint, database: database)
    }
}

extension MySQLMetadataSource: MetadataSource {}
