import MLMDProtos

// The type calls as ml-metadata's Python API names them (put_artifact_type, get_artifact_type, ...).
extension MetadataStore {
    /// Stores an artifact type and returns its id: a new (name, version) is created (a fresh store's
    /// first type gets id 10, after the nine built-in `mlmd.*` types); an existing one keeps its id
    /// when its properties agree, and gains new ones only with `canAddFields`.
    ///
    /// - Throws: INVALID_ARGUMENT for an empty name or an UNKNOWN property type; ALREADY_EXISTS when
    ///   the properties disagree; UNIMPLEMENTED for a change of base type.
    public func putArtifactType(_ type: ArtifactType, canAddFields: Bool = false, canOmitFields: Bool = false) throws -> Int64 {
        try put(type, canAddFields: canAddFields, canOmitFields: canOmitFields)
    }

    /// Stores an execution type and returns its id (as `putArtifactType`).
    public func putExecutionType(_ type: ExecutionType, canAddFields: Bool = false, canOmitFields: Bool = false) throws -> Int64 {
        try put(type, canAddFields: canAddFields, canOmitFields: canOmitFields)
    }

    /// Stores a context type and returns its id (as `putArtifactType`).
    public func putContextType(_ type: ContextType, canAddFields: Bool = false, canOmitFields: Bool = false) throws -> Int64 {
        try put(type, canAddFields: canAddFields, canOmitFields: canOmitFields)
    }

    /// The artifact type `name` (with `version`, or with none). - Throws: NOT_FOUND.
    public func getArtifactType(named name: String, version: String? = nil) throws -> ArtifactType {
        try type(ArtifactType.self, named: name, version: version)
    }

    /// The execution type `name` (with `version`, or with none). - Throws: NOT_FOUND.
    public func getExecutionType(named name: String, version: String? = nil) throws -> ExecutionType {
        try type(ExecutionType.self, named: name, version: version)
    }

    /// The context type `name` (with `version`, or with none). - Throws: NOT_FOUND.
    public func getContextType(named name: String, version: String? = nil) throws -> ContextType {
        try type(ContextType.self, named: name, version: version)
    }

    /// Every artifact type but the built-in `mlmd.*` ones, by id.
    public func getArtifactTypes() throws -> [ArtifactType] { try allTypes(ArtifactType.self) }

    /// Every execution type but the built-in `mlmd.*` ones, by id.
    public func getExecutionTypes() throws -> [ExecutionType] { try allTypes(ExecutionType.self) }

    /// Every context type, by id.
    public func getContextTypes() throws -> [ContextType] { try allTypes(ContextType.self) }

    /// The artifact types with these ids, in that order; unknown ids are skipped.
    public func getArtifactTypes(ids: [Int64]) throws -> [ArtifactType] { try types(ArtifactType.self, ids: ids) }

    /// The execution types with these ids, in that order; unknown ids are skipped.
    public func getExecutionTypes(ids: [Int64]) throws -> [ExecutionType] { try types(ExecutionType.self, ids: ids) }

    /// The context types with these ids, in that order; unknown ids are skipped.
    public func getContextTypes(ids: [Int64]) throws -> [ContextType] { try types(ContextType.self, ids: ids) }
}
