import HTTPTypes
import Hummingbird
import MLMDProtos
import NIOCore

/// Cross-origin calls: a browser page of another origin may call only when `--cors-origin` names
/// it (and then gets CORS headers, preflights included); calls with no `Origin`, or from the
/// server's own origin, pass as they are. A refused origin gets 403 before anything runs.
struct OriginPolicy<Context: RequestContext>: RouterMiddleware {
    let allowedOrigin: String?

    private static var allowedHeaders: String {
        "content-type, authorization, connect-protocol-version, connect-timeout-ms, x-grpc-web, x-user-agent, grpc-timeout"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], !Self.isSameOrigin(origin, host: request.head.authority)
        else { return try await next(request, context) }
        guard origin == allowedOrigin else {
            let failure = ConnectError(
                MetadataStoreError(
                    .permissionDenied,
                    "calls from the origin \(origin) are not allowed; the server names the one it allows with --cors-origin"))
            return Response(
                status: .forbidden, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: failure.body)))
        }
        var response: Response
        if request.method == .options {
            response = Response(
                status: .noContent,
                headers: [.accessControlAllowMethods: "POST, GET, OPTIONS", .accessControlAllowHeaders: Self.allowedHeaders])
        } else {
            response = try await next(request, context)
            response.headers[.accessControlExposeHeaders] = "grpc-status, grpc-message"
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        return response
    }

    /// True when `origin` (`scheme://host[:port]`) names the host the request was sent to.
    static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let separator = origin.range(of: "://") else { return false }
        return origin[separator.upperBound...].lowercased() == host.lowercased()
    }
}
