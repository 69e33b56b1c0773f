/// What a migration did, or with `dryRun` would do: the schema version before and after, and each
/// step with the statements it runs, in the database's own SQL. A statement that runs only in some
/// states of the database ends in `-- only if …`.
public struct MigrationReport: Sendable, Equatable {
    /// One step between two adjacent schema versions.
    public struct Step: Sendable, Equatable {
        /// The version the step starts from.
        public var from: Int64
        /// The version it reaches: `from + 1` upgrading, `from - 1` downgrading.
        public var to: Int64
        /// Its statements in order, the one that records `to` in `MLMDEnv` last (none on the way
        /// down to 0, which has no `MLMDEnv`).
        public var statements: [String]

        /// A step from `from` to `to` running `statements`.
        public init(from: Int64, to: Int64, statements: [String]) {
            self.from = from
            self.to = to
            self.statements = statements
        }
    }

    /// The database, as its store names it in messages.
    public var location: String
    /// The version the database was at.
    public var versionBefore: Int64
    /// The version the database is at now, or would be after a dry run.
    public var versionAfter: Int64
    /// The steps from `versionBefore` to `versionAfter`, in order; none when they are equal.
    public var steps: [Step]
    /// True when nothing was changed: the steps are what a migration would run.
    public var dryRun: Bool
}
