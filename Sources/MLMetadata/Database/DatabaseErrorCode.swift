/// A database's own code for a failed call, kept for matching and for messages. Each backend names
/// the codes it acts on (`SQLiteResultCode.constraint`, `SQLState.duplicateDatabase`,
/// `MySQLErrorNumber.lockDeadlock`), so that no code is compared as text.
package enum DatabaseErrorCode: Hashable, Sendable, CustomStringConvertible {
    /// An SQLite result code.
    case sqlite(SQLiteResultCode)
    /// A PostgreSQL SQLSTATE.
    case sqlState(SQLState)
    /// A MySQL or MariaDB error number: the server's below 2000, the client library's from 2000 on.
    case mysql(MySQLErrorNumber)
    /// A failure the client library found on its side, before any database answered (a closed
    /// connection, say), with what the client calls it.
    case client(database: String, reason: String?)

    package var description: String {
        switch self {
        case .sqlite(let code): "SQLite error \(code.rawValue)"
        case .sqlState(let state): "SQLSTATE \(state.rawValue)"
        case .mysql(let number): "MySQL error \(number.rawValue)"
        case .client(let database, let reason?): "\(database) \(reason)"
        case .client(let database, nil): database
        }
    }
}

/// An SQLite result code, extended (`SQLITE_CONSTRAINT_UNIQUE`, 2067) or primary (`SQLITE_BUSY`, 5).
package struct SQLiteResultCode: RawRepresentable, Hashable, Sendable {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code, the low byte of an extended one.
    package var primary: SQLiteResultCode { SQLiteResultCode(rawValue: rawValue & 0xff) }
}

/// PostgreSQL's five-character error code; its first two characters name the class.
package struct SQLState: RawRepresentable, Hashable, Sendable {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }

    /// The class, e.g. `22` for data exceptions.
    package var errorClass: Substring { rawValue.prefix(2) }
}

/// A MySQL or MariaDB error number.
package struct MySQLErrorNumber: RawRepresentable, Hashable, Sendable {
    package let rawValue: UInt32
    package init(rawValue: UInt32) { self.rawValue = rawValue }
}
