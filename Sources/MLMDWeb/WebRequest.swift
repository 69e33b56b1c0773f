/// A GET request for a page: its path and its query parameters.
public struct WebRequest: Sendable, Equatable {
    /// The path, without the query: `/artifacts/3`.
    public var path: String
    /// Each query parameter's first value, percent-decoded (`+` as a space, as forms send it).
    public var query: [String: String]

    /// A request for `path` with the raw query string `query` (the part after `?`, or nil).
    public init(path: String, query: String?) {
        self.path = path
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decoded(parts[0])
            if parameters[name] == nil { parameters[name] = parts.count > 1 ? PercentEncoding.decoded(parts[1]) : "" }
        }
        self.query = parameters
    }

    /// A parameter's value, nil when it is absent or empty.
    func parameter(_ name: String) -> String? {
        query[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
