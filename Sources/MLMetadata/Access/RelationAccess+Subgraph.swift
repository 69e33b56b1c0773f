import MLMDProtos

// The attributions and associations of many nodes at once: a lineage subgraph's, or a whole
// store's for `mlmd export`.
extension RelationAccess {
    /// The attributions of these artifacts, in the order they were made.
    func attributions(ofArtifacts artifactIDs: [Int64]) throws -> [Attribution] {
        try links(table: "Attribution", nodeColumn: "artifact_id", artifactIDs)
            .map { link in
                .with {
                    $0.artifactID = link.node; $0.contextID = link.context
                }
            }
    }

    /// The associations of these executions, in the order they were made.
    func associations(ofExecutions executionIDs: [Int64]) throws -> [Association] {
        try links(table: "Association", nodeColumn: "execution_id", executionIDs)
            .map { link in
                .with {
                    $0.executionID = link.node; $0.contextID = link.context
                }
            }
    }

    private func links(table: String, nodeColumn: String, _ nodeIDs: [Int64]) throws -> [(node: Int64, context: Int64)] {
        // Padded chunks repeat an id; the row id keeps each link once.
        var rows: [Int64: (node: Int64, context: Int64)] = [:]
        let statement = try connection.statement(
            #"SELECT "id", "\#(nodeColumn)", "context_id" FROM "\#(table)" WHERE "\#(nodeColumn)" IN (\#(IDChunks.placeholders))"#)
        try IDChunks.forEach(of: nodeIDs) { chunk in
            statement.reset()
            statement.bind(chunk.map(DatabaseValue.integer))
            while try statement.step() { rows[statement.int64(0)] = (statement.int64(1), statement.int64(2)) }
        }
        return rows.sorted { $0.key < $1.key }.map(\.value)
    }
}
