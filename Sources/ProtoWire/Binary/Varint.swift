/// Sizes of base-128 varints, the encoding of every integer field that is not fixed-width.
public enum Varint {
    /// The number of bytes `value` takes as a varint (1 ... 10).
    @inlinable
    public static func encodedSize(of value: UInt64) -> Int {
        // Each byte carries 7 bits; 0 still takes one byte.
        let bits = 64 - (value | 1).leadingZeroBitCount
        return (bits + 6) / 7
    }

    /// The longest a varint can be: 64 bits in 7-bit groups.
    public static let maxEncodedSize = 10
}
