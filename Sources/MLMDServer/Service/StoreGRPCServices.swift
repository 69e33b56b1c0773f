import GRPCCore
import MLMDProtos
import ProtoWire
import ProtoWireGRPC

/// The store's services over gRPC: `ml_metadata.MetadataStoreService` and our
/// `swift_ml_metadata.MetadataPurgeService`, each call let in by the server's `CallPolicy`.
struct StoreGRPCServices: RegistrableRPCService {
    let lanes: StoreLanes
    /// Requests over this size fail with RESOURCE_EXHAUSTED.
    var maxRequestBytes = Int.max
    var policy = CallPolicy()
    var metrics = ServerMetrics()

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        var sink = GRPCMethodSink(router: router, maxRequestBytes: maxRequestBytes, policy: policy, metrics: metrics)
        MetadataStoreMethods(lanes: lanes).register(into: &sink)
        MetadataPurgeMethods(lanes: lanes).register(into: &sink)
        router = sink.router
    }
}

/// Registers each method as a unary gRPC handler through our codec. The policy decides before
/// the request is decoded; a `MetadataStoreError` reaches the client as the same status code and
/// message.
struct GRPCMethodSink<Transport: ServerTransport>: ServiceMethodSink {
    var router: RPCRouter<Transport>
    let maxRequestBytes: Int
    let policy: CallPolicy
    let metrics: ServerMetrics

    mutating func add<Request: ProtoMessage, Response: ProtoMessage>(
        service: String, name: String, changesStore: Bool, _ body: @escaping @Sendable (Request) async throws -> Response
    ) {
        let policy = self.policy
        let metrics = self.metrics
        let method = ServiceMethodName(name: name, changesStore: changesStore)
        router.registerHandler(
            forMethod: MethodDescriptor(fullyQualifiedService: service, method: name),
            deserializer: ProtoWireDeserializer<Request>(maxBytes: maxRequestBytes),
            serializer: ProtoWireSerializer<Response>()
        ) { request, _ in
            do {
                let response = try await metrics.measure(method: name, transport: .grpc) {
                    try policy.admit(method, authorization: request.metadata[stringValues: "authorization"].first { _ in true })
                    return try await body(try await ServerRequest(stream: request).message)
                }
                return StreamingServerResponse(single: ServerResponse(message: response))
            } catch let error as MetadataStoreError {
                throw RPCError(error)
            }
        }
    }
}
