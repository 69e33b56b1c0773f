import ArgumentParser

extension MLMDCommand {
    /// `mlmd proto`: convert ML Metadata messages between binary and text or JSON, like protoc's --encode/--decode.
    struct Proto: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "proto",
            abstract: "Convert ML Metadata protobuf messages between binary and text format or JSON.",
            subcommands: [Encode.self, Decode.self, Types.self]
        )
    }
}
