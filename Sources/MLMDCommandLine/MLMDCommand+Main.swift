import ArgumentParser
import Foundation

extension MLMDCommand {
    /// Runs the command `arguments` name (this process's by default). Status 2 for usage errors,
    /// as shells and most Unix tools use it (ArgumentParser's default is 64, EX_USAGE); everything
    /// else exits as ArgumentParser decides. `serve` also reads ml-metadata's gflags spellings.
    package static func execute(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        do {
            var arguments = arguments
            if arguments.first == "serve" { arguments = ["serve"] + (try GFlagsArguments.normalized(Array(arguments.dropFirst()))) }
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
