import Foundation
import Testing

/// `mlmd export` and `mlmd import`.
@Suite struct ExportImportCommandTests {
    @Test func exportImportExportGivesTheSameRecords() throws {
        let original = try StoreFixture()
        let binary = try original.run(["export"])
        let copy = try StoreFixture(filled: false)
        let imported = try copy.run(["import"], input: binary.output)
        #expect(imported.text == "imported 4 types, 5 nodes, 2 events, 3 relations\n")
        // Into an empty store, every record keeps its id and its times: the same bytes again.
        #expect(try copy.run(["export"]).output == binary.output)
        #expect(try original.run(["export", "--format", "text"]).text.contains("parent_contexts {\n  child_id: 1\n  parent_id: 2\n}\n"))
    }

    @Test func importKeepsTheDumpsTimesAndStampsNodesWithout() throws {
        let store = try StoreFixture(filled: false)
        let dump = """
            artifact_types { id: 10 name: "Schema" }
            artifacts { id: 1 type_id: 10 uri: "old" create_time_since_epoch: 1234 last_update_time_since_epoch: 5678 }
            artifacts { id: 2 type_id: 10 uri: "new" }
            """
        #expect(try store.run(["import"], input: Array(dump.utf8)).status == 0)
        let old = try store.run(["show", "artifact", "1"]).text
        #expect(old.contains("create_time_since_epoch: 1234\n") && old.contains("last_update_time_since_epoch: 5678\n"))
        let stamped = try store.run(["show", "artifact", "2"]).text
        #expect(!stamped.contains("create_time_since_epoch: 0\n") && stamped.contains("create_time_since_epoch: 1"))
    }

    @Test func importIntoANonEmptyStoreRemapsIDs() throws {
        let store = try StoreFixture()
        let unnamed = "artifact_types { id: 3 name: \"Schema\" }\nartifacts { id: 7 type_id: 3 uri: \"other.pbtxt\" }\n"
        let result = try store.run(["import"], input: Array(unnamed.utf8))
        #expect(result.text == "imported 1 types, 1 nodes, 0 events, 0 relations\n")
        #expect(try store.run(["ls", "artifacts"]).text.hasSuffix("3   Schema   -      other.pbtxt     -\n"))
    }

    @Test func failedImportChangesNothing() throws {
        let store = try StoreFixture()
        let before = try store.run(["export"]).output
        let result = try store.run(["import"], input: Array(StoreFixture.dump.utf8))  // names clash
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("mlmd: \(store.path): ALREADY_EXISTS: "))
        #expect(try store.run(["export"]).output == before)
    }

    @Test func danglingReferenceIsReported() throws {
        let store = try StoreFixture(filled: false)
        let result = try store.run(["import"], input: Array("events { artifact_id: 4 execution_id: 1 }".utf8))
        #expect(result.status == 1)
        #expect(result.error == "mlmd: \(store.path): an event's artifact is id 4, which the dump does not hold\n")
    }
}

/// Progress shows on a terminal only: `script` gives the command one, and the piped runs above show none.
@Suite struct ImportExportProgressTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressIsDrawnOnATerminalAndErasedAtTheEnd() throws {
        let store = try StoreFixture()
        let dump = try store.file("dump.pb", try store.run(["export"]).output)
        let copy = try StoreFixture(filled: false)
        for command in ["export --db '\(store.path)' > /dev/null", "import --db '\(copy.path)' < '\(dump)' > /dev/null"] {
            let terminal = Process()
            terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            terminal.arguments = ["-qec", "'\(MLMDProcess.executable.path)' \(command)", "/dev/null"]
            let screen = Pipe()
            terminal.standardOutput = screen
            try terminal.run()
            let drawn = String(decoding: screen.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            terminal.waitUntilExit()
            let label = command.hasPrefix("export") ? "mlmd export: types" : "mlmd import: "
            #expect(
                terminal.terminationStatus == 0 && drawn.contains("\r\u{1B}[K\(label)") && drawn.hasSuffix("\r\u{1B}[K"),
                "\(drawn.debugDescription)")
        }
    }
}
