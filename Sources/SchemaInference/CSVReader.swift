/// Reads CSV text as RFC 4180 describes it: cells separated by commas, records by LF or CRLF, cells in
/// double quotes may hold commas, line breaks and doubled quotes (`""`). The first record is the header.
///
/// Lines that are empty are skipped, as TensorFlow Data Validation skips them. A UTF-8 byte order
/// mark at the start is ignored. Every record must have as many cells as the header.
///
/// ```swift
/// var reader = try CSVReader(bytes: Array("a,b\n1,\"x, y\"\n".utf8))
/// reader.header                      // ["a", "b"]
/// try reader.nextRecord()?.cells     // ["1", "x, y"]
/// ```
public struct CSVReader {
    /// One record: its cells, and the line it starts on.
    public struct Record: Equatable {
        /// The cells, unquoted.
        public var cells: [String]
        /// The 1-based line number of the record's first character.
        public var line: Int
    }

    private let bytes: [UInt8]
    private var offset: Int
    private var line = 1

    /// The column names of the header row.
    public private(set) var header: [String] = []

    /// How far the reader has read, in bytes, for progress reports.
    public var bytesRead: Int { offset }
    /// The size of the input in bytes.
    public var byteCount: Int { bytes.count }

    /// Reads the header row of `bytes`.
    ///
    /// - Throws: `CSVError` when there is no header, a column name repeats or the header is malformed.
    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = try readRecord() else { throw CSVError(line: 1, .empty) }
        var seen: Set<String> = []
        for name in first.cells where !seen.insert(name).inserted {
            throw CSVError(line: first.line, .duplicateColumn(name))
        }
        header = first.cells
    }

    /// The next record, or nil at the end of the input.
    ///
    /// - Throws: `CSVError` for a record whose cell count differs from the header's, or bad quoting.
    public mutating func nextRecord() throws -> Record? {
        guard let record = try readRecord() else { return nil }
        guard record.cells.count == header.count else {
            throw CSVError(line: record.line, .raggedRow(expected: header.count, found: record.cells.count))
        }
        return record
    }

    /// Reads one record, skipping empty lines first.
    private mutating func readRecord() throws -> Record? {
        while offset < bytes.count, let length = lineBreakLength(at: offset) {
            offset += length
            line += 1
        }
        guard offset < bytes.count else { return nil }
        let startLine = line
        var cells: [String] = []
        while true {
            let cell = try readCell()
            cells.append(cell)
            if offset >= bytes.count { break }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            // The only other way a cell ends is a line break.
            offset += lineBreakLength(at: offset)!
            line += 1
            break
        }
        return Record(cells: cells, line: startLine)
    }

    /// Reads one cell, leaving `offset` on the `,`, the line break or the end that follows it.
    private mutating func readCell() throws -> String {
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
            return try readQuotedCell()
        }
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: ",") || lineBreakLength(at: offset) != nil { break }
            if byte == UInt8(ascii: "\"") { throw CSVError(line: line, .quoteInUnquotedCell) }
            offset += 1
        }
        return try text(bytes[start..<offset])
    }

    private mutating func readQuotedCell() throws -> String {
        let startLine = line
        offset += 1
        var content: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw CSVError(line: startLine, .unterminatedQuote) }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                if offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "\"") {
                    content.append(byte)
                    offset += 2
                    continue
                }
                offset += 1
                break
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
            content.append(byte)
            offset += 1
        }
        if offset < bytes.count, bytes[offset] != UInt8(ascii: ","), lineBreakLength(at: offset) == nil {
            throw CSVError(line: line, .textAfterClosingQuote)
        }
        return try text(content[...])
    }

    /// 1 for LF, 2 for CRLF, nil when no line break starts at `index`.
    private func lineBreakLength(at index: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "\n"): return 1
        case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"): return 2
        default: return nil
        }
    }

    private func text(_ slice: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: slice, as: UTF8.self) else { throw CSVError(line: line, .invalidUTF8) }
        return text
    }
}
