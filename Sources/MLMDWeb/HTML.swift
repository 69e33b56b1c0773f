/// Markup for a page. Strings interpolated into it are escaped, so a node's name, uri or
/// property shows as text wherever it lands (element text, attribute values, SVG), never as
/// markup or script; only `HTML` values are inserted as they are.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var text: String

    /// Markup written in this module, inserted as it is.
    init(stringLiteral text: String) {
        self.text = text
    }

    init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    var description: String { text }

    static let empty: HTML = ""

    /// Several pieces one after another.
    init(joining pieces: some Sequence<HTML>) {
        text = pieces.map(\.text).joined()
    }

    /// The text with `&`, `<`, `>`, `"` and `'` as character references: safe in element
    /// content and in quoted attributes, in HTML and in SVG.
    static func escaping(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Markup, as it is.
        mutating func appendInterpolation(_ markup: HTML) {
            text += markup.text
        }

        /// Pieces of markup, one after another.
        mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { text += piece.text }
        }

        /// Text, escaped.
        mutating func appendInterpolation(_ value: String) {
            text += HTML.escaping(value)
        }

        /// Text, escaped.
        mutating func appendInterpolation(_ value: Substring) {
            text += HTML.escaping(String(value))
        }

        mutating func appendInterpolation(_ value: Int64) {
            text += String(value)
        }

        mutating func appendInterpolation(_ value: Int) {
            text += String(value)
        }

        /// A coordinate of a drawing, with at most one decimal.
        mutating func appendInterpolation(_ value: Double) {
            let tenths = (value * 10).rounded()
            text += tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int64(tenths / 10)) : String(tenths / 10)
        }
    }
}
