import ArgumentParser
import MLMDProtos
import MLMetadata
import ProtoWire

extension MLMDCommand {
    /// `mlmd show artifact 3`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one artifact, execution or context in protobuf text format."
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "artifact, execution or context.")
        var kind: NodeKind

        @Argument(help: "Its id.")
        var id: Int64

        func run() throws {
            let metadataStore = try store.openStore(creating: false)
            let text: String? = try store.reporting {
                switch kind {
                case .artifact: try metadataStore.getArtifactsByID([id]).first?.textFormatString()
                case .execution: try metadataStore.getExecutionsByID([id]).first?.textFormatString()
                case .context: try metadataStore.getContextsByID([id]).first?.textFormatString()
                }
            }
            guard let text else { throw StandardStreams.failure("\(store.db): no \(kind.rawValue) with id \(id)") }
            try StandardStreams.writeOutput(Array(text.utf8))
        }
    }
}
