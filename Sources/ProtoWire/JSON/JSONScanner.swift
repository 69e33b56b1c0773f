/// Reads the tokens of a JSON document (RFC 8259) from UTF-8 bytes: whitespace, punctuation,
/// strings, numbers and the three literals. Strict: no comments, no trailing commas, no leading
/// zeros, no control characters in strings, no bare `NaN`. Errors carry the byte offset only;
/// `JSONParser` adds the path.
struct JSONScanner {
    /// What a value starts with.
    enum ValueStart: Equatable {
        case object, array, string, number, bool, null
    }

    /// A number as written: where it is, and whether it has a fraction or an exponent.
    struct NumberToken {
        var start: Int
        var end: Int
        var isInteger: Bool
    }

    let bytes: [UInt8]
    private(set) var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    func failure(_ kind: JSONDecodingError.Kind, at offset: Int? = nil) -> JSONDecodingError {
        JSONDecodingError(kind, path: "", offset: offset ?? self.offset)
    }

    /// Moves back to an offset read before, to read an object a second time (an `Any` whose
    /// `@type` comes after its other members).
    mutating func rewind(to offset: Int) { self.offset = offset }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// Consumes `byte` if it comes next (after whitespace).
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        offset += 1
        return true
    }

    /// What the next value is, from its first byte; an error if no value starts there.
    mutating func peekValueStart() throws(JSONDecodingError) -> ValueStart {
        guard let byte = peek() else { throw failure(.truncated) }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw failure(.syntax("expected a JSON value, found \(Self.describe(byte))"))
        }
    }

    /// Consumes `null` if it comes next.
    mutating func consumeNull() throws(JSONDecodingError) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }

    /// `true` or `false`.
    mutating func readBool() throws(JSONDecodingError) -> Bool {
        if peek() == UInt8(ascii: "t") {
            try readLiteral("true")
            return true
        }
        try readLiteral("false")
        return false
    }

    private mutating func readLiteral(_ word: StaticString) throws(JSONDecodingError) {
        let count = word.utf8CodeUnitCount
        for index in 0..<count {
            guard offset + index < bytes.count else { throw failure(.truncated, at: bytes.count) }
            guard bytes[offset + index] == word.utf8Start[index] else {
                throw failure(.syntax("expected \(word), found \(Self.describe(bytes[offset + index]))"), at: offset + index)
            }
        }
        offset += count
        if offset < bytes.count, Self.isLetter(bytes[offset]) {
            throw failure(.syntax("unexpected \(Self.describe(bytes[offset])) after \(word)"))
        }
    }

    /// Consumes `byte` after whitespace or fails with `expected` (e.g. `"expected ':'"`).
    mutating func expect(_ byte: UInt8, _ expected: String) throws(JSONDecodingError) {
        guard let next = peek() else { throw failure(.truncated) }
        guard next == byte else { throw failure(.syntax("\(expected), found \(Self.describe(next))")) }
        offset += 1
    }

    // MARK: Strings

    /// A string, its escapes decoded; the input must be valid UTF-8 and the escapes must not
    /// leave a surrogate unpaired.
    mutating func readString() throws(JSONDecodingError) -> String {
        let bytes = try readStringBytes()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of a string, escapes decoded.
    mutating func readStringBytes() throws(JSONDecodingError) -> [UInt8] {
        guard let first = peek() else { throw failure(.truncated) }
        guard first == UInt8(ascii: "\"") else { throw failure(.syntax("expected a string, found \(Self.describe(first))")) }
        let start = offset + 1
        var index = start
        var hasEscapes = false
        while true {
            guard index < bytes.count else { throw failure(.truncated, at: bytes.count) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                index += 2
                continue
            }
            if byte < 0x20 { throw failure(.invalidString("control character \(Self.describe(byte)) in a string"), at: index) }
            index += 1
        }
        let end = index
        try validateUTF8(start..<end)
        offset = end + 1
        if !hasEscapes { return Array(bytes[start..<end]) }
        return try unescape(start..<end)
    }

    private func validateUTF8(_ range: Range<Int>) throws(JSONDecodingError) {
        let valid = bytes.withUnsafeBytes { UTF8Validation.isValid(UnsafeRawBufferPointer(rebasing: $0[range])) }
        guard !valid else { return }
        let bad = TextFormatScanner.firstInvalidUTF8(Array(bytes[range]))
        throw failure(.invalidString("invalid UTF-8 in a string"), at: range.lowerBound + bad)
    }

    private func unescape(_ range: Range<Int>) throws(JSONDecodingError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try unicodeEscape(at: index, end: range.upperBound)
                Self.appendUTF8(scalar.value, to: &out)
                index += scalar.value > 0xFFFF ? 12 : 6
                continue
            default:
                throw failure(.invalidString("invalid escape \\\(Self.printable(escape)) in a string"), at: index)
            }
            index += 2
        }
        return out
    }

    /// `\uXXXX` at `index`, or a surrogate pair `\uD8xx\uDCxx`.
    private func unicodeEscape(at index: Int, end: Int) throws(JSONDecodingError) -> Unicode.Scalar {
        guard let high = hex4(at: index + 2, end: end) else {
            throw failure(.invalidString("\\u needs four hex digits"), at: index)
        }
        if let scalar = Unicode.Scalar(high) { return scalar }
        // A surrogate: only a high one followed by an escaped low one makes a character.
        guard high < 0xDC00, index + 12 <= end, bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u"),
            let low = hex4(at: index + 8, end: end), (0xDC00...0xDFFF).contains(low)
        else {
            throw failure(.invalidString("unpaired surrogate in a string"), at: index)
        }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
    }

    private func hex4(at index: Int, end: Int) -> UInt32? {
        guard index + 4 <= end else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Self.hexValue(byte) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: Numbers

    /// A number as JSON writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func readNumber() throws(JSONDecodingError) -> NumberToken {
        skipWhitespace()
        guard let token = Self.scanNumber(bytes, from: offset, to: bytes.count) else {
            throw failure(.invalidNumber("invalid number"))
        }
        offset = token.end
        // `01`, `1.`, `1x`: not a number followed by something else, but a malformed number.
        if offset < bytes.count, Self.isLetter(bytes[offset]) || Self.isDigit(bytes[offset]) || bytes[offset] == UInt8(ascii: ".") {
            throw failure(.invalidNumber("invalid number"), at: token.start)
        }
        return token
    }

    /// The number token of `bytes[start..<end]`, if a valid number starts there.
    static func scanNumber(_ bytes: [UInt8], from start: Int, to end: Int) -> NumberToken? {
        var index = start
        func digits() -> Int {
            let first = index
            while index < end, isDigit(bytes[index]) { index += 1 }
            return index - first
        }
        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else { return nil }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { _ = digits() }
        var isInteger = true
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            isInteger = false
            guard digits() > 0 else { return nil }
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            isInteger = false
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return nil }
        }
        return NumberToken(start: start, end: index, isInteger: isInteger)
    }

    func text(_ token: NumberToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    // MARK: Characters

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `'x'` for a printable ASCII byte, `byte 0xNN` otherwise.
    static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + TextFormatPrinter.hex(UInt64(byte), digits: 2)
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? String(Character(Unicode.Scalar(byte))) : "x" + TextFormatPrinter.hex(UInt64(byte), digits: 2)
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
