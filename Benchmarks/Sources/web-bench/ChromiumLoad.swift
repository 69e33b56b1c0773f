import Foundation

/// Loads a page in headless Chromium (`--dump-dom` waits for the load event and prints the
/// document) and times the whole process: the browser's start and stop are in every sample,
/// which is why main subtracts an empty page's time.
enum ChromiumLoad {
    static let samples = 5

    static func median(url: String) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<samples {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
            process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,860", "--dump-dom", url]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = ContinuousClock.now
            try process.run()
            process.waitUntilExit()
            let elapsed = ContinuousClock.now - start
            guard process.terminationStatus == 0 else { throw ChromiumFailed(url: url, status: process.terminationStatus) }
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return times.sorted()[samples / 2]
    }

    struct ChromiumFailed: Error {
        let url: String
        let status: Int32
    }
}
