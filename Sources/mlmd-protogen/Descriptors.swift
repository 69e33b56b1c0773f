import ProtoWire

// The parts of descriptor.proto the generator reads, decoded by hand with ProtoWire's reader so
// that the generator does not depend on any code it generates.

struct FileDescriptor {
    var name = ""
    var package = ""
    var syntax = "proto2"
    var messages: [MessageDescriptor] = []
    var enums: [EnumDescriptor] = []
    var services: [ServiceDescriptor] = []
    var extensions: [FieldDescriptor] = []
    /// Leading comments by descriptor path (e.g. `[4, 2]` is the third message), from
    /// `protoc --include_source_info`.
    var comments: [[Int32]: String] = [:]
}

struct MessageDescriptor {
    var name = ""
    var fields: [FieldDescriptor] = []
    var nestedMessages: [MessageDescriptor] = []
    var enums: [EnumDescriptor] = []
    var oneofNames: [String] = []
    var isMapEntry = false
}

struct FieldDescriptor {
    enum Label: Int { case optional = 1, required = 2, repeated = 3 }
    enum Kind: Int {
        case double = 1, float, int64, uint64, int32, fixed64, fixed32, bool, string, group, message, bytes,
            uint32, enumeration, sfixed32, sfixed64, sint32, sint64
    }

    var name = ""
    var number = 0
    var label = Label.optional
    var kind = Kind.int32
    var typeName = ""
    var defaultValue: String?
    var oneofIndex: Int?
    var packed: Bool?
    var proto3Optional = false
    var extendee = ""
    /// The lowerCamelCase name protoc derives for JSON (`json_name`), e.g. `typeId`.
    var jsonName: String?
}

struct EnumDescriptor {
    var name = ""
    var values: [EnumValueDescriptor] = []
}

struct EnumValueDescriptor {
    var name = ""
    var number: Int32 = 0
    /// `(system_type_extension).type_name`, the one custom option the MLMD protos use.
    var systemTypeName: String?
}

struct ServiceDescriptor {
    var name = ""
    var methods: [MethodDescriptor] = []
}

struct MethodDescriptor {
    var name = ""
    var input = ""
    var output = ""
    /// A method that streams requests or responses; only unary methods get Swift calls.
    var streams = false
}

/// Field number of ml_metadata's `system_type_extension` on `google.protobuf.EnumValueOptions`.
let systemTypeExtensionNumber: UInt32 = 384_560_917

enum DescriptorDecoding {
    static func fileSet(_ bytes: [UInt8]) throws -> [FileDescriptor] {
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer: buffer)
            var files: [FileDescriptor] = []
            while let tag = try reader.readTag() {
                if tag == 0x0a { files.append(try nested(&reader, file)) } else { try reader.skipField(tag: tag) }
            }
            return files
        }
    }

    private static func nested<T>(_ reader: inout BinaryReader, _ body: (inout BinaryReader) throws -> T) throws -> T {
        let outer = try reader.beginLengthDelimited()
        let value = try body(&reader)
        try reader.endLengthDelimited(outer)
        return value
    }

    private static func file(_ reader: inout BinaryReader) throws -> FileDescriptor {
        var file = FileDescriptor()
        while let tag = try reader.readTag() {
            switch tag >> 3 {
            case 1: file.name = try reader.readString()
            case 2: file.package = try reader.readString()
            case 4: file.messages.append(try nested(&reader, message))
            case 5: file.enums.append(try nested(&reader, enumeration))
            case 6: file.services.append(try nested(&reader, service))
            case 7: file.extensions.append(try nested(&reader, field))
            case 9: file.comments = try nested(&reader, sourceCodeInfo)
            case 12: file.syntax = try reader.readString()
            default: try reader.skipField(tag: tag)
            }
        }
        return file
    }

    /// SourceCodeInfo: each location's path and leading comment.
    private static func sourceCodeInfo(_ reader: inout BinaryReader) throws -> [[Int32]: String] {
        var comments: [[Int32]: String] = [:]
        while let tag = try reader.readTag() {
            guard tag == 0x0a else { try reader.skipField(tag: tag); continue }
            let (path, comment) = try nested(&reader) { reader in
                var path: [Int32] = []
                var comment: String?
                while let tag = try reader.readTag() {
                    switch tag {
                    case 0x08: path.append(try reader.readInt32())
                    case 0x0a: try reader.readPackedVarints(into: &path) { Int32(truncatingIfNeeded: $0) }
                    case 0x1a: comment = try reader.readString()
                    default: try reader.skipField(tag: tag)
                    }
                }
                return (path, comment)
            }
            if let comment { comments[path] = comment }
        }
        return comments
    }

    private static func message(_ reader: inout BinaryReader) throws -> MessageDescriptor {
        var message = MessageDescriptor()
        while let tag = try reader.readTag() {
            switch tag >> 3 {
            case 1: message.name = try reader.readString()
            case 2: message.fields.append(try nested(&reader, field))
            case 3: message.nestedMessages.append(try nested(&reader, self.message))
            case 4: message.enums.append(try nested(&reader, enumeration))
            case 7:
                message.isMapEntry = try nested(&reader) { reader in
                    var isMapEntry = false
                    while let tag = try reader.readTag() {
                        if tag == 7 << 3 { isMapEntry = try reader.readBool() } else { try reader.skipField(tag: tag) }
                    }
                    return isMapEntry
                }
            case 8:
                message.oneofNames.append(
                    try nested(&reader) { reader in
                        var name = ""
                        while let tag = try reader.readTag() {
                            if tag == 0x0a { name = try reader.readString() } else { try reader.skipField(tag: tag) }
                        }
                        return name
                    })
            default: try reader.skipField(tag: tag)
            }
        }
        return message
    }

    private static func field(_ reader: inout BinaryReader) throws -> FieldDescriptor {
        var field = FieldDescriptor()
        while let tag = try reader.readTag() {
            switch tag >> 3 {
            case 1: field.name = try reader.readString()
            case 2: field.extendee = try reader.readString()
            case 3: field.number = Int(try reader.readInt32())
            case 4: field.label = FieldDescriptor.Label(rawValue: Int(try reader.readInt32())) ?? .optional
            case 5: field.kind = FieldDescriptor.Kind(rawValue: Int(try reader.readInt32())) ?? .int32
            case 6: field.typeName = try reader.readString()
            case 7: field.defaultValue = try reader.readString()
            case 8:
                field.packed = try nested(&reader) { reader in
                    var packed: Bool?
                    while let tag = try reader.readTag() {
                        if tag == 2 << 3 { packed = try reader.readBool() } else { try reader.skipField(tag: tag) }
                    }
                    return packed
                }
            case 9: field.oneofIndex = Int(try reader.readInt32())
            case 10: field.jsonName = try reader.readString()
            case 17: field.proto3Optional = try reader.readBool()
            default: try reader.skipField(tag: tag)
            }
        }
        return field
    }

    private static func enumeration(_ reader: inout BinaryReader) throws -> EnumDescriptor {
        var descriptor = EnumDescriptor()
        while let tag = try reader.readTag() {
            switch tag >> 3 {
            case 1: descriptor.name = try reader.readString()
            case 2: descriptor.values.append(try nested(&reader, enumValue))
            default: try reader.skipField(tag: tag)
            }
        }
        return descriptor
    }

    private static func enumValue(_ reader: inout BinaryReader) throws -> EnumValueDescriptor {
        var value = EnumValueDescriptor()
        while let tag = try reader.readTag() {
            switch tag >> 3 {
            case 1: value.name = try reader.readString()
            case 2: value.number = try reader.readInt32()
            case 3:
                value.systemTypeName = try nested(&reader) { reader in
                    // EnumValueOptions: the custom option is an extension field holding SystemTypeExtension.
                    var typeName: String?
                    while let tag = try reader.readTag() {
                        guard tag == systemTypeExtensionNumber << 3 | 2 else { try reader.skipField(tag: tag); continue }
                        typeName = try nested(&reader) { reader in
                            var name: String?
                            while let tag = try reader.readTag() {
                                if tag == 0x0a { name = try reader.readString() } else { try reader.skipField(tag: tag) }
                            }
                            return name
                        }
                    }
                    return typeName
                }
            default: try reader.skipField(tag: tag)
            }
        }
        return value
    }

    private static func service(_ reader: inout BinaryReader) throws -> ServiceDescriptor {
        var service = ServiceDescriptor()
        while let tag = try reader.readTag() {
            switch tag >> 3 {
            case 1: service.name = try reader.readString()
            case 2:
                service.methods.append(
                    try nested(&reader) { reader in
                        var method = MethodDescriptor()
                        while let tag = try reader.readTag() {
                            switch tag >> 3 {
                            case 1: method.name = try reader.readString()
                            case 2: method.input = try reader.readString()
                            case 3: method.output = try reader.readString()
                            case 5, 6: if try reader.readVarint() != 0 { method.streams = true }
                            default: try reader.skipField(tag: tag)
                            }
                        }
                        return method
                    })
            default: try reader.skipField(tag: tag)
            }
        }
        return service
    }
}
