import MLMDProtos

/// A migration as a tool runs it, on a connection of its own with no transaction open: the lock,
/// the version read under it, the steps, and the report.
package enum DatabaseMigration {
    /// Migrates the database on `connection` to `target`. With `downgradeOnly`, a target above the
    /// database's version leaves it as it is (as `MigrationOptions.downgrade_to_schema_version`
    /// does). With `dryRun`, nothing is changed and the report lists what would run.
    ///
    /// - Throws: INVALID_ARGUMENT for a target outside 0 … 10; FAILED_PRECONDITION for a database
    ///   of a newer schema version; INVALID_ARGUMENT for one with no metadata store; a failed step's error.
    package static func migrate(
        _ connection: any DatabaseConnection, migrations: SchemaMigrations, to target: Int64,
        downgradeOnly: Bool = false, dryRun: Bool
    ) throws -> MigrationReport {
        guard (0...SchemaV10.version).contains(target) else {
            throw MetadataStoreError(.invalidArgument, "schema version \(target) is not one of 0 … \(SchemaV10.version)")
        }
        if let begin = migrations.begin { try storeErrors { try connection.execute(begin) } }
        do {
            try migrations.lock?.acquire(connection)
            defer { migrations.lock?.release(connection) }
            let report = try migrate(connection, migrations, to: target, downgradeOnly: downgradeOnly, dryRun: dryRun)
            if migrations.begin != nil { try storeErrors { try connection.execute(dryRun ? "ROLLBACK" : "COMMIT") } }
            return report
        } catch {
            connection.resetStatements()
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            if let failure = error as? DatabaseFailure { throw failure.storeError }
            throw error
        }
    }

    private static func migrate(
        _ connection: any DatabaseConnection, _ migrations: SchemaMigrations, to target: Int64,
        downgradeOnly: Bool, dryRun: Bool
    ) throws -> MigrationReport {
        guard case .version(let version) = try StoredSchemaVersion.read(on: connection, catalog: migrations.catalog) else {
            throw MetadataStoreError(.invalidArgument, "\(connection.location) holds no metadata store; there is nothing to migrate")
        }
        guard version <= SchemaV10.version else { throw SchemaVersionMismatch.newer(version, at: connection.location) }
        let destination = downgradeOnly ? min(version, target) : target
        let migrator = SchemaMigrator(connection: connection, migrations: migrations)
        let steps = migrator.plan(from: version, to: destination)
        if !dryRun { try migrator.run(from: version, to: destination) }
        connection.resetStatements()
        return MigrationReport(
            location: connection.location, versionBefore: version, versionAfter: destination, steps: steps, dryRun: dryRun)
    }

    private static func storeErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }
}
