import Foundation
import MLMDProtos
import MLMDServer
import Testing

/// The lineage browser's pages on the server's HTTP port: served next to the calls, and behind
/// the server's token when it has one.
@Suite struct WebPagesTests {
    static let loginForm = #"<form class="filter" method="post" action="/login">"#

    @Test func theServerSendsThePagesAndAssetsFromItsStore() async throws {
        try await RunningServer.withPorts(HTTPListenerTests.configuration()) { client, ports in
            let request = PutArtifactTypeRequest.with { $0.artifactType = .with { $0.name = "DataSet" } }
            _ = try await client.call("PutArtifactType", request, returning: PutArtifactTypeResponse.self)
            let types = try await HTTPExchange.send("GET", port: ports.http!, "/types")
            #expect(types.status == 200)
            #expect(types.headers["content-type"] == "text/html; charset=utf-8")
            #expect(types.text.contains(#"<td><a href="/artifacts?type=DataSet">DataSet</a></td><td></td><td class="number">0</td>"#))
            #expect(types.text.contains(#"<dt>Store</dt><dd>SQLite (:memory:)</dd>"#))
            let style = try await HTTPExchange.send("GET", port: ports.http!, "/assets/style.css")
            #expect(style.headers["content-type"] == "text/css; charset=utf-8")
            #expect(try await HTTPExchange.send("GET", port: ports.http!, "/artifacts/1").status == 404)
        }
    }

    @Test func withATokenPagesNeedItAsABearerTokenOrTheLoginCookie() async throws {
        try await RunningServer.withPorts(HTTPListenerTests.configuration { $0.policy = CallPolicy(token: "s3cret;=") }) { _, ports in
            let port = ports.http!
            let without = try await HTTPExchange.send("GET", port: port, "/types")
            #expect(without.status == 401)
            #expect(without.text.contains(Self.loginForm))
            #expect(without.text.contains(#"<input type="hidden" name="next" value="/types">"#))
            #expect(try await HTTPExchange.send("GET", port: port, "/types", headers: ["authorization": "Bearer s3cret;="]).status == 200)
            // The cookie holds the token in hexadecimal: ";" and "=" cannot stand in a cookie value.
            let cookie = "mlmd_token=" + "s3cret;=".utf8.map { String(format: "%02x", $0) }.joined()
            #expect(try await HTTPExchange.send("GET", port: port, "/types", headers: ["cookie": "a=b; " + cookie]).status == 200)
            #expect(try await HTTPExchange.send("GET", port: port, "/types", headers: ["cookie": cookie + "00"]).status == 401)
            #expect(try await HTTPExchange.send("GET", port: port, "/assets/style.css").status == 200)

            let form = ["content-type": "application/x-www-form-urlencoded"]
            let wrong = try await HTTPExchange.send(port: port, "/login", headers: form, body: Array("next=%2Ftypes&token=guess".utf8))
            #expect(wrong.status == 401)
            #expect(wrong.text.contains("<p class=\"error\" role=\"alert\">That is not the server's token.</p>"))
            // A right token sets the cookie and returns to the page asked for, which the cookie then opens.
            let right = try await HTTPExchange.send(
                port: port, "/login", headers: form, body: Array("next=%2Ftypes&token=s3cret%3B%3D".utf8))
            #expect(right.status == 200)
            #expect(right.text.contains("<h1>Types</h1>"))
        }
    }
}
