import MLMDProtos
import ProtoWire

/// ml-metadata's rules for putting a node: a node without an id is created (its type must exist
/// and declare every property it sets, with a value of the declared kind); a node with an id
/// updates the stored one, whole or through a field mask, and its last-update time moves only when
/// something changed.
struct NodeWriter<Node: StoredNode> {
    let connection: any DatabaseConnection
    /// Field-mask paths; empty means the whole node.
    var maskPaths: [String] = []
    /// Fail if the stored node's last-update time differs from the given node's.
    var abortIfLatestUpdatedTimeChanged = false
    /// Move the last-update time even when nothing changed.
    var forceUpdateTime = false
    var now = Clock.nowMilliseconds()

    /// Type declarations read once per writer, not once per node of a batch.
    private let declarations = DeclarationCache()

    private var nodes: NodeAccess<Node> { NodeAccess(connection: connection) }

    /// Stores `node`; returns its id.
    func put(_ node: Node) throws -> Int64 {
        if node.hasID { return try update(node) }
        guard node.hasTypeID else { throw MetadataStoreError(.invalidArgument, "Type id is missing.") }
        try validate(node)
        return try insert(normalized(node), given: node)
    }

    /// Stores `nodes` in order, as `put` one by one would (the same ids, the same first error),
    /// but inserts runs of new nodes several rows per statement.
    func put(all nodes: [Node]) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(nodes.count)
        // New nodes checked and normalized, waiting for their INSERT, with where each is in
        // `nodes`. Anything else that can fail inserts them first, so that an error an earlier
        // node meets still comes first.
        var pending: [Node] = []
        var pendingPositions: [Int] = []
        func insertPending() throws {
            ids += try insertNew(pending, given: pendingPositions.map { nodes[$0] })
            pending.removeAll(keepingCapacity: true)
            pendingPositions.removeAll(keepingCapacity: true)
        }
        for (position, node) in nodes.enumerated() {
            guard node.hasTypeID, !node.hasID else {
                try insertPending()
                ids.append(try put(node))
                continue
            }
            do {
                try validate(node)
            } catch {
                try insertPending()
                throw error
            }
            pending.append(normalized(node))
            pendingPositions.append(position)
        }
        try insertPending()
        return ids
    }

    /// Inserts new, valid nodes (`given` as the caller gave them). On a name or external id
    /// already taken, the statement that met it is redone one node at a time, so that the error
    /// names that node as `put` would.
    private func insertNew(_ nodes: [Node], given: @autoclosure () -> [Node]) throws -> [Int64] {
        var ids: [Int64] = []
        for range in MultiRowInsert.statementRanges(count: nodes.count, maxRows: connection.maxRowsWithIDs) {
            // One node names itself in the error: nothing to redo, so no savepoint to pay for.
            if range.count == 1 {
                ids.append(try insert(nodes[range.lowerBound], given: given()[range.lowerBound]))
                continue
            }
            do {
                ids += try connection.recoverable { try self.nodes.insert(rows: nodes[range], now: now) }
            } catch let failure as DatabaseFailure where failure.isUniqueViolation {
                let given = given()
                for index in range { ids.append(try insert(nodes[index], given: given[index])) }
            }
        }
        return ids
    }

    /// Inserts one new, valid node.
    private func insert(_ node: Node, given: Node) throws -> Int64 {
        do {
            return try nodes.insert(node, now: now)
        } catch let failure as DatabaseFailure where failure.isUniqueViolation {
            throw MetadataStoreError(.alreadyExists, "Given node already exists: \(identity(of: given)): \(failure.message)")
        }
    }

    private func update(_ given: Node) throws -> Int64 {
        guard let stored = try nodes.find(ids: [given.id]).first else {
            throw MetadataStoreError(.invalidArgument, "Cannot find the given id \(given.id)")
        }
        // An update may leave the type out: the node keeps the one it has.
        var given = given
        if !given.hasTypeID { given.typeID = stored.typeID }
        guard stored.typeID == given.typeID else {
            throw MetadataStoreError(
                .invalidArgument, "Given type_id \(given.typeID) is different from the one known before: \(stored.typeID)")
        }
        if abortIfLatestUpdatedTimeChanged && stored.lastUpdateTimeSinceEpoch != given.lastUpdateTimeSinceEpoch {
            throw MetadataStoreError(
                .failedPrecondition,
                "\(Node.storage.table) \(given.id) was updated at \(stored.lastUpdateTimeSinceEpoch), not at \(given.lastUpdateTimeSinceEpoch) as the caller saw it"
            )
        }
        var updated = maskPaths.isEmpty ? given : masked(stored, with: given)
        // Only a context's name may change.
        if Node.storage.typeKind != .context {
            if stored.hasName { updated.name = stored.name } else { updated.clearName() }
        }
        updated = normalized(updated)
        try validate(updated)
        updated.type = stored.type
        updated.createTimeSinceEpoch = stored.createTimeSinceEpoch
        updated.lastUpdateTimeSinceEpoch = stored.lastUpdateTimeSinceEpoch
        guard updated != stored || forceUpdateTime else { return stored.id }
        do {
            try nodes.update(updated, lastUpdate: now)
        } catch let failure as DatabaseFailure where failure.isUniqueViolation {
            throw MetadataStoreError(.alreadyExists, "Given node already exists: \(identity(of: updated)): \(failure.message)")
        }
        return stored.id
    }

    /// `stored` with the fields the mask names taken from `given`; unknown paths are ignored.
    private func masked(_ stored: Node, with given: Node) -> Node {
        var result = stored
        for path in maskPaths {
            if path == "properties" {
                result.properties = given.properties
            } else if path == "custom_properties" {
                result.customProperties = given.customProperties
            } else if path.hasPrefix("properties.") {
                let key = String(path.dropFirst("properties.".count))
                result.properties[key] = given.properties[key]
            } else if path.hasPrefix("custom_properties.") {
                let key = String(path.dropFirst("custom_properties.".count))
                result.customProperties[key] = given.customProperties[key]
            } else if path == "external_id" {
                if given.hasExternalID { result.externalID = given.externalID } else { result.clearExternalID() }
            } else {
                _ = result.copyMaskedField(path, from: given)
            }
        }
        return result
    }

    private func normalized(_ node: Node) -> Node {
        var node = node
        node.normalizeForStorage()
        if node.hasExternalID && node.externalID.isEmpty { node.clearExternalID() }
        node.clearSystemMetadata()
        return node
    }

    private func validate(_ node: Node) throws {
        guard let declared = try declarations.properties(ofType: node.typeID, kind: Node.storage.typeKind, connection: connection) else {
            throw MetadataStoreError(.notFound, "Cannot find type for type_id: \(node.typeID)")
        }
        for (name, value) in node.properties {
            guard let declaredType = declared[name] else {
                throw MetadataStoreError(.invalidArgument, "Found unknown property: \(name)")
            }
            guard PropertyColumns.propertyType(of: value) == declaredType else {
                throw MetadataStoreError(.invalidArgument, "Found unmatched property type: \(name)")
            }
        }
        for (name, value) in node.properties { try PropertyColumns.checkReadable(value, name: name) }
        for (name, value) in node.customProperties { try PropertyColumns.checkReadable(value, name: name) }
        if Node.storage.typeKind == .context && node.name.isEmpty {
            throw MetadataStoreError(.invalidArgument, "Context name should not be empty")
        }
    }

    private func identity(of node: Node) -> String {
        var parts = ["type_id: \(node.typeID)"]
        if node.hasName { parts.append("name: \(node.name)") }
        if node.hasExternalID { parts.append("external_id: \(node.externalID)") }
        return parts.joined(separator: ", ")
    }
}

/// The declared properties of the types one writer has looked up (types do not change while it
/// runs: it is inside one transaction).
private final class DeclarationCache {
    private var known: [Int64: [String: PropertyType]] = [:]

    /// The properties type `id` declares, or nil if there is no type `id` of `kind`.
    func properties(ofType id: Int64, kind: TypeKind, connection: any DatabaseConnection) throws -> [String: PropertyType]? {
        if let cached = known[id] { return cached }
        guard let found = try TypeAccess(connection: connection).declaredProperties(ofType: id, kind: kind) else { return nil }
        known[id] = found
        return found
    }
}
