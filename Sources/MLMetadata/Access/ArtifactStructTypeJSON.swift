import MLMDProtos
import ProtoWire

/// An `ArtifactStructType` as ml-metadata stores it in `Type.input_type` / `output_type`: protobuf's
/// JSON mapping (lowerCamelCase names, int64 as strings, enums by name).
enum ArtifactStructTypeJSON {
    static func encode(_ type: ArtifactStructType) -> String { json(type).text }

    /// The message, or DATA_LOSS if the stored text is not a valid ArtifactStructType.
    static func decode(_ text: String) throws -> ArtifactStructType {
        guard let value = JSONValue(parsing: text), let type = structType(value) else {
            throw MetadataStoreError(.dataLoss, "a stored input_type/output_type is not an ArtifactStructType in JSON: \(text.prefix(200))")
        }
        return type
    }

    // MARK: Message → JSON

    private static func json(_ type: ArtifactStructType) -> JSONValue {
        let member: (String, JSONValue)?
        switch type.kind {
        case .simple(let simple)?: member = ("simple", json(simple))
        case .unionType(let union)?: member = ("unionType", .object([("candidates", .array(union.candidates.map(json)))]))
        case .intersection(let intersection)?:
            member = ("intersection", .object([("constraints", .array(intersection.constraints.map(json)))]))
        case .list(let list)?: member = ("list", .object(list.hasElement ? [("element", json(list.element))] : []))
        case .none?: member = ("none", .object([]))
        case .any?: member = ("any", .object([]))
        case .tuple(let tuple)?: member = ("tuple", .object([("elements", .array(tuple.elements.map(json)))]))
        case .dict(let dict)?:
            var members: [(key: String, value: JSONValue)] = []
            if !dict.properties.isEmpty { members.append(("properties", .object(dict.properties.map { ($0.key, json($0.value)) }))) }
            if dict.hasNoneTypeNotRequired { members.append(("noneTypeNotRequired", .bool(dict.noneTypeNotRequired))) }
            if dict.hasExtraPropertiesType { members.append(("extraPropertiesType", json(dict.extraPropertiesType))) }
            member = ("dict", .object(members))
        case nil: member = nil
        }
        return .object(member.map { [$0] } ?? [])
    }

    private static func json(_ type: ArtifactType) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if type.hasID { members.append(("id", .string(String(type.id)))) }
        if type.hasName { members.append(("name", .string(type.name))) }
        if type.hasVersion { members.append(("version", .string(type.version))) }
        if type.hasDescription { members.append(("description", .string(type.description))) }
        if type.hasExternalID { members.append(("externalId", .string(type.externalID))) }
        if !type.properties.isEmpty {
            members.append(("properties", .object(type.properties.map { ($0.key, .string($0.value.protoName)) })))
        }
        if type.hasBaseType { members.append(("baseType", .string(type.baseType.protoName))) }
        return .object(members)
    }

    // MARK: JSON → message (nil when malformed)

    private static func structType(_ value: JSONValue) -> ArtifactStructType? {
        guard case .object(let members) = value else { return nil }
        var type = ArtifactStructType()
        for (key, member) in members {
            switch key {
            case "simple": guard let simple = artifactType(member) else { return nil }; type.simple = simple
            case "unionType":
                guard let candidates = list(member["candidates"] ?? .array([])) else { return nil }
                type.unionType = .with { $0.candidates = candidates }
            case "intersection":
                guard let constraints = list(member["constraints"] ?? .array([])) else { return nil }
                type.intersection = .with { $0.constraints = constraints }
            case "list":
                var list = ListArtifactStructType()
                if let element = member["element"] { guard let parsed = structType(element) else { return nil }; list.element = parsed }
                type.list = list
            case "none": type.none = NoneArtifactStructType()
            case "any": type.any = AnyArtifactStructType()
            case "tuple":
                guard let elements = list(member["elements"] ?? .array([])) else { return nil }
                type.tuple = .with { $0.elements = elements }
            case "dict":
                var dict = DictArtifactStructType()
                if case .object(let properties)? = member["properties"] {
                    for (name, property) in properties {
                        guard let parsed = structType(property) else { return nil }
                        dict.properties[name] = parsed
                    }
                }
                if case .bool(let flag)? = member["noneTypeNotRequired"] { dict.noneTypeNotRequired = flag }
                if let extra = member["extraPropertiesType"] {
                    guard let parsed = structType(extra) else { return nil }
                    dict.extraPropertiesType = parsed
                }
                type.dict = dict
            default: return nil
            }
        }
        return type
    }

    private static func list(_ value: JSONValue) -> [ArtifactStructType]? {
        guard case .array(let elements) = value else { return nil }
        var types: [ArtifactStructType] = []
        for element in elements {
            guard let type = structType(element) else { return nil }
            types.append(type)
        }
        return types
    }

    private static func artifactType(_ value: JSONValue) -> ArtifactType? {
        guard case .object(let members) = value else { return nil }
        var type = ArtifactType()
        for (key, member) in members {
            switch (key, member) {
            case ("id", .string(let text)), ("id", .number(let text)): guard let id = Int64(text) else { return nil }; type.id = id
            case ("name", .string(let text)): type.name = text
            case ("version", .string(let text)): type.version = text
            case ("description", .string(let text)): type.description = text
            case ("externalId", .string(let text)): type.externalID = text
            case ("properties", .object(let properties)):
                for (name, kind) in properties {
                    guard case .string(let kindName) = kind, let parsed = PropertyType(protoName: kindName) else { return nil }
                    type.properties[name] = parsed
                }
            case ("baseType", .string(let text)):
                guard let base = ArtifactType.SystemDefinedBaseType(protoName: text) else { return nil }
                type.baseType = base
            default: return nil
            }
        }
        return type
    }
}
