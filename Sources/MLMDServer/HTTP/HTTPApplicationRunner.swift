import Hummingbird
import Logging
import ServiceLifecycle

/// A Hummingbird application run as a service group: it reports the port it bound, and stops on
/// request. When binding fails, `run` throws that error rather than waiting for a port forever.
final class HTTPApplicationRunner: Sendable {
    private let group: ServiceGroup
    private let boundPort: AsyncStream<Int>
    private let announce: AsyncStream<Int>.Continuation

    /// Runs the application `make` builds; it must call its `onServerRunning` argument once
    /// bound, with the port.
    init(logger: Logger, _ make: (_ onServerRunning: @escaping @Sendable (Int) -> Void) throws -> any Service) rethrows {
        let (boundPort, announce) = AsyncStream<Int>.makeStream()
        self.boundPort = boundPort
        self.announce = announce
        let application = try make { port in
            announce.yield(port)
            announce.finish()
        }
        group = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [], logger: logger))
    }

    /// Serves until `beginShutdown()`; `onListening` hears the port once it is bound.
    func run(onListening: @Sendable (Int) -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { [group, announce] in
                // A failed bind ends the group before any port is announced: end the wait too.
                defer { announce.finish() }
                try await group.run()
            }
            for await port in boundPort { onListening(port) }
            try await tasks.waitForAll()
        }
    }

    /// Stops taking connections and lets the requests in flight finish.
    func beginShutdown() {
        let group = self.group
        Task { await group.triggerGracefulShutdown() }
    }
}
