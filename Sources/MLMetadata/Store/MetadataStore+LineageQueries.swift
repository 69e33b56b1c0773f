import MLMDProtos

// GetLineageSubgraph (and GetLineageGraph, which ml-metadata's open-source server does not offer).
extension MetadataStore {
    /// GetLineageSubgraph: the nodes reachable from the starting nodes (chosen by a filter query,
    /// with no cap on their number) within `max_num_hops` events, in the given direction (both when
    /// unspecified), stopping at ending nodes; with the events between them, their contexts and
    /// types. `read_mask` keeps only the named fields of the graph.
    ///
    /// - Throws: INVALID_ARGUMENT for a missing starting filter or negative hops; NOT_FOUND when
    ///   no node matches the starting filter.
    public func getLineageSubgraph(_ request: GetLineageSubgraphRequest) throws -> GetLineageSubgraphResponse {
        var graph = try transaction(writing: false) { access in
            try LineageTraversal(connection: access.connection).subgraph(request.lineageSubgraphQueryOptions)
        }
        let paths = Set(request.readMask.paths.map { String($0.prefix { $0 != "." }) })
        if !paths.isEmpty {
            if !paths.contains("artifacts") { graph.artifacts = [] }
            if !paths.contains("executions") { graph.executions = [] }
            if !paths.contains("contexts") { graph.contexts = [] }
            if !paths.contains("events") { graph.events = [] }
            if !paths.contains("artifact_types") { graph.artifactTypes = [] }
            if !paths.contains("execution_types") { graph.executionTypes = [] }
            if !paths.contains("context_types") { graph.contextTypes = [] }
        }
        return .with { $0.lineageSubgraph = graph }
    }

    /// GetLineageGraph: deprecated in ml-metadata and not served by its open-source server either.
    public func getLineageGraph(_ request: GetLineageGraphRequest) throws -> GetLineageGraphResponse {
        throw MetadataStoreError(.unimplemented, "GetLineageGraph is deprecated; use GetLineageSubgraph")
    }
}
