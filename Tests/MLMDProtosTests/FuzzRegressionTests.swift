import MLMDProtos
import ProtoWire
import Testing

/// Inputs the fuzz targets (Fuzz/, see its README) stopped on, minimized, with what they must do.
/// Their bytes are also in Fuzz/Corpus, so every fuzzing pass replays them.
@Suite struct FuzzRegressionTests {
    /// fuzz-binary: a `GetArtifactsResponse` whose artifact has a double property holding a NaN
    /// (all 64 bits set). It re-encodes to the same bytes with the same NaN; only `==` sees two
    /// decodes as different, since NaN is unequal to itself (as protobuf compares fields).
    @Test func nanPropertySurvivesTheBinaryRoundTrip() throws {
        let bytes: [UInt8] = [
            0x0a, 0x10,  // artifacts, 16 bytes
            0x22, 0x0e,  // properties entry, 14 bytes
            0x0a, 0x01, 0x39,  // key "9"
            0x12, 0x09, 0x11, 0xff, 0xff, 0xff, 0xff,  // value { double_value: NaN (fixed64 all ones) }
            0xff, 0xff, 0xff, 0xff,
        ]
        let decoded = try GetArtifactsResponse(serializedBytes: bytes)
        let value = try #require(decoded.artifacts.first?.properties["9"])
        #expect(value.doubleValue.bitPattern == UInt64.max)
        #expect(decoded.serializedBytes() == bytes)
        let again = try GetArtifactsResponse(serializedBytes: decoded.serializedBytes())
        #expect(again.serializedBytes() == bytes)
        #expect(again != decoded)  // NaN != NaN: compare the bytes of such messages, not the values
    }

    /// fuzz-text: an `Any` packing an `Artifact` whose `state` is 2048, not a State value, so it is
    /// an unknown field. Expanded, it prints `6: 2048` as protoc does, which no text parser reads
    /// back; printed unexpanded (the default) the message round-trips.
    @Test func expandedAnyWithUnknownFieldsPrintsThemByNumber() throws {
        let text = #"parent_contexts { system_metadata { type_url: "type.googleapis.com/ml_metadata.Artifact" value: "0\200\020" } }"#
        let request = try PutParentContextsRequest(textFormatString: text)
        let expanded = request.textFormatString(expandingAny: true, registry: .mlmd)
        #expect(
            expanded == """
                parent_contexts {
                  system_metadata {
                    [type.googleapis.com/ml_metadata.Artifact] {
                      6: 2048
                    }
                  }
                }

                """)
        #expect(throws: TextFormatDecodingError.self) {
            try PutParentContextsRequest(textFormatString: expanded, registry: .mlmd)
        }
        let plain = request.textFormatString()
        #expect(try PutParentContextsRequest(textFormatString: plain) == request)
        #expect(try PutParentContextsRequest(serializedBytes: request.serializedBytes()) == request)
    }
}
