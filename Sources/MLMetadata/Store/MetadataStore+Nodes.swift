import MLMDProtos

// The node RPCs for artifacts, executions and contexts: Put*, Get*ByID, Get*ByType,
// Get*ByTypeAndName, GetArtifactsByURI, Get*ByExternalIds and Get*, over generic implementations
// below. Get*ByType and Get* also take list options: paging, ordering and filter queries.
extension MetadataStore {
    // MARK: Writes

    /// PutArtifacts: creates artifacts without an id and updates those with one (whole, or the
    /// fields in `update_mask`), all in one transaction; ids in request order.
    public func putArtifacts(_ request: PutArtifactsRequest) throws -> PutArtifactsResponse {
        let ids = try putNodes(
            request.artifacts, maskPaths: request.updateMask.paths,
            abortIfLatestUpdatedTimeChanged: request.options.abortIfLatestUpdatedTimeChanged)
        return .with { $0.artifactIDs = ids }
    }

    /// PutExecutions: as PutArtifacts, for executions.
    public func putExecutions(_ request: PutExecutionsRequest) throws -> PutExecutionsResponse {
        let ids = try putNodes(request.executions, maskPaths: request.updateMask.paths)
        return .with { $0.executionIDs = ids }
    }

    /// PutContexts: as PutArtifacts, for contexts (whose name must not be empty).
    public func putContexts(_ request: PutContextsRequest) throws -> PutContextsResponse {
        let ids = try putNodes(request.contexts, maskPaths: request.updateMask.paths)
        return .with { $0.contextIDs = ids }
    }

    // MARK: Reads

    /// GetArtifactsByID: the artifacts with these ids (missing ids skipped), and with
    /// `populate_artifact_types` their types too.
    public func getArtifactsByID(_ request: GetArtifactsByIDRequest) throws -> GetArtifactsByIDResponse {
        try transaction(writing: false) { access in
            var response = GetArtifactsByIDResponse()
            response.artifacts = try NodeAccess<Artifact>(connection: access.connection).find(ids: request.artifactIDs)
            if request.populateArtifactTypes {
                var typeIDs: [Int64] = []
                for artifact in response.artifacts where !typeIDs.contains(artifact.typeID) { typeIDs.append(artifact.typeID) }
                response.artifactTypes = try access.types.find(ArtifactType.self, ids: typeIDs)
            }
            return response
        }
    }

    /// GetExecutionsByID: the executions with these ids; missing ids are skipped.
    public func getExecutionsByID(_ request: GetExecutionsByIDRequest) throws -> GetExecutionsByIDResponse {
        let nodes: [Execution] = try nodes(ids: request.executionIDs)
        return .with { $0.executions = nodes }
    }

    /// GetContextsByID: the contexts with these ids; missing ids are skipped.
    public func getContextsByID(_ request: GetContextsByIDRequest) throws -> GetContextsByIDResponse {
        let nodes: [Context] = try nodes(ids: request.contextIDs)
        return .with { $0.contexts = nodes }
    }

    /// GetArtifactsByType: every artifact of the type; none for an unknown type.
    public func getArtifactsByType(_ request: GetArtifactsByTypeRequest) throws -> GetArtifactsByTypeResponse {
        let page: (nodes: [Artifact], nextToken: String?) = try nodes(
            ofType: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil,
            options: request.hasOptions ? request.options : nil)
        return .with {
            $0.artifacts = page.nodes; if let token = page.nextToken { $0.nextPageToken = token }
        }
    }

    /// GetExecutionsByType: every execution of the type; none for an unknown type.
    public func getExecutionsByType(_ request: GetExecutionsByTypeRequest) throws -> GetExecutionsByTypeResponse {
        let page: (nodes: [Execution], nextToken: String?) = try nodes(
            ofType: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil,
            options: request.hasOptions ? request.options : nil)
        return .with {
            $0.executions = page.nodes; if let token = page.nextToken { $0.nextPageToken = token }
        }
    }

    /// GetContextsByType: every context of the type; none for an unknown type.
    public func getContextsByType(_ request: GetContextsByTypeRequest) throws -> GetContextsByTypeResponse {
        let page: (nodes: [Context], nextToken: String?) = try nodes(
            ofType: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil,
            options: request.hasOptions ? request.options : nil)
        return .with {
            $0.contexts = page.nodes; if let token = page.nextToken { $0.nextPageToken = token }
        }
    }

    /// GetArtifactByTypeAndName: the artifact, or a response without one.
    public func getArtifactByTypeAndName(_ request: GetArtifactByTypeAndNameRequest) throws -> GetArtifactByTypeAndNameResponse {
        let node: Artifact? = try node(
            ofType: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil,
            named: request.artifactName)
        return .with { if let node { $0.artifact = node } }
    }

    /// GetExecutionByTypeAndName: the execution, or a response without one.
    public func getExecutionByTypeAndName(_ request: GetExecutionByTypeAndNameRequest) throws -> GetExecutionByTypeAndNameResponse {
        let node: Execution? = try node(
            ofType: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil,
            named: request.executionName)
        return .with { if let node { $0.execution = node } }
    }

    /// GetContextByTypeAndName: the context, or a response without one.
    public func getContextByTypeAndName(_ request: GetContextByTypeAndNameRequest) throws -> GetContextByTypeAndNameResponse {
        let node: Context? = try node(
            ofType: request.typeName, version: request.hasTypeVersion ? request.typeVersion : nil,
            named: request.contextName)
        return .with { if let node { $0.context = node } }
    }

    /// GetArtifactsByURI: the artifacts with any of these uris.
    public func getArtifactsByURI(_ request: GetArtifactsByURIRequest) throws -> GetArtifactsByURIResponse {
        // Field 1 is reserved (a single uri, long removed); a client still sending it is told so.
        guard !UnknownFieldScan.contains(fieldNumber: 1, in: request.unknownFields) else {
            throw MetadataStoreError(.invalidArgument, "The request contains deprecated field `uri`. Server collects artifacts by `uris`.")
        }
        let artifacts = try transaction(writing: false) { access in
            var found: [Int64: Artifact] = [:]
            for uri in request.uris {
                for artifact in try NodeAccess<Artifact>(connection: access.connection).find(where: #"N."uri" = ?"#, [.text(uri)]) {
                    found[artifact.id] = artifact
                }
            }
            return found.keys.sorted().map { found[$0]! }
        }
        return .with { $0.artifacts = artifacts }
    }

    /// GetArtifacts: every artifact, by id.
    public func getArtifacts(_ request: GetArtifactsRequest) throws -> GetArtifactsResponse {
        let page: (nodes: [Artifact], nextToken: String?) = try listNodes(
            where: "TRUE", [], options: request.hasOptions ? request.options : nil)
        return .with {
            $0.artifacts = page.nodes; if let token = page.nextToken { $0.nextPageToken = token }
        }
    }

    /// GetExecutions: every execution, by id.
    public func getExecutions(_ request: GetExecutionsRequest) throws -> GetExecutionsResponse {
        let page: (nodes: [Execution], nextToken: String?) = try listNodes(
            where: "TRUE", [], options: request.hasOptions ? request.options : nil)
        return .with {
            $0.executions = page.nodes; if let token = page.nextToken { $0.nextPageToken = token }
        }
    }

    /// GetContexts: every context, by id.
    public func getContexts(_ request: GetContextsRequest) throws -> GetContextsResponse {
        let page: (nodes: [Context], nextToken: String?) = try listNodes(
            where: "TRUE", [], options: request.hasOptions ? request.options : nil)
        return .with {
            $0.contexts = page.nodes; if let token = page.nextToken { $0.nextPageToken = token }
        }
    }

    /// GetArtifactsByExternalIds: NOT_FOUND when none matches.
    public func getArtifactsByExternalIds(_ request: GetArtifactsByExternalIdsRequest) throws -> GetArtifactsByExternalIdsResponse {
        let nodes: [Artifact] = try nodes(externalIDs: request.externalIDs)
        return .with { $0.artifacts = nodes }
    }

    /// GetExecutionsByExternalIds: NOT_FOUND when none matches.
    public func getExecutionsByExternalIds(_ request: GetExecutionsByExternalIdsRequest) throws -> GetExecutionsByExternalIdsResponse {
        let nodes: [Execution] = try nodes(externalIDs: request.externalIDs)
        return .with { $0.executions = nodes }
    }

    /// GetContextsByExternalIds: NOT_FOUND when none matches.
    public func getContextsByExternalIds(_ request: GetContextsByExternalIdsRequest) throws -> GetContextsByExternalIdsResponse {
        let nodes: [Context] = try nodes(externalIDs: request.externalIDs)
        return .with { $0.contexts = nodes }
    }

    // MARK: Implementations shared by the three kinds

    func putNodes<Node: StoredNode>(_ nodes: [Node], maskPaths: [String], abortIfLatestUpdatedTimeChanged: Bool = false) throws -> [Int64] {
        try transaction(writing: true) { access in
            let writer = NodeWriter<Node>(
                connection: access.connection, maskPaths: maskPaths,
                abortIfLatestUpdatedTimeChanged: abortIfLatestUpdatedTimeChanged)
            return try writer.put(all: nodes)
        }
    }

    func nodes<Node: StoredNode>(ids: [Int64]) throws -> [Node] {
        try transaction(writing: false) { access in try NodeAccess<Node>(connection: access.connection).find(ids: ids) }
    }

    func allNodes<Node: StoredNode>() throws -> [Node] {
        try listNodes(where: "TRUE", [], options: nil).nodes
    }

    func nodes<Node: StoredNode>(ofType typeName: String, version: String?) throws -> [Node] {
        try nodes(ofType: typeName, version: version, options: nil).nodes
    }

    /// The nodes of a type, all of them by id, or one page of them with `options`.
    func nodes<Node: StoredNode>(
        ofType typeName: String, version: String?, options: ListOperationOptions?
    ) throws -> (nodes: [Node], nextToken: String?) {
        let version = version?.isEmpty == true ? nil : version
        let type = try transaction(writing: false) { access in try access.types.find(Node.NodeType.self, name: typeName, version: version) }
        guard let type else { return ([], nil) }
        return try listNodes(where: #"N."type_id" = ?"#, [.integer(type.id)], options: options)
    }

    /// The nodes matching `condition`: all of them by id, or one page with `options`.
    func listNodes<Node: StoredNode>(
        where condition: String, _ values: [DatabaseValue], options: ListOperationOptions?
    ) throws -> (nodes: [Node], nextToken: String?) {
        let request = try options.map(PageRequest.init)
        return try transaction(writing: false) { access in
            let nodes = NodeAccess<Node>(connection: access.connection)
            guard let request else { return (try nodes.find(where: condition, values), nil) }
            return try nodes.page(where: condition, values, request)
        }
    }

    func node<Node: StoredNode>(ofType typeName: String, version: String?, named name: String) throws -> Node? {
        try transaction(writing: false) { access in
            guard let type = try access.types.find(Node.NodeType.self, name: typeName, version: version?.isEmpty == true ? nil : version)
            else {
                return nil
            }
            return try NodeAccess<Node>(connection: access.connection)
                .find(where: #"N."type_id" = ? AND N."name" = ?"#, [.integer(type.id), .text(name)]).first
        }
    }

    func nodes<Node: StoredNode>(externalIDs: [String]) throws -> [Node] {
        if externalIDs.contains(where: \.isEmpty) {
            throw MetadataStoreError(.invalidArgument, "external_id must not be empty")
        }
        let found = try transaction(writing: false) { access in
            var found: [Int64: Node] = [:]
            for externalID in externalIDs {
                for node in try NodeAccess<Node>(connection: access.connection).find(where: #"N."external_id" = ?"#, [.text(externalID)]) {
                    found[node.id] = node
                }
            }
            return found.keys.sorted().map { found[$0]! }
        }
        guard !found.isEmpty else { throw MetadataStoreError(.notFound, "No \(Node.storage.plural) found for external_ids.") }
        return found
    }
}
