import Foundation

/// An error WebDriver answered with: its code (`no such element`, `stale element reference`,
/// `timeout`, …) and message. Its description is one line: `no such element: Unable to locate …`.
struct WebDriverError: Error, CustomStringConvertible {
    /// The W3C error code.
    let code: String
    /// The driver's message, as it sent it.
    let message: String

    init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    var description: String {
        // chromedriver starts its messages with the code and ends them with a "(Session info: …)"
        // line; the code is said once and the line dropped, so that the description is one line.
        var lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        if let last = lines.last, last.hasPrefix("(Session info:") { lines.removeLast() }
        var text = lines.joined(separator: " ")
        if text.hasPrefix("\(code): ") { text.removeFirst(code.count + 2) }
        return text.isEmpty ? code : "\(code): \(text)"
    }
}
