/// What a store is and how many nodes each of its types has: the lineage browser's overview.
public struct StoreCensus: Sendable, Equatable {
    /// `SQLite`, `PostgreSQL` or `MySQL`.
    public var backend: String
    /// The database: a file name, or a server and database name.
    public var location: String
    /// The schema version of the database (always the one this library reads: it opens no other).
    public var schemaVersion: Int64
    /// The number of artifacts, executions and contexts of each type, by type id; a type with
    /// no nodes is absent.
    public var nodesByType: [Int64: Int64]
}

extension MetadataStore {
    /// Counts the nodes of each type, in one read transaction. Each count reads the node table's
    /// type index, not its rows, but still takes longer as the store grows.
    public func census() throws -> StoreCensus {
        try transaction(writing: false) { access in
            let connection = access.connection
            var nodesByType: [Int64: Int64] = [:]
            for table in ["Artifact", "Execution", "Context"] {
                let statement = try connection.statement(#"SELECT "type_id", count(*) FROM "\#(table)" GROUP BY "type_id""#)
                defer { statement.reset() }
                while try statement.step() { nodesByType[statement.int64(0)] = statement.int64(1) }
            }
            let backend =
                switch connection.dialect {
                case .sqlite: "SQLite"
                case .postgresql: "PostgreSQL"
                case .mysql: "MySQL"
                }
            return StoreCensus(
                backend: backend, location: connection.location, schemaVersion: Self.schemaVersion, nodesByType: nodesByType)
        }
    }
}
