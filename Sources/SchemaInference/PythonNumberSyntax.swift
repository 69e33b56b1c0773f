/// Numbers as Python's `int()` and `float()` read them from ASCII text, which is how TFDV's CSV decoder
/// (tfx_bsl) decides whether a cell is an integer, a float or text: surrounding whitespace is allowed,
/// so are a sign and single underscores between digits (`1_000`); floats also take `inf`, `infinity`
/// and `nan` in any case.
enum PythonNumberSyntax {
    /// The integer `text` spells, if Python's `int()` accepts it; `.outOfRange` when it does but the
    /// value does not fit in 64 bits (TFDV then calls the column text).
    enum IntegerReading: Equatable {
        case value(Int64)
        case outOfRange
        case notAnInteger
    }

    static func integer(_ text: Substring.UTF8View) -> IntegerReading {
        guard var digits = trimmed(text) else { return .notAnInteger }
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard let plain = digitsWithoutUnderscores(digits) else { return .notAnInteger }
        // Python reads "007" as 7; only the magnitude matters here.
        var magnitude: UInt64 = 0
        var overflow = false
        for digit in plain {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            if o1 || o2 { overflow = true; break }
            magnitude = sum
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if overflow || magnitude > limit { return .outOfRange }
        return .value(negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude))
    }

    /// The double `text` spells, if Python's `float()` accepts it.
    static func float(_ text: Substring.UTF8View) -> Double? {
        guard var body = trimmed(text) else { return nil }
        var sign = ""
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? "-" : ""
            body = body.dropFirst()
        }
        switch String(decoding: body, as: UTF8.self).lowercased() {
        case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        // mantissa: digits [. digits] or . digits; then an optional exponent.
        var index = body.startIndex
        var cleaned: [UInt8] = []
        func digitRun() -> Bool {
            let start = index
            while index < body.endIndex, isDigit(body[index]) || body[index] == UInt8(ascii: "_") { index = body.index(after: index) }
            guard start < index, let plain = digitsWithoutUnderscores(body[start..<index]) else { return start == index }
            cleaned += plain
            return true
        }
        let integerStart = cleaned.count
        guard digitRun() else { return nil }
        var hasDigits = cleaned.count > integerStart
        if index < body.endIndex, body[index] == UInt8(ascii: ".") {
            cleaned.append(UInt8(ascii: "."))
            index = body.index(after: index)
            let fractionStart = cleaned.count
            guard digitRun() else { return nil }
            hasDigits = hasDigits || cleaned.count > fractionStart
        }
        guard hasDigits else { return nil }
        if index < body.endIndex, body[index] == UInt8(ascii: "e") || body[index] == UInt8(ascii: "E") {
            cleaned.append(UInt8(ascii: "e"))
            index = body.index(after: index)
            if index < body.endIndex, body[index] == UInt8(ascii: "+") || body[index] == UInt8(ascii: "-") {
                cleaned.append(body[index])
                index = body.index(after: index)
            }
            let exponentStart = cleaned.count
            guard digitRun(), cleaned.count > exponentStart else { return nil }
        }
        guard index == body.endIndex else { return nil }
        return Double(sign + String(decoding: cleaned, as: UTF8.self))
    }

    /// `text` without the ASCII whitespace around it; nil if nothing is left.
    private static func trimmed(_ text: Substring.UTF8View) -> Substring.UTF8View.SubSequence? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return nil
        }
        return text[first...last]
    }

    /// The digits of `run` when it is digits with single underscores only between them.
    private static func digitsWithoutUnderscores<S: Collection<UInt8>>(_ run: S) -> [UInt8]? {
        var digits: [UInt8] = []
        var previousWasDigit = false
        for byte in run {
            if isDigit(byte) {
                digits.append(byte)
                previousWasDigit = true
            } else if byte == UInt8(ascii: "_") && previousWasDigit {
                previousWasDigit = false
            } else {
                return nil
            }
        }
        return previousWasDigit ? digits : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
