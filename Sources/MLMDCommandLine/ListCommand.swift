import ArgumentParser
import MLMDProtos
import MLMetadata
import ProtoWire

extension MLMDCommand {
    /// `mlmd ls artifacts --type DataSet --filter "uri LIKE '%train%'"`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls",
            abstract: "List the artifacts, executions or contexts of a store, one line each, by id.",
            discussion: "--filter takes ml-metadata's filter_query language, e.g. \"name = 'train'\" or \"contexts_a.name = 'Demo'\"."
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "artifacts, executions or contexts.")
        var kind: NodeKindPlural

        @Option(help: "Only nodes of this type.")
        var type: String?

        @Option(help: "An ml-metadata filter query the nodes must match.")
        var filter: String?

        func run() async throws {
            let query = try store.reportingNow {
                try FilterConjunction.joining(type.map { [Self.typeCondition($0)] } ?? [], userFilter: filter, for: kind.kind.filtered)
            }
            let table = try await store.withStore(creating: false) { [kind] metadataStore in
                switch kind.kind {
                case .artifact:
                    let artifacts = try await NodePages.all(filter: query) { options in
                        let response = try await metadataStore.getArtifacts(.with { $0.options = options })
                        return (response.artifacts, response.nextPageToken)
                    }
                    return TextTable(
                        header: ["ID", "TYPE", "NAME", "URI", "STATE"],
                        rows: artifacts.map { [String($0.id), $0.type, $0.name, $0.uri, $0.hasState ? $0.state.protoName : ""] })
                case .execution:
                    let executions = try await NodePages.all(filter: query) { options in
                        let response = try await metadataStore.getExecutions(.with { $0.options = options })
                        return (response.executions, response.nextPageToken)
                    }
                    return TextTable(
                        header: ["ID", "TYPE", "NAME", "STATE"],
                        rows: executions.map { [String($0.id), $0.type, $0.name, $0.hasLastKnownState ? $0.lastKnownState.protoName : ""] })
                case .context:
                    let contexts = try await NodePages.all(filter: query) { options in
                        let response = try await metadataStore.getContexts(.with { $0.options = options })
                        return (response.contexts, response.nextPageToken)
                    }
                    return TextTable(header: ["ID", "TYPE", "NAME"], rows: contexts.map { [String($0.id), $0.type, $0.name] })
                }
            }
            try StandardStreams.writeOutput(Array(table.rendered.utf8))
        }

        /// `type = 'T'`, quoted with whichever quote T does not contain.
        private static func typeCondition(_ type: String) -> String {
            type.contains("'") ? "type = \"\(type)\"" : "type = '\(type)'"
        }
    }
}
