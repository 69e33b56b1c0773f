import TFMetadataProtos
import Testing

@testable import SchemaInference

/// The statistics written with `--stats`: counts, numeric summaries, top values and rank histograms.
@Suite struct StatisticsTests {
    private func features(_ csv: String) throws -> [FeatureNameStatistics] {
        let list = try CSVStatistics.compute(csv: Array(csv.utf8))
        #expect(list.datasets.count == 1)
        return list.datasets[0].features
    }

    @Test func numericColumnsGetCountsMeanStdDevZerosAndBounds() throws {
        let n = try features("n\n2\n4\n\"\"\n0\n6\n")[0]
        #expect(n.path.step == ["n"])
        #expect(n.type == .int)
        #expect(
            n.numStats.commonStats
                == CommonStatistics.with {
                    $0.numNonMissing = 4
                    $0.numMissing = 1
                    $0.minNumValues = 1
                    $0.maxNumValues = 1
                    $0.avgNumValues = 1
                    $0.totNumValues = 4
                })
        #expect(n.numStats.mean == 3)
        #expect(n.numStats.stdDev == 5.0.squareRoot())
        #expect(n.numStats.numZeros == 1)
        #expect(n.numStats.min == 0)
        #expect(n.numStats.max == 6)
    }

    // Equal counts rank in descending byte order, as TFDV ranks them.
    @Test func textColumnsGetUniqueCountTopValuesAndARankHistogram() throws {
        let pay = try features("pay\nCash\nCard\nCash\nAmex\n\"\"\n")[0]
        #expect(pay.type == .string)
        #expect(pay.stringStats.commonStats.numNonMissing == 4)
        #expect(pay.stringStats.commonStats.numMissing == 1)
        #expect(pay.stringStats.unique == 3)
        #expect(pay.stringStats.avgLength == 4)
        #expect(pay.stringStats.topValues.map { "\($0.value)=\($0.frequency)" } == ["Cash=2.0", "Card=1.0", "Amex=1.0"])
        #expect(
            pay.stringStats.rankHistogram.buckets.map { "\($0.lowRank)-\($0.highRank) \($0.label) \($0.sampleCount)" }
                == ["0-0 Cash 2.0", "1-1 Card 1.0", "2-2 Amex 1.0"])
    }

    @Test func floatColumnsAreSummarisedAsThirtyTwoBitFloats() throws {
        // TFDV's CSV decoder stores FLOAT columns as float32: 700.07 becomes 700.0700073242188.
        let fare = try features("fare\n700.07\n1\n")[0]
        #expect(fare.type == .float)
        #expect(fare.numStats.max == Double(Float(700.07)))
        #expect(fare.numStats.min == 1)
    }

    @Test func datasetCountsRecordsNotLines() throws {
        let list = try CSVStatistics.compute(csv: Array("a,b\n\"1\n2\",x\n\n3,y\n".utf8))
        #expect(list.datasets[0].numExamples == 2)
        #expect(list.datasets[0].features.map(\.path.step) == [["a"], ["b"]])
    }
}
