import Foundation
import Testing

/// `mlmd demo`: the walkthrough's exact output (times masked), the files it leaves, and a fresh
/// store at every run.
@Suite struct DemoCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let golden = repository.appendingPathComponent("Tests/mlmdTests/Golden/demo.txt")
    static let tfdvSchema = repository.appendingPathComponent("Tests/SchemaInferenceTests/Golden/chicago_taxi.schema.pbtxt")

    /// The output with every millisecond time replaced by `<ms>`.
    static func masked(_ output: [UInt8]) -> String {
        String(decoding: output, as: UTF8.self).replacing(/(_since_epoch): \d+/) { "\($0.output.1): <ms>" }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-demo-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func tellsTheWalkthroughExactlyAndAgainFromScratch() throws {
        let folder = try Self.temporaryFolder()
        let first = try MLMDProcess.run(["demo"], in: folder)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.error.isEmpty)
        #expect(Self.masked(first.output) == (try String(contentsOf: Self.golden, encoding: .utf8)))
        // The schema it wrote is TFDV's for the same data.
        #expect(
            try String(contentsOf: folder.appendingPathComponent("mlmd-demo/schema.pbtxt"), encoding: .utf8)
                == String(contentsOf: Self.tfdvSchema, encoding: .utf8))
        // A second run starts from an empty store: the same ids, the same story.
        let second = try MLMDProcess.run(["demo"], in: folder)
        #expect(second.status == 0)
        #expect(Self.masked(second.output) == Self.masked(first.output))
    }

    @Test func aBinaryWithoutItsDataSetSaysSoInOneLine() throws {
        let folder = try Self.temporaryFolder()
        let lone = folder.appendingPathComponent("mlmd")
        try FileManager.default.copyItem(at: MLMDProcess.executable, to: lone)
        let process = Process()
        process.executableURL = lone
        process.arguments = ["demo"]
        process.currentDirectoryURL = folder
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        let error = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(error == "mlmd: the Chicago taxi data is not beside this mlmd binary; pass --data FILE.csv\n")
    }

    @Test func aRaggedDataFileIsOneLineNamingTheLine() throws {
        let folder = try Self.temporaryFolder()
        let csv = folder.appendingPathComponent("bad.csv")
        try "a,b\n1,2\n3\n".write(to: csv, atomically: true, encoding: .utf8)
        let result = try MLMDProcess.run(["demo", "--data", csv.path], in: folder)
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("mlmd: mlmd-demo/data/train/data.csv: line 3"))
        #expect(result.error.split(separator: "\n").count == 1)
    }
}
