/// A type that can be the key of a protobuf map: an integer, a bool or a string.
///
/// Keys are ordered as protobuf's deterministic serialization orders them. Strings compare by
/// their UTF-8 bytes, not by Swift's Unicode-canonical `<`, so two keys that differ in bytes
/// stay two keys and the order is the byte order every other protobuf uses.
public protocol ProtoMapKey: Sendable, Hashable {
    /// Strict weak order of keys as protobuf orders them.
    static func protoLess(_ lhs: Self, _ rhs: Self) -> Bool
    /// Equality of keys as protobuf sees them.
    static func protoEqual(_ lhs: Self, _ rhs: Self) -> Bool
}

extension ProtoMapKey where Self: Comparable {
    /// Numeric order.
    @inlinable public static func protoLess(_ lhs: Self, _ rhs: Self) -> Bool { lhs < rhs }
    /// Numeric equality.
    @inlinable public static func protoEqual(_ lhs: Self, _ rhs: Self) -> Bool { lhs == rhs }
}

extension Int32: ProtoMapKey {}
extension Int64: ProtoMapKey {}
extension UInt32: ProtoMapKey {}
extension UInt64: ProtoMapKey {}

extension Bool: ProtoMapKey {
    /// false before true.
    @inlinable public static func protoLess(_ lhs: Bool, _ rhs: Bool) -> Bool { !lhs && rhs }
    /// Plain equality.
    @inlinable public static func protoEqual(_ lhs: Bool, _ rhs: Bool) -> Bool { lhs == rhs }
}

extension String: ProtoMapKey {
    /// Byte order of the UTF-8 encodings.
    @inlinable
    public static func protoLess(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Byte equality of the UTF-8 encodings.
    @inlinable
    public static func protoEqual(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }
}
