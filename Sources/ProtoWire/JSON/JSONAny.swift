/// `google.protobuf.Any` in JSON: `{"@type": URL, ...}` with the packed message's members
/// beside `@type`, or its special form under `"value"` for a well-known type. The type comes
/// from the registry by the name after the URL's last `/`.
extension AnyMessage {
    /// `{}` for an empty Any; an error if the type is not in the registry or the value does not decode.
    public func printJSONValue(to printer: inout JSONPrinter) throws {
        if typeURL.isEmpty && value.isEmpty {
            printer.beginObject()
            printer.endObject()
            return
        }
        guard let type = printer.registry.type(named: Self.typeName(typeURL)) else { throw printer.error(.unknownAnyType(typeURL)) }
        try printer.writeAny(type, typeURL: typeURL, value: value)
    }

    /// An object with `@type` anywhere among its members, or `{}`.
    public mutating func parseJSONValue(from parser: inout JSONParser) throws {
        let start = parser.valueOffset()
        guard let url = try parser.peekMember("@type") else {
            // `{}` is the empty Any; anything else needs its type.
            guard parser.consumeEmptyObject() else { throw parser.error(.invalidAny("Any has no \"@type\""), at: start) }
            return
        }
        guard let type = parser.registry.type(named: Self.typeName(url)) else {
            throw parser.error(.invalidAny("Any type \"\(url)\" is not in the registry"), at: start)
        }
        value = try parser.readAnyContents(type)
        typeURL = url
    }

    /// The full message name of a type URL: what follows its last `/`.
    static func typeName(_ url: String) -> String {
        url.lastIndex(of: "/").map { String(url[url.index(after: $0)...]) } ?? url
    }
}

extension JSONPrinter {
    mutating func writeAny<M: ProtoMessage>(_ type: M.Type, typeURL: String, value: [UInt8]) throws {
        guard let message = try? M(serializedBytes: value) else { throw error(.undecodableAny(typeURL)) }
        beginObject()
        beginMember("@type")
        writeString(typeURL)
        endMember()
        if message is any JSONSpecialForm {
            beginMember("value")
            try writeMessage(message)
            endMember()
        } else {
            try message.printJSONFields(to: &self)
        }
        endObject()
    }
}

extension JSONParser {
    /// The string value of member `name` of the object that comes next, read ahead without
    /// consuming anything; nil if the object has no such member.
    mutating func peekMember(_ name: String) throws -> String? {
        let start = valueOffset()
        defer { scanner.rewind(to: start) }
        var found: String?
        try readObject { parser, key, _ in
            if key == name { found = try parser.readString() } else { try parser.skipValue() }
        }
        return found
    }

    /// Consumes `{}` if it comes next.
    mutating func consumeEmptyObject() -> Bool {
        let start = valueOffset()
        if scanner.consume(UInt8(ascii: "{")), scanner.consume(UInt8(ascii: "}")) { return true }
        scanner.rewind(to: start)
        return false
    }

    /// The members of an Any (other than `@type`) as a message of `type`, in binary.
    mutating func readAnyContents<M: ProtoMessage>(_ type: M.Type) throws -> [UInt8] {
        var message = M()
        guard message is any JSONSpecialForm else {
            try readFields(into: &message, skipping: "@type")
            return message.serializedBytes()
        }
        try readObject { parser, key, keyOffset in
            switch key {
            case "@type": try parser.skipValue()
            case "value": try parser.readMessageValue(into: &message)
            default:
                guard parser.options.ignoreUnknownFields else {
                    throw parser.error(.unknownField(message: M.protoMessageName, name: key), at: keyOffset)
                }
                try parser.skipValue()
            }
        }
        return message.serializedBytes()
    }
}
