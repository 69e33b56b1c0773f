/// A page, a picture or an asset, ready to send.
public struct WebResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type`.
    public var contentType: String
    /// Further headers: `Location`, `Cache-Control`, `Content-Disposition`.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int = 200, contentType: String, headers: [(name: String, value: String)] = [], body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    static func page(_ html: HTML, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(html.text.utf8))
    }

    static func redirect(to location: String) -> WebResponse {
        WebResponse(
            status: 303, contentType: "text/plain; charset=utf-8", headers: [("Location", location)], body: Array("see \(location)\n".utf8))
    }

    /// What every page is sent with: nothing runs but this server's own script, nothing loads
    /// from elsewhere, and no other site may frame the pages. A name that slipped past escaping
    /// still could not run.
    public static let securityHeaders: [(name: String, value: String)] = [
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
    ]
}
