import Foundation

/// Runs the built `mlmd` executable with standard input, capturing both output streams.
struct MLMDProcess {
    struct Result {
        var status: Int32
        var output: [UInt8]
        var error: String
    }

    /// The `mlmd` binary beside the test bundle in the build products directory.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("mlmd").path) {
            let parent = directory.deletingLastPathComponent()
            precondition(parent != directory, "mlmd executable not found near \(Bundle.main.bundleURL.path)")
            directory = parent
        }
        return directory.appendingPathComponent("mlmd")
    }()

    /// `metadata_store_server`, built beside `mlmd`.
    static let metadataStoreServer = executable.deletingLastPathComponent().appendingPathComponent("metadata_store_server")

    /// Runs `mlmd` (or `binary`) with `arguments`, in `directory` if given, with `environment`
    /// added to this process's.
    static func run(
        _ arguments: [String], input: [UInt8] = [], in directory: URL? = nil,
        environment: [String: String] = [:], binary: URL = executable
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write input and drain output concurrently so large messages cannot deadlock the pipes.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: [UInt8](output), error: String(decoding: error, as: UTF8.self))
    }
}
