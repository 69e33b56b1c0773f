/// Why a CSV file could not be read, and on which line (1-based, the header being line 1).
public struct CSVError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The file has no header row.
        case empty
        /// Two header cells name the same column.
        case duplicateColumn(String)
        /// A record has a different number of cells than the header.
        case raggedRow(expected: Int, found: Int)
        /// A `"` inside a cell that does not start with one.
        case quoteInUnquotedCell
        /// Something other than `,` or a line end right after a closing quote.
        case textAfterClosingQuote
        /// A quoted cell still open at the end of the file.
        case unterminatedQuote
        /// Bytes that are not UTF-8.
        case invalidUTF8
    }

    /// The line the problem is on; for an unterminated quote, the line where the quoted cell starts.
    public var line: Int
    /// What went wrong.
    public var reason: Reason

    /// A problem at `line`.
    public init(line: Int, _ reason: Reason) {
        self.line = line
        self.reason = reason
    }

    /// `line 3: expected 18 cells, found 17`
    public var description: String {
        let what: String
        switch reason {
        case .empty: what = "no header row"
        case .duplicateColumn(let name): what = "column \"\(name)\" appears twice in the header"
        case .raggedRow(let expected, let found): what = "expected \(expected) cells as in the header, found \(found)"
        case .quoteInUnquotedCell: what = "a quote (\") inside a cell that is not quoted; quote the cell and double the quote"
        case .textAfterClosingQuote: what = "text after the closing quote of a cell"
        case .unterminatedQuote: what = "a quoted cell that starts here is never closed"
        case .invalidUTF8: what = "bytes that are not UTF-8 text"
        }
        return "line \(line): \(what)"
    }
}
