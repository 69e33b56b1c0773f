import Foundation

/// `value` with `digits` decimals, as every cell of the tables shows numbers.
func number(_ value: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", value) }

/// Prints `header` and `rows` as a Markdown table (for Benchmarks/NOTES.md) or as tab-separated lines.
func printTable(_ header: [String], _ rows: [[String]], markdown: Bool) {
    if markdown {
        print("| " + header.joined(separator: " | ") + " |")
        print("| " + header.map { _ in "---:" }.joined(separator: " | ") + " |")
        for row in rows { print("| " + row.joined(separator: " | ") + " |") }
    } else {
        for row in [header] + rows { print(row.joined(separator: "\t")) }
    }
}
