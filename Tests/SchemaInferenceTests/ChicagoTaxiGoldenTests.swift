import Foundation
import TFMetadataProtos
import Testing

@testable import SchemaInference

/// The schema of the Chicago taxi trips that ship with `mlmd`, against the one TFDV 1.16.1 infers from
/// the same file (Golden/chicago_taxi.schema.pbtxt, made by Scripts/make-tfdv-schema.py).
@Suite struct ChicagoTaxiGoldenTests {
    static let csv = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MLMDCommandLine/Resources/chicago_taxi/data.csv")
    static let golden = Bundle.module.url(forResource: "chicago_taxi.schema", withExtension: "pbtxt", subdirectory: "Golden")!

    @Test func schemaMatchesTFDVByteForByte() throws {
        let statistics = try CSVStatistics.compute(csv: [UInt8](Data(contentsOf: Self.csv)))
        let schema = SchemaInferrer().schema(from: statistics)
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(schema.textFormatString() == expected)
    }

    @Test func statisticsCountEveryTrip() throws {
        let statistics = try CSVStatistics.compute(csv: [UInt8](Data(contentsOf: Self.csv)))
        let dataset = try #require(statistics.datasets.first)
        #expect(dataset.numExamples == 15_002)
        #expect(dataset.features.count == 18)
        let company = try #require(dataset.features.first { $0.path.step == ["company"] })
        #expect(company.type == .string)
        #expect(company.stringStats.commonStats.numNonMissing + company.stringStats.commonStats.numMissing == 15_002)
    }
}
