import Hummingbird
import Logging
import MLMDProtos
import MLMDWeb
import MLMetadata
import NIOCore

/// The lineage browser on its own HTTP port (`mlmd ui`): the pages of any store, and
/// `/healthz`. A database opened here is read on threads of its own, as the server reads it; a
/// store elsewhere (a client of an MLMD server) is read through its calls.
///
/// ```swift
/// let browser = try LineageBrowserServer(config: config, host: "127.0.0.1", port: 0)
/// try await browser.run { port in print("http://127.0.0.1:\(port)/") }   // until beginShutdown()
/// ```
public final class LineageBrowserServer: Sendable {
    private let runner: HTTPApplicationRunner
    private let lanes: StoreLanes?

    /// The pages of the database `config` names (which must exist already: nothing is created).
    ///
    /// - Throws: `MetadataStoreError` when the store cannot be opened.
    public convenience init(config: ConnectionConfig, backends: [DatabaseBackend] = [], host: String, port: Int) throws {
        let lanes = try StoreLanes(config: config, backends: backends, readThreadCount: 2)
        self.init(
            store: LaneBrowsedStore(lanes: lanes), storeName: MetadataStoreServer.describe(config), lanes: lanes, host: host, port: port)
    }

    /// The pages of `store`, whose header names it `storeName`.
    public convenience init(store: any BrowsedStore, storeName: String, host: String, port: Int) {
        self.init(store: store, storeName: storeName, lanes: nil, host: host, port: port)
    }

    private init(store: any BrowsedStore, storeName: String, lanes: StoreLanes?, host: String, port: Int) {
        self.lanes = lanes
        let router = Router()
        WebPageRoutes.add(WebInterface(store: store, storeName: storeName), to: router, token: nil, secure: false)
        router.get("healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        var logger = Logger(label: "mlmd.ui")
        logger.logLevel = .error
        runner = HTTPApplicationRunner(logger: logger) { onServerRunning in
            Application(
                router: router, configuration: .init(address: .hostname(host, port: port)),
                onServerRunning: { channel in onServerRunning(channel.localAddress?.port ?? port) }, logger: logger)
        }
    }

    /// Serves until `beginShutdown()`; `onListening` hears the port once it is bound.
    ///
    /// - Throws: the listener's error when the address cannot be bound.
    public func run(onListening: @Sendable (Int) -> Void) async throws {
        do {
            try await runner.run(onListening: onListening)
        } catch {
            try? await lanes?.shutdown()
            throw error
        }
        try await lanes?.shutdown()
    }

    /// Stops taking connections and lets the pages being made finish.
    public func beginShutdown() {
        runner.beginShutdown()
    }
}
