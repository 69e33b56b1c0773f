import MLMDProtos
import ProtoWire

/// One unary method the server offers, for whichever transport carries it: its service and
/// name, whether it changes the store (a read-only server refuses those), and how it answers.
struct ServiceMethod: Sendable {
    let service: String
    let name: String
    let changesStore: Bool
    /// Decodes the request's bytes (at most `maxRequestBytes`) in `format`, runs the call and
    /// encodes its response in the same format.
    let answerBytes: @Sendable (_ request: [UInt8], _ format: MessageFormat, _ maxRequestBytes: Int) async throws -> [UInt8]

    /// The path gRPC, gRPC-Web and Connect all call it by: `/SERVICE/METHOD`.
    var path: String { "/\(service)/\(name)" }

    init<Request: ProtoMessage, Response: ProtoMessage>(
        service: String, name: String, changesStore: Bool, _ body: @escaping @Sendable (Request) async throws -> Response
    ) {
        self.service = service
        self.name = name
        self.changesStore = changesStore
        answerBytes = { bytes, format, maxRequestBytes in
            guard bytes.count <= maxRequestBytes else {
                throw MetadataStoreError(
                    .resourceExhausted,
                    "\(Request.protoMessageName) of \(bytes.count) bytes is over the server's limit of \(maxRequestBytes) bytes")
            }
            let request: Request
            do {
                switch format {
                case .binary: request = try Request(serializedBytes: bytes)
                case .json: request = try Request(jsonUTF8Bytes: bytes)
                }
            } catch {
                throw MetadataStoreError(.invalidArgument, "cannot decode \(Request.protoMessageName): \(error)")
            }
            let response = try await body(request)
            switch format {
            case .binary: return response.serializedBytes()
            case .json:
                do {
                    return try response.jsonUTF8Bytes(options: JSONEncodingOptions(indent: nil))
                } catch {
                    throw MetadataStoreError(.internal, "the \(Response.protoMessageName) has no JSON form: \(error)")
                }
            }
        }
    }
}

/// How a request and its response are encoded.
enum MessageFormat {
    /// Protobuf's binary format (`application/proto`, gRPC-Web).
    case binary
    /// The proto3 JSON mapping (`application/json`).
    case json
}

/// Where a service's methods are registered: the gRPC router, or the table the HTTP listener
/// answers from. Each service lists its methods once, for every transport.
protocol ServiceMethodSink {
    mutating func add<Request: ProtoMessage, Response: ProtoMessage>(
        service: String, name: String, changesStore: Bool, _ body: @escaping @Sendable (Request) async throws -> Response)
}

/// Every method of every service, by path, for the HTTP listener.
struct ServiceMethodTable: ServiceMethodSink {
    private(set) var methods: [String: ServiceMethod] = [:]

    mutating func add<Request: ProtoMessage, Response: ProtoMessage>(
        service: String, name: String, changesStore: Bool, _ body: @escaping @Sendable (Request) async throws -> Response
    ) {
        let method = ServiceMethod(service: service, name: name, changesStore: changesStore, body)
        methods[method.path] = method
    }
}
