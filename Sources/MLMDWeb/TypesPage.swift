import MLMDProtos
import ProtoWire

/// `/types`: the store, then the types of each kind with their node counts and properties.
struct TypesPage {
    let store: any BrowsedStore
    let shell: PageShell

    func render() async throws -> WebResponse {
        async let overview = store.overview()
        async let artifactTypes = store.getArtifactTypes(GetArtifactTypesRequest()).artifactTypes
        async let executionTypes = store.getExecutionTypes(GetExecutionTypesRequest()).executionTypes
        async let contextTypes = store.getContextTypes(GetContextTypesRequest()).contextTypes
        let facts = try await overview
        let sections: [HTML] = [
            section(.artifact, try await artifactTypes.map(Row.init), facts),
            section(.execution, try await executionTypes.map(Row.init), facts),
            section(.context, try await contextTypes.map(Row.init), facts),
        ]
        let version: HTML = facts.schemaVersion.map { "<dt>Schema version</dt><dd>\($0)</dd>" } ?? ""
        let content: HTML = """
            <dl class="facts"><dt>Store</dt><dd>\(facts.backend)</dd>\(version)</dl>
            \(sections)
            """
        return .page(shell.page(title: "Types", heading: "Types", isTypes: true, content: content))
    }

    /// What the table shows of a type of any kind.
    struct Row {
        var id: Int64, name: String, version: String, properties: [(name: String, type: PropertyType)]

        init(_ type: ArtifactType) {
            self.init(type.id, type.name, type.version, type.properties)
        }

        init(_ type: ExecutionType) {
            self.init(type.id, type.name, type.version, type.properties)
        }

        init(_ type: ContextType) {
            self.init(type.id, type.name, type.version, type.properties)
        }

        private init(_ id: Int64, _ name: String, _ version: String, _ properties: ProtoMap<String, PropertyType>) {
            self.id = id
            self.name = name
            self.version = version
            self.properties = properties.map { ($0.key, $0.value) }
        }
    }

    private func section(_ kind: BrowsedKind, _ rows: [Row], _ facts: StoreOverview) -> HTML {
        let body = rows.sorted { ($0.name, $0.version) < ($1.name, $1.version) }.map { row -> HTML in
            let count: HTML =
                switch facts.nodesByType[row.id] {
                case .exactly(let count)?: "\(count)"
                case .atLeast(let count)?: "\(count)+"
                case nil: "0"
                }
            let properties = row.properties.map { "\($0.name): \($0.type.protoName)" }.joined(separator: ", ")
            let link = "/\(kind.plural)" + PercentEncoding.query([("type", row.name)])
            return """
                <tr><td><a href="\(link)">\(row.name)</a></td><td>\(row.version)</td><td class="number">\(count)</td><td>\(properties)</td><td class="number">\(row.id)</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"empty\">No \(kind.rawValue) types.</p>"
            : """
            <div class="scroll"><table><thead><tr><th>Name</th><th>Version</th><th class="number">\(kind.title)</th><th>Properties</th><th class="number">Id</th></tr></thead>
            <tbody>\(body)</tbody></table></div>
            """
        return "<section><h2>\(kind.title.dropLast()) types</h2>\(table)</section>\n"
    }
}
