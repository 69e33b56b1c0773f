import Foundation
import MLMetadata
import Testing

/// An `mlmd migrate` killed midway (SIGKILL) leaves a store at its old version or at 10 on SQLite
/// and PostgreSQL (one transaction), or at a version in between on MySQL (each step committed with
/// its version); in every case the next migration finishes it, to the same tables and rows as a
/// migration that was never stopped.
@Suite struct MigrationKillTests {
    /// The `mlmd` executable among the build products, nil where it was not built.
    static let executable: URL? = {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("mlmd")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    @Test(.enabled(if: executable != nil), arguments: MigrationDatabase.backends)
    func aKilledMigrationIsFinishedByTheNext(_ backend: StoreBackend) throws {
        let database = try MigrationOptionsTests.database(backend, at: 4)
        // Enough artifacts for each step to take a while, with ids 1 … 65536: ids an AUTO_INCREMENT
        // counter handed out in bulk would leave gaps above, which a reloaded table forgets.
        try database.execute(
            [#"INSERT INTO "Artifact" ("id", "type_id", "uri") VALUES (1, 1, '/data')"#]
                + (0..<16).map {
                    #"INSERT INTO "Artifact" ("id", "type_id", "uri") SELECT "id" + \#(1 << $0), "type_id", "uri" FROM "Artifact""#
                })
        let before = try database.dump()
        let reference = try database.copy()
        let started = Date()
        _ = try reference.migrate()
        let duration = Date().timeIntervalSince(started)
        let after = try reference.dump()

        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["migrate", "--db", database.url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if backend == .mysql {
            // Steps are committed one by one: kill it once the first is.
            while try database.version() == 4, process.isRunning { usleep(5_000) }
        } else {
            usleep(UInt32(duration / 2 * 1_000_000))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let version = try database.version()
        if backend == .mysql {
            #expect((4...10).contains(version ?? -1))
        } else if version == 4 {
            #expect(try database.dump() == before)
        } else {
            #expect(version == 10)
            #expect(try database.dump() == after)
        }
        _ = try database.migrate()
        let finished = try database.dump()
        #expect(finished == after, "\(finished.differences(from: after))")
    }
}
