import Foundation
import MLMDProtos
import MLMetadata
import Synchronization
import Testing

/// Opening a store of another schema version with and without `MigrationOptions`, dry runs, and
/// what a failed migration leaves, on every backend.
@Suite struct MigrationOptionsTests {
    static let upgrade = MigrationOptions.with { $0.enableUpgradeMigration = true }

    /// A store of ours, downgraded to `version`.
    static func database(_ backend: StoreBackend, at version: Int64) throws -> MigrationDatabase {
        let database = MigrationDatabase.new(backend)
        _ = try database.store()
        if version < 10 { _ = try database.migrate(to: version) }
        return database
    }

    /// What must not change: an SQLite file's bytes, a server database's dump.
    static func contents(_ database: MigrationDatabase) throws -> String {
        if database.backend == .sqliteFile {
            return try Data(contentsOf: URL(fileURLWithPath: database.name)).base64EncodedString()
        }
        return try database.dump().description
    }

    @Test(arguments: MigrationDatabase.backends)
    func anOlderStoreIsRefusedAndLeftUntouchedWithoutTheUpgradeOption(_ backend: StoreBackend) throws {
        let database = try Self.database(backend, at: 3)
        let location = try database.connection().location
        let before = try Self.contents(database)
        expectStoreError(
            .failedPrecondition,
            message: "\(location) has schema version 3, older than version 10 of this library; nothing was changed: "
                + "open it with MigrationOptions.enable_upgrade_migration (mlmd migrate, or mlmd serve --enable_database_upgrade)"
        ) {
            try database.store()
        }
        #expect(try Self.contents(database) == before)
        #expect(try database.version() == 3)
    }

    @Test(arguments: MigrationDatabase.backends)
    func aNewerStoreIsRefusedAndLeftUntouchedEvenWithTheUpgradeOption(_ backend: StoreBackend) throws {
        let database = try Self.database(backend, at: 10)
        try database.execute([#"UPDATE "MLMDEnv" SET "schema_version" = 11"#])
        let location = try database.connection().location
        let before = try Self.contents(database)
        let message =
            "\(location) has schema version 11, newer than version 10 of this library; nothing was changed: "
            + "open it with the library that wrote it, or downgrade it there to version 10"
        expectStoreError(.failedPrecondition, message: message) { try database.store() }
        expectStoreError(.failedPrecondition, message: message) { try database.store(Self.upgrade) }
        expectStoreError(.failedPrecondition, message: message) { try database.migrate(to: 9) }
        #expect(try Self.contents(database) == before)
    }

    @Test(arguments: MigrationDatabase.backends)
    func theUpgradeOptionUpgradesWhileOpening(_ backend: StoreBackend) throws {
        let database = try Self.database(backend, at: 0)
        #expect(try database.version() == nil)
        let store = try database.store(Self.upgrade)
        #expect(try database.version() == 10)
        try MigrationCompatibilityTests.expectWritable(store)
        // Opening again with the option changes nothing.
        _ = try database.store(Self.upgrade)
        #expect(try database.version() == 10)
    }

    @Test(arguments: MigrationDatabase.backends)
    func theDowngradeOptionDowngradesAndOpensNoStore(_ backend: StoreBackend) throws {
        let database = try Self.database(backend, at: 10)
        let location = try database.connection().location
        expectStoreError(
            .cancelled,
            message: "\(location) was downgraded from schema version 10 to 4; "
                + "this library opens version 10 only, so no store was opened"
        ) {
            try database.store(.with { $0.downgradeToSchemaVersion = 4 })
        }
        #expect(try database.version() == 4)
        let before = try Self.contents(database)
        expectStoreError(
            .cancelled,
            message: "\(location) is at schema version 4 already, not above 6: nothing was changed; "
                + "this library opens version 10 only, so no store was opened"
        ) {
            try database.store(.with { $0.downgradeToSchemaVersion = 6 })
        }
        expectStoreError(.invalidArgument, message: "schema version 11 is not one of 0 … 10") {
            try database.store(.with { $0.downgradeToSchemaVersion = 11 })
        }
        #expect(try Self.contents(database) == before)
    }

    @Test(arguments: MigrationDatabase.backends)
    func aDryRunReportsTheStepsAndChangesNothing(_ backend: StoreBackend) throws {
        let database = try Self.database(backend, at: 5)
        let before = try Self.contents(database)
        let report = try database.migrate(to: 10, dryRun: true)
        #expect(report.versionBefore == 5 && report.versionAfter == 10 && report.dryRun)
        #expect(report.steps.map { "\($0.from)→\($0.to)" } == ["5→6", "6→7", "7→8", "8→9", "9→10"])
        #expect(report.steps.allSatisfy { !$0.statements.isEmpty })
        let down = try database.migrate(to: 2, dryRun: true)
        #expect(down.steps.map { "\($0.from)→\($0.to)" } == ["5→4", "4→3", "3→2"])
        #expect(try Self.contents(database) == before)
        #expect(try database.version() == 5)
    }

    @Test func aDryRunListsEachStatement() throws {
        let database = try Self.database(.sqliteFile, at: 9)
        let report = try database.migrate(to: 10, dryRun: true)
        #expect(
            report.steps == [
                MigrationReport.Step(
                    from: 9, to: 10,
                    statements: [
                        #"ALTER TABLE "ArtifactProperty" ADD COLUMN "proto_value" BLOB"#,
                        #"ALTER TABLE "ArtifactProperty" ADD COLUMN "bool_value" BOOLEAN"#,
                        #"ALTER TABLE "ExecutionProperty" ADD COLUMN "proto_value" BLOB"#,
                        #"ALTER TABLE "ExecutionProperty" ADD COLUMN "bool_value" BOOLEAN"#,
                        #"ALTER TABLE "ContextProperty" ADD COLUMN "proto_value" BLOB"#,
                        #"ALTER TABLE "ContextProperty" ADD COLUMN "bool_value" BOOLEAN"#,
                        #"UPDATE "MLMDEnv" SET "schema_version" = 10"#,
                    ])
            ])
    }

    /// SQLite and PostgreSQL: one transaction, so a failed step leaves the old version whole.
    @Test(arguments: MigrationDatabase.backends.filter { $0 != .mysql })
    func aFailedUpgradeLeavesTheOldVersionWhole(_ backend: StoreBackend) throws {
        // A table in the way of the copy that 8 → 9 makes of `Type`.
        let database = try Self.database(backend, at: 8)
        try database.execute([backend == .postgresql ? "CREATE TABLE type_v9 (id INT)" : #"CREATE TABLE "TypeTemp" ("id" INT)"#])
        let location = try database.connection().location
        let before = try database.dump()
        do {
            _ = try database.store(Self.upgrade)
            Issue.record("the upgrade succeeded")
        } catch let error as MetadataStoreError {
            #expect(error.code == .internal)
            #expect(
                error.message.hasPrefix(
                    "\(location): migrating from schema version 8 to 9 failed, nothing was changed (still schema version 8): "),
                "\(error.message)")
        }
        #expect(try database.dump() == before)
    }

    /// MySQL: each step is committed with its version; a failed step leaves the version before
    /// it, and the next migration finishes the step and goes on.
    @Test(arguments: MigrationDatabase.backends.filter { $0 == .mysql })
    func aFailedUpgradeIsFinishedByTheNextOne(_ backend: StoreBackend) throws {
        let database = try Self.database(backend, at: 4)
        let reference = try database.copy()
        _ = try reference.migrate()
        // Step 6 → 7 adds byte_value to the property tables, then fails on the index of a missing table.
        try database.execute([#"RENAME TABLE "EventPath" TO "EventPathAside""#])
        do {
            _ = try database.migrate()
            Issue.record("the upgrade succeeded")
        } catch let error as MetadataStoreError {
            #expect(
                error.message.hasPrefix(
                    "\(try database.connection().location): migrating from schema version 6 to 7 failed, "
                        + "the database is at schema version 6 with this step partly done; run the migration again to finish it: "),
                "\(error.message)")
        }
        #expect(try database.version() == 6)
        try database.execute([#"RENAME TABLE "EventPathAside" TO "EventPath""#])
        #expect(try database.migrate().versionBefore == 6)
        #expect(try database.dump() == reference.dump())
    }

    @Test(arguments: MigrationDatabase.backends)
    func twoMigrationsStartedAtOnceMigrateOnce(_ backend: StoreBackend) throws {
        let database = try Self.database(backend, at: 7)
        // Enough artifacts that the first migration is still running when the second starts.
        try database.execute(
            [#"INSERT INTO "Artifact" ("type_id", "uri") VALUES (1, '/data')"#]
                + Array(repeating: #"INSERT INTO "Artifact" ("type_id", "uri") SELECT "type_id", "uri" FROM "Artifact""#, count: 14))
        let reference = try database.copy()
        _ = try reference.migrate()
        let reports = Mutex<[Result<MigrationReport, any Error>]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let result = Result { try database.migrate() }
            reports.withLock { $0.append(result) }
        }
        let done = try reports.withLock { try $0.map { try $0.get() } }
        #expect(done.map(\.versionBefore).sorted() == [7, 10])
        #expect(done.map { $0.steps.count }.sorted() == [0, 3])
        #expect(try database.dump() == reference.dump())
    }

    @Test(arguments: MigrationDatabase.backends)
    func twoStoresOpenedAtOnceWithTheUpgradeOptionBothOpen(_ backend: StoreBackend) throws {
        let database = try Self.database(backend, at: 2)
        let opened = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if (try? database.store(Self.upgrade)) != nil { opened.withLock { $0 += 1 } }
        }
        #expect(opened.withLock { $0 } == 2)
        #expect(try database.version() == 10)
    }
}
