import ArgumentParser
import MLMDProtos
import ProtoWire

/// `--type NAME`: a message type of ml_metadata (metadata_store.proto, metadata_store_service.proto)
/// or tensorflow_metadata (schema.proto, statistics.proto).
struct MessageTypeOption: ParsableArguments {
    @Option(name: .long, help: "Full message type name, e.g. ml_metadata.Artifact (see `mlmd proto types`).")
    var type: String

    func validate() throws {
        guard ProtoTypeRegistry.commandLine.type(named: type) != nil else {
            throw ValidationError("unknown message type '\(type)'; `mlmd proto types` lists them")
        }
    }

    /// The type named by `--type` (checked by `validate()`).
    func messageType() -> any ProtoMessage.Type {
        ProtoTypeRegistry.commandLine.type(named: type)!
    }
}
