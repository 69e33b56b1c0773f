import ArgumentParser
import ProtoWire
import SchemaInference
import TFMetadataProtos

extension MLMDCommand {
    /// `mlmd infer-schema data.csv [-o schema.pbtxt] [--stats stats.pb]`
    struct InferSchema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "infer-schema",
            abstract: "Compute a CSV file's feature statistics and infer its schema, as TensorFlow Data Validation does.",
            discussion: """
                The CSV file has a header row naming the columns; empty cells are missing values. The \
                schema is a tensorflow.metadata.v0.Schema in text format, what TFDV's infer_schema gives \
                with its defaults: each feature's type (INT, FLOAT, BYTES), presence, shape or value \
                count, and string domains for categorical text columns (up to 100 distinct values).
                """
        )

        @Argument(help: "The CSV file.")
        var file: String

        @Option(name: .shortAndLong, help: "Write the schema to this file instead of standard output.")
        var output: String?

        @Option(help: "Also write the statistics, a binary tensorflow.metadata.v0.DatasetFeatureStatisticsList, to this file.")
        var stats: String?

        func run() throws {
            let (statistics, schema) = try Self.infer(csvAt: file, showingProgress: true)
            if let stats { try StandardStreams.writeFile(statistics.serializedBytes(), to: stats) }
            let text = Array(schema.textFormatString().utf8)
            if let output {
                try StandardStreams.writeFile(text, to: output)
            } else {
                try StandardStreams.writeOutput(text)
            }
        }

        /// The statistics of the CSV file at `path` and the schema inferred from them (`mlmd demo`
        /// runs this too); a file that cannot be read or parsed is one line naming it.
        static func infer(csvAt path: String, showingProgress: Bool) throws -> (DatasetFeatureStatisticsList, Schema) {
            let csv = try StandardStreams.readFile(path)
            var progress = TerminalProgress(label: "mlmd infer-schema: \(path)", isShown: showingProgress)
            let statistics = try StandardStreams.reportingFailure(path) {
                // Cleared before any error line, which then starts on a line of its own.
                defer { progress.finish() }
                return try CSVStatistics.compute(csv: csv) { progress.update(done: $0, total: $1) }
            }
            return (statistics, SchemaInferrer().schema(from: statistics))
        }
    }
}
