import MLMDProtos

/// The database behind a store: an SQLite file, or an in-memory SQLite database for
/// `fake_database`, laid out as ml-metadata's schema version 10.
///
/// Every store call runs in one transaction through `transaction(writing:_:)`: committed whole, or
/// rolled back whole when the call throws.
final class SQLiteMetadataSource: @unchecked Sendable {
    // Unchecked: MetadataStore uses it only while holding its lock.
    let connection: SQLiteConnection

    /// How long a call waits for another process's write lock before it fails with ABORTED.
    static let defaultBusyTimeoutMilliseconds: Int32 = 10_000

    /// Opens the database `config` names, creating the schema (and the nine built-in types) in a
    /// new file, and checking the schema version of an existing one, which `upgrade` brings from
    /// an older version to 10.
    ///
    /// - Throws: `FAILED_PRECONDITION` for a file of another schema version (nothing is written),
    ///   `ABORTED` for a file with only some of the tables or one being set up by another process,
    ///   `INVALID_ARGUMENT` for a configuration this backend does not serve.
    init(config: ConnectionConfig, busyTimeoutMilliseconds: Int32 = defaultBusyTimeoutMilliseconds, upgrade: Bool = false) throws {
        let (location, mode) = try Self.database(config)
        connection = try SQLiteConnection(location: location, mode: mode, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        try tuneConnection()
        if mode != .readOnly && location != ":memory:" { try useWriteAheadLogIfNew() }
        try transaction(writing: mode != .readOnly) { connection in
            try SchemaSetup(connection: connection, layout: SQLiteSchemaV10.layout).prepare(canWrite: mode != .readOnly, upgrade: upgrade)
        }
    }

    /// The file (or `:memory:`) `config` names, and how to open it.
    private static func database(_ config: ConnectionConfig) throws -> (location: String, mode: SQLiteConnection.OpenMode) {
        switch config.config {
        case .fakeDatabase?:
            return (":memory:", .readWriteCreate)
        case .sqlite(let sqlite)?:
            let location = sqlite.filenameURI.isEmpty ? ":memory:" : sqlite.filenameURI
            switch sqlite.connectionMode {
            case .readonly: return (location, .readOnly)
            case .readwrite: return (location, .readWrite)
            case .unknown, .readwriteOpencreate: return (location, .readWriteCreate)
            }
        case .mysql?, .postgresql?:
            throw MetadataStoreError(.invalidArgument, "a database server's config opens its own source, not an SQLite one")
        case nil:
            throw MetadataStoreError(.invalidArgument, "connection config names no database")
        }
    }

    /// How long a migration waits for another process's write lock (another migration of the same
    /// file, say) before it gives up.
    static let migrationBusyTimeoutMilliseconds: Int32 = 600_000

    /// A connection to the file `config` names, for a migration: never created, never in memory
    /// (which is always at version 10).
    static func migrationConnection(_ config: ConnectionConfig) throws -> SQLiteConnection {
        let (location, _) = try database(config)
        guard location != ":memory:", !location.contains("mode=memory") else {
            throw MetadataStoreError(.failedPrecondition, "a store in memory is always at schema version 10; there is nothing to migrate")
        }
        return try SQLiteConnection(location: location, mode: .readWrite, busyTimeoutMilliseconds: migrationBusyTimeoutMilliseconds)
    }

    /// Settings of this connection only; nothing of them is kept in the file.
    private func tuneConnection() throws {
        do {
            // Multi-row INSERTs keep a statement journal (to undo just the statement on a
            // constraint error); past 64 KiB SQLite moves it to a temporary file, which cost a
            // file and thousands of writes per batch. It is discarded when the statement ends.
            try connection.execute("PRAGMA temp_store = MEMORY")
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }

    /// Puts a file this store creates into write-ahead-log mode: one sync per commit instead of a
    /// rollback journal's several, which makes single-call writes about three times faster. The
    /// mode is kept in the file, and ml-metadata's SQLite reads it; files that already exist keep
    /// the journal mode they have.
    private func useWriteAheadLogIfNew() throws {
        do {
            let tables = try connection.statement(#"SELECT count(*) FROM "sqlite_master""#)
            // Reset in every case: a statement left on its row would keep a migration from dropping tables.
            defer { tables.reset() }
            guard try tables.step(), tables.int64(0) == 0 else { return }
            tables.reset()
            try connection.execute("PRAGMA journal_mode=WAL")
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }

    /// Runs `body` in one transaction. A writing transaction takes the write lock up front
    /// (`BEGIN IMMEDIATE`), so two writers never deadlock on lock upgrades; a busy database is
    /// retried for the busy timeout and then reported as ABORTED.
    func transaction<T>(writing: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        if connection.isInTransaction { return try connection.inSavepoint(body) }
        do {
            try connection.execute(writing ? "BEGIN IMMEDIATE" : "BEGIN")
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
        return try connection.committing(body)
    }
}
