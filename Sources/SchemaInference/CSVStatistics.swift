import TFMetadataProtos

/// Feature statistics of a CSV file, as TensorFlow Data Validation's `generate_statistics_from_csv`
/// computes them: one feature per column, typed INT when every value is an integer, FLOAT when every
/// value is a number, STRING otherwise; empty cells are missing values.
///
/// ```swift
/// let statistics = try CSVStatistics.compute(csv: Array(text.utf8))
/// let schema = SchemaInferrer().schema(from: statistics)
/// ```
public enum CSVStatistics {
    /// How many records pass between two calls of `progress`.
    public static let progressInterval = 4096

    /// Reads the whole of `csv` and returns one data set's statistics.
    ///
    /// - Parameter progress: called every `progressInterval` records with the bytes read so far and the total.
    /// - Throws: `CSVError` naming the line of the first malformed or ragged record.
    public static func compute(
        csv: [UInt8], progress: (_ bytesRead: Int, _ byteCount: Int) -> Void = { _, _ in }
    ) throws -> DatasetFeatureStatisticsList {
        var reader = try CSVReader(bytes: csv)
        var columns = Array(repeating: ColumnAccumulator(), count: reader.header.count)
        var recordCount = 0
        while let record = try reader.nextRecord() {
            for (index, cell) in record.cells.enumerated() { columns[index].add(cell) }
            recordCount += 1
            if recordCount % progressInterval == 0 { progress(reader.bytesRead, reader.byteCount) }
        }
        progress(reader.byteCount, reader.byteCount)
        var dataset = DatasetFeatureStatistics()
        dataset.numExamples = UInt64(recordCount)
        dataset.features = zip(reader.header, columns).map { FeatureStatisticsBuilder.statistics(name: $0, column: $1) }
        return DatasetFeatureStatisticsList.with { $0.datasets = [dataset] }
    }
}
