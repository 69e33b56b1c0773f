import Foundation
import Testing

/// Commands with `--db grpc://HOST:PORT`: the same output through `mlmd serve` as on the file.
@Suite struct RemoteStoreCommandTests {
    static let readingCommands: [[String]] = [
        ["ls", "artifacts"], ["ls", "executions"], ["ls", "contexts"], ["ls", "artifacts", "--type", "Schema"],
        ["ls", "artifacts", "--filter", "uri LIKE '%.csv'"], ["types", "ls"], ["show", "artifact", "1"],
        ["show", "execution", "1"], ["show", "context", "2"], ["lineage", "artifact", "2"],
        ["lineage", "execution", "1", "--format", "dot"], ["export"], ["export", "--format", "text"],
    ]

    @Test func readingCommandsPrintWhatTheyPrintOnTheFile() throws {
        let store = try StoreFixture()
        let server = try ServerProcess(["--db", store.path])
        defer { _ = server.stop() }
        for command in Self.readingCommands {
            let local = try store.run(command)
            let remote = try MLMDProcess.run(command + ["--db", "grpc://127.0.0.1:\(server.port)"])
            #expect(remote.status == 0 && remote.error.isEmpty, "\(command): \(remote.error)")
            #expect(remote.output == local.output, "\(command)")
        }
    }

    @Test func typesPutWritesThroughTheServer() throws {
        let store = try StoreFixture(filled: false)
        let server = try ServerProcess(["--db", store.path])
        defer { _ = server.stop() }
        let types = try store.file("types.pbtxt", Array("artifact_types { name: \"Model\" }\ncontext_types { name: \"Run\" }\n".utf8))
        let result = try MLMDProcess.run(["types", "put", types, "--db", "grpc://localhost:\(server.port)"])
        #expect(result.text == "artifact type 10 Model\ncontext type 11 Run\n")
        #expect(try store.run(["types", "ls"]).text == "ID  KIND      NAME   PROPERTIES\n10  artifact  Model  -\n11  context   Run    -\n")
    }

    @Test func storeErrorsKeepTheirCodeAndNameTheServer() throws {
        let store = try StoreFixture()
        let server = try ServerProcess(["--db", store.path])
        defer { _ = server.stop() }
        let db = "grpc://127.0.0.1:\(server.port)"
        let badFilter = try MLMDProcess.run(["ls", "artifacts", "--filter", "uri ==", "--db", db])
        #expect(badFilter.status == 1)
        #expect(badFilter.error.hasPrefix("mlmd: \(db): INVALID_ARGUMENT: Invalid `filter_query`: "))
        #expect(try MLMDProcess.run(["show", "artifact", "99", "--db", db]).error == "mlmd: \(db): no artifact with id 99\n")
        #expect(try MLMDProcess.run(["lineage", "artifact", "99", "--db", db]).error == "mlmd: \(db): no artifact with id 99\n")
    }

    @Test func importThroughAServerIsRefusedAndChangesNothing() throws {
        let store = try StoreFixture()
        let server = try ServerProcess(["--db", store.path])
        defer { _ = server.stop() }
        let before = try store.run(["export"]).output
        let db = "grpc://127.0.0.1:\(server.port)"
        let result = try MLMDProcess.run(["import", "--db", db], input: Array(StoreFixture.dump.utf8))
        #expect(result.status == 1)
        #expect(
            result.error
                == "mlmd: --db \(db): a server cannot add a dump all-or-nothing (gRPC has no transaction across calls); import into the server's database (its SQLite file, or its postgresql:// or mysql:// URL), which is safe while it runs\n"
        )
        #expect(try store.run(["export"]).output == before)
    }

    @Test func anUnreachableServerOrABadAddressIsOneLine() throws {
        let closed = try MLMDProcess.run(["ls", "artifacts", "--db", "grpc://127.0.0.1:1"])
        #expect(closed.status == 1)
        #expect(closed.error.hasPrefix("mlmd: grpc://127.0.0.1:1: UNAVAILABLE: ") && closed.error.filter { $0 == "\n" }.count == 1)
        for address in ["grpc://127.0.0.1", "grpc://:80", "grpc://host:0", "grpc://host:port"] {
            let result = try MLMDProcess.run(["ls", "artifacts", "--db", address])
            #expect(result.status == 1 && result.error == "mlmd: --db: \(address): give the server as grpc://HOST:PORT\n", "\(address)")
        }
        let serve = try MLMDProcess.run(["serve", "--db", "grpc://127.0.0.1:9"])
        #expect(serve.status == 1)
        #expect(
            serve.error
                == "mlmd: --db: grpc://127.0.0.1:9 is a server; this command needs a database: an SQLite file, memory:, or a postgresql:// or mysql:// URL\n"
        )
    }
}
