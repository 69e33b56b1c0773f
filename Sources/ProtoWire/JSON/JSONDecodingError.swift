/// Why JSON input could not be parsed into a message: what went wrong, the JSON path of the
/// value where it happened (`$.artifacts[3].properties.split`), and the byte offset in the input.
public struct JSONDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// The input ends inside a value.
        case truncated
        /// A byte that no JSON value starts or continues with here; the text says what was expected.
        case syntax(String)
        /// A JSON value of the wrong kind for the field, e.g. `expected an object`.
        case expected(String)
        /// A string that is not valid UTF-8, or an escape that is not valid JSON.
        case invalidString(String)
        /// A number that is not valid for the field, e.g. `1.5` for an integer.
        case invalidNumber(String)
        /// A number outside the field's range.
        case numberOutOfRange(String)
        /// An enum name or number the enum does not define.
        case unknownEnumValue(String)
        /// A bytes field that is not base64.
        case invalidBase64
        /// A member name the message does not have (and unknown fields are not ignored).
        case unknownField(message: String, name: String)
        /// The same member twice in one object.
        case duplicateKey(String)
        /// A field given twice (by its JSON name and its proto name), or two members of one oneof.
        case duplicateField(String)
        /// An `Any` without `@type`, or whose type is not in the registry.
        case invalidAny(String)
        /// A `FieldMask` path that has no snake_case form.
        case invalidFieldMask(String)
        /// Objects and arrays nested deeper than the limit.
        case depthLimitExceeded(Int)
        /// Something other than whitespace after the value.
        case trailingData
    }

    /// What went wrong.
    public var kind: Kind
    /// Where in the JSON document: `$` is the top-level value, then `.member` and `[index]`.
    public var path: String
    /// The byte offset in the input where it was found.
    public var offset: Int

    /// Creates an error of `kind` at `path` and byte `offset`.
    public init(_ kind: Kind, path: String, offset: Int) {
        self.kind = kind
        self.path = path
        self.offset = offset
    }

    /// One line, e.g. `$.artifacts[3].properties.split: expected an object at byte 212`.
    public var description: String {
        "\(path): \(reason) at byte \(offset)"
    }

    /// The message without path and offset.
    public var reason: String {
        switch kind {
        case .truncated: return "unexpected end of input"
        case .syntax(let text): return text
        case .expected(let what): return "expected \(what)"
        case .invalidString(let text): return text
        case .invalidNumber(let text): return text
        case .numberOutOfRange(let text): return text
        case .unknownEnumValue(let text): return text
        case .invalidBase64: return "invalid base64 in bytes field"
        case .unknownField(let message, let name): return "message type \(message) has no field named \"\(name)\""
        case .duplicateKey(let name): return "duplicate key \"\(name)\""
        case .duplicateField(let text): return text
        case .invalidAny(let text): return text
        case .invalidFieldMask(let text): return text
        case .depthLimitExceeded(let limit): return "nested more than \(limit) deep"
        case .trailingData: return "unexpected data after the JSON value"
        }
    }
}
