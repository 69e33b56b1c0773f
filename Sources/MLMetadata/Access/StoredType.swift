import MLMDProtos
import ProtoWire

/// What the store reads and writes of `ArtifactType`, `ExecutionType` and `ContextType`, so that
/// one implementation serves all three.
protocol StoredType: ProtoMessage {
    /// Which family of types this is.
    static var kind: TypeKind { get }
    var id: Int64 { get set }
    var name: String { get set }
    var version: String { get set }
    var hasVersion: Bool { get }
    var description: String { get set }
    var hasDescription: Bool { get }
    var externalID: String { get set }
    var hasExternalID: Bool { get }
    mutating func clearExternalID()
    var properties: ProtoMap<String, PropertyType> { get set }
    /// The `mlmd.*` name of the base type, nil when none is set. Context types have none.
    var baseTypeName: String? { get set }
    /// True when `base_type` is present and set to UNSET, which asks to remove a base type.
    var asksToUnsetBaseType: Bool { get }
    /// `input_type` and `output_type` as stored (JSON); only execution types have them.
    var storedSignature: (input: String?, output: String?) { get }
    /// Sets `input_type` and `output_type` from their stored JSON.
    mutating func readSignature(input: String?, output: String?) throws
}

extension StoredType {
    var storedSignature: (input: String?, output: String?) { (nil, nil) }
    mutating func readSignature(input: String?, output: String?) throws {}
}

extension StoredType {
    /// The version as stored: empty counts as no version (NULL).
    var storedVersion: String? { version.isEmpty ? nil : version }
}

extension ArtifactType: StoredType {
    static var kind: TypeKind { .artifact }

    var baseTypeName: String? {
        get { hasBaseType && baseType != .unset ? baseType.systemTypeName : nil }
        set { if let match = SystemDefinedBaseType.allCases.first(where: { $0.systemTypeName == newValue }) { baseType = match } }
    }

    var asksToUnsetBaseType: Bool { hasBaseType && baseType == .unset }
}

extension ExecutionType: StoredType {
    static var kind: TypeKind { .execution }

    var storedSignature: (input: String?, output: String?) {
        (hasInputType ? ArtifactStructTypeJSON.encode(inputType) : nil, hasOutputType ? ArtifactStructTypeJSON.encode(outputType) : nil)
    }

    mutating func readSignature(input: String?, output: String?) throws {
        if let input { inputType = try ArtifactStructTypeJSON.decode(input) }
        if let output { outputType = try ArtifactStructTypeJSON.decode(output) }
    }

    var baseTypeName: String? {
        get { hasBaseType && baseType != .unset ? baseType.systemTypeName : nil }
        set { if let match = SystemDefinedBaseType.allCases.first(where: { $0.systemTypeName == newValue }) { baseType = match } }
    }

    var asksToUnsetBaseType: Bool { hasBaseType && baseType == .unset }
}

extension ContextType: StoredType {
    static var kind: TypeKind { .context }

    var baseTypeName: String? {
        get { nil }
        set {}
    }

    var asksToUnsetBaseType: Bool { false }
}
