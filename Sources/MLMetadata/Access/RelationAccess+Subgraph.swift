import MLMDProtos

// The attributions and associations of a lineage subgraph's nodes.
extension RelationAccess {
    /// The attributions of these artifacts, in the order they were made.
    func attributions(ofArtifacts artifactIDs: [Int64]) throws -> [Attribution] {
        try links(table: "Attribution", nodeColumn: "artifact_id", artifactIDs)
            .map { link in .with { $0.artifactID = link.node; $0.contextID = link.context } }
    }

    /// The associations of these executions, in the order they were made.
    func associations(ofExecutions executionIDs: [Int64]) throws -> [Association] {
        try links(table: "Association", nodeColumn: "execution_id", executionIDs)
            .map { link in .with { $0.executionID = link.node; $0.contextID = link.context } }
    }

    private func links(table: String, nodeColumn: String, _ nodeIDs: [Int64]) throws -> [(node: Int64, context: Int64)] {
        var rows: [(id: Int64, node: Int64, context: Int64)] = []
        // Chunks keep the bound parameters under SQLite's limit.
        for start in stride(from: 0, to: nodeIDs.count, by: 256) {
            let chunk = nodeIDs[start ..< min(start + 256, nodeIDs.count)]
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let statement = try connection.uncachedStatement(
                #"SELECT "id", "\#(nodeColumn)", "context_id" FROM "\#(table)" WHERE "\#(nodeColumn)" IN (\#(placeholders))"#)
            statement.bind(chunk.map(SQLiteValue.integer))
            while try statement.step() { rows.append((statement.int64(0), statement.int64(1), statement.int64(2))) }
        }
        return rows.sorted { $0.id < $1.id }.map { ($0.node, $0.context) }
    }
}
