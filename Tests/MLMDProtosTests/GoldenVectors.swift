import Foundation
import MLMDProtos
import ProtoWire
import Testing

/// One case of `Golden/manifest.tsv`: files made by Scripts/make-golden-vectors.py with the
/// real protobuf (Python, deterministic serialization) and `protoc --decode` / `--encode`.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    enum Kind: String, Sendable {
        /// `NAME.bin` (canonical bytes) and `NAME.txt` (protoc's text for them).
        case binary
        /// Also `NAME.input.bin`: non-canonical bytes that must re-encode to `NAME.bin`.
        case binaryInput = "binary-input"
        /// Also `NAME.input.txt`: text that must parse to `NAME.bin`.
        case textInput = "text-input"
    }

    let name: String
    let typeName: String
    let kind: Kind

    var testDescription: String { name }

    static let directory: URL = Bundle.module.url(forResource: "Golden", withExtension: nil)!

    static let all: [GoldenCase] = {
        let manifest = try! String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        return manifest.split(separator: "\n").map { line in
            let columns = line.split(separator: "\t").map(String.init)
            return GoldenCase(name: columns[0], typeName: columns[1], kind: Kind(rawValue: columns[2])!)
        }
    }()

    func bytes(_ suffix: String) -> [UInt8] {
        [UInt8](try! Data(contentsOf: Self.directory.appendingPathComponent(name + suffix)))
    }

    func text(_ suffix: String) -> String {
        String(decoding: bytes(suffix), as: UTF8.self)
    }

    var messageType: any ProtoMessage.Type {
        ProtoTypeRegistry.mlmd.type(named: typeName)!
    }
}
