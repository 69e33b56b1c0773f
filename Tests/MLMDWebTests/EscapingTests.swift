import Foundation
import MLMDProtos
import MLMDWeb
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Names, uris and properties are the users' text: each page shows them as text, never as markup.
@Suite struct EscapingTests {
    static let name = #"<script>window.pwned=1</script>"#
    static let uri = #""><img src=x onerror="window.pwned=2">"#
    static let escapedName = "&lt;script&gt;window.pwned=1&lt;/script&gt;"
    static let escapedURI = "&quot;&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;"

    @Test func everyPageEscapesWhatTheStoreHolds() async throws {
        let fixture = try WebStoreFixture()
        let type = try fixture.artifactType("Hostile'\"<b>")
        let executionType = try fixture.executionType("Run")
        let artifact = try fixture.artifacts([
            .with {
                $0.typeID = type
                $0.name = Self.name
                $0.uri = Self.uri
                $0.customProperties["<i>note</i>"] = .with { $0.stringValue = "</td><script>x()</script>" }
            }
        ])[0]
        let execution = try fixture.executions([
            .with {
                $0.typeID = executionType; $0.name = Self.name
            }
        ])[0]
        try fixture.events([(artifact, execution, .output)])

        for (path, query) in [
            ("/types", nil), ("/artifacts", "type=Hostile%27%22%3Cb%3E"), ("/artifacts/\(artifact)", nil),
            ("/executions/\(execution)", nil),
            ("/lineage/artifact/\(artifact)", nil), ("/lineage/artifact/\(artifact)", "format=svg"),
        ] as [(String, String?)] {
            let page = await fixture.get(path, query)
            #expect(page.status == 200, "\(path)")
            #expect(!page.body.contains("<script>window"), "\(path)")
            #expect(!page.body.contains("<img"), "\(path)")
            #expect(!page.body.contains("<b>"), "\(path)")
            #expect(!page.body.contains("<script>x()"), "\(path)")
        }
        let artifactPage = await fixture.get("/artifacts/\(artifact)")
        #expect(artifactPage.body.contains("<dt>Name</dt><dd>\(Self.escapedName)</dd>"))
        #expect(artifactPage.body.contains("<span class=\"uri\">\(Self.escapedURI)</span>"))
        #expect(
            artifactPage.body.contains("<th scope=\"row\">&lt;i&gt;note&lt;/i&gt;</th><td>&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;</td>")
        )
        let list = await fixture.get("/artifacts", "type=Hostile%27%22%3Cb%3E")
        #expect(list.body.contains("<h1>Artifacts of type <q>Hostile&#39;&quot;&lt;b&gt;</q></h1>"))
        #expect(list.body.contains("<input type=\"hidden\" name=\"type\" value=\"Hostile&#39;&quot;&lt;b&gt;\">"))
    }

    @Test func pagesCarryAContentPolicyThatRunsNoInlineScript() async throws {
        let fixture = try WebStoreFixture()
        let page = await fixture.get("/types")
        let policy = page.response.headers.first { $0.name == "Content-Security-Policy" }?.value
        #expect(
            policy
                == "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        )
        #expect(page.response.headers.first { $0.name == "X-Content-Type-Options" }?.value == "nosniff")
    }

    @Test func theDownloadedDrawingIsWellFormedXML() async throws {
        let fixture = try WebStoreFixture()
        let type = try fixture.artifactType("DataSet")
        let run = try fixture.executionType("Run")
        let artifacts = try fixture.artifacts([
            .with {
                $0.typeID = type; $0.name = Self.name
            },
            .with {
                $0.typeID = type; $0.uri = Self.uri
            },
        ])
        let execution = try fixture.executions([.with { $0.typeID = run }])[0]
        try fixture.events([(artifacts[0], execution, .input), (artifacts[1], execution, .output)])
        let drawing = await fixture.get("/lineage/execution/\(execution)", "format=svg")
        #expect(drawing.response.contentType == "image/svg+xml; charset=utf-8")
        #expect(
            drawing.response.headers.first { $0.name == "Content-Disposition" }?.value == "attachment; filename=\"lineage-execution-1.svg\""
        )
        let parser = XMLParser(data: Data(drawing.response.body))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(drawing.body.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }
}
