import CoreMetrics
import MLMDProtos
import MLMetadata
import Prometheus

/// What `GET /metrics` shows, in Prometheus' text format: calls by method, transport and status
/// code, their latency, the store's size, and the state of its database connections. Metrics go
/// through swift-metrics to a Prometheus registry of this server's own (not the process-wide
/// metrics system, so that several servers in one process keep theirs apart).
final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(5),
        ]
        self.factory = factory
    }

    /// The transports a call can come by.
    enum Transport: String {
        case grpc, http
    }

    /// Counts a finished call and its latency.
    func record(method: String, transport: Transport, code: MetadataStoreError.Code?, duration: Duration) {
        let codeName = code?.name ?? "OK"
        Counter(
            label: "mlmd_calls_total", dimensions: [("method", method), ("transport", transport.rawValue), ("code", codeName)],
            factory: factory
        ).increment()
        let (seconds, attoseconds) = duration.components
        Timer(label: "mlmd_call_duration_seconds", dimensions: [("method", method), ("transport", transport.rawValue)], factory: factory)
            .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Runs `call` and records it, with the code it failed with.
    func measure<T>(method: String, transport: Transport, _ call: () async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        do {
            let result = try await call()
            record(method: method, transport: transport, code: nil, duration: ContinuousClock.now - start)
            return result
        } catch let error as MetadataStoreError {
            record(method: method, transport: transport, code: error.code, duration: ContinuousClock.now - start)
            throw error
        } catch {
            record(method: method, transport: transport, code: .unknown, duration: ContinuousClock.now - start)
            throw error
        }
    }

    /// The text of a scrape: the store's size and connection state read now, then every metric.
    func scrape(lanes: StoreLanes) async -> [UInt8] {
        do {
            let size = try await lanes.read { try $0.size() }
            for (kind, count) in size.byKind {
                Gauge(label: "mlmd_store_records", dimensions: [("kind", kind)], factory: factory).record(count)
            }
            Gauge(label: "mlmd_store_up", factory: factory).record(1)
        } catch {
            Gauge(label: "mlmd_store_up", factory: factory).record(0)
        }
        Gauge(label: "mlmd_store_idle_read_connections", factory: factory).record(lanes.idleReadConnections)
        var text: [UInt8] = []
        registry.emit(into: &text)
        return text
    }
}
