/// INSERTs of many rows per statement. Each statement SQLite runs opens and closes a cursor on the
/// table and on every index of it; with one row per statement that overhead cost more than the
/// inserts themselves in a batch of artifacts (each with six indexed columns and three property
/// rows with four indexes).
///
/// Rows go in statements of `maxRows`, then 32, 16, … 1 for the rest, so that at most seven
/// statement sizes per table are ever prepared.
package struct MultiRowInsert {
    /// Rows per statement at most: 64 rows of 8 values stay under SQLite's oldest default limit of
    /// 999 parameters.
    package static let maxRows = 64

    let connection: any DatabaseConnection
    /// The table, which names the statements.
    let table: String
    /// `INSERT INTO "Table" ("a", "b", …)`, without VALUES.
    let head: String
    /// Values per row.
    let columns: Int
    /// True for a table with an `id` column, whose new ids `DatabaseConnection.insertedIDs` returns.
    var returningIDs = false
    /// Each value's placeholder, when one is more than `?` (a conversion on the way in).
    var placeholders: [String]? = nil

    /// The rows of each statement, in order: `0..<64`, `64..<128`, …, then smaller tails.
    static func statementRanges(count: Int, maxRows: Int = maxRows) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var size = maxRows
        while start < count {
            while size > count - start { size /= 2 }
            ranges.append(start..<start + size)
            start += size
        }
        return ranges
    }

    /// The statement for `rows` rows, reset, with no bindings.
    func statement(rows: Int) throws -> any DatabaseStatement {
        try connection.statement(StatementKey(purpose: .insertRows, table: table, size: rows)) {
            let row = "(" + (placeholders ?? Array(repeating: "?", count: columns)).joined(separator: ", ") + ")"
            let values = head + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
            // SQLite counts the ids from the last one; other databases hand them back.
            return returningIDs && connection.returnsInsertedIDs ? values + #" RETURNING "id""# : values
        }
    }
}
