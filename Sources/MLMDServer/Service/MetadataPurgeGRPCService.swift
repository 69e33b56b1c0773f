import GRPCCore
import MLMDProtos
import MLMetadata
import ProtoWire

/// `swift_ml_metadata.MetadataPurgeService`: each purge runs a batch at a time, each batch a
/// call of its own on a lane, so that other clients' calls go on between batches. A dry run only
/// reads, on the read lane; a purge that deletes takes the write lane, batch by batch.
struct MetadataPurgeGRPCService: RegistrableRPCService {
    let lanes: StoreLanes
    /// Requests over this size fail with RESOURCE_EXHAUSTED.
    var maxRequestBytes = Int.max

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        register("PurgeArtifacts", PurgeArtifactsRequest.self, PurgeOperation.init, with: &router)
        register("PurgeExecutions", PurgeExecutionsRequest.self, PurgeOperation.init, with: &router)
        register("PurgeContexts", PurgeContextsRequest.self, PurgeOperation.init, with: &router)
    }

    private func register<Request: ProtoMessage, Transport: ServerTransport>(
        _ method: String, _ request: Request.Type, _ operation: @escaping @Sendable (Request) throws -> PurgeOperation,
        with router: inout RPCRouter<Transport>
    ) {
        let lanes = self.lanes
        router.registerUnary(service: MetadataPurgeService.name, method: method, maxRequestBytes: maxRequestBytes) {
            (request: Request) async throws -> PurgeResponse in
            var purge = try operation(request)
            while !purge.isFinished {
                let current = purge
                let batch: @Sendable (MetadataStore) throws -> PurgeOperation = { store in
                    var next = current
                    try store.purgeNextBatch(&next)
                    return next
                }
                purge = try await purge.isDryRun ? lanes.read(batch) : lanes.write(batch)
            }
            if purge.compactsWhenFinished && !purge.isDryRun { try await lanes.write { try $0.compact() } }
            return purge.response
        }
    }
}
