import Foundation
import Synchronization
import Testing

/// `mlmd migrate`: its exact output, dry runs, usage errors; and opening an older store from the
/// command line.
@Suite struct MigrateCommandTests {
    @Test func downgradesAndUpgradesPrintingTheVersionBeforeAndAfter() throws {
        let store = try StoreFixture()
        var result = try store.run(["migrate", "--to", "7"])
        #expect(result.status == 0 && result.error == "")
        #expect(result.text == "schema version 10 → 7\n")
        result = try store.run(["migrate"])
        #expect(result.text == "schema version 7 → 10\n")
        result = try store.run(["migrate", "--to", "10"])
        #expect(result.text == "schema version 10 → 10\n")
        // Events and relations kept through 7; the store reads again.
        #expect(try store.run(["ls", "artifacts"]).status == 0)
    }

    @Test func anOlderStoreOpenedWithoutMigratingSaysHowToUpgrade() throws {
        let store = try StoreFixture()
        _ = try store.run(["migrate", "--to", "7"])
        let result = try store.run(["ls", "artifacts"])
        #expect(result.status == 1)
        #expect(
            result.error == "mlmd: \(store.path): cannot open the store: FAILED_PRECONDITION: \(store.path) has schema version 7, "
                + "older than version 10 of this library; nothing was changed: open it with MigrationOptions.enable_upgrade_migration "
                + "(mlmd migrate, or mlmd serve --enable_database_upgrade)\n")
    }

    @Test func aDryRunPrintsEachStepsStatementsAndChangesNothing() throws {
        let store = try StoreFixture()
        _ = try store.run(["migrate", "--to", "9"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let result = try store.run(["migrate", "--dry-run"])
        #expect(result.status == 0)
        #expect(
            result.text == """
                schema version 9 → 10 (dry run: nothing was changed)
                step 9 → 10:
                  ALTER TABLE "ArtifactProperty" ADD COLUMN "proto_value" BLOB
                  ALTER TABLE "ArtifactProperty" ADD COLUMN "bool_value" BOOLEAN
                  ALTER TABLE "ExecutionProperty" ADD COLUMN "proto_value" BLOB
                  ALTER TABLE "ExecutionProperty" ADD COLUMN "bool_value" BOOLEAN
                  ALTER TABLE "ContextProperty" ADD COLUMN "proto_value" BLOB
                  ALTER TABLE "ContextProperty" ADD COLUMN "bool_value" BOOLEAN
                  UPDATE "MLMDEnv" SET "schema_version" = 10

                """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == bytes)
    }

    @Test(arguments: ["-1", "11", "seven"])
    func aVersionOutsideZeroToTenIsAOneLineUsageError(_ version: String) throws {
        let store = try StoreFixture()
        let result = try store.run(["migrate", "--to", version])
        #expect(result.status == 2)
        #expect(result.error == "mlmd migrate: --to \(version): schema versions are 0 … 10\n")
        #expect(result.output.isEmpty)
    }

    @Test func aServerIsNotADatabaseToMigrate() throws {
        let result = try MLMDProcess.run(["migrate", "--db", "grpc://127.0.0.1:8080"])
        #expect(result.status == 2)
        #expect(
            result.error
                == "mlmd migrate: --db grpc://127.0.0.1:8080: a server migrates its own database: start it with --enable_database_upgrade\n"
        )
    }

    @Test func aMissingFileIsNotCreated() throws {
        let store = try StoreFixture(filled: false)
        let result = try store.run(["migrate"])
        #expect(result.status == 1)
        #expect(result.error == "mlmd: \(store.path): no such store; give its path with --db\n")
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }

    @Test func twoProcessesMigratingOneStoreAtOnceMigrateItOnce() throws {
        let store = try StoreFixture()
        _ = try store.run(["migrate", "--to", "4"])
        // Enough artifacts that the first is still migrating when the second starts.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "sqlite3", store.path,
            Array(
                repeating: #"INSERT INTO "Artifact" ("type_id", "uri") SELECT "type_id", "uri" FROM "Artifact";"#,
                count: 15
            ).joined(),
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        let outputs = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let result = try? store.run(["migrate"])
            outputs.withLock { $0.append(result.map { "\($0.status) \($0.text)" } ?? "not run") }
        }
        #expect(outputs.withLock { $0.sorted() } == ["0 schema version 10 → 10\n", "0 schema version 4 → 10\n"])
    }

    @Test func serveUpgradesWithEnableDatabaseUpgradeAndDowngradesWithoutServing() throws {
        let store = try StoreFixture()
        _ = try store.run(["migrate", "--to", "4"])
        let server = try ServerProcess(["--db", store.path, "--enable_database_upgrade"])
        #expect(server.stop().status == 0)
        #expect(try store.run(["migrate", "--dry-run"]).text == "schema version 10 → 10 (dry run: nothing was changed)\n")
        let downgrade = try MLMDProcess.run(["serve", "--port", "0", "--db", store.path, "--downgrade_db_schema_version", "8"])
        #expect(downgrade.status == 0)
        #expect(
            downgrade.error == "mlmd serve: \(store.path) was downgraded from schema version 10 to 8; "
                + "this library opens version 10 only, so no store was opened\n")
        #expect(try store.run(["migrate", "--dry-run"]).text.hasPrefix("schema version 8 → 10 (dry run: nothing was changed)\n"))
    }
}
