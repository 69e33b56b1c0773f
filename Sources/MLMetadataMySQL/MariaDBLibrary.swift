import CMariaDB
import MLMDProtos

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// MariaDB Connector/C, opened the first time a MySQL store is, so that the package builds and
/// runs without it and only MySQL users install it (Debian's `libmariadb3`). Where the dynamic
/// loader does not find it, `MLMD_MARIADB_LIBRARY` names the file.
enum MariaDBLibrary {
    /// The environment variable that names the library's file.
    static let pathVariable = "MLMD_MARIADB_LIBRARY"

    /// The library's functions, or the one-line error a user sees where it is missing.
    static func functions() throws -> UnsafePointer<mdb_functions> {
        try loaded.get()
    }

    // A lazy global, so it is loaded once, by whichever thread comes first. The table it points
    // to is written before that and only read after, so sharing it across threads is safe.
    nonisolated(unsafe) private static let loaded: Result<UnsafePointer<mdb_functions>, MetadataStoreError> = {
        var reason = [CChar](repeating: 0, count: 512)
        let path = getenv(pathVariable).flatMap { $0.pointee == 0 ? nil : String(cString: $0) }
        guard let functions = mdb_load(path, &reason, reason.count) else {
            let detail = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(
                MetadataStoreError(
                    .failedPrecondition,
                    "MySQL stores need MariaDB Connector/C: install the libmariadb3 package (apt-get install libmariadb3) (\(detail))"))
        }
        // Initializes the library once, before any thread opens a connection.
        _ = functions.pointee.server_init(0, nil, nil)
        return .success(functions)
    }()
}

/// The library's constants the backend uses (values of its `enum mysql_option`,
/// `enum enum_field_types` and friends, which are part of its binary interface).
enum MariaDBConstant {
    static let optionConnectTimeout: Int32 = 0
    static let optionCharacterSetName: Int32 = 7
    static let optionReadTimeout: Int32 = 11
    static let optionWriteTimeout: Int32 = 12
    static let optionVerifyServerCertificate: Int32 = 21

    /// `STMT_ATTR_UPDATE_MAX_LENGTH`: the result's metadata tells each column's longest value.
    static let statementUpdateMaxLength: Int32 = 0
    /// `MARIADB_CONNECTION_SERVER_STATUS`, for `get_info`.
    static let infoServerStatus: Int32 = 30
    /// `SERVER_STATUS_IN_TRANS`: a transaction is open on the session.
    static let serverStatusInTransaction: UInt32 = 1

    /// `mysql_stmt_fetch`: no more rows.
    static let noData: Int32 = 100
}

/// Column and parameter types (`enum enum_field_types`).
enum MariaDBFieldType {
    static let tiny: Int32 = 1
    static let short: Int32 = 2
    static let long: Int32 = 3
    static let float: Int32 = 4
    static let double: Int32 = 5
    static let null: Int32 = 6
    static let longLong: Int32 = 8
    static let int24: Int32 = 9
    static let year: Int32 = 13
    static let blob: Int32 = 252
    static let string: Int32 = 254
}
