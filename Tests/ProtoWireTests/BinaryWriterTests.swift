import ProtoWire
import Testing

/// The bytes `body` writes. The writer works back to front, so the last call's bytes come first.
private func written(initialCapacity: Int = 256, _ body: (inout BinaryWriter) -> Void) -> [UInt8] {
    var writer = BinaryWriter(initialCapacity: initialCapacity)
    body(&writer)
    return writer.finish()
}

/// A plain forward varint encoder, as the reference the writer is checked against.
private func referenceVarint(_ value: UInt64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    while value >= 0x80 {
        bytes.append(UInt8(value & 0x7f) | 0x80)
        value >>= 7
    }
    bytes.append(UInt8(value))
    return bytes
}

@Suite struct BinaryWriterTests {
    // MARK: Varints

    static let varintBoundaries: [(UInt64, [UInt8])] = [
        (0, [0x00]),
        (1, [0x01]),
        (127, [0x7f]),
        (128, [0x80, 0x01]),
        (300, [0xac, 0x02]),
        (16383, [0xff, 0x7f]),
        (16384, [0x80, 0x80, 0x01]),
        (2_097_151, [0xff, 0xff, 0x7f]),
        (2_097_152, [0x80, 0x80, 0x80, 0x01]),
        (268_435_455, [0xff, 0xff, 0xff, 0x7f]),
        (268_435_456, [0x80, 0x80, 0x80, 0x80, 0x01]),
        (UInt64(UInt32.max), [0xff, 0xff, 0xff, 0xff, 0x0f]),
        (UInt64(Int64.max), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
        (1 << 63, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
        (UInt64.max, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
    ]

    @Test(arguments: varintBoundaries)
    func varintBytesAndSize(value: UInt64, expected: [UInt8]) {
        #expect(written { $0.writeVarint(value) } == expected)
        #expect(Varint.encodedSize(of: value) == expected.count)
    }

    @Test func varintSizeAtEverySevenBitBoundary() {
        for bytes in 1...9 {
            let largest: UInt64 = (1 << (7 * UInt64(bytes))) - 1
            #expect(Varint.encodedSize(of: largest) == bytes)
            #expect(Varint.encodedSize(of: largest + 1) == bytes + 1)
        }
        #expect(Varint.maxEncodedSize == 10)
    }

    @Test func negativeInt32IsSignExtendedToTenBytes() {
        #expect(
            written { $0.writeInt32Field(-1, tag: 8) }
                == [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        #expect(
            written { $0.writeInt32Field(Int32.min, tag: 8) }
                == [0x08, 0x80, 0x80, 0x80, 0x80, 0xf8, 0xff, 0xff, 0xff, 0xff, 0x01])
        #expect(written { $0.writeInt32Field(Int32.max, tag: 8) } == [0x08, 0xff, 0xff, 0xff, 0xff, 0x07])
        // int64 -1 is the same ten bytes.
        #expect(
            written { $0.writeInt64Field(-1, tag: 8) }
                == [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        #expect(
            written { $0.writeInt64Field(Int64.min, tag: 8) }
                == [0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])
    }

    @Test func boolFields() {
        #expect(written { $0.writeBoolField(true, tag: 16) } == [0x10, 0x01])
        #expect(written { $0.writeBoolField(false, tag: 16) } == [0x10, 0x00])
    }

    // MARK: ZigZag

    @Test func zigZag32() {
        let pairs: [(Int32, UInt32)] = [
            (0, 0), (-1, 1), (1, 2), (-2, 3), (2, 4),
            (Int32.max, 0xffff_fffe), (Int32.min, 0xffff_ffff),
        ]
        for (signed, encoded) in pairs {
            #expect(ZigZag.encoded(signed) == encoded)
            #expect(ZigZag.decoded(encoded) == signed)
        }
        #expect(written { $0.writeVarint(UInt64(ZigZag.encoded(Int32(-1)))) } == [0x01])
        #expect(written { $0.writeVarint(UInt64(ZigZag.encoded(Int32.min))) } == [0xff, 0xff, 0xff, 0xff, 0x0f])
    }

    @Test func zigZag64() {
        let pairs: [(Int64, UInt64)] = [
            (0, 0), (-1, 1), (1, 2), (-2, 3), (-64, 127), (64, 128),
            (Int64.max, 0xffff_ffff_ffff_fffe), (Int64.min, 0xffff_ffff_ffff_ffff),
        ]
        for (signed, encoded) in pairs {
            #expect(ZigZag.encoded(signed) == encoded)
            #expect(ZigZag.decoded(encoded) == signed)
        }
        #expect(written { $0.writeVarint(ZigZag.encoded(Int64(-64))) } == [0x7f])
        #expect(written { $0.writeVarint(ZigZag.encoded(Int64(64))) } == [0x80, 0x01])
    }

    // MARK: Fixed width

    @Test func fixed32IsLittleEndian() {
        #expect(written { $0.writeFixed32(0x1234_5678) } == [0x78, 0x56, 0x34, 0x12])
        #expect(written { $0.writeFixed32(0) } == [0, 0, 0, 0])
        #expect(written { $0.writeFixed32(.max) } == [0xff, 0xff, 0xff, 0xff])
        #expect(written { $0.writeFloatField(1.0, tag: 13) } == [0x0d, 0x00, 0x00, 0x80, 0x3f])
        #expect(written { $0.writeFloatField(-0.0, tag: 13) } == [0x0d, 0x00, 0x00, 0x00, 0x80])
    }

    @Test func fixed64IsLittleEndian() {
        #expect(written { $0.writeFixed64(0x0102_0304_0506_0708) } == [0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01])
        #expect(written { $0.writeDoubleField(1.0, tag: 17) } == [0x11, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f])
        #expect(written { $0.writeDoubleField(-0.0, tag: 17) } == [0x11, 0, 0, 0, 0, 0, 0, 0, 0x80])
        #expect(written { $0.writeDoubleField(.infinity, tag: 17) } == [0x11, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f])
        // A NaN keeps its payload bits.
        #expect(
            written { $0.writeDoubleField(Double(bitPattern: 0x7ff8_0000_0000_0001), tag: 17) }
                == [0x11, 0x01, 0, 0, 0, 0, 0, 0xf8, 0x7f])
    }

    // MARK: Length-delimited

    @Test func stringsAndBytes() {
        #expect(written { $0.writeStringField("", tag: 10) } == [0x0a, 0x00])
        #expect(written { $0.writeStringField("hi", tag: 10) } == [0x0a, 0x02, 0x68, 0x69])
        // The length counts UTF-8 bytes, not characters.
        #expect(written { $0.writeStringField("é😀", tag: 10) } == [0x0a, 0x06, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80])
        #expect(written { $0.writeBytesField([0x00, 0xff], tag: 18) } == [0x12, 0x02, 0x00, 0xff])
        #expect(written { $0.writeBytesField([], tag: 18) } == [0x12, 0x00])
    }

    @Test func lengthPrefixOfNestedMessage() {
        var inner = ProtobufValue()
        inner.stringValue = "hi"
        #expect(written { $0.writeMessageField(inner, tag: 50) } == [0x32, 0x04, 0x1a, 0x02, 0x68, 0x69])
        #expect(written { $0.writeMessageField(ProtobufValue(), tag: 50) } == [0x32, 0x00])

        // Two levels: ListValue { values { number_value: 1 } }.
        var number = ProtobufValue()
        number.numberValue = 1
        var list = ProtobufListValue()
        list.values = [number]
        #expect(list.serializedBytes() == [0x0a, 0x09, 0x11, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f])
        var outer = ProtobufValue()
        outer.listValue = list
        #expect(outer.serializedBytes() == [0x32, 0x0b, 0x0a, 0x09, 0x11, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f])
    }

    @Test func lengthPrefixCrossingOneByte() {
        // A 200-byte string: the Value is 203 bytes, so the ListValue's prefix takes two bytes.
        var value = ProtobufValue()
        value.stringValue = String(repeating: "x", count: 200)
        var list = ProtobufListValue()
        list.values = [value]
        let bytes = list.serializedBytes()
        #expect(bytes.count == 206)
        #expect(Array(bytes.prefix(5)) == [0x0a, 0xcb, 0x01, 0x1a, 0xc8])
        #expect(bytes[5] == 0x01)
        #expect(bytes[6...].allSatisfy { $0 == UInt8(ascii: "x") })
    }

    @Test func explicitLengthPrefix() {
        let bytes = written { writer in
            let end = writer.count
            writer.writeVarintField(150, tag: 8)
            writer.writeStringField("a", tag: 18)
            writer.writeLengthPrefix(since: end, tag: 26)
            writer.writeVarintField(1, tag: 8)
        }
        #expect(bytes == [0x08, 0x01, 0x1a, 0x06, 0x12, 0x01, 0x61, 0x08, 0x96, 0x01])
    }

    @Test func unknownFieldsAndRawBytesAreCopiedAsTheyAre() {
        let raw: [UInt8] = [0xa0, 0x06, 0x2a, 0xa3, 0x06, 0xa4, 0x06]
        #expect(written { $0.writeUnknownFields(UnknownFields(bytes: raw)) } == raw)
        #expect(written { $0.writeUnknownFields(UnknownFields()) } == [])
        #expect(written { w in [UInt8]().withUnsafeBytes { w.writeRaw($0) } } == [])
    }

    // MARK: Buffer

    @Test func finishOfAnEmptyWriter() {
        var writer = BinaryWriter(initialCapacity: 0)
        #expect(writer.count == 0)
        writer.reserve(0)
        #expect(writer.finish() == [])
    }

    @Test func writesAppearInReverseCallOrder() {
        var writer = BinaryWriter()
        writer.writeVarint(1)
        writer.writeVarint(300)
        writer.writeFixed32(7)
        #expect(writer.count == 7)
        #expect(writer.finish() == [0x07, 0, 0, 0, 0xac, 0x02, 0x01])
    }

    @Test func growsFromATinyBufferAcrossManySmallWrites() {
        let valueCount = 400_000  // about 1.1 MB of varints
        var writer = BinaryWriter(initialCapacity: 1)
        var expectedReversed: [UInt8] = []
        for index in 0..<valueCount {
            let value = UInt64(index) &* 2_654_435_761 % 5_000_000  // 1 to 4 bytes each
            writer.writeVarint(value)
            expectedReversed.append(contentsOf: referenceVarint(value).reversed())
        }
        #expect(expectedReversed.count > 1_000_000)
        #expect(writer.count == expectedReversed.count)
        #expect(writer.finish() == Array(expectedReversed.reversed()))
    }

    @Test func growsForOneWriteLargerThanTwiceTheCapacity() {
        let big = (0..<1_500_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var writer = BinaryWriter(initialCapacity: 16)
        writer.writeFixed64(0x0807_0605_0403_0201)
        big.withUnsafeBytes { writer.writeRaw($0) }
        writer.writeVarint(UInt64(big.count))
        #expect(writer.count == 3 + big.count + 8)
        let bytes = writer.finish()
        #expect(Array(bytes.prefix(3)) == [0xe0, 0xc6, 0x5b])
        #expect(Array(bytes[3..<3 + big.count]) == big)
        #expect(Array(bytes.suffix(8)) == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test func largeMessageRoundTrips() throws {
        // 2,000 strings of 600 bytes: every length prefix is two bytes, the total over 1 MB.
        var list = ProtobufListValue()
        for index in 0..<2000 {
            var value = ProtobufValue()
            value.stringValue = String(repeating: Character(Unicode.Scalar(UInt8(97 + index % 26))), count: 600)
            list.values.append(value)
        }
        let bytes = list.serializedBytes()
        #expect(bytes.count == 2000 * (1 + 2 + 1 + 2 + 600))
        #expect(Array(bytes.prefix(6)) == [0x0a, 0xdb, 0x04, 0x1a, 0xd8, 0x04])
        #expect(try ProtobufListValue(serializedBytes: bytes) == list)
    }
}
