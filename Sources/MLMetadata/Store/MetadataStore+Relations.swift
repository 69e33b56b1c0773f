import MLMDProtos

// Attributions, associations and parent contexts, and the lookups along them.
extension MetadataStore {
    /// PutAttributionsAndAssociations: links artifacts and executions to contexts; existing links
    /// are kept as they are.
    ///
    /// - Throws: INVALID_ARGUMENT for an id that names no node. Nothing is stored then.
    public func putAttributionsAndAssociations(
        _ request: PutAttributionsAndAssociationsRequest
    ) throws -> PutAttributionsAndAssociationsResponse {
        try transaction(writing: true) { access in
            for attribution in request.attributions {
                try access.relations.attribute(artifactID: attribution.artifactID, toContext: attribution.contextID)
            }
            for association in request.associations {
                try access.relations.associate(executionID: association.executionID, withContext: association.contextID)
            }
        }
        return PutAttributionsAndAssociationsResponse()
    }

    /// PutParentContexts: makes contexts children of others.
    ///
    /// - Throws: INVALID_ARGUMENT for a missing or unknown id or a cycle; ALREADY_EXISTS for a link
    ///   that exists. Nothing is stored then.
    public func putParentContexts(_ request: PutParentContextsRequest) throws -> PutParentContextsResponse {
        try transaction(writing: true) { access in
            for link in request.parentContexts { try access.relations.addParent(link) }
        }
        return PutParentContextsResponse()
    }

    /// GetContextsByArtifact: NOT_FOUND when the artifact is in no context, as in ml-metadata.
    public func getContextsByArtifact(_ request: GetContextsByArtifactRequest) throws -> GetContextsByArtifactResponse {
        let contexts = try relatedContexts { try $0.contextIDs(ofArtifact: request.artifactID) }
        guard !contexts.isEmpty else { throw MetadataStoreError(.notFound, "No contexts found for artifact_id: \(request.artifactID)") }
        return .with { $0.contexts = contexts }
    }

    /// GetContextsByExecution: NOT_FOUND when the execution is in no context, as in ml-metadata.
    public func getContextsByExecution(_ request: GetContextsByExecutionRequest) throws -> GetContextsByExecutionResponse {
        let contexts = try relatedContexts { try $0.contextIDs(ofExecution: request.executionID) }
        guard !contexts.isEmpty else { throw MetadataStoreError(.notFound, "No contexts found for execution_id: \(request.executionID)") }
        return .with { $0.contexts = contexts }
    }

    /// GetParentContextsByContext: the parents of a context.
    public func getParentContextsByContext(_ request: GetParentContextsByContextRequest) throws -> GetParentContextsByContextResponse {
        let contexts = try relatedContexts { try $0.parentIDs(of: request.contextID) }
        return .with { $0.contexts = contexts }
    }

    /// GetChildrenContextsByContext: the children of a context.
    public func getChildrenContextsByContext(_ request: GetChildrenContextsByContextRequest) throws -> GetChildrenContextsByContextResponse
    {
        let contexts = try relatedContexts { try $0.childIDs(of: request.contextID) }
        return .with { $0.contexts = contexts }
    }

    /// GetParentContextsByContexts: the parents of each context that has any.
    public func getParentContextsByContexts(_ request: GetParentContextsByContextsRequest) throws -> GetParentContextsByContextsResponse {
        var response = GetParentContextsByContextsResponse()
        for contextID in request.contextIDs {
            let parents = try relatedContexts { try $0.parentIDs(of: contextID) }
            if !parents.isEmpty { response.contexts[contextID] = .with { $0.parentContexts = parents } }
        }
        return response
    }

    /// GetChildrenContextsByContexts: the children of each context that has any.
    public func getChildrenContextsByContexts(
        _ request: GetChildrenContextsByContextsRequest
    ) throws -> GetChildrenContextsByContextsResponse {
        var response = GetChildrenContextsByContextsResponse()
        for contextID in request.contextIDs {
            let children = try relatedContexts { try $0.childIDs(of: contextID) }
            if !children.isEmpty { response.contexts[contextID] = .with { $0.childrenContexts = children } }
        }
        return response
    }

    /// GetArtifactsByContext: the artifacts attributed to a context.
    public func getArtifactsByContext(_ request: GetArtifactsByContextRequest) throws -> GetArtifactsByContextResponse {
        let page: (nodes: [Artifact], nextToken: String?) = try listNodes(
            where: #"N."id" IN (SELECT "artifact_id" FROM "Attribution" WHERE "context_id" = ?)"#, [.integer(request.contextID)],
            options: request.hasOptions ? request.options : nil)
        return .with {
            $0.artifacts = page.nodes; if let token = page.nextToken { $0.nextPageToken = token }
        }
    }

    /// GetExecutionsByContext: the executions associated with a context.
    public func getExecutionsByContext(_ request: GetExecutionsByContextRequest) throws -> GetExecutionsByContextResponse {
        guard request.hasOptions else {
            let executions: [Execution] = try relatedNodes { try $0.executionIDs(inContext: request.contextID) }
            return .with { $0.executions = executions }
        }
        let page: (nodes: [Execution], nextToken: String?) = try listNodes(
            where: #"N."id" IN (SELECT "execution_id" FROM "Association" WHERE "context_id" = ?)"#, [.integer(request.contextID)],
            options: request.options)
        return .with {
            $0.executions = page.nodes; if let token = page.nextToken { $0.nextPageToken = token }
        }
    }

    private func relatedContexts(_ ids: (RelationAccess) throws -> [Int64]) throws -> [Context] {
        try relatedNodes(ids)
    }

    /// The nodes with the ids `ids` gives, in that order.
    private func relatedNodes<Node: StoredNode>(_ ids: (RelationAccess) throws -> [Int64]) throws -> [Node] {
        try transaction(writing: false) { access in
            let ordered = try ids(access.relations)
            let byID = Dictionary(
                uniqueKeysWithValues: try NodeAccess<Node>(connection: access.connection).find(ids: ordered).map { ($0.id, $0) })
            return ordered.compactMap { byID[$0] }
        }
    }
}
