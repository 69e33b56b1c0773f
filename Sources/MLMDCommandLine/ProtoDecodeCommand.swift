import ArgumentParser
import MLMDProtos
import ProtoWire

extension MLMDCommand.Proto {
    /// `mlmd proto decode --type T [--format json] < in.bin > out.txt`
    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a binary message on standard input; write it in text format or JSON to standard output.",
            discussion: "Text like `protoc --decode`, byte for byte; JSON like Python protobuf's `json_format.MessageToJson`."
        )

        @OptionGroup var messageType: MessageTypeOption

        @Option(name: .long, help: "The output format: text (protobuf text format) or json (proto3 JSON).")
        var format: ProtoTextFormat = .text

        @Flag(name: .long, help: "Print google.protobuf.Any values as [type.googleapis.com/NAME] { ... } (text; JSON always does).")
        var expandAny = false

        func run() throws {
            let type = messageType.messageType()
            let input = try StandardStreams.readInput()
            let text = try StandardStreams.reportingFailure("standard input") { try decode(type, bytes: input) }
            try StandardStreams.writeOutput(Array(text.utf8))
        }

        private func decode<M: ProtoMessage>(_ type: M.Type, bytes: [UInt8]) throws -> String {
            let message = try M(serializedBytes: bytes)
            switch format {
            case .text: return message.textFormatString(expandingAny: expandAny, registry: .commandLine)
            case .json: return try message.jsonString(registry: .commandLine) + "\n"
            }
        }
    }
}
