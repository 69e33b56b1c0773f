import Foundation

/// `mlmd serve` running in the background for a test: started on a free port, stopped with SIGTERM.
/// (Unchecked Sendable: a server is started on one thread, then used by one thread at a time.)
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let stdout = Pipe(), stderr = Pipe()
    /// The port from the line the server prints once it listens.
    private(set) var port = 0
    /// That line.
    private(set) var listeningLine = ""

    /// Starts `mlmd serve ARGUMENTS --host 127.0.0.1 --port 0` and waits for its listening line.
    /// Starts `mlmd serve` on a free port of 127.0.0.1 with `arguments`, or with
    /// `metadataStoreServer`, `metadata_store_server` with `arguments` alone.
    init(_ arguments: [String], metadataStoreServer: Bool = false) throws {
        if metadataStoreServer {
            process.executableURL = MLMDProcess.metadataStoreServer
            process.arguments = arguments
        } else {
            process.executableURL = MLMDProcess.executable
            process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
        }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        var line = Data()
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        listeningLine = String(decoding: line, as: UTF8.self)
        guard let address = listeningLine.split(separator: " ").dropFirst(4).first,
            let port = address.split(separator: ":").last.flatMap({ Int($0) })
        else {
            process.terminate()
            throw NotListening(
                line: listeningLine, error: String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        self.port = port
    }

    /// The next line the server prints after its listening line.
    func readLine() -> String {
        var line = Data()
        while let byte = try? stdout.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        return String(decoding: line, as: UTF8.self)
    }

    /// Sends SIGTERM and waits; the exit status and what the server wrote to standard error.
    func stop() -> (status: Int32, error: String) {
        process.terminate()
        let error = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, error)
    }

    struct NotListening: Error, CustomStringConvertible {
        var line: String
        var error: String
        var description: String { "mlmd serve did not start: \(line) \(error)" }
    }
}
