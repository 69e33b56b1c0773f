// codec-bench: decode/encode throughput of an ml_metadata LineageGraph for
// SwiftProtobuf, our codec (MLMDProtos) and Python protobuf's upb, on the same bytes.
//
// Usage: codec-bench [FILE] [--runs N] [--markdown]
//   FILE        where the serialized graph is written for Python (default /tmp/lineage_graph.bin)
//   --runs N    best of N runs (default 5)
//   --markdown  print the result table as Markdown (for Benchmarks/NOTES.md)
// Environment: PYTHON (interpreter with protobuf upb + ml-metadata,
//   default: this repository's Scripts/mlmd-python.sh), UPB_BENCH (path of upb_bench.py).

import Foundation
import SwiftProtobuf
import SwiftProtobufMLMD

// MARK: - Arguments

var outputPath = "/tmp/lineage_graph.bin"
var runs = 5
var markdown = false
do {
    var args = CommandLine.arguments.dropFirst()
    while let arg = args.popFirst() {
        switch arg {
        case "--markdown": markdown = true
        case "--runs":
            guard let n = args.popFirst().flatMap({ Int($0) }), n > 0 else {
                fatalError("--runs needs a positive integer")
            }
            runs = n
        case "-h", "--help":
            print("usage: codec-bench [FILE] [--runs N] [--markdown]")
            exit(0)
        default: outputPath = arg
        }
    }
}

func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

// MARK: - The graph (built with SwiftProtobuf)

let count = 100_000

func makeGraph(count: Int) -> MlMetadata_LineageGraph {
    let baseMillis: Int64 = 1_700_000_000_000
    var graph = MlMetadata_LineageGraph()
    graph.artifacts.reserveCapacity(count)
    graph.executions.reserveCapacity(count)
    graph.events.reserveCapacity(count)
    for i in 0..<count {
        let id = Int64(i + 1)
        var artifact = MlMetadata_Artifact()
        artifact.id = id
        artifact.typeID = 1
        artifact.uri = "/data/artifacts/\(id)"
        artifact.type = "Dataset"
        var split = MlMetadata_Value()
        split.stringValue = i % 10 == 0 ? "eval" : "train"
        var span = MlMetadata_Value()
        span.intValue = Int64(i % 100)
        artifact.properties = ["split": split, "span": span]
        var accuracy = MlMetadata_Value()
        accuracy.doubleValue = Double(i % 1000) / 1000
        artifact.customProperties = ["accuracy": accuracy]
        artifact.state = .live
        artifact.createTimeSinceEpoch = baseMillis + id
        artifact.lastUpdateTimeSinceEpoch = baseMillis + id + 1000
        graph.artifacts.append(artifact)

        var execution = MlMetadata_Execution()
        execution.id = id
        execution.typeID = 2
        execution.lastKnownState = .complete
        execution.name = "trainer-\(id)"
        execution.createTimeSinceEpoch = baseMillis + id
        execution.lastUpdateTimeSinceEpoch = baseMillis + id + 2000
        graph.executions.append(execution)

        var event = MlMetadata_Event()
        event.artifactID = id
        event.executionID = id
        event.type = .output
        var step0 = MlMetadata_Event.Path.Step()
        step0.index = 0
        var step1 = MlMetadata_Event.Path.Step()
        step1.key = "train"
        event.path.steps = [step0, step1]
        event.millisecondsSinceEpoch = baseMillis + id + 1500
        graph.events.append(event)
    }
    return graph
}

var deterministic = BinaryEncodingOptions()
deterministic.useDeterministicOrdering = true

let original = makeGraph(count: count)
let bytes: [UInt8] = try original.serializedBytes(options: deterministic)
try Data(bytes).write(to: URL(fileURLWithPath: outputPath))
log("LineageGraph: \(count) artifacts, \(count) executions, \(count) events = \(bytes.count) bytes -> \(outputPath); best of \(runs)")

// MARK: - SwiftProtobuf

log("timing SwiftProtobuf ...")
let (spbDecodeTime, spbDecoded) = try bestOf(runs) {
    try MlMetadata_LineageGraph(serializedBytes: bytes)
}
let (spbEncodeTime, spbEncoded): (Duration, [UInt8]) = try bestOf(runs) {
    try spbDecoded.serializedBytes(options: deterministic)
}
let swiftProtobuf = CodecResult(
    name: "SwiftProtobuf 1.39.0",
    decodeMBps: megabytesPerSecond(bytes: bytes.count, seconds: spbDecodeTime.seconds),
    encodeMBps: megabytesPerSecond(bytes: spbEncoded.count, seconds: spbEncodeTime.seconds),
    check: "decode == built graph: \(spbDecoded == original ? "OK" : "MISMATCH"); "
        + "re-encode byte-identical: \(compareBytes(spbEncoded, bytes))"
)

// MARK: - Ours

log("timing swift-ml-metadata (ours) ...")
let ours = try benchmarkOurs(reference: bytes, runs: runs)

// MARK: - Python upb

struct UpbReport: Decodable {
    var protobuf_version: String
    var api_implementation: String
    var decode_mb_per_s: Double
    var encode_mb_per_s: Double
    var encode_identical: Bool
}

func runUpb(file outputPath: String, runs: Int) -> CodecResult? {
    let env = ProcessInfo.processInfo.environment
    let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let python = env["PYTHON"] ?? benchmarks.deletingLastPathComponent().appendingPathComponent("Scripts/mlmd-python.sh").path
    let script = env["UPB_BENCH"] ?? benchmarks.appendingPathComponent("upb_bench.py").path
    log("timing Python upb (\(python) \(script)) ...")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, outputPath, String(runs)]
    let stdout = Pipe()
    process.standardOutput = stdout
    do {
        try process.run()
    } catch {
        log("upb: cannot run \(python): \(error)")
        return nil
    }
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        log("upb: \(python) exited with status \(process.terminationStatus)")
        return nil
    }
    do {
        let report = try JSONDecoder().decode(UpbReport.self, from: output)
        return CodecResult(
            name: "Python protobuf \(report.protobuf_version) (\(report.api_implementation))",
            decodeMBps: report.decode_mb_per_s,
            encodeMBps: report.encode_mb_per_s,
            check: "deterministic re-encode byte-identical: \(report.encode_identical ? "OK" : "MISMATCH")"
        )
    } catch {
        log("upb: cannot parse output \(String(decoding: output, as: UTF8.self)): \(error)")
        return nil
    }
}

let upb = runUpb(file: outputPath, runs: runs)

// MARK: - Report

func fmt(_ value: Double?, digits: Int = 1) -> String {
    guard let value else { return "n/a" }
    return String(format: "%.\(digits)f", value)
}

func ratio(_ a: Double?, _ b: Double?) -> String {
    guard let a, let b else { return "n/a" }
    return String(format: "%.2f×", a / b)
}

let rows: [CodecResult] = [
    ours,
    swiftProtobuf,
    upb ?? CodecResult(name: "Python protobuf (upb)", check: "not run"),
]
let ratios: [(String, String, String)] = [
    ("ours / SwiftProtobuf", ratio(ours.decodeMBps, swiftProtobuf.decodeMBps), ratio(ours.encodeMBps, swiftProtobuf.encodeMBps)),
    ("ours / upb", ratio(ours.decodeMBps, upb?.decodeMBps), ratio(ours.encodeMBps, upb?.encodeMBps)),
]
let header = ("Implementation", "Decode MB/s", "Encode MB/s")
let summary =
    "LineageGraph of \(count) artifacts, \(count) executions and \(count) events, "
    + "\(bytes.count) bytes; best of \(runs) runs; encode is deterministic; 1 MB = 10^6 bytes."

if markdown {
    print(summary)
    print("")
    print("| \(header.0) | \(header.1) | \(header.2) |")
    print("| --- | ---: | ---: |")
    for r in rows { print("| \(r.name) | \(fmt(r.decodeMBps)) | \(fmt(r.encodeMBps)) |") }
    for (name, d, e) in ratios { print("| *\(name)* | \(d) | \(e) |") }
    print("")
    for r in rows { print("- \(r.name): \(r.check)") }
} else {
    func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
    let w0 = max(header.0.count, rows.map(\.name.count).max()!, ratios.map(\.0.count).max()!)
    let w = header.1.count
    print(summary)
    print("\(pad(header.0, w0))  \(header.1)  \(header.2)")
    print(String(repeating: "-", count: w0 + 2 * (w + 2)))
    for r in rows {
        print("\(pad(r.name, w0))  \(pad(fmt(r.decodeMBps), w, right: true))  \(pad(fmt(r.encodeMBps), w, right: true))")
    }
    for (name, d, e) in ratios {
        print("\(pad(name, w0))  \(pad(d, w, right: true))  \(pad(e, w, right: true))")
    }
    print("")
    for r in rows { print("\(r.name): \(r.check)") }
}
