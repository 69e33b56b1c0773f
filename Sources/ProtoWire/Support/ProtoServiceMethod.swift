/// One method of a protobuf service: its name and its request and response types.
public struct ProtoServiceMethod: @unchecked Sendable {
    // Metatypes are immutable, which is what makes the unchecked Sendable safe.

    /// The method name, e.g. `PutArtifactType`.
    public let name: String
    /// The request message type.
    public let requestType: any ProtoMessage.Type
    /// The response message type.
    public let responseType: any ProtoMessage.Type

    /// Describes a method.
    public init(name: String, requestType: any ProtoMessage.Type, responseType: any ProtoMessage.Type) {
        self.name = name
        self.requestType = requestType
        self.responseType = responseType
    }
}
