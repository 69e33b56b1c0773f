/// The graph as the layout works on it: acyclic, every node in a layer, every edge between
/// neighbouring layers (long edges pass through dummy nodes), and an order within each layer.
struct ProperLayering {
    /// Real nodes are 0..<realCount, in the graph's order; dummies follow.
    let realCount: Int
    var width: [Double]
    var height: [Double]
    var layer: [Int]
    /// Edges between neighbouring layers, from the left layer to the right one.
    var segments: [(left: Int, right: Int)]
    /// For each edge of the graph: the chain of nodes it passes through, left to right, and
    /// whether it points right to left (it closed a cycle); nil for an edge left out.
    var chains: [(nodes: [Int], reversed: Bool)?]
    /// Node indices by layer, in their order.
    var order: [[Int]]

    init(_ graph: LayeredGraph) {
        realCount = graph.nodes.count
        width = graph.nodes.map(\.width)
        height = graph.nodes.map(\.height)
        var index: [String: Int] = [:]
        for (position, node) in graph.nodes.enumerated() where index[node.id] == nil { index[node.id] = position }
        var seen: Set<LayeredGraph.Edge> = []
        let edges: [(from: Int, to: Int)?] = graph.edges.map { edge in
            guard let from = index[edge.from], let to = index[edge.to], from != to, seen.insert(edge).inserted else { return nil }
            return (from, to)
        }
        let (acyclic, reversed) = Self.breakCycles(count: realCount, edges: edges)
        layer = Self.layers(count: realCount, edges: acyclic.compactMap { $0 })
        segments = []
        chains = []
        for (position, edge) in acyclic.enumerated() {
            guard let edge else {
                chains.append(nil)
                continue
            }
            var chain = [edge.from]
            for step in stride(from: layer[edge.from] + 1, to: layer[edge.to], by: 1) {
                let dummy = width.count
                width.append(0)
                height.append(0)
                layer.append(step)
                chain.append(dummy)
            }
            chain.append(edge.to)
            for (left, right) in zip(chain, chain.dropFirst()) { segments.append((left, right)) }
            chains.append((chain, reversed[position]))
        }
        let layerCount = (layer.max() ?? -1) + 1
        order = Array(repeating: [], count: layerCount)
        for node in layer.indices { order[layer[node]].append(node) }
    }

    /// The real nodes' ids by layer, in order; layers of dummies only are left out.
    func realLayers(_ graph: LayeredGraph) -> [[String]] {
        order.map { $0.filter { $0 < realCount }.map { graph.nodes[$0].id } }.filter { !$0.isEmpty }
    }

    // MARK: Cycles and layers

    /// The edges with those that close a cycle turned around (found by a depth-first search in
    /// node order), and which were turned.
    private static func breakCycles(count: Int, edges: [(from: Int, to: Int)?]) -> ([(from: Int, to: Int)?], [Bool]) {
        var outgoing = Array(repeating: [Int](), count: count)
        for (position, edge) in edges.enumerated() { if let edge { outgoing[edge.from].append(position) } }
        enum State { case new, open, done }
        var state = Array(repeating: State.new, count: count)
        var reversed = Array(repeating: false, count: edges.count)
        for root in 0..<count where state[root] == .new {
            // An explicit stack: lineage can be deep enough to overflow recursion.
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = .open
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let position = outgoing[top.node][top.next]
                    let target = edges[position]!.to
                    switch state[target] {
                    case .new:
                        state[target] = .open
                        stack.append((target, 0))
                    case .open: reversed[position] = true
                    case .done: break
                    }
                } else {
                    state[top.node] = .done
                    stack.removeLast()
                }
            }
        }
        let acyclic = edges.enumerated().map { position, edge in edge.map { reversed[position] ? (from: $0.to, to: $0.from) : $0 } }
        return (acyclic, reversed)
    }

    /// Longest path from the sources, then sources pulled right to just before their nearest
    /// successor, so that a data set read only at the end sits next to its reader.
    private static func layers(count: Int, edges: [(from: Int, to: Int)]) -> [Int] {
        var incoming = Array(repeating: 0, count: count)
        var outgoing = Array(repeating: [Int](), count: count)
        for edge in edges {
            incoming[edge.to] += 1
            outgoing[edge.from].append(edge.to)
        }
        let hasPredecessor = incoming.map { $0 > 0 }
        var ready = (0..<count).filter { incoming[$0] == 0 }.reversed().map { $0 }
        var topological: [Int] = []
        var layer = Array(repeating: 0, count: count)
        while let node = ready.popLast() {
            topological.append(node)
            for next in outgoing[node] {
                layer[next] = max(layer[next], layer[node] + 1)
                incoming[next] -= 1
                if incoming[next] == 0 { ready.insert(next, at: 0) }
            }
        }
        for node in topological.reversed() where !hasPredecessor[node] && !outgoing[node].isEmpty {
            layer[node] = outgoing[node].map { layer[$0] }.min()! - 1
        }
        return layer
    }

    // MARK: Order within layers

    /// Sweeps down and up the layers, ordering each by the barycentre of its neighbours in the
    /// layer just swept, then swapping neighbours while that removes crossings; keeps the best
    /// order seen. Returns its crossings.
    mutating func reduceCrossings(rounds: Int) -> Int {
        var left = Array(repeating: [Int](), count: layer.count)
        var right = Array(repeating: [Int](), count: layer.count)
        for segment in segments {
            right[segment.left].append(segment.right)
            left[segment.right].append(segment.left)
        }
        var best = order
        var bestCrossings = crossings()
        guard bestCrossings > 0 else { return 0 }
        for _ in 0..<rounds {
            for index in order.indices.dropFirst() { arrange(index, by: left) }
            for index in order.indices.dropLast().reversed() { arrange(index, by: right) }
            transpose(left: left, right: right)
            let found = crossings()
            if found < bestCrossings {
                best = order
                bestCrossings = found
                if found == 0 { break }
            }
        }
        order = best
        return bestCrossings
    }

    /// Orders layer `index` by the mean position of each node's `neighbours`; a node without
    /// any keeps its place.
    private mutating func arrange(_ index: Int, by neighbours: [[Int]]) {
        var position = Array(repeating: 0.0, count: layer.count)
        for row in order { for (place, node) in row.enumerated() { position[node] = Double(place) } }
        let keyed = order[index].enumerated().map { place, node -> (node: Int, key: Double, place: Int) in
            let around = neighbours[node]
            let key = around.isEmpty ? Double(place) : around.map { position[$0] }.reduce(0, +) / Double(around.count)
            return (node, key, place)
        }
        order[index] = keyed.sorted { ($0.key, $0.place) < ($1.key, $1.place) }.map(\.node)
    }

    /// Swaps neighbouring nodes of a layer while a swap lowers the crossings between them (the
    /// only ones a swap changes).
    private mutating func transpose(left: [[Int]], right: [[Int]]) {
        var place = Array(repeating: 0, count: layer.count)
        for row in order { for (index, node) in row.enumerated() { place[node] = index } }
        /// Crossings between the segments of `upper` and `lower` when `upper` is above.
        func crossings(_ upper: Int, _ lower: Int) -> Int {
            var count = 0
            for neighbours in [left, right] {
                for a in neighbours[upper] { for b in neighbours[lower] where place[a] > place[b] { count += 1 } }
            }
            return count
        }
        var improved = true
        var passes = 0
        while improved && passes < 4 {
            improved = false
            passes += 1
            for index in order.indices {
                for position in order[index].indices.dropLast() {
                    let upper = order[index][position], lower = order[index][position + 1]
                    if crossings(lower, upper) < crossings(upper, lower) {
                        order[index].swapAt(position, position + 1)
                        place[upper] = position + 1
                        place[lower] = position
                        improved = true
                    }
                }
            }
        }
    }

    /// Crossings between every pair of neighbouring layers.
    func crossings() -> Int {
        let byLayer = segmentsByLayer()
        return order.indices.dropLast().reduce(0) { $0 + crossings(between: $1, byLayer) }
    }

    /// The segments that start in each layer.
    func segmentsByLayer() -> [[(left: Int, right: Int)]] {
        var byLayer = Array(repeating: [(left: Int, right: Int)](), count: order.count)
        for segment in segments { byLayer[layer[segment.left]].append(segment) }
        return byLayer
    }

    /// Pairs of segments between layer `index` and the next that cross: the inversions of their
    /// right ends' places when sorted by their left ends', counted with a Fenwick tree.
    private func crossings(between index: Int, _ byLayer: [[(left: Int, right: Int)]]) -> Int {
        var leftPlace: [Int: Int] = [:]
        var rightPlace: [Int: Int] = [:]
        for (place, node) in order[index].enumerated() { leftPlace[node] = place }
        for (place, node) in order[index + 1].enumerated() { rightPlace[node] = place }
        let pairs = byLayer[index].map { (leftPlace[$0.left]!, rightPlace[$0.right]!) }.sorted { $0 < $1 }
        let size = order[index + 1].count
        var tree = Array(repeating: 0, count: size + 1)
        var count = 0
        for (seen, pair) in pairs.enumerated() {
            // Segments seen so far whose right end is at or before this one's do not cross it.
            var atOrBefore = 0
            var position = pair.1 + 1
            while position > 0 {
                atOrBefore += tree[position]
                position -= position & -position
            }
            count += seen - atOrBefore
            position = pair.1 + 1
            while position <= size {
                tree[position] += 1
                position += position & -position
            }
        }
        return count
    }
}
