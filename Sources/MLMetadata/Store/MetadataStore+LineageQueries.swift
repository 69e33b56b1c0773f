import MLMDProtos

// GetLineageSubgraph (and GetLineageGraph, which ml-metadata's open-source server does not offer).
extension MetadataStore {
    /// GetLineageSubgraph: the nodes reachable from the starting nodes (chosen by a filter query,
    /// with no cap on their number) within `max_num_hops` events, in the given direction (both when
    /// unspecified), stopping at ending nodes; with the events between them, their contexts, and
    /// the attributions and associations that link them to those contexts. As ml-metadata's core
    /// does, artifacts, executions and contexts come by id alone, in id order: fetch their fields
    /// with GetArtifactsByID and the like, as its Python client does.
    ///
    /// `read_mask` keeps only the named top-level fields of the graph; an empty mask keeps them all. As in
    /// ml-metadata, `*_types` are every type of that kind in the store (built-in ones too), with
    /// neither external ids nor base types; the Python client asks for nodes only and looks their
    /// types up itself.
    ///
    /// - Throws: INVALID_ARGUMENT for a missing starting filter or negative hops; NOT_FOUND when
    ///   no node matches the starting filter.
    public func getLineageSubgraph(_ request: GetLineageSubgraphRequest) throws -> GetLineageSubgraphResponse {
        // Whole field names only: ml-metadata reads `artifacts.id` as no field at all.
        let paths = Set(request.readMask.paths)
        func wants(_ field: String) -> Bool { paths.isEmpty || paths.contains(field) }
        var graph = try transaction(writing: false) { access in
            var graph = try LineageTraversal(connection: access.connection).subgraph(request.lineageSubgraphQueryOptions)
            graph.attributions = wants("attributions") ? try access.relations.attributions(ofArtifacts: graph.artifacts.map(\.id)) : []
            graph.associations = wants("associations") ? try access.relations.associations(ofExecutions: graph.executions.map(\.id)) : []
            graph.artifactTypes = wants("artifact_types") ? try Self.lineageTypes(ArtifactType.self, access) : []
            graph.executionTypes = wants("execution_types") ? try Self.lineageTypes(ExecutionType.self, access) : []
            graph.contextTypes = wants("context_types") ? try Self.lineageTypes(ContextType.self, access) : []
            return graph
        }
        if !wants("artifacts") { graph.artifacts = [] }
        if !wants("executions") { graph.executions = [] }
        if !wants("contexts") { graph.contexts = [] }
        if !wants("events") { graph.events = [] }
        return .with { $0.lineageSubgraph = graph }
    }

    private static func lineageTypes<T: StoredType>(_ kind: T.Type, _ access: StoreAccess) throws -> [T] {
        try access.types.all(T.self, includingBuiltIn: true, withBaseTypes: false).map { type in
            var type = type
            type.clearExternalID()
            return type
        }
    }

    /// GetLineageGraph: deprecated in ml-metadata and not served by its open-source server either.
    public func getLineageGraph(_ request: GetLineageGraphRequest) throws -> GetLineageGraphResponse {
        throw MetadataStoreError(.unimplemented, "GetLineageGraph is deprecated; use GetLineageSubgraph")
    }
}
