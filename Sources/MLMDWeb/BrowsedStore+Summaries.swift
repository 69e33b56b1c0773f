import MLMDProtos

extension BrowsedStore {
    /// The nodes of `kind` with `ids`, as tables and drawings show them, by id; an id the store
    /// does not have is absent.
    func summaries(of kind: BrowsedKind, ids: [Int64]) async throws -> [Int64: NodeSummary] {
        guard !ids.isEmpty else { return [:] }
        let nodes: [NodeSummary]
        switch kind {
        case .artifact: nodes = try await getArtifactsByID(.with { $0.artifactIDs = ids }).artifacts.map(NodeSummary.init)
        case .execution: nodes = try await getExecutionsByID(.with { $0.executionIDs = ids }).executions.map(NodeSummary.init)
        case .context: nodes = try await getContextsByID(.with { $0.contextIDs = ids }).contexts.map(NodeSummary.init)
        }
        return Dictionary(nodes.map { ($0.id, $0) }) { first, _ in first }
    }
}
