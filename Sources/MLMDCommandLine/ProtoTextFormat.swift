import ArgumentParser

/// `--format text|json`: the readable side of `mlmd proto encode|decode`.
enum ProtoTextFormat: String, ExpressibleByArgument, CaseIterable {
    /// The protobuf text format, as protoc reads and prints it.
    case text
    /// The proto3 JSON mapping, as Python protobuf's `json_format` reads and prints it.
    case json
}
