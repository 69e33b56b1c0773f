/// An error found while parsing protobuf text format, with the 1-based line and column where it was found.
///
/// The column counts UTF-8 bytes from the start of the line (a tab counts as one byte).
public struct TextFormatDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in UTF-8 bytes.
    public var column: Int
    /// What went wrong, e.g. `expected integer, found "abc"`.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3:7: expected integer, found "abc"`
    public var description: String {
        "line \(line):\(column): \(message)"
    }
}
