import Foundation
import MLMDProtos

/// gRPC-Web's framing of a unary call's body: each message, and the trailers at the end, as a
/// flag byte and a four-byte big-endian length before the bytes.
enum GRPCWebFrames {
    private static let trailerFlag: UInt8 = 0x80

    /// The one message of a request's body.
    ///
    /// - Throws: INVALID_ARGUMENT for a body that is not one uncompressed data frame.
    static func message(in body: [UInt8]) throws -> [UInt8] {
        guard body.count >= 5 else {
            throw MetadataStoreError(.invalidArgument, "a gRPC-Web request needs a frame of 5 bytes or more, not \(body.count)")
        }
        guard body[0] == 0 else {
            throw MetadataStoreError(
                body[0] & 1 == 1 ? .unimplemented : .invalidArgument,
                body[0] & 1 == 1 ? "compressed gRPC-Web messages are not supported" : "the first gRPC-Web frame is not a message")
        }
        let length = body[1...4].reduce(0) { $0 << 8 | Int($1) }
        guard body.count == 5 + length else {
            throw MetadataStoreError(
                .invalidArgument, "the gRPC-Web frame says \(length) bytes, and \(body.count - 5) follow it; a unary call has one message")
        }
        return Array(body[5...])
    }

    /// The frames of an `application/grpc-web-text` body, which is base64 (possibly several
    /// padded pieces one after another, as a client may send each frame encoded on its own).
    ///
    /// - Throws: INVALID_ARGUMENT for a body that is not base64.
    static func decodedBase64(_ body: [UInt8]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var piece: [UInt8] = []
        func flush() throws {
            guard !piece.isEmpty else { return }
            guard let decoded = Data(base64Encoded: Data(piece)) else {
                throw MetadataStoreError(.invalidArgument, "the gRPC-Web text body is not base64")
            }
            bytes += decoded
            piece.removeAll()
        }
        for byte in body where byte != UInt8(ascii: "\r") && byte != UInt8(ascii: "\n") {
            piece.append(byte)
            // A padded quartet ends a piece.
            if byte == UInt8(ascii: "="), piece.count % 4 == 0 { try flush() }
        }
        try flush()
        return bytes
    }

    /// A response's body: the message, then trailers with status OK.
    static func response(_ message: [UInt8]) -> [UInt8] {
        frame(0, message) + frame(trailerFlag, Array("grpc-status: 0\r\n".utf8))
    }

    private static func frame(_ flag: UInt8, _ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [flag, UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)] + bytes
    }

    /// `grpc-message`'s value: percent-encoded outside printable ASCII, as gRPC sends it.
    static func percentEncoded(_ message: String) -> String {
        var out = ""
        for byte in message.utf8 {
            if byte >= 0x20 && byte <= 0x7e && byte != UInt8(ascii: "%") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
