/// Lays a `LayeredGraph` out left to right in the manner of Sugiyama: cycles broken, nodes put in
/// layers, the order within layers chosen to cross as few edges as it finds, then coordinates.
/// The result depends only on the graph, node and edge order included: the same graph always
/// draws the same.
public enum LayeredLayoutEngine {
    /// Distances of the drawing.
    public struct Spacing: Sendable {
        /// Between the right side of a layer's widest box and the next layer.
        public var betweenLayers: Double
        /// Between two boxes of a layer.
        public var betweenNodes: Double
        /// Around the whole drawing.
        public var margin: Double

        public init(betweenLayers: Double = 60, betweenNodes: Double = 16, margin: Double = 8) {
            self.betweenLayers = betweenLayers
            self.betweenNodes = betweenNodes
            self.margin = margin
        }
    }

    /// How many rounds of down-and-up sweeps look for a better order; the best order seen wins.
    static let orderingRounds = 8

    public static func layout(_ graph: LayeredGraph, spacing: Spacing = Spacing()) -> LayeredLayout {
        var proper = ProperLayering(graph)
        let crossings = proper.reduceCrossings(rounds: orderingRounds)
        let placement = CoordinatePlacement(proper, spacing: spacing)
        return LayeredLayout(
            positions: placement.positions(graph), layers: proper.realLayers(graph), routes: placement.routes(proper),
            width: placement.width, height: placement.height, crossings: crossings)
    }
}
