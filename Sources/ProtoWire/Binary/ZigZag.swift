/// ZigZag encoding of `sint32`/`sint64`: small magnitudes, positive or negative, become small varints.
public enum ZigZag {
    /// Maps 0, -1, 1, -2, ... to 0, 1, 2, 3, ...
    @inlinable public static func encoded(_ value: Int32) -> UInt32 {
        UInt32(bitPattern: (value << 1) ^ (value >> 31))
    }

    /// Maps 0, -1, 1, -2, ... to 0, 1, 2, 3, ...
    @inlinable public static func encoded(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    /// The inverse of `encoded(_:)` for 32 bits.
    @inlinable public static func decoded(_ value: UInt32) -> Int32 {
        Int32(bitPattern: value >> 1) ^ -Int32(bitPattern: value & 1)
    }

    /// The inverse of `encoded(_:)` for 64 bits.
    @inlinable public static func decoded(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}
