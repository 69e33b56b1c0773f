import GRPCCore
import GRPCNIOTransportHTTP2
import MLMDProtos
import MLMetadata
import ProtoWire
import Testing

@testable import MLMDServer

/// The 52 methods of ml_metadata.MetadataStoreService over a real HTTP/2 connection.
@Suite struct MetadataStoreServiceTests {
    @Test func everyMethodOfTheServicesIsRegisteredUnderItsName() throws {
        let lanes = try StoreLanes(config: .with { $0.fakeDatabase = FakeDatabaseConfig() }, backends: [], readThreadCount: 1)
        var router = RPCRouter<HTTP2ServerTransport.Posix>()
        StoreGRPCServices(lanes: lanes).registerMethods(with: &router)
        #expect(router.count == 55)
        let names = (MetadataStoreService.methods + MetadataPurgeService.methods).map(\.name)
        #expect(Set(router.methods.map(\.method)) == Set(names))
        #expect(
            Set(router.methods.map(\.service.fullyQualifiedService)) == [
                "ml_metadata.MetadataStoreService", "swift_ml_metadata.MetadataPurgeService",
            ])
        var table = ServiceMethodTable()
        MetadataStoreMethods(lanes: lanes).register(into: &table)
        MetadataPurgeMethods(lanes: lanes).register(into: &table)
        #expect(Set(table.methods.keys) == Set(router.methods.map { "/\($0.service.fullyQualifiedService)/\($0.method)" }))
        #expect(table.methods.values.filter(\.changesStore).map(\.name).sorted() == Self.writes)
    }

    /// The methods a read-only server refuses.
    static let writes = [
        "PurgeArtifacts", "PurgeContexts", "PurgeExecutions", "PutArtifactType", "PutArtifacts", "PutAttributionsAndAssociations",
        "PutContextType", "PutContexts", "PutEvents", "PutExecution", "PutExecutionType", "PutExecutions", "PutLineageSubgraph",
        "PutParentContexts", "PutTypes",
    ]

    /// Each method decodes its request type and answers with its response type; only the deprecated
    /// GetLineageGraph is UNIMPLEMENTED, as in ml-metadata.
    @Test func everyMethodAnswersAnEmptyRequestWithItsOwnResponseOrAStoreError() async throws {
        try await RunningServer.with { client, _ in
            for method in MetadataStoreService.methods {
                let status = await statusOf { try await Self.callEmpty(client, method.name, method.requestType, method.responseType) }
                if method.name == "GetLineageGraph" {
                    #expect(status?.code == .unimplemented)
                } else {
                    #expect(status == nil || [.invalidArgument, .notFound].contains(status!.code), "\(method.name): \(status!)")
                }
            }
        }
    }

    private static func callEmpty<Request: ProtoMessage, Response: ProtoMessage>(
        _ client: RunningServer.Client, _ method: String, _ request: Request.Type, _ response: Response.Type
    ) async throws {
        _ = try await client.call(method, Request(), returning: Response.self)
    }

    @Test func recordsRoundTripAndStoreErrorsKeepTheirCodeAndMessage() async throws {
        try await RunningServer.with { client, _ in
            let typeID = try await client.call(
                "PutArtifactType",
                PutArtifactTypeRequest.with {
                    $0.artifactType = .with {
                        $0.name = "DataSet"; $0.properties = ["split": .string]
                    }
                }, returning: PutArtifactTypeResponse.self
            ).typeID
            #expect(typeID == 10)
            let put = try await client.call(
                "PutArtifacts",
                PutArtifactsRequest.with {
                    $0.artifacts = [
                        .with {
                            $0.typeID = 10; $0.uri = "data/train"; $0.properties["split"] = .with { $0.stringValue = "train" }
                        }
                    ]
                }, returning: PutArtifactsResponse.self)
            #expect(put.artifactIDs == [1])
            let got = try await client.call(
                "GetArtifactsByID", GetArtifactsByIDRequest.with { $0.artifactIDs = [1] },
                returning: GetArtifactsByIDResponse.self)
            #expect(got.artifacts.map(\.uri) == ["data/train"] && got.artifacts.first?.type == "DataSet")

            let missing = await statusOf {
                _ = try await client.call(
                    "GetArtifactType", GetArtifactTypeRequest.with { $0.typeName = "Nope" },
                    returning: GetArtifactTypeResponse.self)
            }
            #expect(missing?.code == .notFound)
            #expect(missing?.message.contains("Nope") == true)
            let clash = await statusOf {
                _ = try await client.call(
                    "PutArtifactType",
                    PutArtifactTypeRequest.with {
                        $0.artifactType = .with {
                            $0.name = "DataSet"; $0.properties = ["split": .int]
                        }
                    }, returning: PutArtifactTypeResponse.self)
            }
            #expect(clash?.code == .alreadyExists)
        }
    }

    @Test func aRequestThatDoesNotDecodeIsInvalidArgumentNamingTheOffset() async throws {
        try await RunningServer.with { client, _ in
            // Field 1 (artifact_ids), varint, cut off after its tag.
            let status = await statusOf {
                _ = try await client.callWithBytes("GetArtifactsByID", [0x08], returning: GetArtifactsByIDResponse.self)
            }
            #expect(status?.code == .invalidArgument)
            #expect(status?.message == "cannot decode ml_metadata.GetArtifactsByIDRequest: truncated input at byte 1")
        }
    }

    @Test func aRequestOverTheSizeLimitIsRefusedAndStoresNothing() async throws {
        try await RunningServer.with(.init(port: 0, maxRequestBytes: 1024)) { client, _ in
            let big = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = String(repeating: "x", count: 2000) } }
            let status = await statusOf { _ = try await client.call("PutArtifactType", big, returning: PutArtifactTypeResponse.self) }
            #expect(status?.code == .resourceExhausted)
            #expect(status?.message == "ml_metadata.PutArtifactTypeRequest of 2006 bytes is over the server's limit of 1024 bytes")
            let types = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
            #expect(types.artifactTypes.isEmpty)
        }
    }

    /// Read connections opened lazily, in the first burst of calls, would meet a busy file while
    /// checking the schema and fail reads with ABORTED (as server-bench showed), so all open at start.
    @Test func readConnectionsAreAllOpenBeforeTheFirstCall() async throws {
        let lanes = try StoreLanes(
            config: .with { $0.sqlite = .with { $0.filenameURI = temporaryPath(".sqlite") } }, backends: [], readThreadCount: 3)
        #expect(lanes.idleReadConnections == 3)
        let inside = try await lanes.read { _ in lanes.idleReadConnections }
        #expect(inside == 2 && lanes.idleReadConnections == 3)
        try await lanes.shutdown()
    }

    @Test func readsOfAFileSeeEveryWriteThatWasAcknowledged() async throws {
        var configuration = MetadataStoreServer.Configuration(port: 0, readThreads: 3)
        configuration.serverConfig.connectionConfig.sqlite = .with { $0.filenameURI = temporaryPath(".sqlite") }
        try await RunningServer.with(configuration) { client, _ in
            _ = try await client.call(
                "PutArtifactType", PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "T" } },
                returning: PutArtifactTypeResponse.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        for index in 0..<25 {
                            let ids = try await client.call(
                                "PutArtifacts",
                                PutArtifactsRequest.with {
                                    $0.artifacts = [
                                        .with {
                                            $0.typeID = 10; $0.uri = "\(writer)/\(index)"
                                        }
                                    ]
                                }, returning: PutArtifactsResponse.self
                            ).artifactIDs
                            // A read right after the write, on whichever read connection is free.
                            let read = try await client.call(
                                "GetArtifactsByID", GetArtifactsByIDRequest.with { $0.artifactIDs = ids },
                                returning: GetArtifactsByIDResponse.self)
                            #expect(read.artifacts.map(\.uri) == ["\(writer)/\(index)"])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let byType = try await client.call(
                "GetArtifactsByType", GetArtifactsByTypeRequest.with { $0.typeName = "T" },
                returning: GetArtifactsByTypeResponse.self)
            #expect(byType.artifacts.count == 100)
        }
    }
}
