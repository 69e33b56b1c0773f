import MLMDProtos

extension MetadataStore {
    /// The schema version this library reads and writes (ml-metadata 1.17.1's): 10.
    public static let schemaVersion: Int64 = SchemaV10.version

    /// Opens (and if needed creates) the store `config` names, migrating its schema as
    /// `migration` says, as ml-metadata 1.17.1 does with the same options:
    ///
    /// - `enable_upgrade_migration`: a database of an older schema version (0 … 9) is upgraded
    ///   to version 10 while the store opens. Without it, such a database is refused and left as
    ///   it is.
    /// - `downgrade_to_schema_version` (0 … 9): the database is downgraded to that version and
    ///   no store is opened, since this library reads version 10 only: the call throws CANCELLED
    ///   once the downgrade is done. A version at or above the database's changes nothing.
    ///
    /// ```swift
    /// let store = try MetadataStore(config: config, migration: .with { $0.enableUpgradeMigration = true })
    /// ```
    ///
    /// Two processes opening one older database with the upgrade option at once do not both
    /// migrate it: the second waits for the first, then finds version 10. On SQLite and
    /// PostgreSQL a failed upgrade leaves the old version whole; on MySQL each step is committed
    /// with its version, and opening again goes on from there.
    ///
    /// - Throws: `MetadataStoreError`: FAILED_PRECONDITION for an older database without the
    ///   upgrade option or for a newer one (11 and above); CANCELLED after a downgrade;
    ///   INVALID_ARGUMENT for a downgrade target above 10 or of a database with no store; a failed
    ///   migration's error; and what `init(config:backends:)` throws.
    public convenience init(config: ConnectionConfig, migration: MigrationOptions, backends: [DatabaseBackend] = []) throws {
        if migration.downgradeToSchemaVersion >= 0 {
            let report = try Self.migrate(
                config: config, toSchemaVersion: migration.downgradeToSchemaVersion, downgradeOnly: true,
                dryRun: false, backends: backends)
            let done =
                report.versionAfter < report.versionBefore
                ? "was downgraded from schema version \(report.versionBefore) to \(report.versionAfter)"
                : "is at schema version \(report.versionBefore) already, not above \(migration.downgradeToSchemaVersion): nothing was changed"
            throw MetadataStoreError(
                .cancelled,
                "\(report.location) \(done); this library opens version \(SchemaV10.version) only, so no store was opened")
        }
        switch config.config {
        case .postgresql?, .mysql?:
            for backend in backends {
                if let source = try backend.open(config, migration) { self.init(source: source); return }
            }
            throw Self.missingBackend(for: config)
        default:
            self.init(source: try SQLiteMetadataSource(config: config, upgrade: migration.enableUpgradeMigration))
        }
    }

    /// Migrates the database `config` names to schema version `toSchemaVersion` (0 … 10),
    /// upgrading or downgrading one step at a time as ml-metadata 1.17.1 does, without opening a
    /// store; with `dryRun`, changes nothing and reports what it would run. `mlmd migrate` is
    /// this function.
    ///
    /// ```swift
    /// let report = try MetadataStore.migrate(config: config, toSchemaVersion: 10)
    /// print("schema version \(report.versionBefore) → \(report.versionAfter)")
    /// ```
    ///
    /// A downgrade loses what the older version has no place for (bool and proto property values
    /// below 10, external ids below 9, …). Two migrations of one database at once run one after
    /// the other; the second finds the database migrated.
    ///
    /// - Throws: `MetadataStoreError`: INVALID_ARGUMENT for a version outside 0 … 10 or a database
    ///   with no metadata store; FAILED_PRECONDITION for a database of a newer schema version, or
    ///   a store in memory; a failed step's error (on SQLite and PostgreSQL nothing is changed
    ///   then; on MySQL the database stays at the last version reached and a new migration goes
    ///   on from there).
    public static func migrate(
        config: ConnectionConfig, toSchemaVersion target: Int64 = schemaVersion, dryRun: Bool = false,
        backends: [DatabaseBackend] = []
    ) throws -> MigrationReport {
        try migrate(config: config, toSchemaVersion: target, downgradeOnly: false, dryRun: dryRun, backends: backends)
    }

    private static func migrate(
        config: ConnectionConfig, toSchemaVersion target: Int64, downgradeOnly: Bool, dryRun: Bool,
        backends: [DatabaseBackend]
    ) throws -> MigrationReport {
        let (connection, migrations) = try migrationConnection(config: config, backends: backends)
        return try DatabaseMigration.migrate(connection, migrations: migrations, to: target, downgradeOnly: downgradeOnly, dryRun: dryRun)
    }

    /// A connection of its own to the database `config` names, which must exist, with its
    /// backend's migrations; no store is set up on it.
    package static func migrationConnection(
        config: ConnectionConfig, backends: [DatabaseBackend]
    )
        throws -> (connection: any DatabaseConnection, migrations: SchemaMigrations)
    {
        switch config.config {
        case .postgresql?, .mysql?:
            for backend in backends {
                if let connected = try backend.connect(config) { return connected }
            }
            throw missingBackend(for: config)
        default:
            return (try SQLiteMetadataSource.migrationConnection(config), SQLiteSchemaV10.layout.migrations)
        }
    }

    /// The error for a database server none of the backends given serves.
    static func missingBackend(for config: ConnectionConfig) -> MetadataStoreError {
        let wanted: DatabaseBackend.Name = if case .mysql? = config.config { .mySQL } else { .postgreSQL }
        return MetadataStoreError(
            .failedPrecondition,
            "a \(wanted.rawValue) store needs the backend of module \(wanted.module): MetadataStore(config:backends: [.\(wanted)])")
    }
}
