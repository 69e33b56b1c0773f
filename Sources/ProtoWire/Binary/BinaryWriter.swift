/// Writes the protobuf binary format back to front into one growing buffer.
///
/// Writing backwards means a nested message is written before its length prefix, so the length
/// is simply the number of bytes written meanwhile: no message is ever measured, at any depth
/// (upb's encoder works the same way). Generated `encodeFields(to:)` methods therefore emit
/// unknown fields first and known fields in descending field-number order.
public struct BinaryWriter: ~Copyable {
    @usableFromInline var buffer: UnsafeMutableRawPointer
    @usableFromInline var capacity: Int
    /// Offset of the first written byte; the output is `buffer[start ..< capacity]`.
    @usableFromInline var start: Int

    /// Creates a writer with room for `initialCapacity` bytes before it first grows.
    @inlinable
    public init(initialCapacity: Int = 256) {
        capacity = Swift.max(initialCapacity, 16)
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        start = capacity
    }

    deinit { buffer.deallocate() }

    /// The number of bytes written so far.
    @inlinable public var count: Int { capacity - start }

    /// Makes room for `byteCount` more bytes in front of what is written.
    @inlinable
    public mutating func reserve(_ byteCount: Int) {
        if start < byteCount { grow(byteCount) }
    }

    @usableFromInline
    mutating func grow(_ byteCount: Int) {
        let used = count
        var newCapacity = capacity * 2
        while newCapacity - used < byteCount { newCapacity *= 2 }
        let newBuffer = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        (newBuffer + (newCapacity - used)).copyMemory(from: buffer + start, byteCount: used)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
        start = newCapacity - used
    }

    /// The bytes written, in order.
    public consuming func finish() -> [UInt8] {
        let used = count
        return [UInt8](unsafeUninitializedCapacity: used) { out, initialized in
            if used > 0 { UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: buffer + start, byteCount: used) }
            initialized = used
        }
    }

    // MARK: Primitives

    /// A varint.
    @inlinable
    public mutating func writeVarint(_ value: UInt64) {
        if value < 0x80 {
            reserve(1)
            start -= 1
            buffer.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: start, as: UInt8.self)
            return
        }
        let size = Varint.encodedSize(of: value)
        reserve(size)
        start -= size
        var index = start
        var remaining = value
        while remaining >= 0x80 {
            buffer.storeBytes(of: UInt8(truncatingIfNeeded: remaining) | 0x80, toByteOffset: index, as: UInt8.self)
            remaining >>= 7
            index += 1
        }
        buffer.storeBytes(of: UInt8(truncatingIfNeeded: remaining), toByteOffset: index, as: UInt8.self)
    }

    /// A tag (a varint).
    @inlinable public mutating func writeTag(_ tag: UInt32) { writeVarint(UInt64(tag)) }

    /// Four little-endian bytes.
    @inlinable
    public mutating func writeFixed32(_ value: UInt32) {
        reserve(4)
        start -= 4
        buffer.storeBytes(of: value.littleEndian, toByteOffset: start, as: UInt32.self)
    }

    /// Eight little-endian bytes.
    @inlinable
    public mutating func writeFixed64(_ value: UInt64) {
        reserve(8)
        start -= 8
        buffer.storeBytes(of: value.littleEndian, toByteOffset: start, as: UInt64.self)
    }

    /// Raw bytes, as they are.
    @inlinable
    public mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
        let size = bytes.count
        guard size > 0 else { return }
        reserve(size)
        start -= size
        (buffer + start).copyMemory(from: bytes.baseAddress!, byteCount: size)
    }

    // MARK: Fields (value first, then the tag, since we write backwards)

    /// A varint field (int32, int64, uint32, uint64, bool, enum).
    @inlinable
    public mutating func writeVarintField(_ value: UInt64, tag: UInt32) {
        writeVarint(value)
        writeTag(tag)
    }

    /// An `int64` field.
    @inlinable public mutating func writeInt64Field(_ value: Int64, tag: UInt32) {
        writeVarintField(UInt64(bitPattern: value), tag: tag)
    }

    /// An `int32` or enum field: negative values take 10 bytes, sign-extended, as protobuf requires.
    @inlinable public mutating func writeInt32Field(_ value: Int32, tag: UInt32) {
        writeVarintField(UInt64(bitPattern: Int64(value)), tag: tag)
    }

    /// A `bool` field.
    @inlinable public mutating func writeBoolField(_ value: Bool, tag: UInt32) {
        writeVarintField(value ? 1 : 0, tag: tag)
    }

    /// A `double` field.
    @inlinable public mutating func writeDoubleField(_ value: Double, tag: UInt32) {
        writeFixed64(value.bitPattern)
        writeTag(tag)
    }

    /// A `float` field.
    @inlinable public mutating func writeFloatField(_ value: Float, tag: UInt32) {
        writeFixed32(value.bitPattern)
        writeTag(tag)
    }

    /// A `string` field.
    @inlinable
    public mutating func writeStringField(_ value: String, tag: UInt32) {
        var value = value
        value.withUTF8 { writeRaw(UnsafeRawBufferPointer($0)) }
        writeVarint(UInt64(value.utf8.count))
        writeTag(tag)
    }

    /// A `bytes` field.
    @inlinable
    public mutating func writeBytesField(_ value: [UInt8], tag: UInt32) {
        value.withUnsafeBytes { writeRaw($0) }
        writeVarint(UInt64(value.count))
        writeTag(tag)
    }

    /// A nested message field: the message, then its length, then the tag.
    @inlinable
    public mutating func writeMessageField<M: ProtoMessage>(_ message: M, tag: UInt32) {
        let end = count
        message.encodeFields(to: &self)
        writeVarint(UInt64(count - end))
        writeTag(tag)
    }

    /// Closes a length-delimited field whose content was written since `count` was `end`.
    @inlinable
    public mutating func writeLengthPrefix(since end: Int, tag: UInt32) {
        writeVarint(UInt64(count - end))
        writeTag(tag)
    }

    /// Unknown fields, exactly as they were read.
    @inlinable
    public mutating func writeUnknownFields(_ fields: UnknownFields) {
        guard !fields.bytes.isEmpty else { return }
        fields.bytes.withUnsafeBytes { writeRaw($0) }
    }
}
