import MLMDProtos

extension ConnectionConfig {
    /// The `postgresql` config a URL names: `postgresql://USER:PASSWORD@HOST:PORT/DBNAME` (or
    /// `postgres://`), with percent-escapes in the user and password decoded; the port defaults
    /// to 5432. Query parameters are not read.
    ///
    /// - Throws: INVALID_ARGUMENT naming what is missing or malformed.
    public init(postgresqlURL url: String) throws {
        guard let schemeEnd = url.range(of: "://"), ["postgresql", "postgres"].contains(url[..<schemeEnd.lowerBound]) else {
            throw MetadataStoreError(.invalidArgument, "\(url) is not a postgresql:// URL")
        }
        var rest = url[schemeEnd.upperBound...]
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        guard let slash = rest.firstIndex(of: "/"), rest.index(after: slash) < rest.endIndex else {
            throw MetadataStoreError(.invalidArgument, "postgresql URL names no database: give postgresql://USER:PASSWORD@HOST:PORT/DBNAME")
        }
        let database = String(rest[rest.index(after: slash)...])
        var authority = rest[..<slash]
        var server = PostgreSQLDatabaseConfig()
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                server.user = try Self.percentDecoded(credentials[..<colon])
                server.password = try Self.percentDecoded(credentials[credentials.index(after: colon)...])
            } else {
                server.user = try Self.percentDecoded(credentials)
            }
        }
        guard !server.user.isEmpty else {
            throw MetadataStoreError(.invalidArgument, "postgresql URL names no user: give postgresql://USER:PASSWORD@HOST:PORT/DBNAME")
        }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            server.host = String(authority[authority.index(after: authority.startIndex)..<close])
            authority = authority[authority.index(after: close)...]
            if authority.hasPrefix(":") { server.port = String(authority.dropFirst()) }
        } else if let colon = authority.lastIndex(of: ":") {
            server.host = String(authority[..<colon])
            server.port = String(authority[authority.index(after: colon)...])
        } else {
            server.host = String(authority)
        }
        if server.host.isEmpty { server.host = "localhost" }
        if server.hasPort, Int(server.port).map({ (1...65535).contains($0) }) != true {
            throw MetadataStoreError(.invalidArgument, "postgresql URL port \"\(server.port)\" is not a port number")
        }
        server.dbname = try Self.percentDecoded(Substring(database))
        self.init()
        postgresql = server
    }

    private static func percentDecoded(_ text: Substring) throws -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else {
                throw MetadataStoreError(.invalidArgument, "postgresql URL has a malformed %-escape in \"\(text)\"")
            }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
