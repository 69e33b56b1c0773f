import MLMDProtos

/// `/contexts/ID`: the context's fields and properties, its parents and children, and its
/// member artifacts and executions, each list paged on its own (`artifacts_page`,
/// `executions_page`).
struct ContextPage {
    let store: any BrowsedStore
    let shell: PageShell
    let id: Int64
    let request: WebRequest

    static let membersPerPage: Int32 = 50

    func render() async throws -> WebResponse {
        guard let context = try await store.getContextsByID(.with { $0.contextIDs = [id] }).contexts.first else {
            return shell.errorPage(status: 404, title: "Not found", message: "There is no context with id \(id).")
        }
        let summary = NodeSummary(context)
        async let parents = noneIfNotFound { try await store.getParentContextsByContext(.with { $0.contextID = id }).contexts }
        async let children = noneIfNotFound { try await store.getChildrenContextsByContext(.with { $0.contextID = id }).contexts }
        async let artifacts = store.getArtifactsByContext(
            .with {
                $0.contextID = id
                $0.options = membersPage(token: request.parameter("artifacts_page"))
            })
        async let executions = store.getExecutionsByContext(
            .with {
                $0.contextID = id
                $0.options = membersPage(token: request.parameter("executions_page"))
            })
        let artifactPage = try await artifacts, executionPage = try await executions
        let content: HTML = """
            \(NodeDetails.fields(summary, externalID: context.externalID))\(NodeDetails.properties(context.properties, custom: context.customProperties))\
            \(NodeDetails.contexts("Parents", try await parents))\(NodeDetails.contexts("Children", try await children))\
            \(members(.artifact, artifactPage.artifacts.map(NodeSummary.init), next: artifactPage.nextPageToken))\
            \(members(.execution, executionPage.executions.map(NodeSummary.init), next: executionPage.nextPageToken))
            """
        let heading: HTML = "\(summary.label)\(summary.name.isEmpty ? "" : HTML(" <small>\(summary.name)</small>"))"
        return .page(shell.page(title: summary.label, heading: heading, section: .context, content: content))
    }

    private func membersPage(token: String?) -> ListOperationOptions {
        .with {
            $0.maxResultSize = Self.membersPerPage
            $0.orderByField = .with {
                $0.field = .id
                $0.isAsc = true
            }
            if let token { $0.nextPageToken = token }
        }
    }

    private func members(_ kind: BrowsedKind, _ nodes: [NodeSummary], next: String) -> HTML {
        let parameter = "\(kind.plural)_page"
        var links: [HTML] = []
        if request.parameter(parameter) != nil { links.append("<a href=\"\(link(replacing: parameter, with: nil))\">First page</a>") }
        if !next.isEmpty { links.append("<a rel=\"next\" href=\"\(link(replacing: parameter, with: next))\">Next page</a>") }
        let pager: HTML = links.isEmpty ? "" : "<nav class=\"pager\">\(links)</nav>"
        let table: HTML = nodes.isEmpty ? "<p class=\"empty\">None.</p>" : NodeTable(kind: kind, columns: []).render(nodes)
        return "<section><h2>\(kind.title)</h2>\(table)\(pager)</section>\n"
    }

    /// This page's address with one member list's page token changed.
    private func link(replacing parameter: String, with token: String?) -> String {
        "/contexts/\(id)"
            + PercentEncoding.query(
                ["artifacts_page", "executions_page"].map { ($0, $0 == parameter ? token : request.parameter($0)) })
    }
}
