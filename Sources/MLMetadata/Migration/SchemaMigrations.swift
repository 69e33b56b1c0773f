/// How one backend moves a database between ml-metadata's schema versions 0 … 10: the steps in
/// its own SQL, how it reads its catalog, how two migrations keep out of each other's way, and
/// whether a whole migration can be one transaction.
package struct SchemaMigrations: Sendable {
    /// Steps to versions 1 … 10, in order.
    package var steps: [MigrationStep]
    package var catalog: SchemaCatalog
    /// Begins the transaction a migration runs in (SQLite's takes the write lock at once), or nil
    /// where DDL commits on its own and each step is committed with its version instead.
    package var begin: String?
    /// Taken before the version is read and held until the migration ends; nil where `begin`
    /// takes the database's write lock already.
    package var lock: MigrationLock?
    /// The statement that records `version` in `MLMDEnv`.
    package var recordVersion: @Sendable (Int64) -> String

    package init(
        steps: [MigrationStep], catalog: SchemaCatalog, begin: String?, lock: MigrationLock?,
        recordVersion: @escaping @Sendable (Int64) -> String
    ) {
        precondition(steps.map(\.version) == Array(1...SchemaV10.version), "one step per version, in order")
        self.steps = steps
        self.catalog = catalog
        self.begin = begin
        self.lock = lock
        self.recordVersion = recordVersion
    }

    /// True where a migration is one transaction: a failed one leaves the old version whole.
    package var isTransactional: Bool { begin != nil }
}

/// A lock on the database that only migrations take, so that of two started at once the second
/// waits, then finds the database migrated and does nothing.
package struct MigrationLock: Sendable {
    package var acquire: @Sendable (any DatabaseConnection) throws -> Void
    package var release: @Sendable (any DatabaseConnection) -> Void

    package init(
        acquire: @escaping @Sendable (any DatabaseConnection) throws -> Void,
        release: @escaping @Sendable (any DatabaseConnection) -> Void
    ) {
        self.acquire = acquire
        self.release = release
    }
}
