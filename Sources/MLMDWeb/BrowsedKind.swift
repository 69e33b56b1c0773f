/// The three kinds of node, as addresses and headings name them.
enum BrowsedKind: String, CaseIterable, Sendable {
    case artifact, execution, context

    /// `artifacts`: the list's path, and the start of a node's.
    var plural: String { rawValue + "s" }

    /// `Artifacts`.
    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() + "s" }

    /// `/artifacts/3`.
    func path(_ id: Int64) -> String { "/\(plural)/\(id)" }

    init?(plural: Substring) {
        guard let kind = Self.allCases.first(where: { $0.plural == plural }) else { return nil }
        self = kind
    }
}
