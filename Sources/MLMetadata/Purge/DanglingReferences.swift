/// The invariant a purge keeps after every batch: no event, event path, attribution,
/// association, parent link or property row points at a row that is gone. The tests check it
/// after purges, interrupted ones included.
package enum DanglingReferences {
    /// For each table, the condition of its rows that point at a missing row.
    private static let conditions: [String: String] = {
        func missing(_ column: String, _ table: String) -> String {
            #""\#(column)" NOT IN (SELECT "id" FROM "\#(table)")"#
        }
        return [
            "Event": "\(missing("artifact_id", "Artifact")) OR \(missing("execution_id", "Execution"))",
            "EventPath": missing("event_id", "Event"),
            "Attribution": "\(missing("artifact_id", "Artifact")) OR \(missing("context_id", "Context"))",
            "Association": "\(missing("execution_id", "Execution")) OR \(missing("context_id", "Context"))",
            "ParentContext": "\(missing("context_id", "Context")) OR \(missing("parent_context_id", "Context"))",
            "ArtifactProperty": missing("artifact_id", "Artifact"),
            "ExecutionProperty": missing("execution_id", "Execution"),
            "ContextProperty": missing("context_id", "Context"),
        ]
    }()

    /// The tables with rows that point at a missing row, and how many; empty for a consistent store.
    package static func count(on connection: any DatabaseConnection) throws -> [String: Int64] {
        var found: [String: Int64] = [:]
        for (table, condition) in conditions {
            let statement = try connection.statement(#"SELECT count(*) FROM "\#(table)" WHERE \#(condition)"#)
            defer { statement.reset() }
            guard try statement.step() else { continue }
            let count = statement.int64(0)
            if count != 0 { found[table] = count }
        }
        return found
    }
}
