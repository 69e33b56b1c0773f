import MLMDProtos

// The type RPCs (PutArtifactType, PutTypes, GetArtifactType, GetArtifactTypes, GetArtifactTypesByID,
// GetArtifactTypesByExternalIds, and the same for execution and context types), over three generic
// implementations below.
extension MetadataStore {
    // MARK: RPCs

    /// PutArtifactType: creates or updates an artifact type; see `putArtifactType(_:canAddFields:canOmitFields:)`.
    public func putArtifactType(_ request: PutArtifactTypeRequest) throws -> PutArtifactTypeResponse {
        try checkAllFieldsMatch(request.allFieldsMatch)
        let id = try put(request.artifactType, canAddFields: request.canAddFields, canOmitFields: request.canOmitFields)
        return .with { $0.typeID = id }
    }

    /// PutExecutionType: creates or updates an execution type.
    public func putExecutionType(_ request: PutExecutionTypeRequest) throws -> PutExecutionTypeResponse {
        try checkAllFieldsMatch(request.allFieldsMatch)
        let id = try put(request.executionType, canAddFields: request.canAddFields, canOmitFields: request.canOmitFields)
        return .with { $0.typeID = id }
    }

    /// PutContextType: creates or updates a context type.
    public func putContextType(_ request: PutContextTypeRequest) throws -> PutContextTypeResponse {
        try checkAllFieldsMatch(request.allFieldsMatch)
        let id = try put(request.contextType, canAddFields: request.canAddFields, canOmitFields: request.canOmitFields)
        return .with { $0.typeID = id }
    }

    /// PutTypes: several types of all three kinds, in one transaction.
    public func putTypes(_ request: PutTypesRequest) throws -> PutTypesResponse {
        try checkAllFieldsMatch(request.allFieldsMatch)
        return try transaction(writing: true) { access in
            let upsert = TypeUpsert(access: access.types, canAddFields: request.canAddFields, canOmitFields: request.canOmitFields)
            var response = PutTypesResponse()
            response.artifactTypeIDs = try request.artifactTypes.map { try upsert.put($0) }
            response.executionTypeIDs = try request.executionTypes.map { try upsert.put($0) }
            response.contextTypeIDs = try request.contextTypes.map { try upsert.put($0) }
            return response
        }
    }

    /// GetArtifactType: by name and version; NOT_FOUND if there is none.
    public func getArtifactType(_ request: GetArtifactTypeRequest) throws -> GetArtifactTypeResponse {
        let type = try type(ArtifactType.self, named: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil)
        return .with { $0.artifactType = type }
    }

    /// GetExecutionType: by name and version; NOT_FOUND if there is none.
    public func getExecutionType(_ request: GetExecutionTypeRequest) throws -> GetExecutionTypeResponse {
        let type = try type(ExecutionType.self, named: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil)
        return .with { $0.executionType = type }
    }

    /// GetContextType: by name and version; NOT_FOUND if there is none.
    public func getContextType(_ request: GetContextTypeRequest) throws -> GetContextTypeResponse {
        let type = try type(ContextType.self, named: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil)
        return .with { $0.contextType = type }
    }

    /// GetArtifactTypes: every artifact type but the built-in `mlmd.*` ones.
    public func getArtifactTypes(_ request: GetArtifactTypesRequest) throws -> GetArtifactTypesResponse {
        let types = try allTypes(ArtifactType.self)
        return .with { $0.artifactTypes = types }
    }

    /// GetExecutionTypes: every execution type but the built-in `mlmd.*` ones.
    public func getExecutionTypes(_ request: GetExecutionTypesRequest) throws -> GetExecutionTypesResponse {
        let types = try allTypes(ExecutionType.self)
        return .with { $0.executionTypes = types }
    }

    /// GetContextTypes: every context type.
    public func getContextTypes(_ request: GetContextTypesRequest) throws -> GetContextTypesResponse {
        let types = try allTypes(ContextType.self)
        return .with { $0.contextTypes = types }
    }

    /// GetArtifactTypesByID: the artifact types among these ids; other ids are skipped.
    public func getArtifactTypesByID(_ request: GetArtifactTypesByIDRequest) throws -> GetArtifactTypesByIDResponse {
        let types = try types(ArtifactType.self, ids: request.typeIDs)
        return .with { $0.artifactTypes = types }
    }

    /// GetExecutionTypesByID: the execution types among these ids; other ids are skipped.
    public func getExecutionTypesByID(_ request: GetExecutionTypesByIDRequest) throws -> GetExecutionTypesByIDResponse {
        let types = try types(ExecutionType.self, ids: request.typeIDs)
        return .with { $0.executionTypes = types }
    }

    /// GetContextTypesByID: the context types among these ids; other ids are skipped.
    public func getContextTypesByID(_ request: GetContextTypesByIDRequest) throws -> GetContextTypesByIDResponse {
        let types = try types(ContextType.self, ids: request.typeIDs)
        return .with { $0.contextTypes = types }
    }

    /// GetArtifactTypesByExternalIds: NOT_FOUND when none matches.
    public func getArtifactTypesByExternalIds(
        _ request: GetArtifactTypesByExternalIdsRequest
    ) throws -> GetArtifactTypesByExternalIdsResponse {
        let types = try types(ArtifactType.self, externalIDs: request.externalIDs)
        return .with { $0.artifactTypes = types }
    }

    /// GetExecutionTypesByExternalIds: NOT_FOUND when none matches.
    public func getExecutionTypesByExternalIds(
        _ request: GetExecutionTypesByExternalIdsRequest
    ) throws -> GetExecutionTypesByExternalIdsResponse {
        let types = try types(ExecutionType.self, externalIDs: request.externalIDs)
        return .with { $0.executionTypes = types }
    }

    /// GetContextTypesByExternalIds: NOT_FOUND when none matches.
    public func getContextTypesByExternalIds(_ request: GetContextTypesByExternalIdsRequest) throws -> GetContextTypesByExternalIdsResponse
    {
        let types = try types(ContextType.self, externalIDs: request.externalIDs)
        return .with { $0.contextTypes = types }
    }

    // MARK: Implementations shared by the three kinds

    func put<T: StoredType>(_ type: T, canAddFields: Bool, canOmitFields: Bool) throws -> Int64 {
        try transaction(writing: true) { access in
            try TypeUpsert(access: access.types, canAddFields: canAddFields, canOmitFields: canOmitFields).put(type)
        }
    }

    func type<T: StoredType>(_ kind: T.Type, named name: String, version: String?) throws -> T {
        let version = version?.isEmpty == true ? nil : version
        let found = try transaction(writing: false) { access in try access.types.find(T.self, name: name, version: version) }
        guard let found else {
            throw MetadataStoreError(.notFound, "No type found for query, name: `\(name)`, version: `\(version ?? "nullopt")`")
        }
        return found
    }

    func allTypes<T: StoredType>(_ kind: T.Type) throws -> [T] {
        try transaction(writing: false) { access in try access.types.all(T.self) }
    }

    func types<T: StoredType>(_ kind: T.Type, ids: [Int64]) throws -> [T] {
        try transaction(writing: false) { access in try access.types.find(T.self, ids: ids) }
    }

    func types<T: StoredType>(_ kind: T.Type, externalIDs: [String]) throws -> [T] {
        if externalIDs.contains(where: \.isEmpty) {
            throw MetadataStoreError(.invalidArgument, "external_id must not be empty")
        }
        let found = try transaction(writing: false) { access in try access.types.find(T.self, externalIDs: externalIDs) }
        guard !found.isEmpty else { throw MetadataStoreError(.notFound, "No types found for external_ids.") }
        return found
    }

    private func checkAllFieldsMatch(_ allFieldsMatch: Bool) throws {
        guard allFieldsMatch else { throw MetadataStoreError(.unimplemented, "all_fields_match=false is not supported") }
    }
}
