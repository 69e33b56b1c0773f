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

// Lineage calls as the Python API names them.
extension MetadataStore {
    /// Records an execution with its input and output artifacts (each with an optional event; the
    /// event's ids are filled in) and the contexts it belongs to, atomically. Returns the
    /// execution's id, the artifacts' ids (-1 for a pair without artifact or artifact id) and the
    /// contexts' ids. See `putExecution(_: PutExecutionRequest)` for the rules and errors.
    public func putExecution(
        _ execution: Execution, artifactsAndEvents: [(artifact: Artifact?, event: Event?)], contexts: [Context],
        reuseContextIfAlreadyExist: Bool = false, reuseArtifactIfAlreadyExistByExternalID: Bool = false,
        forceReuseContext: Bool = false, forceUpdateTime: Bool = false
    ) throws -> (executionID: Int64, artifactIDs: [Int64], contextIDs: [Int64]) {
        let response = try putExecution(
            .with {
                $0.execution = execution
                $0.artifactEventPairs = artifactsAndEvents.map { pair in
                    .with {
                        if let artifact = pair.artifact { $0.artifact = artifact }
                        if let event = pair.event { $0.event = event }
                    }
                }
                $0.contexts = contexts
                $0.options = .with {
                    $0.reuseContextIfAlreadyExist = reuseContextIfAlreadyExist
                    $0.reuseArtifactIfAlreadyExistByExternalID = reuseArtifactIfAlreadyExistByExternalID
                    $0.forceReuseContext = forceReuseContext
                    $0.forceUpdateTime = forceUpdateTime
                }
            })
        return (response.executionID, response.artifactIDs, response.contextIDs)
    }

    /// The contexts an artifact belongs to. - Throws: NOT_FOUND when there are none (as ml-metadata).
    public func getContextsByArtifact(_ artifactID: Int64) throws -> [Context] {
        try getContextsByArtifact(.with { $0.artifactID = artifactID }).contexts
    }

    /// The contexts an execution belongs to. - Throws: NOT_FOUND when there are none (as ml-metadata).
    public func getContextsByExecution(_ executionID: Int64) throws -> [Context] {
        try getContextsByExecution(.with { $0.executionID = executionID }).contexts
    }

    /// The artifacts attributed to a context, by id.
    public func getArtifactsByContext(_ contextID: Int64) throws -> [Artifact] {
        try getArtifactsByContext(.with { $0.contextID = contextID }).artifacts
    }

    /// The executions associated with a context, newest first.
    public func getExecutionsByContext(_ contextID: Int64) throws -> [Execution] {
        try getExecutionsByContext(.with { $0.contextID = contextID }).executions
    }

    /// The attributions of these artifacts, in the order they were made: the links themselves,
    /// without reading the artifacts or contexts (ml-metadata has no RPC for this).
    public func getAttributions(artifactIDs: [Int64]) throws -> [Attribution] {
        try transaction(writing: false) { access in try access.relations.attributions(ofArtifacts: artifactIDs) }
    }

    /// The associations of these executions, in the order they were made.
    public func getAssociations(executionIDs: [Int64]) throws -> [Association] {
        try transaction(writing: false) { access in try access.relations.associations(ofExecutions: executionIDs) }
    }
}
