import MLMDProtos
import ProtoWire
import Testing

/// Text-format errors on the ml_metadata messages, each with its exact line, column and
/// message; and `Any` expanded inside `ml_metadata.Value`, parsed and printed.
@Suite struct TextFormatErrorTests {
    private func error(_ line: Int, _ column: Int, _ message: String) -> TextFormatDecodingError {
        TextFormatDecodingError(line: line, column: column, message: message)
    }

    // MARK: Errors

    @Test func unknownFieldName() {
        #expect(throws: error(2, 1, #"message type "ml_metadata.Artifact" has no field named "nme""#)) {
            try Artifact(textFormatString: "id: 1\nnme: \"a\"\n")
        }
        #expect(throws: error(3, 5, #"message type "ml_metadata.Event.Path.Step" has no field named "idx""#)) {
            try Event(textFormatString: "path {\n  steps {\n    idx: 1\n  }\n}\n")
        }
    }

    @Test func duplicateSingularField() {
        // Reported after the repeated name, like protoc.
        #expect(throws: error(2, 3, #"non-repeated field "id" is specified multiple times"#)) {
            try Artifact(textFormatString: "id: 1\nid: 2\n")
        }
        #expect(throws: error(1, 27, #"non-repeated field "path" is specified multiple times"#)) {
            try Event(textFormatString: "path { } type: INPUT path { }")
        }
    }

    @Test func secondMemberOfAOneof() {
        #expect(throws: error(1, 26, #"field "string_value" is specified along with another member of its oneof"#)) {
            try Value(textFormatString: #"int_value: 1 string_value: "a""#)
        }
        // The same member twice is also an error.
        #expect(throws: error(1, 23, #"field "int_value" is specified along with another member of its oneof"#)) {
            try Value(textFormatString: "int_value: 1 int_value: 2")
        }
    }

    @Test func missingColonBeforeAScalar() {
        #expect(throws: error(1, 4, #"expected ":", found "5""#)) { try Artifact(textFormatString: "id 5") }
        #expect(throws: error(2, 9, #"expected ":", found "LIVE""#)) { try Artifact(textFormatString: "id: 5\n  state LIVE") }
    }

    @Test func unterminatedMessage() {
        #expect(throws: error(1, 26, #"expected "}" before end of input"#)) {
            try Event(textFormatString: "path { steps { index: 1 }")
        }
        // An unterminated map entry.
        #expect(throws: error(6, 1, #"expected "}" before end of input"#)) {
            try Artifact(textFormatString: "properties {\n  key: \"a\"\n  value {\n    int_value: 1\n  }\n")
        }
    }

    @Test func unknownEnumValue() {
        #expect(throws: error(1, 8, #"unknown enumeration value "LIVELY" for State"#)) {
            try Artifact(textFormatString: "state: LIVELY")
        }
        #expect(throws: error(1, 8, "unknown enumeration value 99 for State")) {
            try Artifact(textFormatString: "state: 99")
        }
        // Enum names are case-sensitive.
        #expect(throws: error(1, 12, #"unknown enumeration value "dataset" for SystemDefinedBaseType"#)) {
            try ArtifactType(textFormatString: "base_type: dataset")
        }
        // In a map value.
        #expect(throws: error(1, 30, #"unknown enumeration value "TEXT" for PropertyType"#)) {
            try ArtifactType(textFormatString: #"properties { key: "a" value: TEXT }"#)
        }
    }

    @Test func integerOutOfRange() {
        #expect(throws: error(1, 5, #"integer out of range for int64: "9223372036854775808""#)) {
            try Artifact(textFormatString: "id: 9223372036854775808")
        }
        #expect(throws: error(1, 18, #"integer out of range for int32: "2147483648""#)) {
            try ListOperationOptions(textFormatString: "max_result_size: 2147483648")
        }
        #expect(throws: error(1, 18, #"integer out of range for int32: "-2147483649""#)) {
            try ListOperationOptions(textFormatString: "max_result_size: -2147483649")
        }
    }

    @Test func integerLimitsAreAccepted() throws {
        #expect(try Artifact(textFormatString: "id: -9223372036854775808").id == Int64.min)
        #expect(try ListOperationOptions(textFormatString: "max_result_size: -2147483648").maxResultSize == Int32.min)
        #expect(try ListOperationOptions(textFormatString: "max_result_size: 0x7fffffff").maxResultSize == Int32.max)
    }

    @Test func invalidUTF8InAStringLiteral() {
        // A raw invalid byte: reported where it is.
        #expect(throws: error(2, 9, "invalid UTF-8")) {
            try Artifact(textFormatBytes: Array("id: 1\nname: \"a".utf8) + [0xff] + Array("\"".utf8))
        }
        // Escapes that spell invalid UTF-8 in a string field: reported at the literal.
        #expect(throws: error(1, 7, "invalid UTF-8 in string")) { try Artifact(textFormatString: #"name: "\377""#) }
        #expect(throws: error(1, 15, "invalid UTF-8 in string")) {
            try Value(textFormatString: #"string_value: "ok" "\xc3(""#)
        }
    }

    @Test func escapesThatSpellValidUTF8AreAccepted() throws {
        #expect(try Artifact(textFormatString: #"name: "\303\251\xf0\x9f\x98\x80""#).name == "é😀")
    }

    @Test func nestingDeeperThanAHundred() throws {
        // list (odd depths) and element (even depths): 50 pairs reach depth 100.
        let open = String(repeating: "list { element { ", count: 50)
        let close = String(repeating: "} } ", count: 50)
        let hundred = try ArtifactStructType(textFormatString: open + close)
        #expect(try ArtifactStructType(serializedBytes: hundred.serializedBytes()) == hundred)

        // One more `list {` is depth 101, reported at the token after its "{": 17 * 50 + 7 bytes in.
        #expect(throws: error(1, 858, "messages nested more than 100 deep")) {
            try ArtifactStructType(textFormatString: open + "list { }" + close)
        }
    }

    @Test func mapEntriesCountAsNestingLevels() throws {
        // Like protoc (and our binary decoder), a map entry is a message: each level below is
        // dict (3i-2), properties entry (3i-1), value (3i). Level 34's entry is depth 101.
        let level = #"dict { properties { key: "k" value { "#
        let text = String(repeating: level, count: 40) + String(repeating: "} } } ", count: 40)
        // Reported at the token after the entry's "{": 33 * 37 + 20 bytes in.
        #expect(throws: error(1, 1242, "messages nested more than 100 deep")) {
            _ = try ArtifactStructType(textFormatString: text)
        }
        // Whatever the text parser accepts must decode from its own encoding.
        if let parsed = try? ArtifactStructType(textFormatString: text) {
            #expect(throws: Never.self) { try ArtifactStructType(serializedBytes: parsed.serializedBytes()) }
        }
        // 33 levels are 99 deep either way.
        let accepted = try ArtifactStructType(
            textFormatString: String(repeating: level, count: 33) + String(repeating: "} } } ", count: 33))
        #expect(try ArtifactStructType(serializedBytes: accepted.serializedBytes()) == accepted)
    }

    @Test func unknownAnyType() {
        #expect(throws: error(2, 3, #"unknown Any type "type.googleapis.com/ml_metadata.Nope""#)) {
            try Value(textFormatString: "proto_value {\n  [type.googleapis.com/ml_metadata.Nope] {}\n}", registry: .mlmd)
        }
        // Known to .mlmd but not to the registry given.
        #expect(throws: error(1, 15, #"unknown Any type "type.googleapis.com/ml_metadata.Artifact""#)) {
            try Value(textFormatString: "proto_value { [type.googleapis.com/ml_metadata.Artifact] {} }", registry: .wellKnownTypes)
        }
    }

    @Test func errorInsideAnExpandedAny() {
        #expect(throws: error(3, 5, #"message type "ml_metadata.Artifact" has no field named "nme""#)) {
            try Value(
                textFormatString: "proto_value {\n  [type.googleapis.com/ml_metadata.Artifact] {\n    nme: \"a\"\n  }\n}", registry: .mlmd)
        }
    }

    // MARK: Expanded Any

    static let expandedText = """
        proto_value {
          [type.googleapis.com/ml_metadata.Artifact] {
            id: 1
            name: "a"
          }
        }

        """

    /// Value { proto_value { type_url: "type.googleapis.com/ml_metadata.Artifact" value: <id: 1, name: "a"> } }
    static let expandedBytes: [UInt8] =
        [0x2a, 0x31, 0x0a, 0x28] + Array("type.googleapis.com/ml_metadata.Artifact".utf8)
        + [0x12, 0x05, 0x08, 0x01, 0x3a, 0x01, 0x61]

    @Test func parsingExpandedAnyInsideValue() throws {
        let value = try Value(textFormatString: Self.expandedText, registry: .mlmd)
        #expect(value.protoValue.typeURL == "type.googleapis.com/ml_metadata.Artifact")
        #expect(value.protoValue.value == [0x08, 0x01, 0x3a, 0x01, 0x61])
        #expect(value.serializedBytes() == Self.expandedBytes)
        // Value's own registry is .mlmd, so it is the default.
        #expect(try Value(textFormatString: Self.expandedText) == value)
    }

    @Test func printingExpandedAnyInsideValue() throws {
        let value = try Value(serializedBytes: Self.expandedBytes)
        #expect(value.textFormatString(expandingAny: true, registry: .mlmd) == Self.expandedText)
        // protoc's default: the two raw fields.
        #expect(
            value.textFormatString() == """
                proto_value {
                  type_url: "type.googleapis.com/ml_metadata.Artifact"
                  value: "\\010\\001:\\001a"
                }

                """)
    }

    @Test func expandedAnyNestedInAnArtifact() throws {
        let text = """
            custom_properties {
              key: "meta"
              value {
                proto_value {
                  [type.googleapis.com/ml_metadata.Value] {
                    proto_value {
                      [type.googleapis.com/ml_metadata.Event] {
                        type: OUTPUT
                      }
                    }
                  }
                }
              }
            }

            """
        let artifact = try Artifact(textFormatString: text)
        #expect(artifact.textFormatString(expandingAny: true, registry: .mlmd) == text)
        let inner = try Value(serializedBytes: artifact.customProperties["meta"]!.protoValue.value)
        #expect(try Event(serializedBytes: inner.protoValue.value).type == .output)
    }
}
