import ArgumentParser

/// `artifact`, `execution` or `context`: which kind of node a command is about.
enum NodeKind: String, CaseIterable, ExpressibleByArgument {
    case artifact, execution, context

    var plural: String { rawValue + "s" }
}

/// `artifacts`, `executions` or `contexts`, as `mlmd ls` takes them.
struct NodeKindPlural: ExpressibleByArgument {
    let kind: NodeKind

    init?(argument: String) {
        guard let kind = NodeKind.allCases.first(where: { $0.plural == argument }) else { return nil }
        self.kind = kind
    }

    static var allValueStrings: [String] { NodeKind.allCases.map(\.plural) }
}
