import MLMDProtos
import ProtoWire

/// The parts of a node's page that every kind shares: its fields, its properties.
enum NodeDetails {
    /// A definition list of the node's fields; empty ones are left out.
    static func fields(_ node: NodeSummary, externalID: String, extra: [(String, HTML)] = []) -> HTML {
        var rows: [(String, HTML)] = [("Id", "\(node.id)"), ("Type", "<a href=\"/types\">\(node.type)</a>")]
        if !node.name.isEmpty { rows.append(("Name", "\(node.name)")) }
        if !node.uri.isEmpty { rows.append(("URI", "<span class=\"uri\">\(node.uri)</span>")) }
        if !externalID.isEmpty { rows.append(("External id", "\(externalID)")) }
        if !node.state.isEmpty { rows.append(("State", "\(node.state)")) }
        rows += extra
        rows.append(("Created", "\(DisplayFormat.time(millisecondsSinceEpoch: node.createTime))"))
        rows.append(("Last update", "\(DisplayFormat.time(millisecondsSinceEpoch: node.lastUpdateTime))"))
        return "<dl class=\"fields\">\(rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" as HTML })</dl>\n"
    }

    /// The properties the type declares, then the custom ones, each in name order.
    static func properties(_ properties: ProtoMap<String, Value>, custom: ProtoMap<String, Value>) -> HTML {
        "\(table("Properties", properties))\(table("Custom properties", custom))"
    }

    private static func table(_ heading: String, _ values: ProtoMap<String, Value>) -> HTML {
        guard !values.isEmpty else { return "" }
        let rows = values.map { name, value -> HTML in
            let shown = DisplayFormat.value(value)
            let cell: HTML = shown.isBlock ? "<pre>\(shown.text)</pre>" : "\(shown.text)"
            return "<tr><th scope=\"row\">\(name)</th><td>\(cell)</td></tr>"
        }
        return
            "<section><h2>\(heading)</h2><div class=\"scroll\"><table class=\"properties\"><tbody>\(rows)</tbody></table></div></section>\n"
    }

    /// Contexts as a list of links with their types.
    static func contexts(_ heading: String, _ contexts: [Context]) -> HTML {
        guard !contexts.isEmpty else { return "" }
        let items = contexts.sorted { $0.id < $1.id }.map { context -> HTML in
            "<li>\(NodeSummary(context).link) <span class=\"type\">\(context.type)</span></li>"
        }
        return "<section><h2>\(heading)</h2><ul class=\"links\">\(items)</ul></section>\n"
    }
}
