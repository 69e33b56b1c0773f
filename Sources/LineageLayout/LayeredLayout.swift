/// Where a `LayeredGraph`'s nodes go, and the lines its edges follow.
public struct LayeredLayout: Sendable, Equatable {
    /// A point on the drawing, x to the right and y down.
    public struct Point: Sendable, Equatable, Hashable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// The top-left corner of each node's box, by id.
    public var positions: [String: Point]
    /// The node ids of each layer, left to right, each layer top to bottom.
    public var layers: [[String]]
    /// For each edge of the graph, in order, the line it follows: from the right side of its
    /// source to the left side of its target (or back, for an edge that closes a cycle), through
    /// the layers between them. Empty for an edge the layout left out.
    public var routes: [[Point]]
    public var width: Double
    public var height: Double
    /// Pairs of edges whose lines cross between two layers.
    public var crossings: Int
}
