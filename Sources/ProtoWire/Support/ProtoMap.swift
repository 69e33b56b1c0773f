/// A protobuf map field: entries kept sorted by key.
///
/// MLMD's maps hold a handful of properties, so two parallel sorted arrays beat a hash table:
/// no hashing, one allocation per array, and iteration is already in the order protobuf's
/// deterministic serialization and the text format need.
///
/// ```swift
/// var properties: ProtoMap<String, Int64> = ["span": 3]
/// properties["split"] = 1
/// properties.keys   // ["span", "split"]
/// ```
public struct ProtoMap<Key: ProtoMapKey, Value: Sendable>: Sendable {
    @usableFromInline var storedKeys: [Key] = []
    @usableFromInline var storedValues: [Value] = []

    /// An empty map.
    @inlinable public init() {}

    /// The number of entries.
    @inlinable public var count: Int { storedKeys.count }

    /// True when the map has no entries.
    @inlinable public var isEmpty: Bool { storedKeys.isEmpty }

    /// The keys in ascending order.
    @inlinable public var keys: [Key] { storedKeys }

    /// The values, in the order of their keys.
    @inlinable public var values: [Value] { storedValues }

    /// Where `key` is, or where it would be inserted.
    @inlinable
    func slot(of key: Key) -> (index: Int, found: Bool) {
        // Entries usually arrive in key order, so check the end first.
        if let last = storedKeys.last, Key.protoLess(last, key) { return (storedKeys.count, false) }
        var low = 0
        var high = storedKeys.count
        while low < high {
            let middle = (low + high) / 2
            if Key.protoLess(storedKeys[middle], key) { low = middle + 1 } else { high = middle }
        }
        return (low, low < storedKeys.count && Key.protoEqual(storedKeys[low], key))
    }

    /// The value for `key`; setting nil removes the entry.
    @inlinable
    public subscript(key: Key) -> Value? {
        get {
            let slot = slot(of: key)
            return slot.found ? storedValues[slot.index] : nil
        }
        set {
            let slot = slot(of: key)
            switch (slot.found, newValue) {
            case (true, let value?): storedValues[slot.index] = value
            case (true, nil):
                storedKeys.remove(at: slot.index)
                storedValues.remove(at: slot.index)
            case (false, let value?):
                storedKeys.insert(key, at: slot.index)
                storedValues.insert(value, at: slot.index)
            case (false, nil): break
            }
        }
    }

    /// Removes every entry.
    @inlinable
    public mutating func removeAll() {
        storedKeys.removeAll()
        storedValues.removeAll()
    }
}

extension ProtoMap: RandomAccessCollection {
    /// Positions run from 0 to `count`.
    public typealias Index = Int
    /// A key and its value.
    public typealias Element = (key: Key, value: Value)

    /// Always 0.
    @inlinable public var startIndex: Int { 0 }
    /// The number of entries.
    @inlinable public var endIndex: Int { storedKeys.count }
    /// The entry at `position`, in key order.
    @inlinable public subscript(position: Int) -> Element { (storedKeys[position], storedValues[position]) }
}

extension ProtoMap: ExpressibleByDictionaryLiteral {
    /// A map from a literal; a repeated key keeps its last value.
    @inlinable
    public init(dictionaryLiteral elements: (Key, Value)...) {
        for (key, value) in elements { self[key] = value }
    }
}

extension ProtoMap: Equatable where Value: Equatable {
    /// Same keys (by bytes) with equal values.
    @inlinable
    public static func == (lhs: ProtoMap, rhs: ProtoMap) -> Bool {
        guard lhs.storedKeys.count == rhs.storedKeys.count, lhs.storedValues == rhs.storedValues else { return false }
        return zip(lhs.storedKeys, rhs.storedKeys).allSatisfy { Key.protoEqual($0, $1) }
    }
}

extension ProtoMap: Hashable where Value: Hashable {
    /// Hashes keys and values in order.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedKeys)
        hasher.combine(storedValues)
    }
}

extension ProtoMap: CustomStringConvertible {
    /// Like a dictionary's description, in key order.
    public var description: String {
        "[" + map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
