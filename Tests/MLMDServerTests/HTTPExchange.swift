import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP/1.1 request to a test's server and its whole answer.
struct HTTPExchange {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// `method` on `http://127.0.0.1:PORT/PATH` with `headers` and `body`.
    static func send(
        _ method: String = "POST", port: Int, _ path: String, headers: [String: String] = [:], body: [UInt8] = []
    ) async throws -> HTTPExchange {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if method == "POST" { request.httpBody = Data(body) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return HTTPExchange(status: http.statusCode, headers: fields, body: [UInt8](data))
    }
}
