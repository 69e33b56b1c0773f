import MLMDProtos

/// Attributions (context–artifact), associations (context–execution) and parent contexts, inside
/// a transaction.
struct RelationAccess {
    let connection: any DatabaseConnection
    /// Rows the call already knows exist (`LineageRecorder`'s), not looked up again.
    var known: KnownRows? = nil

    /// Links `artifactID` to `contextID`; an existing link is left as it is.
    func attribute(artifactID: Int64, toContext contextID: Int64) throws {
        guard try connection.rowExists(in: "Context", id: contextID, known: known) else {
            throw MetadataStoreError(.invalidArgument, "Context id not found.")
        }
        guard try connection.rowExists(in: "Artifact", id: artifactID, known: known) else {
            throw MetadataStoreError(.invalidArgument, "Artifact id not found.")
        }
        try connection.statement(#"INSERT OR IGNORE INTO "Attribution" ("context_id", "artifact_id") VALUES (?, ?)"#)
            .run([.integer(contextID), .integer(artifactID)])
    }

    /// Links `executionID` to `contextID`; an existing link is left as it is.
    func associate(executionID: Int64, withContext contextID: Int64) throws {
        guard try connection.rowExists(in: "Context", id: contextID, known: known) else {
            throw MetadataStoreError(.invalidArgument, "Context id not found.")
        }
        guard try connection.rowExists(in: "Execution", id: executionID, known: known) else {
            throw MetadataStoreError(.invalidArgument, "Execution id not found.")
        }
        try connection.statement(#"INSERT OR IGNORE INTO "Association" ("context_id", "execution_id") VALUES (?, ?)"#)
            .run([.integer(contextID), .integer(executionID)])
    }

    /// Makes `parentID` a parent of `childID`, refusing unknown ids, duplicates and cycles.
    func addParent(_ link: ParentContext) throws {
        guard link.hasChildID, link.hasParentID else {
            throw MetadataStoreError(.invalidArgument, "Missing parent / child id in the parent_context: \(describe(link))")
        }
        guard link.childID != link.parentID, try connection.rowExists(in: "Context", id: link.childID),
            try connection.rowExists(in: "Context", id: link.parentID)
        else {
            throw MetadataStoreError(.invalidArgument, "Given parent / child id in the parent_context cannot be found: \(describe(link))")
        }
        // A cycle appears if the child is already an ancestor of the parent.
        if try ancestors(of: link.parentID).contains(link.childID) {
            throw MetadataStoreError(.invalidArgument, "There is a cycle detected of the given relationship.")
        }
        do {
            try connection.statement(#"INSERT INTO "ParentContext" ("context_id", "parent_context_id") VALUES (?, ?)"#)
                .run([.integer(link.childID), .integer(link.parentID)])
        } catch let failure as DatabaseFailure where failure.isUniqueViolation {
            throw MetadataStoreError(.alreadyExists, "Given parent_context already exists: \(describe(link))")
        }
    }

    private func describe(_ link: ParentContext) -> String {
        [link.hasChildID ? "child_id: \(link.childID)" : nil, link.hasParentID ? "parent_id: \(link.parentID)" : nil]
            .compactMap { $0 }.joined(separator: " ")
    }

    private func ancestors(of contextID: Int64) throws -> Set<Int64> {
        var seen: Set<Int64> = []
        var frontier = [contextID]
        while let next = frontier.popLast() {
            for parent in try parentIDs(of: next) where seen.insert(parent).inserted { frontier.append(parent) }
        }
        return seen
    }

    // MARK: Lookups (ids, ascending)

    func parentIDs(of contextID: Int64) throws -> [Int64] {
        try ids(#"SELECT "parent_context_id" FROM "ParentContext" WHERE "context_id" = ? ORDER BY 1"#, contextID)
    }

    func childIDs(of contextID: Int64) throws -> [Int64] {
        try ids(#"SELECT "context_id" FROM "ParentContext" WHERE "parent_context_id" = ? ORDER BY 1"#, contextID)
    }

    func contextIDs(ofArtifact artifactID: Int64) throws -> [Int64] {
        try ids(#"SELECT "context_id" FROM "Attribution" WHERE "artifact_id" = ? ORDER BY 1"#, artifactID)
    }

    func contextIDs(ofExecution executionID: Int64) throws -> [Int64] {
        try ids(#"SELECT "context_id" FROM "Association" WHERE "execution_id" = ? ORDER BY 1"#, executionID)
    }

    /// Newest first, as ml-metadata lists a context's executions.
    func executionIDs(inContext contextID: Int64) throws -> [Int64] {
        try ids(
            """
            SELECT A."execution_id" FROM "Association" AS A JOIN "Execution" AS E ON E."id" = A."execution_id" \
            WHERE A."context_id" = ? ORDER BY E."create_time_since_epoch" DESC, E."id" DESC
            """, contextID)
    }

    private func ids(_ sql: String, _ id: Int64) throws -> [Int64] {
        let statement = try connection.statement(sql)
        statement.bind([.integer(id)])
        var ids: [Int64] = []
        while try statement.step() { ids.append(statement.int64(0)) }
        return ids
    }
}
