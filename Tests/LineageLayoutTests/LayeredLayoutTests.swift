import LineageLayout
import Testing

/// The layered layout on small lineage graphs with exact coordinates, and its promises on
/// bigger random ones.
@Suite struct LayeredLayoutTests {
    static func box(_ id: String) -> LayeredGraph.Node { .init(id: id, width: 100, height: 40) }
    static func edge(_ from: String, _ to: String) -> LayeredGraph.Edge { .init(from: from, to: to) }
    typealias Point = LayeredLayout.Point

    /// The walkthrough's lineage: the data set, the run that read it, the schema it wrote.
    @Test func aChainIsOneRowLeftToRight() {
        let layout = LayeredLayoutEngine.layout(
            LayeredGraph(nodes: ["data", "run", "schema"].map(Self.box), edges: [Self.edge("data", "run"), Self.edge("run", "schema")]))
        #expect(layout.layers == [["data"], ["run"], ["schema"]])
        #expect(layout.positions == ["data": Point(x: 8, y: 8), "run": Point(x: 168, y: 8), "schema": Point(x: 328, y: 8)])
        #expect(layout.routes == [[Point(x: 108, y: 28), Point(x: 168, y: 28)], [Point(x: 268, y: 28), Point(x: 328, y: 28)]])
        #expect(layout.width == 436 && layout.height == 56 && layout.crossings == 0)
    }

    @Test func theOrderWithinALayerUncrossesEdges() {
        let layout = LayeredLayoutEngine.layout(
            LayeredGraph(nodes: ["a1", "a2", "e1", "e2"].map(Self.box), edges: [Self.edge("a1", "e2"), Self.edge("a2", "e1")]))
        #expect(layout.crossings == 0)
        #expect(layout.layers == [["a1", "a2"], ["e2", "e1"]])
        #expect(layout.positions["e2"]!.y < layout.positions["e1"]!.y)
    }

    @Test func aLongEdgeBendsThroughTheLayersBetween() {
        let graph = LayeredGraph(
            nodes: ["a", "e1", "b", "e2"].map(Self.box),
            edges: [Self.edge("a", "e1"), Self.edge("e1", "b"), Self.edge("b", "e2"), Self.edge("a", "e2")])
        let layout = LayeredLayoutEngine.layout(graph)
        #expect(layout.layers == [["a"], ["e1"], ["b"], ["e2"]])
        let route = layout.routes[3]
        #expect(route.count == 4)
        #expect(route.first == Point(x: 108, y: layout.positions["a"]!.y + 20))
        #expect(route.last == Point(x: 488, y: layout.positions["e2"]!.y + 20))
    }

    /// An execution that reads and writes the same artifact: one edge is turned for layering and
    /// drawn back the other way.
    @Test func aCycleIsBrokenAndItsEdgeDrawnBack() {
        let layout = LayeredLayoutEngine.layout(
            LayeredGraph(nodes: ["a", "e"].map(Self.box), edges: [Self.edge("a", "e"), Self.edge("e", "a")]))
        #expect(layout.layers == [["a"], ["e"]])
        #expect(layout.routes[0] == [Point(x: 108, y: 28), Point(x: 168, y: 28)])
        #expect(layout.routes[1] == [Point(x: 168, y: 28), Point(x: 108, y: 28)])
    }

    /// A data set read only by the last run sits just before it, not in the first column.
    @Test func aSourceSitsNextToItsReader() {
        let layout = LayeredLayoutEngine.layout(
            LayeredGraph(
                nodes: ["a1", "e1", "b1", "a2", "e2"].map(Self.box),
                edges: [Self.edge("a1", "e1"), Self.edge("e1", "b1"), Self.edge("b1", "e2"), Self.edge("a2", "e2")]))
        #expect(layout.layers == [["a1"], ["e1"], ["b1", "a2"], ["e2"]])
    }

    @Test func edgesToMissingNodesLoopsAndRepeatsAreLeftOut() {
        let layout = LayeredLayoutEngine.layout(
            LayeredGraph(
                nodes: ["a", "e"].map(Self.box),
                edges: [Self.edge("a", "e"), Self.edge("a", "gone"), Self.edge("e", "e"), Self.edge("a", "e")]))
        #expect(layout.routes.map(\.count) == [2, 0, 0, 0])
        #expect(layout.layers == [["a"], ["e"]])
    }

    /// Random lineage-like graphs (executions reading earlier artifacts and writing new ones):
    /// every node placed once, no two boxes of a layer overlapping, edges running left to right
    /// through every layer between their ends, and the same layout every time.
    @Test(arguments: [1, 2, 3, 4, 5])
    func randomGraphsKeepTheLayoutsPromises(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var nodes: [LayeredGraph.Node] = [.init(id: "a0", width: 120, height: 30)]
        var edges: [LayeredGraph.Edge] = []
        var artifacts = ["a0"]
        for run in 0..<60 {
            let execution = "e\(run)"
            nodes.append(.init(id: execution, width: 90, height: 50))
            let inputs = Set((0..<(1 + Int(random.next() % 3))).map { _ in artifacts[Int(random.next() % UInt64(artifacts.count))] })
            edges += inputs.sorted().map { LayeredGraph.Edge(from: $0, to: execution) }
            for output in 0..<(1 + Int(random.next() % 2)) {
                let artifact = "a\(run)-\(output)"
                nodes.append(.init(id: artifact, width: 120, height: 30))
                edges.append(.init(from: execution, to: artifact))
                artifacts.append(artifact)
            }
        }
        let graph = LayeredGraph(nodes: nodes, edges: edges)
        let layout = LayeredLayoutEngine.layout(graph)
        #expect(layout == LayeredLayoutEngine.layout(graph))
        #expect(layout.layers.flatMap { $0 }.sorted() == nodes.map(\.id).sorted())
        let size = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0) })
        for layer in layout.layers {
            for (upper, lower) in zip(layer, layer.dropFirst()) {
                #expect(layout.positions[upper]!.y + size[upper]!.height + 16 <= layout.positions[lower]!.y + 1e-9, "\(upper) \(lower)")
            }
        }
        for (edge, route) in zip(edges, layout.routes) {
            #expect(route.count >= 2)
            #expect(zip(route, route.dropFirst()).allSatisfy { $0.x < $1.x }, "\(edge)")
            #expect(route.last!.x == layout.positions[edge.to]!.x)
        }
    }
}

struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
