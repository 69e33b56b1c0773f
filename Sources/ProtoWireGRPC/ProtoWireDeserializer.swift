import GRPCCore
import ProtoWire

/// Decodes messages for grpc-swift with our codec, straight from the transport's buffer. A request
/// that does not decode is the client's fault, so it fails with INVALID_ARGUMENT and says where the
/// bytes went wrong.
public struct ProtoWireDeserializer<Message: ProtoMessage>: MessageDeserializer {
    /// The largest message accepted; a bigger one fails with RESOURCE_EXHAUSTED.
    public var maxBytes: Int

    /// Creates a deserializer for messages of up to `maxBytes`.
    public init(maxBytes: Int = .max) {
        self.maxBytes = maxBytes
    }

    /// Decodes the message; INVALID_ARGUMENT when the bytes are not one.
    public func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
        guard serializedMessageBytes.count <= maxBytes else {
            throw RPCError(
                code: .resourceExhausted,
                message:
                    "\(Message.protoMessageName) of \(serializedMessageBytes.count) bytes is over the server's limit of \(maxBytes) bytes")
        }
        do {
            return try serializedMessageBytes.withUnsafeBytes { try Message(serializedBuffer: $0) }
        } catch {
            throw RPCError(code: .invalidArgument, message: "cannot decode \(Message.protoMessageName): \(error)")
        }
    }
}
