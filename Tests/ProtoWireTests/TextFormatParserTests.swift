import ProtoWire
import Testing

/// The text-format grammar above the token level, with the well-known types: delimiters,
/// lists, separators, comments, maps, expanded `Any`, and structural errors with their positions.
@Suite struct TextFormatParserTests {
    private func number(_ value: Double) -> ProtobufValue {
        var result = ProtobufValue()
        result.numberValue = value
        return result
    }

    private func string(_ value: String) -> ProtobufValue {
        var result = ProtobufValue()
        result.stringValue = value
        return result
    }

    private func error(_ line: Int, _ column: Int, _ message: String) -> TextFormatDecodingError {
        TextFormatDecodingError(line: line, column: column, message: message)
    }

    // MARK: Accepted syntax

    @Test func braceAndAngleDelimiters() throws {
        let braces = try ProtobufListValue(textFormatString: "values { number_value: 1 }")
        let angles = try ProtobufListValue(textFormatString: "values < number_value: 1 >")
        let withColon = try ProtobufListValue(textFormatString: "values: <number_value: 1>")
        #expect(braces.values == [number(1)])
        #expect(angles == braces && withColon == braces)
        // Nested, mixed.
        let mixed = try ProtobufValue(textFormatString: "list_value < values { string_value: \"x\" } >")
        #expect(mixed.listValue.values == [string("x")])
    }

    @Test func listsOfScalarsAndMessages() throws {
        let mask = try ProtobufFieldMask(textFormatString: #"paths: ["a", "b"] paths: "c" paths: [] paths: ['d']"#)
        #expect(mask.paths == ["a", "b", "c", "d"])
        let list = try ProtobufListValue(textFormatString: #"values [{number_value: 1}, <string_value: "x">] values: [] values {}"#)
        #expect(list.values == [number(1), string("x"), ProtobufValue()])
    }

    @Test func separatorsAndComments() throws {
        let text = """
            # leading comment
            values { number_value: 1; },  # trailing comment
            values: { string_value: "a" "b" 'c' },
            values < bool_value: true >;
            # the end
            """
        let list = try ProtobufListValue(textFormatString: text)
        var flag = ProtobufValue()
        flag.boolValue = true
        #expect(list.values == [number(1), string("abc"), flag])
        let mask = try ProtobufFieldMask(textFormatString: "paths: \"a\"; paths: \"b\", paths: \"c\"")
        #expect(mask.paths == ["a", "b", "c"])
    }

    @Test func mapEntries() throws {
        let text = #"""
            fields { key: "b" value { number_value: 2 } }
            fields [{ key: "a", value: { bool_value: false } }, < key: "c" value < null_value: NULL_VALUE > >]
            fields { value { string_value: "no key" } }
            fields { key: "b" value { number_value: 3 } }
            """#
        let parsed = try ProtobufStruct(textFormatString: text)
        #expect(parsed.fields.keys == ["", "a", "b", "c"])
        #expect(parsed.fields["b"] == number(3))  // the last entry for a key wins
        #expect(parsed.fields[""] == string("no key"))
        #expect(parsed.fields["c"]?.hasNullValue == true)
    }

    @Test func expandedAny() throws {
        let any = try ProtobufAny(textFormatString: "[type.googleapis.com/google.protobuf.Value] { number_value: 1 }")
        #expect(any.typeURL == "type.googleapis.com/google.protobuf.Value")
        #expect(any.value == [0x11, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f])
        // Whitespace and comments inside the brackets, `:` and `<>`, and the other known prefix.
        let spaced = try ProtobufAny(textFormatString: "[ type.googleapis.com / google.protobuf . Value # c\n ] : < number_value: 1 >")
        #expect(spaced == any)
        let prod = try ProtobufAny(textFormatString: "[type.googleprod.com/google.protobuf.Value] {}")
        #expect(prod.typeURL == "type.googleprod.com/google.protobuf.Value" && prod.value == [])
    }

    @Test func printingExpandedAny() throws {
        var any = ProtobufAny()
        any.typeURL = "type.googleapis.com/google.protobuf.Value"
        any.value = [0x11, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]
        #expect(
            any.textFormatString()
                == "type_url: \"type.googleapis.com/google.protobuf.Value\"\nvalue: \"\\021\\000\\000\\000\\000\\000\\000\\360?\"\n")
        #expect(
            any.textFormatString(expandingAny: true, registry: .wellKnownTypes)
                == "[type.googleapis.com/google.protobuf.Value] {\n  number_value: 1\n}\n")
        // Not expanded: a type outside the registry, or a value that does not parse.
        #expect(any.textFormatString(expandingAny: true, registry: ProtoTypeRegistry([])) == any.textFormatString())
        var broken = any
        broken.value = [0x11, 0x00]
        #expect(broken.textFormatString(expandingAny: true, registry: .wellKnownTypes) == broken.textFormatString())
        // Printed text parses back.
        let printed = any.textFormatString(expandingAny: true, registry: .wellKnownTypes)
        #expect(try ProtobufAny(textFormatString: printed) == any)
    }

    @Test func hundredNestedMessagesAreAccepted() throws {
        // 50 × (list_value, values) = 100 levels below the top Value.
        let text = String(repeating: "list_value { values { ", count: 50) + String(repeating: "} } ", count: 50)
        let value = try ProtobufValue(textFormatString: text)
        #expect(try ProtobufValue(serializedBytes: value.serializedBytes()) == value)
        #expect(try ProtobufValue(textFormatString: value.textFormatString()) == value)
    }

    // MARK: Errors

    @Test func hundredAndOneNestedMessages() {
        let text = String(repeating: "list_value { values { ", count: 50) + "list_value { }" + String(repeating: " } }", count: 50)
        // Reported at the token after the 101st "{": 22 * 50 + 13 bytes in.
        #expect(throws: error(1, 1114, "messages nested more than 100 deep")) { try ProtobufValue(textFormatString: text) }
    }

    @Test func unknownFieldName() {
        #expect(throws: error(2, 3, #"message type "google.protobuf.Value" has no field named "numbr_value""#)) {
            try ProtobufListValue(textFormatString: "values {\n  numbr_value: 1\n}")
        }
    }

    @Test func missingColonBeforeAScalar() {
        #expect(throws: error(1, 7, #"expected ":", found string "a""#)) { try ProtobufFieldMask(textFormatString: #"paths "a""#) }
        #expect(throws: error(1, 14, #"expected ":", found "1""#)) { try ProtobufValue(textFormatString: "number_value 1") }
    }

    @Test func unterminatedMessage() {
        #expect(throws: error(3, 1, #"expected "}" before end of input"#)) {
            try ProtobufListValue(textFormatString: "values {\n  number_value: 1\n")
        }
        #expect(throws: error(1, 27, #"expected ">" before end of input"#)) {
            try ProtobufListValue(textFormatString: "values < number_value: 1  ")
        }
        // A closing delimiter that does not match the opening one.
        #expect(throws: error(1, 10, #"expected identifier, found ">""#)) { try ProtobufListValue(textFormatString: "values { >") }
    }

    @Test func unterminatedList() {
        #expect(throws: error(1, 17, #"expected "]", found end of input"#)) {
            try ProtobufFieldMask(textFormatString: #"paths: ["a", "b""#)
        }
        #expect(throws: error(1, 13, #"expected string, found "]""#)) { try ProtobufFieldMask(textFormatString: #"paths: ["a",]"#) }
    }

    @Test func duplicateSingularField() {
        #expect(throws: error(1, 43, #"non-repeated field "type_url" is specified multiple times"#)) {
            try ProtobufAny(textFormatString: #"type_url: "type.googleapis.com/a" type_url: "b""#)
        }
    }

    @Test func secondMemberOfAOneof() {
        #expect(throws: error(1, 29, #"field "string_value" is specified along with another member of its oneof"#)) {
            try ProtobufValue(textFormatString: #"number_value: 1 string_value: "a""#)
        }
    }

    @Test func unknownAnyType() {
        #expect(throws: error(1, 1, #"unknown Any type "type.googleapis.com/google.protobuf.Nope""#)) {
            try ProtobufAny(textFormatString: "[type.googleapis.com/google.protobuf.Nope] {}")
        }
        // Only type.googleapis.com/ and type.googleprod.com/ name a type.
        #expect(throws: error(2, 2, #"unknown Any type "example.com/google.protobuf.Value""#)) {
            try ProtobufAny(textFormatString: "\n [example.com/google.protobuf.Value] {}")
        }
        // A registry without the type.
        #expect(throws: error(1, 1, #"unknown Any type "type.googleapis.com/google.protobuf.Value""#)) {
            try ProtobufAny(textFormatString: "[type.googleapis.com/google.protobuf.Value] {}", registry: ProtoTypeRegistry([]))
        }
    }

    @Test func anySpecifiedTwice() {
        #expect(throws: error(2, 1, "Any is specified more than once")) {
            try ProtobufAny(
                textFormatString:
                    "[type.googleapis.com/google.protobuf.Value] { number_value: 1 }\n[type.googleapis.com/google.protobuf.Value] {}")
        }
    }

    @Test func bracketedNameOutsideAnAny() {
        #expect(throws: error(1, 1, #"extension "foo.bar" is not supported in "google.protobuf.Struct""#)) {
            try ProtobufStruct(textFormatString: "[foo.bar] {}")
        }
    }

    @Test func unknownFieldInAMapEntry() {
        #expect(throws: error(1, 19, #"map entry has no field named "val""#)) {
            try ProtobufStruct(textFormatString: #"fields { key: "a" val { } }"#)
        }
    }

    @Test func invalidUTF8OutsideAString() {
        // The parser stops at the first invalid byte, wherever it is.
        #expect(throws: error(2, 3, "invalid UTF-8")) {
            try ProtobufFieldMask(textFormatBytes: Array("paths: \"a\"\n  ".utf8) + [0xc3, 0x28])
        }
    }
}
