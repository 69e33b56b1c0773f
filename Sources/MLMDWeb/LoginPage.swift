extension WebInterface {
    /// The page a server that wants a token shows a browser without one: a form that sends the
    /// token to `POST /login`, then returns to `next`.
    public func loginPage(failed: Bool, next: String) -> WebResponse {
        let complaint: HTML = failed ? "<p class=\"error\" role=\"alert\">That is not the server's token.</p>" : ""
        let content: HTML = """
            <p>This server wants the token it was started with (<code>--auth-token-file</code>).</p>\(complaint)
            <form class="filter" method="post" action="/login">
            <input type="hidden" name="next" value="\(Self.localPath(next))">
            <label class="wide">Token <input type="password" name="token" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form>
            """
        var response = WebResponse.page(shell.page(title: "Sign in", heading: "Sign in", content: content), status: 401)
        response.headers += WebResponse.securityHeaders
        return response
    }

    /// `path` when it is a path of this server, else `/types`: a login never leads elsewhere.
    public static func localPath(_ path: String) -> String {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.hasPrefix("/\\") ? path : "/types"
    }
}
