import Foundation

/// A command a test runs against the server in this process (curl, a validator, schemathesis).
/// It is waited for on a thread of its own: blocking Swift's cooperative threads, as few as the
/// cores, would leave none for the server to answer the command with.
enum ChildProcess {
    /// Runs `executable` with `arguments`; its exit status and standard output.
    static func run(_ executable: URL, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    let process = Process()
                    process.executableURL = executable
                    process.arguments = arguments
                    let output = Pipe()
                    process.standardOutput = output
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, text))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }
}
