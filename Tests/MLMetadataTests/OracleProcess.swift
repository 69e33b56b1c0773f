import Foundation
import Synchronization
import Testing

/// The real ml-metadata 1.17.1 through `Scripts/mlmd-python.sh`, which installs it from PyPI on
/// first use. Tests that need it are skipped where Python is missing, and fail instead under CI
/// (CI=true) or MLMD_REQUIRE_ORACLE=1, so CI never skips them silently.
enum Oracle {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let tool = repository.appendingPathComponent("Scripts/mlmd-python.sh")

    static let isRequired =
        ProcessInfo.processInfo.environment["CI"] == "true"
        || ProcessInfo.processInfo.environment["MLMD_REQUIRE_ORACLE"] == "1"

    /// python3 is on PATH: all the script needs to make its environment.
    static var isAvailable: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }
    }

    /// Runs `Oracle/SCRIPT` with `arguments` under ml-metadata's Python; returns standard output.
    static func run(script: String, _ arguments: [String], input: String? = nil) throws -> String {
        let running = try start(script: script, arguments)
        if let input { running.input.fileHandleForWriting.write(Data(input.utf8)) }
        try running.input.fileHandleForWriting.close()
        return try running.finish()
    }

    /// Starts `Oracle/SCRIPT` and returns at once; `finish()` waits for it.
    static func start(script: String, _ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = tool
        let scriptPath = repository.appendingPathComponent("Tests/MLMetadataTests/Oracle/\(script)").path
        process.arguments = [scriptPath] + arguments
        let output = Pipe(), error = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        return Running(process: process, output: output, error: error, input: input)
    }

    /// An ml-metadata process under way.
    struct Running {
        let process: Process
        let output: Pipe
        let error: Pipe
        let input: Pipe

        /// Waits for the process; its standard output, or OracleFailure with its standard error.
        func finish() throws -> String {
            // Drain standard error on its own thread so neither pipe can fill up and stall the process.
            let errorData = Mutex(Data())
            let drain = Thread { errorData.withLock { $0 = error.fileHandleForReading.readDataToEndOfFile() } }
            drain.start()
            let outputData = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            while drain.isExecuting || !drain.isFinished { Thread.sleep(forTimeInterval: 0.01) }
            guard process.terminationStatus == 0 else {
                throw OracleFailure(message: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
            }
            return String(decoding: outputData, as: UTF8.self)
        }
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "ml-metadata (Scripts/mlmd-python.sh) failed: \(message.suffix(2000))" }
    }
}
