import ArgumentParser
import MLMDProtos
import ProtoWire

extension MLMDCommand.Proto {
    /// `mlmd proto encode --type T < in.txt > out.bin`
    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a message in text format on standard input; write its binary form to standard output.",
            discussion: "Like `protoc --encode`. The output is protobuf's deterministic serialization."
        )

        @OptionGroup var messageType: MessageTypeOption

        func run() throws {
            let type = messageType.messageType()
            let input = try StandardStreams.readInput()
            let bytes = try StandardStreams.reportingFailure("standard input") { try encode(type, text: input) }
            try StandardStreams.writeOutput(bytes)
        }

        private func encode<M: ProtoMessage>(_ type: M.Type, text: [UInt8]) throws -> [UInt8] {
            try M(textFormatBytes: text, registry: .commandLine).serializedBytes()
        }
    }
}
