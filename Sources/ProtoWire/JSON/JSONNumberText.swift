/// Finite doubles and floats as Python's `json_format` prints them, so that our JSON is the
/// same text as protobuf's reference for the same message.
///
/// A double is Python's `repr`: the shortest digits that read back to the same double, in
/// positional notation while the decimal exponent is in -4 ..< 16 (`100.0`, `0.0001`) and as
/// `1e-05`, `1.5e+16` outside it. A float is first rounded to the fewest significant digits,
/// six or more, that read back to the same float (`0.1` rather than `0.100000001`), and that
/// double is then printed the same way.
enum JSONNumberText {
    static func double(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (digits, exponent) = shortestDigits(value.magnitude)
        return (value < 0 ? "-" : "") + pythonLayout(digits: digits, pointPosition: exponent)
    }

    static func float(_ value: Float) -> String {
        double(shortestFloatAsDouble(value))
    }

    /// The double of `%.Ng` for the smallest N ≥ 6 that reads back to `value` as a float.
    static func shortestFloatAsDouble(_ value: Float) -> Double {
        guard value.isFinite, value != 0 else { return Double(value) }
        for precision in 6...17 {
            let text = FloatingPointText.printf("%.\(precision)g", Double(value))
            if let parsed = Double(text), Float(parsed) == value { return parsed }
        }
        return Double(value)
    }

    /// The shortest round-trip digits of a positive finite double (no leading or trailing
    /// zeros), and where the decimal point goes: value = 0.DIGITS × 10^pointPosition.
    /// Swift's `description` already finds the shortest digits; only its layout differs from Python's.
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], pointPosition: Int) {
        let text = Array(value.description.utf8)
        var mantissa = text[...]
        var exponent = 0
        if let e = text.firstIndex(of: UInt8(ascii: "e")) {
            mantissa = text[..<e]
            exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self))!
        }
        var digits: [UInt8] = []
        var pointPosition = 0
        var seenPoint = false
        for byte in mantissa {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            if digits.isEmpty && byte == UInt8(ascii: "0") {
                if seenPoint { pointPosition -= 1 }
                continue
            }
            digits.append(byte)
            if !seenPoint { pointPosition += 1 }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, pointPosition + exponent)
    }

    /// Python's `repr` layout of 0.DIGITS × 10^pointPosition.
    static func pythonLayout(digits: [UInt8], pointPosition: Int) -> String {
        let digitText = String(decoding: digits, as: UTF8.self)
        if pointPosition > -4 && pointPosition <= 16 {
            if pointPosition <= 0 {
                return "0." + String(repeating: "0", count: -pointPosition) + digitText
            }
            if pointPosition >= digits.count {
                return digitText + String(repeating: "0", count: pointPosition - digits.count) + ".0"
            }
            return String(digitText.prefix(pointPosition)) + "." + String(digitText.dropFirst(pointPosition))
        }
        let exponent = pointPosition - 1
        let magnitude = String(exponent.magnitude)
        let rest = digits.count > 1 ? "." + String(digitText.dropFirst()) : ""
        return String(digitText.prefix(1)) + rest + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }
}
