import ArgumentParser

extension MLMDCommand {
    /// `mlmd proto`: convert ML Metadata messages between text and binary, like protoc's --encode/--decode.
    struct Proto: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "proto",
            abstract: "Convert ML Metadata protobuf messages between text format and binary.",
            subcommands: [Encode.self, Decode.self, Types.self]
        )
    }
}
