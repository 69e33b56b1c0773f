import ArgumentParser
import Foundation

extension MLMDCommand {
    /// Status 2 for usage errors, as shells and most Unix tools use it (ArgumentParser's default is 64, EX_USAGE);
    /// everything else exits as ArgumentParser decides.
    static func main() async {
        do {
            var command = try parseAsRoot()
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
