import ArgumentParser
import MLMDProtos
import ProtoWire

extension MLMDCommand.Proto {
    /// `mlmd proto encode --type T [--format json] < in.txt > out.bin`
    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a message in text format or JSON on standard input; write its binary form to standard output.",
            discussion: "Like `protoc --encode`. The output is protobuf's deterministic serialization."
        )

        @OptionGroup var messageType: MessageTypeOption

        @Option(name: .long, help: "The input format: text (protobuf text format) or json (proto3 JSON).")
        var format: ProtoTextFormat = .text

        @Flag(name: .long, help: "With --format json: skip members the message has no field for.")
        var ignoreUnknownFields = false

        func run() throws {
            let type = messageType.messageType()
            let input = try StandardStreams.readInput()
            let bytes = try StandardStreams.reportingFailure("standard input") { try encode(type, text: input) }
            try StandardStreams.writeOutput(bytes)
        }

        private func encode<M: ProtoMessage>(_ type: M.Type, text: [UInt8]) throws -> [UInt8] {
            switch format {
            case .text: return try M(textFormatBytes: text, registry: .commandLine).serializedBytes()
            case .json:
                let options = JSONDecodingOptions(ignoreUnknownFields: ignoreUnknownFields)
                return try M(jsonUTF8Bytes: text, options: options, registry: .commandLine).serializedBytes()
            }
        }
    }
}
