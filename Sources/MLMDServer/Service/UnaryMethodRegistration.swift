import GRPCCore
import MLMDProtos
import MLMetadata
import ProtoWire
import ProtoWireGRPC

extension RPCRouter {
    /// Registers a unary method whose messages go through our codec. A `MetadataStoreError` the
    /// body throws reaches the client as the same status code and message; a request over
    /// `maxRequestBytes` fails with RESOURCE_EXHAUSTED.
    mutating func registerUnary<Request: ProtoMessage, Response: ProtoMessage>(
        service: String,
        method: String,
        maxRequestBytes: Int = .max,
        _ body: @escaping @Sendable (Request) async throws -> Response
    ) {
        registerHandler(
            forMethod: MethodDescriptor(fullyQualifiedService: service, method: method),
            deserializer: ProtoWireDeserializer<Request>(maxBytes: maxRequestBytes),
            serializer: ProtoWireSerializer<Response>()
        ) { request, _ in
            let single = try await ServerRequest(stream: request)
            do {
                return StreamingServerResponse(single: ServerResponse(message: try await body(single.message)))
            } catch let error as MetadataStoreError {
                throw RPCError(error)
            }
        }
    }
}
