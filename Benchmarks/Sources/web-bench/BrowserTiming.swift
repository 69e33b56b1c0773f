import Foundation

/// Page loads timed by headless Chromium itself (Navigation Timing: from the navigation's start
/// to the end of its load event, so the server's answer, parsing, style and layout), driven
/// through chromedriver's WebDriver protocol with curl: the browser's own clock, none of ours.
final class BrowserTiming {
    private let driver = Process()
    private let base: String
    private let session: String

    init() throws {
        let port = 9515 + Int(getpid() % 1000)
        base = "http://127.0.0.1:\(port)"
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        var ready = false
        for _ in 0..<100 where !ready {
            usleep(100_000)
            ready = (try? Self.call("GET", base + "/status"))?["ready"] as? Bool == true
        }
        guard ready else { throw Failure("chromedriver did not start on port \(port)") }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "goog:chromeOptions": ["args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,860"]]
                ]
            ]
        ]
        guard let id = try Self.call("POST", base + "/session", capabilities)?["sessionId"] as? String else {
            throw Failure("chromedriver made no session")
        }
        session = base + "/session/" + id
    }

    /// The median of `samples` loads of `url`, in milliseconds.
    func medianLoad(_ url: String, samples: Int = 5) throws -> Double {
        var times: [Double] = []
        for _ in 0..<samples {
            _ = try Self.call("POST", session + "/url", ["url": url])
            let script = "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;"
            guard let time = try Self.value("POST", session + "/execute/sync", ["script": script, "args": []]) as? Double else {
                throw Failure("no navigation timing for \(url)")
            }
            times.append(time)
        }
        return times.sorted()[samples / 2]
    }

    /// Ends the session and chromedriver: by its own `/shutdown`, then by SIGKILL, since a
    /// process started from this one may have SIGTERM blocked.
    func close() {
        _ = try? Self.call("DELETE", session)
        _ = try? Self.call("GET", base + "/shutdown")
        for _ in 0..<50 where driver.isRunning { usleep(100_000) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
        driver.waitUntilExit()
    }

    /// The `value` of a WebDriver answer.
    private static func value(_ method: String, _ url: String, _ body: [String: Any]? = nil) throws -> Any? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments =
            ["-s", "-X", method, "-H", "Content-Type: application/json", url]
            + (body.map { ["-d", String(decoding: try! JSONSerialization.data(withJSONObject: $0), as: UTF8.self)] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        if let failure = answer["value"] as? [String: Any], let error = failure["error"] as? String {
            throw Failure("\(error): \(failure["message"] ?? "")")
        }
        return answer["value"]
    }

    private static func call(_ method: String, _ url: String, _ body: [String: Any]? = nil) throws -> [String: Any]? {
        try value(method, url, body) as? [String: Any]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
