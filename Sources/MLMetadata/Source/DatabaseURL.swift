import Foundation
import MLMDProtos

/// The parts of a database server URL, `SCHEME://USER:PASSWORD@HOST:PORT/DATABASE`, with
/// percent-escapes in the user, password and database decoded. Query parameters are not read.
struct DatabaseURL {
    var user: String
    var password: String?
    var host: String
    var port: Int?
    var database: String

    /// Parses `url`, one of `schemes`; `name` (`postgresql`, `mysql`) says what in messages.
    ///
    /// - Throws: INVALID_ARGUMENT naming what is missing or malformed.
    init(_ url: String, schemes: [String], name: String) throws {
        let form = "\(name)://USER:PASSWORD@HOST:PORT/\(name == "postgresql" ? "DBNAME" : "DATABASE")"
        guard let schemeEnd = url.range(of: "://"), schemes.contains(String(url[..<schemeEnd.lowerBound])) else {
            throw MetadataStoreError(.invalidArgument, "\(url) is not a \(name):// URL")
        }
        var rest = url[schemeEnd.upperBound...]
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        guard let slash = rest.firstIndex(of: "/"), rest.index(after: slash) < rest.endIndex else {
            throw MetadataStoreError(.invalidArgument, "\(name) URL names no database: give \(form)")
        }
        var authority = rest[..<slash]
        user = ""
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = try Self.percentDecoded(credentials[..<colon], name: name)
                password = try Self.percentDecoded(credentials[credentials.index(after: colon)...], name: name)
            } else {
                user = try Self.percentDecoded(credentials, name: name)
            }
        }
        guard !user.isEmpty else { throw MetadataStoreError(.invalidArgument, "\(name) URL names no user: give \(form)") }
        var portText: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            authority = authority[authority.index(after: close)...]
            if authority.hasPrefix(":") { portText = authority.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        if host.isEmpty { host = "localhost" }
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw MetadataStoreError(.invalidArgument, "\(name) URL port \"\(portText)\" is not a port number")
            }
            port = number
        }
        database = try Self.percentDecoded(rest[rest.index(after: slash)...], name: name)
    }

    private static func percentDecoded(_ text: Substring, name: String) throws -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else {
                throw MetadataStoreError(.invalidArgument, "\(name) URL has a malformed %-escape in \"\(text)\"")
            }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
