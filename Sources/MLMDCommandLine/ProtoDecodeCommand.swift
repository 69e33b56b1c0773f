import ArgumentParser
import MLMDProtos
import ProtoWire

extension MLMDCommand.Proto {
    /// `mlmd proto decode --type T < in.bin > out.txt`
    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a binary message on standard input; write it in text format to standard output.",
            discussion: "Like `protoc --decode`, byte for byte."
        )

        @OptionGroup var messageType: MessageTypeOption

        @Flag(name: .long, help: "Print google.protobuf.Any values as [type.googleapis.com/NAME] { ... }.")
        var expandAny = false

        func run() throws {
            let type = messageType.messageType()
            let input = try StandardStreams.readInput()
            let text = try StandardStreams.reportingFailure("standard input") { try decode(type, bytes: input) }
            try StandardStreams.writeOutput(Array(text.utf8))
        }

        private func decode<M: ProtoMessage>(_ type: M.Type, bytes: [UInt8]) throws -> String {
            try M(serializedBytes: bytes).textFormatString(expandingAny: expandAny, registry: .commandLine)
        }
    }
}
