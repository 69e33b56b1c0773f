/// Fields a message did not recognise, kept as their exact bytes (tags included) in the order
/// they arrived, and written back after the known fields.
public struct UnknownFields: Equatable, Hashable, Sendable {
    /// The raw bytes of every unknown field.
    public private(set) var bytes: [UInt8] = []

    /// No unknown fields.
    public init() {}

    /// Unknown fields from raw wire bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// True when there are no unknown fields.
    @inlinable public var isEmpty: Bool { bytes.isEmpty }

    /// Appends the raw bytes of one more field.
    public mutating func append(_ raw: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: raw)
    }

    /// Appends a varint field, for values (such as unknown enum numbers) that are parsed before
    /// they turn out to be unknown.
    public mutating func appendVarint(_ value: UInt64, fieldNumber: Int) {
        var tag = UInt64(fieldNumber) << 3
        Self.appendVarint(&tag, to: &bytes)
        var value = value
        Self.appendVarint(&value, to: &bytes)
    }

    private static func appendVarint(_ value: inout UInt64, to bytes: inout [UInt8]) {
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
