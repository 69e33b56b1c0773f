import Foundation
import MLMDProtos
import MLMetadata

// The query workload (`store-bench --queries`): a filtered page and a lineage subgraph on a store
// of N batched artifacts with a lineage chain, ours and ml-metadata (mlmd_store_bench.py --queries).

/// The query workload's constants, the same in mlmd_store_bench.py.
enum QueryWorkload {
    /// Each timed call runs this many times; the best run counts.
    static let runs = 20
    /// Executions of the lineage chain: execution k has input artifact k and output artifact k+1.
    static let chainLength = 200
    static let pageSize: Int32 = 100
    /// A property comparison and a LIKE on `uri`.
    static let filterQuery = "properties.span.int_value > 50 AND uri LIKE '/data/artifacts/1%'"
    static let hops: Int64 = 20
    static let startFilter = "id = 1"

    static func chain(_ artifacts: Int) -> Int { min(chainLength, artifacts - 1) }
}

/// Seconds per call and what the calls returned, for the untimed comparison.
struct QueryResult {
    var name: String
    var buildSeconds: Double
    var filterSeconds: Double
    /// The first page's artifact ids, and whether it came with a next-page token.
    var filterIDs: [Int64]
    var filterHasNextPage: Bool
    var subgraphSeconds: Double
    var subgraphArtifactIDs: [Int64]
    var subgraphExecutionIDs: [Int64]
    var subgraphEvents: Int
    /// ml-metadata only: the one GetLineageSubgraph call its Python client makes (node skeletons),
    /// without the follow-up calls that fetch the nodes and types.
    var rawSubgraphSeconds: Double? = nil
}

func queryRequests() -> (GetArtifactsRequest, GetLineageSubgraphRequest) {
    let filter = GetArtifactsRequest.with {
        $0.options = .with {
            $0.maxResultSize = QueryWorkload.pageSize
            $0.filterQuery = QueryWorkload.filterQuery
        }
    }
    let subgraph = GetLineageSubgraphRequest.with {
        $0.lineageSubgraphQueryOptions = .with {
            $0.startingArtifacts = .with { $0.filterQuery = QueryWorkload.startFilter }
            $0.maxNumHops = QueryWorkload.hops
            $0.direction = .bidirectional
        }
    }
    return (filter, subgraph)
}

/// Builds the store (untimed but logged) and times the two queries, best of `QueryWorkload.runs`.
func benchmarkOursQueries(artifacts n: Int) throws -> QueryResult {
    precondition(n >= 2, "--queries needs at least 2 artifacts")
    return try withFreshStore("q") { store, typeID in try runQueries(artifacts: n, store: store, typeID: typeID) }
}

private func runQueries(artifacts n: Int, store: MetadataStore, typeID: Int64) throws -> QueryResult {
    let executionTypeID = try store.putExecutionType(.with { $0.name = "Trainer" })

    let (buildSeconds, _) = try timed {
        var ids: [Int64] = []
        ids.reserveCapacity(n)
        for start in stride(from: 0, to: n, by: Workload.batch) {
            let batch = (start..<min(start + Workload.batch, n)).map { makeArtifact(typeID: typeID, $0 + 1) }
            ids += try store.putArtifacts(batch)
        }
        let chain = QueryWorkload.chain(n)
        let executionIDs = try store.putExecutions(
            (0..<chain).map { k in
                Execution.with {
                    $0.typeID = executionTypeID
                    $0.name = "run-\(k + 1)"
                    $0.lastKnownState = .complete
                }
            })
        let events = (0..<chain).flatMap { k in
            [
                Event.with {
                    $0.artifactID = ids[k]; $0.executionID = executionIDs[k]; $0.type = .input
                },
                Event.with {
                    $0.artifactID = ids[k + 1]; $0.executionID = executionIDs[k]; $0.type = .output
                },
            ]
        }
        try store.putEvents(events)
    }
    log(
        "  build: \(n) artifacts, \(QueryWorkload.chain(n)) executions, \(2 * QueryWorkload.chain(n)) events in \(fmt(buildSeconds, digits: 3)) s"
    )

    let (filterRequest, subgraphRequest) = queryRequests()
    let (filterSeconds, page) = try bestOf(QueryWorkload.runs) { try store.getArtifacts(filterRequest) }
    log("  filter page: \(page.artifacts.count) artifacts, best \(fmt(filterSeconds * 1e3, digits: 3)) ms")
    let (subgraphSeconds, subgraph) = try bestOf(QueryWorkload.runs) { try store.getLineageSubgraph(subgraphRequest) }
    let graph = subgraph.lineageSubgraph
    log(
        "  subgraph: \(graph.artifacts.count) artifacts, \(graph.executions.count) executions, "
            + "\(graph.events.count) events, best \(fmt(subgraphSeconds * 1e3, digits: 3)) ms")
    return QueryResult(
        name: "swift-ml-metadata (ours)", buildSeconds: buildSeconds,
        filterSeconds: filterSeconds, filterIDs: page.artifacts.map(\.id), filterHasNextPage: !page.nextPageToken.isEmpty,
        subgraphSeconds: subgraphSeconds,
        subgraphArtifactIDs: graph.artifacts.map(\.id).sorted(), subgraphExecutionIDs: graph.executions.map(\.id).sorted(),
        subgraphEvents: graph.events.count
    )
}

struct MLMDQueryReport: Decodable {
    var mlmd_version: String
    var build_seconds: Double
    var filter_seconds: Double
    var filter_ids: [Int64]
    var filter_has_next_page: Bool
    var subgraph_seconds: Double
    var subgraph_raw_seconds: Double
    var subgraph_artifact_ids: [Int64]
    var subgraph_execution_ids: [Int64]
    var subgraph_events: Int
}

func runMLMDQueries(artifacts n: Int) -> QueryResult? {
    guard let output = runPythonBench(["--queries", String(n)]) else { return nil }
    do {
        let r = try JSONDecoder().decode(MLMDQueryReport.self, from: output)
        return QueryResult(
            name: "ml-metadata \(r.mlmd_version)", buildSeconds: r.build_seconds,
            filterSeconds: r.filter_seconds, filterIDs: r.filter_ids, filterHasNextPage: r.filter_has_next_page,
            subgraphSeconds: r.subgraph_seconds,
            subgraphArtifactIDs: r.subgraph_artifact_ids.sorted(), subgraphExecutionIDs: r.subgraph_execution_ids.sorted(),
            subgraphEvents: r.subgraph_events, rawSubgraphSeconds: r.subgraph_raw_seconds
        )
    } catch {
        log("ml-metadata: cannot parse output \(String(decoding: output, as: UTF8.self)): \(error)")
        return nil
    }
}

/// "ids 151…1198 (100), next page: yes; subgraph 11 artifacts (1…11), 10 executions, 20 events".
func queryCheck(_ r: QueryResult) -> String {
    func span(_ ids: [Int64]) -> String { ids.isEmpty ? "none" : "\(ids.first!)…\(ids.last!)" }
    return "filter page \(r.filterIDs.count) ids (\(span(r.filterIDs))), next page: \(r.filterHasNextPage ? "yes" : "no"); "
        + "subgraph \(r.subgraphArtifactIDs.count) artifacts (\(span(r.subgraphArtifactIDs))), "
        + "\(r.subgraphExecutionIDs.count) executions (\(span(r.subgraphExecutionIDs))), \(r.subgraphEvents) events"
}

/// The query workload end to end: prints the table and the checks.
func runQueryWorkload(artifacts n: Int, oursOnly: Bool, markdown: Bool) throws {
    log(
        "query workload: \(n) artifacts batched, a chain of \(QueryWorkload.chain(n)) executions; "
            + "best of \(QueryWorkload.runs) calls each")
    log("timing swift-ml-metadata (ours) ...")
    let ours = try benchmarkOursQueries(artifacts: n)
    let mlmd = oursOnly ? nil : runMLMDQueries(artifacts: n)

    let mlmdName = mlmd?.name ?? "ml-metadata 1.17.1"
    let missing = oursOnly ? "not run" : "n/a"
    func cell(_ value: Double?, digits: Int) -> String { value.map { fmt($0, digits: digits) } ?? missing }
    func speedup(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b else { return "n/a" }
        return String(format: "%.2f×", a / b)
    }
    /// Whole numbers, but one decimal under 100/s (1M artifacts can be that slow).
    func rate(_ value: Double) -> String { fmt(value, digits: value < 100 ? 1 : 0) }
    let header = ["Query", "ours", mlmdName, "ours speed-up"]
    var rows: [[String]] = [
        [
            "filter page of 100 (queries/s)", rate(1 / ours.filterSeconds), mlmd.map { rate(1 / $0.filterSeconds) } ?? missing,
            speedup(mlmd?.filterSeconds, ours.filterSeconds),
        ],
        [
            "filter page of 100 (ms per page)", fmt(ours.filterSeconds * 1e3, digits: 3),
            cell(mlmd.map { $0.filterSeconds * 1e3 }, digits: 3),
            speedup(mlmd?.filterSeconds, ours.filterSeconds),
        ],
        [
            "\(QueryWorkload.hops)-hop bidirectional subgraph (ms per call)", fmt(ours.subgraphSeconds * 1e3, digits: 3),
            cell(mlmd.map { $0.subgraphSeconds * 1e3 }, digits: 3), speedup(mlmd?.subgraphSeconds, ours.subgraphSeconds),
        ],
    ]
    if let raw = mlmd?.rawSubgraphSeconds {
        rows.append([
            "… ml-metadata's GetLineageSubgraph call alone (ms)", "", fmt(raw * 1e3, digits: 3),
            speedup(raw, ours.subgraphSeconds),
        ])
    }

    // Untimed: the same data gives the same ids on both sides.
    var checks = ["\(ours.name): \(queryCheck(ours))"]
    if let mlmd {
        checks.append("\(mlmd.name): \(queryCheck(mlmd))")
        let sameFilter = ours.filterIDs == mlmd.filterIDs && ours.filterHasNextPage == mlmd.filterHasNextPage
        let sameGraph =
            ours.subgraphArtifactIDs == mlmd.subgraphArtifactIDs
            && ours.subgraphExecutionIDs == mlmd.subgraphExecutionIDs && ours.subgraphEvents == mlmd.subgraphEvents
        checks.append(
            "same filter page ids: \(sameFilter ? "OK" : "MISMATCH"); "
                + "same subgraph node ids and event count: \(sameGraph ? "OK" : "MISMATCH")")
    }
    let summary =
        "\(DatabaseServer.placeDescription); \(n) artifacts put in batches of 1,000 (uri /data/artifacts/i, "
        + "properties split and span = i % 100, custom accuracy), \(QueryWorkload.chain(n)) executions, execution k "
        + "with input artifact k and output artifact k+1. Filter `\(QueryWorkload.filterQuery)`, first page "
        + "(max_result_size \(QueryWorkload.pageSize)); GetLineageSubgraph from `\(QueryWorkload.startFilter)`, "
        + "\(QueryWorkload.hops) hops, BIDIRECTIONAL. Best of \(QueryWorkload.runs) calls each. "
        + "Store built in \(fmt(ours.buildSeconds, digits: 1)) s (ours)"
        + (mlmd.map { ", \(fmt($0.buildSeconds, digits: 1)) s (ml-metadata)." } ?? ".")
    printTable(summary: summary, header: header, rows: rows, notes: checks, markdown: markdown)
}

/// Prints a table as Markdown or aligned plain text, with notes under it.
func printTable(summary: String, header: [String], rows: [[String]], notes: [String], markdown: Bool) {
    print(summary)
    if markdown {
        print("")
        print("| " + header.joined(separator: " | ") + " |")
        print("| --- |" + String(repeating: " ---: |", count: header.count - 1))
        for row in rows { print("| " + row.joined(separator: " | ") + " |") }
        print("")
        for note in notes { print("- \(note)") }
    } else {
        func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - s.count))
            return right ? fill + s : s + fill
        }
        let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.indices.map { pad(cells[$0], widths[$0], right: $0 > 0) }.joined(separator: "  ")
        }
        print(line(header))
        print(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
        for row in rows { print(line(row)) }
        print("")
        for note in notes { print(note) }
    }
}
