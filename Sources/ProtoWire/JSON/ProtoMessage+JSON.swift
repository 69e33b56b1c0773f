extension ProtoMessage {
    /// The proto3 JSON form, as Python's `json_format.MessageToJson` prints it (two-space indent
    /// unless `options` say otherwise); an `Any` may hold any type in `registry`.
    ///
    /// - Throws: `JSONEncodingError` for what JSON cannot express: an `Any` of a type not in
    ///   `registry`, a `Value` holding NaN, a `FieldMask` path with no lowerCamelCase form.
    public func jsonString(
        options: JSONEncodingOptions = JSONEncodingOptions(), registry: ProtoTypeRegistry = Self.typeRegistry
    ) throws
        -> String
    {
        String(decoding: try jsonUTF8Bytes(options: options, registry: registry), as: UTF8.self)
    }

    /// The proto3 JSON form as UTF-8 bytes.
    public func jsonUTF8Bytes(
        options: JSONEncodingOptions = JSONEncodingOptions(), registry: ProtoTypeRegistry = Self.typeRegistry
    ) throws
        -> [UInt8]
    {
        var printer = JSONPrinter(registry: registry, options: options)
        try printer.writeMessage(self)
        return printer.finish()
    }

    /// Parses the proto3 JSON form; an `Any` may name any type in `registry`.
    ///
    /// - Throws: `JSONDecodingError` with the JSON path and byte offset of the problem.
    public init(
        jsonString: String, options: JSONDecodingOptions = JSONDecodingOptions(), registry: ProtoTypeRegistry = Self.typeRegistry
    )
        throws
    {
        try self.init(jsonUTF8Bytes: Array(jsonString.utf8), options: options, registry: registry)
    }

    /// Parses the proto3 JSON form from UTF-8 bytes.
    public init(
        jsonUTF8Bytes bytes: [UInt8], options: JSONDecodingOptions = JSONDecodingOptions(), registry: ProtoTypeRegistry = Self.typeRegistry
    )
        throws
    {
        self.init()
        var parser = JSONParser(bytes: bytes, registry: registry, options: options)
        try parser.parseDocument(into: &self)
    }
}
