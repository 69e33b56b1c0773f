/// Gives the space that deleted rows held back to the file system, each database its own way.
enum StoreCompaction {
    /// The tables a purge deletes from.
    static let tables = [
        "Artifact", "ArtifactProperty", "Execution", "ExecutionProperty", "Context", "ContextProperty",
        "Event", "EventPath", "Attribution", "Association", "ParentContext",
    ]

    /// Runs outside any transaction: SQLite rewrites the whole file (`VACUUM`), PostgreSQL
    /// rewrites each table (`VACUUM FULL`, which locks it meanwhile), MySQL rebuilds each table
    /// (`OPTIMIZE TABLE`, which gives space back with InnoDB's file per table, the default).
    static func compact(on connection: any DatabaseConnection) throws {
        let quoted = tables.map { #""\#($0)""# }.joined(separator: ", ")
        switch connection.dialect {
        case .sqlite: try connection.execute("VACUUM")
        case .postgresql: try connection.execute("VACUUM FULL \(quoted)")
        case .mysql: try connection.execute("OPTIMIZE TABLE \(quoted)")
        }
    }
}
