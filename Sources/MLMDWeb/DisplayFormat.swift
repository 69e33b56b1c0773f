import MLMDProtos
import ProtoWire

/// How values read on a page.
enum DisplayFormat {
    /// `2026-12-07 23:28:41.125 UTC` from milliseconds since 1970; "" for 0 (never set).
    static func time(millisecondsSinceEpoch milliseconds: Int64) -> String {
        guard milliseconds != 0 else { return "" }
        let (days, millisecondOfDay) = milliseconds.floorDivided(by: 86_400_000)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let seconds = millisecondOfDay / 1000, fraction = millisecondOfDay % 1000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let base = "\(year)-\(two(month))-\(two(day)) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        return fraction == 0 ? base + " UTC" : base + "." + String(String(fraction + 1000).dropFirst()) + " UTC"
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (the days-to-civil algorithm of
    /// Howard Hinnant's date library, in eras of 400 years).
    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A property's value as text; structs and protos as indented JSON (a proto of a type this
    /// program does not know, by its type URL and size).
    static func value(_ value: Value) -> (text: String, isBlock: Bool) {
        switch value.value {
        case .intValue(let number)?: return (String(number), false)
        case .doubleValue(let number)?: return (String(number), false)
        case .stringValue(let text)?: return (text, text.contains("\n"))
        case .boolValue(let flag)?: return (flag ? "true" : "false", false)
        case .structValue(let structure)?:
            return ((try? structure.jsonString(options: indented)) ?? "(a struct that cannot be shown as JSON)", true)
        case .protoValue(let message)?:
            if let json = try? message.jsonString(options: indented, registry: .mlmd) { return (json, true) }
            return ("\(message.typeURL) (\(message.value.count) bytes)", false)
        case nil: return ("", false)
        }
    }

    private static var indented: JSONEncodingOptions {
        var options = JSONEncodingOptions()
        options.indent = 2
        return options
    }

    /// `INPUT`, `DECLARED_OUTPUT`: an event's type as ml-metadata spells it.
    static func eventType(_ type: Event.TypeEnum) -> String {
        type.protoName
    }

    /// An event's path as a reader would write it: `examples[0]` for the steps key `examples`, index 0.
    static func eventPath(_ path: Event.Path) -> String {
        path.steps.map { step in
            switch step.value {
            case .key(let key)?: key
            case .index(let index)?: "[\(index)]"
            case nil: ""
            }
        }.joined()
    }
}

extension Int64 {
    /// The quotient rounded down and the remainder that goes with it (never negative).
    fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = self / divisor, remainder = self % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
