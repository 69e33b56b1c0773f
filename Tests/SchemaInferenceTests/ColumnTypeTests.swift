import TFMetadataProtos
import Testing

@testable import SchemaInference

/// Column types as TFDV's CSV decoder infers them: Python's int() and float() decide.
@Suite struct ColumnTypeTests {
    private func type(_ cells: [String]) -> FeatureNameStatistics.TypeEnum {
        var column = ColumnAccumulator()
        for cell in cells { column.add(cell) }
        return FeatureStatisticsBuilder.statistics(name: "x", column: column).type
    }

    @Test func integersWithSignsSpacesAndUnderscores() {
        #expect(type(["12", "-3", " 7 ", "+0", "1_000", "007", ""]) == .int)
        #expect(type(["9223372036854775807", "-9223372036854775808"]) == .int)
    }

    @Test func integersBeyond64BitsMakeTheColumnText() {
        #expect(type(["1", "9223372036854775808"]) == .string)
    }

    @Test func anyNonIntegerNumberMakesTheColumnFloat() {
        #expect(type(["1", "2.5"]) == .float)
        #expect(type(["1e3", ".5", "5.", "-inf", "NaN", "Infinity", "1_0.2_5"]) == .float)
    }

    @Test func anythingElseMakesItText() {
        #expect(type(["1", "2.5", "x"]) == .string)
        for cell in ["0x10", "1__0", "_1", "1_", ".", "e5", "1e", "1.2.3", " ", "١"] {
            #expect(type([cell]) == .string, "\(cell)")
        }
    }

    @Test func aColumnWithoutValuesIsText() {
        #expect(type(["", ""]) == .string)
    }
}
