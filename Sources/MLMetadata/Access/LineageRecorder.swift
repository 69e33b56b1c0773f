import MLMDProtos

/// The steps PutExecution and PutLineageSubgraph share: putting artifacts (optionally reusing one
/// with the same external id), putting contexts (optionally reusing one with the same type and
/// name), and linking everything, all inside the caller's transaction.
struct LineageRecorder {
    let connection: any DatabaseConnection
    var reuseContextIfAlreadyExists = false
    var reuseArtifactIfAlreadyExistsByExternalID = false
    var now = Clock.nowMilliseconds()

    /// Puts `artifact`; returns its id.
    func put(_ artifact: Artifact) throws -> Int64 {
        var artifact = artifact
        if reuseArtifactIfAlreadyExistsByExternalID, !artifact.hasID, artifact.hasExternalID, !artifact.externalID.isEmpty,
           let existing = try NodeAccess<Artifact>(connection: connection)
               .find(where: #"N."external_id" = ?"#, [.text(artifact.externalID)]).first {
            artifact.id = existing.id
        }
        return try NodeWriter<Artifact>(connection: connection, now: now).put(artifact)
    }

    /// Puts `context`; returns its id. With `reuseContextIfAlreadyExists`, a new context whose type
    /// and name are taken resolves to the existing one, unchanged.
    func put(_ context: Context) throws -> Int64 {
        if reuseContextIfAlreadyExists, !context.hasID,
           let existing = try NodeAccess<Context>(connection: connection)
               .find(where: #"N."type_id" = ? AND N."name" = ?"#, [.integer(context.typeID), .text(context.name)]).first {
            return existing.id
        }
        return try NodeWriter<Context>(connection: connection, now: now).put(context)
    }

    /// Records `event` between `artifactID` and `executionID`; ids the event carries must agree.
    func record(_ event: Event, artifactID: Int64, executionID: Int64) throws {
        var event = event
        if event.hasArtifactID && event.artifactID != artifactID {
            throw MetadataStoreError(.invalidArgument,
                "Given event.artifact_id is not aligned with the artifact: artifact id \(artifactID), event artifact_id \(event.artifactID)")
        }
        if event.hasExecutionID && event.executionID != executionID {
            throw MetadataStoreError(.invalidArgument,
                "Request's event.execution_id does not match with the given execution: execution id \(executionID), event execution_id \(event.executionID)")
        }
        event.artifactID = artifactID
        event.executionID = executionID
        try EventAccess(connection: connection).insert(event, now: now)
    }
}
