import MLMDProtos
import MLMDWeb
import Testing

@Suite struct NodePageTests {
    @Test func showsFieldsPropertiesEventsAndContexts() async throws {
        let fixture = try WebStoreFixture()
        let type = try fixture.artifactType("DataSet", properties: ["span": .int])
        let run = try fixture.executionType("Run")
        let artifact = try fixture.artifacts([
            .with {
                $0.typeID = type
                $0.uri = "/data/train"
                $0.state = .live
                $0.properties["span"] = .with { $0.intValue = 3 }
                $0.customProperties["ratio"] = .with { $0.doubleValue = 0.25 }
                $0.customProperties["flag"] = .with { $0.boolValue = true }
                $0.customProperties["shape"] = .with { $0.structValue = .with { $0.fields["rows"] = .with { $0.numberValue = 2 } } }
            }
        ])[0]
        let execution = try fixture.executions([
            .with {
                $0.typeID = run; $0.name = "validate"
            }
        ])[0]
        _ = try fixture.store.putEvents(
            .with {
                $0.events = [
                    .with {
                        $0.artifactID = artifact
                        $0.executionID = execution
                        $0.type = .input
                        $0.millisecondsSinceEpoch = 1_765_150_000_123
                        $0.path = .with { $0.steps = [.with { $0.key = "examples" }, .with { $0.index = 0 }] }
                    }
                ]
            })
        let page = await fixture.get("/artifacts/\(artifact)")
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>DataSet #1</h1>"))
        #expect(page.body.contains("<dt>State</dt><dd>LIVE</dd>"))
        #expect(page.body.contains("<tr><th scope=\"row\">span</th><td>3</td></tr>"))
        #expect(page.body.contains("<tr><th scope=\"row\">ratio</th><td>0.25</td></tr>"))
        #expect(page.body.contains("<tr><th scope=\"row\">flag</th><td>true</td></tr>"))
        #expect(page.body.contains("<tr><th scope=\"row\">shape</th><td><pre>{\n  &quot;rows&quot;: 2.0\n}</pre></td></tr>"))
        #expect(
            page.body.contains(
                "<tr><td>INPUT</td><td>examples[0]</td><td><a href=\"/executions/1\">validate</a> <span class=\"type\">Run #1</span></td><td class=\"time\">2025-12-07 23:26:40.123 UTC</td></tr>"
            ))
    }
}
