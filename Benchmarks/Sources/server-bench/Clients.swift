import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import MLMDClient
import MLMDProtos
import MLMDServer
import ProtoWire
import ProtoWireGRPC

/// What one scenario measured: calls per second over all clients, and latency percentiles.
struct ScenarioResult {
    var callsPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    /// Milliseconds of CPU the server processes used per 1,000 calls in the measured window.
    var serverCPUMillisecondsPer1000Calls: Double
}

typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

extension GRPCClient {
    /// A call that takes longer than this is a hang worth reporting, not a measurement.
    static var callOptions: CallOptions {
        var options = CallOptions.defaults
        options.timeout = .seconds(10)
        return options
    }

    func call<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, _ response: Response.Type
    ) async throws -> Response {
        try await unary(
            request: ClientRequest(message: request),
            descriptor: MethodDescriptor(fullyQualifiedService: MetadataStoreService.name, method: method),
            serializer: ProtoWireSerializer<Request>(),
            deserializer: ProtoWireDeserializer<Response>(),
            options: Self.callOptions
        ) { try $0.message }
    }
}

/// Runs `body` with `count` clients, each on a connection of its own; client i connects to
/// 127.0.0.1:`ports[i % ports.count]`, so that several server processes on one database share the
/// clients evenly.
func withClients<T: Sendable>(_ count: Int, ports: [Int], _ body: @escaping @Sendable ([Client]) async throws -> T) async throws -> T {
    func nest(_ clients: [Client]) async throws -> T {
        if clients.count == count { return try await body(clients) }
        let port = ports[clients.count % ports.count]
        let transport = try HTTP2ClientTransport.Posix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
        return try await withGRPCClient(transport: transport) { client in try await nest(clients + [client]) }
    }
    return try await nest([])
}

/// Every client calls `call` in a loop: a warm-up, then `seconds` of measured calls.
func measure(
    _ clients: [Client], servers: [pid_t], seconds: Double, warmUp: Double = 1,
    _ call: @escaping @Sendable (Client, Int) async throws -> Void
) async throws -> ScenarioResult {
    let clock = ContinuousClock()
    let warmUpEnd = clock.now + .milliseconds(Int(warmUp * 1000))
    let end = warmUpEnd + .milliseconds(Int(seconds * 1000))
    // The servers' CPU over the measured window, read by a task of its own at its two ends.
    let cpu = Task {
        try await Task.sleep(until: warmUpEnd, clock: clock)
        let start = ProcessCPU.seconds(servers)
        try await Task.sleep(until: end, clock: clock)
        return ProcessCPU.seconds(servers) - start
    }
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for (index, client) in clients.enumerated() {
            group.addTask {
                var latencies: [Double] = []
                var number = index * 1_000_000
                while true {
                    let start = clock.now
                    if start >= end { break }
                    try await call(client, number)
                    number += 1
                    if start >= warmUpEnd {
                        let elapsed = start.duration(to: clock.now)
                        latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                    }
                }
                return latencies
            }
        }
        var all: [Double] = []
        for try await part in group { all += part }
        return all.sorted()
    }
    func percentile(_ p: Double) -> Double {
        latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
    }
    let cpuSeconds = try await cpu.value
    return ScenarioResult(
        callsPerSecond: Double(latencies.count) / seconds, p50Milliseconds: percentile(0.5), p99Milliseconds: percentile(0.99),
        serverCPUMillisecondsPer1000Calls: latencies.isEmpty ? .nan : cpuSeconds * 1_000_000 / Double(latencies.count))
}

/// The two scenarios against the servers on `ports` (one store behind them all): 8 clients putting
/// one artifact per call, then 8 clients reading 100 artifacts by id per call. `seed` puts the
/// artifacts the reads need, once, through the first client (so the first port).
func runScenarios(
    ports: [Int], servers: [pid_t], seconds: Double, seed: Bool
) async throws -> (put: ScenarioResult, read: ScenarioResult) {
    try await withClients(Workload.clients, ports: ports) { clients in
        var typeID: Int64 = 10
        progress("  connected \(clients.count) clients")
        if seed {
            typeID = try await clients[0].call(
                "PutArtifactType", PutArtifactTypeRequest.with { $0.artifactType = Workload.artifactType },
                PutArtifactTypeResponse.self
            ).typeID
            for start in stride(from: 0, to: Workload.seeded, by: 500) {
                _ = try await clients[0].call(
                    "PutArtifacts",
                    PutArtifactsRequest.with {
                        $0.artifacts = (start..<start + 500).map { Workload.artifact(typeID: typeID, $0) }
                    }, PutArtifactsResponse.self)
            }
        }
        progress("  put scenario")
        let put = try await measure(clients, servers: servers, seconds: seconds) { [typeID] client, number in
            _ = try await client.call(
                "PutArtifacts", PutArtifactsRequest.with { $0.artifacts = [Workload.artifact(typeID: typeID, number)] },
                PutArtifactsResponse.self)
        }
        progress("  read scenario")
        let read = try await measure(clients, servers: servers, seconds: seconds) { client, number in
            let response = try await client.call(
                "GetArtifactsByID", GetArtifactsByIDRequest.with { $0.artifactIDs = Workload.readIDs(number) },
                GetArtifactsByIDResponse.self)
            guard response.artifacts.count == Workload.idsPerRead else { throw WrongAnswer(count: response.artifacts.count) }
        }
        return (put, read)
    }
}

struct WrongAnswer: Error { var count: Int }

func progress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
