import Foundation

/// Rows under a header, in columns padded to their widest cell, for listings a person reads.
/// Empty cells show as `-` so that every line has the same number of words per column.
struct TextTable: Sendable {
    let header: [String]
    let rows: [[String]]

    var rendered: String {
        let lines = [header] + rows.map { $0.map { $0.isEmpty ? "-" : $0 } }
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                line += column == cells.count - 1 ? cell : cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
            }
            return line + "\n"
        }.joined()
    }
}
