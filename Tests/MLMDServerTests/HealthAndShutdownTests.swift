import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import MLMDClient
import MLMDProtos
import MLMetadata
import ProtoWire
import ProtoWireGRPC
import Testing

@testable import MLMDServer

/// grpc.health.v1.Health, and a graceful stop that closes the store.
@Suite struct HealthAndShutdownTests {
    @Test func healthCheckAnswersForTheServerAndItsServicesOnly() async throws {
        try await RunningServer.with { client, _ in
            for service in ["", "ml_metadata.MetadataStoreService", "swift_ml_metadata.MetadataPurgeService"] {
                let response = try await client.call(
                    "Check", HealthCheckRequest.with { $0.service = service }, service: "grpc.health.v1.Health",
                    returning: HealthCheckResponse.self)
                #expect(response.status == .serving)
            }
            let unknown = await statusOf {
                _ = try await client.call(
                    "Check", HealthCheckRequest.with { $0.service = "nope.Service" }, service: "grpc.health.v1.Health",
                    returning: HealthCheckResponse.self)
            }
            #expect(unknown?.code == .notFound)
        }
    }

    @Test func watchReportsServingThenNotServingWhenShutdownBegins() async throws {
        let server = try MetadataStoreServer(configuration: .init(host: "127.0.0.1", port: 0))
        let (addresses, announce) = AsyncStream<String>.makeStream()
        async let serving: Void = server.run { announce.yield($0) }
        var iterator = addresses.makeAsyncIterator()
        let port = try #require(await iterator.next()?.split(separator: ":").last.flatMap { Int($0) })
        let transport = try HTTP2ClientTransport.Posix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
        let statuses = try await withGRPCClient(transport: transport) { client in
            try await client.serverStreaming(
                request: ClientRequest(message: HealthCheckRequest()),
                descriptor: MethodDescriptor(fullyQualifiedService: "grpc.health.v1.Health", method: "Watch"),
                serializer: ProtoWireSerializer<HealthCheckRequest>(),
                deserializer: ProtoWireDeserializer<HealthCheckResponse>(),
                options: .defaults
            ) { response in
                var statuses: [HealthCheckResponse.ServingStatus] = []
                for try await message in response.messages {
                    statuses.append(message.status)
                    if statuses.count == 1 { server.beginShutdown() }
                }
                return statuses
            }
        }
        try await serving
        #expect(statuses == [.serving, .notServing])
    }

    @Test func shutdownFinishesAndClosesTheFileSoItsWriteAheadLogIsFolded() async throws {
        let path = temporaryPath(".sqlite")
        var configuration = MetadataStoreServer.Configuration(port: 0)
        configuration.serverConfig.connectionConfig.sqlite = .with { $0.filenameURI = path }
        try await RunningServer.with(configuration) { client, _ in
            _ = try await client.call(
                "PutArtifactType", PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "T" } },
                returning: PutArtifactTypeResponse.self)
            _ = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
        // The last connection to close checkpoints the log and removes it.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let reopened = try MetadataStore(config: .with { $0.sqlite = .with { $0.filenameURI = path } })
        #expect(try reopened.getArtifactType(named: "T").id == 10)
    }
}
