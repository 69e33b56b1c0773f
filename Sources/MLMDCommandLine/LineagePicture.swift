import Foundation
import MLMDProtos

/// A lineage subgraph drawn three ways: as text lines, Graphviz dot, or a Mermaid flowchart.
/// Artifacts and executions are nodes, events are edges from input artifact to execution and from
/// execution to output artifact, labelled with the event type. Everything is in id order, so the
/// same graph always gives the same bytes.
struct LineagePicture {
    enum Node: Hashable, Comparable {
        case artifact(Int64), execution(Int64)
    }

    struct Edge {
        let from: Node, to: Node, label: String
    }

    let start: Node
    /// Every node, artifacts first, each by id, with its label parts.
    let nodes: [(node: Node, type: String, detail: String)]
    let edges: [Edge]

    init(graph: LineageGraph, start: Node) {
        self.start = start
        let artifacts = graph.artifacts.sorted { $0.id < $1.id }
        let executions = graph.executions.sorted { $0.id < $1.id }
        nodes =
            artifacts.map { (Node.artifact($0.id), $0.type, $0.name.isEmpty ? $0.uri : $0.name) }
            + executions.map { (Node.execution($0.id), $0.type, $0.name) }
        edges = graph.events.map { event in
            let artifact = Node.artifact(event.artifactID), execution = Node.execution(event.executionID)
            let label = event.type.protoName
            return Self.isInput(event.type)
                ? Edge(from: artifact, to: execution, label: label)
                : Edge(from: execution, to: artifact, label: label)
        }.sorted { ($0.from, $0.to, $0.label) < ($1.from, $1.to, $1.label) }
    }

    /// Events that bring an artifact into an execution; the rest come out of it.
    private static func isInput(_ type: Event.TypeEnum) -> Bool {
        [.input, .declaredInput, .internalInput].contains(type)
    }

    // MARK: text

    /// `[artifact 1: DataSet "train"] --DECLARED_INPUT--> [execution 2: Data Validation]`, one line per
    /// event, then nodes no event touches.
    var text: String {
        let described = Dictionary(
            uniqueKeysWithValues: nodes.map { entry in
                (
                    entry.node,
                    "[\(Self.kindAndID(entry.node)): \(entry.type)\(entry.detail.isEmpty ? "" : " \"\(entry.detail.replacingOccurrences(of: "\"", with: "\\\""))\"")]"
                )
            })
        var lines = edges.map {
            "\(described[$0.from] ?? Self.kindAndID($0.from)) --\($0.label)--> \(described[$0.to] ?? Self.kindAndID($0.to))"
        }
        let connected = Set(edges.flatMap { [$0.from, $0.to] })
        lines += nodes.filter { !connected.contains($0.node) }.map { described[$0.node]! }
        return lines.map { $0 + "\n" }.joined()
    }

    private static func kindAndID(_ node: Node) -> String {
        switch node {
        case .artifact(let id): "artifact \(id)"
        case .execution(let id): "execution \(id)"
        }
    }

    // MARK: Graphviz

    /// A drawn node's label: `TYPE #ID`, then its name (or an artifact's URI) when it has one.
    private static func labelLines(_ entry: (node: Node, type: String, detail: String)) -> [String] {
        let id =
            switch entry.node {
            case .artifact(let id), .execution(let id): id
            }
        return ["\(entry.type) #\(id)"] + (entry.detail.isEmpty ? [] : [entry.detail])
    }

    var dot: String {
        var lines = ["digraph lineage {", "  rankdir=LR;", "  node [fontname=\"Helvetica\"];"]
        for entry in nodes {
            let shape = if case .artifact = entry.node { "ellipse" } else { "box" }
            let label = Self.labelLines(entry).map(Self.dotEscaped).joined(separator: "\\n")
            let emphasis = entry.node == start ? ", penwidth=3" : ""
            lines.append("  \(Self.identifier(entry.node)) [shape=\(shape), label=\"\(label)\"\(emphasis)];")
        }
        for edge in edges {
            lines.append("  \(Self.identifier(edge.from)) -> \(Self.identifier(edge.to)) [label=\"\(edge.label)\"];")
        }
        lines.append("}")
        return lines.map { $0 + "\n" }.joined()
    }

    private static func dotEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    // MARK: Mermaid

    var mermaid: String {
        var lines = ["flowchart LR"]
        for entry in nodes {
            let label = Self.labelLines(entry).map(Self.mermaidEscaped).joined(separator: "<br>")
            let shaped = if case .artifact = entry.node { "([\"\(label)\"])" } else { "[\"\(label)\"]" }
            lines.append("  \(Self.identifier(entry.node))\(shaped)")
        }
        for edge in edges {
            lines.append("  \(Self.identifier(edge.from)) -->|\(edge.label)| \(Self.identifier(edge.to))")
        }
        lines.append("  style \(Self.identifier(start)) stroke-width:3px")
        return lines.map { $0 + "\n" }.joined()
    }

    /// Mermaid labels take HTML entities; quotes and angle brackets would end or break the label.
    private static func mermaidEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "#amp;").replacingOccurrences(of: "\"", with: "#quot;")
            .replacingOccurrences(of: "<", with: "#lt;").replacingOccurrences(of: ">", with: "#gt;")
    }

    /// `a1` for artifact 1, `e2` for execution 2: valid identifiers in both dot and Mermaid.
    private static func identifier(_ node: Node) -> String {
        switch node {
        case .artifact(let id): "a\(id)"
        case .execution(let id): "e\(id)"
        }
    }
}
