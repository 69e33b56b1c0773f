/// A field value type with a JSON form of its own: the integers, bool, the floating-point
/// types, string and bytes. Enums and messages have their own methods on the printer and parser.
public protocol JSONScalar {
    /// Writes the value.
    func writeJSON(to printer: inout JSONPrinter)
    /// Reads a value that is not `null`.
    static func readJSON(from parser: inout JSONParser) throws -> Self
}

/// A map key type: JSON object keys are strings, so integer and bool keys are written as text.
public protocol JSONMapKey: ProtoMapKey {
    /// The key as a JSON object member name.
    var jsonMapKey: String { get }
    /// The key a member name stands for, or nil if it is not one.
    init?(jsonMapKey: String)
}

extension Int32: JSONScalar, JSONMapKey {
    /// A JSON number.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeRaw(String(self)) }
    /// A number or a string holding an integer.
    public static func readJSON(from parser: inout JSONParser) throws -> Int32 { try parser.readInteger(Int32.self, "int32") }
    /// Decimal digits.
    public var jsonMapKey: String { String(self) }
    /// Decimal digits.
    public init?(jsonMapKey: String) {
        guard let value = JSONParser.integerKey(jsonMapKey, as: Self.self) else { return nil }
        self = value
    }
}

extension Int64: JSONScalar, JSONMapKey {
    /// A JSON string: a double cannot hold every 64-bit integer.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeRaw("\"\(self)\"") }
    /// A number or a string holding an integer.
    public static func readJSON(from parser: inout JSONParser) throws -> Int64 { try parser.readInteger(Int64.self, "int64") }
    /// Decimal digits.
    public var jsonMapKey: String { String(self) }
    /// Decimal digits.
    public init?(jsonMapKey: String) {
        guard let value = JSONParser.integerKey(jsonMapKey, as: Self.self) else { return nil }
        self = value
    }
}

extension UInt32: JSONScalar, JSONMapKey {
    /// A JSON number.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeRaw(String(self)) }
    /// A number or a string holding an integer.
    public static func readJSON(from parser: inout JSONParser) throws -> UInt32 { try parser.readInteger(UInt32.self, "uint32") }
    /// Decimal digits.
    public var jsonMapKey: String { String(self) }
    /// Decimal digits.
    public init?(jsonMapKey: String) {
        guard let value = JSONParser.integerKey(jsonMapKey, as: Self.self) else { return nil }
        self = value
    }
}

extension UInt64: JSONScalar, JSONMapKey {
    /// A JSON string: a double cannot hold every 64-bit integer.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeRaw("\"\(self)\"") }
    /// A number or a string holding an integer.
    public static func readJSON(from parser: inout JSONParser) throws -> UInt64 { try parser.readInteger(UInt64.self, "uint64") }
    /// Decimal digits.
    public var jsonMapKey: String { String(self) }
    /// Decimal digits.
    public init?(jsonMapKey: String) {
        guard let value = JSONParser.integerKey(jsonMapKey, as: Self.self) else { return nil }
        self = value
    }
}

extension Bool: JSONScalar, JSONMapKey {
    /// `true` or `false`.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeBool(self) }
    /// `true` or `false`, unquoted.
    public static func readJSON(from parser: inout JSONParser) throws -> Bool { try parser.readBool() }
    /// `"true"` or `"false"`.
    public var jsonMapKey: String { self ? "true" : "false" }
    /// `"true"` or `"false"`.
    public init?(jsonMapKey: String) {
        switch jsonMapKey {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension String: JSONScalar, JSONMapKey {
    /// A JSON string.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeString(self) }
    /// A JSON string.
    public static func readJSON(from parser: inout JSONParser) throws -> String { try parser.readString() }
    /// The string itself.
    public var jsonMapKey: String { self }
    /// The string itself.
    public init?(jsonMapKey: String) { self = jsonMapKey }
}

extension Double: JSONScalar {
    /// A number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeDouble(self) }
    /// A number, a string holding one, or one of the three names.
    public static func readJSON(from parser: inout JSONParser) throws -> Double { try parser.readDouble(isFloat: false) }
}

extension Float: JSONScalar {
    /// A number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeFloat(self) }
    /// A number within float's range, a string holding one, or one of the three names.
    public static func readJSON(from parser: inout JSONParser) throws -> Float { Float(try parser.readDouble(isFloat: true)) }
}

extension Array: JSONScalar where Element == UInt8 {
    /// Base64.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeBytes(self) }
    /// Base64, standard or URL-safe, padded or not.
    public static func readJSON(from parser: inout JSONParser) throws -> [UInt8] { try parser.readBytes() }
}
