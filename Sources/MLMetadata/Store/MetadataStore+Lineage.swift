import MLMDProtos

// PutExecution and PutLineageSubgraph: a whole step of a pipeline recorded atomically.
extension MetadataStore {
    /// PutExecution: records one execution with its input and output artifacts, the events linking
    /// them, and the contexts it belongs to, in one transaction: artifacts are put, then the
    /// execution, then the events, then each context with the execution associated and every
    /// artifact attributed. Pairs without an artifact get id -1 in the response.
    ///
    /// - Throws: as PutArtifacts, PutExecutions, PutEvents and PutContexts; INVALID_ARGUMENT for an
    ///   event whose ids disagree with its pair; NOT_FOUND for a `force_reuse_context` context that
    ///   does not exist. Nothing is stored when anything fails.
    public func putExecution(_ request: PutExecutionRequest) throws -> PutExecutionResponse {
        let options = request.options
        return try transaction(writing: true) { access in
            let recorder = LineageRecorder(
                connection: access.connection,
                reuseContextIfAlreadyExists: options.reuseContextIfAlreadyExist,
                reuseArtifactIfAlreadyExistsByExternalID: options.reuseArtifactIfAlreadyExistByExternalID)
            var response = PutExecutionResponse()
            // A pair without an artifact refers to one by its event's artifact_id.
            response.artifactIDs = try request.artifactEventPairs.map { pair in
                if pair.hasArtifact { return try recorder.put(pair.artifact) }
                return pair.event.hasArtifactID ? pair.event.artifactID : -1
            }
            let executionWriter = NodeWriter<Execution>(
                connection: access.connection, forceUpdateTime: options.forceUpdateTime,
                now: recorder.now)
            response.executionID = try executionWriter.put(request.execution)
            recorder.known.insert(response.executionID, in: "Execution")
            for (pair, artifactID) in zip(request.artifactEventPairs, response.artifactIDs) where pair.hasEvent {
                try recorder.record(pair.event, artifactID: artifactID, executionID: response.executionID)
            }
            response.contextIDs = try request.contexts.map { context in
                if options.forceReuseContext && context.hasID {
                    guard try NodeAccess<Context>(connection: access.connection).find(ids: [context.id]).first != nil else {
                        throw MetadataStoreError(.notFound, "Cannot find context with id \(context.id)")
                    }
                    recorder.known.insert(context.id, in: "Context")
                    return context.id
                }
                return try recorder.put(context)
            }
            let relations = RelationAccess(connection: access.connection, known: recorder.known)
            for contextID in response.contextIDs {
                try relations.associate(executionID: response.executionID, withContext: contextID)
                for artifactID in response.artifactIDs where artifactID != -1 {
                    try relations.attribute(artifactID: artifactID, toContext: contextID)
                }
            }
            return response
        }
    }

    /// PutLineageSubgraph: records executions, artifacts and contexts and the events between them
    /// (by index into the request's lists) in one transaction; every artifact and execution joins
    /// every context.
    ///
    /// - Throws: OUT_OF_RANGE for an edge index outside the lists; INVALID_ARGUMENT for ids that
    ///   disagree; otherwise as the single puts. Nothing is stored when anything fails.
    public func putLineageSubgraph(_ request: PutLineageSubgraphRequest) throws -> PutLineageSubgraphResponse {
        let options = request.options
        return try transaction(writing: true) { access in
            let recorder = LineageRecorder(
                connection: access.connection,
                reuseContextIfAlreadyExists: options.reuseContextIfAlreadyExist,
                reuseArtifactIfAlreadyExistsByExternalID: options.reuseArtifactIfAlreadyExistByExternalID)
            var response = PutLineageSubgraphResponse()
            response.contextIDs = try request.contexts.map { try recorder.put($0) }
            response.artifactIDs = try request.artifacts.map { try recorder.put($0) }
            let executionWriter = NodeWriter<Execution>(connection: access.connection, now: recorder.now)
            response.executionIDs = try request.executions.map { try executionWriter.put($0) }
            for executionID in response.executionIDs { recorder.known.insert(executionID, in: "Execution") }
            let relations = RelationAccess(connection: access.connection, known: recorder.known)
            for contextID in response.contextIDs {
                for artifactID in response.artifactIDs { try relations.attribute(artifactID: artifactID, toContext: contextID) }
                for executionID in response.executionIDs {
                    try relations.associate(executionID: executionID, withContext: contextID)
                }
            }
            for edge in request.eventEdges {
                let executionID = try edgeEnd(
                    edge, index: edge.hasExecutionIndex ? edge.executionIndex : nil,
                    ids: response.executionIDs, eventID: edge.event.hasExecutionID ? edge.event.executionID : nil,
                    what: "execution")
                let artifactID = try edgeEnd(
                    edge, index: edge.hasArtifactIndex ? edge.artifactIndex : nil,
                    ids: response.artifactIDs, eventID: edge.event.hasArtifactID ? edge.event.artifactID : nil,
                    what: "artifact")
                try recorder.record(edge.event, artifactID: artifactID, executionID: executionID)
            }
            return response
        }
    }

    /// The id one end of an event edge names: by index into the request's list, or by the event's own id.
    private func edgeEnd(
        _ edge: PutLineageSubgraphRequest.EventEdge, index: Int32?, ids: [Int64], eventID: Int64?,
        what: String
    ) throws -> Int64 {
        guard let index else {
            guard let eventID else {
                throw MetadataStoreError(
                    .invalidArgument,
                    "Event_edge is missing an \(what). Could not find either an \(what)_index or an event.\(what)_id")
            }
            return eventID
        }
        guard ids.indices.contains(Int(index)) else {
            throw MetadataStoreError(
                .outOfRange,
                "The event_edge has an \(what)_index \(index) that is outside the bounds of the request's \(what)s list, [0, \(ids.count))."
            )
        }
        return ids[Int(index)]
    }
}
