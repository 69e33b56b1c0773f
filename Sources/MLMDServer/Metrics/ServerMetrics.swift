import CoreMetrics
import MLMDProtos
import MLMetadata
import Prometheus
import Synchronization

/// What `GET /metrics` shows, in Prometheus' text format: calls by method, transport and status
/// code, their latency, the store's size, and the state of its database connections. Metrics go
/// through swift-metrics to a Prometheus registry of this server's own (not the process-wide
/// metrics system, so that several servers in one process keep theirs apart).
final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    /// Each call's counter and timer, made once: making them checks the names and looks them up
    /// in the registry, which a profile of the server showed on every call.
    private let counters = Mutex<[CallKey: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[TimerKey: CoreMetrics.Timer]>([:])

    private struct CallKey: Hashable {
        var method: String
        var transport: Transport
        var code: MetadataStoreError.Code?
    }

    private struct TimerKey: Hashable {
        var method: String
        var transport: Transport
    }

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
    enum Transport: String, Hashable {
        case grpc, http
    }

    /// Counts a finished call and its latency.
    func record(method: String, transport: Transport, code: MetadataStoreError.Code?, duration: Duration) {
        let factory = self.factory
        let counter = counters.withLock { counters in
            let key = CallKey(method: method, transport: transport, code: code)
            if let counter = counters[key] { return counter }
            let dimensions = [("method", method), ("transport", transport.rawValue), ("code", code?.name ?? "OK")]
            let counter = CoreMetrics.Counter(label: "mlmd_calls_total", dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
        let timer = timers.withLock { timers in
            let key = TimerKey(method: method, transport: transport)
            if let timer = timers[key] { return timer }
            let timer = CoreMetrics.Timer(
                label: "mlmd_call_duration_seconds", dimensions: [("method", method), ("transport", transport.rawValue)], factory: factory)
            timers[key] = timer
            return timer
        }
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
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
