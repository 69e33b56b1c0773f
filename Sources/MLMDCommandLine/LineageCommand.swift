import ArgumentParser
import MLMDProtos
import MLMetadata

extension MLMDCommand {
    /// `mlmd lineage artifact 3 --hops 2 --format dot`
    struct Lineage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the lineage around an artifact or execution: the nodes within N events, upstream and downstream.",
            discussion:
                "Artifacts are ellipses (dot) or rounded (mermaid), executions boxes; edges run input → execution → output, labelled with the event type."
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "artifact or execution.")
        var kind: NodeKind

        @Argument(help: "Its id.")
        var id: Int64

        @Option(help: "How many events away from the node to go.")
        var hops: Int64 = 20

        @Option(help: "text, dot (Graphviz) or mermaid.")
        var format: LineageFormat = .text

        func validate() throws {
            guard kind != .context else { throw ValidationError("lineage starts at an artifact or an execution, not a context") }
            guard hops >= 0 else { throw ValidationError("--hops must be 0 or more") }
        }

        func run() async throws {
            let startingNodes = LineageSubgraphQueryOptions.StartingNodes.with { $0.filterQuery = "id = \(id)" }
            let request = GetLineageSubgraphRequest.with {
                $0.lineageSubgraphQueryOptions = .with {
                    if kind == .artifact { $0.startingArtifacts = startingNodes } else { $0.startingExecutions = startingNodes }
                    $0.maxNumHops = hops
                }
                $0.readMask = .with { $0.paths = ["artifacts", "executions", "events"] }
            }
            let graph = try await store.withStore(creating: false) { [store, kind, id] metadataStore in
                var graph: LineageGraph
                do {
                    graph = try await metadataStore.getLineageSubgraph(request).lineageSubgraph
                } catch let error as MetadataStoreError where error.code == .notFound {
                    throw StandardStreams.failure("\(store.db): no \(kind.rawValue) with id \(id)")
                }
                // The subgraph names its nodes by id alone.
                graph.artifacts = try await metadataStore.getArtifactsByID(.with { $0.artifactIDs = graph.artifacts.map(\.id) }).artifacts
                graph.executions = try await metadataStore.getExecutionsByID(.with { $0.executionIDs = graph.executions.map(\.id) })
                    .executions
                return graph
            }
            let picture = LineagePicture(graph: graph, start: kind == .artifact ? .artifact(id) : .execution(id))
            let output =
                switch format {
                case .text: picture.text
                case .dot: picture.dot
                case .mermaid: picture.mermaid
                }
            try StandardStreams.writeOutput(Array(output.utf8))
        }
    }
}
