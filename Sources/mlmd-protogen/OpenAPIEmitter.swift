/// The OpenAPI 3.1 document of the services' HTTP face: each unary method as `POST
/// /SERVICE/METHOD` with a JSON body (the proto3 JSON mapping, described by a JSON Schema per
/// message) or a binary one, and Connect's error body. Written from the descriptors, so that it
/// cannot drift from the protos.
struct OpenAPIEmitter {
    let symbols: SymbolTable

    /// The document, as a Swift file holding its JSON text (`OpenAPIDocument.json`).
    func source(services: [(package: String, service: ServiceDescriptor)]) -> String {
        var paths: [(String, JSONText)] = []
        var roots: [String] = []
        for (package, service) in services {
            let serviceName = "\(package).\(service.name)"
            for method in service.methods where !method.streams {
                roots += [method.input, method.output]
                paths.append(("/\(serviceName)/\(method.name)", .object([("post", operation(serviceName, method))])))
            }
        }
        var schemas: [(String, JSONText)] = symbols.closure(of: roots).sorted().compactMap { name in
            if let message = symbols.messages[name], !message.descriptor.isMapEntry {
                return (String(name.dropFirst()), messageSchema(name, message.descriptor))
            }
            if let enumeration = symbols.enums[name] { return (String(name.dropFirst()), enumSchema(enumeration.descriptor)) }
            return nil
        }
        schemas.append(("connect.Error", Self.connectError))
        let document = JSONText.object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("ML Metadata")),
                    ("version", .string("1.17.1")),
                    (
                        "description",
                        .string(
                            "ml_metadata.MetadataStoreService and swift_ml_metadata.MetadataPurgeService over HTTP: the unary part of the Connect protocol. Bodies are the proto3 JSON mapping (application/json) or binary protobuf (application/proto); errors are Connect's."
                        )
                    ),
                ])
            ),
            ("paths", .object(paths)),
            ("components", .object([("schemas", .object(schemas))])),
        ])
        var out = CodeWriter()
        out.line(FileEmitter.header.trimmingSuffixNewline)
        out.line()
        out.line("/// The OpenAPI 3.1 document `GET /openapi.json` serves, generated from the descriptors.")
        out.block("enum OpenAPIDocument") { out in
            out.line("static let json = #\"\"\"")
            for line in document.printed().split(separator: "\n", omittingEmptySubsequences: false) { out.line(String(line)) }
            out.line("\"\"\"#")
        }
        return out.text
    }

    private func operation(_ service: String, _ method: MethodDescriptor) -> JSONText {
        func content(_ type: String) -> JSONText {
            .object([
                ("application/json", .object([("schema", Self.reference(type))])),
                ("application/proto", .object([("schema", .object([("type", .string("string")), ("format", .string("binary"))]))])),
            ])
        }
        return .object([
            ("operationId", .string("\(service).\(method.name)")),
            ("tags", .array([.string(service)])),
            ("requestBody", .object([("required", .bool(true)), ("content", content(method.input))])),
            (
                "responses",
                .object([
                    ("200", .object([("description", .string("The method's response.")), ("content", content(method.output))])),
                    (
                        "default",
                        .object([
                            ("description", .string("The call failed: Connect's error, with its HTTP status.")),
                            ("content", .object([("application/json", .object([("schema", Self.reference(".connect.Error"))]))])),
                        ])
                    ),
                ])
            ),
        ])
    }

    private static func reference(_ protoName: String) -> JSONText {
        .object([("$ref", .string("#/components/schemas/\(protoName.dropFirst())"))])
    }

    private static let connectError = JSONText.object([
        ("type", .string("object")),
        ("properties", .object([("code", .object([("type", .string("string"))])), ("message", .object([("type", .string("string"))]))])),
        ("required", .array([.string("code")])),
    ])

    // MARK: Messages

    private func messageSchema(_ name: String, _ message: MessageDescriptor) -> JSONText {
        switch name {
        case ".google.protobuf.Struct": return .object([("type", .string("object"))])
        case ".google.protobuf.Value": return .object([])
        case ".google.protobuf.ListValue": return .object([("type", .string("array"))])
        case ".google.protobuf.FieldMask": return .object([("type", .string("string"))])
        case ".google.protobuf.Any":
            return .object([
                ("type", .string("object")),
                ("properties", .object([("@type", .object([("type", .string("string"))]))])),
            ])
        default: break
        }
        // null stands for an unset field, as the JSON mapping reads it.
        let properties = message.fields.map { field in
            (
                field.jsonName ?? field.name,
                JSONText.object([("anyOf", .array([fieldSchema(field), .object([("type", .string("null"))])]))])
            )
        }
        return .object([
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ])
    }

    private func fieldSchema(_ field: FieldDescriptor) -> JSONText {
        if field.kind == .message, let entry = symbols.messages[field.typeName]?.descriptor, entry.isMapEntry {
            return .object([("type", .string("object")), ("additionalProperties", valueSchema(entry.fields[1]))])
        }
        if field.label == .repeated { return .object([("type", .string("array")), ("items", valueSchema(field))]) }
        return valueSchema(field)
    }

    private func valueSchema(_ field: FieldDescriptor) -> JSONText {
        func type(_ name: String, format: String? = nil) -> JSONText {
            .object([("type", .string(name))] + (format.map { [("format", .string($0))] } ?? []))
        }
        switch field.kind {
        case .message, .group, .enumeration: return Self.reference(field.typeName)
        case .bool: return type("boolean")
        case .string: return type("string")
        case .bytes: return .object([("type", .string("string")), ("contentEncoding", .string("base64"))])
        case .int32, .sint32, .sfixed32: return type("integer", format: "int32")
        case .uint32, .fixed32: return .object([("type", .string("integer")), ("format", .string("int32")), ("minimum", .int(0))])
        // 64-bit integers print as strings and parse from strings or numbers.
        case .int64, .sint64, .sfixed64, .uint64, .fixed64:
            return .object([("type", .array([.string("string"), .string("integer")])), ("format", .string("int64"))])
        case .double, .float:
            return .object([
                (
                    "oneOf",
                    .array([
                        type("number"),
                        .object([("type", .string("string")), ("enum", .array(["NaN", "Infinity", "-Infinity"].map(JSONText.string)))]),
                    ])
                )
            ])
        }
    }

    private func enumSchema(_ enumeration: EnumDescriptor) -> JSONText {
        .object([
            (
                "oneOf",
                .array([
                    .object([("type", .string("string")), ("enum", .array(enumeration.values.map { .string($0.name) }))]),
                    .object([("type", .string("integer")), ("format", .string("int32"))]),
                ])
            )
        ])
    }
}

/// A JSON value, printed with sorted-as-given keys and two-space indents.
indirect enum JSONText {
    case object([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case int(Int)
    case bool(Bool)

    func printed(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.map { "\(inner)\(Self.quoted($0.0)): \($0.1.printed(indent: inner))" }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + $0.printed(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .string(let text): return Self.quoted(text)
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
