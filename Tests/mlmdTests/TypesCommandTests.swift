import Testing

/// `mlmd types put|ls` and the shared `--db` option.
@Suite struct TypesCommandTests {
    let types = """
        artifact_types { name: "DataSet" properties { key: "split" value: STRING } version: "1" }
        execution_types { name: "Trainer" }
        context_types { name: "Experiment" properties { key: "note" value: STRING } }
        """

    @Test func putLoadsTextTypesAndListsThemByID() throws {
        let store = try StoreFixture(filled: false)
        let put = try store.run(["types", "put", try store.file("types.pbtxt", Array(types.utf8))])
        #expect(put.status == 0)
        #expect(put.text == "artifact type 10 DataSet\nexecution type 11 Trainer\ncontext type 12 Experiment\n")
        let list = try store.run(["types", "ls"])
        #expect(
            list.text == """
                ID  KIND       NAME        PROPERTIES
                10  artifact   DataSet@1   split:STRING
                11  execution  Trainer     -
                12  context    Experiment  note:STRING

                """)
    }

    @Test func putReadsBinaryRequestsAndKeepsIDsOfEqualTypes() throws {
        let store = try StoreFixture(filled: false)
        let text = try store.file("types.pbtxt", Array(types.utf8))
        let binary = try MLMDProcess.run(["proto", "encode", "--type", "ml_metadata.PutTypesRequest"], input: Array(types.utf8))
        _ = try store.run(["types", "put", text])
        let again = try store.run(["types", "put", try store.file("types.pb", binary.output)])
        #expect(again.status == 0)
        #expect(again.text == "artifact type 10 DataSet\nexecution type 11 Trainer\ncontext type 12 Experiment\n")
    }

    @Test func conflictingTypeIsOneLineNamingTheStore() throws {
        let store = try StoreFixture(filled: false)
        _ = try store.run(["types", "put", try store.file("a.pbtxt", Array(types.utf8))])
        let changed = try store.file("b.pbtxt", Array(#"execution_types { name: "Trainer" properties { key: "x" value: INT } }"#.utf8))
        let result = try store.run(["types", "put", changed])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("mlmd: \(store.path): ALREADY_EXISTS: "))
        #expect(result.error.filter { $0 == "\n" }.count == 1)
    }

    @Test func malformedFileNamesLineAndColumn() throws {
        let store = try StoreFixture(filled: false)
        let result = try store.run(["types", "put", try store.file("bad.pbtxt", Array("artifact_types { nme: 1 }".utf8))])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("mlmd: \(store.directory.path)/bad.pbtxt: line 1:"))
    }

    @Test func readingCommandsRefuseAMissingFile() throws {
        let result = try MLMDProcess.run(["types", "ls", "--db", "/nonexistent/mlmd.sqlite"])
        #expect(result.status == 1)
        #expect(result.error == "mlmd: /nonexistent/mlmd.sqlite: no such store; give its path with --db\n")
    }

    @Test func memoryStoreStartsEmpty() throws {
        let result = try MLMDProcess.run(["types", "ls", "--db", "memory:"])
        #expect(result.status == 0)
        #expect(result.text == "ID  KIND  NAME  PROPERTIES\n")
    }

    @Test func usageErrorsExitWithStatus2() throws {
        let result = try MLMDProcess.run(["types", "put"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: Missing expected argument '<file>'\n"))
    }
}
