/// Parses the proto3 JSON mapping into messages. Generated `parseJSONField(named:from:)` methods
/// call the `read…` methods here for the value of each member they know; everything else (objects,
/// arrays, duplicate keys, unknown members, nesting depth, the error's path) is handled here.
///
/// Accepts what protobuf accepts: JSON names and .proto names, 64-bit integers as numbers or
/// strings, integral numbers such as `1e3` for integers, enums by name or number, bytes in either
/// base64 alphabet with or without padding, `"NaN"`, `"Infinity"`, `"-Infinity"`, and `null` for an
/// unset field.
public struct JSONParser {
    var scanner: JSONScanner
    /// Types an `Any` may hold.
    public let registry: ProtoTypeRegistry
    let options: JSONDecodingOptions
    private var path: [JSONPathComponent] = []
    private var depth = 0

    /// A parser over UTF-8 `bytes`.
    public init(bytes: [UInt8], registry: ProtoTypeRegistry, options: JSONDecodingOptions = JSONDecodingOptions()) {
        scanner = JSONScanner(bytes: bytes)
        self.registry = registry
        self.options = options
    }

    /// An error of `kind` at the current path, at `offset` or the next token.
    public mutating func error(_ kind: JSONDecodingError.Kind, at offset: Int? = nil) -> JSONDecodingError {
        JSONDecodingError(kind, path: JSONPathComponent.render(path), offset: offset ?? valueOffset())
    }

    func located(_ error: JSONDecodingError) -> JSONDecodingError {
        located(error.kind, at: error.offset)
    }

    func located(_ kind: JSONDecodingError.Kind, at offset: Int) -> JSONDecodingError {
        JSONDecodingError(kind, path: JSONPathComponent.render(path), offset: offset)
    }

    /// Runs a scanner step, giving its error the current path.
    mutating func scan<T>(_ body: (inout JSONScanner) throws(JSONDecodingError) -> T) throws -> T {
        do { return try body(&scanner) } catch { throw located(error) }
    }

    /// Where the next token starts.
    mutating func valueOffset() -> Int {
        scanner.skipWhitespace()
        return scanner.offset
    }

    /// What the next value is.
    public mutating func peekValueStart() throws -> JSONValueStart {
        switch try scan({ scanner throws(JSONDecodingError) in try scanner.peekValueStart() }) {
        case .object: return .object
        case .array: return .array
        case .string: return .string
        case .number: return .number
        case .bool: return .bool
        case .null: return .null
        }
    }

    // MARK: Documents and messages

    /// One message filling the whole input (whitespace aside).
    public mutating func parseDocument<M: ProtoMessage>(into message: inout M) throws {
        try readMessageValue(into: &message)
        guard valueOffset() == scanner.bytes.count else { throw error(.trailingData) }
    }

    /// A message that is not `null`: the special form of a well-known type, or an object of fields.
    public mutating func readMessageValue<M: ProtoMessage>(into message: inout M) throws {
        if var special = message as? any JSONSpecialForm {
            try special.parseJSONValue(from: &self)
            message = special as! M
            return
        }
        try readFields(into: &message, skipping: nil)
    }

    /// The members of an object as fields of `message`; a member named `skipped` is passed over.
    mutating func readFields<M: ProtoMessage>(into message: inout M, skipping skipped: String?) throws {
        var seen: [Int: String] = [:]
        try readObject { parser, key, keyOffset in
            if key == skipped { return try parser.skipValue() }
            guard let number = try message.parseJSONField(named: key, from: &parser) else {
                guard parser.options.ignoreUnknownFields else {
                    throw parser.error(.unknownField(message: M.protoMessageName, name: key), at: keyOffset)
                }
                return try parser.skipValue()
            }
            if let earlier = seen.updateValue(key, forKey: number) {
                throw parser.error(.duplicateField("field \"\(key)\" is also given as \"\(earlier)\""), at: keyOffset)
            }
        }
    }

    // MARK: Objects and arrays

    /// An object, calling `member` with each member's name and offset, the parser at its value.
    /// A name given twice is an error.
    public mutating func readObject(_ member: (inout JSONParser, String, Int) throws -> Void) throws {
        try open(UInt8(ascii: "{"), "an object")
        if scanner.consume(UInt8(ascii: "}")) { return close() }
        var keys: Set<String> = []
        repeat {
            let keyOffset = valueOffset()
            guard scanner.peek() == UInt8(ascii: "\"") else {
                throw scanner.isAtEnd ? error(.truncated) : error(.syntax("expected a member name in double quotes"))
            }
            let key = try scan { scanner throws(JSONDecodingError) in try scanner.readString() }
            path.append(.member(key))
            guard keys.insert(key).inserted else { throw error(.duplicateKey(key), at: keyOffset) }
            try scan { scanner throws(JSONDecodingError) in try scanner.expect(UInt8(ascii: ":"), "expected ':' after the member name") }
            try member(&self, key, keyOffset)
            path.removeLast()
        } while try another(closing: UInt8(ascii: "}"), "expected ',' or '}' after a member")
        close()
    }

    /// An array, calling `element` with each element's index, the parser at its value.
    public mutating func readArray(_ element: (inout JSONParser, Int) throws -> Void) throws {
        try open(UInt8(ascii: "["), "an array")
        if scanner.consume(UInt8(ascii: "]")) { return close() }
        var index = 0
        repeat {
            path.append(.index(index))
            try element(&self, index)
            path.removeLast()
            index += 1
        } while try another(closing: UInt8(ascii: "]"), "expected ',' or ']' after an element")
        close()
    }

    private mutating func open(_ byte: UInt8, _ what: String) throws {
        let offset = valueOffset()
        guard let next = scanner.peek() else { throw error(.truncated) }
        guard next == byte else {
            _ = try peekValueStart()
            throw error(.expected(what), at: offset)
        }
        guard depth < options.depthLimit else { throw error(.depthLimitExceeded(options.depthLimit), at: offset) }
        depth += 1
        _ = scanner.consume(byte)
    }

    private mutating func close() { depth -= 1 }

    /// After a member or element: true after `,`, false after the closing byte.
    private mutating func another(closing: UInt8, _ expected: String) throws -> Bool {
        if scanner.consume(UInt8(ascii: ",")) { return true }
        if scanner.consume(closing) { return false }
        if scanner.isAtEnd { throw error(.truncated) }
        throw error(.syntax(expected))
    }

    /// Skips one value of any kind (an unknown field's).
    public mutating func skipValue() throws {
        switch try peekValueStart() {
        case .object: try readObject { parser, _, _ in try parser.skipValue() }
        case .array: try readArray { parser, _ in try parser.skipValue() }
        case .string: _ = try scan { scanner throws(JSONDecodingError) in try scanner.readStringBytes() }
        case .number: _ = try scan { scanner throws(JSONDecodingError) in try scanner.readNumber() }
        case .bool: _ = try readBool()
        case .null: _ = try readNull()
        }
    }

    // MARK: Field values

    /// Consumes `null` if it comes next: an unset field.
    public mutating func readNull() throws -> Bool {
        try scan { scanner throws(JSONDecodingError) in try scanner.consumeNull() }
    }

    private mutating func refuseNull() throws {
        if scanner.peek() == UInt8(ascii: "n") { throw error(.expected("a value, not null, in a repeated field or map")) }
    }

    /// A singular scalar field; nil for `null`.
    public mutating func read<T: JSONScalar>(_ type: T.Type) throws -> T? {
        try readNull() ? nil : try T.readJSON(from: &self)
    }

    /// A repeated scalar field: an array (`null` is empty).
    public mutating func readRepeated<T: JSONScalar>(_ type: T.Type) throws -> [T] {
        try readList { parser in
            try parser.refuseNull()
            return try T.readJSON(from: &parser)
        }
    }

    /// A map field with scalar values: an object (`null` is empty).
    public mutating func readMap<K: JSONMapKey, V: JSONScalar>(_ key: K.Type, _ value: V.Type) throws -> ProtoMap<K, V> {
        try readEntries { parser in
            try parser.refuseNull()
            return try V.readJSON(from: &parser)
        }
    }

    /// A singular enum field; nil for `null`.
    public mutating func readEnum<E: ProtoEnum>(_ type: E.Type) throws -> E? {
        try readNull() ? nil : try readEnumValue(E.self)
    }

    /// A repeated enum field.
    public mutating func readRepeatedEnum<E: ProtoEnum>(_ type: E.Type) throws -> [E] {
        try readList { parser in
            try parser.refuseNull()
            return try parser.readEnumValue(E.self)
        }
    }

    /// A map field with enum values.
    public mutating func readEnumMap<K: JSONMapKey, E: ProtoEnum>(_ key: K.Type, _ value: E.Type) throws -> ProtoMap<K, E> {
        try readEntries { parser in
            try parser.refuseNull()
            return try parser.readEnumValue(E.self)
        }
    }

    /// A singular message field; nil for `null`, except for `google.protobuf.Value`, which holds it.
    public mutating func readMessage<M: ProtoMessage>(_ type: M.Type) throws -> M? {
        if !Self.acceptsNull(M.self), try readNull() { return nil }
        var message = M()
        try readMessageValue(into: &message)
        return message
    }

    /// A repeated message field.
    public mutating func readRepeatedMessage<M: ProtoMessage>(_ type: M.Type) throws -> [M] {
        try readList { parser in
            if !Self.acceptsNull(M.self) { try parser.refuseNull() }
            var message = M()
            try parser.readMessageValue(into: &message)
            return message
        }
    }

    /// A map field with message values.
    public mutating func readMessageMap<K: JSONMapKey, M: ProtoMessage>(_ key: K.Type, _ value: M.Type) throws -> ProtoMap<K, M> {
        try readEntries { parser in
            if !Self.acceptsNull(M.self) { try parser.refuseNull() }
            var message = M()
            try parser.readMessageValue(into: &message)
            return message
        }
    }

    /// Fails if another member of the oneof `name` was given already, unless this value is
    /// `null`, which sets nothing.
    public mutating func checkOneof(_ name: String, alreadySet: Bool) throws {
        guard alreadySet, scanner.peek() != UInt8(ascii: "n") else { return }
        throw error(.duplicateField("oneof \"\(name)\" has more than one member"))
    }

    private static func acceptsNull<M: ProtoMessage>(_ type: M.Type) -> Bool {
        (type as? any JSONSpecialForm.Type)?.acceptsJSONNull ?? false
    }

    private mutating func readList<T>(_ element: (inout JSONParser) throws -> T) throws -> [T] {
        var values: [T] = []
        if try readNull() { return values }
        try readArray { parser, _ in values.append(try element(&parser)) }
        return values
    }

    private mutating func readEntries<K: JSONMapKey, V>(_ value: (inout JSONParser) throws -> V) throws -> ProtoMap<K, V> {
        var map = ProtoMap<K, V>()
        if try readNull() { return map }
        try readObject { parser, key, keyOffset in
            guard let mapKey = K(jsonMapKey: key) else {
                throw parser.error(.invalidNumber("\"\(key)\" is not a key of this map (\(K.self))"), at: keyOffset)
            }
            map[mapKey] = try value(&parser)
        }
        return map
    }
}

/// What a JSON value starts with.
public enum JSONValueStart: Sendable {
    case object, array, string, number, bool, null
}
