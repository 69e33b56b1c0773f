/// A protobuf map field: entries kept sorted by key.
///
/// MLMD's maps hold a handful of properties, so one sorted array of entries beats a hash table:
/// no hashing, a single allocation, and iteration is already in the order protobuf's
/// deterministic serialization and the text format need.
///
/// ```swift
/// var properties: ProtoMap<String, Int64> = ["span": 3]
/// properties["split"] = 1
/// properties.keys   // ["span", "split"]
/// ```
public struct ProtoMap<Key: ProtoMapKey, Value: Sendable>: Sendable {
    /// One entry: a key and its value.
    @usableFromInline struct Entry: Sendable {
        @usableFromInline var key: Key
        @usableFromInline var value: Value
        @inlinable init(key: Key, value: Value) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline var entries: [Entry] = []

    /// An empty map.
    @inlinable public init() {}

    /// The number of entries.
    @inlinable public var count: Int { entries.count }

    /// True when the map has no entries.
    @inlinable public var isEmpty: Bool { entries.isEmpty }

    /// The keys in ascending order.
    @inlinable public var keys: [Key] { entries.map(\.key) }

    /// The values, in the order of their keys.
    @inlinable public var values: [Value] { entries.map(\.value) }

    /// Where `key` is, or where it would be inserted.
    @inlinable
    func slot(of key: Key) -> (index: Int, found: Bool) {
        // Entries usually arrive in key order, so check the end first.
        if entries.isEmpty || Key.protoLess(entries[entries.count - 1].key, key) { return (entries.count, false) }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if Key.protoLess(entries[middle].key, key) { low = middle + 1 } else { high = middle }
        }
        return (low, low < entries.count && Key.protoEqual(entries[low].key, key))
    }

    /// The value for `key`; setting nil removes the entry.
    @inlinable
    public subscript(key: Key) -> Value? {
        get {
            let slot = slot(of: key)
            return slot.found ? entries[slot.index].value : nil
        }
        set {
            let slot = slot(of: key)
            switch (slot.found, newValue) {
            case (true, let value?): entries[slot.index].value = value
            case (true, nil): entries.remove(at: slot.index)
            case (false, let value?) where slot.index == entries.count: entries.append(Entry(key: key, value: value))
            case (false, let value?): entries.insert(Entry(key: key, value: value), at: slot.index)
            case (false, nil): break
            }
        }
    }

    /// Removes every entry.
    @inlinable
    public mutating func removeAll() {
        entries.removeAll()
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
    @inlinable public var endIndex: Int { entries.count }
    /// The entry at `position`, in key order.
    @inlinable public subscript(position: Int) -> Element { (entries[position].key, entries[position].value) }
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
        guard lhs.entries.count == rhs.entries.count else { return false }
        return zip(lhs.entries, rhs.entries).allSatisfy { Key.protoEqual($0.key, $1.key) && $0.value == $1.value }
    }
}

extension ProtoMap: Hashable where Value: Hashable {
    /// Hashes keys and values in order.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

extension ProtoMap: CustomStringConvertible {
    /// Like a dictionary's description, in key order.
    public var description: String {
        "[" + map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
