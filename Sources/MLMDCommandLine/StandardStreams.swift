import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-input reads and whole-output writes on the standard streams, and the one-line failure
/// report every subcommand uses.
enum StandardStreams {
    /// Everything on standard input, as bytes.
    static func readInput() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read standard input: \(String(cString: strerror(errno)))")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes all of `bytes` to standard output.
    static func writeOutput(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write standard output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// The bytes of the file at `path`; a file that cannot be read is one line, `mlmd: PATH: cannot read the file`.
    static func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("\(path): cannot read the file") }
        return [UInt8](data)
    }

    /// Writes `bytes` to the file at `path`, replacing it; a failure is one line saying why.
    static func writeFile(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw failure("\(path): cannot write the file: \((error as NSError).localizedDescription)")
        }
    }

    /// Runs `body`; a codec error becomes one line on standard error, `mlmd: SOURCE: WHAT at WHERE`,
    /// and exit status 1.
    static func reportingFailure<T>(_ source: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw failure("\(source): \(error)")
        }
    }

    /// Writes `mlmd: MESSAGE` to standard error and returns exit status 1 to throw.
    static func failure(_ message: String) -> ExitCode {
        let line = Array("mlmd: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        return ExitCode(1)
    }
}
