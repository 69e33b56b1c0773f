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

/// The integer field types: JSON numbers, but 64-bit ones as strings (a double cannot hold them all).
public protocol JSONInteger: FixedWidthInteger, JSONScalar, JSONMapKey {
    /// The protobuf type name errors use, e.g. `int64`.
    static var jsonTypeName: String { get }
}

extension JSONInteger {
    /// A JSON number, or a string of digits for a 64-bit integer.
    public func writeJSON(to printer: inout JSONPrinter) { printer.writeRaw(Self.bitWidth == 64 ? "\"\(self)\"" : String(self)) }
    /// A number or a string holding an integer.
    public static func readJSON(from parser: inout JSONParser) throws -> Self { try parser.readInteger(Self.self, jsonTypeName) }
    /// Decimal digits.
    public var jsonMapKey: String { String(self) }
    /// Decimal digits.
    public init?(jsonMapKey: String) {
        guard let value = JSONParser.integerKey(jsonMapKey, as: Self.self) else { return nil }
        self = value
    }
}

extension Int32: JSONInteger {
    /// `int32`.
    public static var jsonTypeName: String { "int32" }
}

extension Int64: JSONInteger {
    /// `int64`.
    public static var jsonTypeName: String { "int64" }
}

extension UInt32: JSONInteger {
    /// `uint32`.
    public static var jsonTypeName: String { "uint32" }
}

extension UInt64: JSONInteger {
    /// `uint64`.
    public static var jsonTypeName: String { "uint64" }
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
