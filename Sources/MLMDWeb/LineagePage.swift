import MLMDProtos

/// `/lineage/artifact/ID` and `/lineage/execution/ID`: the drawing of the nodes around one,
/// with `hops` (1–50), `direction` (`upstream`, `downstream`, `both`), `expand` (collapsed
/// nodes opened, as `a3,e7`) and `format=svg` for the drawing alone, as a file.
struct LineagePage {
    let store: any BrowsedStore
    let shell: PageShell
    let start: LineageNeighbourhood.NodeID
    let request: WebRequest

    /// Nodes drawn before the far side collapses into "N more" boxes.
    static let nodeBudget = 300
    static let defaultHops = 6

    func render() async throws -> WebResponse {
        let hops = min(max(Int(request.parameter("hops") ?? "") ?? Self.defaultHops, 1), 50)
        let direction = LineageNeighbourhood.Direction(rawValue: request.parameter("direction") ?? "") ?? .both
        let expandedKeys = (request.parameter("expand") ?? "").split(separator: ",").filter {
            LineageNeighbourhood.NodeID(key: $0) != nil
        }.map(String.init)
        let neighbourhood = try await LineageNeighbourhood(
            store: store, start: start, direction: direction, hops: hops, budget: Self.nodeBudget,
            expanded: Set(expandedKeys.compactMap { LineageNeighbourhood.NodeID(key: Substring($0)) }))
        let ids = Dictionary(grouping: neighbourhood.nodes, by: \.kind).mapValues { $0.map(\.id) }
        async let artifacts = store.summaries(of: .artifact, ids: ids[.artifact] ?? [])
        async let executions = store.summaries(of: .execution, ids: ids[.execution] ?? [])
        let nodes: [BrowsedKind: [Int64: NodeSummary]] = [.artifact: try await artifacts, .execution: try await executions]
        // A node that is not in the store has no events either: the walk found it alone.
        guard nodes[start.kind]?[start.id] != nil else {
            return shell.errorPage(status: 404, title: "Not found", message: "There is no \(kindName) with id \(startID).")
        }
        let drawing = LineageDrawing(
            neighbourhood: neighbourhood, nodes: nodes,
            pageAddress: { address(hops: hops, direction: direction, expand: $0, format: nil) }, expanded: expandedKeys)
        if request.parameter("format") == "svg" {
            return WebResponse(
                contentType: "image/svg+xml; charset=utf-8",
                headers: [("Content-Disposition", "attachment; filename=\"lineage-\(kindName)-\(startID).svg\"")],
                body: Array(drawing.svg(standalone: true).text.utf8))
        }
        let directions = HTML(
            joining: LineageNeighbourhood.Direction.allCases.map {
                "<option value=\"\($0.rawValue)\"\($0 == direction ? HTML(" selected") : "")>\($0.rawValue)</option>"
            })
        let expandField: HTML =
            expandedKeys.isEmpty ? "" : "<input type=\"hidden\" name=\"expand\" value=\"\(expandedKeys.joined(separator: ","))\">"
        let collapsedCount = neighbourhood.collapsed.reduce(0) { $0 + $1.count }
        let summary: HTML =
            collapsedCount == 0
            ? "\(neighbourhood.nodes.count) nodes, \(neighbourhood.events.count) events."
            : "\(neighbourhood.nodes.count) nodes, \(neighbourhood.events.count) events; \(collapsedCount) more past the budget of \(Self.nodeBudget) nodes (click a dashed box to open it)."
        let content: HTML = """
            <form class="filter" method="get" action="/lineage/\(kindName)/\(startID)">\(expandField)
            <label>Hops <input type="number" name="hops" min="1" max="50" value="\(hops)"></label>
            <label>Direction <select name="direction">\(directions)</select></label>
            <button type="submit">Draw</button>
            <a class="button" href="\(address(hops: hops, direction: direction, expand: expandedKeys, format: "svg"))" download>Download SVG</a>
            </form>
            <p class="caption">\(summary) <span class="legend"><span class="key artifact">artifact</span> <span class="key execution">execution</span> <span class="key start">this \(kindName)</span></span></p>
            <div class="drawing">\(drawing.svg(standalone: false))</div>
            """
        let heading: HTML = "Lineage of <a href=\"/\(kindName)s/\(startID)\">\(kindName) \(startID)</a>"
        return .page(shell.page(title: "Lineage of \(kindName) \(startID)", heading: heading, section: nil, content: content))
    }

    private var kindName: String { start.kind.rawValue }

    private var startID: Int64 { start.id }

    private func address(hops: Int, direction: LineageNeighbourhood.Direction, expand: [String], format: String?) -> String {
        "/lineage/\(kindName)/\(startID)"
            + PercentEncoding.query([
                ("hops", String(hops)), ("direction", direction.rawValue), ("expand", expand.joined(separator: ",")), ("format", format),
            ])
    }
}
