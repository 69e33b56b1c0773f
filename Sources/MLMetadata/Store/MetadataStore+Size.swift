/// How many records of each kind a store holds.
public struct StoreSize: Sendable, Equatable {
    public var artifacts: Int64
    public var executions: Int64
    public var contexts: Int64
    public var events: Int64
    /// Types of every kind, the built-in ones included.
    public var types: Int64

    /// The counts with the names metrics give them.
    public var byKind: [(kind: String, count: Int64)] {
        [("artifacts", artifacts), ("executions", executions), ("contexts", contexts), ("events", events), ("types", types)]
    }
}

extension MetadataStore {
    /// How many records of each kind the store holds, counted in one read transaction (each
    /// count reads its table's primary key, so it takes longer as a table grows: for a metrics
    /// scrape, not for every call).
    public func size() throws -> StoreSize {
        try transaction(writing: false) { access in
            func count(_ table: String) throws -> Int64 {
                let statement = try access.connection.statement(#"SELECT count(*) FROM "\#(table)""#)
                defer { statement.reset() }
                _ = try statement.step()
                return statement.int64(0)
            }
            return StoreSize(
                artifacts: try count("Artifact"), executions: try count("Execution"), contexts: try count("Context"),
                events: try count("Event"), types: try count("Type"))
        }
    }
}
