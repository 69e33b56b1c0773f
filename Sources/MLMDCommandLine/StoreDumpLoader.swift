import MLMDProtos
import MLMetadata

/// Adds a dump (`StoreDump`) to a store beside what it holds: types are matched by name (an
/// existing type with other properties is an error), nodes get new ids, and events and relations
/// follow their nodes to those ids. Nodes keep the creation and update times of the dump.
///
/// Several store calls: `AtomicImport` makes them all-or-nothing.
struct StoreDumpLoader {
    let store: MetadataStore
    /// Hears how many of the dump's records (`recordCount`) are in so far.
    var progress: (Int) -> Void = { _ in }

    /// The records a dump holds: types, nodes, events and relations.
    static func recordCount(_ graph: LineageGraph) -> Int {
        graph.artifactTypes.count + graph.executionTypes.count + graph.contextTypes.count
            + graph.artifacts.count + graph.executions.count + graph.contexts.count + graph.events.count
            + graph.attributions.count + graph.associations.count + graph.parentContexts.count
    }

    /// Records go in chunks of this many, so that progress moves (all in the one transaction).
    private static let chunkSize = 1000

    /// What was added, for the summary line.
    struct Counts: Sendable {
        var types = 0, nodes = 0, events = 0, relations = 0
    }

    func load(_ graph: LineageGraph) throws -> Counts {
        var done = 0
        func chunked<Record>(_ records: [Record], _ put: ([Record]) throws -> [Int64]) throws -> [Int64] {
            var ids: [Int64] = []
            for start in stride(from: 0, to: records.count, by: Self.chunkSize) {
                let chunk = Array(records[start..<min(start + Self.chunkSize, records.count)])
                ids += try put(chunk)
                done += chunk.count
                progress(done)
            }
            return ids
        }
        let typeIDs = try loadTypes(graph)
        done += typeIDs.count
        let artifactIDs = try Self.pairing(
            graph.artifacts.map(\.id), try chunked(graph.artifacts.map { try Self.fresh($0, typeIDs) }) { try store.putArtifacts($0) },
            "artifact")
        let executionIDs = try Self.pairing(
            graph.executions.map(\.id), try chunked(graph.executions.map { try Self.fresh($0, typeIDs) }) { try store.putExecutions($0) },
            "execution")
        let contextIDs = try Self.pairing(
            graph.contexts.map(\.id), try chunked(graph.contexts.map { try Self.fresh($0, typeIDs) }) { try store.putContexts($0) },
            "context")
        try store.restoreTimes(graph.artifacts.map { Self.renumbered($0, artifactIDs) })
        try store.restoreTimes(graph.executions.map { Self.renumbered($0, executionIDs) })
        try store.restoreTimes(graph.contexts.map { Self.renumbered($0, contextIDs) })

        let events = try graph.events.map { event in
            var event = event
            event.artifactID = try Self.mapped(event.artifactID, artifactIDs, "an event's artifact")
            event.executionID = try Self.mapped(event.executionID, executionIDs, "an event's execution")
            return event
        }
        _ = try chunked(events) { chunk in
            try store.putEvents(chunk); return []
        }

        var relations = PutAttributionsAndAssociationsRequest()
        for attribution in graph.attributions {
            var copy = attribution
            copy.artifactID = try Self.mapped(attribution.artifactID, artifactIDs, "an attribution's artifact")
            copy.contextID = try Self.mapped(attribution.contextID, contextIDs, "an attribution's context")
            relations.attributions.append(copy)
        }
        for association in graph.associations {
            var copy = association
            copy.executionID = try Self.mapped(association.executionID, executionIDs, "an association's execution")
            copy.contextID = try Self.mapped(association.contextID, contextIDs, "an association's context")
            relations.associations.append(copy)
        }
        if !relations.attributions.isEmpty || !relations.associations.isEmpty {
            _ = try store.putAttributionsAndAssociations(relations)
            done += relations.attributions.count + relations.associations.count
            progress(done)
        }
        let parents = try graph.parentContexts.map { link in
            var copy = link
            copy.childID = try Self.mapped(link.childID, contextIDs, "a parent context's child")
            copy.parentID = try Self.mapped(link.parentID, contextIDs, "a parent context's parent")
            return copy
        }
        if !parents.isEmpty { _ = try store.putParentContexts(.with { $0.parentContexts = parents }) }

        return Counts(
            types: typeIDs.count, nodes: artifactIDs.count + executionIDs.count + contextIDs.count,
            events: events.count, relations: relations.attributions.count + relations.associations.count + parents.count)
    }

    /// Puts the types in the order of their old ids, across kinds, so that a dump loaded into an
    /// empty store gives every type its old id again (artifact, execution and context types share one id sequence).
    private func loadTypes(_ graph: LineageGraph) throws -> [Int64: Int64] {
        var puts: [(oldID: Int64, put: () throws -> Int64)] = []
        for type in graph.artifactTypes {
            puts.append(
                (
                    type.id,
                    {
                        var t = type; t.clearID(); return try store.putArtifactType(t)
                    }
                ))
        }
        for type in graph.executionTypes {
            puts.append(
                (
                    type.id,
                    {
                        var t = type; t.clearID(); return try store.putExecutionType(t)
                    }
                ))
        }
        for type in graph.contextTypes {
            puts.append(
                (
                    type.id,
                    {
                        var t = type; t.clearID(); return try store.putContextType(t)
                    }
                ))
        }
        var ids: [Int64: Int64] = [:]
        for entry in puts.sorted(by: { $0.oldID < $1.oldID }) {
            guard ids[entry.oldID] == nil else { throw StoreDumpError("type id \(entry.oldID) appears twice") }
            ids[entry.oldID] = try entry.put()
        }
        return ids
    }

    /// The node as a new record: no id, its type by new id, times left to the store (`renumbered`
    /// carries them over afterwards).
    private static func fresh<Node: DumpedNode>(_ node: Node, _ typeIDs: [Int64: Int64]) throws -> Node {
        var node = node
        node.typeID = try mapped(node.typeID, typeIDs, "\(Node.kindName) \(node.id)'s type")
        node.clearID()
        node.clearType()
        node.clearCreateTimeSinceEpoch()
        node.clearLastUpdateTimeSinceEpoch()
        return node
    }

    /// The node under its new id, for `restoreTimes`; `ids` holds every node's (`pairing` made it).
    private static func renumbered<Node: DumpedNode>(_ node: Node, _ ids: [Int64: Int64]) -> Node {
        var node = node
        node.id = ids[node.id] ?? node.id
        return node
    }

    private static func pairing(_ old: [Int64], _ new: [Int64], _ kind: String) throws -> [Int64: Int64] {
        var ids: [Int64: Int64] = [:]
        for (oldID, newID) in zip(old, new) {
            guard ids.updateValue(newID, forKey: oldID) == nil else { throw StoreDumpError("\(kind) id \(oldID) appears twice") }
        }
        return ids
    }

    private static func mapped(_ id: Int64, _ ids: [Int64: Int64], _ what: String) throws -> Int64 {
        guard let new = ids[id] else { throw StoreDumpError("\(what) is id \(id), which the dump does not hold") }
        return new
    }
}

/// A dump that contradicts itself: a reference to a record it does not hold, or an id twice.
struct StoreDumpError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What `StoreDumpLoader` needs of artifacts, executions and contexts alike.
protocol DumpedNode {
    static var kindName: String { get }
    var id: Int64 { get set }
    var typeID: Int64 { get set }
    mutating func clearID()
    mutating func clearType()
    mutating func clearCreateTimeSinceEpoch()
    mutating func clearLastUpdateTimeSinceEpoch()
}

extension Artifact: DumpedNode { static var kindName: String { "artifact" } }
extension Execution: DumpedNode { static var kindName: String { "execution" } }
extension Context: DumpedNode { static var kindName: String { "context" } }
