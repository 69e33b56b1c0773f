import Foundation

/// `chromedriver` running in the background for browser tests: started on a free port of 127.0.0.1,
/// ready once `GET /status` says so, stopped with `stop()`.
/// (Unchecked Sendable: the process is started in `start` and stopped once, by one task.)
final class ChromeDriver: @unchecked Sendable {
    /// The port of 127.0.0.1 chromedriver listens on.
    let port: Int
    private let process = Process()
    /// Both of chromedriver's output streams, for the error when it does not start. A file, not a
    /// pipe: nothing has to drain it, and a browser outliving chromedriver holds no pipe of ours.
    private let log: URL

    /// The chromedriver binary: the first on PATH, else where Debian's chromium-driver puts it.
    static let executable = find(["chromedriver"], orAt: ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])
    /// The browser, given to chromedriver as `goog:chromeOptions.binary`.
    static let browser = find(["chromium", "chromium-browser"], orAt: ["/usr/bin/chromium", "/usr/lib/chromium/chromium"])
    /// Both were found. Browser tests are enabled with this, and with `CI=true`, so that CI fails
    /// instead of skipping them when the browser is missing.
    static var isAvailable: Bool { executable != nil && browser != nil }

    /// Starts chromedriver on a free port and waits until it is ready for sessions, for `timeout` at
    /// most (generous: a CI machine running every other test at once starts it slowly).
    static func start(timeout: Duration = .seconds(120)) async throws -> ChromeDriver {
        guard let executable else {
            throw NotReady(reason: "chromedriver not found on PATH, nor in /usr/bin or /usr/lib/chromium", output: "")
        }
        var attempts = 0
        while true {
            attempts += 1
            let driver = try ChromeDriver(executable: executable, port: FreePort.pick())
            do {
                try await driver.waitUntilReady(timeout: timeout)
                return driver
            } catch let error as NotReady where error.exited && attempts < 3 {
                // Another process may have taken the port between picking and binding it.
                continue
            } catch {
                await driver.stop()
                throw error
            }
        }
    }

    private init(executable: URL, port: Int) throws {
        self.port = port
        log = FileManager.default.temporaryDirectory.appendingPathComponent("chromedriver-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        process.executableURL = executable
        process.arguments = ["--port=\(port)"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    deinit {
        // A driver never stopped: kill it rather than leave it running (SIGTERM may be blocked, see stop()).
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: log)
    }

    /// What chromedriver has written to standard output and standard error.
    var output: String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    /// Polls `GET /status` until its `value.ready` is true; fails at once if chromedriver exits.
    private func waitUntilReady(timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        var problem = "no answer"
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw NotReady(reason: "chromedriver exited with status \(process.terminationStatus)", output: output, exited: true)
            }
            do {
                let response = try await LoopbackHTTP.request("GET", port: port, path: "/status", timeout: .seconds(5))
                let value = (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any])?["value"] as? [String: Any]
                if value?["ready"] as? Bool == true { return }
                problem = value?["message"] as? String ?? "HTTP \(response.status): \(String(decoding: response.body, as: UTF8.self))"
            } catch {
                // Not listening yet.
                problem = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw NotReady(reason: "chromedriver on port \(port) was not ready within \(timeout): \(problem)", output: output)
    }

    /// Stops chromedriver and waits until it has exited. First `GET /shutdown`, which quits the
    /// browsers of sessions still open (SIGTERM alone leaves them running); then SIGTERM; then
    /// SIGKILL, since a process started from a test thread can inherit a blocked SIGTERM.
    func stop() async {
        if process.isRunning {
            _ = try? await LoopbackHTTP.request("GET", port: port, path: "/shutdown", timeout: .seconds(10))
        }
        if await !exited(within: .seconds(5)) { process.terminate() }
        if await !exited(within: .seconds(5)) {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Whether the process exits within `timeout`; polls with `Task.sleep`, so no thread is blocked.
    private func exited(within timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline, (try? await Task.sleep(for: .milliseconds(20))) != nil else { return false }
        }
        return true
    }

    /// The first of `names` on PATH, else the first of `paths` that is executable.
    private static func find(_ names: [String], orAt paths: [String]) -> URL? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let candidates = names.flatMap { name in directories.map { "\($0)/\(name)" } } + paths
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// chromedriver did not become ready: why, and what it wrote.
    struct NotReady: Error, CustomStringConvertible {
        var reason: String
        var output: String
        /// It exited before it was ready (as when its port was taken).
        var exited = false
        var description: String {
            "chromedriver did not start: \(reason)" + (output.isEmpty ? "" : "\nchromedriver's output:\n\(output)")
        }
    }
}
