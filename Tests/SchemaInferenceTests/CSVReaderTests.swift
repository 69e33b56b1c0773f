import Testing

@testable import SchemaInference

/// RFC 4180 reading, and the line each malformed input is reported on.
@Suite struct CSVReaderTests {
    private func records(_ text: String) throws -> [CSVReader.Record] {
        var reader = try CSVReader(bytes: Array(text.utf8))
        var records: [CSVReader.Record] = []
        while let record = try reader.nextRecord() { records.append(record) }
        return records
    }

    private func error(_ text: String) -> CSVError? {
        do {
            _ = try records(text)
            return nil
        } catch {
            return error as? CSVError
        }
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n4,,6\n"
        var reader = try CSVReader(bytes: Array(text.utf8))
        #expect(reader.header == ["a", "b", "c"])
        #expect(try reader.nextRecord() == .init(cells: ["x, y", "say \"hi\"", "two\nlines"], line: 2))
        #expect(try reader.nextRecord() == .init(cells: ["4", "", "6"], line: 4))
        #expect(try reader.nextRecord() == nil)
    }

    @Test func crlfLineEndsAndAMissingFinalLineEnd() throws {
        #expect(try records("a,b\r\n1,2\r\n3,\"4\"") == [.init(cells: ["1", "2"], line: 2), .init(cells: ["3", "4"], line: 3)])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        #expect(try records("a\n\n1\r\n\r\n2\n\n") == [.init(cells: ["1"], line: 3), .init(cells: ["2"], line: 5)])
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let reader = try CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8))
        #expect(reader.header == ["a", "b"])
    }

    @Test func emptyQuotedCellAndTrailingEmptyCell() throws {
        #expect(try records("a,b,c\n\"\",x,\n") == [.init(cells: ["", "x", ""], line: 2)])
    }

    @Test func raggedRowNamesItsLine() {
        let found = error("a,b,c\n1,2,3\n4,5\n")
        #expect(found == CSVError(line: 3, .raggedRow(expected: 3, found: 2)))
        #expect(found?.description == "line 3: expected 3 cells as in the header, found 2")
    }

    @Test func tooManyCellsIsRaggedToo() {
        #expect(error("a\n1\n\n2,3\n") == CSVError(line: 4, .raggedRow(expected: 1, found: 2)))
    }

    @Test func quoteInsideAnUnquotedCell() {
        let found = error("a,b\n1,2\nx\"y,3\n")
        #expect(found == CSVError(line: 3, .quoteInUnquotedCell))
        #expect(found?.description == "line 3: a quote (\") inside a cell that is not quoted; quote the cell and double the quote")
    }

    @Test func textAfterAClosingQuote() {
        #expect(error("a,b\n\"x\"y,2\n") == CSVError(line: 2, .textAfterClosingQuote))
    }

    @Test func unterminatedQuoteNamesTheLineItStartsOn() {
        let found = error("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(found == CSVError(line: 3, .unterminatedQuote))
        #expect(found?.description == "line 3: a quoted cell that starts here is never closed")
    }

    @Test func lineNumbersCountLineBreaksInsideQuotes() {
        #expect(error("a,b\n\"1\n2\",3\n4\n") == CSVError(line: 4, .raggedRow(expected: 2, found: 1)))
    }

    @Test func emptyInputHasNoHeader() {
        #expect(error("") == CSVError(line: 1, .empty))
        #expect(error("\n\n") == CSVError(line: 1, .empty))
    }

    @Test func duplicateColumnName() {
        #expect(error("a,b,a\n") == CSVError(line: 1, .duplicateColumn("a")))
    }

    @Test func invalidUTF8NamesItsLine() throws {
        #expect(throws: CSVError(line: 2, .invalidUTF8)) {
            var reader = try CSVReader(bytes: Array("a\n".utf8) + [0xC3, 0x28] + [0x0A])
            _ = try reader.nextRecord()
        }
    }
}
