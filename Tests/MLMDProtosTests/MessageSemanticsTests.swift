import MLMDProtos
import ProtoWire
import Testing

/// proto2 semantics of the generated messages: presence, defaults, oneofs, maps, unknown
/// fields, repeated encodings, merging, recursion and equality.
@Suite struct MessageSemanticsTests {
    // MARK: Presence and defaults

    @Test func presenceOfScalars() throws {
        var artifact = Artifact()
        #expect(!artifact.hasID && artifact.id == 0)
        #expect(artifact.serializedBytes() == [])

        // Setting the default value still sets the field, and it is written.
        artifact.id = 0
        artifact.name = ""
        #expect(artifact.hasID && artifact.hasName)
        #expect(artifact.serializedBytes() == [0x08, 0x00, 0x3a, 0x00])

        artifact.clearID()
        artifact.clearName()
        #expect(!artifact.hasID && !artifact.hasName)
        #expect(artifact.serializedBytes() == [])

        // Presence survives decoding.
        let decoded = try Artifact(serializedBytes: [0x08, 0x00])
        #expect(decoded.hasID && decoded.id == 0 && !decoded.hasName)
    }

    @Test func explicitDefaultValues() throws {
        var options = ListOperationOptions()
        #expect(options.maxResultSize == 20)  // [default = 20]
        #expect(!options.hasMaxResultSize)
        #expect(options.serializedBytes() == [])
        #expect(try ListOperationOptions(serializedBytes: []).maxResultSize == 20)

        options.maxResultSize = 20
        #expect(options.hasMaxResultSize)
        #expect(options.serializedBytes() == [0x08, 0x14])
        options.clearMaxResultSize()
        options.maxResultSize = 0
        #expect(options.serializedBytes() == [0x08, 0x00])

        // An enum with [default = ID] and a bool with [default = true].
        let order = ListOperationOptions.OrderByField()
        #expect(order.field == .id && !order.hasField)
        #expect(order.isAsc == true && !order.hasIsAsc)
        #expect(ListOperationOptions.OrderByField.Field.protoDefault == .fieldUnspecified)
        // An unset message field reads as its type's defaults.
        #expect(options.orderByField.field == .id)
        #expect(!options.hasOrderByField)
    }

    @Test func enumDefaultIsTheFirstValue() {
        #expect(Artifact().state == .unknown && !Artifact().hasState)
        #expect(Event().type == .unknown)
        #expect(ArtifactType().baseType == .unset)
        #expect(Artifact.State.protoDefault == .unknown)
        #expect(Artifact.State(rawValue: 99) == nil)
        #expect(Artifact.State(protoName: "MARKED_FOR_DELETION") == .markedForDeletion)
        #expect(Artifact.State(protoName: "marked_for_deletion") == nil)
    }

    // MARK: Oneofs

    @Test func settingAOneofMemberReplacesTheOther() {
        var value = Value()
        #expect(value.value == nil)
        value.intValue = 5
        #expect(value.value == .intValue(5) && value.hasIntValue)
        #expect(value.serializedBytes() == [0x08, 0x05])

        value.stringValue = "a"
        #expect(!value.hasIntValue && value.intValue == 0)
        #expect(value.serializedBytes() == [0x1a, 0x01, 0x61])
        switch value.value {
        case .stringValue(let text)?: #expect(text == "a")
        default: Issue.record("expected string_value, got \(String(describing: value.value))")
        }

        // The default value of a member is still a choice.
        value.boolValue = false
        #expect(value.hasBoolValue)
        #expect(value.serializedBytes() == [0x30, 0x00])

        value.value = nil
        #expect(!value.hasBoolValue)
        #expect(value.serializedBytes() == [])
    }

    @Test func lastOneofMemberOnTheWireWins() throws {
        #expect(try Value(serializedBytes: [0x08, 0x05, 0x1a, 0x01, 0x61]).value == .stringValue("a"))
        #expect(try Value(serializedBytes: [0x1a, 0x01, 0x61, 0x08, 0x05]).value == .intValue(5))
    }

    /// Struct { fields { key: KEY value { bool_value: FLAG } } } as Value.struct_value.
    private func structValueField(key: UInt8, flag: UInt8) -> [UInt8] {
        [0x22, 0x09, 0x0a, 0x07, 0x0a, 0x01, key, 0x12, 0x02, 0x20, flag]
    }

    @Test func aRepeatedOneofMessageMemberMerges() throws {
        let a = structValueField(key: 0x61, flag: 1)
        let b = structValueField(key: 0x62, flag: 0)
        let merged = try Value(serializedBytes: a + b)
        #expect(merged.structValue.fields.keys == ["a", "b"])
        #expect(merged.serializedBytes() == [0x22, 0x12] + a.dropFirst(2) + b.dropFirst(2))
        // Another member in between starts the message afresh.
        let restarted = try Value(serializedBytes: a + [0x08, 0x05] + b)
        #expect(restarted.serializedBytes() == b)
    }

    // MARK: Maps

    /// `properties` entry KEY → Value { int_value: N } of an Artifact.
    private func entry(_ key: UInt8, _ number: UInt8) -> [UInt8] {
        [0x22, 0x07, 0x0a, 0x01, key, 0x12, 0x02, 0x08, number]
    }

    private func intValue(_ number: Int64) -> Value {
        var value = Value()
        value.intValue = number
        return value
    }

    @Test func mapBytesDoNotDependOnInsertionOrder() throws {
        var first = Artifact()
        first.properties["b"] = intValue(1)
        first.properties["a"] = intValue(2)
        first.properties["c"] = intValue(3)
        var second = Artifact()
        second.properties["c"] = intValue(3)
        second.properties["a"] = intValue(2)
        second.properties["b"] = intValue(1)

        let expected = entry(0x61, 2) + entry(0x62, 1) + entry(0x63, 3)
        #expect(first.serializedBytes() == expected)
        #expect(second.serializedBytes() == expected)
        #expect(first == second)

        // Entries out of order on the wire are written back sorted; a repeated key keeps the last value.
        let unsorted = entry(0x63, 3) + entry(0x61, 9) + entry(0x62, 1) + entry(0x61, 2)
        #expect(try Artifact(serializedBytes: unsorted).serializedBytes() == expected)
    }

    @Test func stringKeysAreOrderedByTheirUTF8Bytes() throws {
        // Swift's String `<` and `==` compare canonically equivalent strings as equal;
        // protobuf keys compare by bytes, so "e\u{301}" and "\u{E9}" are two keys.
        let keys = ["z", "\u{E9}", "e\u{301}", "Z", "\u{FF21}", "😀", "ab", "a", ""]
        let expectedOrder: [[UInt8]] = [
            [], [0x5a], [0x61], [0x61, 0x62], [0x65, 0xcc, 0x81], [0x7a], [0xc3, 0xa9],
            [0xef, 0xbc, 0xa1], [0xf0, 0x9f, 0x98, 0x80],
        ]
        var type = ArtifactType()
        for key in keys { type.properties[key] = .int }
        #expect(type.properties.count == 9)
        #expect(type.properties.keys.map { Array($0.utf8) } == expectedOrder)
        #expect(type.properties["e\u{301}"] == .int)
        type.properties["\u{E9}"] = nil
        #expect(type.properties["e\u{301}"] == .int)
        type.properties["\u{E9}"] = .string

        // ArtifactType.properties is field 3; an entry is { 1: key, 2: INT (1) }.
        let expected = expectedOrder.flatMap { key -> [UInt8] in
            let value: UInt8 = key == [0xc3, 0xa9] ? 3 : 1
            return [0x1a, UInt8(key.count + 4), 0x0a, UInt8(key.count)] + key + [0x10, value]
        }
        #expect(type.serializedBytes() == expected)
        #expect(try ArtifactType(serializedBytes: expected) == type)
    }

    // MARK: Unknown fields

    /// Field 100 with every wire type: varint 42, fixed32, fixed64, "abc", group { 1: 1 }.
    static let unknownFields: [UInt8] = [
        0xa0, 0x06, 0x2a,
        0xa5, 0x06, 0x01, 0x02, 0x03, 0x04,
        0xa1, 0x06, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
        0xa2, 0x06, 0x03, 0x61, 0x62, 0x63,
        0xa3, 0x06, 0x08, 0x01, 0xa4, 0x06,
    ]

    @Test func unknownFieldsRoundTripAtTopLevel() throws {
        let bytes: [UInt8] = [0x08, 0x01] + Self.unknownFields
        let artifact = try Artifact(serializedBytes: bytes)
        #expect(artifact.id == 1)
        #expect(artifact.unknownFields.bytes == Self.unknownFields)
        #expect(artifact.serializedBytes() == bytes)
    }

    @Test func unknownFieldsKeepTheirOrderAndGoAfterKnownFields() throws {
        let bytes: [UInt8] = [0xa0, 0x06, 0x2a, 0x08, 0x01, 0xa2, 0x06, 0x01, 0x78]
        let artifact = try Artifact(serializedBytes: bytes)
        #expect(artifact.unknownFields.bytes == [0xa0, 0x06, 0x2a, 0xa2, 0x06, 0x01, 0x78])
        #expect(artifact.serializedBytes() == [0x08, 0x01, 0xa0, 0x06, 0x2a, 0xa2, 0x06, 0x01, 0x78])
    }

    @Test func unknownFieldsRoundTripWhenNested() throws {
        // LineageGraph { artifacts { id: 1, <unknown> properties { key: "p" value { string_value: "v", <unknown> } } } }
        let value: [UInt8] = [0x1a, 0x01, 0x76] + Self.unknownFields
        let mapEntry: [UInt8] = [0x0a, 0x01, 0x70, 0x12, UInt8(value.count)] + value
        let artifact: [UInt8] = [0x08, 0x01, 0x22, UInt8(mapEntry.count)] + mapEntry + Self.unknownFields
        let graph: [UInt8] = [0x22, UInt8(artifact.count)] + artifact + [0xa0, 0x06, 0x01]

        let decoded = try LineageGraph(serializedBytes: graph)
        #expect(decoded.unknownFields.bytes == [0xa0, 0x06, 0x01])
        #expect(decoded.artifacts[0].unknownFields.bytes == Self.unknownFields)
        #expect(decoded.artifacts[0].properties["p"]?.unknownFields.bytes == Self.unknownFields)
        #expect(decoded.artifacts[0].properties["p"]?.stringValue == "v")
        #expect(decoded.serializedBytes() == graph)
    }

    @Test func aKnownFieldNumberWithAnotherWireTypeIsUnknown() throws {
        // id (1) is a varint; as length-delimited it is kept as an unknown field.
        let artifact = try Artifact(serializedBytes: [0x0a, 0x01, 0x78, 0x3a, 0x01, 0x6e])
        #expect(!artifact.hasID && artifact.name == "n")
        #expect(artifact.unknownFields.bytes == [0x0a, 0x01, 0x78])
        #expect(artifact.serializedBytes() == [0x3a, 0x01, 0x6e, 0x0a, 0x01, 0x78])
    }

    @Test func appendingAnUnknownVarint() {
        var fields = UnknownFields()
        fields.appendVarint(99, fieldNumber: 6)
        fields.appendVarint(.max, fieldNumber: 100)
        #expect(fields.bytes == [0x30, 0x63, 0xa0, 0x06, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        var artifact = Artifact()
        artifact.unknownFields = fields
        #expect(artifact.serializedBytes() == fields.bytes)
    }

    @Test func unknownEnumNumberIsKeptAsAnUnknownField() throws {
        let artifact = try Artifact(serializedBytes: [0x08, 0x01, 0x30, 0x63, 0x3a, 0x01, 0x6e])
        #expect(!artifact.hasState && artifact.state == .unknown)
        #expect(artifact.unknownFields.bytes == [0x30, 0x63])
        // Written back after the known fields, where unknown fields go.
        #expect(artifact.serializedBytes() == [0x08, 0x01, 0x3a, 0x01, 0x6e, 0x30, 0x63])
        #expect(artifact.textFormatString() == "id: 1\nname: \"n\"\n6: 99\n")

        // A negative number keeps its ten-byte varint.
        let negative: [UInt8] = [0x20, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]
        let event = try Event(serializedBytes: negative)
        #expect(!event.hasType && event.unknownFields.bytes == negative)
        #expect(event.serializedBytes() == negative)
    }

    @Test func unknownEnumNumberDoesNotClearAKnownOne() throws {
        let knownFirst = try Artifact(serializedBytes: [0x30, 0x02, 0x30, 0x63])
        #expect(knownFirst.state == .live)
        #expect(knownFirst.unknownFields.bytes == [0x30, 0x63])
        #expect(knownFirst.serializedBytes() == [0x30, 0x02, 0x30, 0x63])

        let unknownFirst = try Artifact(serializedBytes: [0x30, 0x63, 0x30, 0x02])
        #expect(unknownFirst.state == .live)
        #expect(unknownFirst.serializedBytes() == [0x30, 0x02, 0x30, 0x63])
    }

    // MARK: Repeated fields

    @Test func unpackedFieldAcceptsPackedInput() throws {
        // ListOperationNextPageToken.listed_ids = 4 is not packed.
        let unpacked: [UInt8] = [0x20, 0x01, 0x20, 0x96, 0x01]
        #expect(try ListOperationNextPageToken(serializedBytes: unpacked).listedIDs == [1, 150])
        let packed = try ListOperationNextPageToken(serializedBytes: [0x22, 0x03, 0x01, 0x96, 0x01])
        #expect(packed.listedIDs == [1, 150])
        #expect(packed.serializedBytes() == unpacked)
        let mixed = try ListOperationNextPageToken(serializedBytes: [0x20, 0x01, 0x22, 0x02, 0x02, 0x03, 0x20, 0x04])
        #expect(mixed.listedIDs == [1, 2, 3, 4])
    }

    @Test func packedFieldAcceptsUnpackedInput() throws {
        // PutLineageSubgraphResponse.execution_ids = 1 [packed = true].
        let fromUnpacked = try PutLineageSubgraphResponse(serializedBytes: [0x08, 0x01, 0x08, 0x96, 0x01])
        #expect(fromUnpacked.executionIDs == [1, 150])
        #expect(fromUnpacked.serializedBytes() == [0x0a, 0x03, 0x01, 0x96, 0x01])

        let negative = try PutLineageSubgraphResponse(serializedBytes: [
            0x0a, 0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
        ])
        #expect(negative.executionIDs == [-1])

        // Packed runs concatenate; an empty run adds nothing and an empty list is not written.
        let split = try PutLineageSubgraphResponse(serializedBytes: [0x0a, 0x01, 0x01, 0x0a, 0x00, 0x08, 0x02, 0x0a, 0x01, 0x03])
        #expect(split.executionIDs == [1, 2, 3])
        #expect(try PutLineageSubgraphResponse(serializedBytes: [0x0a, 0x00]).serializedBytes() == [])
    }

    // MARK: Repeated occurrences of singular fields

    @Test func lastScalarWins() throws {
        #expect(try Artifact(serializedBytes: [0x08, 0x01, 0x08, 0x02]).serializedBytes() == [0x08, 0x02])
        #expect(try Artifact(serializedBytes: [0x3a, 0x01, 0x61, 0x3a, 0x01, 0x62]).name == "b")
    }

    @Test func messagesMerge() throws {
        // order_by_field { field: CREATE_TIME } then order_by_field { is_asc: false }.
        let options = try ListOperationOptions(serializedBytes: [0x12, 0x02, 0x08, 0x01, 0x12, 0x02, 0x10, 0x00])
        #expect(options.orderByField.field == .createTime && options.orderByField.isAsc == false)
        #expect(options.serializedBytes() == [0x12, 0x04, 0x08, 0x01, 0x10, 0x00])

        // path { steps { index: 1 } } then path { steps { index: 2 } }: repeated fields concatenate.
        let event = try Event(serializedBytes: [0x1a, 0x04, 0x0a, 0x02, 0x08, 0x01, 0x1a, 0x04, 0x0a, 0x02, 0x08, 0x02])
        #expect(event.path.steps.map(\.index) == [1, 2])
        #expect(event.serializedBytes() == [0x1a, 0x08, 0x0a, 0x02, 0x08, 0x01, 0x0a, 0x02, 0x08, 0x02])
    }

    @Test func mergeSerializedBytes() throws {
        var artifact = Artifact()
        artifact.id = 1
        artifact.name = "a"
        artifact.properties["k"] = intValue(1)
        try artifact.merge(serializedBytes: [0x3a, 0x01, 0x62, 0x10, 0x05] + entry(0x6c, 2))
        #expect(artifact.id == 1 && artifact.name == "b" && artifact.typeID == 5)
        #expect(artifact.properties.keys == ["k", "l"])
    }

    // MARK: Recursion

    @Test func recursiveArtifactStructTypeRoundTrips() throws {
        // list { element { list { element { simple { name: "x" } } } } }
        var innermost = ArtifactStructType()
        innermost.simple.name = "x"
        var inner = ArtifactStructType()
        inner.list.element = innermost
        var outer = ArtifactStructType()
        outer.list.element = inner

        let bytes: [UInt8] = [0x22, 0x0b, 0x0a, 0x09, 0x22, 0x07, 0x0a, 0x05, 0x0a, 0x03, 0x12, 0x01, 0x78]
        #expect(outer.serializedBytes() == bytes)
        let decoded = try ArtifactStructType(serializedBytes: bytes)
        #expect(decoded == outer)
        #expect(decoded.list.element.list.element.simple.name == "x")
        #expect(decoded.list.element.list.hasElement && !decoded.list.element.list.element.list.hasElement)
        #expect(try ArtifactStructType(textFormatString: outer.textFormatString()) == outer)
    }

    @Test func recursiveFieldsHaveValueSemantics() {
        var original = ArtifactStructType()
        original.list.element.simple.name = "x"
        var copy = original
        copy.list.element.simple.name = "y"
        #expect(original.list.element.simple.name == "x")
        #expect(copy.list.element.simple.name == "y")
        #expect(original != copy)
    }

    // MARK: Generated enum extras

    @Test func systemTypeNames() {
        #expect(
            ArtifactType.SystemDefinedBaseType.allCases.map(\.systemTypeName)
                == ["unset_artifact_type", "mlmd.Dataset", "mlmd.Model", "mlmd.Metrics", "mlmd.Statistics"])
        #expect(
            ExecutionType.SystemDefinedBaseType.allCases.map(\.systemTypeName)
                == ["unset_execution_type", "mlmd.Train", "mlmd.Transform", "mlmd.Process", "mlmd.Evaluate", "mlmd.Deploy"])
        #expect(ContextType.SystemDefinedBaseType.allCases.map(\.systemTypeName) == ["unset_context_type"])
        #expect(
            ArtifactType.SystemDefinedBaseType.allCases.map(\.protoName)
                == ["UNSET", "DATASET", "MODEL", "METRICS", "STATISTICS"])
    }

    // MARK: Equality

    @Test func equality() throws {
        var set = Artifact()
        set.id = 0
        #expect(set != Artifact())  // presence counts
        #expect(try Artifact(serializedBytes: [0x08, 0x00]) == set)

        var withUnknown = try Artifact(serializedBytes: [0x08, 0x00, 0xa0, 0x06, 0x2a])
        #expect(withUnknown != set)  // unknown fields count
        withUnknown.unknownFields = UnknownFields()
        #expect(withUnknown == set)

        // NaN is not equal to itself, so compare such messages by their bytes.
        var nan = Value()
        nan.doubleValue = .nan
        #expect(nan != nan)
        #expect(try Value(serializedBytes: nan.serializedBytes()).serializedBytes() == nan.serializedBytes())
    }

    @Test func stringFieldsCompareByTheirUTF8Bytes() {
        // "\u{E9}" and "e\u{301}" are canonically equivalent, so Swift's String == calls them
        // equal, but they are different bytes on the wire, as different as two map keys
        // (which ProtoMap already compares by bytes).
        var precomposed = Artifact()
        precomposed.name = "\u{E9}"
        var decomposed = Artifact()
        decomposed.name = "e\u{301}"
        #expect(precomposed.serializedBytes() != decomposed.serializedBytes())
        #expect(precomposed != decomposed)

        var first = Value()
        first.stringValue = "\u{E9}"
        var second = Value()
        second.stringValue = "e\u{301}"
        #expect(first != second)
    }
}
