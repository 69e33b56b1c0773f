import CSQLite
import MLMDProtos

/// One SQLite database handle: opened in `init`, closed in `deinit`, with its prepared
/// statements cached by SQL text. Not thread-safe: its owner serializes access.
final class SQLiteConnection: DatabaseConnection {
    /// How to open the file, as ml-metadata's `SqliteMetadataSourceConfig.ConnectionMode`.
    enum OpenMode {
        case readOnly, readWrite, readWriteCreate
    }

    private let handle: OpaquePointer
    private var statements = StatementCache<String, SQLiteStatement>()
    private var keyedStatements = StatementCache<StatementKey, SQLiteStatement>()
    /// Statements of `recentStatement`, least recently used first.
    private var recentStatements: [(sql: String, statement: SQLiteStatement)] = []
    /// The file name or URI it was opened with, for messages.
    let location: String
    private let checkpoints = CheckpointPolicy()
    var dialect: SQLDialect { .sqlite }
    var returnsInsertedIDs: Bool { false }

    /// Opens `location` (a path, a `file:` URI, or `:memory:`). A busy database is retried for up
    /// to `busyTimeoutMilliseconds` before a statement fails with `SQLITE_BUSY`.
    init(location: String, mode: OpenMode, busyTimeoutMilliseconds: Int32) throws {
        var flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(location, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            throw MetadataStoreError(.internal, "cannot open SQLite database \(location): \(message)")
        }
        self.handle = handle
        self.location = location
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(handle, 1)
        checkpoints.install(on: handle)
    }

    deinit {
        statements.removeAll()  // finalize statements before closing the handle
        keyedStatements.removeAll()
        recentStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without parameters (DDL, transaction control).
    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard status == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_free(errorMessage)
            throw DatabaseFailure(sqliteStatus: status, message: message)
        }
    }

    /// A prepared statement for `sql`, reset and with no bindings; prepared once per connection.
    func statement(_ sql: String) throws -> any DatabaseStatement {
        try statements.statement(sql) { try prepare(sql) }
    }

    /// The prepared statement named `key`, reset and with no bindings; `sql` builds its text the
    /// first time. For long SQL (many placeholders), where hashing the text on every call would
    /// cost more than running a small statement.
    func statement(_ key: StatementKey, sql: () -> String) throws -> any DatabaseStatement {
        try keyedStatements.statement(key) { try prepare(sql()) }
    }

    /// A statement for SQL that varies with user input (filter queries, lists of ids), reset and
    /// with no bindings. It is not kept with the fixed statements, only among the last
    /// `recentLimit` of its kind, so that a query asked again (the same filter, page after page)
    /// is not prepared again, which costs more than running a small one. Callers finish with it
    /// before asking for the same SQL again.
    func recentStatement(_ sql: String) throws -> any DatabaseStatement {
        if let index = recentStatements.firstIndex(where: { $0.sql == sql }) {
            let recent = recentStatements.remove(at: index)
            recentStatements.append(recent)
            recent.statement.reset()
            return recent.statement
        }
        let statement = try prepare(sql)
        if recentStatements.count == Self.recentLimit { recentStatements.removeFirst() }
        recentStatements.append((sql, statement))
        return statement
    }

    private static let recentLimit = 16

    private func prepare(_ sql: String) throws -> SQLiteStatement {
        var prepared: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard status == SQLITE_OK, let prepared else {
            throw DatabaseFailure(sqliteStatus: status, message: "\(lastErrorMessage) in: \(sql)")
        }
        return SQLiteStatement(prepared, connection: self)
    }

    /// Resets every cached statement. A statement left on a row keeps its read lock even after
    /// COMMIT, which would block other connections' writers; transactions end with this.
    func resetStatements() {
        statements.resetAll()
        keyedStatements.resetAll()
        for recent in recentStatements { recent.statement.reset() }
    }

    /// One INSERT puts its rows in order, each taking the next id (AUTOINCREMENT ids only grow,
    /// and the transaction holds the write lock), so the ids are the last `rows` ones.
    func insertedIDs(running insert: any DatabaseStatement, rows: Int) throws -> [Int64] {
        while try insert.step() {}
        let last = sqlite3_last_insert_rowid(handle)
        return Array(last - Int64(rows) + 1...last)
    }

    /// A failed statement leaves the transaction as it was before it.
    func recoverable<T>(_ body: () throws -> T) throws -> T { try body() }

    /// True while a transaction is open.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
