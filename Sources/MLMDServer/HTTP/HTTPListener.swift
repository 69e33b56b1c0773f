import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdHTTP2
import Logging
import MLMDProtos
import MLMDWeb
import NIOCore
import NIOSSL

/// The server's HTTP/1.1 listener, next to gRPC in the same process: every method of the store's
/// services as `POST /SERVICE/METHOD` (Connect unary and gRPC-Web), `GET /openapi.json` (their
/// OpenAPI document), `GET /metrics` (Prometheus),
/// `GET /healthz` (the process is alive), `GET /readyz` (the store answers), and the lineage
/// browser's pages (`/types`, `/artifacts`, `/lineage/artifact/ID`, …).
final class HTTPListener: Sendable {
    private let runner: HTTPApplicationRunner

    /// A listener on `host:port` for HTTP/1.1 and HTTP/2: over TLS with `tls` (chosen by ALPN),
    /// else in plaintext (h2c with prior knowledge, chosen by the first bytes).
    init(
        host: String, port: Int, tls: TLSConfiguration?, methods: ServiceMethodTable, policy: CallPolicy, maxRequestBytes: Int,
        corsOrigin: String?, web: WebInterface,
        lanes: StoreLanes, serving: ServingState, metrics: ServerMetrics
    ) throws {
        let router = Router()
        router.add(middleware: OriginPolicy(allowedOrigin: corsOrigin))
        router.add(middleware: PostOnlyCalls())
        let calls = HTTPCallRoute(methods: methods.methods, policy: policy, maxRequestBytes: maxRequestBytes, metrics: metrics)
        router.post(":service/:method") { request, context -> Response in
            let path = "/\(context.parameters.get("service") ?? "")/\(context.parameters.get("method") ?? "")"
            return await calls.respond(to: request, path: path)
        }
        WebPageRoutes.add(web, to: router, token: policy.token, secure: tls != nil)
        router.get("openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: await metrics.scrape(lanes: lanes))))
        }
        router.get("healthz") { _, _ -> Response in Self.text(.ok, "ok\n") }
        router.get("readyz") { _, _ -> Response in
            guard serving.isServing else { return Self.text(.serviceUnavailable, "stopping\n") }
            do {
                _ = try await lanes.read { try $0.getArtifactTypes(GetArtifactTypesRequest()) }
                return Self.text(.ok, "ready\n")
            } catch {
                return Self.text(.serviceUnavailable, "the store does not answer: \(error)\n")
            }
        }
        var logger = Logger(label: "mlmd.http")
        logger.logLevel = .error
        runner = try HTTPApplicationRunner(logger: logger) { onServerRunning in
            Application(
                router: router,
                server: try tls.map { try .http2Upgrade(tlsConfiguration: $0) }
                    ?? HTTPServerBuilder { PlaintextHTTPChannel(responder: $0) },
                configuration: .init(address: .hostname(host, port: port)),
                onServerRunning: { channel in onServerRunning(channel.localAddress?.port ?? port) }, logger: logger)
        }
    }

    /// Serves until `beginShutdown()`; `onListening` hears the port once it is bound.
    func run(onListening: @Sendable (Int) -> Void) async throws {
        try await runner.run(onListening: onListening)
    }

    /// Stops taking connections and lets the calls in flight finish.
    func beginShutdown() {
        runner.beginShutdown()
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
