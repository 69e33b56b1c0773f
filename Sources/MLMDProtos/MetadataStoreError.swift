/// An error from the metadata store: a canonical status code, as ml-metadata and gRPC use them,
/// and a message that says what went wrong.
///
/// ```swift
/// do { _ = try store.getArtifactType(named: "Model") }
/// catch let error as MetadataStoreError where error.code == .notFound { ... }
/// ```
public struct MetadataStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Canonical status codes; the raw values are gRPC's.
    public enum Code: Int, Sendable, CaseIterable {
        case cancelled = 1
        case unknown = 2
        case invalidArgument = 3
        case deadlineExceeded = 4
        case notFound = 5
        case alreadyExists = 6
        case permissionDenied = 7
        case resourceExhausted = 8
        case failedPrecondition = 9
        case aborted = 10
        case outOfRange = 11
        case unimplemented = 12
        case `internal` = 13
        case unavailable = 14
        case dataLoss = 15
        case unauthenticated = 16
    }

    /// The status code.
    public var code: Code
    /// What went wrong, for people.
    public var message: String

    /// An error with `code` and `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `INVALID_ARGUMENT: message`, as status errors print.
    public var description: String { "\(code.name): \(message)" }
}

extension MetadataStoreError.Code {
    /// The name in upper snake case, e.g. `INVALID_ARGUMENT`.
    public var name: String {
        switch self {
        case .cancelled: "CANCELLED"
        case .unknown: "UNKNOWN"
        case .invalidArgument: "INVALID_ARGUMENT"
        case .deadlineExceeded: "DEADLINE_EXCEEDED"
        case .notFound: "NOT_FOUND"
        case .alreadyExists: "ALREADY_EXISTS"
        case .permissionDenied: "PERMISSION_DENIED"
        case .resourceExhausted: "RESOURCE_EXHAUSTED"
        case .failedPrecondition: "FAILED_PRECONDITION"
        case .aborted: "ABORTED"
        case .outOfRange: "OUT_OF_RANGE"
        case .unimplemented: "UNIMPLEMENTED"
        case .internal: "INTERNAL"
        case .unavailable: "UNAVAILABLE"
        case .dataLoss: "DATA_LOSS"
        case .unauthenticated: "UNAUTHENTICATED"
        }
    }
}
