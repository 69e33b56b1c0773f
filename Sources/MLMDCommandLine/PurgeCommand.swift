import ArgumentParser
import Foundation
import MLMDClient
import MLMDProtos
import MLMetadata

extension MLMDCommand {
    /// `mlmd purge artifacts --older-than 90d --force`
    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the artifacts, executions or contexts a filter chooses, with what hangs on them.",
            discussion: """
                Without --force it is a dry run: it counts what would go and deletes nothing. Artifacts go with \
                their properties, events and attributions; executions with their properties, events and \
                associations; contexts with their properties, attributions, associations and parent links, and \
                with --include-members also the artifacts and executions that belong to no context that is kept. \
                Each batch is one transaction: the store stays consistent, and running the same purge again \
                finishes one that was interrupted.
                """)

        @OptionGroup var store: StoreOptions

        @Argument(help: "artifacts, executions or contexts.")
        var kind: NodeKindPlural

        @Option(help: "An ml-metadata filter query that chooses what to delete, e.g. \"uri LIKE 'gs://scratch/%'\".")
        var filter: String?

        @Option(help: "Only what was created longer ago than this: a number and d, h, m or s (90d, 12h).")
        var olderThan: RetentionAge?

        @Flag(help: "With contexts: also delete their artifacts and executions that belong to no context that is kept.")
        var includeMembers = false

        @Flag(help: "Delete. Without it, count what would go and change nothing.")
        var force = false

        @Flag(help: "After deleting, give the space back to the file system (SQLite VACUUM, PostgreSQL VACUUM FULL, MySQL OPTIMIZE TABLE).")
        var compact = false

        @Option(help: "Nodes per transaction.")
        var batchSize: Int32 = Int32(PurgeOperation.defaultBatchSize)

        func validate() throws {
            guard filter != nil || olderThan != nil else {
                throw ValidationError("say what to delete: --filter QUERY or --older-than DURATION (or both)")
            }
            if includeMembers && kind.kind != .context {
                throw ValidationError("--include-members applies to contexts only")
            }
            guard batchSize > 0 && batchSize <= PurgeOperation.maxBatchSize else {
                throw ValidationError("--batch-size must be between 1 and \(PurgeOperation.maxBatchSize)")
            }
        }

        func run() async throws {
            let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
            let query = try store.reportingNow {
                try FilterConjunction.joining(
                    olderThan.map { [$0.condition(now: now)] } ?? [], userFilter: filter, for: kind.kind.filtered)
            }
            let response: PurgeResponse
            if let server = try DatabaseArgument.server(store.db) {
                response = try await purgeOnServer(host: server.host, port: server.port, query: query)
            } else {
                let metadataStore = try store.openStore(creating: false)
                var progress = TerminalProgress(label: "mlmd purge")
                defer { progress.finish() }
                response = try store.reportingNow {
                    try purge(metadataStore, query: query) { progress.update(status: PurgeReport.progress($0)) }
                }
            }
            try StandardStreams.writeOutput(Array(PurgeReport.lines(response, compacted: compact && force).utf8))
        }

        private func purge(_ metadataStore: MetadataStore, query: String, progress: (PurgeResponse) -> Void) throws -> PurgeResponse {
            switch kind.kind {
            case .artifact: try metadataStore.purgeArtifacts(artifactsRequest(query), progress: progress)
            case .execution: try metadataStore.purgeExecutions(executionsRequest(query), progress: progress)
            case .context: try metadataStore.purgeContexts(contextsRequest(query), progress: progress)
            }
        }

        /// The same purge as one call of the server's purge service; the server runs the batches.
        private func purgeOnServer(host: String, port: Int, query: String) async throws -> PurgeResponse {
            var progress = TerminalProgress(label: "mlmd purge")
            progress.update(status: "the server at \(host):\(port) is purging")
            defer { progress.finish() }
            return try await store.reporting {
                try await MetadataStoreClient.withConnection(host: host, port: port, token: StoreOptions.serverToken) { client in
                    do {
                        switch kind.kind {
                        case .artifact: return try await client.purgeArtifacts(artifactsRequest(query))
                        case .execution: return try await client.purgeExecutions(executionsRequest(query))
                        case .context: return try await client.purgeContexts(contextsRequest(query))
                        }
                    } catch let error as MetadataStoreError where error.code == .unimplemented {
                        throw MetadataStoreError(
                            .unimplemented,
                            "this server has no purge service (\(MetadataPurgeService.name)); ml-metadata's cannot delete: "
                                + "serve the store with `mlmd serve`, or give --db the database itself")
                    }
                }
            }
        }

        /// The request for `query` with the command's flags.
        private func request<Request: PurgeRequestFields>(_ query: String) -> Request {
            var request = Request()
            request.filterQuery = query
            request.dryRun = !force
            request.batchSize = batchSize
            request.compact = compact
            return request
        }

        private func artifactsRequest(_ query: String) -> PurgeArtifactsRequest { request(query) }

        private func executionsRequest(_ query: String) -> PurgeExecutionsRequest { request(query) }

        private func contextsRequest(_ query: String) -> PurgeContextsRequest {
            var request: PurgeContextsRequest = request(query)
            request.includeMembers = includeMembers
            return request
        }
    }
}

/// The fields the three purge requests share.
protocol PurgeRequestFields {
    init()
    var filterQuery: String { get set }
    var dryRun: Bool { get set }
    var batchSize: Int32 { get set }
    var compact: Bool { get set }
}

extension PurgeArtifactsRequest: PurgeRequestFields {}
extension PurgeExecutionsRequest: PurgeRequestFields {}
extension PurgeContextsRequest: PurgeRequestFields {}
