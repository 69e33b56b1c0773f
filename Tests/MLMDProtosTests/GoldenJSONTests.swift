import Foundation
import MLMDProtos
import ProtoWire
import TFMetadataProtos
import Testing

/// One case of `GoldenJSON/manifest.tsv`, made by Scripts/make-json-vectors.py with Python
/// protobuf's `json_format`: canonical bytes, the JSON `MessageToJson` prints for them, and for
/// `json-input` cases hand-written JSON that `json_format.Parse` reads to those bytes.
struct GoldenJSONCase: CustomTestStringConvertible, Sendable {
    let name: String
    let typeName: String
    let kind: String

    var testDescription: String { name }

    static let directory: URL = Bundle.module.url(forResource: "GoldenJSON", withExtension: nil)!

    /// The ml_metadata, swift_ml_metadata and tensorflow_metadata messages and the well-known types.
    static let registry = ProtoTypeRegistry.mlmd.merging(.tensorflowMetadata)

    static let all: [GoldenJSONCase] = {
        let manifest = try! String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        return manifest.split(separator: "\n").map { line in
            let columns = line.split(separator: "\t").map(String.init)
            return GoldenJSONCase(name: columns[0], typeName: columns[1], kind: columns[2])
        }
    }()

    func bytes(_ suffix: String) -> [UInt8] {
        [UInt8](try! Data(contentsOf: Self.directory.appendingPathComponent(name + suffix)))
    }

    var messageType: any ProtoMessage.Type { Self.registry.type(named: typeName)! }
}

/// Our JSON against Python protobuf's: the same text for the same message, and the same message
/// from the same text.
@Suite struct GoldenJSONTests {
    @Test func manifestCoversEveryMessageType() {
        let covered = Set(GoldenJSONCase.all.map(\.typeName))
        let shipped: Set = [
            "google.protobuf.Any", "google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue",
            "google.protobuf.FieldMask",
        ]
        let missing = GoldenJSONCase.registry.names.filter {
            !covered.contains($0) && (!$0.hasPrefix("google.protobuf.") || shipped.contains($0))
        }
        #expect(missing == [])
    }

    @Test(arguments: GoldenJSONCase.all)
    func printedJSONMatchesPython(_ golden: GoldenJSONCase) throws {
        try checkPrint(golden.messageType, bytes: golden.bytes(".bin"), expected: golden.bytes(".json"))
    }

    @Test(arguments: GoldenJSONCase.all.filter { $0.kind != "print-only" })
    func parsedJSONEncodesToCanonicalBytes(_ golden: GoldenJSONCase) throws {
        let json = golden.bytes(golden.kind == "json-input" ? ".input.json" : ".json")
        try checkParse(golden.messageType, json: json, canonical: golden.bytes(".bin"))
    }

    private func checkPrint<M: ProtoMessage>(_ type: M.Type, bytes: [UInt8], expected: [UInt8]) throws {
        let message = try M(serializedBytes: bytes)
        let printed = try message.jsonUTF8Bytes(registry: GoldenJSONCase.registry)
        #expect(String(decoding: printed, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    private func checkParse<M: ProtoMessage>(_ type: M.Type, json: [UInt8], canonical: [UInt8]) throws {
        let parsed = try M(jsonUTF8Bytes: json, registry: GoldenJSONCase.registry)
        #expect(parsed.serializedBytes() == canonical)
    }
}
