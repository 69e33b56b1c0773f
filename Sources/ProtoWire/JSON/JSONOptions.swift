/// How the JSON parser treats what the message does not define, and its limits.
public struct JSONDecodingOptions: Sendable {
    /// Skip members the message has no field for, instead of failing on them.
    public var ignoreUnknownFields = false
    /// How deep objects and arrays may nest, as for the binary decoder.
    public var depthLimit = 100

    /// Unknown fields are errors; nesting is limited to 100.
    public init(ignoreUnknownFields: Bool = false) {
        self.ignoreUnknownFields = ignoreUnknownFields
    }
}

/// How the JSON printer lays out its output.
public struct JSONEncodingOptions: Sendable {
    /// Spaces per level, with one member or element per line, as Python's
    /// `json_format.MessageToJson` prints (2 there); nil prints everything on one line without spaces.
    public var indent: Int? = 2

    /// Two-space indent, as `MessageToJson` prints.
    public init(indent: Int? = 2) {
        self.indent = indent
    }
}
