import Foundation
import MLMDProtos
import MLMetadata
import Testing

extension BrowserSuites {
    /// The lineage browser in headless Chromium, on the demo's store: what a user sees and clicks.
    /// Screenshots go to `MLMD_SCREENSHOT_DIR` when it is set (Scripts/make-screenshots.sh, for the
    /// README), else beside the store.
    @Suite(.serialized, .enabled(if: ChromeDriver.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
    struct LineageBrowserTests {
        static let hostileName = #"<script>window.pwned=1</script>"#
        static let hostileURI = #""><img src=x onerror="window.pwned=2">"#

        /// The demo's store (DataSet 1 → Data Validation 1 → Schema 2, in context 1), with one
        /// artifact of hostile name and uri (3) that the validation run also read.
        static func demoStore() throws -> (folder: URL, db: String) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-browser-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let demo = try MLMDProcess.run(["demo", "--dir", "demo"], in: folder)
            precondition(demo.status == 0, demo.error)
            let db = folder.appendingPathComponent("demo/mlmd.sqlite").path
            var config = ConnectionConfig()
            config.sqlite = .with { $0.filenameURI = db }
            let store = try MetadataStore(config: config)
            let type = try store.putArtifactType(.with { $0.artifactType = .with { $0.name = "Hostile" } }).typeID
            let hostile = try store.putArtifacts(
                .with {
                    $0.artifacts = [
                        .with {
                            $0.typeID = type; $0.name = hostileName; $0.uri = hostileURI
                        }
                    ]
                }
            )
            .artifactIDs[0]
            _ = try store.putEvents(
                .with {
                    $0.events = [
                        .with {
                            $0.artifactID = hostile; $0.executionID = 1; $0.type = .input
                        }
                    ]
                })
            return (folder, db)
        }

        static func screenshot(_ session: WebDriverSession, _ name: String, folder: URL) async throws {
            let png = try await session.screenshot()
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            let directory = ProcessInfo.processInfo.environment["MLMD_SCREENSHOT_DIR"].map { URL(fileURLWithPath: $0) } ?? folder
            try png.write(to: directory.appendingPathComponent(name))
        }

        /// The `data-node` of every box the page's drawing shows, sorted.
        static func drawnNodes(_ session: WebDriverSession) async throws -> [String] {
            var keys: [String] = []
            for node in try await session.findElements(css: "svg.lineage a.node") {
                keys.append(try await session.attribute("data-node", of: node) ?? "")
            }
            return keys.sorted()
        }

        @Test func theWalkthroughsRecordsTheirLineageFilterPagingAndClicks() async throws {
            let (folder, db) = try Self.demoStore()
            let ui = try UIProcess(db: db)
            defer { ui.stop() }
            try await ChromeDriver.withSession(windowSize: (1280, 860)) { session in
                // The overview: each kind's types with their counts.
                try await session.navigate(to: ui.base + "/")
                #expect(try await session.currentURL == ui.base + "/types")
                let dataSetRow = try await session.findElement(css: "a[href=\"/artifacts?type=DataSet\"]")
                #expect(try await session.text(of: dataSetRow) == "DataSet")
                let counts = try await session.executeScript(
                    "return [...document.querySelectorAll('section')].map(s => [...s.querySelectorAll('tbody tr')].map(r => r.cells[0].textContent + '=' + r.cells[2].textContent).join(','))"
                )
                #expect(counts as? [String] == ["DataSet=1,Hostile=1,Schema=1", "Data Validation=1", "Experiment=1"])
                try await Self.screenshot(session, "types.png", folder: folder)

                // The schema's lineage: the data set, the validation run and the schema, connected as recorded.
                try await session.navigate(to: ui.base + "/lineage/artifact/2?direction=upstream")
                #expect(try await Self.drawnNodes(session) == ["a1", "a2", "a3", "e1"])
                let events = try await session.executeScript(
                    "return [...document.querySelectorAll('svg.lineage g.event text')].map(t => t.textContent).sort()")
                #expect(events as? [String] == ["DECLARED_INPUT", "DECLARED_OUTPUT", "INPUT"])
                let start = try await session.findElement(css: "a.node.start")
                #expect(try await session.attribute("data-node", of: start) == "a2")
                #expect(try await session.text(of: session.findElement(css: "a[data-node=\"a1\"]")).contains("DataSet #1"))
                try await Self.screenshot(session, "lineage.png", folder: folder)

                // A click on a node opens its page.
                try await session.click(session.findElement(css: "a[data-node=\"e1\"]"))
                try await session.waitUntil { try await session.currentURL == ui.base + "/executions/1" }
                #expect(try await session.text(of: session.findElement(css: "h1")) == "Data Validation #1")
                try await Self.screenshot(session, "execution.png", folder: folder)

                // The filter box: an error in place, then a filter that finds the schema.
                try await session.navigate(to: ui.base + "/artifacts")
                var box = try await session.findElement(css: "input[name=filter]")
                try await session.sendKeys("uri LIKE" + WebDriverSession.Key.enter, to: box)
                let error = try await session.findElement(css: "#filter-error")
                #expect(try await session.text(of: error) == "Invalid `filter_query`: expected a value, found end of query at offset 8")
                box = try await session.findElement(css: "input[name=filter]")
                try await session.clear(box)
                try await session.sendKeys("uri LIKE '%schema%'" + WebDriverSession.Key.enter, to: box)
                try await session.waitUntil { try await session.currentURL.contains("filter=uri") }
                let filtered = try await session.executeScript(
                    "return [...document.querySelectorAll('table.nodes tbody tr')].map(r => r.cells[0].textContent)")
                #expect(filtered as? [String] == ["2"])

                // Paging: one a page, next, next, then the first page again.
                try await session.navigate(to: ui.base + "/artifacts?size=1")
                var ids: [String] = []
                for _ in 0..<3 {
                    ids.append(try await session.text(of: session.findElement(css: "table.nodes tbody td")))
                    if let next = try await session.findElements(css: "a[rel=next]").first { try await session.click(next) }
                }
                #expect(ids == ["1", "2", "3"])
                #expect(try await session.findElements(css: "a[rel=next]").isEmpty)

                // Hostile names and uris are shown as text and never run.
                try await session.navigate(to: ui.base + "/artifacts/3")
                #expect(try await session.text(of: session.findElement(css: "h1 small")) == Self.hostileName)
                #expect(try await session.text(of: session.findElement(css: "dd .uri")) == Self.hostileURI)
                try await session.navigate(to: ui.base + "/artifacts?type=Hostile")
                #expect(try await session.text(of: session.findElement(css: "table.nodes tbody td:nth-child(3)")) == Self.hostileName)
                try await session.navigate(to: ui.base + "/lineage/artifact/3")
                #expect(try await session.executeScript("return window.pwned === undefined") as? Bool == true)
                #expect(try await session.findElements(css: "img").isEmpty)

                // On a phone's width the page does not scroll sideways; wide tables scroll in their box.
                try await session.setWindowSize(width: 390, height: 844)
                try await session.navigate(to: ui.base + "/artifacts")
                #expect(
                    try await session.executeScript("return document.documentElement.scrollWidth <= window.innerWidth") as? Bool == true)
                try await Self.screenshot(session, "artifacts-phone.png", folder: folder)
            }
        }

        @Test func servesTheSamePagesNextToGRPCAndThroughIt() async throws {
            let (_, db) = try Self.demoStore()
            let server = try ServerProcess(["--db", db, "--http-port", "0"])
            defer { _ = server.stop() }
            let httpLine = server.readLine()
            let httpAddress = try #require(httpLine.split(separator: " ").dropFirst(4).first)
            let ui = try UIProcess(db: "grpc://127.0.0.1:\(server.port)")
            defer { ui.stop() }
            try await ChromeDriver.withSession { session in
                for base in ["http://\(httpAddress)", ui.base] {
                    try await session.navigate(to: base + "/lineage/artifact/2?direction=upstream")
                    #expect(try await Self.drawnNodes(session) == ["a1", "a2", "a3", "e1"], "\(base)")
                    try await session.navigate(to: base + "/contexts/1")
                    let members = try await session.executeScript(
                        "return [...document.querySelectorAll('table.nodes tbody tr')].map(r => r.cells[0].textContent)")
                    #expect(members as? [String] == ["2", "1"], "\(base)")
                }
            }
        }
    }
}
