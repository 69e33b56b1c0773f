import GRPCCore
import GRPCNIOTransportHTTP2
import MLMDProtos
import ProtoWire
import ProtoWireGRPC

/// A client of an ML Metadata gRPC server, ours (`mlmd serve`) or ml-metadata's: each RPC of
/// `ml_metadata.MetadataStoreService` as an async method taking the request message, so code written
/// against `MetadataStoreServiceProtocol` runs the same on a `MetadataStore` in this process.
///
/// ```swift
/// try await MetadataStoreClient.withConnection(host: "127.0.0.1", port: 8080) { store in
///     let response = try await store.getArtifactTypes(GetArtifactTypesRequest())
/// }
/// ```
///
/// A call the server refuses throws `MetadataStoreError` with the server's status code and message.
public struct MetadataStoreClient: MetadataStoreServiceCaller, MetadataPurgeServiceCaller {
    /// Responses and requests up to this size pass (gRPC's default of 4 MiB is too small for a lineage graph).
    public static let maxMessageBytes = 1 << 30

    private let client: GRPCClient<HTTP2ClientTransport.Posix>
    /// `host:port`, for messages.
    public let address: String
    /// Sent with every call as `authorization: Bearer TOKEN`, for a server started with
    /// `--auth-token-file`.
    private let token: String?

    /// Connects in plaintext to `host:port`, runs `body` with the client, and closes the connection.
    /// Nothing is sent before the first call: an unreachable server surfaces as UNAVAILABLE there.
    /// With `token`, every call carries it (`authorization: Bearer TOKEN`).
    public static func withConnection<Result: Sendable>(
        host: String, port: Int, token: String? = nil, _ body: (MetadataStoreClient) async throws -> Result
    ) async throws -> Result {
        let transport = try HTTP2ClientTransport.Posix(target: .dns(host: host, port: port), transportSecurity: .plaintext)
        return try await withGRPCClient(transport: transport) { client in
            try await body(MetadataStoreClient(client: client, address: "\(host):\(port)", token: token))
        }
    }

    private init(client: GRPCClient<HTTP2ClientTransport.Posix>, address: String, token: String?) {
        self.client = client
        self.address = address
        self.token = token
    }

    /// Sends `request` to `method` of `service` (`ml_metadata.MetadataStoreService`, or our
    /// `swift_ml_metadata.MetadataPurgeService`); a status other than OK becomes
    /// `MetadataStoreError` with the same code and message.
    public func call<Request: ProtoMessage, Response: ProtoMessage>(
        service: String, method: String, _ request: Request, returning: Response.Type
    ) async throws -> Response {
        var options = CallOptions.defaults
        options.maxRequestMessageBytes = Self.maxMessageBytes
        options.maxResponseMessageBytes = Self.maxMessageBytes
        do {
            var metadata = Metadata()
            if let token { metadata.addString("Bearer \(token)", forKey: "authorization") }
            return try await client.unary(
                request: ClientRequest(message: request, metadata: metadata),
                descriptor: MethodDescriptor(fullyQualifiedService: service, method: method),
                serializer: ProtoWireSerializer<Request>(),
                deserializer: ProtoWireDeserializer<Response>(),
                options: options
            ) { response in try response.message }
        } catch let error as RPCError {
            let code = MetadataStoreError.Code(rawValue: error.code.rawValue) ?? .unknown
            throw MetadataStoreError(code, error.message)
        }
    }
}
