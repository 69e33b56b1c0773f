import Foundation
import Testing

/// `mlmd purge` on a store file and through `mlmd serve`: its exact lines, dry runs that leave the
/// file byte for byte, and errors that name the user's own text and delete nothing.
@Suite struct PurgeCommandTests {
    static func report(
        artifacts: Int = 0, executions: Int = 0, contexts: Int = 0, events: Int = 0, attributions: Int = 0, associations: Int = 0,
        parentLinks: Int = 0, sample: String, deleted: Bool
    ) -> String {
        """
        artifacts: \(artifacts)
        executions: \(executions)
        contexts: \(contexts)
        events: \(events)
        attributions: \(attributions)
        associations: \(associations)
        parent links: \(parentLinks)
        sample ids: \(sample)
        \(deleted ? "deleted" : "dry run: nothing was deleted; add --force to delete")

        """
    }

    @Test func aDryRunCountsAndLeavesTheFileByteForByte() throws {
        let store = try StoreFixture()
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let result = try store.run(["purge", "artifacts", "--filter", "uri LIKE '%.csv'"])
        #expect(result.status == 0 && result.error.isEmpty, "\(result.error)")
        #expect(result.text == Self.report(artifacts: 1, events: 1, sample: "1", deleted: false))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
    }

    @Test func forceDeletesWhatTheDryRunCounted() throws {
        let store = try StoreFixture()
        let result = try store.run(["purge", "artifacts", "--filter", "uri LIKE '%.csv'", "--force"])
        #expect(result.text == Self.report(artifacts: 1, events: 1, sample: "1", deleted: true))
        #expect(try store.run(["ls", "artifacts"]).text.split(separator: "\n").map { $0.split(separator: " ")[0] } == ["ID", "2"])
    }

    /// Context Demo takes the Schema and the Trainer run, which only it has; the DataSet is in no
    /// context, so it stays.
    @Test func contextsWithTheirMembers() throws {
        let store = try StoreFixture()
        let arguments = ["purge", "contexts", "--filter", "name = 'Demo'", "--include-members"]
        let expected = Self.report(
            artifacts: 1, executions: 1, contexts: 1, events: 2, attributions: 1, associations: 1, parentLinks: 1, sample: "1",
            deleted: false)
        #expect(try store.run(arguments).text == expected)
        let compacted = try store.run(arguments + ["--force", "--compact"])
        #expect(
            compacted.text
                == expected.replacingOccurrences(
                    of: "dry run: nothing was deleted; add --force to delete", with: "deleted, and the store compacted"))
        #expect(try store.run(["ls", "contexts"]).text == "ID  TYPE        NAME\n2   Experiment  All\n")
        #expect(try store.run(["ls", "executions"]).text == "ID  TYPE  NAME  STATE\n")
    }

    @Test func olderThanChoosesByCreationTime() throws {
        let store = try StoreFixture()
        #expect(try store.run(["purge", "artifacts", "--older-than", "1d"]).text == Self.report(sample: "none", deleted: false))
        // Created by the import a moment ago, so older than 0 seconds.
        #expect(
            try store.run(["purge", "artifacts", "--older-than", "0s", "--filter", "type = 'Schema'"]).text
                == Self.report(artifacts: 1, events: 1, attributions: 1, sample: "2", deleted: false))
    }

    @Test func aFilterErrorPointsIntoTheUsersTextAndDeletesNothing() throws {
        let store = try StoreFixture()
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let expected = "mlmd: \(store.path): INVALID_ARGUMENT: Invalid `filter_query`: expected a value, found end of query at offset 8\n"
        for arguments in [
            ["purge", "artifacts", "--filter", "uri LIKE", "--force"],
            ["purge", "artifacts", "--filter", "uri LIKE", "--older-than", "1s", "--force"],
            ["ls", "artifacts", "--filter", "uri LIKE"], ["ls", "artifacts", "--type", "DataSet", "--filter", "uri LIKE"],
        ] {
            let result = try store.run(arguments)
            #expect(result.status == 1 && result.error == expected, "\(arguments)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
    }

    @Test func wrongFlagsAreOneErrorEach() throws {
        let store = try StoreFixture()
        for (arguments, message) in [
            (["purge", "artifacts"], "Error: say what to delete: --filter QUERY or --older-than DURATION (or both)"),
            (["purge", "artifacts", "--filter", "id > 0", "--include-members"], "Error: --include-members applies to contexts only"),
            (["purge", "artifacts", "--older-than", "5y"], "Error: The value '5y' is invalid for '--older-than <older-than>'"),
            (["purge", "artifacts", "--filter", "id > 0", "--batch-size", "0"], "Error: --batch-size must be between 1 and 100000"),
        ] {
            let result = try store.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.error.hasPrefix(message + "\n"), "\(arguments): \(result.error)")
        }
    }

    @Test func throughOurServerTheSameLines() throws {
        let store = try StoreFixture()
        let server = try ServerProcess(["--db", store.path])
        defer { _ = server.stop() }
        let db = "grpc://127.0.0.1:\(server.port)"
        let dryRun = try MLMDProcess.run(["purge", "contexts", "--filter", "name = 'Demo'", "--include-members", "--db", db])
        #expect(dryRun.error.isEmpty && dryRun.status == 0, "\(dryRun.error)")
        #expect(
            dryRun.text
                == Self.report(
                    artifacts: 1, executions: 1, contexts: 1, events: 2, attributions: 1, associations: 1, parentLinks: 1, sample: "1",
                    deleted: false))
        let forced = try MLMDProcess.run(["purge", "artifacts", "--filter", "id > 0", "--force", "--batch-size", "1", "--db", db])
        #expect(forced.text == Self.report(artifacts: 2, events: 2, attributions: 1, sample: "1 2", deleted: true))
        #expect(try store.run(["ls", "artifacts"]).text == "ID  TYPE  NAME  URI  STATE\n")
    }

    /// The dry run on the demo's store that README.md shows prints what README.md says.
    @Test func readmesPurgeOfTheDemoStoreIsTrue() throws {
        let readme = try String(contentsOf: ConformanceSuiteTests.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let command = "$ swift run mlmd purge contexts --db mlmd-demo/mlmd.sqlite --filter \"id > 0\" --include-members\n"
        let block = try #require(readme.range(of: command))
        let shown = readme[block.upperBound...].prefix { $0 != "`" }
        let store = try StoreFixture(filled: false)
        let demo = store.directory.appendingPathComponent("mlmd-demo").path
        #expect(try MLMDProcess.run(["demo", "--dir", demo]).status == 0)
        let result = try MLMDProcess.run(["purge", "contexts", "--db", demo + "/mlmd.sqlite", "--filter", "id > 0", "--include-members"])
        #expect(result.text == String(shown))
    }

    /// ml-metadata's own server has no purge service: one line says so.
    @Test(.enabled(if: ConformanceSuiteTests.isEnabled))
    func aServerWithoutThePurgeServiceIsOneLine() throws {
        let store = try StoreFixture()
        let reference = try ReferenceServer(store: store.path)
        defer { reference.stop() }
        let db = "grpc://127.0.0.1:\(reference.port)"
        let result = try MLMDProcess.run(["purge", "artifacts", "--filter", "id > 0", "--force", "--db", db])
        #expect(result.status == 1)
        #expect(
            result.error
                == "mlmd: \(db): UNIMPLEMENTED: this server has no purge service (swift_ml_metadata.MetadataPurgeService); ml-metadata's cannot delete: serve the store with `mlmd serve`, or give --db the database itself\n"
        )
        #expect(try store.run(["ls", "artifacts"]).text.split(separator: "\n").count == 3)
    }
}

/// ml-metadata 1.17.1 behind its Python gRPC server (`Scripts/ml-metadata-server.py`).
struct ReferenceServer {
    let process = Process()
    let port: Int

    init(store: String) throws {
        let scripts = ConformanceSuiteTests.repository.appendingPathComponent("Scripts")
        process.executableURL = scripts.appendingPathComponent("mlmd-python.sh")
        process.arguments = [scripts.appendingPathComponent("ml-metadata-server.py").path, "0", store]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 2, words[0] == "ready", let port = Int(words[1]) else {
            process.terminate()
            throw NotReady(line: String(decoding: line, as: UTF8.self))
        }
        self.port = port
    }

    /// Kills it: the script may have inherited a blocked SIGTERM from the test's thread.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct NotReady: Error { var line: String }
}
