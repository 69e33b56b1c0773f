import MLMDProtos
import MLMetadata
import ProtoWire

/// `swift_ml_metadata.MetadataPurgeService`: each purge runs a batch at a time, each batch a
/// call of its own on a lane, so that other clients' calls go on between batches. A dry run only
/// reads, on the read lane; a purge that deletes takes the write lane, batch by batch.
struct MetadataPurgeMethods {
    let lanes: StoreLanes

    func register(into sink: inout some ServiceMethodSink) {
        register("PurgeArtifacts", PurgeArtifactsRequest.self, PurgeOperation.init, into: &sink)
        register("PurgeExecutions", PurgeExecutionsRequest.self, PurgeOperation.init, into: &sink)
        register("PurgeContexts", PurgeContextsRequest.self, PurgeOperation.init, into: &sink)
    }

    private func register<Request: ProtoMessage>(
        _ method: String, _ request: Request.Type, _ operation: @escaping @Sendable (Request) throws -> PurgeOperation,
        into sink: inout some ServiceMethodSink
    ) {
        let lanes = self.lanes
        sink.add(service: MetadataPurgeService.name, name: method, changesStore: true) {
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
