/// A protobuf message: a value type that reads and writes the binary and text formats and JSON.
///
/// Generated types implement the six field-level requirements; everything a user calls
/// (`init(serializedBytes:)`, `serializedBytes()`, `textFormatString()`, ...) comes from the
/// extensions below.
public protocol ProtoMessage: Sendable, Equatable {
    /// A message with every field unset.
    init()

    /// The full protobuf name, e.g. `ml_metadata.Artifact`.
    static var protoMessageName: String { get }

    /// The messages an `Any` inside this one may be expanded to in text format.
    static var typeRegistry: ProtoTypeRegistry { get }

    /// Fields this message did not recognise, kept byte for byte.
    var unknownFields: UnknownFields { get set }

    /// Reads fields until the reader's current limit, merging them into this message.
    mutating func decodeFields(from reader: inout BinaryReader) throws

    /// Writes every field backwards: unknown fields first, then known fields by descending number.
    func encodeFields(to writer: inout BinaryWriter)

    /// Prints every set field in field-number order, then unknown fields.
    func printTextFields(to printer: inout TextFormatPrinter)

    /// Parses the value of the field named `name` (the name is already consumed).
    /// Returns false if this message has no such field.
    mutating func parseTextField(named name: String, from parser: inout TextFormatParser) throws -> Bool

    /// Prints every set field as a JSON member, in field-number order (unknown fields have no JSON form).
    func printJSONFields(to printer: inout JSONPrinter) throws

    /// Parses the value of the member `name` (a JSON name or a .proto name) and returns its
    /// field number; returns nil, consuming nothing, if this message has no such field.
    mutating func parseJSONField(named name: String, from parser: inout JSONParser) throws -> Int?
}

extension ProtoMessage {
    /// A message built in one expression: `Value.with { $0.intValue = 3 }`.
    @inlinable
    public static func with(_ populate: (inout Self) throws -> Void) rethrows -> Self {
        var message = Self()
        try populate(&message)
        return message
    }

    /// No types: messages that can hold an `Any` name their registry themselves.
    public static var typeRegistry: ProtoTypeRegistry { ProtoTypeRegistry([]) }

    /// Decodes a message from its binary form.
    ///
    /// - Throws: `BinaryDecodingError` with the byte offset of the problem.
    @inlinable
    public init(serializedBytes bytes: [UInt8], options: BinaryDecodingOptions = BinaryDecodingOptions()) throws {
        self.init()
        try merge(serializedBytes: bytes, options: options)
    }

    /// Decodes a message from raw memory that stays valid during the call.
    @inlinable
    public init(serializedBuffer buffer: UnsafeRawBufferPointer, options: BinaryDecodingOptions = BinaryDecodingOptions()) throws {
        self.init()
        var reader = BinaryReader(buffer: buffer, options: options)
        try decodeFields(from: &reader)
    }

    /// Merges the fields of a binary message into this one, as protobuf's `MergeFromString` does.
    @inlinable
    public mutating func merge(serializedBytes bytes: [UInt8], options: BinaryDecodingOptions = BinaryDecodingOptions()) throws {
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer: buffer, options: options)
            try decodeFields(from: &reader)
        }
    }

    /// The deterministic binary form: known fields by number, map entries by key, unknown fields last.
    @inlinable
    public func serializedBytes() -> [UInt8] {
        var writer = BinaryWriter()
        encodeFields(to: &writer)
        return writer.finish()
    }

    /// The text format as `protoc --decode` prints it; with `expandingAny`, an `Any` whose type
    /// is in `registry` prints as `[type.googleapis.com/NAME] { ... }` instead.
    public func textFormatString(expandingAny: Bool = false, registry: ProtoTypeRegistry = Self.typeRegistry) -> String {
        var printer = TextFormatPrinter(registry: registry, expandsAny: expandingAny)
        printTextFields(to: &printer)
        return printer.finish()
    }

    /// Parses the text format; an expanded `Any` may name any type in `registry`.
    ///
    /// - Throws: `TextFormatDecodingError` with the line and column of the problem.
    public init(textFormatString text: String, registry: ProtoTypeRegistry = Self.typeRegistry) throws {
        self.init()
        var parser = TextFormatParser(text: text, registry: registry)
        try parser.parseMessageFields(into: &self, closing: nil)
    }

    /// Parses the text format from raw bytes, which must be UTF-8.
    public init(textFormatBytes bytes: [UInt8], registry: ProtoTypeRegistry = Self.typeRegistry) throws {
        self.init()
        var parser = TextFormatParser(bytes: bytes, registry: registry)
        try parser.parseMessageFields(into: &self, closing: nil)
    }
}

/// `google.protobuf.Any`, as the text format needs it to read `[type.googleapis.com/NAME] { ... }`,
/// and JSON to print `{"@type": ...}`.
public protocol AnyMessage: JSONSpecialForm {
    /// The type URL, e.g. `type.googleapis.com/ml_metadata.Artifact`.
    var typeURL: String { get set }
    /// The packed message.
    var value: [UInt8] { get set }
}
