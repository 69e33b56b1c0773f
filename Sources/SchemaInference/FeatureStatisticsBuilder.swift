import TFMetadataProtos

/// Turns the accumulated columns into `FeatureNameStatistics`, laid out as TFDV's
/// `generate_statistics_from_csv` lays them out: the feature named by `path`, `num_stats` for INT
/// and FLOAT columns, `string_stats` (with a rank histogram) for text.
///
/// Not computed: histograms, quantiles and medians (TFDV's come from approximate sketches).
enum FeatureStatisticsBuilder {
    /// TFDV's defaults (`StatsOptions.num_top_values`, `num_rank_histogram_buckets`).
    static let topValueCount = 20
    static let rankHistogramBucketCount = 1000

    static func statistics(name: String, column: ColumnAccumulator) -> FeatureNameStatistics {
        var feature = FeatureNameStatistics()
        feature.path = Path.with { $0.step = [name] }
        let common = commonStatistics(column)
        switch column.type {
        case .integer, .float:
            feature.type = column.type == .integer ? .int : .float
            let numbers = column.type == .integer ? column.numbers : column.float32Numbers
            feature.numStats = numericStatistics(numbers, common: common)
        case .string, .unknown:
            // A column without a single value has no type; TFDV calls it STRING.
            feature.type = .string
            feature.stringStats = stringStatistics(column, common: common)
        }
        return feature
    }

    private static func commonStatistics(_ column: ColumnAccumulator) -> CommonStatistics {
        var common = CommonStatistics()
        common.numNonMissing = UInt64(column.presentCount)
        common.numMissing = UInt64(column.missingCount)
        // A CSV cell holds one value when it holds any.
        if column.presentCount > 0 {
            common.minNumValues = 1
            common.maxNumValues = 1
            common.avgNumValues = 1
        }
        common.totNumValues = UInt64(column.presentCount)
        return common
    }

    private static func numericStatistics(_ numbers: ColumnAccumulator.NumericSummary, common: CommonStatistics) -> NumericStatistics {
        var statistics = NumericStatistics()
        statistics.commonStats = common
        guard numbers.count > 0 else { return statistics }
        statistics.mean = numbers.mean
        statistics.stdDev = numbers.standardDeviation
        statistics.numZeros = UInt64(numbers.zeros)
        statistics.min = numbers.minimum
        statistics.max = numbers.maximum
        return statistics
    }

    private static func stringStatistics(_ column: ColumnAccumulator, common: CommonStatistics) -> StringStatistics {
        var statistics = StringStatistics()
        statistics.commonStats = common
        statistics.unique = UInt64(column.cellCounts.count)
        // Most frequent first; equal counts in descending byte order of the value, as TFDV ranks them.
        let ranked = column.cellCounts.sorted { lhs, rhs in
            lhs.value != rhs.value ? lhs.value > rhs.value : rhs.key.utf8.lexicographicallyPrecedes(lhs.key.utf8)
        }
        statistics.topValues = ranked.prefix(topValueCount).map { entry in
            StringStatistics.FreqAndValue.with {
                $0.value = entry.key
                $0.frequency = Double(entry.value)
            }
        }
        if column.presentCount > 0 {
            let totalLength = column.cellCounts.reduce(0) { $0 + $1.key.utf8.count * $1.value }
            statistics.avgLength = Float(Double(totalLength) / Double(column.presentCount))
        }
        statistics.rankHistogram = RankHistogram.with { histogram in
            histogram.buckets = ranked.prefix(rankHistogramBucketCount).enumerated().map { rank, entry in
                RankHistogram.Bucket.with {
                    $0.lowRank = UInt64(rank)
                    $0.highRank = UInt64(rank)
                    $0.label = entry.key
                    $0.sampleCount = Double(entry.value)
                }
            }
        }
        return statistics
    }
}
