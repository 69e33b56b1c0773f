import HTTPTypes
import Hummingbird
import MLMDWeb
import NIOCore

/// The lineage browser's pages as GET routes of a Hummingbird router.
enum WebPageRoutes {
    /// Adds every page of `web` to `router`. With a `token`, a page is sent only to a request
    /// that carries it, as `authorization: Bearer TOKEN` like a call does, or as the cookie
    /// `/login` sets for browsers.
    static func add(_ web: WebInterface, to router: Router<some RequestContext>, token: String?, secure: Bool) {
        for route in WebInterface.routes {
            let pattern = route.replacingOccurrences(of: "{id}", with: ":id").replacingOccurrences(of: "{name}", with: ":name")
            router.get(RouterPath(pattern)) { request, _ -> Response in
                if let token, !route.hasPrefix("/assets/"), !WebLogin.admits(request, token: token) {
                    return response(web.loginPage(failed: false, next: request.uri.path))
                }
                return response(await web.respond(to: WebRequest(path: request.uri.path, query: request.uri.query)))
            }
        }
        if let token {
            router.post("login") { request, _ -> Response in
                let form = WebRequest(path: "/login", query: String(buffer: try await request.body.collect(upTo: 64 * 1024)))
                return response(WebLogin.answer(form, web: web, token: token, secure: secure))
            }
        }
    }

    static func response(_ page: WebResponse) -> Response {
        var headers: HTTPFields = [.contentType: page.contentType]
        for header in page.headers {
            if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: page.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: page.body)))
    }
}
