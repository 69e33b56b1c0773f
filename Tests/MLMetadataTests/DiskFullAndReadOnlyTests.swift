import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// A write that cannot be stored fails cleanly and leaves the file as it was: a full disk (a small
/// tmpfs, so root only), a store opened read-only, a file on a read-only file system.
@Suite(.serialized) struct DiskFullAndReadOnlyTests {
    /// True where this process may mount a tmpfs (root, with the right to mount: CI's machines).
    static let canMountSmallDisks: Bool = {
        guard getuid() == 0 else { return false }
        let folder = "/tmp/mlmd-mount-probe-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
            (try? run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder])) == true
        else { return false }
        return (try? run(["umount", folder])) == true
    }()

    /// Runs a command and waits for it; true if it exited 0.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A new tmpfs of `size` mounted on a new folder, unmounted after `body`.
    static func withSmallDisk(size: String, _ body: (String) throws -> Void) throws {
        let folder = "/tmp/mlmd-small-disk-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard try run(["mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder]) else {
            Issue.record("cannot mount a tmpfs on \(folder)")
            return
        }
        defer {
            _ = try? run(["umount", folder])
            try? FileManager.default.removeItem(atPath: folder)
        }
        try body(folder)
    }

    static func integrityCheck(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, "PRAGMA integrity_check"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func config(_ path: String, mode: SqliteMetadataSourceConfig.ConnectionMode = .readwriteOpencreate) -> ConnectionConfig {
        .with {
            $0.sqlite = .with {
                $0.filenameURI = path; $0.connectionMode = mode
            }
        }
    }

    @Test(.enabled(if: canMountSmallDisks))
    func aFullDiskIsResourceExhaustedAndTheFailedCallLeavesNothing() throws {
        try Self.withSmallDisk(size: "2m") { folder in
            let path = folder + "/store.sqlite"
            var acknowledged = 0
            do {
                let store = try MetadataStore(config: Self.config(path))
                let typeID = try store.putArtifactType(.with { $0.name = "DataSet" })
                // Room to give back once the disk is full.
                #expect(FileManager.default.createFile(atPath: folder + "/filler", contents: Data(count: 256 << 10)))
                let padding = String(repeating: "p", count: 10_000)
                var failure: MetadataStoreError?
                for batch in 0..<1_000 where failure == nil {
                    let artifacts = (0..<20).map { index in
                        Artifact.with {
                            $0.typeID = typeID; $0.uri = "\(batch)/\(index)/\(padding)"
                        }
                    }
                    do {
                        acknowledged += try store.putArtifacts(artifacts).count
                    } catch let error as MetadataStoreError {
                        failure = error
                    }
                }
                #expect(failure?.code == .resourceExhausted, "\(failure.map { "\($0)" } ?? "no failure")")
                #expect(failure?.message.contains("\n") == false)
                #expect(acknowledged > 0)
                #expect(try store.getArtifacts().count == acknowledged)
                // Space again: the store goes on.
                try FileManager.default.removeItem(atPath: folder + "/filler")
                #expect(
                    try store.putArtifacts([
                        .with {
                            $0.typeID = typeID; $0.uri = "after"
                        }
                    ]).count == 1)
                acknowledged += 1
            }
            #expect(try Self.integrityCheck(path) == "ok")
            #expect(try MetadataStore(config: Self.config(path)).getArtifacts().count == acknowledged)
        }
    }

    @Test func aStoreOpenedReadOnlyRefusesWritesAndLeavesTheFileAsItWas() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        do {
            let store = try MetadataStore(config: Self.config(path))
            _ = try store.putArtifactType(.with { $0.name = "DataSet" })
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let readOnly = try MetadataStore(config: Self.config(path, mode: .readonly))
        #expect(try readOnly.getArtifactType(named: "DataSet").id == 10)
        let refused = #expect(throws: MetadataStoreError.self) { try readOnly.putArtifacts([.with { $0.typeID = 10 }]) }
        #expect(refused?.code == .failedPrecondition, "\(refused.map { "\($0)" } ?? "")")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test(.enabled(if: canMountSmallDisks))
    func aStoreOnAReadOnlyFileSystemIsOneClearErrorAndStaysIntact() throws {
        try Self.withSmallDisk(size: "4m") { folder in
            let path = folder + "/store.sqlite"
            do {
                let store = try MetadataStore(config: Self.config(path))
                _ = try store.putArtifacts([.with { $0.typeID = try store.putArtifactType(.with { $0.name = "DataSet" }) }])
            }
            #expect(try Self.run(["mount", "-o", "remount,ro", folder]))
            // SQLite cannot open a write-ahead-log file there at all, even to read: it must make
            // FILE-shm beside it. One clear error, for reading and for writing.
            for mode in [SqliteMetadataSourceConfig.ConnectionMode.readonly, .readwriteOpencreate] {
                let refused = #expect(throws: MetadataStoreError.self) { try MetadataStore(config: Self.config(path, mode: mode)) }
                #expect(refused?.code == .failedPrecondition, "\(refused.map { "\($0)" } ?? "")")
                #expect(refused?.message.contains("write-ahead-log mode") == true)
                #expect(refused?.message.contains("\n") == false)
            }
            #expect(try Self.run(["mount", "-o", "remount,rw", folder]))
            #expect(try Self.integrityCheck(path) == "ok")
        }
    }
}
