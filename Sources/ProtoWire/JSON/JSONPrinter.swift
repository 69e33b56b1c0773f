/// Prints messages in the proto3 JSON mapping, as Python's `json_format.MessageToJson` does:
/// members in field-number order under their JSON names, map entries by key, 64-bit integers as
/// strings, enums by name, bytes in base64, and the well-known types in their own forms.
/// Generated `printJSONFields(to:)` methods call the `print…Field` methods here.
public struct JSONPrinter {
    var output: [UInt8] = []
    /// Types an `Any` may hold.
    public let registry: ProtoTypeRegistry
    private let indent: Int?
    /// For each open object or array, whether it has a member or element yet.
    private var containers: [Bool] = []
    private var path: [JSONPathComponent] = []
    /// Messages are printed recursively, and an `Any` can hold an `Any`: this bounds the recursion.
    private var messageDepth = 0
    private static let messageDepthLimit = 200

    /// A printer; `indent` as in `JSONEncodingOptions`.
    public init(registry: ProtoTypeRegistry, options: JSONEncodingOptions = JSONEncodingOptions()) {
        self.registry = registry
        self.indent = options.indent
    }

    /// The text printed so far.
    public func finish() -> [UInt8] { output }

    /// An error at the member being printed.
    public func error(_ kind: JSONEncodingError.Kind) -> JSONEncodingError {
        JSONEncodingError(kind, path: JSONPathComponent.render(path))
    }

    // MARK: Structure

    /// `{`, for a message or map.
    public mutating func beginObject() {
        output.append(UInt8(ascii: "{"))
        containers.append(false)
    }

    /// `}`, on its own line when the object has members and the output is indented.
    public mutating func endObject() { endContainer(UInt8(ascii: "}")) }

    /// `[`.
    public mutating func beginArray() {
        output.append(UInt8(ascii: "["))
        containers.append(false)
    }

    /// `]`.
    public mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    /// A member name and its colon; the value follows. Call `endMember()` after the value.
    public mutating func beginMember(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &output)
        output.append(UInt8(ascii: ":"))
        if indent != nil { output.append(UInt8(ascii: " ")) }
        path.append(.member(name))
    }

    /// Ends the member `beginMember` started.
    public mutating func endMember() { path.removeLast() }

    /// Starts element `index` of an array; call `endElement()` after the value.
    public mutating func beginElement(_ index: Int) {
        separate()
        path.append(.index(index))
    }

    /// Ends the element `beginElement` started.
    public mutating func endElement() { path.removeLast() }

    private mutating func separate() {
        if containers[containers.count - 1] { output.append(UInt8(ascii: ",")) }
        containers[containers.count - 1] = true
        newline(level: containers.count)
    }

    private mutating func endContainer(_ closing: UInt8) {
        if containers.removeLast() { newline(level: containers.count) }
        output.append(closing)
    }

    private mutating func newline(level: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    // MARK: Values

    /// `null`.
    public mutating func writeNull() { output.append(contentsOf: "null".utf8) }

    /// `true` or `false`.
    public mutating func writeBool(_ value: Bool) { output.append(contentsOf: (value ? "true" : "false").utf8) }

    /// A JSON string.
    public mutating func writeString(_ value: String) { Self.appendQuoted(value, to: &output) }

    /// A number or string exactly as given (already JSON).
    mutating func writeRaw(_ text: String) { output.append(contentsOf: text.utf8) }

    /// A double: a number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    public mutating func writeDouble(_ value: Double) {
        if let special = Self.nonFiniteName(value) { writeString(special) } else { writeRaw(JSONNumberText.double(value)) }
    }

    /// A float, with the fewest digits that read back to it.
    public mutating func writeFloat(_ value: Float) {
        if let special = Self.nonFiniteName(Double(value)) { writeString(special) } else { writeRaw(JSONNumberText.float(value)) }
    }

    static func nonFiniteName(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return nil
    }

    /// Bytes in base64.
    public mutating func writeBytes(_ value: [UInt8]) {
        output.append(UInt8(ascii: "\""))
        Base64.encode(value, into: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// An enum by name; a number the enum does not name prints as that number.
    public mutating func writeEnum<E: ProtoEnum>(_ value: E) {
        if E.allCases.contains(value) { writeString(value.protoName) } else { writeRaw(String(value.rawValue)) }
    }

    /// A message: its special form for the well-known types that have one, else an object of its fields.
    public mutating func writeMessage<M: ProtoMessage>(_ value: M) throws {
        guard messageDepth < Self.messageDepthLimit else { throw error(.depthLimitExceeded) }
        messageDepth += 1
        defer { messageDepth -= 1 }
        if let special = value as? any JSONSpecialForm {
            try special.printJSONValue(to: &self)
            return
        }
        beginObject()
        try value.printJSONFields(to: &self)
        endObject()
    }

    // MARK: Fields

    /// A singular scalar field.
    public mutating func printField<T: JSONScalar>(_ name: String, _ value: T) {
        beginMember(name)
        value.writeJSON(to: &self)
        endMember()
    }

    /// A repeated scalar field, unless empty.
    public mutating func printRepeatedField<T: JSONScalar>(_ name: String, _ values: [T]) {
        printArray(name, values) { printer, value in value.writeJSON(to: &printer) }
    }

    /// A map field with scalar values, unless empty.
    public mutating func printMapField<K: JSONMapKey, V: JSONScalar>(_ name: String, _ map: ProtoMap<K, V>) {
        printObject(name, map) { printer, value in value.writeJSON(to: &printer) }
    }

    /// A singular enum field.
    public mutating func printEnumField<E: ProtoEnum>(_ name: String, _ value: E) {
        beginMember(name)
        writeEnum(value)
        endMember()
    }

    /// A repeated enum field, unless empty.
    public mutating func printRepeatedEnumField<E: ProtoEnum>(_ name: String, _ values: [E]) {
        printArray(name, values) { printer, value in printer.writeEnum(value) }
    }

    /// A map field with enum values, unless empty.
    public mutating func printEnumMapField<K: JSONMapKey, E: ProtoEnum>(_ name: String, _ map: ProtoMap<K, E>) {
        printObject(name, map) { printer, value in printer.writeEnum(value) }
    }

    /// A singular message field.
    public mutating func printMessageField<M: ProtoMessage>(_ name: String, _ value: M) throws {
        beginMember(name)
        try writeMessage(value)
        endMember()
    }

    /// A repeated message field, unless empty.
    public mutating func printRepeatedMessageField<M: ProtoMessage>(_ name: String, _ values: [M]) throws {
        try printArray(name, values) { printer, value in try printer.writeMessage(value) }
    }

    /// A map field with message values, unless empty.
    public mutating func printMessageMapField<K: JSONMapKey, M: ProtoMessage>(_ name: String, _ map: ProtoMap<K, M>) throws {
        try printObject(name, map) { printer, value in try printer.writeMessage(value) }
    }

    private mutating func printArray<T>(_ name: String, _ values: [T], _ write: (inout JSONPrinter, T) throws -> Void) rethrows {
        guard !values.isEmpty else { return }
        beginMember(name)
        try writeArray(values, write)
        endMember()
    }

    private mutating func printObject<K: JSONMapKey, V>(
        _ name: String, _ map: ProtoMap<K, V>, _ write: (inout JSONPrinter, V) throws -> Void
    )
        rethrows
    {
        guard !map.isEmpty else { return }
        beginMember(name)
        beginObject()
        for (key, value) in map {
            beginMember(key.jsonMapKey)
            try write(&self, value)
            endMember()
        }
        endObject()
        endMember()
    }

    /// An array of `values`, each written by `write`.
    public mutating func writeArray<T>(_ values: [T], _ write: (inout JSONPrinter, T) throws -> Void) rethrows {
        beginArray()
        for (index, value) in values.enumerated() {
            beginElement(index)
            try write(&self, value)
            endElement()
        }
        endArray()
    }

    // MARK: Strings

    /// `text` as a JSON string, quotes included, escaped as this printer escapes strings.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or
    /// `\u00XX` (lower-case hex), everything else as its UTF-8 bytes, as Python's `json.dumps`
    /// writes with `ensure_ascii=False`.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20: out.append(contentsOf: (#"\u00"# + TextFormatPrinter.hex(UInt64(byte), digits: 2)).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
