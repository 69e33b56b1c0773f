/// A value kept behind a reference, with value semantics (copy on write), so that a message
/// can contain itself through a singular field, as `ArtifactStructType` does.
public struct Indirect<Wrapped: Sendable & Equatable>: Sendable, Equatable {
    @usableFromInline final class Box: @unchecked Sendable {
        // Only mutated while uniquely referenced, which is what makes the unchecked Sendable safe.
        @usableFromInline var value: Wrapped
        @usableFromInline init(_ value: Wrapped) { self.value = value }
    }

    @usableFromInline var box: Box

    /// Wraps `value`.
    @inlinable public init(_ value: Wrapped) { box = Box(value) }

    /// The wrapped value.
    @inlinable
    public var value: Wrapped {
        get { box.value }
        set {
            if isKnownUniquelyReferenced(&box) { box.value = newValue } else { box = Box(newValue) }
        }
    }

    /// Equal when the wrapped values are equal.
    @inlinable
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }
}
