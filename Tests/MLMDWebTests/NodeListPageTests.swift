import MLMDProtos
import MLMDWeb
import Testing

@Suite struct NodeListPageTests {
    @Test func pagesThroughATypeWithTheStoresTokens() async throws {
        let fixture = try WebStoreFixture()
        let dataSet = try fixture.artifactType("DataSet", properties: ["split": .string])
        let model = try fixture.artifactType("Model")
        _ = try fixture.artifacts(
            (1...5).map { index in
                .with {
                    $0.typeID = dataSet; $0.uri = "/data/\(index)"; $0.properties["split"] = .with { $0.stringValue = "train\(index)" }
                }
            }
                + [
                    .with {
                        $0.typeID = model; $0.uri = "/model"
                    }
                ])

        let first = await fixture.get("/artifacts", "type=DataSet&size=2")
        #expect(first.status == 200)
        #expect(Self.rowIDs(first.body) == [1, 2])
        // The type's declared properties are the columns when none are chosen.
        #expect(first.body.contains("<th>split</th>"))
        #expect(first.body.contains("<td>train2</td>"))
        #expect(first.body.contains("<p class=\"caption\">Artifacts 1–2</p>"))
        let next = try #require(Self.nextLink(first.body))
        let second = await fixture.get(
            "/artifacts", String(next.split(separator: "?", maxSplits: 1)[1]).replacingOccurrences(of: "&amp;", with: "&"))
        #expect(Self.rowIDs(second.body) == [3, 4])
        #expect(second.body.contains("<p class=\"caption\">Artifacts 3–4</p>"))
        #expect(second.body.contains("First page"))

        let newestFirst = await fixture.get("/artifacts", "order=id&dir=desc&size=3")
        #expect(Self.rowIDs(newestFirst.body) == [6, 5, 4])
        let filtered = await fixture.get("/artifacts", "filter=uri+LIKE+%27%25model%25%27")
        #expect(Self.rowIDs(filtered.body) == [6])
        #expect(Self.nextLink(filtered.body) == nil)
    }

    @Test func showsAFilterErrorInPlaceAtTheUsersOffset() async throws {
        let fixture = try WebStoreFixture()
        _ = try fixture.artifactType("DataSet")
        let page = await fixture.get("/artifacts", "type=DataSet&filter=uri+LIKE")
        #expect(page.status == 400)
        #expect(
            page.body.contains(
                "<p class=\"error\" id=\"filter-error\" role=\"alert\">Invalid `filter_query`: expected a value, found end of query at offset 8</p>"
            ))
        #expect(page.body.contains("value=\"uri LIKE\""))
    }

    @Test func answersMissingNodesAndPathsWith404() async throws {
        let fixture = try WebStoreFixture()
        #expect(await fixture.get("/artifacts/7").status == 404)
        #expect(await fixture.get("/contexts/7").status == 404)
        #expect(await fixture.get("/lineage/execution/7").status == 404)
        #expect(await fixture.get("/artifacts/seven").status == 404)
        #expect(await fixture.get("/lineage/context/1").status == 404)
        let root = await fixture.get("/")
        #expect(root.status == 303)
        #expect(root.response.headers.first { $0.name == "Location" }?.value == "/types")
    }

    /// The ids of a node table's rows, in order.
    static func rowIDs(_ page: String) -> [Int64] {
        page.components(separatedBy: "<tr><td class=\"number\"><a href=\"/").dropFirst().compactMap { row in
            row.split(separator: ">", maxSplits: 1).last.flatMap { Int64($0.prefix { $0.isNumber }) }
        }
    }

    static func nextLink(_ page: String) -> String? {
        guard let start = page.range(of: "<a rel=\"next\" href=\"") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "\"" })
    }
}
