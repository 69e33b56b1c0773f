import MLMDProtos

/// Moves a database from one schema version to another, one step at a time, recording each
/// version reached in `MLMDEnv`. Where DDL is transactional the caller's transaction holds the
/// whole migration; elsewhere each step is committed with its version, so that a migration
/// stopped midway leaves a database at the last version it completed, which the next migration
/// goes on from.
package struct SchemaMigrator {
    let connection: any DatabaseConnection
    let migrations: SchemaMigrations

    package init(connection: any DatabaseConnection, migrations: SchemaMigrations) {
        self.connection = connection
        self.migrations = migrations
    }

    /// One step on the way: the versions it joins and the statements it runs, the one that
    /// records the version it reaches last (none on the way down to 0, which has no `MLMDEnv`).
    private struct Leg {
        var from: Int64
        var to: Int64
        var statements: [MigrationStatement]
    }

    private func legs(from: Int64, to: Int64) -> [Leg] {
        precondition((0...SchemaV10.version).contains(from) && (0...SchemaV10.version).contains(to))
        if from < to {
            return migrations.steps.filter { $0.version > from && $0.version <= to }.map { step in
                Leg(
                    from: step.version - 1, to: step.version,
                    statements: step.upgrade + [MigrationStatement(migrations.recordVersion(step.version))])
            }
        }
        return migrations.steps.filter { $0.version <= from && $0.version > to }.reversed().map { step in
            Leg(
                from: step.version, to: step.version - 1,
                statements: step.downgrade + (step.version > 1 ? [MigrationStatement(migrations.recordVersion(step.version - 1))] : []))
        }
    }

    /// The steps from version `from` to `to`, up or down, as a report shows them.
    package func plan(from: Int64, to: Int64) -> [MigrationReport.Step] {
        legs(from: from, to: to).map { MigrationReport.Step(from: $0.from, to: $0.to, statements: $0.statements.map(\.description)) }
    }

    /// Runs the steps from `from` to `to` inside the caller's transaction (or, where DDL commits
    /// on its own, committing after each step).
    ///
    /// - Throws: the failed statement's error, with its code, naming the step and the statement.
    package func run(from: Int64, to: Int64) throws {
        for leg in legs(from: from, to: to) {
            for statement in leg.statements {
                try run(statement, in: leg, start: from)
            }
            if !migrations.isTransactional, connection.isInTransaction {
                // The caller's transaction: commit this step with its version, then go on in a new one.
                try execute("COMMIT", in: leg, start: from)
                try execute("BEGIN", in: leg, start: from)
            }
        }
    }

    private func run(_ statement: MigrationStatement, in leg: Leg, start: Int64) throws {
        if let condition = statement.condition {
            let holds: Bool
            do {
                holds = try migrations.catalog.holds(condition, on: connection)
            } catch let failure as DatabaseFailure {
                throw stepFailure(failure, statement: statement.sql, in: leg, start: start)
            }
            guard holds else { return }
        }
        try execute(statement.sql, in: leg, start: start)
    }

    private func execute(_ sql: String, in leg: Leg, start: Int64) throws {
        do {
            try connection.execute(sql)
        } catch let failure as DatabaseFailure {
            throw stepFailure(failure, statement: sql, in: leg, start: start)
        }
    }

    /// The error of a failed statement: its code, the step, the statement, and what is left.
    private func stepFailure(_ failure: DatabaseFailure, statement: String, in leg: Leg, start: Int64) -> MetadataStoreError {
        let left =
            migrations.isTransactional
            ? "nothing was changed (still schema version \(start))"
            : "the database is at schema version \(leg.from) with this step partly done; run the migration again to finish it"
        let message = failure.message.contains(statement) ? failure.message : "\(failure.message) in: \(statement)"
        return MetadataStoreError(
            failure.storeError.code,
            "\(connection.location): migrating from schema version \(leg.from) to \(leg.to) failed, \(left): \(message)")
    }
}
