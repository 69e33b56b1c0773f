import MLMDProtos

/// The steps PutExecution and PutLineageSubgraph share: putting artifacts (optionally reusing one
/// with the same external id), putting contexts (optionally reusing one with the same type and
/// name), and linking everything, all inside the caller's transaction.
struct LineageRecorder {
    let connection: any DatabaseConnection
    let reuseContextIfAlreadyExists: Bool
    let reuseArtifactIfAlreadyExistsByExternalID: Bool
    let now = Clock.nowMilliseconds()
    /// The nodes this call has put or found: events and links to them need not look them up.
    let known = KnownRows()
    /// One writer for each kind, so each looks a type up once per call, not once per node.
    private let artifactWriter: NodeWriter<Artifact>
    private let contextWriter: NodeWriter<Context>

    init(connection: any DatabaseConnection, reuseContextIfAlreadyExists: Bool, reuseArtifactIfAlreadyExistsByExternalID: Bool) {
        self.connection = connection
        self.reuseContextIfAlreadyExists = reuseContextIfAlreadyExists
        self.reuseArtifactIfAlreadyExistsByExternalID = reuseArtifactIfAlreadyExistsByExternalID
        artifactWriter = NodeWriter(connection: connection, now: now)
        contextWriter = NodeWriter(connection: connection, now: now)
    }

    /// Puts `artifact`; returns its id.
    func put(_ artifact: Artifact) throws -> Int64 {
        let id = try putArtifact(artifact)
        known.insert(id, in: "Artifact")
        return id
    }

    private func putArtifact(_ artifact: Artifact) throws -> Int64 {
        let writer = artifactWriter
        guard reuseArtifactIfAlreadyExistsByExternalID, !artifact.hasID, artifact.hasExternalID, !artifact.externalID.isEmpty else {
            return try writer.put(artifact)
        }
        let existing = {
            try NodeAccess<Artifact>(connection: self.connection).find(where: #"N."external_id" = ?"#, [.text(artifact.externalID)]).first?
                .id
        }
        // A reused artifact is updated with what the caller gave.
        let update = { (id: Int64) throws -> Int64 in
            var reused = artifact
            reused.id = id
            return try writer.put(reused)
        }
        if let id = try existing() { return try update(id) }
        return try putOrReuse(artifact, writer, existing: existing, reuse: update)
    }

    /// Puts `context`; returns its id. With `reuseContextIfAlreadyExists`, a new context whose type
    /// and name are taken resolves to the existing one, unchanged.
    func put(_ context: Context) throws -> Int64 {
        let id = try putContext(context)
        known.insert(id, in: "Context")
        return id
    }

    private func putContext(_ context: Context) throws -> Int64 {
        let writer = contextWriter
        guard reuseContextIfAlreadyExists, !context.hasID else { return try writer.put(context) }
        let existing = {
            try NodeAccess<Context>(connection: self.connection)
                .find(where: #"N."type_id" = ? AND N."name" = ?"#, [.integer(context.typeID), .text(context.name)]).first?.id
        }
        if let id = try existing() { return id }
        return try putOrReuse(context, writer, existing: existing, reuse: { $0 })
    }

    /// Inserts a node that was not there when looked up. Another connection (a second server on
    /// one PostgreSQL or MySQL database) may have inserted the same one since: then the insert meets the
    /// unique key, and the node it inserted is the one to reuse.
    private func putOrReuse<Node: StoredNode>(
        _ node: Node, _ writer: NodeWriter<Node>, existing: () throws -> Int64?,
        reuse: (Int64) throws -> Int64
    ) throws -> Int64 {
        do {
            return try connection.recoverable { try writer.put(node) }
        } catch let error as MetadataStoreError where error.code == .alreadyExists {
            guard let id = try existing() else { throw error }
            return try reuse(id)
        }
    }

    /// Records `event` between `artifactID` and `executionID`; ids the event carries must agree.
    func record(_ event: Event, artifactID: Int64, executionID: Int64) throws {
        var event = event
        if event.hasArtifactID && event.artifactID != artifactID {
            throw MetadataStoreError(
                .invalidArgument,
                "Given event.artifact_id is not aligned with the artifact: artifact id \(artifactID), event artifact_id \(event.artifactID)"
            )
        }
        if event.hasExecutionID && event.executionID != executionID {
            throw MetadataStoreError(
                .invalidArgument,
                "Request's event.execution_id does not match with the given execution: execution id \(executionID), event execution_id \(event.executionID)"
            )
        }
        event.artifactID = artifactID
        event.executionID = executionID
        try EventAccess(connection: connection, known: known).insert(event, now: now)
    }
}
