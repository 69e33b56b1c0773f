import Foundation
import ProtoWire

// mlmd-protogen DESCRIPTOR_SET SOURCES_DIR
//
// Turns the FileDescriptorSet that `protoc --include_imports --descriptor_set_out` writes for
// Protos/ into Swift: the well-known types into SOURCES_DIR/ProtoWire/WellKnownTypes, the
// ml_metadata messages into SOURCES_DIR/MLMDProtos, tensorflow_metadata's Schema and statistics
// into SOURCES_DIR/TFMetadataProtos, and gRPC's health protocol into SOURCES_DIR/MLMDServer/Health.
// Scripts/generate-protos.sh runs both steps.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("mlmd-protogen: \(message)\n".utf8))
    exit(1)
}

func readFile(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return [UInt8](data)
}

func writeFile(_ path: String, _ text: String) {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
        fail("cannot write \(path): \(error)")
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else { fail("usage: mlmd-protogen DESCRIPTOR_SET SOURCES_DIR") }
let files: [FileDescriptor]
do {
    files = try DescriptorDecoding.fileSet(readFile(arguments[1]))
} catch {
    fail("\(arguments[1]): \(error)")
}
let sources = arguments[2]
let symbols = SymbolTable(files: files)

// Well-known types, in the runtime. Of descriptor.proto only what the MLMD options use.
let wellKnown = FileEmitter(symbols: symbols, registryExpression: ".wellKnownTypes", importRuntime: false)
let wellKnownFiles = ["google/protobuf/any.proto", "google/protobuf/struct.proto", "google/protobuf/field_mask.proto"]
var wellKnownMessages: [String] = []
for file in files where wellKnownFiles.contains(file.name) {
    let base = file.name.split(separator: "/").last!.replacingOccurrences(of: ".proto", with: "")
    writeFile("\(sources)/ProtoWire/WellKnownTypes/\(base).pb.swift", wellKnown.source(for: file, only: nil))
    wellKnownMessages += symbols.messages.filter {
        $0.key.hasPrefix(".google.protobuf.") && symbols.closure(of: file.messages.map { ".\(file.package).\($0.name)" }).contains($0.key)
    }
    .filter { !$0.value.descriptor.isMapEntry }.map(\.value.swiftName)
}
if let descriptorFile = files.first(where: { $0.name == "google/protobuf/descriptor.proto" }) {
    let needed = symbols.closure(of: [".google.protobuf.EnumValueOptions"])
    writeFile("\(sources)/ProtoWire/WellKnownTypes/descriptor.pb.swift", wellKnown.source(for: descriptorFile, only: needed))
    wellKnownMessages += needed.compactMap { symbols.messages[$0] }.filter { !$0.descriptor.isMapEntry }.map(\.swiftName)
}
writeFile(
    "\(sources)/ProtoWire/WellKnownTypes/WellKnownTypeRegistry.pb.swift",
    wellKnown.registrySource(
        name: "wellKnownTypes", property: "wellKnownTypes",
        comment: "The well-known types this runtime ships (Any, Struct, Value, ListValue, FieldMask, EnumValueOptions).",
        messages: Array(Set(wellKnownMessages)).sorted(), merging: nil))

/// Writes the messages of `packages` into SOURCES_DIR/FOLDER, one file per .proto, with a type
/// registry `ProtoTypeRegistry.REGISTRY` of every message (nested ones too) and the well-known types.
@MainActor func emitModule(packages: [String], folder: String, registry: String, registryFile: String, comment: String) {
    let emitter = FileEmitter(symbols: symbols, registryExpression: ".\(registry)", importRuntime: true)
    var messages: [String] = []
    for file in files where packages.contains(file.package) {
        let package = file.package
        let base = file.name.split(separator: "/").last!.replacingOccurrences(of: ".proto", with: "")
        writeFile("\(sources)/\(folder)/\(base).pb.swift", emitter.source(for: file, only: nil))
        messages += symbols.messages.filter {
            $0.key.hasPrefix(".\(package).") && !$0.value.descriptor.isMapEntry
                && symbols.closure(of: file.messages.map { ".\(package).\($0.name)" }).contains($0.key)
        }.map(\.value.swiftName)
    }
    writeFile(
        "\(sources)/\(folder)/\(registryFile)",
        emitter.registrySource(
            name: registry, property: registry, comment: comment, messages: Array(Set(messages)).sorted(), merging: ".wellKnownTypes"))
}

// ml_metadata, and our own services beside it (swift_ml_metadata), in one module.
emitModule(
    packages: ["ml_metadata", "swift_ml_metadata"], folder: "MLMDProtos", registry: "mlmd", registryFile: "MLMDTypeRegistry.pb.swift",
    comment: "Every ml_metadata and swift_ml_metadata message, nested ones included, and the well-known types.")

// tensorflow_metadata (Schema, statistics), in its own module. Its names carry no prefix: none
// clashes with an ml_metadata name, and they read as in TFDV (`Schema`, `Feature`, `FeatureType.int`).
emitModule(
    packages: ["tensorflow.metadata.v0"], folder: "TFMetadataProtos", registry: "tensorflowMetadata",
    registryFile: "TFMetadataTypeRegistry.pb.swift",
    comment: "Every tensorflow.metadata.v0 message, nested ones included, and the well-known types.")

// gRPC's health checking protocol, for the server.
let health = FileEmitter(symbols: symbols, registryExpression: ".wellKnownTypes", importRuntime: true)
for file in files where file.package == "grpc.health.v1" {
    let base = file.name.split(separator: "/").last!.replacingOccurrences(of: ".proto", with: "")
    writeFile("\(sources)/MLMDServer/Health/\(base).pb.swift", health.source(for: file, only: nil))
}

// The OpenAPI document of the services the server offers over HTTP.
let servedServices = files.filter { ["ml_metadata", "swift_ml_metadata"].contains($0.package) }
    .flatMap { file in file.services.map { (package: file.package, service: $0) } }
writeFile(
    "\(sources)/MLMDServer/HTTP/OpenAPIDocument.pb.swift", OpenAPIEmitter(symbols: symbols).source(services: servedServices))
