import CMariaDB
import MLMDProtos
import MLMetadata

/// One connection to a MySQL or MariaDB database through MariaDB Connector/C: blocking calls on
/// the caller's thread, prepared statements cached by their SQL. Not thread-safe: its owner
/// serializes access.
final class MySQLConnection: DatabaseConnection {
    let handle: OpaquePointer
    /// MariaDB Connector/C's functions.
    let library: UnsafePointer<mdb_functions>
    private var statements = StatementCache<String, MySQLStatement>()
    private var keyedStatements = StatementCache<StatementKey, MySQLStatement>()
    /// `host:port/database`, for messages.
    let location: String
    var dialect: SQLDialect { .mysql }
    /// True for a server that hands back the ids of a multi-row INSERT (`INSERT … RETURNING`,
    /// MariaDB 10.5 and later). MySQL has no RETURNING, and its auto-increment ids of one
    /// statement need not be consecutive, so there new rows that need their ids go one at a time.
    let returnsInsertedIDs: Bool
    var maxRowsWithIDs: Int { returnsInsertedIDs ? MultiRowInsert.maxRows : 1 }
    /// Set when the connection broke (the server went away or timed out): it is not used again.
    private(set) var isBroken = false

    /// The longest a statement may wait for the server before the connection is given up as
    /// broken, so that a server gone silent cannot hold the store's lock for good. Longer than
    /// InnoDB's lock wait (50 s by default), which ends a wait with an error of its own.
    static let timeoutSeconds: UInt32 = 120

    /// Connects to `endpoint`; to `database` in it when one is given.
    init(_ endpoint: MySQLEndpoint, database: String?) throws {
        library = try MariaDBLibrary.functions()
        let api = library.pointee
        guard let handle = api.`init`(nil) else {
            throw MetadataStoreError(.resourceExhausted, "cannot connect to MySQL: out of memory")
        }
        self.handle = handle
        location = endpoint.description(database: database)
        var connectTimeout: UInt32 = 10
        var timeout = Self.timeoutSeconds
        _ = api.options(handle, MariaDBConstant.optionConnectTimeout, &connectTimeout)
        _ = api.options(handle, MariaDBConstant.optionReadTimeout, &timeout)
        _ = api.options(handle, MariaDBConstant.optionWriteTimeout, &timeout)
        // ml-metadata's client talks latin1 and sends its UTF-8 bytes as they are, so the server
        // keeps each byte as one latin1 character. Doing the same stores and reads back the very
        // bytes ml-metadata does; text written as utf8mb4 would read back garbled there.
        _ = api.options(handle, MariaDBConstant.optionCharacterSetName, "latin1")
        endpoint.tls.apply(to: handle, library)
        let connected = api.real_connect(
            handle, endpoint.host, endpoint.user, endpoint.password, database,
            UInt32(endpoint.port), endpoint.socket, 0)
        guard connected != nil else {
            let failure = DatabaseFailure(mysql: handle, library)
            api.close(handle)
            throw failure.mysqlConnectError(location: location)
        }
        let server = String(cString: api.get_server_info(handle))
        returnsInsertedIDs = server.contains("MariaDB") && api.get_server_version(handle) >= 10_05_00
        do {
            try configureSession()
        } catch let failure as DatabaseFailure {
            api.close(handle)
            throw failure.mysqlConnectError(location: location)
        }
    }

    deinit {
        statements.removeAll()  // close the statements before the connection
        keyedStatements.removeAll()
        library.pointee.close(handle)
    }

    /// The session the store's SQL expects, whatever the server's defaults:
    /// - strict mode, so that a value a column cannot hold is an error, not silently cut;
    /// - READ COMMITTED, so that a row another connection committed meanwhile (a context created
    ///   by another server) is seen by the next statement, as on PostgreSQL.
    private func configureSession() throws {
        try execute("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',STRICT_ALL_TABLES')")
        try execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
    }

    /// Runs `body`, a call into the library for `sql`, marking the connection broken when the
    /// server went away during it.
    func running<T>(_ sql: String, _ body: () throws -> T) throws -> T {
        guard !isBroken else {
            throw DatabaseFailure(
                kind: .unavailable, code: .client(database: "MySQL", reason: nil),
                message: "the connection to \(location) was lost")
        }
        do {
            return try body()
        } catch var failure as DatabaseFailure {
            if failure.kind == .unavailable { isBroken = true }
            if failure.kind == .other { failure.message += " in: \(sql)" }
            throw failure
        }
    }

    /// Runs a statement without parameters (DDL, transaction control), discarding any result.
    func execute(_ sql: String) throws {
        let translated = MySQLDialect.translate(sql)
        try running(translated) {
            let api = library.pointee
            guard api.real_query(handle, translated, UInt(translated.utf8.count)) == 0 else {
                throw DatabaseFailure(mysql: handle, library)
            }
            if let result = api.store_result(handle) { api.free_result(result) }
        }
    }

    func statement(_ sql: String) throws -> any DatabaseStatement {
        try statements.statement(sql) { try MySQLStatement(sql: sql, connection: self) }
    }

    func statement(_ key: StatementKey, sql: () -> String) throws -> any DatabaseStatement {
        try keyedStatements.statement(key) { try MySQLStatement(sql: sql(), connection: self) }
    }

    // Filter queries vary with the user's input: prepared each time, not kept.
    func recentStatement(_ sql: String) throws -> any DatabaseStatement {
        try MySQLStatement(sql: sql, connection: self)
    }

    func resetStatements() {
        statements.resetAll()
        keyedStatements.resetAll()
    }

    /// With RETURNING, one row per inserted row; without, the INSERT has one row, whose id the
    /// server reports.
    func insertedIDs(running insert: any DatabaseStatement, rows: Int) throws -> [Int64] {
        if returnsInsertedIDs {
            var ids: [Int64] = []
            ids.reserveCapacity(rows)
            while try insert.step() { ids.append(insert.int64(0)) }
            return ids
        }
        precondition(rows == 1, "MySQL reports the id of one inserted row only")
        while try insert.step() {}
        return [(insert as! MySQLStatement).insertID]
    }

    /// InnoDB undoes just the failed statement (a duplicate key); a deadlock, which ends the
    /// whole transaction, is not recovered from but retried from the start by the source.
    func recoverable<T>(_ body: () throws -> T) throws -> T { try body() }

    /// What the server says, so it is right after a deadlock ended the transaction too.
    var isInTransaction: Bool {
        guard !isBroken else { return false }
        var status: UInt32 = 0
        _ = library.pointee.get_info(handle, MariaDBConstant.infoServerStatus, &status)
        return status & MariaDBConstant.serverStatusInTransaction != 0
    }
}
