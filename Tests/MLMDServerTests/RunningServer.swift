import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import MLMDClient
import MLMDProtos
import ProtoWire
import ProtoWireGRPC

@testable import MLMDServer

/// A `MetadataStoreServer` on a free port of 127.0.0.1 for the length of a test, with a client.
enum RunningServer {
    typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

    /// Starts a server with `configuration` (port and host are set here), runs `body` with a
    /// client and the port, then shuts the server down and waits until it has stopped.
    static func with<T: Sendable>(
        _ configuration: MetadataStoreServer.Configuration = .init(port: 0),
        clientSecurity: HTTP2ClientTransport.Posix.TransportSecurity = .plaintext,
        _ body: (Client, Int) async throws -> T
    ) async throws -> T {
        try await withPorts(configuration, clientSecurity: clientSecurity) { client, ports in try await body(client, ports.grpc) }
    }

    /// The ports a running server listens on.
    struct Ports {
        var grpc: Int
        /// The HTTP listener's, when the configuration asks for one.
        var http: Int?
    }

    /// As `with`, telling `body` the HTTP listener's port too.
    static func withPorts<T: Sendable>(
        _ configuration: MetadataStoreServer.Configuration = .init(port: 0),
        clientSecurity: HTTP2ClientTransport.Posix.TransportSecurity = .plaintext,
        _ body: (Client, Ports) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        if configuration.httpPort != nil { configuration.httpPort = 0 }
        let wantsHTTP = configuration.httpPort != nil
        let server = try MetadataStoreServer(configuration: configuration)
        let (addresses, announce) = AsyncStream<String>.makeStream()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { announce.finish() }
                try await server.run {
                    announce.yield($0)
                } onHTTPListening: {
                    announce.yield($0)
                }
            }
            var iterator = addresses.makeAsyncIterator()
            func nextPort() async -> Int? { await iterator.next()?.split(separator: ":").last.flatMap { Int($0) } }
            guard let port = await nextPort(), let http = wantsHTTP ? await nextPort() : 0 else {
                try await group.waitForAll()
                throw ServerDidNotStart()
            }
            let result: Result<T, any Error>
            do {
                let transport = try HTTP2ClientTransport.Posix(
                    target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: clientSecurity)
                result = .success(
                    try await withGRPCClient(transport: transport) { client in
                        try await body(client, Ports(grpc: port, http: wantsHTTP ? http : nil))
                    })
            } catch {
                result = .failure(error)
            }
            server.beginShutdown()
            try await group.waitForAll()
            return try result.get()
        }
    }

    struct ServerDidNotStart: Error {}
}

extension GRPCClient {
    /// A unary call of `service` (MetadataStoreService by default) with our codec.
    func call<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, service: String = MetadataStoreService.name, returning: Response.Type = Response.self
    ) async throws -> Response {
        try await unary(
            request: ClientRequest(message: request),
            descriptor: MethodDescriptor(fullyQualifiedService: service, method: method),
            serializer: ProtoWireSerializer<Request>(),
            deserializer: ProtoWireDeserializer<Response>(),
            options: .defaults
        ) { try $0.message }
    }

    /// A unary call whose request is raw bytes, to send what no message encodes to.
    func callWithBytes<Response: ProtoMessage>(_ method: String, _ bytes: [UInt8], returning: Response.Type) async throws -> Response {
        try await unary(
            request: ClientRequest(message: bytes),
            descriptor: MethodDescriptor(fullyQualifiedService: MetadataStoreService.name, method: method),
            serializer: RawBytesSerializer(),
            deserializer: ProtoWireDeserializer<Response>(),
            options: .defaults
        ) { try $0.message }
    }
}

struct RawBytesSerializer: MessageSerializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }
}

/// The status code an RPC failed with, or nil when it succeeded.
func statusOf(_ body: () async throws -> Void) async -> (code: RPCError.Code, message: String)? {
    do {
        try await body()
        return nil
    } catch let error as RPCError {
        return (error.code, error.message)
    } catch {
        return (.unknown, "\(error)")
    }
}

func temporaryPath(_ suffix: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-server-test-\(UUID().uuidString)\(suffix)").path
}
