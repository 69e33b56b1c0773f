import MLMDProtos

/// The nodes around a start node, found event by event, upstream, downstream or both, up to a
/// number of hops and a node budget. Past the budget, a node's further neighbours are not
/// fetched but counted, as one collapsed group per node and direction; a node in `expanded`
/// shows all of its neighbours whatever the budget.
struct LineageNeighbourhood: Sendable {
    /// An artifact or an execution.
    enum NodeID: Hashable, Comparable, Sendable {
        case artifact(Int64), execution(Int64)

        var kind: BrowsedKind {
            if case .artifact = self { return .artifact }
            return .execution
        }

        var id: Int64 {
            switch self {
            case .artifact(let id), .execution(let id): id
            }
        }

        /// `a3`, `e7`: how drawings and the `expand` parameter name it.
        var key: String { "\(kind.rawValue.prefix(1))\(id)" }

        init?(key: Substring) {
            guard let id = Int64(key.dropFirst()) else { return nil }
            switch key.first {
            case "a": self = .artifact(id)
            case "e": self = .execution(id)
            default: return nil
            }
        }
    }

    enum Direction: String, CaseIterable, Sendable {
        case upstream, downstream, both

        /// The walks it takes: true for downstream, false for upstream.
        var walksDownstream: [Bool] {
            switch self {
            case .upstream: [false]
            case .downstream: [true]
            case .both: [false, true]
            }
        }
    }

    /// The neighbours of `node` in one direction that the budget left out.
    struct Collapsed: Hashable, Sendable {
        var node: NodeID
        var downstream: Bool
        var count: Int

        /// `downstream` or `upstream`.
        var direction: String { downstream ? "downstream" : "upstream" }
        var key: String { "more-\(node.key)-\(direction)" }
    }

    let start: NodeID
    /// The nodes found, the start first, then in the order they were reached.
    private(set) var nodes: [NodeID]
    /// The events between the nodes found, each once.
    private(set) var events: [Event]
    private(set) var collapsed: [Collapsed]

    /// Events that bring an artifact into an execution; every other type (outputs, and
    /// UNKNOWN) is drawn from the execution to the artifact.
    static func isInput(_ type: Event.TypeEnum) -> Bool {
        type == .input || type == .declaredInput || type == .internalInput
    }

    /// Walks the store from `start`: one call for the events of each hop's artifacts and one for
    /// its executions.
    init(
        store: any BrowsedStore, start: NodeID, direction: Direction, hops: Int, budget: Int, expanded: Set<NodeID>
    ) async throws {
        self.start = start
        nodes = [start]
        events = []
        collapsed = []
        var found: Set<NodeID> = [start]
        var eventKeys: Set<EventKey> = []
        for downstream in direction.walksDownstream {
            var frontier = [start]
            var hop = 0
            while hop < hops, !frontier.isEmpty {
                hop += 1
                let fetched = try await Self.events(of: frontier, in: store)
                var next: [NodeID] = []
                for node in frontier {
                    let along = (fetched[node] ?? []).filter { Self.leads(downstream: downstream, from: node, along: $0) }
                    let neighbours = Set(along.map { Self.otherEnd(of: $0, from: node) })
                    let unseen = neighbours.filter { !found.contains($0) }.sorted()
                    if unseen.isEmpty || expanded.contains(node) || found.count + unseen.count <= budget {
                        for neighbour in unseen {
                            found.insert(neighbour)
                            nodes.append(neighbour)
                            next.append(neighbour)
                        }
                    } else {
                        collapsed.append(Collapsed(node: node, downstream: downstream, count: unseen.count))
                    }
                    for event in along where found.contains(Self.otherEnd(of: event, from: node)) {
                        if eventKeys.insert(EventKey(event)).inserted { events.append(event) }
                    }
                }
                frontier = next
            }
        }
    }

    /// The events of each node of `nodes`.
    private static func events(of nodes: [NodeID], in store: any BrowsedStore) async throws -> [NodeID: [Event]] {
        var artifactIDs: [Int64] = [], executionIDs: [Int64] = []
        for node in nodes {
            switch node {
            case .artifact(let id): artifactIDs.append(id)
            case .execution(let id): executionIDs.append(id)
            }
        }
        var byNode: [NodeID: [Event]] = [:]
        if !artifactIDs.isEmpty {
            for event in try await noneIfNotFound({ try await store.getEventsByArtifactIDs(.with { $0.artifactIDs = artifactIDs }).events })
            {
                byNode[.artifact(event.artifactID), default: []].append(event)
            }
        }
        if !executionIDs.isEmpty {
            for event in try await noneIfNotFound({
                try await store.getEventsByExecutionIDs(.with { $0.executionIDs = executionIDs }).events
            }) {
                byNode[.execution(event.executionID), default: []].append(event)
            }
        }
        return byNode
    }

    /// Whether `event` leads from `node` downstream (or upstream): downstream an artifact goes
    /// to the executions that read it and an execution to what it wrote; upstream the other way.
    private static func leads(downstream: Bool, from node: NodeID, along event: Event) -> Bool {
        // An input leads downstream from its artifact and upstream from its execution.
        isInput(event.type) == (downstream == (node.kind == .artifact))
    }

    private static func otherEnd(of event: Event, from node: NodeID) -> NodeID {
        if case .artifact = node { return .execution(event.executionID) }
        return .artifact(event.artifactID)
    }

    /// An event's identity: ml-metadata keeps one event per artifact, execution and type.
    private struct EventKey: Hashable {
        let artifactID: Int64, executionID: Int64, type: Int32

        init(_ event: Event) {
            artifactID = event.artifactID
            executionID = event.executionID
            type = event.type.rawValue
        }
    }
}
