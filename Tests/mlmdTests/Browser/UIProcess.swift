import Foundation

/// `mlmd ui` running in the background for a test, on a free port, stopped with SIGTERM.
final class UIProcess: @unchecked Sendable {
    let process = Process()
    private let stdout = Pipe(), stderr = Pipe()
    /// `http://127.0.0.1:PORT`, from the line it prints once it listens (without the final `/`).
    let base: String

    /// Starts `mlmd ui --db DB --port 0` and waits for its address line.
    init(db: String) throws {
        process.executableURL = MLMDProcess.executable
        process.arguments = ["ui", "--db", db, "--port", "0"]
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        var line = Data()
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("mlmd ui: http://"), text.hasSuffix("/") else {
            process.terminate()
            throw ServerProcess.NotListening(
                line: text, error: String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        base = String(text.dropFirst("mlmd ui: ".count).dropLast())
    }

    /// Sends SIGTERM and waits; the exit status.
    @discardableResult
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
