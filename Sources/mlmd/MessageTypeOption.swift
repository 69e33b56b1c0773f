import ArgumentParser
import MLMDProtos
import ProtoWire

/// `--type NAME`: a message type of metadata_store.proto or metadata_store_service.proto.
struct MessageTypeOption: ParsableArguments {
    @Option(name: .long, help: "Full message type name, e.g. ml_metadata.Artifact (see `mlmd proto types`).")
    var type: String

    func validate() throws {
        guard ProtoTypeRegistry.mlmd.type(named: type) != nil else {
            throw ValidationError("unknown message type '\(type)'; `mlmd proto types` lists them")
        }
    }

    /// The type named by `--type` (checked by `validate()`).
    func messageType() -> any ProtoMessage.Type {
        ProtoTypeRegistry.mlmd.type(named: type)!
    }
}
