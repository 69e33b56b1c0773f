/// Prints messages in the protobuf text format, byte for byte as `protoc --decode` does:
/// fields in number order, map entries by key, two-space indent, C escapes with octal for
/// non-printable and non-ASCII bytes. Like protoc, it prints an `Any` as its two raw fields
/// unless asked to expand it.
public struct TextFormatPrinter {
    @usableFromInline var output: [UInt8] = []
    @usableFromInline var indentLevel = 0
    /// Types an `Any` may be expanded to.
    public let registry: ProtoTypeRegistry
    /// Print an `Any` whose type is in `registry` as `[type.googleapis.com/NAME] { ... }`.
    public var expandsAny: Bool

    /// A printer; with `expandsAny`, `Any` values whose type is in `registry` are expanded.
    public init(registry: ProtoTypeRegistry, expandsAny: Bool = false) {
        self.registry = registry
        self.expandsAny = expandsAny
    }

    /// The text printed so far.
    public func finish() -> String { String(decoding: output, as: UTF8.self) }

    @usableFromInline
    mutating func startLine(_ name: String) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indentLevel * 2))
        output.append(contentsOf: name.utf8)
    }

    @usableFromInline
    mutating func scalarLine(_ name: String, _ text: String) {
        startLine(name)
        output.append(contentsOf: ": ".utf8)
        output.append(contentsOf: text.utf8)
        output.append(UInt8(ascii: "\n"))
    }

    // MARK: Scalars

    /// `name: 42`
    public mutating func printField(_ name: String, _ value: Int64) { scalarLine(name, String(value)) }
    /// `name: 42`
    public mutating func printField(_ name: String, _ value: Int32) { scalarLine(name, String(value)) }
    /// `name: 42`
    public mutating func printField(_ name: String, _ value: UInt64) { scalarLine(name, String(value)) }
    /// `name: 42`
    public mutating func printField(_ name: String, _ value: UInt32) { scalarLine(name, String(value)) }
    /// `name: true`
    public mutating func printField(_ name: String, _ value: Bool) { scalarLine(name, value ? "true" : "false") }
    /// `name: 0.1`, `name: 1e-07`, `name: inf`
    public mutating func printField(_ name: String, _ value: Double) { scalarLine(name, FloatingPointText.format(value)) }
    /// `name: 0.1`
    public mutating func printField(_ name: String, _ value: Float) { scalarLine(name, FloatingPointText.format(value)) }
    /// `name: "escaped"`
    public mutating func printField(_ name: String, _ value: String) { printBytesField(name, Array(value.utf8)) }

    /// `name: "escaped"`
    public mutating func printBytesField(_ name: String, _ value: [UInt8]) {
        startLine(name)
        output.append(contentsOf: ": \"".utf8)
        Self.appendEscaped(value, to: &output)
        output.append(contentsOf: "\"\n".utf8)
    }

    /// `name: NAME` for an enum value.
    public mutating func printEnumField<E: ProtoEnum>(_ name: String, _ value: E) { scalarLine(name, value.protoName) }

    // MARK: Messages

    /// `name {` and one more level of indent.
    public mutating func beginMessage(_ name: String) {
        startLine(name)
        output.append(contentsOf: " {\n".utf8)
        indentLevel += 1
    }

    /// `}` at the enclosing indent.
    public mutating func endMessage() {
        indentLevel -= 1
        startLine("}")
        output.append(UInt8(ascii: "\n"))
    }

    /// A nested message: `name {`, its fields, `}`.
    public mutating func printMessageField<M: ProtoMessage>(_ name: String, _ value: M) {
        beginMessage(name)
        value.printTextFields(to: &self)
        endMessage()
    }

    /// Prints an `Any` as `[type.googleapis.com/NAME] { ... }` if its type is known and its value
    /// parses; returns false (printing nothing) otherwise, so the caller prints the raw fields.
    public mutating func printExpandedAny(typeURL: String, value: [UInt8]) -> Bool {
        guard expandsAny else { return false }
        // protoc expands only these two prefixes, and only for a name after the last '/'.
        guard let slash = typeURL.lastIndex(of: "/") else { return false }
        let prefix = typeURL[...slash]
        let fullName = String(typeURL[typeURL.index(after: slash)...])
        guard !fullName.isEmpty, prefix == "type.googleapis.com/" || prefix == "type.googleprod.com/",
            let type = registry.type(named: fullName)
        else { return false }
        return printExpanded(type, typeURL: typeURL, value: value)
    }

    private mutating func printExpanded<M: ProtoMessage>(_ type: M.Type, typeURL: String, value: [UInt8]) -> Bool {
        guard let message = try? M(serializedBytes: value) else { return false }
        printMessageField("[\(typeURL)]", message)
        return true
    }

    // MARK: Unknown fields

    /// Unknown fields by number: varints in decimal, fixed values in hex, length-delimited values
    /// as nested messages when they parse as such and as strings otherwise (protoc's rules).
    public mutating func printUnknownFields(_ fields: UnknownFields) {
        guard !fields.isEmpty, let parsed = UnknownFieldList(fields.bytes) else { return }
        printUnknown(parsed, budget: 10)
    }

    private mutating func printUnknown(_ list: UnknownFieldList, budget: Int) {
        for field in list.fields {
            let name = String(field.number)
            switch field.value {
            case .varint(let value): scalarLine(name, String(value))
            case .fixed32(let value): scalarLine(name, "0x" + Self.hex(UInt64(value), digits: 8))
            case .fixed64(let value): scalarLine(name, "0x" + Self.hex(value, digits: 16))
            case .lengthDelimited(let bytes):
                if budget > 0, !bytes.isEmpty, let nested = UnknownFieldList(bytes, depth: budget) {
                    beginMessage(name)
                    printUnknown(nested, budget: budget - 1)
                    endMessage()
                } else {
                    printBytesField(name, bytes)
                }
            case .group(let nested):
                beginMessage(name)
                printUnknown(UnknownFieldList(fields: nested), budget: budget - 1)
                endMessage()
            }
        }
    }

    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }

    /// C-style escapes as C++ `CEscape` writes them.
    static func appendEscaped(_ bytes: [UInt8], to output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: #"\'"#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case 0x20..<0x7f: output.append(byte)
            default:
                output.append(UInt8(ascii: "\\"))
                output.append(UInt8(ascii: "0") + (byte >> 6))
                output.append(UInt8(ascii: "0") + ((byte >> 3) & 7))
                output.append(UInt8(ascii: "0") + (byte & 7))
            }
        }
    }
}
