import GRPCCore
import GRPCNIOTransportHTTP2
import MLMDProtos
import MLMDWeb
import MLMetadata

/// ML Metadata's gRPC server: `ml_metadata.MetadataStoreService` (all 52 methods, the same status
/// codes as ml-metadata's own server) and `grpc.health.v1.Health`, over HTTP/2 with or without TLS.
///
/// ```swift
/// var configuration = MetadataStoreServer.Configuration(port: 8080)
/// configuration.serverConfig.connectionConfig.sqlite = .with { $0.filenameURI = "/var/lib/mlmd.sqlite" }
/// let server = try MetadataStoreServer(configuration: configuration)
/// try await server.run { address in print("listening on \(address)") }   // until beginShutdown()
/// ```
public final class MetadataStoreServer: Sendable {
    /// What to serve, and where.
    public struct Configuration: Sendable {
        /// The address to listen on; `0.0.0.0` (every interface) as ml-metadata's server does.
        public var host: String
        /// The port; 0 picks a free one (`run` reports which).
        public var port: Int
        /// The database (`connection_config`, in memory when unset), and TLS (`ssl_config`).
        public var serverConfig: MetadataStoreServerConfig
        /// The largest request accepted; bigger ones fail with RESOURCE_EXHAUSTED. gRPC's default
        /// is 4 MiB.
        public var maxRequestBytes: Int
        /// Threads (and connections) for reads of an SQLite file or a PostgreSQL or MySQL database.
        public var readThreads: Int
        /// The database servers a `connection_config` may name besides SQLite (`.postgreSQL`,
        /// `.mySQL`), from their own modules.
        public var backends: [DatabaseBackend]
        /// Who may call, over every transport: a token every call must carry, and whether only
        /// reads are answered. Off by default, as ml-metadata's server.
        public var policy = CallPolicy()
        /// A port for HTTP/1.1 besides gRPC's (0 picks a free one): the services' methods as
        /// Connect unary calls and gRPC-Web, `/healthz` and `/readyz`, and the lineage browser's
        /// pages at `/`. Nil serves gRPC only.
        public var httpPort: Int?
        /// The one web origin (`https://ui.example.com`) whose pages may call over HTTP; nil
        /// refuses calls from every other origin than the server's own.
        public var corsOrigin: String?

        /// A configuration listening on `host:port` for a store in memory.
        public init(
            host: String = "0.0.0.0", port: Int, serverConfig: MetadataStoreServerConfig = MetadataStoreServerConfig(),
            maxRequestBytes: Int = 4 * 1024 * 1024, readThreads: Int = 4, backends: [DatabaseBackend] = []
        ) {
            self.host = host
            self.port = port
            self.serverConfig = serverConfig
            self.maxRequestBytes = maxRequestBytes
            self.readThreads = readThreads
            self.backends = backends
        }
    }

    /// The store the server serves, in words: `in memory`, `SQLite file PATH`, or
    /// `PostgreSQL database NAME on HOST:PORT` (`MySQL database …` likewise).
    public let backendDescription: String
    private let transportHost: String
    private let lanes: StoreLanes
    private let serving = ServingState()
    private let metrics = ServerMetrics()
    private let transport: HTTP2ServerTransport.Posix
    private let server: GRPCServer<HTTP2ServerTransport.Posix>
    private let http: HTTPListener?

    /// Opens the store and prepares the server; nothing listens until `run`. The store's
    /// schema is migrated as `migration_options` says, as ml-metadata's server does: an older
    /// database is upgraded with `enable_upgrade_migration`; with `downgrade_to_schema_version`
    /// the database is downgraded and the server does not start (CANCELLED), since it serves
    /// version 10 only.
    ///
    /// - Throws: `ServerConfigurationError` for a setting that cannot be used (a port out of range,
    ///   a request limit that is not positive, TLS material that does not parse), and
    ///   `MetadataStoreError` when the store cannot be opened (CANCELLED after a downgrade).
    public init(configuration: Configuration) throws {
        let serverConfig = configuration.serverConfig
        guard (0...65535).contains(configuration.port) else {
            throw ServerConfigurationError("port \(configuration.port) is not between 0 and 65535")
        }
        if let httpPort = configuration.httpPort, !(0...65535).contains(httpPort) {
            throw ServerConfigurationError("HTTP port \(httpPort) is not between 0 and 65535")
        }
        guard configuration.maxRequestBytes > 0 else {
            throw ServerConfigurationError("the maximum request size must be positive, not \(configuration.maxRequestBytes)")
        }
        var connection = serverConfig.connectionConfig
        if connection.config == nil { connection.fakeDatabase = FakeDatabaseConfig() }
        backendDescription = Self.describe(connection)
        transportHost = configuration.host
        let security: HTTP2ServerTransport.Posix.TransportSecurity =
            serverConfig.hasSslConfig ? try .mlmd(serverConfig.sslConfig) : .plaintext
        lanes = try StoreLanes(
            config: connection, migration: serverConfig.migrationOptions, backends: configuration.backends,
            readThreadCount: max(1, configuration.readThreads))
        transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: configuration.host, port: configuration.port),
            transportSecurity: security,
            config: .defaults { $0.rpc.maxRequestPayloadSize = Self.transportLimit(configuration.maxRequestBytes) }
        )
        server = GRPCServer(
            transport: transport,
            services: [
                StoreGRPCServices(
                    lanes: lanes, maxRequestBytes: configuration.maxRequestBytes, policy: configuration.policy, metrics: metrics),
                HealthService(serving: serving),
            ])
        let storeName = backendDescription
        http = try configuration.httpPort.map { [lanes, serving, metrics] httpPort in
            var methods = ServiceMethodTable()
            MetadataStoreMethods(lanes: lanes).register(into: &methods)
            MetadataPurgeMethods(lanes: lanes).register(into: &methods)
            return try HTTPListener(
                host: configuration.host, port: httpPort, tls: serverConfig.hasSslConfig ? .mlmdHTTP(serverConfig.sslConfig) : nil,
                methods: methods, policy: configuration.policy,
                maxRequestBytes: configuration.maxRequestBytes, corsOrigin: configuration.corsOrigin,
                web: WebInterface(store: LaneBrowsedStore(lanes: lanes), storeName: storeName), lanes: lanes, serving: serving,
                metrics: metrics)
        }
    }

    /// Serves until `beginShutdown()`, then returns once the calls in flight have finished and the
    /// store is closed. `onListening` hears gRPC's address once its port is bound, then
    /// `onHTTPListening` the HTTP listener's, when there is one.
    ///
    /// - Throws: the transport's error when an address cannot be bound.
    public func run(
        onListening: @Sendable (_ address: String) -> Void = { _ in },
        onHTTPListening: @escaping @Sendable (_ address: String) -> Void = { _ in }
    ) async throws {
        let host = transportHost
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.server.serve() }
                let address: String
                do {
                    address = try await Self.describe(transport.listeningAddress)
                } catch {
                    // serve()'s own error says why (the port is taken, say); prefer it.
                    try await group.waitForAll()
                    throw error
                }
                onListening(address)
                // HTTP starts once gRPC listens, so that gRPC's line comes first.
                if let http {
                    group.addTask { [server] in
                        do {
                            try await http.run { port in onHTTPListening("\(host):\(port)") }
                        } catch {
                            // No HTTP port (it is taken, say): stop gRPC too rather than serve half.
                            server.beginGracefulShutdown()
                            throw error
                        }
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            try? await lanes.shutdown()
            throw error
        }
        try await lanes.shutdown()
    }

    /// Stops taking new calls: health checks turn NOT_SERVING, calls in flight finish, then `run`
    /// returns.
    public func beginShutdown() {
        serving.stopServing()
        server.beginGracefulShutdown()
        http?.beginShutdown()
    }

    /// The transport refuses a request over its own limit by resetting the stream, which clients
    /// see as UNAVAILABLE; so it gets a looser limit, and the decoder applies the configured one
    /// with RESOURCE_EXHAUSTED and a message. Only requests over four times the limit meet the
    /// transport's.
    private static func transportLimit(_ limit: Int) -> Int {
        let (fourTimes, overflow) = limit.multipliedReportingOverflow(by: 4)
        return overflow ? Int(Int32.max) : min(max(fourTimes, 16 << 20), Int(Int32.max))
    }

    static func describe(_ connection: ConnectionConfig) -> String {
        switch connection.config {
        case .sqlite(let sqlite)?:
            return connection.namesSharedFile ? "SQLite file \(sqlite.filenameURI)" : "in memory"
        case .fakeDatabase?, nil:
            return "in memory"
        case .mysql(let mysql)?:
            let server =
                mysql.host.isEmpty && !mysql.socket.isEmpty
                ? mysql.socket : "\(mysql.host.isEmpty ? "localhost" : mysql.host):\(mysql.port == 0 ? 3306 : mysql.port)"
            return "MySQL database \(mysql.database) on \(server)"
        case .postgresql(let postgresql)?:
            let host = postgresql.hostaddr.isEmpty ? (postgresql.host.isEmpty ? "localhost" : postgresql.host) : postgresql.hostaddr
            return "PostgreSQL database \(postgresql.dbname) on \(host):\(postgresql.port.isEmpty ? "5432" : postgresql.port)"
        }
    }

    private static func describe(_ address: GRPCNIOTransportCore.SocketAddress) -> String {
        if let ipv4 = address.ipv4 { return "\(ipv4.host):\(ipv4.port)" }
        if let ipv6 = address.ipv6 { return "[\(ipv6.host)]:\(ipv6.port)" }
        return String(describing: address)
    }
}
