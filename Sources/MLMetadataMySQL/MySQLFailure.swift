import CMariaDB
import MLMDProtos
import MLMetadata

/// The error numbers the MySQL backend acts on: the server's (below 2000, MySQL's and MariaDB's
/// "Server Error Message Reference") and the client library's (from 2000).
extension MySQLErrorNumber {
    static let diskFull = MySQLErrorNumber(rawValue: 1021)
    static let accessDeniedToDatabase = MySQLErrorNumber(rawValue: 1044)
    static let accessDenied = MySQLErrorNumber(rawValue: 1045)
    static let unknownDatabase = MySQLErrorNumber(rawValue: 1049)
    static let serverShutdown = MySQLErrorNumber(rawValue: 1053)
    static let duplicateKeyName = MySQLErrorNumber(rawValue: 1061)
    static let duplicateEntry = MySQLErrorNumber(rawValue: 1062)
    static let tableFull = MySQLErrorNumber(rawValue: 1114)
    static let packetTooLarge = MySQLErrorNumber(rawValue: 1153)
    static let lockWaitTimeout = MySQLErrorNumber(rawValue: 1205)
    static let lockDeadlock = MySQLErrorNumber(rawValue: 1213)
    static let outOfRange = MySQLErrorNumber(rawValue: 1264)
    static let invalidCharacterString = MySQLErrorNumber(rawValue: 1300)
    static let incorrectValue = MySQLErrorNumber(rawValue: 1366)
    static let dataTooLong = MySQLErrorNumber(rawValue: 1406)
    static let duplicateEntryWithKeyName = MySQLErrorNumber(rawValue: 1586)
    static let accessDeniedWithoutPassword = MySQLErrorNumber(rawValue: 1698)
    static let connectionKilled = MySQLErrorNumber(rawValue: 1927)
    static let cannotConnect = MySQLErrorNumber(rawValue: 2002)
    static let cannotConnectToHost = MySQLErrorNumber(rawValue: 2003)
    static let serverGone = MySQLErrorNumber(rawValue: 2006)
    static let serverLost = MySQLErrorNumber(rawValue: 2013)
    static let serverLostExtended = MySQLErrorNumber(rawValue: 2055)
}

extension DatabaseFailure {
    /// The failure the connection `handle` reports for its last call.
    init(mysql handle: OpaquePointer, _ library: UnsafePointer<mdb_functions>) {
        let api = library.pointee
        self.init(
            mysqlErrno: api.errno_(handle), sqlState: String(cString: api.sqlstate(handle)),
            message: String(cString: api.error(handle)))
    }

    /// The failure the statement `handle` reports for its last call.
    init(statement handle: OpaquePointer, _ library: UnsafePointer<mdb_functions>) {
        let api = library.pointee
        self.init(
            mysqlErrno: api.stmt_errno(handle), sqlState: String(cString: api.stmt_sqlstate(handle)),
            message: String(cString: api.stmt_error(handle)))
    }

    /// Sorts MySQL's error numbers.
    init(mysqlErrno rawNumber: UInt32, sqlState: String, message: String) {
        let number = MySQLErrorNumber(rawValue: rawNumber)
        let kind: Kind =
            switch number {
            case .duplicateEntry, .duplicateEntryWithKeyName: .uniqueViolation
            // A deadlock (which rolled the transaction back) or a lock wait past its limit: retry.
            case .lockDeadlock, .lockWaitTimeout: .busy
            case .tableFull, .diskFull: .diskFull
            // The server went away, is shutting down, or ended this session.
            case .serverGone, .serverLost, .serverLostExtended, .cannotConnect, .cannotConnectToHost, .serverShutdown,
                .connectionKilled:
                .unavailable
            // A value the column cannot hold: out of range, too long, not valid in the column's
            // character set; or a request past the server's packet limit (max_allowed_packet).
            case .outOfRange, .dataTooLong, .incorrectValue, .invalidCharacterString, .packetTooLarge: .invalidValue
            case _ where sqlState.hasPrefix("22"): .invalidValue
            // An index whose name the table has already: another process set up the same database.
            case .duplicateKeyName: .duplicateName
            default: .other
            }
        self.init(kind: kind, code: .mysql(number), message: message)
    }

    /// The store error for a connection that could not be made: PERMISSION_DENIED for refused
    /// credentials, NOT_FOUND for a database that is not there (`skip_db_creation`), UNAVAILABLE
    /// for a server that cannot be reached.
    func mysqlConnectError(location: String) -> MetadataStoreError {
        let status: MetadataStoreError.Code =
            switch code {
            case .mysql(.accessDenied), .mysql(.accessDeniedToDatabase), .mysql(.accessDeniedWithoutPassword): .permissionDenied
            case .mysql(.unknownDatabase): .notFound
            default: .unavailable
            }
        return MetadataStoreError(status, "cannot connect to MySQL at \(location): \(message) (\(code))")
    }
}
