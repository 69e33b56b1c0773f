import MLMetadata

/// A command's `--filter` joined with conditions of the command's own (`--type`,
/// `--older-than`). The user's query is checked on its own first: an error in the joined query
/// would point at offsets and parentheses the user never wrote.
enum FilterConjunction {
    /// `conditions` and the user's `filter` (parenthesized), joined with AND; empty when both are.
    ///
    /// - Throws: the user's filter's own INVALID_ARGUMENT.
    static func joining(_ conditions: [String], userFilter filter: String?, for nodes: FilteredNodes) throws -> String {
        guard let filter else { return conditions.joined(separator: " AND ") }
        try MetadataStore.checkFilterQuery(filter, for: nodes)
        return (conditions + ["(\(filter))"]).joined(separator: " AND ")
    }
}

extension NodeKind {
    /// The same kind, as the filter check names it.
    var filtered: FilteredNodes {
        switch self {
        case .artifact: .artifacts
        case .execution: .executions
        case .context: .contexts
        }
    }
}
