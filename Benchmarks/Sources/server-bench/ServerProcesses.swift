import Foundation

/// A server under test, in a process of its own, stopped when the benchmark is done with it.
final class ServerProcess {
    let process = Process()
    let port: Int

    /// Starts `executable ARGUMENTS` and waits until it prints `ready PORT`.
    init(_ executable: String, _ arguments: [String], port: Int) throws {
        self.port = port
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        guard String(decoding: line, as: UTF8.self) == "ready \(port)" else {
            process.terminate()
            throw NotReady(command: ([executable] + arguments).joined(separator: " "), line: String(decoding: line, as: UTF8.self))
        }
    }

    /// SIGKILL: the run is done with the server and its store, so there is nothing to stop gracefully.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct NotReady: Error { var command: String; var line: String }
}

/// A port nobody listens on now, from the kernel.
func freePort() -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}
