import ArgumentParser
import MLMDProtos
import MLMetadata
import ProtoWire

extension MLMDCommand {
    /// `mlmd ls artifacts --type DataSet --filter "uri LIKE '%train%'"`
    struct List: ParsableCommand {
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

        func run() throws {
            let metadataStore = try store.openStore(creating: false)
            let query = [type.map(Self.typeCondition), filter.map { "(\($0))" }].compactMap { $0 }.joined(separator: " AND ")
            let table: TextTable = try store.reporting {
                switch kind.kind {
                case .artifact:
                    let artifacts = try NodePages.all { options in
                        let response = try metadataStore.getArtifacts(.with { $0.options = options(query) })
                        return (response.artifacts, response.nextPageToken)
                    }
                    return TextTable(header: ["ID", "TYPE", "NAME", "URI", "STATE"],
                                     rows: artifacts.map { [String($0.id), $0.type, $0.name, $0.uri, $0.hasState ? $0.state.protoName : ""] })
                case .execution:
                    let executions = try NodePages.all { options in
                        let response = try metadataStore.getExecutions(.with { $0.options = options(query) })
                        return (response.executions, response.nextPageToken)
                    }
                    return TextTable(header: ["ID", "TYPE", "NAME", "STATE"],
                                     rows: executions.map { [String($0.id), $0.type, $0.name, $0.hasLastKnownState ? $0.lastKnownState.protoName : ""] })
                case .context:
                    let contexts = try NodePages.all { options in
                        let response = try metadataStore.getContexts(.with { $0.options = options(query) })
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

/// Every page of a list call, in id order.
enum NodePages {
    /// `fetch` gets the options for a filter query (the page token filled in) and returns a page and the next token.
    static func all<Node>(_ fetch: ((String) -> ListOperationOptions) throws -> ([Node], String)) throws -> [Node] {
        var nodes: [Node] = []
        var token = ""
        repeat {
            let page = try fetch { query in
                .with {
                    $0.maxResultSize = 100
                    $0.orderByField = .with { $0.field = .id; $0.isAsc = true }
                    if !query.isEmpty { $0.filterQuery = query }
                    if !token.isEmpty { $0.nextPageToken = token }
                }
            }
            nodes += page.0
            token = page.1
        } while !token.isEmpty
        return nodes
    }
}
