import MLMDProtos
import ProtoWire

/// One unary method the server offers, for whichever transport carries it: its service and
/// name, whether it changes the store (a read-only server refuses those), and how it answers.
struct ServiceMethod: Sendable {
    let service: String
    let name: String
    let changesStore: Bool
    /// Decodes the request's bytes (at most `maxRequestBytes`), runs the call and encodes its
    /// response.
    let answerBytes: @Sendable (_ request: [UInt8], _ maxRequestBytes: Int) async throws -> [UInt8]

    /// The path gRPC, gRPC-Web and Connect all call it by: `/SERVICE/METHOD`.
    var path: String { "/\(service)/\(name)" }

    init<Request: ProtoMessage, Response: ProtoMessage>(
        service: String, name: String, changesStore: Bool, _ body: @escaping @Sendable (Request) async throws -> Response
    ) {
        self.service = service
        self.name = name
        self.changesStore = changesStore
        answerBytes = { bytes, maxRequestBytes in
            guard bytes.count <= maxRequestBytes else {
                throw MetadataStoreError(
                    .resourceExhausted,
                    "\(Request.protoMessageName) of \(bytes.count) bytes is over the server's limit of \(maxRequestBytes) bytes")
            }
            let request: Request
            do {
                request = try Request(serializedBytes: bytes)
            } catch {
                throw MetadataStoreError(.invalidArgument, "cannot decode \(Request.protoMessageName): \(error)")
            }
            return try await body(request).serializedBytes()
        }
    }
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
