import MLMDProtos

// The node calls as ml-metadata's Python API names them (put_artifacts, get_artifacts_by_id, ...).
extension MetadataStore {
    /// Creates artifacts without an id and updates those with one, in one transaction; returns
    /// their ids in order. `fieldMaskPaths` (e.g. `["uri", "properties.split"]`) limits an update
    /// to those fields.
    ///
    /// - Throws: INVALID_ARGUMENT for a missing type id, an undeclared property, a property value
    ///   of the wrong kind, or an unknown id; NOT_FOUND for an unknown type; ALREADY_EXISTS for a
    ///   name or external id already used. Nothing is stored when any artifact fails.
    public func putArtifacts(_ artifacts: [Artifact], fieldMaskPaths: [String] = []) throws -> [Int64] {
        try putNodes(artifacts, maskPaths: fieldMaskPaths)
    }

    /// Creates or updates executions; as `putArtifacts`.
    public func putExecutions(_ executions: [Execution], fieldMaskPaths: [String] = []) throws -> [Int64] {
        try putNodes(executions, maskPaths: fieldMaskPaths)
    }

    /// Creates or updates contexts; as `putArtifacts` (and a context's name must not be empty).
    public func putContexts(_ contexts: [Context], fieldMaskPaths: [String] = []) throws -> [Int64] {
        try putNodes(contexts, maskPaths: fieldMaskPaths)
    }

    /// The artifacts with these ids, by id; missing ids are skipped.
    public func getArtifactsByID(_ ids: [Int64]) throws -> [Artifact] { try nodes(ids: ids) }

    /// The executions with these ids, by id; missing ids are skipped.
    public func getExecutionsByID(_ ids: [Int64]) throws -> [Execution] { try nodes(ids: ids) }

    /// The contexts with these ids, by id; missing ids are skipped.
    public func getContextsByID(_ ids: [Int64]) throws -> [Context] { try nodes(ids: ids) }

    /// Every artifact of the type `typeName` (and `version`); none if there is no such type.
    public func getArtifactsByType(_ typeName: String, version: String? = nil) throws -> [Artifact] {
        try nodes(ofType: typeName, version: version)
    }

    /// Every execution of the type; none if there is no such type.
    public func getExecutionsByType(_ typeName: String, version: String? = nil) throws -> [Execution] {
        try nodes(ofType: typeName, version: version)
    }

    /// Every context of the type; none if there is no such type.
    public func getContextsByType(_ typeName: String, version: String? = nil) throws -> [Context] {
        try nodes(ofType: typeName, version: version)
    }

    /// The artifact of that type with that name, or nil.
    public func getArtifactByTypeAndName(_ typeName: String, _ name: String, version: String? = nil) throws -> Artifact? {
        try node(ofType: typeName, version: version, named: name)
    }

    /// The execution of that type with that name, or nil.
    public func getExecutionByTypeAndName(_ typeName: String, _ name: String, version: String? = nil) throws -> Execution? {
        try node(ofType: typeName, version: version, named: name)
    }

    /// The context of that type with that name, or nil.
    public func getContextByTypeAndName(_ typeName: String, _ name: String, version: String? = nil) throws -> Context? {
        try node(ofType: typeName, version: version, named: name)
    }

    /// The artifacts stored at `uri`.
    public func getArtifactsByURI(_ uri: String) throws -> [Artifact] {
        try getArtifactsByURI(.with { $0.uris = [uri] }).artifacts
    }

    /// Every artifact, by id.
    public func getArtifacts() throws -> [Artifact] { try allNodes() }

    /// Every execution, by id.
    public func getExecutions() throws -> [Execution] { try allNodes() }

    /// Every context, by id.
    public func getContexts() throws -> [Context] { try allNodes() }
}
