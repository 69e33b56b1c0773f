extension JSONParser {
    /// An integer: a JSON number with an integral value (`3`, `3.0`, `3e2`), or a string holding
    /// decimal digits (`"3"`, `"-9223372036854775808"`), as 64-bit integers are printed.
    mutating func readInteger<T: FixedWidthInteger>(_ type: T.Type, _ typeName: String) throws -> T {
        let start = try scanToken()
        switch try peekValueStart() {
        case .number:
            let token = try scanNumber()
            return try integer(scanner.text(token), isInteger: token.isInteger, T.self, typeName, at: start)
        case .string:
            let text = try readString()
            let utf8 = Array(text.utf8)
            guard let token = JSONScanner.scanNumber(utf8, from: 0, to: utf8.count), token.end == utf8.count, token.isInteger else {
                throw error(.invalidNumber("\"\(text)\" is not an integer"), at: start)
            }
            return try integer(text, isInteger: true, T.self, typeName, at: start)
        default:
            throw error(.expected("an integer"), at: start)
        }
    }

    private func integer<T: FixedWidthInteger>(
        _ text: String, isInteger: Bool, _ type: T.Type, _ typeName: String, at offset: Int
    )
        throws -> T
    {
        let outOfRange = JSONDecodingError.Kind.numberOutOfRange("\(text) is out of range for \(typeName)")
        if isInteger {
            // "-0" is zero for every type; any other minus sign is out of range for unsigned ones.
            guard let value = T(text) ?? (text == "-0" ? 0 : nil) else { throw located(outOfRange, at: offset) }
            return value
        }
        guard let double = Double(text), double.isFinite else { throw located(outOfRange, at: offset) }
        guard double.rounded(.towardZero) == double else { throw located(.invalidNumber("\(text) is not an integer"), at: offset) }
        guard let value = T(exactly: double) else { throw located(outOfRange, at: offset) }
        return value
    }

    /// A double or float: a number, a string holding one, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
    /// A number beyond the type's range is an error, not an infinity.
    mutating func readDouble(isFloat: Bool) throws -> Double {
        let start = try scanToken()
        let typeName = isFloat ? "float" : "double"
        let text: String
        switch try peekValueStart() {
        case .number:
            let token = try scanNumber()
            // As Python reads JSON: `-0` is the integer 0, so the double +0.0; `-0.0` keeps its sign.
            if token.isInteger, token.end - token.start == 2, scanner.bytes[token.start + 1] == UInt8(ascii: "0") { return 0 }
            text = scanner.text(token)
        case .string:
            text = try readString()
            switch text {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: break
            }
            let utf8 = Array(text.utf8)
            guard let token = JSONScanner.scanNumber(utf8, from: 0, to: utf8.count), token.end == utf8.count else {
                throw error(.invalidNumber("\"\(text)\" is not a number"), at: start)
            }
        default:
            throw error(.expected("a number"), at: start)
        }
        // A float takes whatever rounds to a finite float: printed floats such as 3.4028235e+38 are
        // a little above the largest one.
        guard let value = Double(text), value.isFinite, !isFloat || Float(value).isFinite else {
            throw error(.numberOutOfRange("\(text) is out of range for \(typeName)"), at: start)
        }
        return value
    }

    /// `true` or `false`, unquoted.
    mutating func readBool() throws -> Bool {
        let start = try scanToken()
        guard try peekValueStart() == .bool else { throw error(.expected("true or false"), at: start) }
        return try scanBool()
    }

    /// A string.
    public mutating func readString() throws -> String {
        let start = try scanToken()
        guard try peekValueStart() == .string else { throw error(.expected("a string"), at: start) }
        return try scanString()
    }

    /// Bytes in base64.
    mutating func readBytes() throws -> [UInt8] {
        let start = try scanToken()
        guard try peekValueStart() == .string else { throw error(.expected("a base64 string"), at: start) }
        guard let bytes = Base64.decode(Array(try scanString().utf8)) else { throw error(.invalidBase64, at: start) }
        return bytes
    }

    /// An enum value by name, or by number (a JSON number or a string of digits).
    mutating func readEnumValue<E: ProtoEnum>(_ type: E.Type) throws -> E {
        let start = try scanToken()
        let number: Int32
        switch try peekValueStart() {
        case .string:
            let name = try readString()
            if let value = E(protoName: name) { return value }
            guard let parsed = Self.integerKey(name, as: Int32.self) else {
                throw error(.unknownEnumValue("unknown value \"\(name)\" for enum \(E.self)"), at: start)
            }
            number = parsed
        case .number:
            number = try readInteger(Int32.self, "enum")
        default:
            throw error(.expected("an enum name or number"), at: start)
        }
        guard let value = E(rawValue: number) else {
            throw error(.unknownEnumValue("unknown value \(number) for enum \(E.self)"), at: start)
        }
        return value
    }

    /// The integer a map key or a string stands for: decimal digits with an optional minus sign.
    static func integerKey<T: FixedWidthInteger>(_ key: String, as type: T.Type) -> T? {
        let utf8 = Array(key.utf8)
        guard let token = JSONScanner.scanNumber(utf8, from: 0, to: utf8.count), token.end == utf8.count, token.isInteger else {
            return nil
        }
        return T(key) ?? (key == "-0" ? 0 : nil)
    }

    // MARK: Scanner steps

    private mutating func scanToken() throws -> Int {
        scanner.skipWhitespace()
        if scanner.isAtEnd { throw error(.truncated) }
        return scanner.offset
    }

    private mutating func scanNumber() throws -> JSONScanner.NumberToken {
        try scan { scanner throws(JSONDecodingError) in try scanner.readNumber() }
    }

    private mutating func scanString() throws -> String {
        try scan { scanner throws(JSONDecodingError) in try scanner.readString() }
    }

    private mutating func scanBool() throws -> Bool {
        try scan { scanner throws(JSONDecodingError) in try scanner.readBool() }
    }
}
