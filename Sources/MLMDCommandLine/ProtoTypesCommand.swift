import ArgumentParser
import MLMDProtos
import ProtoWire

extension MLMDCommand.Proto {
    /// `mlmd proto types`
    struct Types: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every message type `--type` accepts.")

        func run() throws {
            try StandardStreams.writeOutput(Array(ProtoTypeRegistry.commandLine.names.map { $0 + "\n" }.joined().utf8))
        }
    }
}
