import ArgumentParser

/// How `mlmd lineage` draws the graph.
enum LineageFormat: String, CaseIterable, ExpressibleByArgument {
    /// One line per event, for a terminal.
    case text
    /// Graphviz: `mlmd lineage ... --format dot | dot -Tsvg > lineage.svg`.
    case dot
    /// Mermaid flowchart, which GitHub and many editors render in Markdown.
    case mermaid
}
