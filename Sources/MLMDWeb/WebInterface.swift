import MLMDProtos

/// The lineage browser: pages rendered from a store's read calls, for an HTTP server to send.
///
/// ```swift
/// let web = WebInterface(store: store, storeName: "mlmd.sqlite")
/// let response = await web.respond(to: WebRequest(path: "/artifacts/3", query: nil))
/// ```
///
/// Addresses: `/types`, `/artifacts`, `/executions`, `/contexts` (with `type`, `filter`, `order`,
/// `dir`, `size`, `props`, `page`), `/artifacts/ID`, `/executions/ID`, `/contexts/ID`,
/// `/lineage/artifact/ID` and `/lineage/execution/ID` (with `hops`, `direction`, `expand`,
/// `format=svg`), and `/assets/…`. `/` leads to `/types`.
public struct WebInterface: Sendable {
    private let store: any BrowsedStore
    let shell: PageShell

    /// Pages of `store`, whose header names it `storeName`.
    public init(store: any BrowsedStore, storeName: String) {
        self.store = store
        shell = PageShell(storeName: storeName)
    }

    /// The paths this interface answers, in the form of route patterns with `{id}` and `{name}`
    /// for a path segment.
    public static let routes = [
        "/", "/types", "/artifacts", "/executions", "/contexts", "/artifacts/{id}", "/executions/{id}", "/contexts/{id}",
        "/lineage/artifact/{id}", "/lineage/execution/{id}", "/assets/{name}",
    ]

    /// The response to a GET of `request`: a page, a drawing, an asset, or a page that says what
    /// went wrong (400 for a bad filter, 404 for a missing node, 502 when the store fails).
    public func respond(to request: WebRequest) async -> WebResponse {
        var response: WebResponse
        do {
            response = try await route(request)
        } catch let error as MetadataStoreError {
            let status =
                switch error.code {
                case .invalidArgument, .outOfRange: 400
                case .notFound: 404
                case .permissionDenied, .unauthenticated: 403
                default: 502
                }
            response = shell.errorPage(status: status, title: "The store could not answer", message: "\(error)")
        } catch {
            response = shell.errorPage(status: 502, title: "The store could not answer", message: "\(error)")
        }
        response.headers += WebResponse.securityHeaders
        return response
    }

    private func route(_ request: WebRequest) async throws -> WebResponse {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true)
        switch segments.count {
        case 0:
            return .redirect(to: "/types")
        case 1 where segments[0] == "types":
            return try await TypesPage(store: store, shell: shell).render()
        case 1:
            if let kind = BrowsedKind(plural: segments[0]) {
                return try await NodeListPage(store: store, shell: shell, kind: kind, request: request).render()
            }
        case 2 where segments[0] == "assets":
            if let asset = Assets.response(named: segments[1]) { return asset }
        case 2:
            if let kind = BrowsedKind(plural: segments[0]) {
                guard let id = Int64(segments[1]) else { return notFound(request) }
                if kind == .context { return try await ContextPage(store: store, shell: shell, id: id, request: request).render() }
                return try await NodePage(store: store, shell: shell, kind: kind, id: id).render()
            }
        case 3 where segments[0] == "lineage":
            guard let id = Int64(segments[2]) else { return notFound(request) }
            switch segments[1] {
            case "artifact": return try await LineagePage(store: store, shell: shell, start: .artifact(id), request: request).render()
            case "execution": return try await LineagePage(store: store, shell: shell, start: .execution(id), request: request).render()
            default: break
            }
        default:
            break
        }
        return notFound(request)
    }

    private func notFound(_ request: WebRequest) -> WebResponse {
        shell.errorPage(status: 404, title: "Not found", message: "There is no page at \(request.path).")
    }
}
