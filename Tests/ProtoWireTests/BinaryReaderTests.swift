import ProtoWire
import Testing

/// Runs `body` with a reader over `bytes`.
private func reading<T>(
    _ bytes: [UInt8], options: BinaryDecodingOptions = BinaryDecodingOptions(),
    _ body: (inout BinaryReader) throws -> T
) throws -> T {
    try bytes.withUnsafeBytes { buffer in
        var reader = BinaryReader(buffer: buffer, options: options)
        return try body(&reader)
    }
}

/// Skips every top-level field, as a message with no known fields would.
private func skipAll(_ bytes: [UInt8], options: BinaryDecodingOptions = BinaryDecodingOptions()) throws -> UnknownFields {
    try reading(bytes, options: options) { reader in
        var unknown = UnknownFields()
        while let tag = try reader.readTag() { try reader.skipUnknownField(tag: tag, into: &unknown) }
        return unknown
    }
}

private let tenByteMinusOne: [UInt8] = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]

@Suite struct BinaryReaderTests {
    // MARK: Values

    @Test(arguments: [
        UInt64(0), 1, 127, 128, 300, 16383, 16384, 2_097_151, 2_097_152,
        UInt64(UInt32.max), UInt64(Int64.max), 1 << 63, UInt64.max,
    ])
    func varintRoundTrip(value: UInt64) throws {
        var writer = BinaryWriter()
        writer.writeVarint(value)
        let bytes = writer.finish()
        let (read, offset) = try reading(bytes) { reader in (try reader.readVarint(), reader.offset) }
        #expect(read == value)
        #expect(offset == Varint.encodedSize(of: value))
    }

    @Test func signedIntegers() throws {
        #expect(try reading(tenByteMinusOne) { try $0.readInt32() } == -1)
        #expect(try reading(tenByteMinusOne) { try $0.readInt64() } == -1)
        #expect(try reading([0x80, 0x80, 0x80, 0x80, 0xf8, 0xff, 0xff, 0xff, 0xff, 0x01]) { try $0.readInt32() } == Int32.min)
        // A 5-byte int32 (what some encoders write for negatives) is truncated to 32 bits too.
        #expect(try reading([0xff, 0xff, 0xff, 0xff, 0x0f]) { try $0.readInt32() } == -1)
        #expect(try reading([0xff, 0xff, 0xff, 0xff, 0x0f]) { try $0.readUInt32() } == UInt32.max)
        #expect(try reading([0x01]) { try $0.readSInt32() } == -1)
        #expect(try reading([0xff, 0xff, 0xff, 0xff, 0x0f]) { try $0.readSInt32() } == Int32.min)
        #expect(try reading(tenByteMinusOne) { try $0.readSInt64() } == Int64.min)
        #expect(try reading([0x7f]) { try $0.readSInt64() } == -64)
        #expect(try reading([0x02]) { try $0.readBool() } == true)
        #expect(try reading([0x00]) { try $0.readBool() } == false)
    }

    @Test func fixedWidthValues() throws {
        #expect(try reading([0x78, 0x56, 0x34, 0x12]) { try $0.readFixed32() } == 0x1234_5678)
        #expect(try reading([8, 7, 6, 5, 4, 3, 2, 1]) { try $0.readFixed64() } == 0x0102_0304_0506_0708)
        #expect(try reading([0, 0, 0x80, 0x3f]) { try $0.readFloat() } == 1.0)
        #expect(try reading([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]) { try $0.readDouble() } == 1.0)
        #expect(try reading([0xff, 0xff, 0xff, 0xff]) { try $0.readSFixed32() } == -1)
        #expect(try reading([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) { try $0.readSFixed64() } == -2)
        let nan = try reading([0x01, 0, 0, 0, 0, 0, 0xf8, 0x7f]) { try $0.readDouble() }
        #expect(nan.bitPattern == 0x7ff8_0000_0000_0001)
        // Values need not be aligned.
        #expect(
            try reading([0x00, 0x78, 0x56, 0x34, 0x12]) { r in
                _ = try r.readVarint(); return try r.readFixed32()
            } == 0x1234_5678)
    }

    @Test func stringsAndBytes() throws {
        #expect(try reading([0x02, 0x68, 0x69]) { try $0.readString() } == "hi")
        #expect(try reading([0x00]) { try $0.readString() } == "")
        #expect(try reading([0x04, 0xf0, 0x9f, 0x98, 0x80]) { try $0.readString() } == "😀")
        #expect(try reading([0x02, 0x00, 0xff]) { try $0.readBytes() } == [0x00, 0xff])
    }

    @Test func packedRuns() throws {
        var values: [Int64] = []
        try reading([0x05, 0x01, 0x96, 0x01, 0x7f, 0x00]) { try $0.readPackedVarints(into: &values) { Int64(bitPattern: $0) } }
        #expect(values == [1, 150, 127, 0])
        var doubles: [Double] = []
        try reading([0x10, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0x40]) {
            try $0.readPackedFixed64(into: &doubles) { Double(bitPattern: $0) }
        }
        #expect(doubles == [1, 2])
        var floats: [Float] = []
        try reading([0x04, 0, 0, 0x80, 0x3f]) { try $0.readPackedFixed32(into: &floats) { Float(bitPattern: $0) } }
        #expect(floats == [1])
    }

    // MARK: Tags

    @Test func fieldTag() {
        #expect(FieldTag(rawValue: 0) == nil)
        #expect(FieldTag(rawValue: 7) == nil)  // field 0
        #expect(FieldTag(rawValue: 14) == nil)  // wire type 6
        #expect(FieldTag(rawValue: 15) == nil)  // wire type 7
        let tag = FieldTag(rawValue: 0xffff_fffd)
        #expect(tag?.fieldNumber == FieldTag.maxFieldNumber)
        #expect(tag?.wireType == .fixed32)
        #expect(FieldTag(fieldNumber: 2, wireType: .lengthDelimited).rawValue == 18)
    }

    @Test func fieldNumberZeroIsRejected() {
        #expect(throws: BinaryDecodingError(.invalidFieldNumber, at: 0)) { try reading([0x00]) { try $0.readTag() } }
        #expect(throws: BinaryDecodingError(.invalidFieldNumber, at: 0)) { try reading([0x02, 0x00]) { try $0.readTag() } }
        // A two-byte tag whose field number is still 0.
        #expect(throws: BinaryDecodingError(.invalidFieldNumber, at: 0)) { try reading([0x80, 0x00]) { try $0.readTag() } }
        // A tag beyond 32 bits.
        #expect(throws: BinaryDecodingError(.invalidFieldNumber, at: 0)) {
            try reading([0xff, 0xff, 0xff, 0xff, 0x1f]) { try $0.readTag() }
        }
        // After a valid field, the offset is that of the bad tag.
        #expect(throws: BinaryDecodingError(.invalidFieldNumber, at: 2)) { try skipAll([0x08, 0x01, 0x00]) }
        #expect(throws: BinaryDecodingError(.invalidFieldNumber, at: 2)) {
            try ProtobufAny(serializedBytes: [0x0a, 0x00, 0x02, 0x00])
        }
    }

    @Test func largestFieldNumberIsAccepted() throws {
        let bytes: [UInt8] = [0xf8, 0xff, 0xff, 0xff, 0x0f, 0x2a]
        #expect(try reading(bytes) { try $0.readTag() } == 0xffff_fff8)
        #expect(try ProtobufAny(serializedBytes: bytes).unknownFields.bytes == bytes)
    }

    @Test func wireTypesSixAndSevenAreRejectedWhenSkipped() throws {
        // The tag itself reads; skipping its value fails.
        #expect(try reading([0x0e]) { try $0.readTag() } == 14)
        #expect(throws: BinaryDecodingError(.invalidWireType(6), at: 0)) { try skipAll([0x0e]) }
        #expect(throws: BinaryDecodingError(.invalidWireType(7), at: 0)) { try skipAll([0x0f]) }
        #expect(throws: BinaryDecodingError(.invalidWireType(6), at: 0)) { try ProtobufAny(serializedBytes: [0x1e]) }
        #expect(throws: BinaryDecodingError(.invalidWireType(7), at: 2)) { try ProtobufAny(serializedBytes: [0x0a, 0x00, 0x1f, 0x00]) }
        // Inside a group too: the offset is that of the bad tag.
        #expect(throws: BinaryDecodingError(.invalidWireType(7), at: 1)) { try skipAll([0x0b, 0x17, 0x0c]) }
    }

    // MARK: Varints

    @Test func tenByteVarintIsTheLongestAccepted() throws {
        #expect(try reading([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]) { try $0.readVarint() } == UInt64.max)
        // Non-minimal but within 10 bytes: accepted.
        #expect(try reading([0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]) { try $0.readVarint() } == 1)
    }

    @Test func elevenByteVarintIsMalformed() {
        let overlong: [UInt8] = Array(repeating: 0xff, count: 10) + [0x01]
        #expect(throws: BinaryDecodingError(.malformedVarint, at: 0)) { try reading(overlong) { try $0.readVarint() } }
        // As a field value: the offset is the start of the value.
        #expect(throws: BinaryDecodingError(.malformedVarint, at: 1)) { try skipAll([0x08] + overlong) }
        #expect(throws: BinaryDecodingError(.malformedVarint, at: 3)) {
            try ProtobufValue(serializedBytes: [0x20, 0x01, 0x20] + overlong)
        }
        // As a tag.
        #expect(throws: BinaryDecodingError(.malformedVarint, at: 0)) { try skipAll(overlong) }
        // As a length prefix.
        #expect(throws: BinaryDecodingError(.malformedVarint, at: 1)) { try skipAll([0x0a] + overlong) }
    }

    // MARK: Truncation

    @Test func truncatedVarint() {
        #expect(throws: BinaryDecodingError(.truncated, at: 0)) { try reading([]) { try $0.readVarint() } }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x08]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x08, 0x80]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x08] + Array(repeating: 0xff, count: 9)) }
        // A tag cut in the middle.
        #expect(throws: BinaryDecodingError(.truncated, at: 2)) { try skipAll([0x08, 0x01, 0x80]) }
    }

    @Test func truncatedFixed32() {
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x0d, 0x01, 0x02, 0x03]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 0)) { try reading([1, 2, 3]) { try $0.readFixed32() } }
    }

    @Test func truncatedFixed64() {
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x09, 1, 2, 3, 4, 5, 6, 7]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 3)) {
            try ProtobufValue(serializedBytes: [0x20, 0x01, 0x11, 0, 0, 0, 0, 0, 0, 0xf0])
        }
    }

    @Test func truncatedLengthDelimited() {
        // The offset is that of the length prefix.
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x0a, 0x05, 0x61, 0x62]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x0a]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x0a, 0x80]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try ProtobufAny(serializedBytes: [0x0a, 0x03, 0x61]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try ProtobufAny(serializedBytes: [0x12, 0x03, 0x61]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try ProtobufValue(serializedBytes: [0x32, 0x02, 0x0a]) }
    }

    @Test func lengthIsCheckedAgainstTheEnclosingMessage() {
        // ListValue { values: <2 bytes> } whose Value claims a 5-byte string that the
        // buffer holds but the 2-byte Value does not.
        let bytes: [UInt8] = [0x0a, 0x02, 0x1a, 0x05, 0x61, 0x62, 0x63, 0x64, 0x65]
        #expect(throws: BinaryDecodingError(.truncated, at: 3)) { try ProtobufListValue(serializedBytes: bytes) }
        // A varint may not run past its message either.
        #expect(throws: BinaryDecodingError(.truncated, at: 3)) {
            try ProtobufListValue(serializedBytes: [0x0a, 0x02, 0x20, 0x80, 0x01])
        }
        // Nor may a packed run.
        var values: [UInt64] = []
        #expect(throws: BinaryDecodingError(.truncated, at: 2)) {
            try reading([0x02, 0x01, 0x80, 0x01]) { try $0.readPackedVarints(into: &values) { $0 } }
        }
    }

    @Test func packedFixedRunOfWrongLength() {
        var values: [UInt64] = []
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) {
            try reading([0x07, 1, 2, 3, 4, 5, 6, 7]) { try $0.readPackedFixed64(into: &values) { $0 } }
        }
        var values32: [UInt32] = []
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) {
            try reading([0x03, 1, 2, 3]) { try $0.readPackedFixed32(into: &values32) { $0 } }
        }
    }

    @Test func lengthAboveTwoGiB() throws {
        // 2^31 is too large; 2^31 - 1 is allowed but runs past the end.
        #expect(throws: BinaryDecodingError(.lengthTooLarge, at: 1)) { try skipAll([0x0a, 0x80, 0x80, 0x80, 0x80, 0x08]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x0a, 0xff, 0xff, 0xff, 0xff, 0x07]) }
        #expect(throws: BinaryDecodingError(.lengthTooLarge, at: 1)) { try skipAll([0x0a] + tenByteMinusOne) }
        #expect(throws: BinaryDecodingError(.lengthTooLarge, at: 3)) {
            try ProtobufAny(serializedBytes: [0x0a, 0x00, 0x12, 0x80, 0x80, 0x80, 0x80, 0x10])
        }
    }

    // MARK: Groups

    @Test func groupsAreSkippedUpToTheirEndTag() throws {
        // Field 3 group { 1: 150, 2 group { }, 4: "a" }, then type_url "x".
        let group: [UInt8] = [0x1b, 0x08, 0x96, 0x01, 0x13, 0x14, 0x22, 0x01, 0x61, 0x1c]
        let any = try ProtobufAny(serializedBytes: group + [0x0a, 0x01, 0x78])
        #expect(any.typeURL == "x")
        #expect(any.unknownFields.bytes == group)
        #expect(any.serializedBytes() == [0x0a, 0x01, 0x78] + group)
        // An empty group.
        #expect(try skipAll([0x0b, 0x0c]).bytes == [0x0b, 0x0c])
    }

    @Test func unmatchedEndGroup() {
        #expect(throws: BinaryDecodingError(.unmatchedEndGroup, at: 0)) { try skipAll([0x0c]) }
        #expect(throws: BinaryDecodingError(.unmatchedEndGroup, at: 2)) { try ProtobufAny(serializedBytes: [0x0a, 0x00, 0x0c]) }
        // A group closed by another field number.
        #expect(throws: BinaryDecodingError(.unmatchedEndGroup, at: 1)) { try skipAll([0x0b, 0x14]) }
        #expect(throws: BinaryDecodingError(.unmatchedEndGroup, at: 3)) { try skipAll([0x0b, 0x13, 0x14, 0x14]) }
        // An end tag inside a nested message.
        #expect(throws: BinaryDecodingError(.unmatchedEndGroup, at: 2)) { try ProtobufValue(serializedBytes: [0x32, 0x01, 0x0c]) }
    }

    @Test func unterminatedGroup() {
        #expect(throws: BinaryDecodingError(.truncated, at: 3)) { try skipAll([0x0b, 0x08, 0x01]) }
        #expect(throws: BinaryDecodingError(.truncated, at: 1)) { try skipAll([0x0b]) }
        // The group's end is outside the nested message it starts in.
        #expect(throws: BinaryDecodingError(.truncated, at: 3)) { try ProtobufValue(serializedBytes: [0x32, 0x01, 0x0b, 0x0c]) }
    }

    // MARK: Depth

    /// `count` nested groups of field 1.
    private func nestedGroups(_ count: Int) -> [UInt8] {
        Array(repeating: 0x0b, count: count) + Array(repeating: 0x0c, count: count)
    }

    @Test func hundredNestedGroupsAreAccepted() throws {
        let bytes = nestedGroups(100)
        #expect(try skipAll(bytes).bytes == bytes)
        let value = try ProtobufValue(serializedBytes: bytes)
        #expect(value.unknownFields.bytes == bytes)
        #expect(value.serializedBytes() == bytes)
    }

    @Test func hundredAndOneNestedGroupsExceedTheLimit() {
        // The 101st start tag is at offset 100; the error is right after it.
        #expect(throws: BinaryDecodingError(.depthLimitExceeded, at: 101)) { try skipAll(nestedGroups(101)) }
        #expect(throws: BinaryDecodingError(.depthLimitExceeded, at: 101)) { try ProtobufValue(serializedBytes: nestedGroups(101)) }
    }

    /// A Value nested `levels` messages deep: Value → list_value → values → ... ending in
    /// `string_value: "x"`. Odd levels start with a ListValue at the top.
    private func nestedValues(levels: Int) -> [UInt8] {
        var value = ProtobufValue()
        value.stringValue = "x"
        var bytes = value.serializedBytes()
        for level in 0..<levels {
            var writer = BinaryWriter()
            bytes.withUnsafeBytes { writer.writeRaw($0) }
            writer.writeVarint(UInt64(bytes.count))
            // Inside a ListValue a Value is field 1; inside a Value a ListValue is field 6.
            writer.writeTag(level % 2 == 0 ? 0x0a : 0x32)
            bytes = writer.finish()
        }
        return bytes
    }

    @Test func hundredNestedMessagesAreAccepted() throws {
        let bytes = nestedValues(levels: 100)
        let value = try ProtobufValue(serializedBytes: bytes)
        #expect(value.serializedBytes() == bytes)
    }

    @Test func hundredAndOneNestedMessagesExceedTheLimit() {
        let bytes = nestedValues(levels: 101)
        // Thrown on entering the innermost Value, whose 3 bytes end the input.
        #expect(throws: BinaryDecodingError(.depthLimitExceeded, at: bytes.count - 3)) {
            try ProtobufListValue(serializedBytes: bytes)
        }
    }

    @Test func depthLimitIsConfigurable() throws {
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = 2
        #expect(try skipAll(nestedGroups(2), options: options).bytes == nestedGroups(2))
        #expect(throws: BinaryDecodingError(.depthLimitExceeded, at: 3)) { try skipAll(nestedGroups(3), options: options) }
        #expect(try ProtobufValue(serializedBytes: nestedValues(levels: 2), options: options).serializedBytes() == nestedValues(levels: 2))
        #expect(throws: BinaryDecodingError(.depthLimitExceeded, at: 6)) {
            try ProtobufListValue(serializedBytes: nestedValues(levels: 3), options: options)
        }
    }

    @Test func depthIsRestoredAfterEachNestedMessage() throws {
        // 150 sibling messages, each 1 deep, under a limit of 1.
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = 1
        let bytes = Array([[UInt8]](repeating: [0x0a, 0x02, 0x20, 0x01], count: 150).joined())
        let list = try ProtobufListValue(serializedBytes: bytes, options: options)
        #expect(list.values.count == 150)
        let groups = Array([[UInt8]](repeating: [0x0b, 0x0c], count: 150).joined())
        #expect(try skipAll(groups, options: options).bytes == groups)
    }

    // MARK: UTF-8

    static let invalidUTF8: [[UInt8]] = [
        [0xc3, 0x28],  // a lead byte without its continuation
        [0x80],  // a lone continuation byte
        [0xc0, 0x80],  // overlong NUL
        [0xe0, 0x80, 0x80],  // overlong
        [0xed, 0xa0, 0x80],  // a UTF-16 surrogate
        [0xf4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xff],
        [0x61, 0xe2, 0x82],  // cut inside a character
    ]

    @Test(arguments: invalidUTF8)
    func invalidUTF8InAStringField(_ text: [UInt8]) {
        // Value.string_value, after a bool_value: the offset is the first byte of the string.
        let bytes: [UInt8] = [0x20, 0x01, 0x1a, UInt8(text.count)] + text
        #expect(throws: BinaryDecodingError(.invalidUTF8, at: 4)) { try ProtobufValue(serializedBytes: bytes) }
        #expect(throws: BinaryDecodingError(.invalidUTF8, at: 1)) {
            try reading([UInt8(text.count)] + text) { try $0.readString() }
        }
    }

    @Test func invalidUTF8IsFineInBytesAndUnknownFields() throws {
        let any = try ProtobufAny(serializedBytes: [0x12, 0x02, 0xc3, 0x28, 0x2a, 0x01, 0xff])
        #expect(any.value == [0xc3, 0x28])
        #expect(any.unknownFields.bytes == [0x2a, 0x01, 0xff])
    }

    @Test func invalidUTF8InAMapKey() {
        // Struct { fields { key: "\xff" } }
        #expect(throws: BinaryDecodingError(.invalidUTF8, at: 4)) {
            try ProtobufStruct(serializedBytes: [0x0a, 0x03, 0x0a, 0x01, 0xff])
        }
    }

    // MARK: Hostile input

    /// A Struct using every wire construct: nested messages, map entries, strings, doubles,
    /// a bool, an enum, a list, and unknown fields of every wire type including a group.
    static let richStruct: [UInt8] = {
        var inner = ProtobufStruct()
        var flag = ProtobufValue()
        flag.boolValue = true
        inner.fields["flag"] = flag
        var list = ProtobufListValue()
        for number in [0.5, -1e300, .nan] {
            var value = ProtobufValue()
            value.numberValue = number
            list.values.append(value)
        }
        var text = ProtobufValue()
        text.stringValue = "héllo 😀"
        list.values.append(text)
        var null = ProtobufValue()
        null.nullValue = .nullValue
        list.values.append(null)
        var message = ProtobufStruct()
        var listValue = ProtobufValue()
        listValue.listValue = list
        message.fields["list"] = listValue
        var structValue = ProtobufValue()
        structValue.structValue = inner
        message.fields["struct"] = structValue
        message.unknownFields = UnknownFields(bytes: [
            0x10, 0x96, 0x01,  // 2: 150
            0x19, 1, 2, 3, 4, 5, 6, 7, 8,  // 3: fixed64
            0x25, 1, 2, 3, 4,  // 4: fixed32
            0x2a, 0x02, 0x08, 0x01,  // 5: bytes
            0x33, 0x08, 0x01, 0x3b, 0x3c, 0x34,  // 6: group { 1: 1, 7: group {} }
        ])
        return message.serializedBytes()
    }()

    /// The offsets where a top-level field ends.
    private func fieldBoundaries(_ bytes: [UInt8]) throws -> Set<Int> {
        try reading(bytes) { reader in
            var ends: Set<Int> = [0]
            while let tag = try reader.readTag() {
                try reader.skipField(tag: tag)
                ends.insert(reader.offset)
            }
            return ends
        }
    }

    @Test func everyTruncationEitherDecodesOrThrowsTruncated() throws {
        let full = Self.richStruct
        let boundaries = try fieldBoundaries(full)
        #expect(boundaries.count == 8)
        for length in 0...full.count {
            let prefix = Array(full.prefix(length))
            do {
                let message = try ProtobufStruct(serializedBytes: prefix)
                #expect(boundaries.contains(length), "prefix of \(length) bytes decoded")
                _ = message.serializedBytes()
            } catch let error as BinaryDecodingError {
                #expect(!boundaries.contains(length), "prefix of \(length) bytes: \(error)")
                #expect(error.kind == .truncated, "prefix of \(length) bytes: \(error)")
                #expect(error.offset <= length, "prefix of \(length) bytes: \(error)")
            }
        }
    }

    @Test func everyBitFlipEitherDecodesOrThrows() throws {
        let full = Self.richStruct
        var decoded = 0
        for index in full.indices {
            for bit in 0..<8 {
                var bytes = full
                bytes[index] ^= 1 << bit
                do {
                    let message = try ProtobufStruct(serializedBytes: bytes)
                    decoded += 1
                    // Whatever decoded must re-encode to bytes that decode to the same encoding.
                    let encoded = message.serializedBytes()
                    #expect(try ProtobufStruct(serializedBytes: encoded).serializedBytes() == encoded)
                } catch let error as BinaryDecodingError {
                    #expect(error.offset >= 0 && error.offset <= bytes.count)
                }
            }
        }
        #expect(decoded > 0)
    }
}
