import MLMDProtos

/// The nodes a `filter_query` chooses among.
public enum FilteredNodes: Sendable {
    case artifacts, executions, contexts

    var kind: TypeKind {
        switch self {
        case .artifacts: .artifact
        case .executions: .execution
        case .contexts: .context
        }
    }
}

extension MetadataStore {
    /// Checks `filterQuery` as the list calls of `nodes` would, without a store: it parses, and
    /// names only attributes, properties and relations those nodes have. Errors give offsets
    /// into `filterQuery` itself, so a tool that adds conditions of its own around the user's
    /// query checks the user's part first.
    ///
    /// - Throws: INVALID_ARGUMENT with the parser's or planner's message.
    public static func checkFilterQuery(_ filterQuery: String, for nodes: FilteredNodes) throws {
        _ = try FilterQueryPlan(filterQuery, kind: nodes.kind)
    }
}
