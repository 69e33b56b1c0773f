import GRPCCore
import MLMDProtos
import ProtoWire
import ProtoWireGRPC

/// `grpc.health.v1.Health`: SERVING for the whole server ("") and for the store and purge services
/// until shutdown begins, then NOT_SERVING, so load balancers stop sending calls while the ones in
/// flight finish.
struct HealthService: RegistrableRPCService {
    let serving: ServingState

    /// The services this server reports on.
    static let knownServices: Set<String> = ["", MetadataStoreService.name, MetadataPurgeService.name]

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        let serving = self.serving
        router.registerUnary(service: Health.name, method: "Check") { (request: HealthCheckRequest) -> HealthCheckResponse in
            guard Self.knownServices.contains(request.service) else {
                throw RPCError(code: .notFound, message: "unknown service \"\(request.service)\"")
            }
            return .with { $0.status = serving.isServing ? .serving : .notServing }
        }
        router.registerHandler(
            forMethod: MethodDescriptor(fullyQualifiedService: Health.name, method: "Watch"),
            deserializer: ProtoWireDeserializer<HealthCheckRequest>(),
            serializer: ProtoWireSerializer<HealthCheckResponse>()
        ) { request, _ in
            let service = try await ServerRequest(stream: request).message.service
            return StreamingServerResponse { writer in
                // The set of services never changes, so an unknown one stays unknown; the stream
                // stays open, as the protocol asks, until the call or the server ends.
                guard Self.knownServices.contains(service) else {
                    try await writer.write(.with { $0.status = .serviceUnknown })
                    await serving.waitUntilNotServing()
                    return [:]
                }
                if serving.isServing {
                    try await writer.write(.with { $0.status = .serving })
                    await serving.waitUntilNotServing()
                }
                if !Task.isCancelled { try await writer.write(.with { $0.status = .notServing }) }
                return [:]
            }
        }
    }
}
