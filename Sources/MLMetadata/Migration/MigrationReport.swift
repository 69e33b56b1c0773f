/// What a migration did, or with `dryRun` would do: the schema version before and after, and each
/// step with the statements it runs, in the database's own SQL. A statement that runs only in some
/// states of the database ends in `-- only if …`.
public struct MigrationReport: Sendable, Equatable {
    /// One step between two adjacent schema versions.
    public struct Step: Sendable, Equatable {
        public var from: Int64
        public var to: Int64
        public var statements: [String]

        public init(from: Int64, to: Int64, statements: [String]) {
            self.from = from
            self.to = to
            self.statements = statements
        }
    }

    /// The database, as its store names it in messages.
    public var location: String
    public var versionBefore: Int64
    /// The version the database is at now, or would be after a dry run.
    public var versionAfter: Int64
    public var steps: [Step]
    /// True when nothing was changed: the steps are what a migration would run.
    public var dryRun: Bool
}
