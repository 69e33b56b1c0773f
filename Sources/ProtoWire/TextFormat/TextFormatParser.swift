/// Parses the protobuf text format into messages, with the same rules as C++ protobuf's
/// `TextFormat::Parser`: `:` optional before a message, `{}` or `<>`, `[a, b]` lists for
/// repeated fields, `,` or `;` after a field, expanded `Any`, and an error for a singular field
/// given twice. Generated `parseTextField(named:from:)` methods call the `…Field` methods here.
public struct TextFormatParser {
    @usableFromInline var scanner: TextFormatScanner
    /// Types an expanded `Any` may name.
    public let registry: ProtoTypeRegistry
    @usableFromInline var depthBudget = 100

    /// A parser over `text`.
    public init(text: String, registry: ProtoTypeRegistry) {
        scanner = TextFormatScanner(text)
        self.registry = registry
    }

    /// A parser over UTF-8 `bytes`.
    public init(bytes: [UInt8], registry: ProtoTypeRegistry) {
        scanner = TextFormatScanner(bytes: bytes)
        self.registry = registry
    }

    /// An error at the current position.
    public func error(_ message: String) -> TextFormatDecodingError { scanner.error(message) }

    /// The error for a singular field that appears twice.
    public func duplicateField(_ name: String) -> TextFormatDecodingError {
        error("non-repeated field \"\(name)\" is specified multiple times")
    }

    /// The error for a second member of the same oneof.
    public func duplicateOneof(_ name: String) -> TextFormatDecodingError {
        error("field \"\(name)\" is specified along with another member of its oneof")
    }

    // MARK: Message bodies

    /// Parses fields into `message` until `closing` (`}` or `>`), or to the end of input when nil.
    public mutating func parseMessageFields<M: ProtoMessage>(into message: inout M, closing: UInt8?) throws {
        while true {
            if let closing {
                if scanner.skipOptional(closing) { return }
                if scanner.isAtEnd { throw error("expected \"\(Character(Unicode.Scalar(closing)))\" before end of input") }
            } else if scanner.isAtEnd {
                return
            }
            if scanner.peekByte() == UInt8(ascii: "[") {
                try parseBracketedField(into: &message)
            } else {
                let nameError = error("")
                let name = try scanner.readIdentifier()
                guard try message.parseTextField(named: name, from: &self) else {
                    throw TextFormatDecodingError(
                        line: nameError.line, column: nameError.column,
                        message: "message type \"\(M.protoMessageName)\" has no field named \"\(name)\"")
                }
            }
            _ = scanner.skipOptional(UInt8(ascii: ",")) || scanner.skipOptional(UInt8(ascii: ";"))
        }
    }

    /// `[type.googleapis.com/pkg.Type] { ... }` inside an Any; extensions are not supported.
    private mutating func parseBracketedField<M: ProtoMessage>(into message: inout M) throws {
        let start = error("")
        _ = scanner.skipOptional(UInt8(ascii: "["))
        let name = try scanner.readBracketedName()
        guard var any = message as? any AnyMessage else {
            throw TextFormatDecodingError(
                line: start.line, column: start.column,
                message: "extension \"\(name)\" is not supported in \"\(M.protoMessageName)\"")
        }
        // Like protoc, only these two prefixes name a type that can be looked up.
        guard let slash = name.lastIndex(of: "/"),
            ["type.googleapis.com/", "type.googleprod.com/"].contains(name[...slash]),
            let type = registry.type(named: String(name[name.index(after: slash)...]))
        else {
            throw TextFormatDecodingError(line: start.line, column: start.column, message: "unknown Any type \"\(name)\"")
        }
        if !any.typeURL.isEmpty || !any.value.isEmpty {
            throw TextFormatDecodingError(line: start.line, column: start.column, message: "Any is specified more than once")
        }
        any.typeURL = name
        any.value = try parseExpandedAnyValue(type)
        message = any as! M
    }

    private mutating func parseExpandedAnyValue<T: ProtoMessage>(_ type: T.Type) throws -> [UInt8] {
        var value = T()
        try messageField(into: &value)
        return value.serializedBytes()
    }

    // MARK: Field values

    /// `: value` for a singular scalar field.
    package mutating func scalarField<T>(_ read: (inout TextFormatScanner) throws -> T) throws -> T {
        try scanner.expect(UInt8(ascii: ":"))
        return try read(&scanner)
    }

    /// `: value` or `: [v1, v2]` for a repeated scalar field; `append` is called per value.
    package mutating func repeatedScalarField(_ append: (inout TextFormatScanner) throws -> Void) throws {
        try scanner.expect(UInt8(ascii: ":"))
        if scanner.skipOptional(UInt8(ascii: "[")) {
            if scanner.skipOptional(UInt8(ascii: "]")) { return }
            repeat { try append(&scanner) } while scanner.skipOptional(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "]"))
        } else {
            try append(&scanner)
        }
    }

    /// `{ ... }` or `< ... >` (with an optional `:` before it), merged into `message`.
    public mutating func messageField<M: ProtoMessage>(into message: inout M) throws {
        _ = scanner.skipOptional(UInt8(ascii: ":"))
        try messageBody(into: &message)
    }

    private mutating func messageBody<M: ProtoMessage>(into message: inout M) throws {
        let closing: UInt8
        if scanner.skipOptional(UInt8(ascii: "{")) {
            closing = UInt8(ascii: "}")
        } else if scanner.skipOptional(UInt8(ascii: "<")) {
            closing = UInt8(ascii: ">")
        } else {
            try scanner.expect(UInt8(ascii: "{"))
            return
        }
        guard depthBudget > 0 else { throw error("messages nested more than 100 deep") }
        depthBudget -= 1
        try parseMessageFields(into: &message, closing: closing)
        depthBudget += 1
    }

    /// One message, or a `[{...}, {...}]` list, for a repeated message field.
    public mutating func repeatedMessageField<M: ProtoMessage>(_ type: M.Type, _ append: (M) -> Void) throws {
        _ = scanner.skipOptional(UInt8(ascii: ":"))
        if scanner.skipOptional(UInt8(ascii: "[")) {
            if scanner.skipOptional(UInt8(ascii: "]")) { return }
            repeat {
                var message = M()
                try messageBody(into: &message)
                append(message)
            } while scanner.skipOptional(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "]"))
        } else {
            var message = M()
            try messageBody(into: &message)
            append(message)
        }
    }

    /// One map entry (`{ key: k value: v }`), or a list of them, for a map field.
    /// `key` and `value` read the entry's fields once their names are consumed.
    public mutating func mapField<Key, Value>(
        key: (inout TextFormatParser) throws -> Key,
        value: (inout TextFormatParser) throws -> Value,
        defaultKey: Key, defaultValue: Value,
        insert: (Key, Value) -> Void
    ) throws {
        _ = scanner.skipOptional(UInt8(ascii: ":"))
        let inList = scanner.skipOptional(UInt8(ascii: "["))
        if inList, scanner.skipOptional(UInt8(ascii: "]")) { return }
        repeat {
            let closing: UInt8
            if scanner.skipOptional(UInt8(ascii: "<")) {
                closing = UInt8(ascii: ">")
            } else {
                try scanner.expect(UInt8(ascii: "{"))
                closing = UInt8(ascii: "}")
            }
            // A map entry is a message of its own, so it counts toward the nesting limit as in binary.
            guard depthBudget > 0 else { throw error("messages nested more than 100 deep") }
            depthBudget -= 1
            defer { depthBudget += 1 }
            var entryKey = defaultKey
            var entryValue = defaultValue
            while !scanner.skipOptional(closing) {
                if scanner.isAtEnd { throw error("expected \"\(Character(Unicode.Scalar(closing)))\" before end of input") }
                let position = error("")
                switch try scanner.readIdentifier() {
                case "key": entryKey = try key(&self)
                case "value": entryValue = try value(&self)
                case let other:
                    throw TextFormatDecodingError(
                        line: position.line, column: position.column,
                        message: "map entry has no field named \"\(other)\"")
                }
                _ = scanner.skipOptional(UInt8(ascii: ",")) || scanner.skipOptional(UInt8(ascii: ";"))
            }
            insert(entryKey, entryValue)
        } while inList && scanner.skipOptional(UInt8(ascii: ","))
        if inList { try scanner.expect(UInt8(ascii: "]")) }
    }
}

extension TextFormatScanner {
    /// An enum value by name or number; a name or number the enum lacks is an error.
    package mutating func readEnum<E: ProtoEnum>(_ type: E.Type) throws -> E {
        let position = error("")
        switch try readEnumToken() {
        case .name(let name):
            guard let value = E(protoName: name) else {
                throw TextFormatDecodingError(
                    line: position.line, column: position.column,
                    message: "unknown enumeration value \"\(name)\" for \(E.self)")
            }
            return value
        case .number(let number):
            guard let value = E(rawValue: number) else {
                throw TextFormatDecodingError(
                    line: position.line, column: position.column,
                    message: "unknown enumeration value \(number) for \(E.self)")
            }
            return value
        }
    }
}
