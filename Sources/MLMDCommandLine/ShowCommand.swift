import ArgumentParser
import MLMDProtos
import MLMetadata
import ProtoWire

extension MLMDCommand {
    /// `mlmd show artifact 3`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one artifact, execution or context in protobuf text format."
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "artifact, execution or context.")
        var kind: NodeKind

        @Argument(help: "Its id.")
        var id: Int64

        func run() async throws {
            let text: String? = try await store.withStore(creating: false) { [kind, id] metadataStore in
                switch kind {
                case .artifact:
                    try await metadataStore.getArtifactsByID(.with { $0.artifactIDs = [id] }).artifacts.first?.textFormatString()
                case .execution:
                    try await metadataStore.getExecutionsByID(.with { $0.executionIDs = [id] }).executions.first?.textFormatString()
                case .context: try await metadataStore.getContextsByID(.with { $0.contextIDs = [id] }).contexts.first?.textFormatString()
                }
            }
            guard let text else { throw StandardStreams.failure("\(store.db): no \(kind.rawValue) with id \(id)") }
            try StandardStreams.writeOutput(Array(text.utf8))
        }
    }
}
