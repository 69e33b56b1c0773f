import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import MLMDClient
import MLMDProtos
import MLMDServer
import ProtoWire
import ProtoWireGRPC

/// The limit of what a grpc-swift-2 server can do on this machine: PutArtifacts and
/// GetArtifactsByID handlers that decode the request and answer with a fixed response of the same
/// size as the real one, touching no store.
struct NullService: RegistrableRPCService {
    let putResponse = PutArtifactsResponse.with { $0.artifactIDs = [1] }
    let readResponse = GetArtifactsByIDResponse.with { response in
        response.artifacts = (0..<Workload.idsPerRead).map { index in
            var artifact = Workload.artifact(typeID: 10, index)
            artifact.id = Int64(index + 1)
            artifact.type = Workload.artifactType.name
            artifact.createTimeSinceEpoch = 1_795_000_000_000
            artifact.lastUpdateTimeSinceEpoch = 1_795_000_000_000
            return artifact
        }
    }

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        let put = putResponse, read = readResponse
        register(&router, "PutArtifacts", PutArtifactsRequest.self) { _ in put }
        register(&router, "GetArtifactsByID", GetArtifactsByIDRequest.self) { _ in read }
    }

    private func register<Transport: ServerTransport, Request: ProtoMessage, Response: ProtoMessage>(
        _ router: inout RPCRouter<Transport>, _ method: String, _ request: Request.Type,
        _ answer: @escaping @Sendable (Request) -> Response
    ) {
        router.registerHandler(
            forMethod: MethodDescriptor(fullyQualifiedService: MetadataStoreService.name, method: method),
            deserializer: ProtoWireDeserializer<Request>(),
            serializer: ProtoWireSerializer<Response>()
        ) { request, _ in
            let message = try await ServerRequest(stream: request).message
            return StreamingServerResponse(single: ServerResponse(message: answer(message)))
        }
    }
}

/// Serves `NullService` on 127.0.0.1:`port` until killed; prints `ready PORT` once listening.
func serveNull(port: Int) async throws {
    let transport = HTTP2ServerTransport.Posix(address: .ipv4(host: "127.0.0.1", port: port), transportSecurity: .plaintext)
    let server = GRPCServer(transport: transport, services: [NullService()])
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.serve() }
        _ = try await transport.listeningAddress
        FileHandle.standardOutput.write(Data("ready \(port)\n".utf8))
        try await group.waitForAll()
    }
}
