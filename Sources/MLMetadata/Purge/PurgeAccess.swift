import MLMDProtos

/// The statements of a purge, inside one transaction: which nodes come next, which rows hang on
/// them, and deleting those rows.
struct PurgeAccess {
    let connection: any DatabaseConnection

    // MARK: Choosing

    /// Up to `limit` ids of the nodes of `table` that match `filterQuery`, above `afterID`,
    /// ascending: the next batch.
    func nextNodes(of table: NodeTable, matching filterQuery: String, after afterID: Int64, limit: Int) throws -> [Int64] {
        let plan = try FilterQueryPlan(filterQuery, kind: table.typeKind)
        let joins = plan.joins.map { " " + $0 }.joined()
        let statement = try connection.recentStatement(
            """
            SELECT \(plan.joinsCanRepeatNodes ? "DISTINCT " : "")N."id" FROM "\(table.table)" AS N \
            LEFT JOIN "Type" AS T ON T."id" = N."type_id"\(joins) \
            WHERE \(plan.condition) AND N."id" > ? ORDER BY N."id" LIMIT \(limit)
            """)
        statement.bind(plan.joinValues + plan.conditionValues + [.integer(afterID)])
        var ids: [Int64] = []
        while try statement.step() { ids.append(statement.int64(0)) }
        return ids
    }

    /// The artifacts (`link` Attribution) or executions (Association) of `contexts` that belong
    /// to no context outside them that is kept, that is, that fails `filterQuery`.
    func exclusiveMembers(of contexts: [Int64], link: MembershipLink, filterQuery: String) throws -> [Int64] {
        var candidates: Set<Int64> = []
        try select(#"SELECT "\#(link.memberColumn)" FROM "\#(link.table)""#, where: "context_id", in: contexts) {
            candidates.insert($0.int64(0))
        }
        guard !candidates.isEmpty else { return [] }
        var memberships: [Int64: [Int64]] = [:]
        try select(
            #"SELECT "\#(link.memberColumn)", "context_id" FROM "\#(link.table)""#, where: link.memberColumn, in: candidates.sorted()
        ) {
            memberships[$0.int64(0), default: []].append($0.int64(1))
        }
        let chosen = Set(contexts)
        let others = Set(memberships.values.joined()).subtracting(chosen)
        let kept =
            others.isEmpty
            ? []
            : others.subtracting(try NodeAccess<Context>(connection: connection).ids(matching: filterQuery, among: others.sorted()))
        return candidates.filter { member in memberships[member, default: []].allSatisfy { !kept.contains($0) } }.sorted()
    }

    // MARK: What hangs on nodes

    /// Adds to `rows` every event, attribution, association and parent link of its nodes.
    func collectReferences(_ rows: inout PurgeRows) throws {
        let eventHead = #"SELECT "id" FROM "Event""#
        try select(eventHead, where: "artifact_id", in: rows.artifacts) { rows.events.insert($0.int64(0)) }
        try select(eventHead, where: "execution_id", in: rows.executions) { rows.events.insert($0.int64(0)) }
        let attributionHead = #"SELECT "id" FROM "Attribution""#
        try select(attributionHead, where: "artifact_id", in: rows.artifacts) { rows.attributions.insert($0.int64(0)) }
        try select(attributionHead, where: "context_id", in: rows.contexts) { rows.attributions.insert($0.int64(0)) }
        let associationHead = #"SELECT "id" FROM "Association""#
        try select(associationHead, where: "execution_id", in: rows.executions) { rows.associations.insert($0.int64(0)) }
        try select(associationHead, where: "context_id", in: rows.contexts) { rows.associations.insert($0.int64(0)) }
        let linkHead = #"SELECT "context_id", "parent_context_id" FROM "ParentContext""#
        for column in ["context_id", "parent_context_id"] {
            try select(linkHead, where: column, in: rows.contexts) {
                rows.parentLinks.insert(ParentLink(child: $0.int64(0), parent: $0.int64(1)))
            }
        }
    }

    // MARK: Deleting

    /// Deletes every row of `rows`: references first, nodes last, all in the caller's transaction.
    func delete(_ rows: PurgeRows) throws {
        let events = rows.events.sorted()
        try delete(from: "EventPath", where: "event_id", in: events)
        try delete(from: "Event", where: "id", in: events)
        try delete(from: "Attribution", where: "id", in: rows.attributions.sorted())
        try delete(from: "Association", where: "id", in: rows.associations.sorted())
        try delete(from: "ParentContext", where: "context_id", in: rows.contexts)
        try delete(from: "ParentContext", where: "parent_context_id", in: rows.contexts)
        for (storage, ids) in [(Artifact.storage, rows.artifacts), (Execution.storage, rows.executions), (Context.storage, rows.contexts)] {
            try delete(from: storage.propertyTable, where: storage.ownerColumn, in: ids)
            try delete(from: storage.table, where: "id", in: ids)
        }
    }

    // MARK: Statements over lists of ids

    /// Runs `head WHERE column IN (…)` for each chunk of `ids`, calling `row` on every row.
    private func select(_ head: String, where column: String, in ids: [Int64], _ row: (any DatabaseStatement) throws -> Void) throws {
        guard !ids.isEmpty else { return }
        let statement = try connection.statement(#"\#(head) WHERE "\#(column)" IN (\#(IDChunks.placeholders))"#)
        try IDChunks.forEach(of: ids) { chunk in
            statement.reset()
            statement.bind(chunk.map(DatabaseValue.integer))
            while try statement.step() { try row(statement) }
        }
        statement.reset()
    }

    private func delete(from table: String, where column: String, in ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        let statement = try connection.statement(#"DELETE FROM "\#(table)" WHERE "\#(column)" IN (\#(IDChunks.placeholders))"#)
        try IDChunks.forEach(of: ids) { chunk in
            statement.reset()
            try statement.run(chunk.map(DatabaseValue.integer))
        }
    }
}

/// The table that makes artifacts or executions members of contexts.
struct MembershipLink {
    let table: String
    let memberColumn: String

    static let attribution = MembershipLink(table: "Attribution", memberColumn: "artifact_id")
    static let association = MembershipLink(table: "Association", memberColumn: "execution_id")
}
