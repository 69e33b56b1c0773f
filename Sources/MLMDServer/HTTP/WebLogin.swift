import HTTPTypes
import Hummingbird
import MLMDWeb

/// Pages of a server started with a token: a browser cannot send `authorization: Bearer`, so
/// `POST /login` takes the token once from a form and keeps it in a cookie that scripts cannot
/// read and other sites cannot send.
enum WebLogin {
    static let cookieName = "mlmd_token"

    /// Whether `request` carries the token, as a bearer token or as the login cookie.
    static func admits(_ request: Request, token: String) -> Bool {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            return CallPolicy.constantTimeEqual(Array(authorization.utf8.dropFirst("Bearer ".utf8.count)), Array(token.utf8))
        }
        let expected = Array(cookieValue(token).utf8)
        for cookies in request.headers[values: .cookie] {
            for cookie in cookies.split(separator: ";") {
                let pair = cookie.drop { $0 == " " }.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == cookieName, CallPolicy.constantTimeEqual(Array(pair[1].utf8), expected) { return true }
            }
        }
        return false
    }

    /// The token in hexadecimal: a cookie value cannot hold every character a token file may.
    private static func cookieValue(_ token: String) -> String {
        token.utf8.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// The answer to the login form: the cookie and a way back to the page asked for, or the
    /// form again.
    static func answer(_ form: WebRequest, web: WebInterface, token: String, secure: Bool) -> WebResponse {
        let next = WebInterface.localPath(form.query["next"] ?? "/types")
        guard let given = form.query["token"], CallPolicy.constantTimeEqual(Array(given.utf8), Array(token.utf8)) else {
            return web.loginPage(failed: true, next: next)
        }
        let cookie = "\(cookieName)=\(cookieValue(given)); Path=/; HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"
        return WebResponse(
            status: 303, contentType: "text/plain; charset=utf-8", headers: [("Set-Cookie", cookie), ("Location", next)],
            body: Array("signed in\n".utf8))
    }
}
