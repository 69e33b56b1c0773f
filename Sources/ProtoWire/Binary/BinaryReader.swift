/// Reads the protobuf binary format from one contiguous buffer.
///
/// Generated `decodeFields(from:)` methods drive it: `readTag()` until it returns nil, then a
/// `read…` call per field. Every read is bounds-checked against the current limit (the end of
/// the enclosing length-delimited message), so truncated or hostile input throws instead of
/// reading past the end. Offsets in errors are from the start of the whole input.
public struct BinaryReader {
    @usableFromInline let base: UnsafeRawPointer
    /// Offset of the next unread byte.
    @usableFromInline var position: Int
    /// End of the message being decoded now.
    @usableFromInline var limit: Int
    /// Where the tag last returned by `readTag()` started, so unknown fields keep their exact bytes.
    @usableFromInline var tagStart: Int = 0
    /// How many more levels of nesting are allowed.
    @usableFromInline var depthBudget: Int

    /// Creates a reader over `buffer`, which must stay valid while the reader is used.
    @inlinable
    public init(buffer: UnsafeRawBufferPointer, options: BinaryDecodingOptions = BinaryDecodingOptions()) {
        // An empty buffer may have a nil base address; any non-nil pointer works since nothing is read.
        self.base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        self.position = 0
        self.limit = buffer.count
        self.depthBudget = options.messageDepthLimit
    }

    /// True when the current message has no bytes left.
    @inlinable public var isAtEnd: Bool { position >= limit }

    /// The offset of the next unread byte, for error messages.
    @inlinable public var offset: Int { position }

    @inlinable
    func error(_ kind: BinaryDecodingError.Kind) -> BinaryDecodingError {
        BinaryDecodingError(kind, at: position)
    }

    // MARK: Tags

    /// The next tag, or nil at the end of the current message. Throws on field number 0.
    @inlinable
    public mutating func readTag() throws -> UInt32? {
        guard position < limit else { return nil }
        tagStart = position
        let first = base.load(fromByteOffset: position, as: UInt8.self)
        let tag: UInt32
        if first < 0x80 {
            position += 1
            tag = UInt32(first)
        } else {
            let wide = try readVarint()
            guard wide <= UInt64(UInt32.max) else { throw BinaryDecodingError(.invalidFieldNumber, at: tagStart) }
            tag = UInt32(truncatingIfNeeded: wide)
        }
        guard tag >> 3 != 0 else { throw BinaryDecodingError(.invalidFieldNumber, at: tagStart) }
        return tag
    }

    // MARK: Scalars

    /// A base-128 varint of up to 10 bytes.
    @inlinable
    public mutating func readVarint() throws -> UInt64 {
        guard position < limit else { throw error(.truncated) }
        let first = base.load(fromByteOffset: position, as: UInt8.self)
        if first < 0x80 {
            position += 1
            return UInt64(first)
        }
        return try readVarintSlow()
    }

    @inlinable
    mutating func readVarintSlow() throws -> UInt64 {
        // With ten bytes in reach no bounds check is needed inside the loop.
        if limit - position >= Varint.maxEncodedSize {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            var index = position
            while index - position < Varint.maxEncodedSize {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                index += 1
                result |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 {
                    position = index
                    return result
                }
                shift += 7
            }
            throw error(.malformedVarint)
        }
        return try readVarintNearEnd()
    }

    @usableFromInline
    mutating func readVarintNearEnd() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var index = position
        while true {
            guard index < limit else { throw error(.truncated) }
            guard index - position < Varint.maxEncodedSize else { throw error(.malformedVarint) }
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            index += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        position = index
        return result
    }

    /// An `int64` or `uint64` reinterpreted as signed.
    @inlinable public mutating func readInt64() throws -> Int64 { Int64(bitPattern: try readVarint()) }
    /// A `uint64`.
    @inlinable public mutating func readUInt64() throws -> UInt64 { try readVarint() }
    /// An `int32`: negative values arrive sign-extended to 10 bytes and are truncated back.
    @inlinable public mutating func readInt32() throws -> Int32 { Int32(truncatingIfNeeded: try readVarint()) }
    /// A `uint32`.
    @inlinable public mutating func readUInt32() throws -> UInt32 { UInt32(truncatingIfNeeded: try readVarint()) }
    /// A `sint32`.
    @inlinable public mutating func readSInt32() throws -> Int32 { ZigZag.decoded(UInt32(truncatingIfNeeded: try readVarint())) }
    /// A `sint64`.
    @inlinable public mutating func readSInt64() throws -> Int64 { ZigZag.decoded(try readVarint()) }
    /// A `bool`: any non-zero varint is true.
    @inlinable public mutating func readBool() throws -> Bool { try readVarint() != 0 }

    /// Four little-endian bytes.
    @inlinable
    public mutating func readFixed32() throws -> UInt32 {
        guard limit - position >= 4 else { throw error(.truncated) }
        let value = base.loadUnaligned(fromByteOffset: position, as: UInt32.self)
        position += 4
        return UInt32(littleEndian: value)
    }

    /// Eight little-endian bytes.
    @inlinable
    public mutating func readFixed64() throws -> UInt64 {
        guard limit - position >= 8 else { throw error(.truncated) }
        let value = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return UInt64(littleEndian: value)
    }

    /// A `double`.
    @inlinable public mutating func readDouble() throws -> Double { Double(bitPattern: try readFixed64()) }
    /// A `float`.
    @inlinable public mutating func readFloat() throws -> Float { Float(bitPattern: try readFixed32()) }
    /// An `sfixed32`.
    @inlinable public mutating func readSFixed32() throws -> Int32 { Int32(bitPattern: try readFixed32()) }
    /// An `sfixed64`.
    @inlinable public mutating func readSFixed64() throws -> Int64 { Int64(bitPattern: try readFixed64()) }

    // MARK: Length-delimited

    /// A length prefix, checked against the bytes left in the current message.
    @inlinable
    public mutating func readLength() throws -> Int {
        let start = position
        let length = try readVarint()
        guard length <= UInt64(Int32.max) else { throw BinaryDecodingError(.lengthTooLarge, at: start) }
        guard Int(length) <= limit - position else { throw BinaryDecodingError(.truncated, at: start) }
        return Int(length)
    }

    /// A `string` field; throws if the bytes are not valid UTF-8.
    @inlinable
    public mutating func readString() throws -> String {
        let length = try readLength()
        let bytes = UnsafeRawBufferPointer(start: base + position, count: length)
        guard let string = Self.makeString(bytes) else { throw error(.invalidUTF8) }
        position += length
        return string
    }

    @inlinable
    static func makeString(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard UTF8Validation.isValid(bytes) else { return nil }
        // Valid input, so decoding repairs nothing: the string holds exactly these bytes.
        return String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// A `bytes` field, copied out of the input.
    @inlinable
    public mutating func readBytes() throws -> [UInt8] {
        let length = try readLength()
        let bytes = [UInt8](UnsafeRawBufferPointer(start: base + position, count: length))
        position += length
        return bytes
    }

    /// Enters a length-delimited sub-message (a nested message, map entry or packed run).
    /// Pass the returned value to `endLengthDelimited(_:)` once its fields are read.
    @inlinable
    public mutating func beginLengthDelimited() throws -> Int {
        let length = try readLength()
        guard depthBudget > 0 else { throw error(.depthLimitExceeded) }
        depthBudget -= 1
        let outerLimit = limit
        limit = position + length
        return outerLimit
    }

    /// Leaves the sub-message entered by `beginLengthDelimited()`.
    @inlinable
    public mutating func endLengthDelimited(_ outerLimit: Int) throws {
        guard position == limit else { throw error(.malformedNestedMessage) }
        limit = outerLimit
        depthBudget += 1
    }

    /// Merges a nested message into `message`, as protobuf does when a singular message field repeats.
    @inlinable
    public mutating func readMessage<M: ProtoMessage>(into message: inout M) throws {
        let outer = try beginLengthDelimited()
        try message.decodeFields(from: &self)
        try endLengthDelimited(outer)
    }

    /// A nested message of its own.
    @inlinable
    public mutating func readMessage<M: ProtoMessage>(_ type: M.Type = M.self) throws -> M {
        var message = M()
        try readMessage(into: &message)
        return message
    }

    /// Appends a packed run of varints, each converted by `convert`.
    @inlinable
    public mutating func readPackedVarints<T>(into values: inout [T], _ convert: (UInt64) -> T) throws {
        let length = try readLength()
        let end = position + length
        let outer = limit
        limit = end
        defer { limit = outer }
        while position < end {
            values.append(convert(try readVarint()))
        }
    }

    /// Appends a packed run of 8-byte values.
    @inlinable
    public mutating func readPackedFixed64<T>(into values: inout [T], _ convert: (UInt64) -> T) throws {
        let length = try readLength()
        guard length % 8 == 0 else { throw error(.truncated) }
        let end = position + length
        while position < end { values.append(convert(try readFixed64())) }
    }

    /// Appends a packed run of 4-byte values.
    @inlinable
    public mutating func readPackedFixed32<T>(into values: inout [T], _ convert: (UInt32) -> T) throws {
        let length = try readLength()
        guard length % 4 == 0 else { throw error(.truncated) }
        let end = position + length
        while position < end { values.append(convert(try readFixed32())) }
    }

    // MARK: Unknown fields

    /// Skips the value of the field whose tag `readTag()` just returned and keeps its exact bytes,
    /// tag included, in `unknownFields`.
    @inlinable
    public mutating func skipUnknownField(tag: UInt32, into unknownFields: inout UnknownFields) throws {
        let start = tagStart
        try skipValue(tag: tag)
        unknownFields.append(UnsafeRawBufferPointer(start: base + start, count: position - start))
    }

    /// Skips the value of the field whose tag `readTag()` just returned, keeping nothing.
    @inlinable
    public mutating func skipField(tag: UInt32) throws {
        try skipValue(tag: tag)
    }

    @usableFromInline
    mutating func skipValue(tag: UInt32) throws {
        switch tag & 7 {
        case 0: _ = try readVarint()
        case 1: _ = try readFixed64()
        case 2: position += try readLength()
        case 3: try skipGroup(fieldNumber: tag >> 3)
        case 4: throw BinaryDecodingError(.unmatchedEndGroup, at: tagStart)
        case 5: _ = try readFixed32()
        default: throw BinaryDecodingError(.invalidWireType(UInt8(tag & 7)), at: tagStart)
        }
    }

    /// Skips a group up to and including its end-group tag, which must carry the same field number.
    @usableFromInline
    mutating func skipGroup(fieldNumber: UInt32) throws {
        guard depthBudget > 0 else { throw error(.depthLimitExceeded) }
        depthBudget -= 1
        defer { depthBudget += 1 }
        while true {
            guard let tag = try readTag() else { throw error(.truncated) }
            if tag & 7 == 4 {
                guard tag >> 3 == fieldNumber else { throw BinaryDecodingError(.unmatchedEndGroup, at: tagStart) }
                return
            }
            try skipValue(tag: tag)
        }
    }
}

extension BinaryReader {
    /// Keeps the field just read (tag and value) as an unknown field: used for enum numbers the
    /// enum does not define, which proto2 keeps as unknown fields.
    @inlinable
    public mutating func keepLastFieldAsUnknown(in unknownFields: inout UnknownFields) {
        unknownFields.append(UnsafeRawBufferPointer(start: base + tagStart, count: position - tagStart))
    }
}
