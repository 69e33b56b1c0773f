/// A tokenizer for the protobuf text format, following the rules of the C++
/// `google::protobuf::TextFormat` parser (protobuf 3.21) and its `io::Tokenizer`.
///
/// The scanner works on the UTF-8 bytes of the input. Every `read…` method first
/// skips whitespace (space, `\t`, `\n`, `\r`, `\v`, `\f`) and `#` comments (to the
/// end of the line), then reads one value. Errors carry the 1-based line and
/// column (in bytes) of the offending text.
///
/// A read that throws consumes nothing but the whitespace before the value, so `error(_:)`
/// afterwards points at the start of the rejected value.
///
/// Rules worth knowing (all checked against `protoc` 3.21):
/// - A `-` sign is a separate token: `- 5` and `-` `# comment` newline `5` are both -5.
/// - Integers: decimal, `0x`/`0X` hex, or octal when they start with `0`
///   (`08` is an error). A number directly followed by a letter or `_`
///   (`5abc`, `0x1fg`) is an error.
/// - Unsigned readers reject any `-`, even `-0`.
/// - Doubles accept decimal integers (even beyond `UInt64.max`) and float
///   literals (`1.`, `.5`, `1e5`, `1.5f`), and case-insensitive `inf`,
///   `infinity`, `nan`, but not hex or octal integers (`0x10`, `010`, `00`).
/// - Floats are read as doubles, then rounded to `Float`.
/// - `\ooo` octal escapes keep only the low 8 bits (`\777` is `0xFF`).
/// - A `\u` high surrogate directly followed by a `\u` low surrogate is
///   combined into one code point; lone surrogates and code points above
///   `0x10FFFF` are errors.
@usableFromInline
package struct TextFormatScanner {
    /// The input.
    private let bytes: [UInt8]
    /// Offset of the first invalid UTF-8 sequence in `bytes`, or `bytes.count`.
    /// No scan moves past it; a read that starts at it throws "invalid UTF-8".
    private let limit: Int
    /// Current offset.
    private var pos: Int = 0
    /// 1-based line number of `pos`, and the offset where that line starts. Only whitespace
    /// skipping crosses newlines (a raw newline in a string is an error), so only it updates these.
    private var line: Int = 1
    private var lineStart: Int = 0

    package init(_ text: String) {
        self.bytes = Array(text.utf8)
        self.limit = bytes.count
    }

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        self.limit = TextFormatScanner.firstInvalidUTF8(bytes)
    }

    // MARK: - Position and errors

    /// True when only whitespace and comments remain.
    package var isAtEnd: Bool {
        mutating get {
            skipWhitespaceAndComments()
            return pos >= bytes.count
        }
    }

    /// An error located at the start of the next token.
    package func error(_ message: String) -> TextFormatDecodingError {
        makeError(at: whitespaceEnd(from: pos), message)
    }

    /// An error `expected <what>, found <next token>` located at the start of the next token.
    package func errorExpected(_ what: String) -> TextFormatDecodingError {
        unexpected(what, at: whitespaceEnd(from: pos))
    }

    package mutating func skipWhitespaceAndComments() {
        var p = pos
        while p < limit {
            let c = bytes[p]
            if c == 0x0A {
                p += 1
                line += 1
                lineStart = p
            } else if c == 0x20 || (c >= 0x09 && c <= 0x0D) {  // space \t \v \f \r
                p += 1
            } else if c == UInt8(ascii: "#") {
                p += 1
                while p < limit && bytes[p] != 0x0A { p += 1 }
            } else {
                break
            }
        }
        pos = p
    }

    /// Where `skipWhitespaceAndComments` would stop, without moving.
    private func whitespaceEnd(from start: Int) -> Int {
        var p = start
        while p < limit {
            let c = bytes[p]
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) {  // space \t \n \v \f \r
                p += 1
            } else if c == UInt8(ascii: "#") {
                p += 1
                while p < limit && bytes[p] != 0x0A { p += 1 }
            } else {
                break
            }
        }
        return p
    }

    /// An error at `offset`. Its line and column are found from those of `pos`, so the cost is
    /// proportional to the distance between the two, not to the size of the input.
    private func makeError(at offset: Int, _ message: String) -> TextFormatDecodingError {
        let offset = min(max(offset, 0), bytes.count)
        var line = self.line
        var lineStart = self.lineStart
        if offset >= pos {
            var i = pos
            while i < offset {
                if bytes[i] == 0x0A {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
        } else if offset < lineStart {
            var i = offset
            while i < lineStart {
                if bytes[i] == 0x0A { line -= 1 }
                i += 1
            }
            lineStart = offset
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        }
        return TextFormatDecodingError(line: line, column: offset - lineStart + 1, message: message)
    }

    /// `expected <what>, found <token at p>`, or "invalid UTF-8" when `p` is at invalid input.
    private func unexpected(_ what: String, at p: Int) -> TextFormatDecodingError {
        if p == limit && limit < bytes.count {
            return makeError(at: p, "invalid UTF-8")
        }
        return makeError(at: p, "expected \(what), found \(describeToken(at: p))")
    }

    /// A short description of the token starting at `p`, for error messages.
    private func describeToken(at p: Int) -> String {
        let n = bytes.count
        guard p < n else { return "end of input" }
        let c = bytes[p]
        let maxLength = 40
        if Self.isLetter(c) {
            var q = p + 1
            while q < n && Self.isAlphanumeric(bytes[q]) { q += 1 }
            return quoted(p, q, maxLength: maxLength)
        }
        if isNumberStart(p) {
            var q = p + 1
            let isHex = c == UInt8(ascii: "0") && q < n && (bytes[q] | 0x20) == UInt8(ascii: "x")
            while q < n {
                let d = bytes[q]
                if Self.isAlphanumeric(d) || d == UInt8(ascii: ".") {
                    q += 1
                } else if (d == UInt8(ascii: "-") || d == UInt8(ascii: "+")) && !isHex
                    && (bytes[q - 1] | 0x20) == UInt8(ascii: "e")
                {
                    q += 1
                } else {
                    break
                }
            }
            return quoted(p, q, maxLength: maxLength)
        }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            var q = p + 1
            while q < limit && bytes[q] != c && bytes[q] != 0x0A {
                q += bytes[q] == UInt8(ascii: "\\") && q + 1 < limit && bytes[q + 1] != 0x0A ? 2 : 1
            }
            return "string " + quoted(p + 1, min(q, limit), maxLength: maxLength)
        }
        if c >= 0x80 {
            if p == limit { return "invalid UTF-8" }
            let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            return quoted(p, min(p + length, n), maxLength: maxLength)
        }
        if c < 0x20 || c == 0x7F {
            return "control character 0x" + Self.hex2(c)
        }
        return quoted(p, p + 1, maxLength: maxLength)
    }

    private func quoted(_ start: Int, _ end: Int, maxLength: Int) -> String {
        if end - start > maxLength {
            var cut = start + maxLength
            while cut > start && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // don't split a character
            return "\"" + String(decoding: bytes[start..<cut], as: UTF8.self) + "…\""
        }
        return "\"" + String(decoding: bytes[start..<end], as: UTF8.self) + "\""
    }

    private static func hex2(_ c: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        return String([digits[Int(c >> 4)], digits[Int(c & 15)]])
    }

    // MARK: - Symbols

    /// The next byte after whitespace and comments, not consumed; nil at the end of the input.
    /// (At invalid UTF-8 this is the offending byte; the next read there throws.)
    package mutating func peekByte() -> UInt8? {
        skipWhitespaceAndComments()
        return pos < bytes.count ? bytes[pos] : nil
    }

    /// Consumes `byte` if it is next (after whitespace); returns whether it did.
    package mutating func skipOptional(_ byte: UInt8) -> Bool {
        skipWhitespaceAndComments()
        if pos < limit && bytes[pos] == byte {
            pos += 1
            return true
        }
        return false
    }

    /// Consumes `byte`, or throws `expected "<byte>", found …`.
    package mutating func expect(_ byte: UInt8) throws {
        skipWhitespaceAndComments()
        if pos < limit && bytes[pos] == byte {
            pos += 1
            return
        }
        throw unexpected(Self.quotedByte(byte), at: pos)
    }

    private static func quotedByte(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F {
            return "\"" + String(UnicodeScalar(byte)) + "\""
        }
        return "byte 0x" + hex2(byte)
    }

    // MARK: - Identifiers

    /// End of the identifier `[A-Za-z_][A-Za-z0-9_]*` starting at `p`, or nil.
    @inline(__always)
    private func identifierEnd(at p: Int) -> Int? {
        let n = bytes.count
        guard p < n, Self.isLetter(bytes[p]) else { return nil }
        var q = p + 1
        while q < n && Self.isAlphanumeric(bytes[q]) { q += 1 }
        return q
    }

    package mutating func readIdentifier() throws -> String {
        skipWhitespaceAndComments()
        guard let end = identifierEnd(at: pos) else { throw unexpected("identifier", at: pos) }
        let name = String(decoding: bytes[pos..<end], as: UTF8.self)
        pos = end
        return name
    }

    /// The next token if it is an identifier, without consuming it.
    package mutating func peekIdentifier() -> String? {
        skipWhitespaceAndComments()
        guard let end = identifierEnd(at: pos) else { return nil }
        return String(decoding: bytes[pos..<end], as: UTF8.self)
    }

    /// Reads an extension name or `Any` type URL such as
    /// `type.googleapis.com/ml_metadata.Artifact`: identifiers separated by `.` or `/`,
    /// with optional whitespace around them, through the closing `]`.
    /// The opening `[` may already have been consumed; if it is next, it is consumed too.
    package mutating func readBracketedName() throws -> String {
        skipWhitespaceAndComments()
        let saved = (pos, line, lineStart)
        do {
            _ = skipOptional(UInt8(ascii: "["))
            var name = try readIdentifier()
            while true {
                skipWhitespaceAndComments()
                guard pos < limit else { break }
                let c = bytes[pos]
                guard c == UInt8(ascii: ".") || c == UInt8(ascii: "/") else { break }
                pos += 1
                name.append(Character(UnicodeScalar(c)))
                name += try readIdentifier()
            }
            try expect(UInt8(ascii: "]"))
            return name
        } catch {
            (pos, line, lineStart) = saved  // a failed read consumes nothing but whitespace
            throw error
        }
    }

    // MARK: - Strings

    /// One or more adjacent quoted strings (`"…"` or `'…'`), escapes decoded, joined.
    package mutating func readBytesLiteral() throws -> [UInt8] {
        skipWhitespaceAndComments()
        guard pos < limit, bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'") else {
            throw unexpected("string", at: pos)
        }
        let saved = (pos, line, lineStart)
        var out: [UInt8] = []
        do {
            repeat {
                try scanQuoted(into: &out)
                skipWhitespaceAndComments()
            } while pos < limit && (bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'"))
        } catch {
            (pos, line, lineStart) = saved  // a failed read consumes nothing but whitespace
            throw error
        }
        return out
    }

    /// `readBytesLiteral`, which must then be valid UTF-8.
    package mutating func readStringLiteral() throws -> String {
        skipWhitespaceAndComments()
        let start = pos
        let value = try readBytesLiteral()
        if Self.firstInvalidUTF8(value) != value.count {
            throw makeError(at: start, "invalid UTF-8 in string")
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Scans one quoted string starting at `pos` (at its opening quote).
    private mutating func scanQuoted(into out: inout [UInt8]) throws {
        let quotePos = pos
        let delimiter = bytes[pos]
        var p = pos + 1
        while true {
            let runStart = p
            while p < limit {
                let c = bytes[p]
                if c == delimiter || c == UInt8(ascii: "\\") || c == 0x0A { break }
                p += 1
            }
            if p > runStart { out.append(contentsOf: bytes[runStart..<p]) }
            guard p < limit else { throw endOfString(at: p, quotePos: quotePos) }
            let c = bytes[p]
            if c == delimiter {
                pos = p + 1
                return
            }
            if c == 0x0A {
                throw makeError(at: p, "string literals cannot cross line boundaries")
            }
            // Escape sequence.
            let escapePos = p
            p += 1
            guard p < limit else { throw endOfString(at: p, quotePos: quotePos) }
            let e = bytes[p]
            p += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"):
                out.append(e)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(e &- UInt8(ascii: "0"))
                var digits = 1
                while digits < 3 && p < limit && bytes[p] >= UInt8(ascii: "0") && bytes[p] <= UInt8(ascii: "7") {
                    value = value * 8 + UInt32(bytes[p] &- UInt8(ascii: "0"))
                    p += 1
                    digits += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))  // like C++: \777 -> 0xFF
            case UInt8(ascii: "x"):
                guard p < limit, let first = Self.hexValue(bytes[p]) else {
                    throw makeError(at: escapePos, "\"\\x\" must be followed by hex digits")
                }
                var value = first
                p += 1
                if p < limit, let second = Self.hexValue(bytes[p]) {
                    value = value * 16 + second
                    p += 1
                }
                out.append(value)
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = e == UInt8(ascii: "u") ? 4 : 8
                guard var codePoint = readHexDigits(at: p, count: count) else {
                    throw makeError(
                        at: escapePos,
                        e == UInt8(ascii: "u")
                            ? "\"\\u\" must be followed by 4 hex digits"
                            : "\"\\U\" must be followed by 8 hex digits")
                }
                p += count
                if codePoint >= 0xD800 && codePoint <= 0xDBFF,
                    p + 1 < limit, bytes[p] == UInt8(ascii: "\\"), bytes[p + 1] == UInt8(ascii: "u"),
                    let trail = readHexDigits(at: p + 2, count: 4), trail >= 0xDC00 && trail <= 0xDFFF
                {
                    codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (trail - 0xDC00)
                    p += 6
                }
                if codePoint >= 0xD800 && codePoint <= 0xDFFF {
                    throw makeError(
                        at: escapePos,
                        "invalid Unicode escape \"\(String(decoding: bytes[escapePos..<p], as: UTF8.self))\": unpaired surrogate")
                }
                if codePoint > 0x10FFFF {
                    throw makeError(
                        at: escapePos,
                        "invalid Unicode escape \"\(String(decoding: bytes[escapePos..<p], as: UTF8.self))\": beyond U+10FFFF")
                }
                Self.appendUTF8(codePoint, to: &out)
            default:
                if e >= 0x21 && e < 0x7F {
                    throw makeError(at: escapePos, "invalid escape sequence \"\\\(String(UnicodeScalar(e)))\"")
                }
                throw makeError(at: escapePos, "invalid escape sequence")
            }
        }
    }

    private func endOfString(at p: Int, quotePos: Int) -> TextFormatDecodingError {
        if p == limit && limit < bytes.count {
            return makeError(at: p, "invalid UTF-8")
        }
        return makeError(at: quotePos, "unterminated string")
    }

    private func readHexDigits(at p: Int, count: Int) -> UInt32? {
        guard p + count <= limit else { return nil }
        var value: UInt32 = 0
        for i in p..<(p + count) {
            guard let d = Self.hexValue(bytes[i]) else { return nil }
            value = value << 4 | UInt32(d)
        }
        return value
    }

    private static func appendUTF8(_ c: UInt32, to out: inout [UInt8]) {
        if c < 0x80 {
            out.append(UInt8(c))
        } else if c < 0x800 {
            out.append(UInt8(0xC0 | (c >> 6)))
            out.append(UInt8(0x80 | (c & 0x3F)))
        } else if c < 0x10000 {
            out.append(UInt8(0xE0 | (c >> 12)))
            out.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (c & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (c >> 18)))
            out.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (c & 0x3F)))
        }
    }

    // MARK: - Numbers

    private enum NumberKind { case decimal, hex, octal, float }

    private struct NumberToken {
        var start: Int
        var end: Int
        var kind: NumberKind
    }

    /// A digit, or `.` followed by a digit.
    @inline(__always)
    private func isNumberStart(_ p: Int) -> Bool {
        guard p < bytes.count else { return false }
        let c = bytes[p]
        if Self.isDigit(c) { return true }
        return c == UInt8(ascii: ".") && p + 1 < bytes.count && Self.isDigit(bytes[p + 1])
    }

    /// Scans a number token like C++ `Tokenizer::ConsumeNumber` (with `allow_f_after_float`
    /// and `require_space_after_number`). `start` must satisfy `isNumberStart`.
    private func scanNumber(at start: Int) throws -> NumberToken {
        let n = bytes.count
        var p = start
        var kind: NumberKind
        let c0 = bytes[p]
        if c0 == UInt8(ascii: "0") && p + 1 < n && (bytes[p + 1] | 0x20) == UInt8(ascii: "x") {
            p += 2
            let digitsStart = p
            while p < n && Self.hexValue(bytes[p]) != nil { p += 1 }
            if p == digitsStart {
                throw makeError(at: p, "\"0x\" must be followed by hex digits")
            }
            kind = .hex
        } else if c0 == UInt8(ascii: "0") && p + 1 < n && Self.isDigit(bytes[p + 1]) {
            p += 1
            while p < n && bytes[p] >= UInt8(ascii: "0") && bytes[p] <= UInt8(ascii: "7") { p += 1 }
            if p < n && Self.isDigit(bytes[p]) {
                throw makeError(at: p, "numbers starting with leading zero must be in octal")
            }
            kind = .octal
        } else {
            kind = .decimal
            if c0 == UInt8(ascii: ".") {
                kind = .float
                p += 1
                while p < n && Self.isDigit(bytes[p]) { p += 1 }
            } else {
                while p < n && Self.isDigit(bytes[p]) { p += 1 }
                if p < n && bytes[p] == UInt8(ascii: ".") {
                    kind = .float
                    p += 1
                    while p < n && Self.isDigit(bytes[p]) { p += 1 }
                }
            }
            if p < n && (bytes[p] | 0x20) == UInt8(ascii: "e") {
                kind = .float
                p += 1
                if p < n && (bytes[p] == UInt8(ascii: "-") || bytes[p] == UInt8(ascii: "+")) { p += 1 }
                let digitsStart = p
                while p < n && Self.isDigit(bytes[p]) { p += 1 }
                if p == digitsStart {
                    throw makeError(at: p, "\"e\" must be followed by exponent")
                }
            }
            if p < n && (bytes[p] | 0x20) == UInt8(ascii: "f") {
                kind = .float
                p += 1
            }
        }
        if p < n && Self.isLetter(bytes[p]) {
            throw makeError(at: p, "need space between number and identifier")
        }
        if p < n && bytes[p] == UInt8(ascii: ".") {
            throw makeError(
                at: p,
                kind == .float
                    ? "already saw decimal point or exponent; can't have another one"
                    : "hex and octal numbers must be integers")
        }
        return NumberToken(start: start, end: p, kind: kind)
    }

    /// The value of an integer token if it is at most `max` (like C++ `Tokenizer::ParseInteger`).
    private func integerValue(_ token: NumberToken, max: UInt64) -> UInt64? {
        var p = token.start
        let base: UInt64
        switch token.kind {
        case .hex:
            base = 16
            p += 2
        case .octal: base = 8
        case .decimal: base = 10
        case .float: return nil
        }
        var result: UInt64 = 0
        while p < token.end {
            let c = bytes[p]
            let digit: UInt64 = base == 16 ? UInt64(Self.hexValue(c)!) : UInt64(c &- UInt8(ascii: "0"))
            if digit > max || result > (max - digit) / base { return nil }
            result = result * base + digit
            p += 1
        }
        return result
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Reads `[-]integer`; returns the sign and magnitude, magnitude <= positiveMax (+1 if negative).
    private mutating func readSignedMagnitude(positiveMax: UInt64, typeName: String) throws -> (negative: Bool, magnitude: UInt64) {
        skipWhitespaceAndComments()
        let saved = (pos, line, lineStart)
        do {
            return try readSignedMagnitudeAfterWhitespace(positiveMax: positiveMax, typeName: typeName)
        } catch {
            (pos, line, lineStart) = saved  // a failed read consumes nothing but whitespace
            throw error
        }
    }

    private mutating func readSignedMagnitudeAfterWhitespace(
        positiveMax: UInt64, typeName: String
    ) throws -> (negative: Bool, magnitude: UInt64) {
        let valueStart = pos
        let negative = consumeMinusSign()
        let p = pos
        guard isNumberStart(p) else { throw unexpected("integer", at: p) }
        let token = try scanNumber(at: p)
        if token.kind == .float { throw unexpected("integer", at: p) }
        guard let magnitude = integerValue(token, max: negative ? positiveMax + 1 : positiveMax) else {
            throw makeError(
                at: valueStart,
                "integer out of range for \(typeName): \"\(negative ? "-" : "")\(text(token.start, token.end))\"")
        }
        pos = token.end
        return (negative, magnitude)
    }

    private mutating func readUnsigned(max: UInt64, typeName: String) throws -> UInt64 {
        skipWhitespaceAndComments()
        guard isNumberStart(pos) else { throw unexpected("integer", at: pos) }
        let token = try scanNumber(at: pos)
        if token.kind == .float { throw unexpected("integer", at: pos) }
        guard let value = integerValue(token, max: max) else {
            throw makeError(at: pos, "integer out of range for \(typeName): \"\(text(token.start, token.end))\"")
        }
        pos = token.end
        return value
    }

    package mutating func readInt64() throws -> Int64 {
        let (negative, magnitude) = try readSignedMagnitude(positiveMax: UInt64(Int64.max), typeName: "int64")
        return negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude)
    }

    package mutating func readInt32() throws -> Int32 {
        let (negative, magnitude) = try readSignedMagnitude(positiveMax: UInt64(Int32.max), typeName: "int32")
        return Int32(truncatingIfNeeded: negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude))
    }

    package mutating func readUInt64() throws -> UInt64 {
        try readUnsigned(max: UInt64.max, typeName: "uint64")
    }

    package mutating func readUInt32() throws -> UInt32 {
        UInt32(try readUnsigned(max: UInt64(UInt32.max), typeName: "uint32"))
    }

    package mutating func readDouble() throws -> Double {
        try readDouble(typeName: "double")
    }

    /// Read as a double, then rounded to the nearest float (as C++ does).
    package mutating func readFloat() throws -> Float {
        Float(try readDouble(typeName: "float"))
    }

    private mutating func readDouble(typeName: String) throws -> Double {
        skipWhitespaceAndComments()
        let saved = (pos, line, lineStart)
        do {
            return try readDoubleAfterWhitespace(typeName: typeName)
        } catch {
            (pos, line, lineStart) = saved  // a failed read consumes nothing but whitespace
            throw error
        }
    }

    /// Consumes a leading `-` and the whitespace or comments C++ allows after it.
    private mutating func consumeMinusSign() -> Bool {
        guard pos < limit && bytes[pos] == UInt8(ascii: "-") else { return false }
        pos += 1
        skipWhitespaceAndComments()
        return true
    }

    private mutating func readDoubleAfterWhitespace(typeName: String) throws -> Double {
        let negative = consumeMinusSign()
        var p = pos
        var value: Double
        if let end = identifierEnd(at: p) {
            if matchesLowercased(p, end, "inf") || matchesLowercased(p, end, "infinity") {
                value = .infinity
            } else if matchesLowercased(p, end, "nan") {
                value = .nan
            } else {
                throw unexpected(typeName, at: p)
            }
            p = end
        } else if isNumberStart(p) {
            let token = try scanNumber(at: p)
            switch token.kind {
            case .hex, .octal:
                throw makeError(at: p, "expected decimal number, found \"\(text(token.start, token.end))\"")
            case .decimal:
                if let v = integerValue(token, max: UInt64.max) {
                    value = Double(v)
                } else {
                    value = Double(text(token.start, token.end)) ?? .infinity
                }
            case .float:
                value = parseFloatToken(token)
            }
            p = token.end
        } else {
            throw unexpected(typeName, at: p)
        }
        pos = p
        return negative ? -value : value
    }

    private func matchesLowercased(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            for i in 0..<w.count where (bytes[start + i] | 0x20) != w[i] { return false }
            return true
        }
    }

    private static let powersOf10: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a float token (digits, optional `.` and fraction, optional exponent, optional `f`).
    /// Exact fast path when the mantissa fits in 53 bits and the power of ten is at most 22;
    /// otherwise the correctly rounded standard library parser.
    private func parseFloatToken(_ token: NumberToken) -> Double {
        var end = token.end
        if (bytes[end - 1] | 0x20) == UInt8(ascii: "f") { end -= 1 }
        var p = token.start
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDot = false
        while p < end {
            let c = bytes[p]
            if Self.isDigit(c) {
                if mantissa != 0 || c != UInt8(ascii: "0") {
                    significantDigits += 1
                    if significantDigits <= 19 {
                        mantissa = mantissa * 10 + UInt64(c &- UInt8(ascii: "0"))
                    }
                }
                if sawDot { exponent -= 1 }
            } else if c == UInt8(ascii: ".") {
                sawDot = true
            } else {
                break  // 'e' or 'E'
            }
            p += 1
        }
        if p < end {
            p += 1
            var expNegative = false
            if bytes[p] == UInt8(ascii: "-") {
                expNegative = true
                p += 1
            } else if bytes[p] == UInt8(ascii: "+") {
                p += 1
            }
            var e = 0
            while p < end {
                if e < 100_000 { e = e * 10 + Int(bytes[p] &- UInt8(ascii: "0")) }
                p += 1
            }
            exponent += expNegative ? -e : e
        }
        if mantissa == 0 { return 0 }
        if significantDigits <= 19 && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            return exponent < 0 ? m / Self.powersOf10[-exponent] : m * Self.powersOf10[exponent]
        }
        return Double(text(token.start, end)) ?? 0
    }

    // MARK: - Bool and enum

    /// `true`, `True`, `t`, `false`, `False`, `f`, or an integer 0 or 1 (any base, like C++).
    package mutating func readBool() throws -> Bool {
        skipWhitespaceAndComments()
        if let end = identifierEnd(at: pos) {
            let length = end - pos
            let c = bytes[pos]
            var value: Bool? = nil
            if length == 1 {
                if c == UInt8(ascii: "t") { value = true } else if c == UInt8(ascii: "f") { value = false }
            } else if length == 4 && (c == UInt8(ascii: "t") || c == UInt8(ascii: "T")) && matchesExactly(pos + 1, "rue") {
                value = true
            } else if length == 5 && (c == UInt8(ascii: "f") || c == UInt8(ascii: "F")) && matchesExactly(pos + 1, "alse") {
                value = false
            }
            guard let result = value else {
                throw makeError(at: pos, "invalid value for boolean: \"\(text(pos, end))\"")
            }
            pos = end
            return result
        }
        guard isNumberStart(pos) else { throw unexpected("boolean", at: pos) }
        let token = try scanNumber(at: pos)
        if token.kind == .float { throw unexpected("boolean", at: pos) }
        guard let value = integerValue(token, max: 1) else {
            throw makeError(at: pos, "invalid value for boolean: \"\(text(token.start, token.end))\"")
        }
        pos = token.end
        return value == 1
    }

    private func matchesExactly(_ start: Int, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { w in
            for i in 0..<w.count where bytes[start + i] != w[i] { return false }
            return true
        }
    }

    package enum EnumToken: Equatable {
        case name(String)
        case number(Int32)
    }

    /// An enum value name (identifier) or a (possibly negative) int32 number.
    package mutating func readEnumToken() throws -> EnumToken {
        skipWhitespaceAndComments()
        if let end = identifierEnd(at: pos) {
            let name = text(pos, end)
            pos = end
            return .name(name)
        }
        guard pos < limit, bytes[pos] == UInt8(ascii: "-") || isNumberStart(pos) else {
            throw unexpected("integer or identifier", at: pos)
        }
        return .number(try readInt32())
    }

    // MARK: - Character classes

    @inline(__always)
    private static func isDigit(_ c: UInt8) -> Bool {
        c &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private static func isLetter(_ c: UInt8) -> Bool {
        (c | 0x20) &- UInt8(ascii: "a") < 26 || c == UInt8(ascii: "_")
    }

    @inline(__always)
    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        isLetter(c) || isDigit(c)
    }

    @inline(__always)
    private static func hexValue(_ c: UInt8) -> UInt8? {
        if c &- UInt8(ascii: "0") < 10 { return c &- UInt8(ascii: "0") }
        let lower = c | 0x20
        if lower &- UInt8(ascii: "a") < 6 { return lower &- UInt8(ascii: "a") + 10 }
        return nil
    }

    // MARK: - UTF-8 validation

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or `bytes.count`.
    /// Rejects overlong forms, surrogates and code points above U+10FFFF.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            if c < 0x80 {
                i += 1
                continue
            }
            var length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return i }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return n
    }
}
