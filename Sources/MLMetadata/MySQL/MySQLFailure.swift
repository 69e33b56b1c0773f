import CMariaDB

extension DatabaseFailure {
    /// The failure the connection `handle` reports for its last call.
    init(mysql handle: UnsafeMutablePointer<MYSQL>) {
        self.init(mysqlErrno: mysql_errno(handle), sqlState: String(cString: mysql_sqlstate(handle)),
                  message: String(cString: mysql_error(handle)))
    }

    /// The failure the statement `handle` reports for its last call.
    init(statement handle: UnsafeMutablePointer<MYSQL_STMT>, sql: String) {
        self.init(mysqlErrno: mysql_stmt_errno(handle), sqlState: String(cString: mysql_stmt_sqlstate(handle)),
                  message: String(cString: mysql_stmt_error(handle)))
    }

    /// Sorts MySQL's error numbers (server errors below 2000, client library errors 2000 and up).
    init(mysqlErrno number: UInt32, sqlState: String, message: String) {
        let kind: Kind = switch Int32(number) {
        case ER_DUP_ENTRY, ER_DUP_ENTRY_WITH_KEY_NAME: .uniqueViolation
        // A deadlock (which rolled the transaction back) or a lock wait past its limit: retry.
        case ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT: .busy
        case ER_RECORD_FILE_FULL, ER_DISK_FULL: .diskFull
        // The server went away, is shutting down, or ended this session.
        case CR_SERVER_GONE_ERROR, CR_SERVER_LOST, CR_SERVER_LOST_EXTENDED, CR_CONNECTION_ERROR, CR_CONN_HOST_ERROR,
             ER_SERVER_SHUTDOWN, ER_CONNECTION_KILLED:
            .unavailable
        // A value the column cannot hold: out of range, too long, not valid in the column's
        // character set; or a request past the server's packet limit (max_allowed_packet).
        case ER_WARN_DATA_OUT_OF_RANGE, ER_DATA_TOO_LONG, ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, ER_INVALID_CHARACTER_STRING,
             ER_NET_PACKET_TOO_LARGE:
            .invalidValue
        case _ where sqlState.hasPrefix("22"): .invalidValue
        default: .other
        }
        self.init(kind: kind, code: "MySQL error \(number)", message: message)
    }

    /// MySQL refused an index whose name the table already has (another process set up the
    /// same database meanwhile).
    var isDuplicateIndexName: Bool { code == "MySQL error \(ER_DUP_KEYNAME)" }

    /// The store error for a connection that could not be made: PERMISSION_DENIED for refused
    /// credentials, NOT_FOUND for a database that is not there (`skip_db_creation`), UNAVAILABLE
    /// for a server that cannot be reached.
    func mysqlConnectError(location: String) -> MetadataStoreError {
        let refused = [ER_ACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR, ER_ACCESS_DENIED_NO_PASSWORD_ERROR]
            .contains { code == "MySQL error \($0)" }
        let missing = code == "MySQL error \(ER_BAD_DB_ERROR)"
        return MetadataStoreError(refused ? .permissionDenied : missing ? .notFound : .unavailable,
                                  "cannot connect to MySQL at \(location): \(message) (\(code))")
    }
}
