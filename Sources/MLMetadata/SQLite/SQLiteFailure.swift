import CSQLite

/// The result codes the SQLite backend acts on.
extension SQLiteResultCode {
    static let busy = SQLiteResultCode(rawValue: SQLITE_BUSY)
    static let locked = SQLiteResultCode(rawValue: SQLITE_LOCKED)
    static let full = SQLiteResultCode(rawValue: SQLITE_FULL)
    static let readOnly = SQLiteResultCode(rawValue: SQLITE_READONLY)
    static let cannotOpen = SQLiteResultCode(rawValue: SQLITE_CANTOPEN)
    // The extended codes are C macros that Swift does not import: the primary code plus a number
    // in the second byte.
    static let constraintPrimaryKey = SQLiteResultCode(rawValue: SQLITE_CONSTRAINT | 6 << 8)
    static let constraintUnique = SQLiteResultCode(rawValue: SQLITE_CONSTRAINT | 8 << 8)
}

extension DatabaseFailure {
    /// The failure for SQLite's (extended) result code `status`.
    init(sqliteStatus status: Int32, message: String) {
        let code = SQLiteResultCode(rawValue: status)
        let kind: Kind =
            switch code {
            case .constraintUnique, .constraintPrimaryKey: .uniqueViolation
            default:
                switch code.primary {
                case .busy, .locked: .busy
                case .full: .diskFull
                case .readOnly: .readOnly
                case .cannotOpen: .cannotOpen
                default: .other
                }
            }
        self.init(kind: kind, code: .sqlite(code), message: message)
    }
}
