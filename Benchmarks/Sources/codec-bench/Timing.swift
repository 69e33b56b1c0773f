/// Shared timing and result types for codec-bench.

let clock = ContinuousClock()

/// Runs `body` `runs` times and returns the fastest wall-clock time together with
/// the last result. The result of each run is kept alive until after its time is
/// taken, so deallocation of a decoded message is not part of the measurement.
func bestOf<T>(_ runs: Int, _ body: () throws -> T) rethrows -> (Duration, T) {
    precondition(runs > 0)
    var best = Duration.seconds(Int64.max)
    var kept: T? = nil
    for _ in 0..<runs {
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        if elapsed < best { best = elapsed }
        kept = result  // the previous run's result is released here, untimed
    }
    return (best, kept!)
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}

/// Throughput in MB/s, 1 MB = 1,000,000 bytes.
func megabytesPerSecond(bytes: Int, seconds: Double) -> Double {
    Double(bytes) / 1e6 / seconds
}

struct CodecResult {
    var name: String
    var decodeMBps: Double?
    var encodeMBps: Double?
    /// Correctness note shown under the table (e.g. "re-encode byte-identical: OK").
    var check: String
}

/// "OK", or "MISMATCH at offset N (...)": compares an encoding with the reference bytes.
func compareBytes(_ actual: [UInt8], _ expected: [UInt8]) -> String {
    let common = min(actual.count, expected.count)
    for i in 0..<common where actual[i] != expected[i] {
        return "MISMATCH at offset \(i) (got 0x\(hex(actual[i])), expected 0x\(hex(expected[i])); "
            + "lengths \(actual.count) vs \(expected.count))"
    }
    if actual.count != expected.count {
        return "MISMATCH at offset \(common) (lengths \(actual.count) vs \(expected.count))"
    }
    return "OK"
}

private func hex(_ b: UInt8) -> String {
    let s = String(b, radix: 16)
    return s.count == 1 ? "0" + s : s
}
