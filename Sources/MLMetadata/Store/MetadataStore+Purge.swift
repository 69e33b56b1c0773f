import MLMDProtos

extension MetadataStore: MetadataPurgeServiceProtocol {
    /// Deletes the artifacts `request.filter_query` chooses, with their properties, events (and
    /// the events' paths) and attributions, in batches of one transaction each; a dry run (the
    /// default) deletes nothing and counts what would go. `progress` hears the counts after each
    /// batch.
    ///
    /// - Throws: INVALID_ARGUMENT for an empty or malformed filter query; what a batch throws,
    ///   after which the batches before it stay deleted and the same request finishes the purge.
    public func purgeArtifacts(_ request: PurgeArtifactsRequest, progress: (PurgeResponse) -> Void = { _ in }) throws -> PurgeResponse {
        try purge(PurgeOperation(request), progress: progress)
    }

    /// Deletes the executions `request.filter_query` chooses, with their properties, events and
    /// associations, as `purgeArtifacts(_:progress:)` does artifacts.
    public func purgeExecutions(_ request: PurgeExecutionsRequest, progress: (PurgeResponse) -> Void = { _ in }) throws -> PurgeResponse {
        try purge(PurgeOperation(request), progress: progress)
    }

    /// Deletes the contexts `request.filter_query` chooses, with their properties, attributions,
    /// associations and links to parents and children; with `include_members`, also the
    /// artifacts and executions that belong to no context that is kept (none that the filter
    /// leaves out), as `purgeArtifacts(_:progress:)` deletes them.
    public func purgeContexts(_ request: PurgeContextsRequest, progress: (PurgeResponse) -> Void = { _ in }) throws -> PurgeResponse {
        try purge(PurgeOperation(request), progress: progress)
    }

    /// `PurgeArtifacts` of `swift_ml_metadata.MetadataPurgeService`.
    public func purgeArtifacts(_ request: PurgeArtifactsRequest) async throws -> PurgeResponse {
        try purgeArtifacts(request, progress: { _ in })
    }

    /// `PurgeExecutions` of `swift_ml_metadata.MetadataPurgeService`.
    public func purgeExecutions(_ request: PurgeExecutionsRequest) async throws -> PurgeResponse {
        try purgeExecutions(request, progress: { _ in })
    }

    /// `PurgeContexts` of `swift_ml_metadata.MetadataPurgeService`.
    public func purgeContexts(_ request: PurgeContextsRequest) async throws -> PurgeResponse {
        try purgeContexts(request, progress: { _ in })
    }

    private func purge(_ operation: PurgeOperation, progress: (PurgeResponse) -> Void) throws -> PurgeResponse {
        var operation = operation
        while !operation.isFinished {
            try purgeNextBatch(&operation)
            progress(operation.response)
        }
        if operation.compactsWhenFinished && !operation.isDryRun { try compact() }
        return operation.response
    }

    /// Runs the next batch of `operation` as one transaction: in a dry run it reads, otherwise it
    /// deletes. Other calls run between batches. Marks `operation` finished when no node is left.
    public func purgeNextBatch(_ operation: inout PurgeOperation) throws {
        guard !operation.isFinished else { return }
        if !operation.isDryRun && !operation.hasIndexes {
            try outsideTransaction(PurgeIndexes.create)
            operation.hasIndexes = true
        }
        let current = operation
        let batch = try transaction(writing: !current.isDryRun) { access in
            let purge = PurgeAccess(connection: access.connection)
            let batch = try current.nextBatch(purge)
            if !current.isDryRun { try purge.delete(batch.rows) }
            return batch
        }
        operation.record(batch)
    }

    /// Gives the space that deleted records held back to the file system: SQLite's `VACUUM`,
    /// PostgreSQL's `VACUUM FULL` and MySQL's `OPTIMIZE TABLE` of the store's tables. Each
    /// rewrites what it compacts, and holds it locked while it does.
    ///
    /// - Throws: FAILED_PRECONDITION inside `atomically`; what the database reports.
    public func compact() throws {
        try outsideTransaction(StoreCompaction.compact)
    }
}
