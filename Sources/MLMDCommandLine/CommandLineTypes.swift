import MLMDProtos
import ProtoWire
import TFMetadataProtos

extension ProtoTypeRegistry {
    /// The message types `mlmd proto` reads and writes: ml_metadata's, tensorflow_metadata's (the
    /// schema and statistics `mlmd infer-schema` writes) and the well-known types.
    static let commandLine = ProtoTypeRegistry.mlmd.merging(.tensorflowMetadata)
}
