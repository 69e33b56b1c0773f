import Foundation
import Testing

/// The real ml-metadata 1.17.1 through `../shared/tools/mlmd-oracle` (installed on first use).
/// Tests that need it are skipped where it is missing, and fail instead under CI (CI=true) or
/// MLMD_REQUIRE_ORACLE=1, so CI never skips them silently.
enum Oracle {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let tool = repository.deletingLastPathComponent().appendingPathComponent("shared/tools/mlmd-oracle")

    static let isRequired = ProcessInfo.processInfo.environment["CI"] == "true"
        || ProcessInfo.processInfo.environment["MLMD_REQUIRE_ORACLE"] == "1"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: tool.path) }

    /// Runs `Oracle/SCRIPT` with `arguments` under the oracle's Python; returns standard output.
    static func run(script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = tool
        let scriptPath = repository.appendingPathComponent("Tests/MLMetadataTests/Oracle/\(script)").path
        process.arguments = ["python", scriptPath] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleFailure(message: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: outputData, as: UTF8.self)
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "mlmd-oracle failed: \(message.suffix(2000))" }
    }
}
