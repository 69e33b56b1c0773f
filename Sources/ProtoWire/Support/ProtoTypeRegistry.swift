/// Message types by full protobuf name: what lets the text format expand an `Any`, and the
/// `mlmd proto` command find a type by name.
public struct ProtoTypeRegistry: @unchecked Sendable {
    // Metatypes are immutable; the dictionary is never mutated after init.
    private let types: [String: any ProtoMessage.Type]

    /// A registry of `types`, keyed by their `protoMessageName`.
    public init(_ types: [any ProtoMessage.Type]) {
        var byName: [String: any ProtoMessage.Type] = [:]
        for type in types { byName[type.protoMessageName] = type }
        self.types = byName
    }

    /// This registry plus `other`.
    public func merging(_ other: ProtoTypeRegistry) -> ProtoTypeRegistry {
        ProtoTypeRegistry(Array(types.values) + Array(other.types.values))
    }

    /// The type named `fullName` (e.g. `ml_metadata.Artifact`), if registered.
    public func type(named fullName: String) -> (any ProtoMessage.Type)? { types[fullName] }

    /// Every registered full name, sorted.
    public var names: [String] { types.keys.sorted() }
}
