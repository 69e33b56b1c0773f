import MLMDProtos

/// Walks the lineage graph from the nodes a `LineageSubgraphQueryOptions` starts at, one hop per
/// event, upstream, downstream or both, up to `max_num_hops`, stopping at ending nodes. The cost is
/// proportional to the subgraph found: each hop reads only the events of the nodes found in the
/// hop before.
struct LineageTraversal {
    let connection: any DatabaseConnection

    private static let inputTypes: Set<Event.TypeEnum> = [.input, .declaredInput, .internalInput]

    func subgraph(_ options: LineageSubgraphQueryOptions) throws -> LineageGraph {
        let hops = try maxHops(options)
        let artifacts = NodeAccess<Artifact>(connection: connection)
        let executions = NodeAccess<Execution>(connection: connection)
        let events = EventAccess(connection: connection)

        var foundArtifacts: Set<Int64> = []
        var foundExecutions: Set<Int64> = []
        var artifactFrontier: [Int64] = []
        var executionFrontier: [Int64] = []
        switch options.startingNodes {
        case .startingArtifacts(let start)?:
            artifactFrontier = try startingIDs(start, artifacts).sorted()
            foundArtifacts = Set(artifactFrontier)
        case .startingExecutions(let start)?:
            executionFrontier = try startingIDs(start, executions).sorted()
            foundExecutions = Set(executionFrontier)
        case nil:
            throw MetadataStoreError(.invalidArgument, "Missing arguments for listing starting nodes.")
        }

        let downstream = options.direction != .upstream
        let upstream = options.direction != .downstream
        // The events the walk follows, each from a node of the frontier; kept if their other end
        // ends up in the subgraph (not an excluded ending node).
        var followed: [Event] = []
        for _ in 0..<hops where !artifactFrontier.isEmpty || !executionFrontier.isEmpty {
            let fromArtifacts = try events.find(column: "artifact_id", ids: artifactFrontier)
                .filter { Self.follows($0, fromArtifact: true, downstream: downstream, upstream: upstream) }
            let fromExecutions = try events.find(column: "execution_id", ids: executionFrontier)
                .filter { Self.follows($0, fromArtifact: false, downstream: downstream, upstream: upstream) }
            let nextExecutions = Self.unique(fromArtifacts.map(\.executionID).filter { !foundExecutions.contains($0) })
            let nextArtifacts = Self.unique(fromExecutions.map(\.artifactID).filter { !foundArtifacts.contains($0) })
            (artifactFrontier, foundArtifacts) = try stopAtEndingNodes(
                nextArtifacts, options.hasEndingArtifacts ? options.endingArtifacts : nil,
                artifacts, found: foundArtifacts)
            (executionFrontier, foundExecutions) = try stopAtEndingNodes(
                nextExecutions, options.hasEndingExecutions ? options.endingExecutions : nil,
                executions, found: foundExecutions)
            followed += fromArtifacts.filter { foundExecutions.contains($0.executionID) }
            followed += fromExecutions.filter { foundArtifacts.contains($0.artifactID) }
        }
        return try graph(artifactIDs: foundArtifacts, executionIDs: foundExecutions, events: followed)
    }

    private static func unique(_ ids: [Int64]) -> [Int64] {
        var seen: Set<Int64> = []
        return ids.filter { seen.insert($0).inserted }
    }

    private func maxHops(_ options: LineageSubgraphQueryOptions) throws -> Int {
        guard options.maxNumHops >= 0 else {
            throw MetadataStoreError(.invalidArgument, "max_num_hops cannot be negative: max_num_hops = \(options.maxNumHops)")
        }
        return options.hasMaxNumHops ? Int(min(options.maxNumHops, 100)) : 100
    }

    private func startingIDs<Node: StoredNode>(
        _ start: LineageSubgraphQueryOptions.StartingNodes, _ nodes: NodeAccess<Node>
    ) throws -> Set<Int64> {
        guard !start.filterQuery.isEmpty else {
            throw MetadataStoreError(.invalidArgument, "Cannot list starting nodes if `filter_query` is unspecified.")
        }
        let ids = try nodes.ids(matching: start.filterQuery)
        guard !ids.isEmpty else { throw MetadataStoreError(.notFound, "Cannot find qualified nodes to start the traversal.") }
        return ids
    }

    /// Whether an event carries the walk on from its artifact (or its execution) in this direction.
    private static func follows(_ event: Event, fromArtifact: Bool, downstream: Bool, upstream: Bool) -> Bool {
        let artifactIsInput = inputTypes.contains(event.type)
        // Downstream flows input artifact → execution → output artifact; upstream the other way.
        return fromArtifact == artifactIsInput ? downstream : upstream
    }

    /// Newly found nodes split at the ending nodes: an ending node is kept only with
    /// `include_ending_nodes`, and the walk never goes on from it.
    private func stopAtEndingNodes<Node: StoredNode>(
        _ next: [Int64], _ ending: LineageSubgraphQueryOptions.EndingNodes?,
        _ nodes: NodeAccess<Node>, found: Set<Int64>
    ) throws -> ([Int64], Set<Int64>) {
        guard let ending, !ending.filterQuery.isEmpty, !next.isEmpty else { return (next, found.union(next)) }
        let endingIDs = try nodes.ids(matching: ending.filterQuery, among: next)
        let frontier = next.filter { !endingIDs.contains($0) }
        var found = found.union(frontier)
        if ending.includeEndingNodes { found.formUnion(endingIDs) }
        return (frontier, found)
    }

    /// The nodes as ml-metadata's core lists them, by id alone (its Python client fetches their
    /// fields itself), with the events between them and their contexts.
    private func graph(artifactIDs: Set<Int64>, executionIDs: Set<Int64>, events: [Event]) throws -> LineageGraph {
        var graph = LineageGraph()
        graph.artifacts = artifactIDs.sorted().map { id in .with { $0.id = id } }
        graph.executions = executionIDs.sorted().map { id in .with { $0.id = id } }
        // An event can be followed from both of its ends; list it once.
        var seen: Set<[Int64]> = []
        graph.events = events.filter { seen.insert([$0.artifactID, $0.executionID, Int64($0.type.rawValue)]).inserted }
        let relations = RelationAccess(connection: connection)
        var contextIDs: Set<Int64> = []
        for id in artifactIDs { contextIDs.formUnion(try relations.contextIDs(ofArtifact: id)) }
        for id in executionIDs { contextIDs.formUnion(try relations.contextIDs(ofExecution: id)) }
        graph.contexts = contextIDs.sorted().map { id in .with { $0.id = id } }
        return graph
    }
}
