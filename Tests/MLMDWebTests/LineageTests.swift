import MLMDProtos
import MLMDWeb
import Testing

@Suite struct LineageTests {
    /// a1 → e1 → a2 → e2 → a3, and a4 read by e2 too.
    private func chain() throws -> WebStoreFixture {
        let fixture = try WebStoreFixture()
        let type = try fixture.artifactType("DataSet")
        let run = try fixture.executionType("Run")
        let artifacts = try fixture.artifacts(
            (1...4).map { index in
                .with {
                    $0.typeID = type; $0.name = "a\(index)"
                }
            })
        let executions = try fixture.executions([.with { $0.typeID = run }, .with { $0.typeID = run }])
        try fixture.events([
            (artifacts[0], executions[0], .input), (artifacts[1], executions[0], .output), (artifacts[1], executions[1], .declaredInput),
            (artifacts[2], executions[1], .output), (artifacts[3], executions[1], .input),
        ])
        return fixture
    }

    @Test func drawsUpstreamDownstreamAndBothWithinTheHops() async throws {
        let fixture = try chain()
        let upstream = await fixture.get("/lineage/artifact/3", "direction=upstream&hops=2")
        #expect(Self.drawnNodes(upstream.body) == ["a2", "a3", "a4", "e2"])
        #expect(upstream.body.contains("4 nodes, 3 events."))
        let farther = await fixture.get("/lineage/artifact/3", "direction=upstream&hops=4")
        #expect(Self.drawnNodes(farther.body) == ["a1", "a2", "a3", "a4", "e1", "e2"])
        let downstream = await fixture.get("/lineage/artifact/1", "direction=downstream")
        #expect(Self.drawnNodes(downstream.body) == ["a1", "a2", "a3", "e1", "e2"])
        // Both ways from a2: what made it and what it made, not its siblings' other inputs' history.
        let both = await fixture.get("/lineage/artifact/2", "hops=2")
        #expect(Self.drawnNodes(both.body) == ["a1", "a2", "a3", "e1", "e2"])
        #expect(both.body.contains("data-node=\"a2\""))
        #expect(both.body.contains("class=\"node artifact start\" data-node=\"a2\""))
        #expect(both.body.contains(">DECLARED_INPUT</text>"))
    }

    @Test func collapsesTheFarSidePastTheBudgetAndExpandsItOnRequest() async throws {
        let fixture = try WebStoreFixture()
        let type = try fixture.artifactType("DataSet")
        let run = try fixture.executionType("Run")
        let source = try fixture.artifacts([
            .with {
                $0.typeID = type; $0.name = "source"
            }
        ])[0]
        let executions = try fixture.executions(
            (1...320).map { index in
                .with {
                    $0.typeID = run; $0.name = "run \(index)"
                }
            })
        try fixture.events(executions.map { (source, $0, .input) })

        let collapsed = await fixture.get("/lineage/artifact/\(source)", "direction=downstream")
        #expect(Self.drawnNodes(collapsed.body) == ["a1", "more-a1-downstream"])
        #expect(collapsed.body.contains("1 nodes, 0 events; 320 more past the budget of 300 nodes"))
        #expect(collapsed.body.contains(">320 more</text>"))
        #expect(collapsed.body.contains("href=\"/lineage/artifact/1?hops=6&amp;direction=downstream&amp;expand=a1\""))

        let expanded = await fixture.get("/lineage/artifact/\(source)", "direction=downstream&expand=a1")
        // No empty "0 more" boxes for the executions past the budget that lead nowhere.
        #expect(Self.drawnNodes(expanded.body) == (["a1"] + (1...320).map { "e\($0)" }).sorted())
        #expect(expanded.body.contains("321 nodes, 320 events."))
    }

    /// The `data-node` of every box drawn, sorted.
    static func drawnNodes(_ page: String) -> [String] {
        page.components(separatedBy: "data-node=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.sorted()
    }
}
