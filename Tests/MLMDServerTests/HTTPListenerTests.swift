import Foundation
import GRPCCore
import MLMDProtos
import MLMetadata
import ProtoWire
import Testing

@testable import MLMDServer

/// `mlmd serve --http-port`: the store's methods as Connect unary calls and gRPC-Web next to gRPC,
/// on the same store, under the same limits and policy; `/healthz` and `/readyz`.
@Suite struct HTTPListenerTests {
    static func configuration(_ change: (inout MetadataStoreServer.Configuration) -> Void = { _ in }) -> MetadataStoreServer.Configuration {
        var configuration = MetadataStoreServer.Configuration(port: 0, maxRequestBytes: 1_000)
        configuration.httpPort = 0
        change(&configuration)
        return configuration
    }

    static let proto = ["content-type": "application/proto"]
    static func path(_ method: String) -> String { "/ml_metadata.MetadataStoreService/\(method)" }

    @Test func connectCallsReachTheStoreGRPCReads() async throws {
        try await RunningServer.withPorts(Self.configuration()) { client, ports in
            let request = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "DataSet" } }
            let put = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: Self.proto, body: request.serializedBytes())
            #expect(put.status == 200 && put.headers["content-type"] == "application/proto")
            #expect(try PutArtifactTypeResponse(serializedBytes: put.body).typeID == 10)
            let types = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            #expect(types.artifactTypes.map(\.name) == ["DataSet"])
        }
    }

    static let json = ["content-type": "application/json"]

    @Test func connectCallsInJSON() async throws {
        try await RunningServer.withPorts(Self.configuration()) { _, ports in
            let put = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: Self.json,
                body: Array(#"{"artifact_type": {"name": "DataSet", "properties": {"split": "STRING"}}}"#.utf8))
            #expect(put.status == 200 && put.headers["content-type"] == "application/json")
            #expect(put.text == #"{"typeId":"10"}"#)
            let artifacts = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifacts"), headers: Self.json,
                body: Array(#"{"artifacts": [{"typeId": 10, "uri": "data.csv", "properties": {"split": {"stringValue": "train"}}}]}"#.utf8))
            #expect(artifacts.text == #"{"artifactIds":["1"]}"#)
            let read = try await HTTPExchange.send(
                port: ports.http!, Self.path("GetArtifactsByID"), headers: Self.json, body: Array(#"{"artifactIds": ["1"]}"#.utf8))
            let artifact = try GetArtifactsByIDResponse(jsonUTF8Bytes: read.body).artifacts.first
            #expect(artifact?.uri == "data.csv" && artifact?.properties["split"]?.stringValue == "train")
        }
    }

    @Test func aJSONErrorNamesItsPathAndOffsetAndStoresNothing() async throws {
        try await RunningServer.withPorts(Self.configuration()) { client, ports in
            let wrong = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: Self.json,
                body: Array(#"{"artifactType": {"name": 7}}"#.utf8))
            #expect(wrong.status == 400)
            #expect(
                wrong.text.hasPrefix(
                    #"{"code":"invalid_argument","message":"cannot decode ml_metadata.PutArtifactTypeRequest: $.artifactType.name: "#),
                "\(wrong.text)")
            let unknown = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: Self.json, body: Array(#"{"artifactTyp": {}}"#.utf8))
            #expect(unknown.status == 400 && unknown.text.contains("artifactTyp"), "\(unknown.text)")
            let types = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            #expect(types.artifactTypes.isEmpty)
        }
    }

    @Test func aStoreErrorIsConnectsErrorBody() async throws {
        try await RunningServer.withPorts(Self.configuration()) { _, ports in
            let request = GetArtifactTypeRequest.with { $0.typeName = "Missing" }
            let answer = try await HTTPExchange.send(
                port: ports.http!, Self.path("GetArtifactType"), headers: Self.proto, body: request.serializedBytes())
            #expect(answer.status == 404 && answer.headers["content-type"] == "application/json")
            #expect(answer.text == #"{"code":"not_found","message":"No type found for query, name: `Missing`, version: `nullopt`"}"#)
        }
    }

    @Test func grpcWebFramesTheResponseAndItsTrailers() async throws {
        try await RunningServer.withPorts(Self.configuration()) { _, ports in
            let request = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "DataSet" } }
            let message = request.serializedBytes()
            let framed = [0, 0, 0, 0, UInt8(message.count)] + message
            let answer = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: ["content-type": "application/grpc-web+proto"], body: framed)
            let response = PutArtifactTypeResponse.with { $0.typeID = 10 }.serializedBytes()
            let trailers = Array("grpc-status: 0\r\n".utf8)
            #expect(answer.status == 200 && answer.headers["content-type"] == "application/grpc-web+proto")
            #expect(answer.body == [0, 0, 0, 0, UInt8(response.count)] + response + [0x80, 0, 0, 0, UInt8(trailers.count)] + trailers)
            let missing = try await HTTPExchange.send(
                port: ports.http!, Self.path("GetArtifactsByID"), headers: ["content-type": "application/grpc-web"], body: [0, 0, 0, 0, 9])
            #expect(missing.headers["grpc-status"] == "3")
            #expect(missing.headers["grpc-message"]?.hasPrefix("the gRPC-Web frame says 9 bytes, and 0 follow it") == true)
        }
    }

    /// `application/grpc-web-text`, the base64 form browser clients (Kubeflow's UI among them) send.
    @Test func grpcWebTextIsBase64BothWays() async throws {
        try await RunningServer.withPorts(Self.configuration()) { _, ports in
            let message = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "DataSet" } }.serializedBytes()
            let framed = Data([0, 0, 0, 0, UInt8(message.count)] + message).base64EncodedString()
            let answer = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: ["content-type": "application/grpc-web-text"],
                body: Array(framed.utf8))
            let response = PutArtifactTypeResponse.with { $0.typeID = 10 }.serializedBytes()
            let trailers = Array("grpc-status: 0\r\n".utf8)
            let expected = Data([0, 0, 0, 0, UInt8(response.count)] + response + [0x80, 0, 0, 0, UInt8(trailers.count)] + trailers)
            #expect(answer.status == 200 && answer.headers["content-type"] == "application/grpc-web-text+proto")
            #expect(answer.text == expected.base64EncodedString())
            let broken = try await HTTPExchange.send(
                port: ports.http!, Self.path("GetArtifactTypes"), headers: ["content-type": "application/grpc-web-text"],
                body: Array("not base64!".utf8))
            #expect(broken.headers["grpc-status"] == "3" && broken.headers["grpc-message"] == "the gRPC-Web text body is not base64")
        }
    }

    @Test func aRequestOverTheLimitIs413AndChangesNothing() async throws {
        try await RunningServer.withPorts(Self.configuration()) { client, ports in
            let big = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = String(repeating: "x", count: 2_000) } }
            let answer = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: Self.proto, body: big.serializedBytes())
            #expect(answer.status == 413)
            #expect(answer.text == #"{"code":"resource_exhausted","message":"the request is over the server's limit of 1000 bytes"}"#)
            let types = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            #expect(types.artifactTypes.isEmpty)
        }
    }

    @Test func otherContentTypesAndUnknownMethodsAreRefused() async throws {
        try await RunningServer.withPorts(Self.configuration()) { _, ports in
            let text = try await HTTPExchange.send(
                port: ports.http!, Self.path("GetArtifactTypes"), headers: ["content-type": "text/plain"])
            #expect(
                text.status == 415
                    && text.headers["accept-post"]
                        == "application/json, application/proto, application/grpc-web+proto, application/grpc-web-text+proto"
            )
            let unknown = try await HTTPExchange.send(port: ports.http!, Self.path("Nope"), headers: Self.proto)
            #expect(unknown.status == 501)
            #expect(unknown.text == #"{"code":"unimplemented","message":"no method /ml_metadata.MetadataStoreService/Nope"}"#)
        }
    }

    @Test func aReadOnlyServerRefusesWritesOnEveryTransport() async throws {
        try await RunningServer.withPorts(Self.configuration { $0.policy = CallPolicy(readOnly: true) }) { client, ports in
            let request = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "DataSet" } }
            let http = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: Self.proto, body: request.serializedBytes())
            #expect(http.status == 403)
            #expect(http.text == #"{"code":"permission_denied","message":"this server is read-only: PutArtifactType changes the store"}"#)
            let grpc = await statusOf { _ = try await client.call("PutArtifactType", request, returning: PutArtifactTypeResponse.self) }
            #expect(grpc?.code == .permissionDenied)
            let purge = await statusOf {
                _ = try await client.call(
                    "PurgeArtifacts", PurgeArtifactsRequest.with { $0.filterQuery = "id > 0" }, service: MetadataPurgeService.name,
                    returning: PurgeResponse.self)
            }
            #expect(purge?.code == .permissionDenied)
            let read = try await HTTPExchange.send(port: ports.http!, Self.path("GetArtifactTypes"), headers: Self.proto)
            #expect(read.status == 200)
        }
    }

    @Test func aTokenIsNeededOnEveryTransportButHealthStaysOpen() async throws {
        try await RunningServer.withPorts(Self.configuration { $0.policy = CallPolicy(token: "s3cret") }) { client, ports in
            let without = try await HTTPExchange.send(port: ports.http!, Self.path("GetArtifactTypes"), headers: Self.proto)
            #expect(without.status == 401)
            #expect(
                without.text
                    == #"{"code":"unauthenticated","message":"this server needs a token: send the header authorization: Bearer TOKEN"}"#)
            let wrong = try await HTTPExchange.send(
                port: ports.http!, Self.path("GetArtifactTypes"), headers: Self.proto.merging(["authorization": "Bearer s3creT"]) { $1 })
            #expect(wrong.status == 401)
            let right = try await HTTPExchange.send(
                port: ports.http!, Self.path("GetArtifactTypes"), headers: Self.proto.merging(["authorization": "Bearer s3cret"]) { $1 })
            #expect(right.status == 200)
            let grpc = await statusOf {
                _ = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            }
            #expect(grpc?.code == .unauthenticated)
            #expect(try await HTTPExchange.send("GET", port: ports.http!, "/healthz").status == 200)
            #expect(try await HTTPExchange.send("GET", port: ports.http!, "/readyz").text == "ready\n")
            let health = try await client.call(
                "Check", HealthCheckRequest(), service: "grpc.health.v1.Health", returning: HealthCheckResponse.self)
            #expect(health.status == .serving)
        }
    }

    @Test func onlyTheNamedOriginMayCallFromABrowser() async throws {
        try await RunningServer.withPorts(Self.configuration { $0.corsOrigin = "https://ui.example" }) { client, ports in
            let request = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "DataSet" } }
            let foreign = try await HTTPExchange.send(
                port: ports.http!, Self.path("PutArtifactType"), headers: Self.proto.merging(["origin": "https://evil.example"]) { $1 },
                body: request.serializedBytes())
            #expect(foreign.status == 403 && foreign.headers["access-control-allow-origin"] == nil)
            let types = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            #expect(types.artifactTypes.isEmpty)
            let preflight = try await HTTPExchange.send(
                "OPTIONS", port: ports.http!, Self.path("PutArtifactType"),
                headers: ["origin": "https://ui.example", "access-control-request-method": "POST"])
            #expect(preflight.status == 204 && preflight.headers["access-control-allow-origin"] == "https://ui.example")
            #expect(preflight.headers["access-control-allow-headers"]?.contains("authorization") == true)
            let named = try await HTTPExchange.send(
                port: ports.http!, Self.path("GetArtifactTypes"), headers: Self.proto.merging(["origin": "https://ui.example"]) { $1 })
            #expect(named.status == 200 && named.headers["access-control-allow-origin"] == "https://ui.example")
        }
    }

    @Test func tokensCompareWholly() {
        #expect(CallPolicy.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!CallPolicy.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!CallPolicy.constantTimeEqual(Array("".utf8), Array("a".utf8)))
        #expect(!CallPolicy.constantTimeEqual(Array("abd".utf8), Array("abc".utf8)))
    }
}

/// `GET /metrics`: calls by method, transport and code, latency, the store's size and state.
@Suite struct ServerMetricsTests {
    @Test func callsOfBothTransportsAndTheStoreAreCounted() async throws {
        try await RunningServer.withPorts(HTTPListenerTests.configuration()) { client, ports in
            let request = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "DataSet" } }
            _ = try await HTTPExchange.send(
                port: ports.http!, HTTPListenerTests.path("PutArtifactType"), headers: HTTPListenerTests.proto,
                body: request.serializedBytes())
            _ = try await client.call("PutArtifactType", request, returning: PutArtifactTypeResponse.self)
            _ = await statusOf {
                _ = try await client.call(
                    "GetArtifactType", GetArtifactTypeRequest.with { $0.typeName = "Nope" }, returning: GetArtifactTypeResponse.self)
            }
            let scrape = try await HTTPExchange.send("GET", port: ports.http!, "/metrics")
            #expect(scrape.status == 200 && scrape.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = Set(scrape.text.split(separator: "\n").map(String.init))
            for expected in [
                #"mlmd_calls_total{method="PutArtifactType",transport="http",code="OK"} 1"#,
                #"mlmd_calls_total{method="PutArtifactType",transport="grpc",code="OK"} 1"#,
                #"mlmd_calls_total{method="GetArtifactType",transport="grpc",code="NOT_FOUND"} 1"#,
                #"mlmd_call_duration_seconds_count{method="PutArtifactType",transport="grpc"} 1"#,
                #"mlmd_store_records{kind="types"} 10.0"#, #"mlmd_store_records{kind="artifacts"} 0.0"#, "mlmd_store_up 1.0",
            ] {
                #expect(lines.contains(expected), "\(expected)")
            }
        }
    }
}

/// Requests no client would send, to every method over HTTP: each gets an answer with a status,
/// the server stays up, and a refused write leaves nothing behind.
@Suite struct HostileHTTPRequestTests {
    @Test func garbageToEveryMethodIsAnsweredAndTheServerStaysUp() async throws {
        try await RunningServer.withPorts(HTTPListenerTests.configuration()) { client, ports in
            var generator = SplitMix64(seed: 20_261_207)
            let paths =
                (MetadataStoreService.methods.map { "/\(MetadataStoreService.name)/\($0.name)" })
                + MetadataPurgeService.methods.map { "/\(MetadataPurgeService.name)/\($0.name)" }
            for path in paths {
                for contentType in ["application/proto", "application/grpc-web+proto"] {
                    let body = (0..<Int(generator.next() % 64)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                    let answer = try await HTTPExchange.send(port: ports.http!, path, headers: ["content-type": contentType], body: body)
                    #expect([200, 400, 404, 409, 413, 415, 501].contains(answer.status), "\(path) \(contentType): \(answer.status)")
                }
            }
            #expect(try await HTTPExchange.send("GET", port: ports.http!, "/healthz").status == 200)
            // A broken message to a writing method stores nothing.
            let before = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            let broken = try await HTTPExchange.send(
                port: ports.http!, HTTPListenerTests.path("PutArtifactType"), headers: HTTPListenerTests.proto, body: [0x0A, 0x05, 0x12])
            #expect(broken.status == 400)
            #expect(broken.text.hasPrefix(#"{"code":"invalid_argument","message":"cannot decode ml_metadata.PutArtifactTypeRequest: "#))
            let after = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            #expect(after == before)
        }
    }
}

/// A small seeded generator, so that a failing input can be found again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `GET /openapi.json`: the document generated from the descriptors, every method in it, valid by
/// openapi-spec-validator (from PyPI, under CI or where it is installed).
@Suite struct OpenAPIDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theDocumentNamesEveryMethodAndIsValid() async throws {
        try await RunningServer.withPorts(HTTPListenerTests.configuration()) { _, ports in
            let answer = try await HTTPExchange.send("GET", port: ports.http!, "/openapi.json")
            #expect(answer.status == 200 && answer.headers["content-type"] == "application/json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
            let paths = Set((document["paths"] as? [String: Any] ?? [:]).keys)
            let expected = Set(
                MetadataStoreService.methods.map { "/\(MetadataStoreService.name)/\($0.name)" }
                    + MetadataPurgeService.methods.map { "/\(MetadataPurgeService.name)/\($0.name)" })
            #expect(paths == expected)
            guard ProcessInfo.processInfo.environment["CI"] == "true" || ProcessInfo.processInfo.environment["MLMD_RUN_SUITE"] == "1"
            else { return }
            let file = temporaryPath(".json")
            try Data(answer.body).write(to: URL(fileURLWithPath: file))
            let (status, text) = try await ChildProcess.run(
                Self.repository.appendingPathComponent("Scripts/check-openapi.sh"), [file])
            #expect(status == 0 && text == "\(file): OK\n", "\(text)")
        }
    }
}

/// schemathesis (from PyPI) against the HTTP listener, every check, as `Scripts/run-schemathesis.sh`
/// runs it: under CI or with `MLMD_RUN_SUITE=1`.
@Suite struct SchemathesisTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true" || ProcessInfo.processInfo.environment["MLMD_RUN_SUITE"] == "1"))
    func schemathesisFindsNothing() async throws {
        try await RunningServer.withPorts(HTTPListenerTests.configuration { $0.maxRequestBytes = 4 << 20 }) { _, ports in
            let (status, text) = try await ChildProcess.run(
                OpenAPIDocumentTests.repository.appendingPathComponent("Scripts/run-schemathesis.sh"), ["http://127.0.0.1:\(ports.http!)"])
            #expect(status == 0, "\(text.suffix(3000))")
            #expect(text.contains(" passed"), "\(text.suffix(3000))")
        }
    }

    @Test func otherHTTPMethodsOnACallsPathAre405() async throws {
        try await RunningServer.withPorts(HTTPListenerTests.configuration()) { _, ports in
            for method in ["GET", "PUT", "DELETE", "TRACE"] {
                let answer = try await HTTPExchange.send(method, port: ports.http!, HTTPListenerTests.path("GetArtifacts"))
                #expect(answer.status == 405 && answer.headers["allow"] == "POST", "\(method)")
            }
        }
    }
}

/// The plaintext port speaks HTTP/1.1 and HTTP/2 with prior knowledge (h2c), told apart by the
/// first bytes. Checked with curl.
@Suite struct PlaintextHTTP2Tests {
    @Test func h2cAndHTTP1OnOnePort() async throws {
        try await RunningServer.withPorts(HTTPListenerTests.configuration()) { _, ports in
            let base = "http://127.0.0.1:\(ports.http!)"
            let curl = URL(fileURLWithPath: "/usr/bin/env")
            let h2 = try await ChildProcess.run(
                curl, ["curl", "-s", "--http2-prior-knowledge", "-w", " %{http_version}", base + "/healthz"])
            #expect(h2.output == "ok\n 2", "\(h2)")
            let h1 = try await ChildProcess.run(curl, ["curl", "-s", "-w", " %{http_version}", base + "/healthz"])
            #expect(h1.output == "ok\n 1.1", "\(h1)")
            let call = try await ChildProcess.run(
                curl,
                [
                    "curl", "-s", "--http2-prior-knowledge", "-H", "content-type: application/json", "-d", #"{"typeName": "Nope"}"#,
                    base + HTTPListenerTests.path("GetArtifactType"),
                ])
            #expect(call.output.hasPrefix(#"{"code":"not_found","message":"No type found for query, name: `Nope`"#), "\(call)")
        }
    }
}
