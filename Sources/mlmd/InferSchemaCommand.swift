import ArgumentParser
import Foundation
import ProtoWire
import SchemaInference

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
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StandardStreams.failure("\(file): cannot read the file")
            }
            var progress = TerminalProgress(label: "mlmd infer-schema: \(file)")
            let statistics = try StandardStreams.reportingFailure(file) {
                // Cleared before any error line, which then starts on a line of its own.
                defer { progress.finish() }
                return try CSVStatistics.compute(csv: [UInt8](data)) { progress.update(done: $0, total: $1) }
            }
            let schema = SchemaInferrer().schema(from: statistics)
            if let stats { try Self.write(statistics.serializedBytes(), to: stats) }
            let text = Array(schema.textFormatString().utf8)
            if let output {
                try Self.write(text, to: output)
            } else {
                try StandardStreams.writeOutput(text)
            }
        }

        private static func write(_ bytes: [UInt8], to path: String) throws {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            } catch {
                throw StandardStreams.failure("\(path): cannot write the file: \((error as NSError).localizedDescription)")
            }
        }
    }
}
