import CSQLite

/// A prepared statement: bind with `bind(_:at:)` (1-based), then `step()` through the rows.
/// Finalized in `deinit`.
final class SQLiteStatement: DatabaseStatement {
    private let handle: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(_ handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Back to the start, with every parameter unbound.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Binding

    /// Binds `value` to the parameter at `index` (1-based); nil binds NULL.
    func bind(_ value: Int64?, at index: Int32) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ value: Double?, at index: Int32) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ value: String?, at index: Int32) {
        guard var value else { sqlite3_bind_null(handle, index); return }
        // The byte count saves SQLite a strlen; SQLITE_TRANSIENT: SQLite copies the text before
        // this call returns.
        value.withUTF8 { bytes in
            // A NULL pointer would bind NULL, not "".
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, index, "", 0, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                return
            }
            start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                _ = sqlite3_bind_text(handle, index, text, Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
    }

    // MARK: Stepping

    /// Advances to the next row; false when there are no more.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status:
            let failure = DatabaseFailure(sqliteStatus: status, message: connection.lastErrorMessage)
            sqlite3_reset(handle)
            throw failure
        }
    }

    // MARK: Columns of the current row (0-based)

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}
