import Testing

/// `mlmd proto encode|decode|types`, run as a user runs them.
@Suite struct ProtoCommandTests {
    // ml_metadata.Artifact { id: 5 uri: "data/x" state: LIVE }, deterministic bytes.
    let artifactBytes: [UInt8] = [0x08, 0x05, 0x1a, 0x06] + Array("data/x".utf8) + [0x30, 0x02]
    let artifactText = "id: 5\nuri: \"data/x\"\nstate: LIVE\n"

    @Test func encodeWritesDeterministicBinary() throws {
        let result = try MLMDProcess.run(
            ["proto", "encode", "--type", "ml_metadata.Artifact"],
            input: Array("state: LIVE # comment\nuri: 'data/x' id: 5".utf8))
        #expect(result.status == 0)
        #expect(result.output == artifactBytes)
        #expect(result.error == "")
    }

    @Test func decodePrintsProtocText() throws {
        let result = try MLMDProcess.run(["proto", "decode", "--type", "ml_metadata.Artifact"], input: artifactBytes)
        #expect(result.status == 0)
        #expect(String(decoding: result.output, as: UTF8.self) == artifactText)
    }

    @Test func truncatedBinaryFailsWithOneLineNamingTheOffset() throws {
        let result = try MLMDProcess.run(
            ["proto", "decode", "--type", "ml_metadata.Artifact"],
            input: Array(artifactBytes.prefix(6)))
        #expect(result.status == 1)
        #expect(result.output == [])
        #expect(result.error == "mlmd: standard input: truncated input at byte 3\n")
    }

    @Test func malformedTextFailsWithOneLineNamingLineAndColumn() throws {
        let result = try MLMDProcess.run(
            ["proto", "encode", "--type", "ml_metadata.Artifact"],
            input: Array("id: 5\n  uri: 7\n".utf8))
        #expect(result.status == 1)
        #expect(result.output == [])
        #expect(result.error.hasPrefix("mlmd: standard input: line 2:8: "))
        #expect(result.error.filter { $0 == "\n" }.count == 1)
    }

    @Test func unknownTypeIsAUsageError() throws {
        let result = try MLMDProcess.run(["proto", "decode", "--type", "ml_metadata.Nope"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: unknown message type 'ml_metadata.Nope'; `mlmd proto types` lists them\n"))
    }

    @Test func typesListsNestedMessagesOfBothProtos() throws {
        let result = try MLMDProcess.run(["proto", "types"])
        let names = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(result.status == 0)
        #expect(names.contains("ml_metadata.Event.Path.Step"))
        #expect(names.contains("ml_metadata.PutLineageSubgraphRequest.EventEdge"))
        #expect(names.contains("google.protobuf.Struct"))
        #expect(names == names.sorted())
        #expect(names.contains("tensorflow.metadata.v0.Schema"))
    }

    /// The schema and statistics `mlmd infer-schema` writes are messages `mlmd proto` knows.
    @Test func tensorflowMetadataSchemasRoundTrip() throws {
        let text = "feature {\n  name: \"fare\"\n  type: FLOAT\n  presence {\n    min_fraction: 1\n    min_count: 1\n  }\n}\n"
        let encoded = try MLMDProcess.run(["proto", "encode", "--type", "tensorflow.metadata.v0.Schema"], input: Array(text.utf8))
        #expect(encoded.status == 0, "\(encoded.error)")
        let decoded = try MLMDProcess.run(["proto", "decode", "--type", "tensorflow.metadata.v0.Schema"], input: encoded.output)
        #expect(String(decoding: decoded.output, as: UTF8.self) == text)
    }
}

/// `mlmd proto encode|decode --format json`.
@Suite struct ProtoJSONCommandTests {
    let artifactBytes: [UInt8] = [0x08, 0x05, 0x1a, 0x06] + Array("data/x".utf8) + [0x30, 0x02]

    @Test func decodePrintsJSON() throws {
        let result = try MLMDProcess.run(["proto", "decode", "--type", "ml_metadata.Artifact", "--format", "json"], input: artifactBytes)
        #expect(result.status == 0, "\(result.error)")
        #expect(String(decoding: result.output, as: UTF8.self) == "{\n  \"id\": \"5\",\n  \"uri\": \"data/x\",\n  \"state\": \"LIVE\"\n}\n")
    }

    @Test func encodeReadsJSON() throws {
        let json = #"{"state": 2, "uri": "data/x", "id": 5, "extra": [1]}"#
        let result = try MLMDProcess.run(
            ["proto", "encode", "--type", "ml_metadata.Artifact", "--format", "json", "--ignore-unknown-fields"], input: Array(json.utf8))
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == artifactBytes)
    }

    @Test func malformedJSONFailsWithPathAndOffset() throws {
        let result = try MLMDProcess.run(
            ["proto", "encode", "--type", "ml_metadata.Artifact", "--format", "json"], input: Array(#"{"properties": {"a": 1}}"#.utf8))
        #expect(result.status == 1)
        #expect(result.output == [])
        #expect(result.error == "mlmd: standard input: $.properties.a: expected an object at byte 21\n")
    }
}
