import Foundation
import HTTPTypes
import Hummingbird
import MLMDProtos
import NIOCore

/// `POST /SERVICE/METHOD`: the unary part of the Connect protocol (`application/json`,
/// `application/proto`) and
/// gRPC-Web (`application/grpc-web+proto`, and `application/grpc-web-text`, its base64 form that
/// browser clients such as Kubeflow's UI send by default), answered from the same method table as gRPC, under the
/// same policy and size limit.
struct HTTPCallRoute: Sendable {
    let methods: [String: ServiceMethod]
    let policy: CallPolicy
    let maxRequestBytes: Int
    let metrics: ServerMetrics

    private enum WireProtocol: Equatable {
        case connect(MessageFormat)
        /// gRPC-Web; `text` when the body is base64, as `application/grpc-web-text` sends it.
        case grpcWeb(text: Bool)

        var isGRPCWeb: Bool { if case .grpcWeb = self { true } else { false } }
    }

    func respond(to request: Request, path: String) async -> Response {
        let contentType = request.headers[.contentType].map {
            $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
        }
        let wire: WireProtocol
        switch contentType {
        case "application/proto": wire = .connect(.binary)
        case "application/json": wire = .connect(.json)
        case "application/grpc-web", "application/grpc-web+proto": wire = .grpcWeb(text: false)
        case "application/grpc-web-text", "application/grpc-web-text+proto": wire = .grpcWeb(text: true)
        default:
            return Self.connectFailure(
                ConnectError(
                    MetadataStoreError(
                        .invalidArgument,
                        "send the request as application/json or application/proto (Connect), or application/grpc-web(-text)+proto, not \(contentType ?? "no content type")"
                    ),
                    status: 415),
                extraHeaders: [
                    .acceptPost: "application/json, application/proto, application/grpc-web+proto, application/grpc-web-text+proto"
                ])
        }
        let start = ContinuousClock.now
        do {
            guard let method = methods[path] else {
                throw MetadataStoreError(.unimplemented, "no method \(path)")
            }
            try policy.admit(
                ServiceMethodName(name: method.name, changesStore: method.changesStore), authorization: request.headers[.authorization])
            var request = request
            let body: ByteBuffer
            do {
                // gRPC-Web's frame header is 5 bytes; base64 takes 4 bytes for every 3.
                body = try await request.collectBody(
                    upTo: wire == .grpcWeb(text: true) ? (maxRequestBytes + 5 + 2) / 3 * 4 : maxRequestBytes + (wire.isGRPCWeb ? 5 : 0))
            } catch {
                throw ConnectError(
                    MetadataStoreError(.resourceExhausted, "the request is over the server's limit of \(maxRequestBytes) bytes"),
                    status: 413)
            }
            let bytes = Array(body.readableBytesView)
            let response: Response
            switch wire {
            case .connect(let format):
                let answer = try await method.answerBytes(bytes, format, maxRequestBytes)
                response = Response(
                    status: .ok, headers: [.contentType: format == .json ? "application/json" : "application/proto"],
                    body: .init(byteBuffer: ByteBuffer(bytes: answer)))
            case .grpcWeb(let text):
                let frames = text ? try GRPCWebFrames.decodedBase64(bytes) : bytes
                let answer = try await method.answerBytes(try GRPCWebFrames.message(in: frames), .binary, maxRequestBytes)
                let framed = GRPCWebFrames.response(answer)
                response = Response(
                    status: .ok, headers: [.contentType: text ? "application/grpc-web-text+proto" : "application/grpc-web+proto"],
                    body: .init(byteBuffer: ByteBuffer(bytes: text ? Array(Data(framed).base64EncodedString().utf8) : framed)))
            }
            metrics.record(method: method.name, transport: .http, code: nil, duration: ContinuousClock.now - start)
            return response
        } catch {
            let failure =
                switch error {
                case let failure as ConnectError: failure
                case let storeError as MetadataStoreError: ConnectError(storeError)
                default: ConnectError(MetadataStoreError(.internal, "\(error)"))
                }
            // Calls of methods that do not exist are not counted: their names are the caller's.
            if let method = methods[path] {
                metrics.record(method: method.name, transport: .http, code: failure.code, duration: ContinuousClock.now - start)
            }
            switch wire {
            case .grpcWeb(let text): return Self.grpcWebFailure(failure, text: text)
            case .connect: return Self.connectFailure(failure)
            }
        }
    }

    private static func connectFailure(_ failure: ConnectError, extraHeaders: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers.append(contentsOf: extraHeaders)
        return Response(
            status: .init(code: failure.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: failure.body)))
    }

    /// A trailers-only response: the status in the headers, no body, as gRPC-Web sends errors.
    private static func grpcWebFailure(_ failure: ConnectError, text: Bool) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: text ? "application/grpc-web-text+proto" : "application/grpc-web+proto",
                .grpcStatus: String(failure.code.rawValue),
                .grpcMessage: GRPCWebFrames.percentEncoded(failure.message),
            ])
    }
}

extension HTTPField.Name {
    static let grpcStatus = Self("grpc-status")!
    static let grpcMessage = Self("grpc-message")!
    static let acceptPost = Self("accept-post")!
}
