import Foundation
import MLMDProtos
import MLMetadata
import ProtoWire
import Testing

/// GetLineageSubgraph against the real ml-metadata: on one file written by our store, both give the
/// same subgraph (nodes, events, contexts, types, attributions, associations) for every request, or
/// both refuse it.
@Suite struct LineageSubgraphCompatibilityTests {
    /// a1 → e1 → a2 → e2 → a3 → e3 → a4, a5 → e1; a1 and e2 in context 1.
    static func makeStore(_ path: String) throws -> MetadataStore {
        let store = try MetadataStore(config: .with { $0.sqlite = .with { $0.filenameURI = path } })
        _ = try store.putArtifactType(.with { $0.name = "A" })
        _ = try store.putExecutionType(.with { $0.name = "E" })
        _ = try store.putContextType(.with { $0.name = "C" })
        _ = try store.putArtifacts(
            (0..<5).map { index in
                .with {
                    $0.typeID = 10; $0.uri = "\(index)"
                }
            })
        _ = try store.putExecutions((0..<3).map { _ in .with { $0.typeID = 11 } })
        let edges: [(Int64, Int64, Event.TypeEnum)] = [
            (1, 1, .input), (5, 1, .input), (2, 1, .output), (2, 2, .input),
            (3, 2, .output), (3, 3, .declaredInput), (4, 3, .internalOutput),
        ]
        try store.putEvents(
            edges.map { edge in
                .with {
                    $0.artifactID = edge.0; $0.executionID = edge.1; $0.type = edge.2
                }
            })
        _ = try store.putContexts([
            .with {
                $0.typeID = 12; $0.name = "c"
            }
        ])
        _ = try store.putAttributionsAndAssociations(
            .with {
                $0.attributions = [
                    .with {
                        $0.contextID = 1; $0.artifactID = 1
                    },
                    .with {
                        $0.contextID = 1; $0.artifactID = 5
                    },
                ]
                $0.associations = [
                    .with {
                        $0.contextID = 1; $0.executionID = 2
                    },
                    .with {
                        $0.contextID = 1; $0.executionID = 3
                    },
                ]
            })
        return store
    }

    static let optionsQueries = [
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 2 direction: DOWNSTREAM",
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 4 direction: BIDIRECTIONAL",
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 20 direction: DOWNSTREAM",
        "starting_artifacts { filter_query: 'id = 4' } max_num_hops: 2 direction: UPSTREAM",
        "starting_artifacts { filter_query: 'id = 4' } max_num_hops: 6 direction: UPSTREAM",
        "starting_executions { filter_query: 'id = 1' } max_num_hops: 1 direction: BIDIRECTIONAL",
        "starting_executions { filter_query: 'id >= 2' } max_num_hops: 1 direction: DOWNSTREAM",
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 0 direction: BIDIRECTIONAL",
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 2",
        "starting_artifacts { filter_query: 'uri = \"0\" OR uri = \"4\"' } max_num_hops: 3",
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 10 direction: DOWNSTREAM ending_executions { filter_query: 'id = 1' }",
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 10 direction: DOWNSTREAM ending_executions { filter_query: 'id = 1' include_ending_nodes: true }",
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 10 direction: DOWNSTREAM ending_artifacts { filter_query: 'id = 3' include_ending_nodes: true }",
        "starting_artifacts { filter_query: 'id = 1' } direction: DOWNSTREAM",
        "starting_artifacts { filter_query: 'id = 999' } max_num_hops: 1",
        "starting_artifacts { } max_num_hops: 1",
        "starting_artifacts { filter_query: 'id = 1' } max_num_hops: -1",
    ]

    /// Read masks: whole field names only; `*_types` are every type of the kind in the store.
    static let masks = [
        "", "paths: 'artifacts' paths: 'events'", "paths: 'attributions' paths: 'associations'",
        "paths: 'artifact_types' paths: 'context_types'", "paths: 'execution_types'", "paths: 'artifacts.id'",
        "paths: 'contexts' paths: 'bogus'", "paths: ''",
    ]

    /// Every options query with no mask, and one query under every mask.
    static let queries =
        optionsQueries.map { "lineage_subgraph_query_options { \($0) }" }
        + masks.map {
            "lineage_subgraph_query_options { starting_artifacts { filter_query: 'id = 2' } max_num_hops: 2 } read_mask { \($0) }"
        }

    static func summary(_ store: MetadataStore, _ query: String) -> String {
        do {
            let graph = try store.getLineageSubgraph(GetLineageSubgraphRequest(textFormatString: query)).lineageSubgraph
            func ids(_ values: [Int64]) -> String { values.sorted().map(String.init).joined(separator: ",") }
            let events = graph.events.map { ($0.artifactID, $0.executionID, $0.type.rawValue) }
                .sorted { [$0.0, $0.1, Int64($0.2)].lexicographicallyPrecedes([$1.0, $1.1, Int64($1.2)]) }
                .map { "\($0.0)-\($0.1)-\($0.2)" }.joined(separator: ",")
            let attributions = graph.attributions.map { "\($0.artifactID)-\($0.contextID)" }.joined(separator: ",")
            let associations = graph.associations.map { "\($0.executionID)-\($0.contextID)" }.joined(separator: ",")
            // Nodes come by id alone in ml-metadata's core; "full" would mean more than that.
            let skeletons =
                graph.artifacts.allSatisfy { $0 == Artifact.with { [id = $0.id] in $0.id = id } }
                && graph.executions.allSatisfy { $0 == Execution.with { [id = $0.id] in $0.id = id } }
                && graph.contexts.allSatisfy { $0 == Context.with { [id = $0.id] in $0.id = id } }
            return
                "\(skeletons ? "ids" : "full") A:\(ids(graph.artifacts.map(\.id))) E:\(ids(graph.executions.map(\.id))) C:\(ids(graph.contexts.map(\.id))) "
                + "ev:\(events) T:\(ids(graph.artifactTypes.map(\.id)))/\(ids(graph.executionTypes.map(\.id)))/\(ids(graph.contextTypes.map(\.id))) "
                + "at:\(attributions) as:\(associations)"
        } catch let error as MetadataStoreError {
            return "ERROR \(error.code.rawValue)"
        } catch {
            return "ERROR \(error)"
        }
    }

    @Test(.enabled(if: Oracle.isAvailable || Oracle.isRequired))
    func oursFindsTheSubgraphMLMetadataFinds() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        let store = try Self.makeStore(path)
        let theirs = try Oracle.run(script: "mlmd_file_check.py", ["lineage", path], input: Self.queries.joined(separator: "\n"))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, query) in Self.queries.enumerated() {
            #expect(Self.summary(store, query) == theirs[index], "\(query)")
        }
    }

    @Test func aReadMaskKeepsOnlyTheNamedFields() throws {
        let store = try Self.makeStore(TemporaryFile.make(suffix: ".sqlite"))
        let graph = try store.getLineageSubgraph(
            .with {
                $0.lineageSubgraphQueryOptions = try! LineageSubgraphQueryOptions(
                    textFormatString: "starting_artifacts { filter_query: 'id = 1' } max_num_hops: 2")
                $0.readMask.paths = ["artifacts", "events"]
            }
        ).lineageSubgraph
        #expect(graph.artifacts == [1, 2, 5].map { id in Artifact.with { $0.id = id } } && graph.events.count == 3)
        #expect(graph.executions.isEmpty && graph.contexts.isEmpty && graph.artifactTypes.isEmpty)
    }
}
