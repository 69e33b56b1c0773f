import HTTPTypes
import Hummingbird

/// The calls' paths (`/SERVICE/METHOD`) answer POST only: any other HTTP method there is 405 with
/// `Allow: POST`, not a 404 that would say the path does not exist.
struct PostOnlyCalls<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/")
        guard request.method != .post, segments.count == 2, segments[0].contains(".") else { return try await next(request, context) }
        return Response(status: .methodNotAllowed, headers: [.allow: "POST"])
    }
}
