import ArgumentParser
import MLMDProtos
import MLMetadata
import ProtoWire

extension MLMDCommand {
    /// `mlmd export > dump.pb`, `mlmd export --format text > dump.pbtxt`
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the whole store to standard output as one ml_metadata.LineageGraph.",
            discussion: """
                The graph holds the user types, artifacts, executions, contexts, events, attributions, \
                associations and parent contexts, each in id order. `mlmd import` reads it back; \
                `protoc --decode=ml_metadata.LineageGraph` reads the binary form too.
                """
        )

        /// The dump's encoding.
        enum Format: String, CaseIterable, ExpressibleByArgument {
            case binary, text
        }

        @OptionGroup var store: StoreOptions

        @Option(help: "binary (protobuf wire format) or text (protobuf text format).")
        var format: Format = .binary

        func run() async throws {
            var progress = TerminalProgress(label: "mlmd export")
            let graph = try await store.withStore(creating: false) { metadataStore in
                // Cleared before any error line, which then starts on a line of its own.
                defer { progress.finish() }
                return try await StoreDump.read(metadataStore) { progress.update(status: $0) }
            }
            switch format {
            case .binary: try StandardStreams.writeOutput(graph.serializedBytes())
            case .text: try StandardStreams.writeOutput(Array(graph.textFormatString().utf8))
            }
        }
    }
}
