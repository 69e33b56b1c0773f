import MLMDProtos
import MLMetadata
import PostgresNIO

/// The SQLSTATEs the PostgreSQL backend acts on (PostgreSQL's "Error Codes" appendix).
extension SQLState {
    static let uniqueViolation = SQLState(rawValue: "23505")
    static let serializationFailure = SQLState(rawValue: "40001")
    static let deadlockDetected = SQLState(rawValue: "40P01")
    static let lockNotAvailable = SQLState(rawValue: "55P03")
    static let diskFull = SQLState(rawValue: "53100")
    static let adminShutdown = SQLState(rawValue: "57P01")
    static let crashShutdown = SQLState(rawValue: "57P02")
    static let cannotConnectNow = SQLState(rawValue: "57P03")
    static let connectionException = SQLState(rawValue: "08000")
    static let connectionDoesNotExist = SQLState(rawValue: "08003")
    static let connectionFailure = SQLState(rawValue: "08006")
    static let programLimitExceeded = SQLState(rawValue: "54000")
    static let invalidPassword = SQLState(rawValue: "28P01")
    static let invalidAuthorization = SQLState(rawValue: "28000")
    static let duplicateDatabase = SQLState(rawValue: "42P04")

    /// Class 22, data exceptions: a value the database cannot hold.
    var isDataException: Bool { errorClass == "22" }
}

extension DatabaseFailure {
    /// The failure for an error from PostgreSQL or from the connection to it.
    init(postgres error: any Error) {
        guard let error = error as? PSQLError else {
            self.init(kind: .unavailable, code: .client(database: "PostgreSQL", reason: nil), message: "\(error)")
            return
        }
        guard let rawState = error.serverInfo?[.sqlState] else {
            let kind: Kind =
                switch error.code {
                case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: .unavailable
                default: .other
                }
            self.init(
                kind: kind, code: .client(database: "PostgreSQL", reason: "\(error.code)"),
                message: error.underlying.map { "\($0)" } ?? "\(error.code)")
            return
        }
        let message = error.serverInfo?[.message] ?? "\(error.code)"
        let state = SQLState(rawValue: rawState)
        let kind: Kind =
            switch state {
            case .uniqueViolation: .uniqueViolation
            // The transaction lost a conflict or a lock wait: retry it.
            case .serializationFailure, .deadlockDetected, .lockNotAvailable: .busy
            case .diskFull: .diskFull
            case .adminShutdown, .crashShutdown, .cannotConnectNow, .connectionException, .connectionDoesNotExist,
                .connectionFailure:
                .unavailable
            // Data exceptions: the caller's value (a NUL byte in text, an int past int4), not the store;
            // a program limit: a value too long for an index entry (a megabyte uri).
            case _ where state.isDataException, .programLimitExceeded: .invalidValue
            default: .other
            }
        self.init(kind: kind, code: .sqlState(state), message: message)
    }

    /// The store error for a failed connection at start: PERMISSION_DENIED for refused
    /// credentials, UNAVAILABLE for anything else (a server that cannot be reached), with what
    /// the server said.
    func connectError(location: String) -> MetadataStoreError {
        switch code {
        case .sqlState(.invalidPassword), .sqlState(.invalidAuthorization):
            MetadataStoreError(.permissionDenied, "cannot connect to PostgreSQL at \(location): \(message)")
        default:
            MetadataStoreError(.unavailable, "cannot connect to PostgreSQL at \(location): \(message)")
        }
    }
}
