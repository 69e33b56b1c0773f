#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// Doubles and floats as C++ protobuf's text format prints them: `%.15g` (`%.6g` for float) when
/// that reads back to the same value, otherwise `%.17g` (`%.9g`); `inf`, `-inf`, `nan`.
enum FloatingPointText {
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let short = printf("%.15g", value)
        if let parsed = strtodValue(short), parsed == value { return short }
        return printf("%.17g", value)
    }

    static func format(_ value: Float) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let short = printf("%.6g", Double(value))
        if let parsed = strtodValue(short), Float(parsed) == value { return short }
        return printf("%.9g", Double(value))
    }

    /// `value` through C's `snprintf` with `format` (one `%g`-style conversion).
    static func printf(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func strtodValue(_ text: String) -> Double? {
        text.withCString { start in
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(start, &end)
            return end.map { $0.pointee == 0 } == true ? value : nil
        }
    }
}
