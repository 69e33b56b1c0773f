import GRPCCore
import MLMDProtos
import Testing

/// `swift_ml_metadata.MetadataPurgeService` next to ml-metadata's service: a request is a dry run
/// unless it says otherwise, and a bad one is refused with the store's code.
@Suite struct PurgeServiceTests {
    static let service = "swift_ml_metadata.MetadataPurgeService"

    @Test func aRequestCountsUntilItTurnsTheDryRunOff() async throws {
        try await RunningServer.with { client, _ in
            let type = try await client.call(
                "PutArtifactType", PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "T" } },
                returning: PutArtifactTypeResponse.self
            ).typeID
            _ = try await client.call(
                "PutArtifacts",
                PutArtifactsRequest.with {
                    $0.artifacts = (1...3).map { index in
                        .with {
                            $0.typeID = type; $0.uri = "/\(index)"
                        }
                    }
                },
                returning: PutArtifactsResponse.self)
            let request = PurgeArtifactsRequest.with {
                $0.filterQuery = "uri != '/2'"; $0.batchSize = 1
            }
            let counted = try await client.call("PurgeArtifacts", request, service: Self.service, returning: PurgeResponse.self)
            #expect(counted.dryRun && counted.counts.artifacts == 2 && counted.sampleIDs == [1, 3])
            var deleting = request
            deleting.dryRun = false
            let deleted = try await client.call("PurgeArtifacts", deleting, service: Self.service, returning: PurgeResponse.self)
            #expect(!deleted.dryRun && deleted.counts.artifacts == 2 && deleted.sampleIDs == [1, 3])
            let left = try await client.call("GetArtifacts", GetArtifactsRequest(), returning: GetArtifactsResponse.self)
            #expect(left.artifacts.map(\.uri) == ["/2"])
        }
    }

    @Test func aBadFilterIsInvalidArgument() async throws {
        try await RunningServer.with { client, _ in
            let status = await statusOf {
                _ = try await client.call(
                    "PurgeContexts", PurgeContextsRequest.with { $0.filterQuery = "name =" }, service: Self.service,
                    returning: PurgeResponse.self)
            }
            #expect(status?.code == .invalidArgument)
            #expect(status?.message == "Invalid `filter_query`: expected a value, found end of query at offset 6")
        }
    }
}
