import MLMDProtos
import PostgresNIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A store's database on a PostgreSQL server, laid out as ml-metadata's schema version 10 for
/// PostgreSQL, so that ml-metadata configured with the same `postgresql` connection shares it.
final class PostgreSQLMetadataSource: @unchecked Sendable {
    // Unchecked: MetadataStore uses it only while holding its lock.
    private var connection: PostgreSQLConnection
    private let endpoint: PostgreSQLEndpoint
    private let database: String

    /// Connects to the database `config` names, creating it first unless `skip_db_creation`, and
    /// the schema and built-in types in it when they are missing.
    ///
    /// - Throws: INVALID_ARGUMENT for a config without a database name or user; UNAVAILABLE for
    ///   a server that cannot be reached; PERMISSION_DENIED for refused credentials;
    ///   FAILED_PRECONDITION for a database of another schema version.
    init(config: PostgreSQLDatabaseConfig) throws {
        let endpoint = try PostgreSQLEndpoint(config)
        guard !config.dbname.isEmpty else { throw MetadataStoreError(.invalidArgument, "postgresql config names no dbname") }
        if !config.skipDbCreation { try Self.createDatabaseIfMissing(config.dbname, on: endpoint) }
        connection = try PostgreSQLConnection(endpoint, database: config.dbname)
        self.endpoint = endpoint
        database = config.dbname
        try transaction(writing: true, retryingConflicts: false) { connection in try SchemaSetup(connection: connection).prepare(canWrite: true) }
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
        } catch let failure as DatabaseFailure where failure.code == "SQLSTATE 42P04" {
            // Another process created it meanwhile.
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }

    /// Tries after a lost conflict, counting the first; waits grow from 5 ms with some jitter, so
    /// that the servers that collided do not collide again.
    static let conflictAttempts = 5

    func transaction<T>(writing: Bool, retryingConflicts: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        if connection.isInTransaction { return try connection.inSavepoint(body) }
        var attempt = 1
        while true {
            do {
                return try transaction(body)
            } catch let error as MetadataStoreError where error.code == .aborted && retryingConflicts && attempt < Self.conflictAttempts {
                usleep(UInt32(5_000 * attempt + Int.random(in: 0 ..< 5_000)))
                attempt += 1
            }
        }
    }

    private func transaction<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        try begin()
        return try connection.committing(body)
    }

    /// Opens a transaction on a live connection: a connection the server closed (it restarted,
    /// or an administrator ended the session) is replaced first, once.
    private func begin() throws {
        do {
            if connection.isClosed { try reconnect() }
            try connection.execute("BEGIN")
        } catch let failure as DatabaseFailure where failure.kind == .unavailable {
            try reconnect()
            do {
                try connection.execute("BEGIN")
            } catch let failure as DatabaseFailure {
                throw failure.storeError
            }
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }

    private func reconnect() throws {
        connection = try PostgreSQLConnection(endpoint, database: database)
    }
}

extension PostgreSQLMetadataSource: MetadataSource {}
