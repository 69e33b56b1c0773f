/// A well-known type whose JSON form is not an object of its fields: `Any`, `Struct`, `Value`,
/// `ListValue`, `FieldMask`. The generated well-known types conform through the protocols
/// below, which implement the forms once here.
public protocol JSONSpecialForm: ProtoMessage {
    /// Writes the message's JSON value.
    func printJSONValue(to printer: inout JSONPrinter) throws
    /// Reads the message's JSON value (never called for a `null` unless `acceptsJSONNull`).
    mutating func parseJSONValue(from parser: inout JSONParser) throws
    /// True if `null` is a value of this type (`google.protobuf.Value`) rather than an unset field.
    static var acceptsJSONNull: Bool { get }
}

extension JSONSpecialForm {
    /// `null` leaves the field unset.
    public static var acceptsJSONNull: Bool { false }
}

/// What a `google.protobuf.Value` holds, as the JSON mapping sees it.
public enum JSONValueContent<StructValue, ListValue> {
    /// No member of the oneof: printed as `null`.
    case unset
    case null
    case number(Double)
    case string(String)
    case bool(Bool)
    case structValue(StructValue)
    case listValue(ListValue)
}

/// `google.protobuf.Value`: any JSON value.
public protocol JSONValueMessage: JSONSpecialForm {
    /// `google.protobuf.Struct`.
    associatedtype StructValue: JSONStructMessage
    /// `google.protobuf.ListValue`.
    associatedtype ListValue: JSONListValueMessage
    /// The member of the `kind` oneof.
    var jsonContent: JSONValueContent<StructValue, ListValue> { get set }
}

extension JSONValueMessage {
    /// `null` is the value `null_value`.
    public static var acceptsJSONNull: Bool { true }

    /// The JSON value itself; NaN and the infinities have none (they would read back as strings).
    public func printJSONValue(to printer: inout JSONPrinter) throws {
        switch jsonContent {
        case .unset, .null: printer.writeNull()
        case .number(let number):
            guard number.isFinite else { throw printer.error(.nonFiniteValue) }
            printer.writeDouble(number)
        case .string(let string): printer.writeString(string)
        case .bool(let bool): printer.writeBool(bool)
        case .structValue(let object): try printer.writeMessage(object)
        case .listValue(let list): try printer.writeMessage(list)
        }
    }

    /// Any JSON value.
    public mutating func parseJSONValue(from parser: inout JSONParser) throws {
        switch try parser.peekValueStart() {
        case .object:
            var object = StructValue()
            try parser.readMessageValue(into: &object)
            jsonContent = .structValue(object)
        case .array:
            var list = ListValue()
            try parser.readMessageValue(into: &list)
            jsonContent = .listValue(list)
        case .null:
            _ = try parser.readNull()
            jsonContent = .null
        case .bool: jsonContent = .bool(try parser.readBool())
        case .string: jsonContent = .string(try parser.readString())
        case .number: jsonContent = .number(try parser.readDouble(isFloat: false))
        }
    }
}

/// `google.protobuf.Struct`: a JSON object.
public protocol JSONStructMessage: JSONSpecialForm {
    /// `google.protobuf.Value`.
    associatedtype FieldValue: JSONValueMessage
    /// The members.
    var fields: ProtoMap<String, FieldValue> { get set }
}

extension JSONStructMessage {
    /// An object, members by key.
    public func printJSONValue(to printer: inout JSONPrinter) throws {
        printer.beginObject()
        for (key, value) in fields {
            printer.beginMember(key)
            try printer.writeMessage(value)
            printer.endMember()
        }
        printer.endObject()
    }

    /// An object.
    public mutating func parseJSONValue(from parser: inout JSONParser) throws {
        var fields = ProtoMap<String, FieldValue>()
        try parser.readObject { parser, key, _ in
            var value = FieldValue()
            try parser.readMessageValue(into: &value)
            fields[key] = value
        }
        self.fields = fields
    }
}

/// `google.protobuf.ListValue`: a JSON array.
public protocol JSONListValueMessage: JSONSpecialForm {
    /// `google.protobuf.Value`.
    associatedtype Element: JSONValueMessage
    /// The elements.
    var values: [Element] { get set }
}

extension JSONListValueMessage {
    /// An array.
    public func printJSONValue(to printer: inout JSONPrinter) throws {
        try printer.writeArray(values) { printer, value in try printer.writeMessage(value) }
    }

    /// An array.
    public mutating func parseJSONValue(from parser: inout JSONParser) throws {
        var values: [Element] = []
        try parser.readArray { parser, _ in
            var value = Element()
            try parser.readMessageValue(into: &value)
            values.append(value)
        }
        self.values = values
    }
}

/// `google.protobuf.FieldMask`: one string, the paths in lowerCamelCase joined by commas.
public protocol JSONFieldMaskMessage: JSONSpecialForm {
    /// The paths, in snake_case.
    var paths: [String] { get set }
}

extension JSONFieldMaskMessage {
    /// `"name,customProperties"`; a path with no lowerCamelCase form is an error.
    public func printJSONValue(to printer: inout JSONPrinter) throws {
        var joined: [String] = []
        for path in paths {
            guard let camel = FieldMaskPath.lowerCamel(path) else { throw printer.error(.invalidFieldMaskPath(path)) }
            joined.append(camel)
        }
        printer.writeString(joined.joined(separator: ","))
    }

    /// A string of comma-separated lowerCamelCase paths.
    public mutating func parseJSONValue(from parser: inout JSONParser) throws {
        let start = parser.valueOffset()
        let text = try parser.readString()
        var paths: [String] = []
        if !text.isEmpty {
            for camel in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let path = FieldMaskPath.snake(camel) else {
                    throw parser.error(.invalidFieldMask("FieldMask path \"\(camel)\" contains \"_\""), at: start)
                }
                paths.append(path)
            }
        }
        self.paths = paths
    }
}

/// FieldMask paths between snake_case and lowerCamelCase (ASCII letters only change).
enum FieldMaskPath {
    /// `custom_properties.a_b` → `customProperties.aB`; nil for an upper-case letter, or `_`
    /// not followed by a lower-case letter, which would not read back.
    static func lowerCamel(_ path: String) -> String? {
        var out: [UInt8] = []
        var afterUnderscore = false
        for byte in path.utf8 {
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) { return nil }
            if afterUnderscore {
                guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) else { return nil }
                out.append(byte - 0x20)
                afterUnderscore = false
            } else if byte == UInt8(ascii: "_") {
                afterUnderscore = true
            } else {
                out.append(byte)
            }
        }
        return afterUnderscore ? nil : String(decoding: out, as: UTF8.self)
    }

    /// `customProperties` → `custom_properties`; nil if the path has a `_`.
    static func snake(_ camel: Substring) -> String? {
        var out: [UInt8] = []
        for byte in camel.utf8 {
            if byte == UInt8(ascii: "_") { return nil }
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
                out.append(UInt8(ascii: "_"))
                out.append(byte + 0x20)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
