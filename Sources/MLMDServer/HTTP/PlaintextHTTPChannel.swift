import HummingbirdCore
import HummingbirdHTTP2
import Logging
import NIOCore
import NIOHTTP2
import NIOTLS

/// HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on one plaintext port. Without TLS there is
/// no ALPN to choose, so the connection's first bytes do: HTTP/2's preface makes it HTTP/2,
/// anything else HTTP/1.1. The choice then runs through NIO's negotiation handler, as ALPN's would.
struct PlaintextHTTPChannel: HTTPChannelHandler {
    typealias Negotiated = NIONegotiatedHTTPVersion<HTTP1Channel.Value, HTTP2Channel.Value>

    struct Value: ServerChildChannelValue {
        let negotiated: EventLoopFuture<Negotiated>
        let channel: any Channel
    }

    private let http1: HTTP1Channel
    private let http2: HTTP2Channel
    var responder: Responder { http1.responder }

    init(responder: @escaping Responder) {
        http1 = HTTP1Channel(responder: responder)
        http2 = HTTP2Channel(responder: responder)
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let (http1, http2) = (self.http1, self.http2)
        return channel.eventLoop.makeCompletedFuture {
            let negotiation = NIOTypedApplicationProtocolNegotiationHandler<Negotiated> { result in
                switch result {
                case .negotiated("h2"): http2.setup(channel: channel, logger: logger).map { .http2($0) }
                default: http1.setup(channel: channel, logger: logger).map { .http1_1($0) }
                }
            }
            try channel.pipeline.syncOperations.addHandler(HTTP2PrefaceSniffer())
            try channel.pipeline.syncOperations.addHandler(negotiation)
            return Value(negotiated: negotiation.protocolNegotiationResult, channel: channel)
        }
    }

    func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.negotiated.get() {
            case .http1_1(let connection): await http1.handle(value: connection, logger: logger)
            case .http2(let connection): await http2.handle(value: connection, logger: logger)
            }
        } catch {
            logger.debug("the connection closed before its protocol was known: \(error)")
        }
    }
}

/// Reads until the bytes can only be, or cannot be, HTTP/2's connection preface, then says which
/// (as a TLS handshake's ALPN result would), passes the bytes on, and leaves the pipeline.
final class HTTP2PrefaceSniffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private static let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
    private var received: ByteBuffer?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        if received == nil {
            received = incoming
        } else {
            received!.writeBuffer(&incoming)
        }
        let bytes = received!.readableBytesView
        let compared = min(bytes.count, Self.preface.count)
        let isPreface = bytes.prefix(compared).elementsEqual(Self.preface.prefix(compared))
        if isPreface && compared < Self.preface.count { return }
        context.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: isPreface ? "h2" : nil))
        let bytesSoFar = received!
        received = nil
        context.fireChannelRead(wrapInboundOut(bytesSoFar))
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}
