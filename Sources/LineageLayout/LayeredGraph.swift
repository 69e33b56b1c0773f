/// A directed graph to draw left to right in layers: lineage's artifacts and executions, with an
/// edge for each event (from what was read to the execution, from the execution to what it wrote).
public struct LayeredGraph: Sendable {
    /// A box to place.
    public struct Node: Sendable, Equatable {
        public var id: String
        public var width: Double
        public var height: Double

        public init(id: String, width: Double, height: Double) {
            self.id = id
            self.width = width
            self.height = height
        }
    }

    /// An edge from `from` to `to`, by node id.
    public struct Edge: Sendable, Equatable, Hashable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    /// A graph of `nodes` and the `edges` between them; edges that name a missing node, and
    /// loops, are left out of the layout.
    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}
