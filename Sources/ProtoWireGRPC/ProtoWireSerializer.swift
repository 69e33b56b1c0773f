import GRPCCore
import ProtoWire

/// Serializes messages for grpc-swift with our codec, in protobuf's deterministic form: the
/// server's responses, and a Swift client's requests.
public struct ProtoWireSerializer<Message: ProtoMessage>: MessageSerializer {
    /// Creates a serializer.
    public init() {}

    /// The message's deterministic binary form.
    public func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
        Bytes(message.serializedBytes())
    }
}
