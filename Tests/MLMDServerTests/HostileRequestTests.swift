import GRPCCore
import MLMDProtos
import ProtoWire
import Testing

@testable import MLMDServer

/// Requests no client library would send: text that is not UTF-8, messages nested past protobuf's
/// limit. Each is INVALID_ARGUMENT naming the byte, and stores nothing.
@Suite struct HostileRequestTests {
    @Test func aURIThatIsNotUTF8IsInvalidArgumentAndStoresNothing() async throws {
        try await RunningServer.with { client, _ in
            // PutArtifactsRequest { artifacts { type_id: 10, uri: "\xC3\x28" } }: a lead byte
            // followed by one that does not continue it.
            let artifact: [UInt8] = [0x10, 0x0A, 0x1A, 0x02, 0xC3, 0x28]
            let request: [UInt8] = [0x0A, UInt8(artifact.count)] + artifact
            let status = await statusOf {
                _ = try await client.callWithBytes("PutArtifacts", request, returning: PutArtifactsResponse.self)
            }
            #expect(status?.code == .invalidArgument)
            #expect(status?.message.hasPrefix("cannot decode ml_metadata.PutArtifactsRequest: ") == true, "\(status?.message ?? "")")
            let stored = try await client.call("GetArtifacts", GetArtifactsRequest(), returning: GetArtifactsResponse.self)
            #expect(stored.artifacts.isEmpty)
        }
    }

    @Test func aStructNestedAThousandDeepIsInvalidArgumentAndStoresNothing() async throws {
        try await RunningServer.with { client, _ in
            var structure = Value().structValue
            structure.fields["leaf"] = .with { $0.stringValue = "leaf" }
            for _ in 1..<1_000 {
                let inner = structure
                structure = Value().structValue
                structure.fields["k"] = .with { $0.structValue = inner }
            }
            let request = PutArtifactsRequest.with {
                $0.artifacts = [
                    .with {
                        $0.typeID = 10; $0.customProperties["deep"] = .with { $0.structValue = structure }
                    }
                ]
            }
            let status = await statusOf {
                _ = try await client.callWithBytes("PutArtifacts", request.serializedBytes(), returning: PutArtifactsResponse.self)
            }
            #expect(status?.code == .invalidArgument)
            #expect(status?.message.contains("nested") == true || status?.message.contains("deep") == true, "\(status?.message ?? "")")
            let stored = try await client.call("GetArtifacts", GetArtifactsRequest(), returning: GetArtifactsResponse.self)
            #expect(stored.artifacts.isEmpty)
        }
    }
}
