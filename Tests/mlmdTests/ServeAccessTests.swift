import Foundation
import Testing

/// `mlmd serve --http-port --read-only --auth-token-file`, and the command line sending the token
/// from `MLMD_AUTH_TOKEN` through `--db grpc://`.
@Suite struct ServeAccessTests {
    @Test func aTokenAndReadOnlyServerAnswersOnlyReadsWithTheToken() throws {
        let store = try StoreFixture()
        let token = try store.file("token", Array("s3cret\n".utf8))
        let server = try ServerProcess(["--db", store.path, "--http-port", "0", "--read-only", "--auth-token-file", token])
        defer { _ = server.stop() }
        let db = "grpc://127.0.0.1:\(server.port)"
        let refused = try MLMDProcess.run(["ls", "contexts", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.error == "mlmd: \(db): UNAUTHENTICATED: this server needs a token: send the header authorization: Bearer TOKEN\n")
        let read = try MLMDProcess.run(["ls", "contexts", "--db", db], environment: ["MLMD_AUTH_TOKEN": "s3cret"])
        #expect(read.status == 0 && read.text == "ID  TYPE        NAME\n1   Experiment  Demo\n2   Experiment  All\n", "\(read.error)")
        let purge = try MLMDProcess.run(
            ["purge", "artifacts", "--filter", "id > 0", "--force", "--db", db], environment: ["MLMD_AUTH_TOKEN": "s3cret"])
        #expect(purge.status == 1)
        #expect(purge.error == "mlmd: \(db): PERMISSION_DENIED: this server is read-only: PurgeArtifacts changes the store\n")
    }

    @Test func theHTTPListenerSaysWhereOnItsOwnLine() throws {
        let server = try ServerProcess(["--http-port", "0"])
        defer { _ = server.stop() }
        let line = server.readLine()
        #expect(
            line.hasPrefix("mlmd serve: HTTP on 127.0.0.1:")
                && line.hasSuffix(" (Connect, gRPC-Web, /openapi.json, /metrics, /healthz, /readyz)"),
            "\(line)")
    }

    @Test func anEmptyTokenFileIsOneLine() throws {
        let store = try StoreFixture(filled: false)
        let token = try store.file("token", Array("\n".utf8))
        let result = try MLMDProcess.run(["serve", "--db", "memory:", "--port", "0", "--auth-token-file", token])
        #expect(result.status == 1 && result.error == "mlmd: --auth-token-file: \(token) holds no token\n")
    }
}
