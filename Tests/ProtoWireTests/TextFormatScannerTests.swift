import Testing

@testable import ProtoWire

// Expected values and accept/reject decisions were checked against
// `protoc --encode` (libprotoc 3.21.12), i.e. the C++ TextFormat parser.

private func err(_ line: Int, _ column: Int, _ message: String) -> TextFormatDecodingError {
    TextFormatDecodingError(line: line, column: column, message: message)
}

/// Reads one value with `read` and checks that nothing but whitespace/comments follows.
private func scan<T>(_ text: String, _ read: (inout TextFormatScanner) throws -> T) throws -> T {
    var scanner = TextFormatScanner(text)
    let value = try read(&scanner)
    let atEnd = scanner.isAtEnd
    #expect(atEnd, "trailing input after value in \(text)")
    return value
}

private func readInt32(_ text: String) throws -> Int32 { try scan(text) { try $0.readInt32() } }
private func readInt64(_ text: String) throws -> Int64 { try scan(text) { try $0.readInt64() } }
private func readUInt32(_ text: String) throws -> UInt32 { try scan(text) { try $0.readUInt32() } }
private func readUInt64(_ text: String) throws -> UInt64 { try scan(text) { try $0.readUInt64() } }
private func readDouble(_ text: String) throws -> Double { try scan(text) { try $0.readDouble() } }
private func readFloat(_ text: String) throws -> Float { try scan(text) { try $0.readFloat() } }
private func readBool(_ text: String) throws -> Bool { try scan(text) { try $0.readBool() } }
private func readEnumToken(_ text: String) throws -> TextFormatScanner.EnumToken { try scan(text) { try $0.readEnumToken() } }
private func readBytesLiteral(_ text: String) throws -> [UInt8] { try scan(text) { try $0.readBytesLiteral() } }
private func readStringLiteral(_ text: String) throws -> String { try scan(text) { try $0.readStringLiteral() } }

private enum ReadKind {
    case int32, int64, uInt32, uInt64, double, float, bool, enumToken
    case bytesLiteral, stringLiteral, identifier, bracketedName
}

private func read(_ kind: ReadKind, _ scanner: inout TextFormatScanner) throws {
    switch kind {
    case .int32: _ = try scanner.readInt32()
    case .int64: _ = try scanner.readInt64()
    case .uInt32: _ = try scanner.readUInt32()
    case .uInt64: _ = try scanner.readUInt64()
    case .double: _ = try scanner.readDouble()
    case .float: _ = try scanner.readFloat()
    case .bool: _ = try scanner.readBool()
    case .enumToken: _ = try scanner.readEnumToken()
    case .bytesLiteral: _ = try scanner.readBytesLiteral()
    case .stringLiteral: _ = try scanner.readStringLiteral()
    case .identifier: _ = try scanner.readIdentifier()
    case .bracketedName: _ = try scanner.readBracketedName()
    }
}

/// The error thrown when reading a `kind` value from `text`, or nil if none was thrown.
private func scanError(_ text: String, as kind: ReadKind) -> TextFormatDecodingError? {
    var scanner = TextFormatScanner(text)
    return caught { try read(kind, &scanner) }
}

private func scanError(bytes: [UInt8], as kind: ReadKind) -> TextFormatDecodingError? {
    var scanner = TextFormatScanner(bytes: bytes)
    return caught { try read(kind, &scanner) }
}

/// The `TextFormatDecodingError` thrown by `body`, or nil if it did not throw.
private func caught(_ body: () throws -> Void) -> TextFormatDecodingError? {
    do {
        try body()
        return nil
    } catch {
        return error as? TextFormatDecodingError
    }
}

// MARK: - Error type

@Test func errorDescription() {
    let e = err(3, 7, "expected integer, found \"abc\"")
    #expect(e.description == "line 3:7: expected integer, found \"abc\"")
    #expect(e == TextFormatDecodingError(line: 3, column: 7, message: "expected integer, found \"abc\""))
}

// MARK: - Integers

@Test func int32Values() throws {
    #expect(try readInt32("5") == 5)
    #expect(try readInt32("0") == 0)
    #expect(try readInt32("-0") == 0)
    #expect(try readInt32("- 5") == -5)
    #expect(try readInt32("-# comment\n5") == -5)
    #expect(try readInt32("2147483647") == Int32.max)
    #expect(try readInt32("-2147483648") == Int32.min)
    #expect(try readInt32("0x7fffffff") == Int32.max)
    #expect(try readInt32("0X7FFFFFFF") == Int32.max)
    #expect(try readInt32("-0x80000000") == Int32.min)
    #expect(try readInt32("0x1F") == 31)
    #expect(try readInt32("0777") == 511)
    #expect(try readInt32("-0777") == -511)
    #expect(try readInt32("00") == 0)
    #expect(try readInt32("017777777777") == Int32.max)
    #expect(try readInt32("-020000000000") == Int32.min)
}

@Test func int32Errors() {
    #expect(scanError("0x80000000", as: .int32) == err(1, 1, "integer out of range for int32: \"0x80000000\""))
    #expect(scanError("2147483648", as: .int32) == err(1, 1, "integer out of range for int32: \"2147483648\""))
    #expect(scanError("  -2147483649", as: .int32) == err(1, 3, "integer out of range for int32: \"-2147483649\""))
    #expect(scanError("020000000000", as: .int32) == err(1, 1, "integer out of range for int32: \"020000000000\""))
    #expect(scanError("1.5", as: .int32) == err(1, 1, "expected integer, found \"1.5\""))
    #expect(scanError("-1.5", as: .int32) == err(1, 2, "expected integer, found \"1.5\""))
    #expect(scanError(".5", as: .int32) == err(1, 1, "expected integer, found \".5\""))
    #expect(scanError("1e5", as: .int32) == err(1, 1, "expected integer, found \"1e5\""))
    #expect(scanError("1e-5", as: .int32) == err(1, 1, "expected integer, found \"1e-5\""))
    #expect(scanError("1f", as: .int32) == err(1, 1, "expected integer, found \"1f\""))
    #expect(scanError("abc", as: .int32) == err(1, 1, "expected integer, found \"abc\""))
    #expect(scanError("-abc", as: .int32) == err(1, 2, "expected integer, found \"abc\""))
    #expect(scanError("- x", as: .int32) == err(1, 3, "expected integer, found \"x\""))
    #expect(scanError("", as: .int32) == err(1, 1, "expected integer, found end of input"))
    #expect(scanError("  # only a comment", as: .int32) == err(1, 19, "expected integer, found end of input"))
    #expect(scanError("-", as: .int32) == err(1, 2, "expected integer, found end of input"))
    #expect(scanError("{", as: .int32) == err(1, 1, "expected integer, found \"{\""))
    #expect(scanError("\"5\"", as: .int32) == err(1, 1, "expected integer, found string \"5\""))
    #expect(scanError("08", as: .int32) == err(1, 2, "numbers starting with leading zero must be in octal"))
    #expect(scanError("0779", as: .int32) == err(1, 4, "numbers starting with leading zero must be in octal"))
    #expect(scanError("5abc", as: .int32) == err(1, 2, "need space between number and identifier"))
    #expect(scanError("5_", as: .int32) == err(1, 2, "need space between number and identifier"))
    #expect(scanError("0x", as: .int32) == err(1, 3, "\"0x\" must be followed by hex digits"))
    #expect(scanError("0xg", as: .int32) == err(1, 3, "\"0x\" must be followed by hex digits"))
    #expect(scanError("0x1fg", as: .int32) == err(1, 5, "need space between number and identifier"))
    #expect(scanError("0x1.5", as: .int32) == err(1, 4, "hex and octal numbers must be integers"))
    #expect(scanError("1.2.3", as: .int32) == err(1, 4, "already saw decimal point or exponent; can't have another one"))
}

@Test func int32FollowedByPunctuation() throws {
    var s = TextFormatScanner("1,2;-3}")
    #expect(try s.readInt32() == 1)
    #expect(s.skipOptional(UInt8(ascii: ",")) == true)
    #expect(try s.readInt32() == 2)
    #expect(s.skipOptional(UInt8(ascii: ";")) == true)
    #expect(try s.readInt32() == -3)
    try s.expect(UInt8(ascii: "}"))
    #expect(s.isAtEnd == true)
}

@Test func int64Values() throws {
    #expect(try readInt64("9223372036854775807") == Int64.max)
    #expect(try readInt64("-9223372036854775808") == Int64.min)
    #expect(try readInt64("0x7fffffffffffffff") == Int64.max)
    #expect(try readInt64("-0x8000000000000000") == Int64.min)
    #expect(try readInt64("0777777777777777777777") == Int64.max)
    #expect(try readInt64("-01000000000000000000000") == Int64.min)
    #expect(try readInt64("-0") == 0)
    #expect(try readInt64("-1") == -1)
    #expect(try readInt64("4294967296") == 4_294_967_296)
}

@Test func int64Errors() {
    #expect(scanError("9223372036854775808", as: .int64) == err(1, 1, "integer out of range for int64: \"9223372036854775808\""))
    #expect(scanError("-9223372036854775809", as: .int64) == err(1, 1, "integer out of range for int64: \"-9223372036854775809\""))
    #expect(scanError("0x8000000000000000", as: .int64) == err(1, 1, "integer out of range for int64: \"0x8000000000000000\""))
    #expect(scanError("99999999999999999999999", as: .int64) == err(1, 1, "integer out of range for int64: \"99999999999999999999999\""))
}

@Test func uint64Values() throws {
    #expect(try readUInt64("18446744073709551615") == UInt64.max)
    #expect(try readUInt64("0xFFFFFFFFFFFFFFFF") == UInt64.max)
    #expect(try readUInt64("01777777777777777777777") == UInt64.max)
    #expect(try readUInt64("0") == 0)
    #expect(try readUInt64("9223372036854775808") == 9_223_372_036_854_775_808)
}

@Test func uint64Errors() {
    #expect(scanError("18446744073709551616", as: .uInt64) == err(1, 1, "integer out of range for uint64: \"18446744073709551616\""))
    #expect(scanError("0x10000000000000000", as: .uInt64) == err(1, 1, "integer out of range for uint64: \"0x10000000000000000\""))
    // Like C++, unsigned fields take no sign at all, not even "-0".
    #expect(scanError("-0", as: .uInt64) == err(1, 1, "expected integer, found \"-\""))
    #expect(scanError("-5", as: .uInt64) == err(1, 1, "expected integer, found \"-\""))
    #expect(scanError("2.0", as: .uInt64) == err(1, 1, "expected integer, found \"2.0\""))
}

@Test func uint32() throws {
    #expect(try readUInt32("4294967295") == UInt32.max)
    #expect(try readUInt32("0xffffffff") == UInt32.max)
    #expect(try readUInt32("037777777777") == UInt32.max)
    #expect(try readUInt32("7") == 7)
    #expect(scanError("4294967296", as: .uInt32) == err(1, 1, "integer out of range for uint32: \"4294967296\""))
    #expect(scanError("0x100000000", as: .uInt32) == err(1, 1, "integer out of range for uint32: \"0x100000000\""))
    #expect(scanError("-0", as: .uInt32) == err(1, 1, "expected integer, found \"-\""))
}

// MARK: - Doubles and floats

@Test func doubleValues() throws {
    func d(_ text: String) throws -> Double { try readDouble(text) }
    #expect(try d("1") == 1)
    #expect(try d("0") == 0)
    #expect(try d("-7") == -7)
    #expect(try d("1.5") == 1.5)
    #expect(try d(".5") == 0.5)
    #expect(try d("-.5") == -0.5)
    #expect(try d("- .5") == -0.5)
    #expect(try d("1.") == 1)
    #expect(try d("0.") == 0)
    #expect(try d("1e5") == 100_000)
    #expect(try d("1E+5") == 100_000)
    #expect(try d("1e-5") == 1e-5)
    #expect(try d("2.5e-3") == 0.0025)
    #expect(try d(".5e1") == 5)
    #expect(try d("1f") == 1)
    #expect(try d("1.5F") == 1.5)
    #expect(try d("0f") == 0)
    #expect(try d("1.5e5f") == 150_000)
    #expect(try d("0.1") == 0.1)
    #expect(try d("0.30000000000000004") == 0.30000000000000004)
    #expect(try d("3.141592653589793") == 3.141592653589793)
    #expect(try d("1.7976931348623157e308") == Double.greatestFiniteMagnitude)
    #expect(try d("4.9e-324") == Double.leastNonzeroMagnitude)
    #expect(try d("2.2250738585072014e-308") == Double.leastNormalMagnitude)
    #expect(try d("123456789012345678901234567890") == 1.2345678901234568e29)
    #expect(try d("1234567890123456789e-10") == 123456789.0123456789)
    #expect(try d("0.000000000000000000000000000001") == 1e-30)
    #expect(try d("9007199254740993") == 9_007_199_254_740_992)
    #expect(try d("9007199254740993.0") == 9_007_199_254_740_992)
    #expect(try d("9223372036854775807") == 9.223372036854775807e18)
    #expect(try d("18446744073709551615") == 18446744073709551615.0)
    // Integer literals too large for uint64 are still doubles.
    #expect(try d("18446744073709551616") == 1.8446744073709552e19)
    #expect(try d("99999999999999999999999999") == 1e26)
    #expect(try d("1e400") == .infinity)
    #expect(try d("-1e400") == -.infinity)
    #expect(try d("1e-400") == 0)
    #expect(try d("1e99999999999") == .infinity)
    #expect(try d("inf") == .infinity)
    #expect(try d("INF") == .infinity)
    #expect(try d("Infinity") == .infinity)
    #expect(try d("-Infinity") == -.infinity)
    #expect(try d("-inf") == -.infinity)
    #expect(try d("- inf") == -.infinity)
    #expect(try d("nan").isNaN)
    #expect(try d("NaN").isNaN)
    #expect(try d("-nan").isNaN)
    let negativeZero = try d("-0.0")
    #expect(negativeZero == 0 && negativeZero.sign == .minus)
    #expect(try d("-0").sign == .minus)
}

@Test func doubleErrors() {
    // C++ 3.21 only takes decimal integers for floating-point fields.
    #expect(scanError("0x10", as: .double) == err(1, 1, "expected decimal number, found \"0x10\""))
    #expect(scanError("-0x10", as: .double) == err(1, 2, "expected decimal number, found \"0x10\""))
    #expect(scanError("010", as: .double) == err(1, 1, "expected decimal number, found \"010\""))
    #expect(scanError("00", as: .double) == err(1, 1, "expected decimal number, found \"00\""))
    #expect(scanError("1.5e", as: .double) == err(1, 5, "\"e\" must be followed by exponent"))
    #expect(scanError("1e+", as: .double) == err(1, 4, "\"e\" must be followed by exponent"))
    #expect(scanError("1.2.3", as: .double) == err(1, 4, "already saw decimal point or exponent; can't have another one"))
    #expect(scanError("1.5abc", as: .double) == err(1, 4, "need space between number and identifier"))
    #expect(scanError("5e1x", as: .double) == err(1, 4, "need space between number and identifier"))
    #expect(scanError("1.5ff", as: .double) == err(1, 5, "need space between number and identifier"))
    #expect(scanError("01.5", as: .double) == err(1, 3, "hex and octal numbers must be integers"))
    #expect(scanError("infx", as: .double) == err(1, 1, "expected double, found \"infx\""))
    #expect(scanError("infinit", as: .double) == err(1, 1, "expected double, found \"infinit\""))
    #expect(scanError(".", as: .double) == err(1, 1, "expected double, found \".\""))
    #expect(scanError(".e5", as: .double) == err(1, 1, "expected double, found \".\""))
    #expect(scanError("-", as: .double) == err(1, 2, "expected double, found end of input"))
    #expect(scanError("--1", as: .double) == err(1, 2, "expected double, found \"-\""))
    #expect(scanError("'1'", as: .double) == err(1, 1, "expected double, found string \"1\""))
}

@Test func floatValues() throws {
    func f(_ text: String) throws -> Float { try readFloat(text) }
    #expect(try f("0.1") == Float(0.1))
    #expect(try f("1.5") == 1.5)
    #expect(try f("-2") == -2)
    #expect(try f("1e39") == .infinity)
    #expect(try f("-1e39") == -.infinity)
    #expect(try f("3.4028235e38") == .greatestFiniteMagnitude)
    #expect(try f("3.40282356e38") == .greatestFiniteMagnitude)  // rounds down, like C++
    #expect(try f("3.4028236e38") == .infinity)
    #expect(try f("1e-50") == 0)
    #expect(try f("-Inf") == -.infinity)
    #expect(try f("nan").isNaN)
    #expect(try f("16777217") == 16_777_216)
    #expect(scanError("x", as: .float) == err(1, 1, "expected float, found \"x\""))
}

// MARK: - Bool and enum

@Test func boolValues() throws {
    for text in ["true", "True", "t", "1", "0x1", "01"] {
        #expect(try readBool(text) == true, "\(text)")
    }
    for text in ["false", "False", "f", "0", "00", "0x0"] {
        #expect(try readBool(text) == false, "\(text)")
    }
}

@Test func boolErrors() {
    #expect(scanError("TRUE", as: .bool) == err(1, 1, "invalid value for boolean: \"TRUE\""))
    #expect(scanError("yes", as: .bool) == err(1, 1, "invalid value for boolean: \"yes\""))
    #expect(scanError("truee", as: .bool) == err(1, 1, "invalid value for boolean: \"truee\""))
    #expect(scanError("2", as: .bool) == err(1, 1, "invalid value for boolean: \"2\""))
    #expect(scanError("-1", as: .bool) == err(1, 1, "expected boolean, found \"-\""))
    #expect(scanError("1.0", as: .bool) == err(1, 1, "expected boolean, found \"1.0\""))
    #expect(scanError("\"true\"", as: .bool) == err(1, 1, "expected boolean, found string \"true\""))
    #expect(scanError("", as: .bool) == err(1, 1, "expected boolean, found end of input"))
}

@Test func enumTokens() throws {
    #expect(try readEnumToken("ONE") == .name("ONE"))
    #expect(try readEnumToken("_x9") == .name("_x9"))
    #expect(try readEnumToken("1") == .number(1))
    #expect(try readEnumToken("-1") == .number(-1))
    #expect(try readEnumToken("- 1") == .number(-1))
    #expect(try readEnumToken("0x1") == .number(1))
    #expect(try readEnumToken("2147483647") == .number(Int32.max))
    #expect(try readEnumToken("-2147483648") == .number(Int32.min))
    #expect(scanError("2147483648", as: .enumToken) == err(1, 1, "integer out of range for int32: \"2147483648\""))
    #expect(scanError("\"ONE\"", as: .enumToken) == err(1, 1, "expected integer or identifier, found string \"ONE\""))
    #expect(scanError("-ONE", as: .enumToken) == err(1, 2, "expected integer, found \"ONE\""))
    #expect(scanError("1.0", as: .enumToken) == err(1, 1, "expected integer, found \"1.0\""))
    #expect(scanError("}", as: .enumToken) == err(1, 1, "expected integer or identifier, found \"}\""))
}

// MARK: - Strings

@Test func simpleEscapes() throws {
    let value = try readBytesLiteral(#""a\nb\rc\td\ve\ff\ag\bh\?i\"j\'k\\l""#)
    #expect(
        value == Array("a\nb\rc\td".utf8) + [0x0B] + Array("e".utf8) + [0x0C] + Array("f".utf8) + [0x07]
            + Array("g".utf8) + [0x08] + Array("h?i\"j'k\\l".utf8))
}

@Test func octalAndHexEscapes() throws {
    // \777 keeps the low 8 bits (0xFF), \1234 is \123 then "4": as C++ does.
    #expect(try readBytesLiteral(#""\0\7\77\101\777\1234""#) == [0, 7, 63, 65, 255, 83, 52])
    #expect(try readBytesLiteral(#""\x41\x4g\xfff\xA""#) == [0x41, 0x04, 0x67, 0xFF, 0x66, 0x0A])
    #expect(try readBytesLiteral(#""\0001""#) == [0, 0x31])
}

@Test func unicodeEscapes() throws {
    #expect(try readStringLiteral(#""\u00e9\u20AC""#) == "é€")
    #expect(try readStringLiteral(#""\u0041""#) == "A")
    #expect(try readStringLiteral(#""\u00411""#) == "A1")
    #expect(try readStringLiteral(#""\U0001F600""#) == "😀")
    #expect(try readBytesLiteral(#""\U0010FFFF""#) == [0xF4, 0x8F, 0xBF, 0xBF])
    // A UTF-16 surrogate pair is combined into one code point, as in C++.
    #expect(try readStringLiteral(#""\ud83d\ude00""#) == "😀")
    #expect(try readStringLiteral(#""\U0000D83D\uDE00""#) == "😀")
}

@Test func quotesAndAdjacentStrings() throws {
    #expect(try readStringLiteral(#"'a"b'"#) == "a\"b")
    #expect(try readStringLiteral(#""a'b""#) == "a'b")
    #expect(try readStringLiteral(#""""#) == "")
    #expect(try readStringLiteral(#""" ''"#) == "")
    #expect(try readStringLiteral("\"a\" 'b' \"c\" # comment\n  \"d\"") == "abcd")
    #expect(try readStringLiteral("\"a\"\"b\"") == "ab")
    #expect(try readStringLiteral("\"é\tx\r\"") == "é\tx\r")
    // Escaped bytes that only form UTF-8 once joined.
    #expect(try readStringLiteral(#""\303" '\251'"#) == "é")
    #expect(try readStringLiteral(#""\xc3" "\xa9""#) == "é")
    var s = TextFormatScanner("\"a\" x")
    #expect(try s.readStringLiteral() == "a")
    #expect(try s.readIdentifier() == "x")
}

@Test func stringErrors() throws {
    #expect(scanError(#""\X41""#, as: .bytesLiteral) == err(1, 2, "invalid escape sequence \"\\X\""))
    #expect(scanError(#""\z""#, as: .bytesLiteral) == err(1, 2, "invalid escape sequence \"\\z\""))
    #expect(scanError(#"  "ab\x""#, as: .bytesLiteral) == err(1, 6, "\"\\x\" must be followed by hex digits"))
    #expect(scanError(#""\u12""#, as: .bytesLiteral) == err(1, 2, "\"\\u\" must be followed by 4 hex digits"))
    #expect(scanError(#""\U0001F60""#, as: .bytesLiteral) == err(1, 2, "\"\\U\" must be followed by 8 hex digits"))
    #expect(scanError(#""\U00110000""#, as: .bytesLiteral) == err(1, 2, "invalid Unicode escape \"\\U00110000\": beyond U+10FFFF"))
    #expect(scanError(#""\UFFFFFFFF""#, as: .bytesLiteral) == err(1, 2, "invalid Unicode escape \"\\UFFFFFFFF\": beyond U+10FFFF"))
    #expect(scanError(#""\ud83d""#, as: .bytesLiteral) == err(1, 2, "invalid Unicode escape \"\\ud83d\": unpaired surrogate"))
    #expect(scanError(#""\ude00""#, as: .bytesLiteral) == err(1, 2, "invalid Unicode escape \"\\ude00\": unpaired surrogate"))
    #expect(scanError(#""x\ud83d\u0041""#, as: .bytesLiteral) == err(1, 3, "invalid Unicode escape \"\\ud83d\": unpaired surrogate"))
    #expect(scanError(#""\U0000DE00""#, as: .bytesLiteral) == err(1, 2, "invalid Unicode escape \"\\U0000DE00\": unpaired surrogate"))
    #expect(scanError("\"ab\nc\"", as: .bytesLiteral) == err(1, 4, "string literals cannot cross line boundaries"))
    #expect(scanError("\"a\\\nb\"", as: .bytesLiteral) == err(1, 3, "invalid escape sequence"))
    var s = TextFormatScanner("x: \"abc")
    #expect(try s.readIdentifier() == "x")
    try s.expect(UInt8(ascii: ":"))
    #expect(throws: err(1, 4, "unterminated string")) { try s.readBytesLiteral() }
    #expect(scanError("'abc\"", as: .bytesLiteral) == err(1, 1, "unterminated string"))
    #expect(scanError("\"a\\", as: .bytesLiteral) == err(1, 1, "unterminated string"))
    #expect(scanError("\"a\" \"b", as: .bytesLiteral) == err(1, 5, "unterminated string"))
    var t = TextFormatScanner("\n \"a\"\n'b")
    #expect(throws: err(3, 1, "unterminated string")) { try t.readBytesLiteral() }
    #expect(t.error("start") == err(2, 2, "start"))
    #expect(scanError("abc", as: .bytesLiteral) == err(1, 1, "expected string, found \"abc\""))
    #expect(scanError("12", as: .stringLiteral) == err(1, 1, "expected string, found \"12\""))
    #expect(scanError(" \"\\xff\"", as: .stringLiteral) == err(1, 2, "invalid UTF-8 in string"))
    #expect(scanError(#""\355\240\200""#, as: .stringLiteral) == err(1, 1, "invalid UTF-8 in string"))
    #expect(try readBytesLiteral(#""\xff""#) == [0xFF])
}

// MARK: - Identifiers, names, symbols

@Test func identifiers() throws {
    var s = TextFormatScanner("  foo_Bar1 baz\t_x{")
    #expect(try s.readIdentifier() == "foo_Bar1")
    #expect(s.peekIdentifier() == "baz")
    #expect(s.peekIdentifier() == "baz")
    #expect(try s.readIdentifier() == "baz")
    #expect(try s.readIdentifier() == "_x")
    #expect(s.peekIdentifier() == nil)
    #expect(s.peekByte() == UInt8(ascii: "{"))
    #expect(scanError("{", as: .identifier) == err(1, 1, "expected identifier, found \"{\""))
    #expect(scanError("1abc", as: .identifier) == err(1, 1, "expected identifier, found \"1abc\""))
    #expect(scanError("é", as: .identifier) == err(1, 1, "expected identifier, found \"é\""))
    #expect(scanError("\u{1}", as: .identifier) == err(1, 1, "expected identifier, found control character 0x01"))
    #expect(scanError("\n\n   ", as: .identifier) == err(3, 4, "expected identifier, found end of input"))
    var t = TextFormatScanner("12")
    #expect(t.peekIdentifier() == nil)
}

@Test func bracketedNames() throws {
    var s = TextFormatScanner("[type.googleapis.com/ml_metadata.Artifact] {")
    #expect(try s.readBracketedName() == "type.googleapis.com/ml_metadata.Artifact")
    #expect(s.peekByte() == UInt8(ascii: "{"))

    var t = TextFormatScanner("[ type . googleapis.com /\n ml_metadata . Artifact ] x")
    #expect(try t.readBracketedName() == "type.googleapis.com/ml_metadata.Artifact")
    #expect(try t.readIdentifier() == "x")

    // The opening "[" may already have been consumed by the caller.
    var u = TextFormatScanner("[ my.ext]")
    try u.expect(UInt8(ascii: "["))
    #expect(try u.readBracketedName() == "my.ext")
    #expect(u.isAtEnd == true)

    #expect(scanError("[foo.]", as: .bracketedName) == err(1, 6, "expected identifier, found \"]\""))
    #expect(scanError("[foo bar]", as: .bracketedName) == err(1, 6, "expected \"]\", found \"bar\""))
    #expect(scanError("[foo", as: .bracketedName) == err(1, 5, "expected \"]\", found end of input"))
    #expect(scanError("[]", as: .bracketedName) == err(1, 2, "expected identifier, found \"]\""))
    var w = TextFormatScanner(" [a.b c]")
    #expect(throws: err(1, 7, "expected \"]\", found \"c\"")) { try w.readBracketedName() }
    #expect(w.peekByte() == UInt8(ascii: "["))
}

@Test func symbols() throws {
    var s = TextFormatScanner(" { a : 1 ; } ")
    #expect(s.peekByte() == UInt8(ascii: "{"))
    #expect(s.skipOptional(UInt8(ascii: ":")) == false)
    try s.expect(UInt8(ascii: "{"))
    #expect(try s.readIdentifier() == "a")
    #expect(s.skipOptional(UInt8(ascii: ":")) == true)
    #expect(s.skipOptional(UInt8(ascii: ":")) == false)
    #expect(try s.readInt64() == 1)
    #expect(s.skipOptional(UInt8(ascii: ";")) == true)
    #expect(s.isAtEnd == false)
    #expect(throws: err(1, 12, "expected \"{\", found \"}\"")) { try s.expect(UInt8(ascii: "{")) }
    try s.expect(UInt8(ascii: "}"))
    #expect(s.isAtEnd == true)
    #expect(s.peekByte() == nil)
    #expect(throws: err(1, 14, "expected \"}\", found end of input")) { try s.expect(UInt8(ascii: "}")) }
}

// MARK: - Whitespace, comments, positions

@Test func whitespaceAndComments() throws {
    var s = TextFormatScanner(" \t\n\r\u{0B}\u{0C}# comment \"not a string\n#another\n  x # trailing")
    #expect(s.isAtEnd == false)
    #expect(try s.readIdentifier() == "x")
    #expect(s.isAtEnd == true)
    var empty = TextFormatScanner("")
    #expect(empty.isAtEnd == true)
    var onlyComment = TextFormatScanner("# c")
    #expect(onlyComment.isAtEnd == true)
    var hashInString = TextFormatScanner("\"a#b\" # c")
    #expect(try hashInString.readStringLiteral() == "a#b")
    #expect(hashInString.isAtEnd == true)
}

@Test func multiLinePositions() throws {
    let text = """
        name: "x"
        # a comment line
          value: 12
          count: abc
        """
    var s = TextFormatScanner(text)
    #expect(try s.readIdentifier() == "name")
    try s.expect(UInt8(ascii: ":"))
    #expect(try s.readStringLiteral() == "x")
    #expect(try s.readIdentifier() == "value")
    try s.expect(UInt8(ascii: ":"))
    #expect(try s.readInt32() == 12)
    #expect(s.error("boom") == err(4, 3, "boom"))
    #expect(try s.readIdentifier() == "count")
    #expect(throws: err(4, 8, "expected \"=\", found \":\"")) { try s.expect(UInt8(ascii: "=")) }
    try s.expect(UInt8(ascii: ":"))
    #expect(s.errorExpected("value") == err(4, 10, "expected value, found \"abc\""))
    #expect(throws: err(4, 10, "expected integer, found \"abc\"")) { try s.readInt32() }

    var t = TextFormatScanner("a {\n  b: 1\n  c: 99999999999\n}")
    #expect(try t.readIdentifier() == "a")
    try t.expect(UInt8(ascii: "{"))
    #expect(try t.readIdentifier() == "b")
    try t.expect(UInt8(ascii: ":"))
    #expect(try t.readInt32() == 1)
    #expect(try t.readIdentifier() == "c")
    try t.expect(UInt8(ascii: ":"))
    #expect(throws: err(3, 6, "integer out of range for int32: \"99999999999\"")) { try t.readInt32() }

    // Columns count bytes: "é" is two.
    var u = TextFormatScanner("s: \"é\" x")
    #expect(try u.readIdentifier() == "s")
    try u.expect(UInt8(ascii: ":"))
    #expect(try u.readStringLiteral() == "é")
    #expect(throws: err(1, 9, "expected integer, found \"x\"")) { try u.readInt32() }
    // Errors that point back to a "-" on an earlier line.
    var v = TextFormatScanner("a: -\n# c\n  3000000000\nb: -\r\n\n  x")
    #expect(try v.readIdentifier() == "a")
    try v.expect(UInt8(ascii: ":"))
    #expect(throws: err(1, 4, "integer out of range for int32: \"-3000000000\"")) { try v.readInt32() }
    #expect(v.error("here") == err(1, 4, "here"))  // a failed read consumes nothing
    #expect(try v.readInt64() == -3_000_000_000)
    #expect(v.error("next") == err(4, 1, "next"))
    #expect(try v.readIdentifier() == "b")
    try v.expect(UInt8(ascii: ":"))
    #expect(throws: err(6, 3, "expected double, found \"x\"")) { try v.readDouble() }
    #expect(v.error("again") == err(4, 4, "again"))

    // A tab is one column; CRLF line ends count as one line each.
    #expect(scanError("\r\n\tq", as: .int32) == err(2, 2, "expected integer, found \"q\""))
}

// MARK: - Invalid UTF-8

@Test func invalidUTF8InString() throws {
    var s = TextFormatScanner(bytes: Array("name: \"a".utf8) + [0xFF] + Array("\"".utf8))
    #expect(try s.readIdentifier() == "name")
    try s.expect(UInt8(ascii: ":"))
    #expect(throws: err(1, 9, "invalid UTF-8")) { try s.readBytesLiteral() }
}

@Test func invalidUTF8InComment() throws {
    var s = TextFormatScanner(bytes: Array("a # x".utf8) + [0xC3, 0x28] + Array("\n b".utf8))
    #expect(try s.readIdentifier() == "a")
    #expect(s.isAtEnd == false)
    #expect(throws: err(1, 6, "invalid UTF-8")) { try s.readIdentifier() }
    #expect(throws: err(1, 6, "invalid UTF-8")) { try s.expect(UInt8(ascii: "b")) }
    #expect(s.skipOptional(UInt8(ascii: "b")) == false)
}

@Test func invalidUTF8AfterValidInput() throws {
    // Everything before the bad byte reads normally.
    var s = TextFormatScanner(bytes: Array("x: 5\ny: \"é\" ".utf8) + [0x80])
    #expect(try s.readIdentifier() == "x")
    try s.expect(UInt8(ascii: ":"))
    #expect(try s.readInt32() == 5)
    #expect(try s.readIdentifier() == "y")
    try s.expect(UInt8(ascii: ":"))
    #expect(try s.readStringLiteral() == "é")
    #expect(throws: err(2, 9, "invalid UTF-8")) { try s.readInt32() }
    #expect(throws: err(2, 9, "invalid UTF-8")) { try s.readBool() }
    #expect(throws: err(2, 9, "invalid UTF-8")) { try s.readStringLiteral() }
}

@Test func invalidUTF8Forms() throws {
    let cases: [[UInt8]] = [
        [0xC0, 0x80],  // overlong
        [0xE0, 0x80, 0x80],  // overlong
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xF5, 0x80, 0x80, 0x80],
        [0xE2, 0x82],  // truncated
        [0x80],  // lone continuation
    ]
    for bad in cases {
        #expect(
            scanError(bytes: Array("\"ab".utf8) + bad + Array("\"".utf8), as: .bytesLiteral)
                == err(1, 4, "invalid UTF-8"), "\(bad)")
        #expect(TextFormatScanner.firstInvalidUTF8(Array("ab".utf8) + bad) == 2, "\(bad)")
    }
    let good: [UInt8] = Array("aé€😀".utf8) + [0xF4, 0x8F, 0xBF, 0xBF, 0xEE, 0x80, 0x80]
    #expect(TextFormatScanner.firstInvalidUTF8(good) == good.count)
    var s = TextFormatScanner(bytes: Array("\"😀\"".utf8))
    #expect(try s.readStringLiteral() == "😀")
}
