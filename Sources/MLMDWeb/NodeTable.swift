/// A table of nodes: id, type, name, uri or state, last update, then the chosen properties.
struct NodeTable {
    let kind: BrowsedKind?
    let columns: [String]

    func render(_ nodes: [NodeSummary]) -> HTML {
        guard !nodes.isEmpty else { return "" }
        let detailHeading: HTML =
            switch kind {
            case .artifact?: "<th>URI</th><th>State</th>"
            case .execution?: "<th>State</th>"
            case .context?: ""
            case nil: "<th>Kind</th>"
            }
        let propertyHeadings = HTML(joining: columns.map { "<th>\($0)</th>" })
        let rows = nodes.map { node -> HTML in
            let detail: HTML =
                switch kind {
                case .artifact?: "<td class=\"uri\">\(node.uri)</td><td>\(node.state)</td>"
                case .execution?: "<td>\(node.state)</td>"
                case .context?: ""
                case nil: "<td>\(node.kind.rawValue)</td>"
                }
            let properties = HTML(joining: columns.map { "<td>\(node.properties[$0].map { DisplayFormat.value($0).text } ?? "")</td>" })
            return """
                <tr><td class="number"><a href="\(node.kind.path(node.id))">\(node.id)</a></td><td>\(node.type)</td><td>\(node.name)</td>\(detail)<td class="time">\(DisplayFormat.time(millisecondsSinceEpoch: node.lastUpdateTime))</td>\(properties)</tr>

                """
        }
        return """
            <div class="scroll"><table class="nodes"><thead><tr><th class="number">Id</th><th>Type</th><th>Name</th>\(detailHeading)<th>Last update</th>\(propertyHeadings)</tr></thead>
            <tbody>
            \(rows)</tbody></table></div>
            """
    }
}
