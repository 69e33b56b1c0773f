import Foundation
import MLMDProtos
import MLMetadata
import Synchronization
import Testing

/// Several connections on one SQLite file: no committed write is lost, and a writer that cannot
/// get the lock in time gets ABORTED (which ml-metadata's clients retry) with nothing half-written.
@Suite struct ConcurrentWriterTests {
    static func config(_ path: String) -> ConnectionConfig {
        .with { $0.sqlite = .with { $0.filenameURI = path } }
    }

    @Test func twoStoresOnOneFileLoseNoCommittedWrite() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        let setup = try MetadataStore(config: Self.config(path))
        _ = try setup.putArtifactType(
            .with {
                $0.name = "A"; $0.properties = ["n": .int]
            })
        let stores = try (0..<2).map { _ in try MetadataStore(config: Self.config(path)) }
        let perWriter = 100
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: stores.count) { writer in
            for index in 0..<perWriter {
                do {
                    _ = try stores[writer].putArtifacts([
                        .with {
                            $0.typeID = 10
                            $0.uri = "w\(writer)/\(index)"
                            $0.properties["n"] = .with { $0.intValue = Int64(index) }
                        }
                    ])
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let artifacts = try MetadataStore(config: Self.config(path)).getArtifacts()
        #expect(artifacts.count == stores.count * perWriter)
        #expect(Set(artifacts.map(\.uri)).count == stores.count * perWriter)
        #expect(artifacts.allSatisfy { $0.properties.count == 1 })
    }

    @Test func aWriterThatCannotGetTheLockIsAbortedAndWritesNothing() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        let store = try MetadataStore(config: Self.config(path), busyTimeoutMilliseconds: 200)
        _ = try store.putArtifactType(.with { $0.name = "A" })
        // Another process holds the write lock for a second.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", path]
        let input = Pipe()
        holder.standardInput = input
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 1;\n".utf8))
        Thread.sleep(forTimeInterval: 0.3)
        expectStoreError(.aborted) { try store.putArtifacts([.with { $0.typeID = 10 }]) }
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(try store.getArtifacts() == [])
        #expect(try store.putArtifacts([.with { $0.typeID = 10 }]) == [1])
    }
}

/// Our store and the real ml-metadata writing one file at the same time, from two processes.
@Suite struct TwoProcessTests {
    @Test(.enabled(if: Oracle.isAvailable || Oracle.isRequired))
    func ourStoreAndMLMetadataWritingOneFileLoseNothing() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        let store = try MetadataStore(config: ConcurrentWriterTests.config(path))
        _ = try store.putArtifactType(.with { $0.name = "A" })
        // ml-metadata's busy handler sleeps 100–300 ms whenever it meets our lock, so both sides
        // pace their calls (as clients with think time do) to keep the run short.
        let count = 150
        let theirs = try Oracle.start(script: "mlmd_file_check.py", ["put-many", path, String(count), "theirs"])
        // Wait (reads never block in WAL mode) until their writes have begun, then write while
        // they go on. The pause between calls is a client's think time: SQLite's busy handlers
        // poll, and a writer that never lets go of the lock would starve the other process.
        var seen = 0
        for _ in 0..<12_000 where seen == 0 {
            Thread.sleep(forTimeInterval: 0.005)
            seen = try store.getArtifacts().count
        }
        var ours = 0
        var overlapped = false
        while theirs.process.isRunning || ours < 50 {
            _ = try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.uri = "ours/\(ours)"
                }
            ])
            if ours == 0 { overlapped = theirs.process.isRunning }
            ours += 1
            Thread.sleep(forTimeInterval: 0.02)
        }
        _ = try theirs.finish()
        #expect(seen > 0 && overlapped, "both processes were writing at the same time")
        let artifacts = try store.getArtifacts()
        #expect(Set(artifacts.map(\.uri)) == Set((0..<count).map { "theirs/\($0)" } + (0..<ours).map { "ours/\($0)" }))
        #expect(artifacts.count == count + ours)
        // And SQLite finds the file sound.
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["sqlite3", path, "PRAGMA integrity_check"]
        let output = Pipe()
        check.standardOutput = output
        try check.run()
        let result = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(result == "ok\n")
    }
}
