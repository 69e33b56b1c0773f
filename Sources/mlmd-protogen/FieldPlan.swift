/// Everything the emitters need to say about one field, derived once from its descriptor.
struct FieldPlan {
    let descriptor: FieldDescriptor
    /// The Swift property, e.g. `typeID`.
    let property: String
    /// The Swift type of one value, e.g. `Int64`, `Artifact.State`, `Value`.
    let valueType: String
    let isRepeated: Bool
    let isPacked: Bool
    /// For map fields: the entry's key and value fields (an array, since a struct cannot contain itself).
    private let mapEntryFields: [FieldPlan]
    /// Set for map fields: the entry's key and value fields.
    var mapEntry: (key: FieldPlan, value: FieldPlan)? {
        mapEntryFields.isEmpty ? nil : (mapEntryFields[0], mapEntryFields[1])
    }
    /// Set for oneof members: the oneof's property and enum type.
    let oneof: (property: String, enumType: String)?
    /// True when the field has no presence (proto3 scalars outside a oneof).
    let isImplicitPresence: Bool
    /// True for a singular message field that closes a cycle of message types: stored behind
    /// `Indirect` (or an `indirect` oneof case) so that the struct has a finite size.
    let isIndirect: Bool
    /// True for enums that keep unknown numbers in the field (proto3).
    let isOpenEnum: Bool

    var name: String { descriptor.name }
    var number: Int { descriptor.number }
    var kind: FieldDescriptor.Kind { descriptor.kind }
    var storage: String { "_" + property.filter { $0 != "`" } }
    var isMap: Bool { mapEntry != nil }
    var isMessage: Bool { kind == .message }

    init(_ field: FieldDescriptor, in message: SymbolTable.Message, containerName: String, symbols: SymbolTable) {
        descriptor = field
        property = SwiftNames.escaped(SwiftNames.lowerCamel(field.name))
        isRepeated = field.label == .repeated
        isOpenEnum = field.kind == .enumeration && symbols.enumeration(field.typeName).isOpen
        switch field.kind {
        case .message:
            let target = symbols.message(field.typeName)
            if target.descriptor.isMapEntry {
                let entry = target.descriptor
                let key = FieldPlan(entry.fields[0], in: target, containerName: field.typeName, symbols: symbols)
                let value = FieldPlan(entry.fields[1], in: target, containerName: field.typeName, symbols: symbols)
                mapEntryFields = [key, value]
                valueType = "ProtoMap<\(key.valueType), \(value.valueType)>"
            } else {
                mapEntryFields = []
                valueType = target.swiftName
            }
        case .enumeration:
            mapEntryFields = []
            valueType = symbols.enumeration(field.typeName).swiftName
        default:
            mapEntryFields = []
            valueType = Self.scalarType[field.kind]!
        }
        let scalarKinds: Set<FieldDescriptor.Kind> = [.string, .bytes, .message, .group]
        isPacked =
            isRepeated && !scalarKinds.contains(field.kind)
            && (field.packed ?? message.isProto3)
        if let index = field.oneofIndex, !field.proto3Optional {
            let oneofName = message.descriptor.oneofNames[index]
            oneof = (SwiftNames.escaped(SwiftNames.lowerCamel(oneofName)), SwiftNames.upperCamel(oneofName) + "Oneof")
        } else {
            oneof = nil
        }
        isImplicitPresence = message.isProto3 && !isRepeated && field.kind != .message && oneof == nil && !field.proto3Optional
        isIndirect =
            !isRepeated && field.kind == .message
            && symbols.isRecursive(container: containerName, target: field.typeName)
    }

    static let scalarType: [FieldDescriptor.Kind: String] = [
        .double: "Double", .float: "Float", .int64: "Int64", .uint64: "UInt64", .int32: "Int32",
        .fixed64: "UInt64", .fixed32: "UInt32", .bool: "Bool", .string: "String", .bytes: "[UInt8]",
        .uint32: "UInt32", .sfixed32: "Int32", .sfixed64: "Int64", .sint32: "Int32", .sint64: "Int64",
    ]

    // MARK: Wire format

    var wireType: Int {
        switch kind {
        case .double, .fixed64, .sfixed64: return 1
        case .float, .fixed32, .sfixed32: return 5
        case .string, .bytes, .message: return 2
        case .group: return 3
        default: return 0
        }
    }

    var tag: Int { number << 3 | wireType }
    var packedTag: Int { number << 3 | 2 }

    /// Reads one value of a non-message, non-enum field.
    var binaryRead: String {
        switch kind {
        case .double: return "try reader.readDouble()"
        case .float: return "try reader.readFloat()"
        case .int64: return "try reader.readInt64()"
        case .uint64: return "try reader.readUInt64()"
        case .int32: return "try reader.readInt32()"
        case .fixed64: return "try reader.readFixed64()"
        case .fixed32: return "try reader.readFixed32()"
        case .bool: return "try reader.readBool()"
        case .string: return "try reader.readString()"
        case .bytes: return "try reader.readBytes()"
        case .uint32: return "try reader.readUInt32()"
        case .sfixed32: return "try reader.readSFixed32()"
        case .sfixed64: return "try reader.readSFixed64()"
        case .sint32: return "try reader.readSInt32()"
        case .sint64: return "try reader.readSInt64()"
        case .enumeration: return "try reader.readInt32()"
        case .message, .group: return "try reader.readMessage(\(valueType).self)"
        }
    }

    /// The packed-run reader and the conversion from the raw wire value.
    var packedRead: (method: String, convert: String) {
        switch kind {
        case .int64: return ("readPackedVarints", "Int64(bitPattern: $0)")
        case .uint64: return ("readPackedVarints", "$0")
        case .int32, .enumeration: return ("readPackedVarints", "Int32(truncatingIfNeeded: $0)")
        case .uint32: return ("readPackedVarints", "UInt32(truncatingIfNeeded: $0)")
        case .bool: return ("readPackedVarints", "$0 != 0")
        case .sint32: return ("readPackedVarints", "ZigZag.decoded(UInt32(truncatingIfNeeded: $0))")
        case .sint64: return ("readPackedVarints", "ZigZag.decoded($0)")
        case .double: return ("readPackedFixed64", "Double(bitPattern: $0)")
        case .fixed64: return ("readPackedFixed64", "$0")
        case .sfixed64: return ("readPackedFixed64", "Int64(bitPattern: $0)")
        case .float: return ("readPackedFixed32", "Float(bitPattern: $0)")
        case .fixed32: return ("readPackedFixed32", "$0")
        case .sfixed32: return ("readPackedFixed32", "Int32(bitPattern: $0)")
        default: fatalError("\(kind) cannot be packed")
        }
    }

    /// Writes the field `value` with its tag.
    func binaryWrite(_ value: String) -> String {
        let tag = "tag: \(self.tag)"
        switch kind {
        case .double: return "writer.writeDoubleField(\(value), \(tag))"
        case .float: return "writer.writeFloatField(\(value), \(tag))"
        case .int64: return "writer.writeInt64Field(\(value), \(tag))"
        case .uint64: return "writer.writeVarintField(\(value), \(tag))"
        case .int32: return "writer.writeInt32Field(\(value), \(tag))"
        case .uint32: return "writer.writeVarintField(UInt64(\(value)), \(tag))"
        case .sint32: return "writer.writeVarintField(UInt64(ZigZag.encoded(\(value))), \(tag))"
        case .sint64: return "writer.writeVarintField(ZigZag.encoded(\(value)), \(tag))"
        case .bool: return "writer.writeBoolField(\(value), \(tag))"
        case .enumeration: return "writer.writeInt32Field(\(value).rawValue, \(tag))"
        case .fixed64: return "writer.writeFixed64(\(value)); writer.writeTag(\(self.tag))"
        case .sfixed64: return "writer.writeFixed64(UInt64(bitPattern: \(value))); writer.writeTag(\(self.tag))"
        case .fixed32: return "writer.writeFixed32(\(value)); writer.writeTag(\(self.tag))"
        case .sfixed32: return "writer.writeFixed32(UInt32(bitPattern: \(value))); writer.writeTag(\(self.tag))"
        case .string: return "writer.writeStringField(\(value), \(tag))"
        case .bytes: return "writer.writeBytesField(\(value), \(tag))"
        case .message, .group: return "writer.writeMessageField(\(value), \(tag))"
        }
    }

    /// Writes one element of a packed run (no tag).
    func packedElementWrite(_ value: String) -> String {
        switch kind {
        case .int64: return "writer.writeVarint(UInt64(bitPattern: \(value)))"
        case .uint64: return "writer.writeVarint(\(value))"
        case .int32: return "writer.writeVarint(UInt64(bitPattern: Int64(\(value))))"
        case .enumeration: return "writer.writeVarint(UInt64(bitPattern: Int64(\(value).rawValue)))"
        case .uint32: return "writer.writeVarint(UInt64(\(value)))"
        case .bool: return "writer.writeVarint(\(value) ? 1 : 0)"
        case .sint32: return "writer.writeVarint(UInt64(ZigZag.encoded(\(value))))"
        case .sint64: return "writer.writeVarint(ZigZag.encoded(\(value)))"
        case .double: return "writer.writeFixed64(\(value).bitPattern)"
        case .fixed64: return "writer.writeFixed64(\(value))"
        case .sfixed64: return "writer.writeFixed64(UInt64(bitPattern: \(value)))"
        case .float: return "writer.writeFixed32(\(value).bitPattern)"
        case .fixed32: return "writer.writeFixed32(\(value))"
        case .sfixed32: return "writer.writeFixed32(UInt32(bitPattern: \(value)))"
        default: fatalError("\(kind) cannot be packed")
        }
    }

    // MARK: Text format

    /// Reads one value with the text scanner `$0`.
    var textRead: String {
        switch kind {
        case .double: return "try $0.readDouble()"
        case .float: return "try $0.readFloat()"
        case .int64, .sint64, .sfixed64: return "try $0.readInt64()"
        case .uint64, .fixed64: return "try $0.readUInt64()"
        case .int32, .sint32, .sfixed32: return "try $0.readInt32()"
        case .uint32, .fixed32: return "try $0.readUInt32()"
        case .bool: return "try $0.readBool()"
        case .string: return "try $0.readStringLiteral()"
        case .bytes: return "try $0.readBytesLiteral()"
        case .enumeration: return "try $0.readEnum(\(valueType).self)"
        case .message, .group: fatalError("messages are not scalars")
        }
    }

    /// Prints the field `value`.
    func textPrint(_ value: String) -> String {
        switch kind {
        case .bytes: return "printer.printBytesField(\"\(name)\", \(value))"
        case .enumeration: return "printer.printEnumField(\"\(name)\", \(value))"
        case .message, .group: return "printer.printMessageField(\"\(name)\", \(value))"
        default: return "printer.printField(\"\(name)\", \(value))"
        }
    }

    // MARK: Defaults

    /// The Swift expression for the value of an unset field.
    func defaultValue(symbols: SymbolTable) -> String {
        switch kind {
        case .message, .group: return "\(valueType)()"
        case .enumeration:
            let enumeration = symbols.enumeration(descriptor.typeName)
            if let name = descriptor.defaultValue {
                return "\(valueType).\(SwiftNames.escaped(SwiftNames.enumCase(name)))"
            }
            return "\(valueType).\(SwiftNames.escaped(SwiftNames.enumCase(enumeration.descriptor.values[0].name)))"
        case .string: return SwiftNames.stringLiteral(descriptor.defaultValue ?? "")
        case .bytes: return descriptor.defaultValue.map { "Array(\(SwiftNames.stringLiteral($0)).utf8)" } ?? "[]"
        case .bool: return descriptor.defaultValue ?? "false"
        case .double, .float:
            switch descriptor.defaultValue {
            case nil: return "0"
            case "inf": return ".infinity"
            case "-inf": return "-.infinity"
            case "nan": return ".nan"
            case let text?: return text
            }
        default: return descriptor.defaultValue ?? "0"
        }
    }

    /// A condition true when an implicit-presence (proto3) value differs from its default.
    func isNonDefault(_ value: String) -> String {
        switch kind {
        case .string, .bytes: return "!\(value).isEmpty"
        case .bool: return value
        case .double, .float: return "\(value).bitPattern != 0"
        case .enumeration: return "\(value).rawValue != 0"
        default: return "\(value) != 0"
        }
    }
}
