import Foundation
import Synchronization

/// Runs a script with ml-metadata 1.17.1's Python (`Scripts/mlmd-python.sh`, which installs the
/// package from PyPI on first use), capturing both output streams.
enum MLMetadataPython {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the script at `path` (relative to the repository) with `arguments`.
    static func run(_ path: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = ConformanceSuiteTests.repository.appendingPathComponent("Scripts/mlmd-python.sh")
        process.arguments = [ConformanceSuiteTests.repository.appendingPathComponent(path).path] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Standard error drains on a thread of its own, so that neither pipe can fill and stall the script.
        let errorText = Mutex("")
        let drain = Thread { errorText.withLock { $0 = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) } }
        drain.start()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        while !drain.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return Result(status: process.terminationStatus, output: text, error: errorText.withLock { $0 })
    }
}
