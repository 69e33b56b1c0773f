import MLMDProtos
import MLMetadata

/// A whole store as one `ml_metadata.LineageGraph`: its user types, nodes, events, attributions,
/// associations and parent contexts, each list in id order, so that the same store always dumps
/// to the same bytes, whether read in this process or from a server.
enum StoreDump {
    /// Reads the store; `progress` hears what is being read and how much of it so far.
    static func read(_ store: any MetadataStoreServiceProtocol, progress: (String) -> Void = { _ in }) async throws -> LineageGraph {
        var graph = LineageGraph()
        progress("types")
        let types = try await UserTypes.read(store)
        graph.artifactTypes = types.artifactTypes
        graph.executionTypes = types.executionTypes
        graph.contextTypes = types.contextTypes
        graph.artifacts = try await NodePages.all(fetched: { progress("artifacts \($0)") }) { options in
            let page = try await store.getArtifacts(.with { $0.options = options })
            return (page.artifacts, page.nextPageToken)
        }
        graph.executions = try await NodePages.all(fetched: { progress("executions \($0)") }) { options in
            let page = try await store.getExecutions(.with { $0.options = options })
            return (page.executions, page.nextPageToken)
        }
        graph.contexts = try await NodePages.all(fetched: { progress("contexts \($0)") }) { options in
            let page = try await store.getContexts(.with { $0.options = options })
            return (page.contexts, page.nextPageToken)
        }
        let artifactIDs = graph.artifacts.map(\.id)
        for start in stride(from: 0, to: artifactIDs.count, by: 1000) {
            let chunk = artifactIDs[start..<min(start + 1000, artifactIDs.count)]
            graph.events += try await store.getEventsByArtifactIDs(.with { $0.artifactIDs = Array(chunk) }).events
            progress("events \(graph.events.count)")
        }
        graph.events.sort {
            ($0.artifactID, $0.executionID, $0.type.rawValue, $0.millisecondsSinceEpoch)
                < ($1.artifactID, $1.executionID, $1.type.rawValue, $1.millisecondsSinceEpoch)
        }
        progress("attributions and associations")
        (graph.attributions, graph.associations) = try await links(store, graph)
        // By context, then node: the order the store lists a context's members in.
        graph.attributions.sort { ($0.contextID, $0.artifactID) < ($1.contextID, $1.artifactID) }
        graph.associations.sort { ($0.contextID, $0.executionID) < ($1.contextID, $1.executionID) }
        if !graph.contexts.isEmpty {
            progress("parent contexts")
            graph.parentContexts = try await parentLinks(store, contextIDs: graph.contexts.map(\.id))
                .sorted { ($0.childID, $0.parentID) < ($1.childID, $1.parentID) }
        }
        return graph
    }

    /// Each context's parents: in one call, or one call per context from a server that lacks the
    /// batch call (ml-metadata's Python-hosted server answers it UNIMPLEMENTED).
    private static func parentLinks(_ store: any MetadataStoreServiceProtocol, contextIDs: [Int64]) async throws -> [ParentContext] {
        func links(_ child: Int64, _ parents: [Context]) -> [ParentContext] {
            parents.map { parent in
                .with {
                    $0.childID = child; $0.parentID = parent.id
                }
            }
        }
        do {
            let parents = try await store.getParentContextsByContexts(.with { $0.contextIDs = contextIDs })
            return parents.contexts.flatMap { links($0.key, $0.value.parentContexts) }
        } catch let error as MetadataStoreError where error.code == .unimplemented {
            var all: [ParentContext] = []
            for child in contextIDs {
                all += links(child, try await store.getParentContextsByContext(.with { $0.contextID = child }).contexts)
            }
            return all
        }
    }

    /// Which artifacts and executions each context holds. A store in this process reads the links
    /// themselves; through a server, which has no call for them, each context's members.
    private static func links(
        _ store: any MetadataStoreServiceProtocol, _ graph: LineageGraph
    ) async throws -> ([Attribution], [Association]) {
        if let local = store as? MetadataStore {
            return (
                try local.getAttributions(artifactIDs: graph.artifacts.map(\.id)),
                try local.getAssociations(executionIDs: graph.executions.map(\.id))
            )
        }
        var attributions: [Attribution] = []
        var associations: [Association] = []
        for context in graph.contexts {
            let artifacts = try await NodePages.all { options in
                let page = try await store.getArtifactsByContext(
                    .with {
                        $0.contextID = context.id; $0.options = options
                    })
                return (page.artifacts, page.nextPageToken)
            }
            attributions += artifacts.map { artifact in
                .with {
                    $0.artifactID = artifact.id; $0.contextID = context.id
                }
            }
            let executions = try await NodePages.all { options in
                let page = try await store.getExecutionsByContext(
                    .with {
                        $0.contextID = context.id; $0.options = options
                    })
                return (page.executions, page.nextPageToken)
            }
            associations += executions.map { execution in
                .with {
                    $0.executionID = execution.id; $0.contextID = context.id
                }
            }
        }
        return (attributions, associations)
    }
}
