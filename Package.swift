// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "swift-ml-metadata",
    products: [
        .library(name: "ProtoWire", targets: ["ProtoWire"]),
        .library(name: "MLMDProtos", targets: ["MLMDProtos"]),
        .library(name: "MLMetadata", targets: ["MLMetadata"]),
        .executable(name: "mlmd", targets: ["mlmd"]),
        .executable(name: "mlmd-protogen", targets: ["mlmd-protogen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The protobuf runtime: wire format, text format, well-known types. No dependencies.
        .target(name: "ProtoWire"),
        // Swift messages generated from Protos/ by mlmd-protogen (committed; see README).
        .target(name: "MLMDProtos", dependencies: ["ProtoWire"]),
        // The system SQLite library (libsqlite3-dev on Debian).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // The store: MetadataStore over SQLite (file or in memory), ml-metadata's semantics and file format.
        .target(name: "MLMetadata", dependencies: ["MLMDProtos", "CSQLite"]),
        // The generator: reads a FileDescriptorSet from protoc and writes Swift sources.
        .executableTarget(name: "mlmd-protogen", dependencies: ["ProtoWire"]),
        .executableTarget(
            name: "mlmd",
            dependencies: [
                "MLMDProtos",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ProtoWireTests", dependencies: ["ProtoWire"]),
        .testTarget(name: "mlmdTests", dependencies: ["mlmd"]),
        .testTarget(name: "MLMetadataTests", dependencies: ["MLMetadata"]),
        .testTarget(
            name: "MLMDProtosTests",
            dependencies: ["MLMDProtos"],
            resources: [.copy("Golden")]
        ),
    ]
)
