/// A field tag: `fieldNumber << 3 | wireType`. The failable init means an invalid tag cannot exist.
public struct FieldTag: Equatable, Hashable, Sendable {
    /// The largest field number protobuf allows (2^29 - 1).
    public static let maxFieldNumber = 536_870_911

    /// The encoded tag value.
    public let rawValue: UInt32

    /// Creates a tag from its encoded value; nil for field number 0 or wire types 6 and 7.
    @inlinable
    public init?(rawValue: UInt32) {
        guard rawValue >> 3 != 0, rawValue & 7 < 6 else { return nil }
        self.rawValue = rawValue
    }

    /// Creates a tag from a field number (1 ... 2^29-1) and a wire type.
    @inlinable
    public init(fieldNumber: Int, wireType: WireType) {
        precondition(fieldNumber >= 1 && fieldNumber <= FieldTag.maxFieldNumber, "field number out of range")
        self.rawValue = UInt32(fieldNumber) << 3 | UInt32(wireType.rawValue)
    }

    /// The field number, 1 ... 2^29-1.
    @inlinable public var fieldNumber: Int { Int(rawValue >> 3) }

    /// The wire type.
    @inlinable public var wireType: WireType { WireType(rawValue: UInt8(rawValue & 7))! }
}
