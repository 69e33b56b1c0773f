import MLMDProtos

/// A purge in progress: what it deletes, how far it got, and what it has deleted (or, in a dry
/// run, would delete) so far. `MetadataStore.purgeNextBatch(_:)` runs it a batch at a time, each
/// batch one transaction, so that a server can let other calls in between.
///
/// ```swift
/// var purge = try PurgeOperation(PurgeArtifactsRequest.with {
///     $0.filterQuery = "create_time_since_epoch < 1700000000000"
///     $0.dryRun = false
/// })
/// while !purge.isFinished { try store.purgeNextBatch(&purge) }
/// print(purge.response.counts.artifacts)
/// ```
public struct PurgeOperation: Sendable {
    /// Batches hold this many chosen nodes unless the request says otherwise.
    public static let defaultBatchSize = 1_000
    /// The largest batch a request may ask for: a batch is one transaction, which holds its locks
    /// until it ends.
    public static let maxBatchSize = 100_000
    /// How many ids the response's sample holds at most.
    public static let sampleSize = 100

    enum Target: Sendable {
        case artifacts, executions
        case contexts(includeMembers: Bool)

        var table: NodeTable {
            switch self {
            case .artifacts: Artifact.storage
            case .executions: Execution.storage
            case .contexts: Context.storage
            }
        }
    }

    let target: Target
    let filterQuery: String
    let batchSize: Int
    /// True when nothing is to be deleted, only counted.
    public let isDryRun: Bool
    /// True when the request asked to give the freed space back to the file system at the end.
    public let compactsWhenFinished: Bool
    /// True once every batch has run.
    public private(set) var isFinished = false
    /// The counts so far, the sample, and whether this is a dry run.
    public private(set) var response: PurgeResponse
    /// The last node id a batch chose; the next batch starts above it. Node ids start at 1, and
    /// PostgreSQL keeps them in 32 bits, so the start is 0 rather than Int64.min.
    private(set) var lastChosenID: Int64 = 0
    /// True once the indexes a deleting purge needs are there.
    var hasIndexes = false
    private var seen = PurgeRowsSeen()

    /// A purge of the artifacts `request` chooses.
    ///
    /// - Throws: INVALID_ARGUMENT for an empty or malformed filter query or a batch size out of
    ///   range.
    public init(_ request: PurgeArtifactsRequest) throws {
        try self.init(
            target: .artifacts, filterQuery: request.filterQuery, dryRun: request.dryRun, batchSize: request.batchSize,
            compact: request.compact)
    }

    /// A purge of the executions `request` chooses.
    ///
    /// - Throws: INVALID_ARGUMENT for an empty or malformed filter query or a batch size out of
    ///   range.
    public init(_ request: PurgeExecutionsRequest) throws {
        try self.init(
            target: .executions, filterQuery: request.filterQuery, dryRun: request.dryRun, batchSize: request.batchSize,
            compact: request.compact)
    }

    /// A purge of the contexts `request` chooses, and with `include_members` of their own
    /// artifacts and executions.
    ///
    /// - Throws: INVALID_ARGUMENT for an empty or malformed filter query or a batch size out of
    ///   range.
    public init(_ request: PurgeContextsRequest) throws {
        try self.init(
            target: .contexts(includeMembers: request.includeMembers), filterQuery: request.filterQuery, dryRun: request.dryRun,
            batchSize: request.batchSize, compact: request.compact)
    }

    private init(target: Target, filterQuery: String, dryRun: Bool, batchSize: Int32, compact: Bool) throws {
        guard !filterQuery.allSatisfy(\.isWhitespace) else {
            throw MetadataStoreError(
                .invalidArgument,
                "a purge needs a filter_query that chooses what to delete (every \(target.table.plural.dropLast()): `id > 0`)")
        }
        guard batchSize >= 0, batchSize <= Self.maxBatchSize else {
            throw MetadataStoreError(
                .invalidArgument, "batch_size must be between 1 and \(Self.maxBatchSize), or 0 for the default; it is \(batchSize)")
        }
        // A query that does not parse fails here, before any batch runs.
        _ = try FilterQueryPlan(filterQuery, kind: target.table.typeKind)
        self.target = target
        self.filterQuery = filterQuery
        self.batchSize = batchSize == 0 ? Self.defaultBatchSize : Int(batchSize)
        isDryRun = dryRun
        compactsWhenFinished = compact
        response = .with {
            $0.dryRun = dryRun
            $0.counts = .with {
                $0.artifacts = 0; $0.executions = 0; $0.contexts = 0; $0.events = 0
                $0.attributions = 0; $0.associations = 0; $0.parentLinks = 0
            }
        }
    }

    /// The rows of the next batch, read in the caller's transaction; empty when none is left.
    func nextBatch(_ access: PurgeAccess) throws -> (rows: PurgeRows, lastChosenID: Int64?) {
        let chosen = try access.nextNodes(of: target.table, matching: filterQuery, after: lastChosenID, limit: batchSize)
        guard let last = chosen.last else { return (PurgeRows(), nil) }
        var rows = PurgeRows()
        switch target {
        case .artifacts: rows.artifacts = chosen
        case .executions: rows.executions = chosen
        case .contexts(let includeMembers):
            rows.contexts = chosen
            if includeMembers {
                rows.artifacts = try access.exclusiveMembers(of: chosen, link: .attribution, filterQuery: filterQuery)
                rows.executions = try access.exclusiveMembers(of: chosen, link: .association, filterQuery: filterQuery)
            }
        }
        try access.collectReferences(&rows)
        return (rows, last)
    }

    /// Counts a batch that ran (deleted, or in a dry run counted); a batch that chose nothing
    /// ends the purge.
    mutating func record(_ batch: (rows: PurgeRows, lastChosenID: Int64?)) {
        guard let last = batch.lastChosenID else {
            isFinished = true
            return
        }
        lastChosenID = last
        let rows = isDryRun ? seen.unseen(batch.rows) : batch.rows
        let chosen: [Int64]
        switch target {
        case .artifacts: chosen = rows.artifacts
        case .executions: chosen = rows.executions
        case .contexts: chosen = rows.contexts
        }
        response.sampleIDs += chosen.prefix(Self.sampleSize - response.sampleIDs.count)
        response.counts.artifacts += Int64(rows.artifacts.count)
        response.counts.executions += Int64(rows.executions.count)
        response.counts.contexts += Int64(rows.contexts.count)
        response.counts.events += Int64(rows.events.count)
        response.counts.attributions += Int64(rows.attributions.count)
        response.counts.associations += Int64(rows.associations.count)
        response.counts.parentLinks += Int64(rows.parentLinks.count)
    }
}
