import MLMDProtos
import ProtoWire

/// The error of a Connect unary call: an HTTP status for the code, and the JSON body
/// `{"code":"not_found","message":"…"}`, as the Connect protocol maps them.
struct ConnectError: Error {
    let code: MetadataStoreError.Code
    let message: String
    /// The HTTP status, when the situation has a more precise one than the code's (413 for a
    /// request over the size limit).
    var statusOverride: Int?

    init(_ error: MetadataStoreError, status: Int? = nil) {
        code = error.code
        message = error.message
        statusOverride = status
    }

    var status: Int { statusOverride ?? Self.status(of: code) }

    /// Connect's name of the code: gRPC's, in lower snake case.
    var codeName: String { code.name.lowercased() }

    var body: [UInt8] {
        Array(#"{"code":"\#(codeName)","message":\#(JSONPrinter.quoted(message))}"#.utf8)
    }

    static func status(of code: MetadataStoreError.Code) -> Int {
        switch code {
        case .cancelled: 499
        case .invalidArgument, .failedPrecondition, .outOfRange: 400
        case .deadlineExceeded: 504
        case .notFound: 404
        case .alreadyExists, .aborted: 409
        case .permissionDenied: 403
        case .resourceExhausted: 429
        case .unimplemented: 501
        case .unavailable: 503
        case .unauthenticated: 401
        default: 500
        }
    }
}
