import Foundation
import MLMDProtos
import ProtoWire
import Testing

/// Our codec against protobuf-c, an independent C implementation: every binary golden case,
/// encoded by us, is parsed and re-encoded by protobuf-c (`pbc-roundtrip`, built from
/// Tests/Interop/protobuf-c by Scripts/build-protobuf-c-roundtrip.sh), and what protobuf-c
/// writes must decode in ours to the same message. That also checks that what protobuf-c
/// encodes parses in ours.
///
/// Needs `protoc-c` and <protobuf-c/protobuf-c.h> (apt-get install -y protobuf-c-compiler
/// libprotobuf-c-dev). Without them the test is skipped, unless MLMD_REQUIRE_INTEROP=1 or CI=true,
/// which make their absence a failure.
@Suite struct ProtobufCInteropTests {
    @Test(
        .enabled(
            if: Interop.prerequisitesMissing == nil || Interop.isRequired,
            "protoc-c or <protobuf-c/protobuf-c.h> not found; set MLMD_REQUIRE_INTEROP=1 to fail instead"))
    func protobufCReencodesEveryGoldenCase() throws {
        if let missing = Interop.prerequisitesMissing {
            Issue.record("protobuf-c is required here (MLMD_REQUIRE_INTEROP=1 or CI=true) but the interop test cannot run: \(missing)")
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-pbc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let build = try Interop.run(
            "/bin/bash", [Interop.repository.appendingPathComponent("Scripts/build-protobuf-c-roundtrip.sh").path, work.path])
        guard build.status == 0 else {
            Issue.record("Scripts/build-protobuf-c-roundtrip.sh failed (exit \(build.status)):\n\(build.stderr)")
            return
        }
        let tool = build.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        // Our encoding of every case protobuf-c can represent.
        var inputs: [(golden: GoldenCase, ours: [UInt8])] = []
        var skipped: [String: [String]] = [:]
        for golden in GoldenCase.all where golden.kind == .binary {
            let message = try golden.messageType.init(serializedBytes: golden.bytes(".bin"))
            let ours = message.serializedBytes()
            if Interop.containsGroup(ours, golden.messageType) {
                skipped["an unknown group, which protobuf-c rejects", default: []].append(golden.name)
            } else if Interop.hasStringWithNUL(message) {
                skipped["a string with a NUL byte, which protobuf-c cuts", default: []].append(golden.name)
            } else {
                inputs.append((golden, ours))
            }
        }
        #expect(inputs.count > 300, "too few cases left to compare: \(skipped)")

        // One shell runs pbc-roundtrip once per case: CASE.in → CASE.out, exit status in CASE.rc.
        var list = ""
        for (index, input) in inputs.enumerated() {
            try Data(input.ours).write(to: work.appendingPathComponent("\(index).in"))
            list += "\(index) \(input.golden.typeName)\n"
        }
        try list.write(to: work.appendingPathComponent("cases"), atomically: true, encoding: .utf8)
        let batch = try Interop.run(
            "/bin/bash",
            [
                "-c",
                """
                cd "$1" && while read -r i type; do
                  "$2" "$type" < "$i.in" > "$i.out" 2> "$i.err"; echo $? > "$i.rc"
                done < cases
                """, "batch", work.path, tool,
            ])
        try #require(batch.status == 0, "running pbc-roundtrip failed: \(batch.stderr)")

        for (index, input) in inputs.enumerated() {
            let file = { (suffix: String) in work.appendingPathComponent("\(index).\(suffix)") }
            let status = try String(contentsOf: file("rc"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard status == "0" else {
                let stderr = try String(contentsOf: file("err"), encoding: .utf8)
                Issue.record("\(input.golden.name): pbc-roundtrip exited \(status): \(stderr)")
                continue
            }
            let theirs = [UInt8](try Data(contentsOf: file("out")))
            do {
                let reencoded = try input.golden.messageType.init(serializedBytes: theirs).serializedBytes()
                #expect(reencoded == input.ours, "\(input.golden.name): protobuf-c wrote \(Interop.hex(theirs))")
            } catch {
                Issue.record("\(input.golden.name): protobuf-c's bytes do not decode (\(error)): \(Interop.hex(theirs))")
            }
        }
    }
}

private enum Interop {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// CI (which sets CI=true and installs protobuf-c) must not skip it silently.
    static let isRequired =
        ProcessInfo.processInfo.environment["MLMD_REQUIRE_INTEROP"] == "1"
        || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Why the protobuf-c tool cannot be built here (the same checks as the build script), or nil.
    static let prerequisitesMissing: String? = {
        let check = #"""
            command -v "${PROTOC_C:-protoc-c}" >/dev/null 2>&1 || { echo "protoc-c not found"; exit 1; }
            printf '#include <protobuf-c/protobuf-c.h>\n' | "${CC:-cc}" -E -x c - >/dev/null 2>&1 \
              || { echo "<protobuf-c/protobuf-c.h> not found"; exit 1; }
            """#
        guard let result = try? run("/bin/bash", ["-c", check]) else { return "cannot run /bin/bash" }
        guard result.status != 0 else { return nil }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            + " (apt-get install -y protobuf-c-compiler libprotobuf-c-dev)"
    }()

    /// Runs a program to completion; its output goes through files, so no pipe can fill up.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let directory = FileManager.default.temporaryDirectory
        let outURL = directory.appendingPathComponent("mlmd-interop-\(UUID().uuidString).out")
        let errURL = directory.appendingPathComponent("mlmd-interop-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            try String(contentsOf: outURL, encoding: .utf8),
            try String(contentsOf: errURL, encoding: .utf8)
        )
    }

    /// Whether a message of `type` encoded as `bytes` holds an (unknown) group at any depth.
    ///
    /// Every start-group tag in `bytes` is found by reading them as fields, and every
    /// length-delimited value that parses as fields as well, since it may be a nested message.
    /// Such a value may also be a string or an Any's bytes, which protobuf-c does not parse, so
    /// each candidate is confirmed with our decoder: its wire type is changed to 7, which fails
    /// right there only if the tag is read as part of a message.
    static func containsGroup<M: ProtoMessage>(_ bytes: [UInt8], _ type: M.Type) -> Bool {
        startGroupOffsets(bytes, base: 0).contains { offset in
            var damaged = bytes
            damaged[offset] |= 0x04  // wire type 3 → 7
            do {
                _ = try M(serializedBytes: damaged)
                return false
            } catch {
                return error as? BinaryDecodingError == BinaryDecodingError(.invalidWireType(7), at: offset)
            }
        }
    }

    /// The offsets (from the start of the outermost buffer) of the start-group tags in `bytes`
    /// and in the length-delimited values that parse as fields; empty if `bytes` do not parse.
    private static func startGroupOffsets(_ bytes: [UInt8], base: Int) -> [Int] {
        var offsets: [Int] = []
        var payloads: [(bytes: [UInt8], start: Int)] = []
        let parsed: Bool = bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer: buffer)
            do {
                while true {
                    let tagStart = reader.offset
                    guard let tag = try reader.readTag() else { return true }
                    if tag & 7 == 3 { offsets.append(base + tagStart) }
                    if tag & 7 == 2 {
                        let payload = try reader.readBytes()
                        payloads.append((payload, base + reader.offset - payload.count))
                    } else {
                        try reader.skipField(tag: tag)
                    }
                }
            } catch {
                return false
            }
        }
        guard parsed else { return [] }
        return offsets + payloads.flatMap { startGroupOffsets($0.bytes, base: $0.start) }
    }

    /// Whether a string field anywhere in `message` holds a NUL byte, which protobuf-c (C strings)
    /// would cut. Read from our text format, where a NUL prints as `\000`; skipped are unknown
    /// fields (named by number, kept as raw bytes by protobuf-c) and `value: "..."`, which in these
    /// messages can only be the `bytes` of a google.protobuf.Any (map values are never strings).
    static func hasStringWithNUL(_ message: any ProtoMessage) -> Bool {
        message.textFormatString().split(separator: "\n").contains { line in
            let field = line.drop { $0 == " " }
            guard let colon = field.firstIndex(of: ":") else { return false }
            let name = field[..<colon]
            let rest = field[colon...]
            guard rest.hasPrefix(": \""), name != "value", !name.allSatisfy(\.isNumber) else { return false }
            return literalContainsNUL(Array(rest.utf8.dropFirst(3)))
        }
    }

    /// Whether a C-escaped literal, as our printer writes it, spells a NUL (`\000`).
    private static func literalContainsNUL(_ literal: [UInt8]) -> Bool {
        var index = 0
        while index < literal.count {
            if literal[index] == UInt8(ascii: "\\") {
                if index + 3 < literal.count, literal[index + 1...index + 3] == [0x30, 0x30, 0x30] { return true }
                index += 2  // one escape: `\n`, `\\`, `\"`, or the first digit of `\ooo`
            } else {
                index += 1
            }
        }
        return false
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined(separator: " ")
    }
}
