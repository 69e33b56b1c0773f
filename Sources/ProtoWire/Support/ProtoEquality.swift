/// Field equality as protobuf defines it, for generated `==`.
///
/// Strings compare by their UTF-8 bytes: Swift's `String ==` treats canonically equivalent
/// strings (`"é"` and `"e\u{301}"`) as equal, but they are different protobuf messages.
public enum ProtoEquality {
    /// Byte equality.
    @inlinable public static func equal(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Both unset, or both set to the same bytes.
    @inlinable public static func equal(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case let (lhs?, rhs?): return equal(lhs, rhs)
        default: return false
        }
    }

    /// Same length, and equal bytes element by element.
    @inlinable public static func equal(_ lhs: [String], _ rhs: [String]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { equal($0, $1) }
    }

    /// Any other field: its own `==`.
    @inlinable public static func equal<T: Equatable>(_ lhs: T, _ rhs: T) -> Bool {
        lhs == rhs
    }
}
