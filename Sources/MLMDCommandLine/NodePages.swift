import MLMDProtos

/// Every node a list call returns, fetched page by page in id order: 100 a page, the most
/// ml-metadata's servers give at once.
enum NodePages {
    /// Calls `fetch` with each page's options (`filterQuery` when not empty, the page token) until
    /// the last page; `fetched` hears the running count, for progress.
    static func all<Node>(
        filter: String = "",
        fetched: (Int) -> Void = { _ in },
        _ fetch: (ListOperationOptions) async throws -> (nodes: [Node], nextPageToken: String)
    ) async throws -> [Node] {
        var nodes: [Node] = []
        var token = ""
        repeat {
            let page = try await fetch(
                .with {
                    $0.maxResultSize = 100
                    $0.orderByField = .with {
                        $0.field = .id; $0.isAsc = true
                    }
                    if !filter.isEmpty { $0.filterQuery = filter }
                    if !token.isEmpty { $0.nextPageToken = token }
                })
            nodes += page.nodes
            token = page.nextPageToken
            fetched(nodes.count)
        } while !token.isEmpty
        return nodes
    }
}
