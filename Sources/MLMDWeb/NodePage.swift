import MLMDProtos

/// `/artifacts/ID` and `/executions/ID`: every field and property, the events with the nodes at
/// their other end, the contexts, and a link to the lineage.
struct NodePage {
    let store: any BrowsedStore
    let shell: PageShell
    let kind: BrowsedKind
    let id: Int64

    /// The most events a page lists; a node read by thousands of runs says how many more.
    static let shownEvents = 100

    func render() async throws -> WebResponse {
        let summary: NodeSummary, fields: HTML, properties: HTML, events: [Event], contexts: [Context]
        switch kind {
        case .artifact:
            guard let artifact = try await store.getArtifactsByID(.with { $0.artifactIDs = [id] }).artifacts.first else { return missing() }
            summary = NodeSummary(artifact)
            fields = NodeDetails.fields(summary, externalID: artifact.externalID)
            properties = NodeDetails.properties(artifact.properties, custom: artifact.customProperties)
            async let found = noneIfNotFound { try await store.getEventsByArtifactIDs(.with { $0.artifactIDs = [id] }).events }
            async let grouped = noneIfNotFound { try await store.getContextsByArtifact(.with { $0.artifactID = id }).contexts }
            (events, contexts) = (try await found, try await grouped)
        case .execution:
            guard let execution = try await store.getExecutionsByID(.with { $0.executionIDs = [id] }).executions.first else {
                return missing()
            }
            summary = NodeSummary(execution)
            fields = NodeDetails.fields(summary, externalID: execution.externalID)
            properties = NodeDetails.properties(execution.properties, custom: execution.customProperties)
            async let found = noneIfNotFound { try await store.getEventsByExecutionIDs(.with { $0.executionIDs = [id] }).events }
            async let grouped = noneIfNotFound { try await store.getContextsByExecution(.with { $0.executionID = id }).contexts }
            (events, contexts) = (try await found, try await grouped)
        case .context:
            preconditionFailure("a context's page is ContextPage")
        }
        let eventTable = try await self.eventTable(events)
        let lineage: HTML = """
            <p class="actions"><a class="button" href="/lineage/\(kind.rawValue)/\(id)">Lineage</a> <a href="/lineage/\(kind.rawValue)/\(id)?direction=upstream">upstream</a> · <a href="/lineage/\(kind.rawValue)/\(id)?direction=downstream">downstream</a></p>
            """
        let content: HTML = "\(lineage)\(fields)\(properties)\(eventTable)\(NodeDetails.contexts("Contexts", contexts))"
        let heading: HTML = "\(summary.label)\(summary.name.isEmpty ? "" : HTML(" <small>\(summary.name)</small>"))"
        return .page(shell.page(title: summary.label, heading: heading, section: kind, content: content))
    }

    private func missing() -> WebResponse {
        shell.errorPage(status: 404, title: "Not found", message: "There is no \(kind.rawValue) with id \(id).")
    }

    /// The events, newest last, each with the node at its other end.
    private func eventTable(_ events: [Event]) async throws -> HTML {
        guard !events.isEmpty else { return "" }
        let shown = events.sorted {
            ($0.millisecondsSinceEpoch, $0.artifactID, $0.executionID) < ($1.millisecondsSinceEpoch, $1.artifactID, $1.executionID)
        }
        .prefix(Self.shownEvents)
        let otherKind: BrowsedKind = kind == .artifact ? .execution : .artifact
        let otherEnd = { (event: Event) in otherKind == .execution ? event.executionID : event.artifactID }
        let others = try await store.summaries(of: otherKind, ids: Array(Set(shown.map(otherEnd))))
        let rows = shown.map { event -> HTML in
            let otherID = otherEnd(event)
            let other = others[otherID]
            let link: HTML =
                other.map { "\($0.link) <span class=\"type\">\($0.label)</span>" }
                ?? "<a href=\"\(otherKind.path(otherID))\">\(otherKind.rawValue) \(otherID)</a>"
            return """
                <tr><td>\(DisplayFormat.eventType(event.type))</td><td>\(DisplayFormat.eventPath(event.path))</td><td>\(link)</td><td class="time">\(DisplayFormat.time(millisecondsSinceEpoch: event.millisecondsSinceEpoch))</td></tr>
                """
        }
        let more: HTML = events.count > shown.count ? "<p class=\"caption\">and \(events.count - shown.count) more events</p>" : ""
        return """
            <section><h2>Events</h2><div class="scroll"><table><thead><tr><th>Type</th><th>Path</th><th>\(otherKind.title.dropLast())</th><th>Time</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>\(more)</section>

            """
    }
}
