import Foundation

/// HTTP/1.1 requests to a server on 127.0.0.1 (chromedriver), one connection each.
///
/// Not URLSession: FoundationNetworking (swift-corelibs-foundation, Swift 6.3) fails every
/// chromedriver response with "Failed writing header", because chromedriver writes its header
/// fields without a space after the colon (`Content-Length:251`), which RFC 9110 allows and
/// swift-corelibs-foundation#5527 accepts. The socket calls block, so they run on a queue of
/// their own and never on the cooperative pool, which an in-process server under test needs.
enum LoopbackHTTP {
    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    /// A request that could not be sent, or whose response could not be read.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static let queue = DispatchQueue(label: "LoopbackHTTP", attributes: .concurrent)

    /// Sends `METHOD PATH` with a JSON `body` to 127.0.0.1:`port`; fails if a single read or
    /// write waits longer than `timeout`.
    static func request(
        _ method: String, port: Int, path: String, body: Data? = nil, timeout: Duration = .seconds(60)
    ) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try exchange(method, port: port, path: path, body: body, timeout: timeout) })
            }
        }
    }

    private static func exchange(_ method: String, port: Int, path: String, body: Data?, timeout: Duration) throws -> Response {
        let what = "\(method) http://127.0.0.1:\(port)\(path)"
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "\(what): socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let (seconds, attoseconds) = timeout.components
        var limit = timeval(tv_sec: .init(seconds), tv_usec: .init(attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        #if !os(Linux)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "\(what): connect: \(String(cString: strerror(errno)))") }

        // chromedriver refuses a request whose Host is not its own address.
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let body { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        let request = Data((head + "\r\n").utf8) + (body ?? Data())
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                #if os(Linux)
                let n = send(fd, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                #else
                let n = send(fd, bytes.baseAddress! + sent, bytes.count - sent, 0)
                #endif
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw Failure(description: "\(what): send: \(String(cString: strerror(errno)))") }
                sent += n
            }
        }

        // Read until the body is complete by its Content-Length: chromedriver keeps the
        // connection open even after `Connection: close`. Without a length, until end of file.
        var received = Data()
        var headerEnd: Int?
        var contentLength: Int?
        var buffer = [UInt8](repeating: 0, count: 65536)
        while headerEnd == nil || contentLength.map({ received.count < headerEnd! + $0 }) ?? true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw Failure(description: "\(what): recv: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            received.append(contentsOf: buffer[0..<n])
            if headerEnd == nil, let end = received.firstRange(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end.upperBound
                for line in String(decoding: received[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n").dropFirst() {
                    let field = line.split(separator: ":", maxSplits: 1)
                    if field.count == 2, field[0].lowercased() == "content-length" {
                        contentLength = Int(field[1].trimmingCharacters(in: .whitespaces))
                    }
                }
            }
        }
        guard let headerEnd,
            let statusLine = String(decoding: received.prefix(headerEnd), as: UTF8.self).split(separator: "\r\n").first,
            let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { throw Failure(description: "\(what): no HTTP response: \(String(decoding: received.prefix(200), as: UTF8.self))") }
        let end = contentLength.map { headerEnd + $0 } ?? received.count
        guard end <= received.count else { throw Failure(description: "\(what): the response ended before its Content-Length") }
        return Response(status: status, body: Data(received[headerEnd..<end]))
    }
}
