import MLMDProtos
import MLMetadata

/// A whole store as one `ml_metadata.LineageGraph`: its user types, nodes, events, attributions,
/// associations and parent contexts, each list in id order, so that the same store always dumps
/// to the same bytes.
enum StoreDump {
    static func read(_ store: MetadataStore) throws -> LineageGraph {
        var graph = LineageGraph()
        graph.artifactTypes = try store.getArtifactTypes().sorted { $0.id < $1.id }
        graph.executionTypes = try store.getExecutionTypes().sorted { $0.id < $1.id }
        graph.contextTypes = try store.getContextTypes().sorted { $0.id < $1.id }
        graph.artifacts = try store.getArtifacts().sorted { $0.id < $1.id }
        graph.executions = try store.getExecutions().sorted { $0.id < $1.id }
        graph.contexts = try store.getContexts().sorted { $0.id < $1.id }
        let artifactIDs = graph.artifacts.map(\.id)
        graph.events = artifactIDs.isEmpty ? [] : try store.getEvents(artifactIDs: artifactIDs).sorted {
            ($0.artifactID, $0.executionID, $0.type.rawValue, $0.millisecondsSinceEpoch)
                < ($1.artifactID, $1.executionID, $1.type.rawValue, $1.millisecondsSinceEpoch)
        }
        // By context, then node: the order the store lists a context's members in.
        graph.attributions = try store.getAttributions(artifactIDs: artifactIDs)
            .sorted { ($0.contextID, $0.artifactID) < ($1.contextID, $1.artifactID) }
        graph.associations = try store.getAssociations(executionIDs: graph.executions.map(\.id))
            .sorted { ($0.contextID, $0.executionID) < ($1.contextID, $1.executionID) }
        if !graph.contexts.isEmpty {
            let parents = try store.getParentContextsByContexts(.with { $0.contextIDs = graph.contexts.map(\.id) })
            graph.parentContexts = parents.contexts.flatMap { child in
                child.value.parentContexts.map(\.id).sorted().map { parentID in
                    ParentContext.with { $0.childID = child.key; $0.parentID = parentID }
                }
            }.sorted { ($0.childID, $0.parentID) < ($1.childID, $1.parentID) }
        }
        return graph
    }
}
