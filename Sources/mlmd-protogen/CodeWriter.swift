/// Accumulates indented Swift source.
struct CodeWriter {
    private(set) var text = ""
    private var indent = 0

    mutating func line(_ code: String = "") {
        if code.isEmpty {
            if !text.hasSuffix("\n\n") && !text.hasSuffix("{\n") { text += "\n" }
            return
        }
        text += String(repeating: "    ", count: indent) + code + "\n"
    }

    /// `comment` from a .proto file as `///` lines, then a blank `///` line if `more` follows.
    mutating func docComment(_ comment: String?, then more: String) {
        if let comment {
            for text in comment.split(separator: "\n", omittingEmptySubsequences: false).map({ $0.drop { $0 == " " } }) {
                if !text.isEmpty { line("/// " + text) }
            }
            line("///")
        }
        line("/// " + more)
    }

    /// `header {`, the body one level deeper, then `}`.
    mutating func block(_ header: String, _ body: (inout CodeWriter) -> Void) {
        line(header + " {")
        // Swift style keeps `case` at the level of its `switch`.
        let step = header.hasPrefix("switch ") ? 0 : 1
        indent += step
        body(&self)
        indent -= step
        line("}")
    }
}
