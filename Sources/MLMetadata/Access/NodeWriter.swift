import MLMDProtos
import ProtoWire

/// ml-metadata's rules for putting a node: a node without an id is created (its type must exist
/// and declare every property it sets, with a value of the declared kind); a node with an id
/// updates the stored one, whole or through a field mask, and its last-update time moves only when
/// something changed.
struct NodeWriter<Node: StoredNode> {
    let connection: SQLiteConnection
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
        do {
            return try nodes.insert(normalized(node), now: now)
        } catch let failure as SQLiteFailure where failure.isUniqueViolation {
            throw MetadataStoreError(.alreadyExists, "Given node already exists: \(identity(of: node)): \(failure.message)")
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
            throw MetadataStoreError(.invalidArgument, "Given type_id \(given.typeID) is different from the one known before: \(stored.typeID)")
        }
        if abortIfLatestUpdatedTimeChanged && stored.lastUpdateTimeSinceEpoch != given.lastUpdateTimeSinceEpoch {
            throw MetadataStoreError(.failedPrecondition,
                "\(Node.storage.table) \(given.id) was updated at \(stored.lastUpdateTimeSinceEpoch), not at \(given.lastUpdateTimeSinceEpoch) as the caller saw it")
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
        } catch let failure as SQLiteFailure where failure.isUniqueViolation {
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
    func properties(ofType id: Int64, kind: TypeKind, connection: SQLiteConnection) throws -> [String: PropertyType]? {
        if let cached = known[id] { return cached }
        guard let found = try TypeAccess(connection: connection).declaredProperties(ofType: id, kind: kind) else { return nil }
        known[id] = found
        return found
    }
}
