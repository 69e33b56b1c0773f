import LineageLayout
import MLMDProtos

/// A lineage neighbourhood drawn as SVG, left to right in layers: artifacts as rounded boxes,
/// executions as square ones, the start node emphasized, events as arrows labelled with their
/// type, and collapsed neighbours as dashed "N more" boxes that link to the drawing with them
/// expanded. Colours and fonts are attributes, not a style sheet, so that the downloaded file
/// looks the same and the page's content policy forbids no inline style.
struct LineageDrawing {
    /// A drawn box: its label lines, where it links, and how it looks.
    private struct Box {
        var lines: [String]
        var tooltip: String
        var link: String
        var shape: Shape
    }

    private enum Shape { case artifact, execution, collapsed }

    static let boxHeight = 44.0
    /// Labels are cut to this many characters; the tooltip has all of them.
    static let labelLimit = 30

    let neighbourhood: LineageNeighbourhood
    /// The artifacts and executions drawn, by kind and id.
    let nodes: [BrowsedKind: [Int64: NodeSummary]]
    /// The drawing's own address without `expand`, and the nodes expanded already: a collapsed
    /// box links to it with its node added.
    let pageAddress: (_ expanded: [String]) -> String
    let expanded: [String]

    /// The SVG element; `standalone` adds the XML declaration a file of its own wants.
    func svg(standalone: Bool) -> HTML {
        var boxes: [(id: String, box: Box)] = neighbourhood.nodes.map { ($0.key, box(for: $0)) }
        for group in neighbourhood.collapsed {
            let noun = group.node.kind == .artifact ? "execution" : "artifact"
            boxes.append(
                (
                    group.key,
                    Box(
                        lines: ["\(group.count) more", "\(group.direction) \(noun)\(group.count == 1 ? "" : "s")"],
                        tooltip: "Show the \(group.count) \(group.direction) \(noun)s of \(group.node.key)",
                        link: pageAddress(expanded + [group.node.key]), shape: .collapsed)
                ))
        }
        var edges: [(edge: LayeredGraph.Edge, label: String)] = neighbourhood.events.map { event in
            let artifact = "a\(event.artifactID)", execution = "e\(event.executionID)"
            let edge =
                LineageNeighbourhood.isInput(event.type)
                ? LayeredGraph.Edge(from: artifact, to: execution) : LayeredGraph.Edge(from: execution, to: artifact)
            let path = DisplayFormat.eventPath(event.path)
            return (edge, path.isEmpty ? event.type.protoName : "\(event.type.protoName) \(path)")
        }
        for group in neighbourhood.collapsed {
            let edge =
                group.downstream
                ? LayeredGraph.Edge(from: group.node.key, to: group.key) : LayeredGraph.Edge(from: group.key, to: group.node.key)
            edges.append((edge, ""))
        }
        let graph = LayeredGraph(
            nodes: boxes.map { LayeredGraph.Node(id: $0.id, width: Self.width(of: $0.box.lines), height: Self.boxHeight) },
            edges: edges.map(\.edge))
        let layout = LayeredLayoutEngine.layout(graph, spacing: .init(betweenLayers: 130, betweenNodes: 18, margin: 12))
        let arrows = zip(edges, layout.routes).map { edge, route in Self.arrow(route, label: edge.label) }
        let startKey = neighbourhood.start.key
        let drawnBoxes = zip(boxes, graph.nodes).compactMap { entry, node -> HTML? in
            guard let corner = layout.positions[entry.id] else { return nil }
            return Self.draw(entry.box, at: corner, width: node.width, emphasized: entry.id == startKey, id: entry.id)
        }
        let declaration: HTML = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        return """
            \(declaration)<svg xmlns="http://www.w3.org/2000/svg" class="lineage" viewBox="0 0 \(layout.width) \(layout.height)" width="\(layout.width)" height="\(layout.height)" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" role="img" aria-label="Lineage of \(startKey)">
            <defs><marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="#6b7686"/></marker></defs>
            <g class="edges">\(arrows)</g>
            <g class="nodes">\(drawnBoxes)</g>
            </svg>

            """
    }

    /// An artifact's box says its name or uri, an execution's its name or state.
    private func box(for node: LineageNeighbourhood.NodeID) -> Box {
        let kind = node.kind
        let summary = nodes[kind]?[node.id]
        let second = summary.map { kind == .artifact ? $0.uri : $0.state } ?? ""
        let detail = summary.map { $0.name.isEmpty ? second : $0.name } ?? ""
        return Box(
            lines: ["\(summary?.type ?? kind.rawValue) #\(node.id)"] + (detail.isEmpty ? [] : [detail]),
            tooltip: [summary?.type ?? "", summary?.name ?? "", second].filter { !$0.isEmpty }.joined(separator: "\n"),
            link: kind.path(node.id), shape: kind == .artifact ? .artifact : .execution)
    }

    /// Wide enough for the longer line at about 7 units a character, within bounds.
    private static func width(of lines: [String]) -> Double {
        let characters = lines.map { min($0.count, labelLimit + 1) }.max() ?? 0
        return min(max(Double(characters) * 7 + 24, 96), 250)
    }

    private static func clipped(_ line: String) -> String {
        line.count > labelLimit ? String(line.prefix(labelLimit)) + "…" : line
    }

    private static func draw(_ box: Box, at corner: LayeredLayout.Point, width: Double, emphasized: Bool, id: String) -> HTML {
        let (fill, stroke, radius): (String, String, Double) =
            switch box.shape {
            case .artifact: ("#e8f1fc", "#3b78c4", boxHeight / 2)
            case .execution: ("#eef7ec", "#3f8a3a", 3)
            case .collapsed: ("#f6f6f6", "#8a8a8a", 8)
            }
        let outline: HTML =
            emphasized
            ? " stroke=\"#c26a00\" stroke-width=\"3.5\""
            : box.shape == .collapsed
                ? " stroke=\"\(stroke)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"" : " stroke=\"\(stroke)\" stroke-width=\"1.5\""
        let centre = corner.x + width / 2
        let texts: [HTML] = box.lines.enumerated().map { index, line in
            let y = corner.y + (box.lines.count == 1 ? boxHeight / 2 + 4 : 18 + Double(index) * 16)
            let weight: HTML = index == 0 ? " font-weight=\"600\"" : " fill=\"#39424e\""
            return "<text x=\"\(centre)\" y=\"\(y)\" text-anchor=\"middle\" font-size=\"12\"\(weight)>\(clipped(line))</text>"
        }
        let kind: HTML =
            switch box.shape {
            case .artifact: "artifact"
            case .execution: "execution"
            case .collapsed: "collapsed"
            }
        let startMark: HTML = emphasized ? " start" : ""
        return """
            <a href="\(box.link)" class="node \(kind)\(startMark)" data-node="\(id)"><title>\(box.tooltip)</title><rect x="\(corner.x)" y="\(corner.y)" width="\(width)" height="\(boxHeight)" rx="\(radius)" fill="\(emphasized ? "#fff3dc" : fill)"\(outline)/>\(texts)</a>

            """
    }

    /// A curve through the route's points, with its label above the part that enters the target.
    private static func arrow(_ route: [LayeredLayout.Point], label: String) -> HTML {
        guard let first = route.first, route.count > 1 else { return "" }
        var path = "M\(format(first.x)),\(format(first.y))"
        for (from, to) in zip(route, route.dropFirst()) {
            let bend = (to.x - from.x) / 2
            path += "C\(format(from.x + bend)),\(format(from.y)) \(format(to.x - bend)),\(format(to.y)) \(format(to.x)),\(format(to.y))"
        }
        let caption: HTML
        if label.isEmpty {
            caption = ""
        } else {
            let from = route[route.count - 2], to = route[route.count - 1]
            caption =
                "<text x=\"\((from.x + to.x) / 2)\" y=\"\((from.y + to.y) / 2 - 4)\" text-anchor=\"middle\" font-size=\"10\" fill=\"#56606d\">\(clipped(label))</text>"
        }
        return
            "<g class=\"event\"><path d=\"\(path)\" fill=\"none\" stroke=\"#8a94a3\" stroke-width=\"1.4\" marker-end=\"url(#arrowhead)\"/>\(caption)</g>\n"
    }

    /// A coordinate as `HTML` writes it, for path data built as a string.
    private static func format(_ value: Double) -> String {
        ("\(value)" as HTML).text
    }
}
