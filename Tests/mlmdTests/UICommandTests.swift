import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `mlmd ui` on each database, and through `grpc://`: the same pages from the same records.
@Suite struct UICommandTests {
    /// A page's status and text.
    static func get(_ url: String) async throws -> (status: Int, text: String) {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(from: URL(string: url)!)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    /// The `data-node` of every box of a drawing, sorted.
    static func drawnNodes(_ page: String) -> [String] {
        page.components(separatedBy: "data-node=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.sorted()
    }

    /// The pages of StoreFixture's pipeline: DataSet 1 → Trainer 1 → Schema 2, in context Demo (child of All).
    static func expectPipelinePages(at base: String, backend: String) async throws {
        let types = try await get(base + "/types")
        #expect(types.status == 200)
        #expect(types.text.contains("<dt>Store</dt><dd>\(backend)"), "\(base)")
        #expect(
            types.text.contains(
                #"<td><a href="/artifacts?type=DataSet">DataSet</a></td><td></td><td class="number">1</td><td>split: STRING</td>"#))
        #expect(types.text.contains(#"<td><a href="/contexts?type=Experiment">Experiment</a></td><td></td><td class="number">2</td>"#))
        let lineage = try await get(base + "/lineage/artifact/2?direction=upstream")
        #expect(drawnNodes(lineage.text) == ["a1", "a2", "e1"])
        #expect(lineage.text.contains("3 nodes, 2 events."))
        let list = try await get(base + "/artifacts?type=DataSet")
        #expect(list.text.contains(#"<td>DataSet</td><td>train</td><td class="uri">data/train.csv</td><td>LIVE</td>"#))
        let context = try await get(base + "/contexts/1")
        #expect(
            context.text.contains(
                #"<section><h2>Parents</h2><ul class="links"><li><a href="/contexts/2">All</a> <span class="type">Experiment</span></li></ul></section>"#
            ))
        let execution = try await get(base + "/executions/1")
        #expect(execution.text.contains(#"<h1>Trainer #1 <small>run &quot;1&quot;</small></h1>"#))
        let badFilter = try await get(base + "/artifacts?filter=uri+LIKE")
        #expect(badFilter.status == 400)
        #expect(badFilter.text.contains("Invalid `filter_query`: expected a value, found end of query at offset 8"))
    }

    @Test(arguments: TestDatabase.available)
    func servesTheStoresPages(_ database: TestDatabase) async throws {
        let db = database.newStore()
        let imported = try MLMDProcess.run(["import", "--db", db], input: Array(StoreFixture.dump.utf8))
        #expect(imported.status == 0, "\(imported.error)")
        let ui = try UIProcess(db: db)
        defer { ui.stop() }
        let backend =
            switch database {
            case .sqlite: "SQLite ("
            case .postgresql: "PostgreSQL ("
            case .mysql: "MySQL ("
            }
        try await Self.expectPipelinePages(at: ui.base, backend: backend)
    }

    @Test func browsesAnMLMDServerThroughGRPC() async throws {
        let fixture = try StoreFixture()
        let server = try ServerProcess(["--db", fixture.path])
        defer { _ = server.stop() }
        let ui = try UIProcess(db: "grpc://127.0.0.1:\(server.port)")
        defer { ui.stop() }
        try await Self.expectPipelinePages(at: ui.base, backend: "an MLMD server, through gRPC")
    }

    @Test func aMissingStoreOrATakenPortIsOneLine() throws {
        let missing = try MLMDProcess.run(["ui", "--db", "/nonexistent/mlmd.sqlite", "--port", "0"])
        #expect(missing.status == 1)
        #expect(missing.error == "mlmd: /nonexistent/mlmd.sqlite: no such store; give its path with --db\n")
        let badPort = try MLMDProcess.run(["ui", "--port", "70000"])
        #expect(badPort.status == 2)
        #expect(badPort.error.hasPrefix("Error: --port must be between 0 and 65535\n"))

        let fixture = try StoreFixture()
        let first = try UIProcess(db: fixture.path)
        defer { first.stop() }
        let port = String(first.base.split(separator: ":").last!)
        let second = try MLMDProcess.run(["ui", "--db", fixture.path, "--port", port])
        #expect(second.status == 1)
        #expect(second.error.hasPrefix("mlmd: cannot serve on 127.0.0.1:\(port): "))
        #expect(second.error.filter { $0 == "\n" }.count == 1)
        // The same for the server's HTTP port: it stops rather than serve gRPC without it.
        let serve = try MLMDProcess.run(["serve", "--db", fixture.path, "--host", "127.0.0.1", "--port", "0", "--http-port", port])
        #expect(serve.status == 1)
        #expect(serve.error.hasPrefix("mlmd: cannot serve on 127.0.0.1:0: "), "\(serve.error)")
    }
}
