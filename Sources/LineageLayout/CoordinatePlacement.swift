/// Coordinates for a layering in its order: each layer a column as wide as its widest box, and
/// within it the boxes moved toward the middle of their neighbours without changing their order
/// or overlapping.
struct CoordinatePlacement {
    /// Each node's left side and top, dummies included.
    private let x: [Double]
    private let y: [Double]
    private let boxWidth: [Double]
    private let boxHeight: [Double]
    /// The drawing's size, margins included.
    let width: Double
    let height: Double

    /// Rounds of moving boxes toward their neighbours.
    static let alignmentRounds = 4

    init(_ layering: ProperLayering, spacing: LayeredLayoutEngine.Spacing) {
        boxWidth = layering.width
        boxHeight = layering.height
        let count = layering.layer.count
        var x = Array(repeating: 0.0, count: count)
        var y = Array(repeating: 0.0, count: count)
        // Columns.
        var columnX = spacing.margin
        var right = spacing.margin
        for row in layering.order {
            let columnWidth = row.map { layering.width[$0] }.max() ?? 0
            for node in row { x[node] = columnX + (columnWidth - layering.width[node]) / 2 }
            right = columnX + columnWidth
            columnX += columnWidth + spacing.betweenLayers
        }
        // Stacked, then moved toward the neighbours' middles.
        for row in layering.order { y.stack(row, heights: layering.height, gap: spacing.betweenNodes, from: spacing.margin) }
        var left = Array(repeating: [Int](), count: count)
        var rightNeighbours = Array(repeating: [Int](), count: count)
        for segment in layering.segments {
            rightNeighbours[segment.left].append(segment.right)
            left[segment.right].append(segment.left)
        }
        for _ in 0..<Self.alignmentRounds {
            for row in layering.order.dropFirst() {
                y.align(row, toward: left, heights: layering.height, gap: spacing.betweenNodes)
            }
            for row in layering.order.dropLast().reversed() {
                y.align(row, toward: rightNeighbours, heights: layering.height, gap: spacing.betweenNodes)
            }
        }
        let top = y.min() ?? spacing.margin
        for node in 0..<count { y[node] += spacing.margin - top }
        width = right + spacing.margin
        height = (zip(y, layering.height).map { $0 + $1 }.max() ?? 0) + spacing.margin
        self.x = x
        self.y = y
    }

    /// The real nodes' top-left corners by id.
    func positions(_ graph: LayeredGraph) -> [String: LayeredLayout.Point] {
        var positions: [String: LayeredLayout.Point] = [:]
        for (index, node) in graph.nodes.enumerated() where positions[node.id] == nil {
            positions[node.id] = .init(x: x[index], y: y[index])
        }
        return positions
    }

    /// Each edge's line: out of the right side of its left end, through its dummies' points, into
    /// the left side of its right end; turned around for an edge that closed a cycle.
    func routes(_ layering: ProperLayering) -> [[LayeredLayout.Point]] {
        layering.chains.map { chain in
            guard let chain else { return [] }
            let nodes = chain.nodes
            var points = [LayeredLayout.Point(x: x[nodes[0]] + boxWidth[nodes[0]], y: y[nodes[0]] + boxHeight[nodes[0]] / 2)]
            for node in nodes.dropFirst().dropLast() { points.append(.init(x: x[node], y: y[node])) }
            let last = nodes[nodes.count - 1]
            points.append(.init(x: x[last], y: y[last] + boxHeight[last] / 2))
            return chain.reversed ? points.reversed() : points
        }
    }
}

extension Array where Element == Double {
    /// Places `row` top to bottom from `top`, `gap` apart.
    fileprivate mutating func stack(_ row: [Int], heights: [Double], gap: Double, from top: Double) {
        var next = top
        for node in row {
            self[node] = next
            next += heights[node] + gap
        }
    }

    /// Moves each box of `row` so that its middle is at the mean middle of its `neighbours`, then
    /// pushes boxes apart where that made them overlap, half of each overlap up and half down.
    fileprivate mutating func align(_ row: [Int], toward neighbours: [[Int]], heights: [Double], gap: Double) {
        var wanted: [Double] = row.map { node in
            let around = neighbours[node]
            guard !around.isEmpty else { return self[node] }
            let middle = around.map { self[$0] + heights[$0] / 2 }.reduce(0, +) / Double(around.count)
            return middle - heights[node] / 2
        }
        // Down: no box above the bottom of the one before it.
        for place in row.indices.dropFirst() {
            wanted[place] = Swift.max(wanted[place], wanted[place - 1] + heights[row[place - 1]] + gap)
        }
        // The pushing moved boxes down only; move each run of touching boxes back up by half.
        var start = 0
        while start < row.count {
            var end = start
            while end + 1 < row.count, wanted[end + 1] == wanted[end] + heights[row[end]] + gap { end += 1 }
            let originalTop = Swift.min(self[row[start]], wanted[start])
            let shift = (wanted[start] - originalTop) / 2
            let previousBottom = start > 0 ? wanted[start - 1] + heights[row[start - 1]] + gap : -Double.infinity
            let allowed = Swift.min(shift, wanted[start] - previousBottom)
            for place in start...end { wanted[place] -= Swift.max(0, allowed) }
            start = end + 1
        }
        for (place, node) in row.enumerated() { self[node] = wanted[place] }
    }
}
