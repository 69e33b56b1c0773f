/// Limits the binary decoder enforces, so hostile input cannot exhaust the stack.
public struct BinaryDecodingOptions: Sendable {
    /// How deep messages (and unknown groups) may nest; protobuf's own default is 100.
    public var messageDepthLimit: Int = 100

    /// The default limits.
    public init() {}
}
