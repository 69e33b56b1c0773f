import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL
import Synchronization
import Testing

/// Long purges on a store many others use: a server killed with SIGKILL in the middle of one
/// leaves a consistent store that the same purge finishes, and writers that run meanwhile lose
/// nothing. On an SQLite file and on the run's PostgreSQL and MySQL servers.
@Suite(.serialized) struct PurgeReliabilityTests {
    /// Artifacts to purge: enough batches of `batchSize` that the purge is still running when
    /// the test acts.
    static let oldArtifacts = 6_000
    static let batchSize = "5"
    static let filter = "properties.split.string_value = 'old'"

    /// A store with context 1 (kept) and 2 (the old run), execution 1 (kept), and
    /// `oldArtifacts` artifacts of split "old", each read by execution 1 and attributed to run 2.
    static func filledStore(_ database: TestDatabase) throws -> (db: String, store: MetadataStore) {
        let db = database.newStore()
        let store = try MetadataStore(config: database.config(db), backends: [.postgreSQL, .mySQL])
        let type = try store.putArtifactType(
            .with {
                $0.name = "DataSet"; $0.properties = ["split": .string]
            })
        let trainer = try store.putExecutionType(.with { $0.name = "Trainer" })
        let run = try store.putContextType(.with { $0.name = "Run" })
        _ = try store.putExecutions([.with { $0.typeID = trainer }])
        _ = try store.putContexts(
            ["kept", "old"].map { name in
                .with {
                    $0.typeID = run; $0.name = name
                }
            })
        let ids = try store.putArtifacts(
            (0..<oldArtifacts).map { index in
                .with {
                    $0.typeID = type; $0.uri = "/old/\(index)"; $0.properties = ["split": .with { $0.stringValue = "old" }]
                }
            })
        try store.putEvents(
            ids.map { id in
                .with {
                    $0.artifactID = id; $0.executionID = 1; $0.type = .input
                }
            })
        _ = try store.putAttributionsAndAssociations(
            .with {
                $0.attributions = ids.map { id in
                    .with {
                        $0.artifactID = id; $0.contextID = 2
                    }
                }
            })
        return (db, store)
    }

    static func artifactCount(_ database: TestDatabase, _ db: String) throws -> Int64 {
        let connection = try MetadataStore.migrationConnection(config: database.config(db), backends: [.postgreSQL, .mySQL]).connection
        let statement = try connection.statement(#"SELECT count(*) FROM "Artifact""#)
        defer { statement.reset() }
        _ = try statement.step()
        return statement.int64(0)
    }

    static func danglingRows(_ database: TestDatabase, _ db: String) throws -> [String: Int64] {
        try DanglingReferences.count(
            on: MetadataStore.migrationConnection(config: database.config(db), backends: [.postgreSQL, .mySQL]).connection)
    }

    /// `mlmd purge … --force` in the background.
    static func startPurge(_ db: String) throws -> (process: Process, output: Pipe) {
        let process = Process()
        process.executableURL = MLMDProcess.executable
        process.arguments = ["purge", "artifacts", "--filter", filter, "--force", "--batch-size", batchSize, "--db", db]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    @Test(arguments: TestDatabase.available)
    func aPurgeKilledWithItsServerIsFinishedByRunningItAgain(_ database: TestDatabase) throws {
        let (db, _) = try Self.filledStore(database)
        let server = try ServerProcess(["--db", db])
        let purge = try Self.startPurge("grpc://127.0.0.1:\(server.port)")
        // Kill the server once some batches are done.
        var left = Int64(Self.oldArtifacts)
        while left > Int64(Self.oldArtifacts) - 200 && purge.process.isRunning {
            Thread.sleep(forTimeInterval: 0.005)
            left = try Self.artifactCount(database, db)
        }
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        purge.process.waitUntilExit()
        left = try Self.artifactCount(database, db)
        #expect(purge.process.terminationStatus == 1, "the purge ended before the kill")
        #expect(left > 0 && left < Int64(Self.oldArtifacts), "\(left) left")
        #expect(try Self.danglingRows(database, db) == [:])

        let restarted = try ServerProcess(["--db", db])
        defer { _ = restarted.stop() }
        let rerun = try MLMDProcess.run(
            ["purge", "artifacts", "--filter", Self.filter, "--force", "--db", "grpc://127.0.0.1:\(restarted.port)"])
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(rerun.text.hasPrefix("artifacts: \(left)\nexecutions: 0\ncontexts: 0\nevents: \(left)\nattributions: \(left)\n"))
        #expect(try Self.artifactCount(database, db) == 0)
        #expect(try Self.danglingRows(database, db) == [:])
    }

    /// Writers on other connections put artifacts (with events and attributions on nodes the purge
    /// keeps) while the purge runs in another process; every one of them is there afterwards.
    @Test(arguments: TestDatabase.available)
    func writersDuringAPurgeLoseNothing(_ database: TestDatabase) throws {
        let (db, store) = try Self.filledStore(database)
        let purge = try Self.startPurge(db)
        let written = Mutex<[Int64]>([])
        let writesDuringThePurge = Atomic(0)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let own = try MetadataStore(config: database.config(db), backends: [.postgreSQL, .mySQL])
                for index in 0..<100 {
                    let response = try own.putExecution(
                        .with {
                            $0.execution = .with {
                                $0.id = 1; $0.typeID = 11
                            }
                            $0.artifactEventPairs = [
                                .with {
                                    $0.artifact = .with {
                                        $0.typeID = 10; $0.uri = "/new/\(writer)/\(index)"
                                        $0.properties = ["split": .with { $0.stringValue = "new" }]
                                    }
                                    $0.event = .with { $0.type = .output }
                                }
                            ]
                            $0.contexts = [
                                .with {
                                    $0.id = 1; $0.typeID = 12; $0.name = "kept"
                                }
                            ]
                        })
                    written.withLock { $0 += response.artifactIDs }
                    if purge.process.isRunning { writesDuringThePurge.add(1, ordering: .relaxed) }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        purge.process.waitUntilExit()
        let output = String(decoding: purge.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(failures.withLock { $0 } == [])
        #expect(writesDuringThePurge.load(ordering: .relaxed) > 0, "the purge ended before the writers began")
        #expect(purge.process.terminationStatus == 0)
        #expect(output.hasPrefix("artifacts: \(Self.oldArtifacts)\n"), "\(output)")
        let ids = written.withLock { $0 }.sorted()
        #expect(ids.count == 200)
        #expect(try store.getArtifacts().map(\.id) == ids)
        #expect(try store.getEvents(artifactIDs: ids).count == 200)
        #expect(try store.getArtifactsByContext(1).map(\.id) == ids)
        #expect(try Self.danglingRows(database, db) == [:])
    }
}
