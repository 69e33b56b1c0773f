import TFMetadataProtos

/// Picks a new feature's domain as TFDV does, trying in order:
///
/// 1. BYTES statistics (values not meant to be read as text): no domain;
/// 2. a boolean: an INT feature whose values lie in [0, 1] and reach 1, or a STRING feature with at
///    most one "true" spelling (`TRUE`, `true`, `SET`, `set`, `1`, empty) and one "false" spelling
///    (`FALSE`, `false`, `CLEAR`, `clear`, `0`) → `bool_domain` naming them;
/// 3. a STRING feature whose values all spell 64-bit integers → an empty `int_domain`;
/// 4. a STRING feature with between 1 and `maxStringDomainSize` distinct values → a `string_domain`
///    named after the feature, its values in byte order, referenced by the feature's `domain`.
///
/// The distinct values are the labels of the statistics' rank histogram, as in TFDV.
struct DomainInference {
    var maxStringDomainSize: Int

    static let trueSpellings: Set<String> = ["TRUE", "true", "SET", "set", "1", ""]
    static let falseSpellings: Set<String> = ["FALSE", "false", "CLEAR", "clear", "0"]

    func inferDomain(of statistics: FeatureNameStatistics, into feature: inout Feature, schema: inout Schema) {
        switch statistics.type {
        case .int:
            let numeric = statistics.numStats
            if numeric.min >= 0 && numeric.max == 1 { feature.boolDomain = BoolDomain() }
        case .string:
            let strings = statistics.stringStats
            guard strings.invalidUtf8Count == 0 else { return }
            // Byte order, as TFDV keeps the labels in a sorted map.
            let values = Set(strings.rankHistogram.buckets.map(\.label))
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if let boolDomain = Self.boolDomain(values) {
                feature.boolDomain = boolDomain
            } else if !values.isEmpty && values.allSatisfy(Self.spellsInt64) {
                feature.intDomain = IntDomain()
            } else if !values.isEmpty && values.count <= maxStringDomainSize {
                var domain = StringDomain()
                domain.name = Self.uniqueDomainName(Self.serializedPath(statistics), in: schema)
                domain.value = values
                feature.domain = domain.name
                schema.stringDomain.append(domain)
            }
        case .float, .bytes, .struct, .unrecognized:
            return
        }
    }

    /// The bool domain of one or two sorted values that are one true and/or one false spelling.
    static func boolDomain(_ values: [String]) -> BoolDomain? {
        guard !values.isEmpty, values.count <= 2 else { return nil }
        var domain = BoolDomain()
        for value in values {
            if !domain.hasTrueValue && trueSpellings.contains(value) {
                domain.trueValue = value
            } else if !domain.hasFalseValue && falseSpellings.contains(value) {
                domain.falseValue = value
            } else {
                return nil
            }
        }
        return domain
    }

    /// True when `text` is a 64-bit integer as Abseil's `SimpleAtoi` reads one: ASCII whitespace
    /// around an optional sign and decimal digits.
    static func spellsInt64(_ text: String) -> Bool {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        var body = text.utf8[...].drop(while: isSpace)
        while let last = body.last, isSpace(last) { body = body.dropLast() }
        var negative = false
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        var magnitude: UInt64 = 0
        for digit in body {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            if o1 || o2 { return false }
            magnitude = sum
        }
        return magnitude <= (negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max))
    }

    /// The feature's path as TFDV writes it: steps joined by `.`, a step quoted in `'` (inner quotes
    /// doubled) unless it is plain (no `.`, `(`, `)`, `'`) or wholly in parentheses.
    static func serializedPath(_ statistics: FeatureNameStatistics) -> String {
        let steps = statistics.path.step.isEmpty ? [statistics.name] : statistics.path.step
        return steps.map { step in
            let special: Set<Character> = [".", "(", ")", "'"]
            let isPlain = !step.isEmpty && !step.contains(where: special.contains)
            let isParenthesized =
                step.count >= 2 && step.first == "(" && step.last == ")"
                && !step.dropFirst().dropLast().contains(where: { $0 == "(" || $0 == ")" })
            if isPlain || isParenthesized { return step }
            return "'" + step.map { $0 == "'" ? "''" : String($0) }.joined() + "'"
        }.joined(separator: ".")
    }

    /// `name`, or `name2`, `name3`, ... when the schema already has a string domain called `name`.
    static func uniqueDomainName(_ name: String, in schema: Schema) -> String {
        let taken = Set(schema.stringDomain.map(\.name))
        var candidate = name
        var index = 1
        while taken.contains(candidate) {
            index += 1
            candidate = name + String(index)
        }
        return candidate
    }
}
