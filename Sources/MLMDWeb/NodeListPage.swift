import Foundation
import MLMDProtos
import MLMetadata

/// `/artifacts`, `/executions`, `/contexts`: one page of nodes, by type, through a filter, in an
/// order, with a link to the next page. Parameters: `type`, `filter` (the `filter_query`
/// language), `order` (`id`, `create_time`, `last_update_time`), `dir` (`asc`, `desc`), `size`
/// (1–100), `props` (property columns, comma-separated), `page` (the store's page token) and
/// `from` (the first row's number, for the caption).
struct NodeListPage {
    let store: any BrowsedStore
    let shell: PageShell
    let kind: BrowsedKind
    let request: WebRequest

    static let defaultSize = 50

    func render() async throws -> WebResponse {
        let type = request.parameter("type")
        let filter = request.parameter("filter")
        let order = Order(rawValue: request.parameter("order") ?? "") ?? .id
        let descending = request.parameter("dir") == "desc"
        let size = min(max(Int(request.parameter("size") ?? "") ?? Self.defaultSize, 1), 100)
        let from = max(Int(request.parameter("from") ?? "") ?? 1, 1)
        var columns = request.parameter("props")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let form = FilterForm(
            kind: kind, type: type, filter: filter, order: order, descending: descending, props: request.parameter("props"))

        if let filter {
            do {
                try MetadataStore.checkFilterQuery(filter, for: kind.filtered)
            } catch let error as MetadataStoreError {
                return .page(page(type: type, form: form.render(error: error.message), table: ""), status: 400)
            }
        }
        var conditions = type.map { ["type = \(Self.quoted($0))"] } ?? []
        if let filter { conditions.append("(\(filter))") }
        let options = ListOperationOptions.with {
            $0.maxResultSize = Int32(size)
            $0.orderByField = .with {
                $0.field = order.field
                $0.isAsc = !descending
            }
            if !conditions.isEmpty { $0.filterQuery = conditions.joined(separator: " AND ") }
            if let token = request.parameter("page") { $0.nextPageToken = token }
        }
        let nodes: [NodeSummary], nextPageToken: String
        do {
            (nodes, nextPageToken) = try await fetch(options)
        } catch let error as MetadataStoreError where error.code == .invalidArgument {
            return .page(page(type: type, form: form.render(error: error.message), table: ""), status: 400)
        }
        if columns == nil, let type {
            columns = try await declaredProperties(ofType: type)
        }
        let table = NodeTable(kind: kind, columns: columns ?? []).render(nodes)
        var caption: HTML =
            nodes.isEmpty
            ? "<p class=\"empty\">No \(kind.plural) here.</p>" : "<p class=\"caption\">\(kind.title) \(from)–\(from + nodes.count - 1)</p>"
        var pager: [HTML] = []
        if request.parameter("page") != nil { pager.append("<a href=\"\(link(page: nil, from: nil))\">First page</a>") }
        if !nextPageToken.isEmpty {
            pager.append("<a rel=\"next\" href=\"\(link(page: nextPageToken, from: from + nodes.count))\">Next page</a>")
        }
        if !pager.isEmpty { caption = "\(caption)<nav class=\"pager\">\(pager)</nav>" }
        return .page(page(type: type, form: form.render(error: nil), table: "\(table)\(caption)"))
    }

    private func page(type: String?, form: HTML, table: HTML) -> HTML {
        let heading: HTML = type.map { "\(kind.title) of type <q>\($0)</q>" } ?? "\(kind.title)"
        let title = type.map { "\(kind.title) · \($0)" } ?? kind.title
        return shell.page(title: title, heading: heading, section: kind, content: "\(form)\(table)")
    }

    /// This page's address with another page token (nil: the first page).
    private func link(page: String?, from: Int?) -> String {
        "/\(kind.plural)"
            + PercentEncoding.query(
                ["type", "filter", "order", "dir", "size", "props"].map { ($0, request.parameter($0)) } + [
                    ("page", page), ("from", from.map(String.init)),
                ])
    }

    private func fetch(_ options: ListOperationOptions) async throws -> ([NodeSummary], String) {
        switch kind {
        case .artifact:
            let response = try await store.getArtifacts(.with { $0.options = options })
            return (response.artifacts.map(NodeSummary.init), response.nextPageToken)
        case .execution:
            let response = try await store.getExecutions(.with { $0.options = options })
            return (response.executions.map(NodeSummary.init), response.nextPageToken)
        case .context:
            let response = try await store.getContexts(.with { $0.options = options })
            return (response.contexts.map(NodeSummary.init), response.nextPageToken)
        }
    }

    /// The properties the type declares, in name order: the columns when none are chosen.
    private func declaredProperties(ofType name: String) async throws -> [String] {
        let properties: [String]
        switch kind {
        case .artifact:
            properties = try await store.getArtifactTypes(GetArtifactTypesRequest()).artifactTypes.filter { $0.name == name }.flatMap(
                \.properties.keys)
        case .execution:
            properties = try await store.getExecutionTypes(GetExecutionTypesRequest()).executionTypes.filter { $0.name == name }
                .flatMap(\.properties.keys)
        case .context:
            properties = try await store.getContextTypes(GetContextTypesRequest()).contextTypes.filter { $0.name == name }.flatMap(
                \.properties.keys)
        }
        return Array(Set(properties)).sorted().prefix(4).map { $0 }
    }

    /// A string literal of the filter language: in double quotes, with `\` and `"` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    enum Order: String, CaseIterable {
        case id, createTime = "create_time", lastUpdateTime = "last_update_time"

        var field: ListOperationOptions.OrderByField.Field {
            switch self {
            case .id: .id
            case .createTime: .createTime
            case .lastUpdateTime: .lastUpdateTime
            }
        }

        var label: String {
            switch self {
            case .id: "id"
            case .createTime: "created"
            case .lastUpdateTime: "last update"
            }
        }
    }
}

extension BrowsedKind {
    /// The same kind, as the filter check names it.
    var filtered: FilteredNodes {
        switch self {
        case .artifact: .artifacts
        case .execution: .executions
        case .context: .contexts
        }
    }
}
