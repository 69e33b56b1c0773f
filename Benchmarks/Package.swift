// swift-tools-version: 6.0
// Benchmarks for swift-ml-metadata: its protobuf codec against SwiftProtobuf and Python
// protobuf (upb), and its store and server against ml-metadata 1.17.1. A separate package: the
// root package does not depend on it.
// Run: cd Benchmarks && swift run -c release codec-bench   (or store-bench, server-bench, web-bench, sqlite-floor; see README.md)
import PackageDescription

let package = Package(
    name: "swift-ml-metadata-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // `name:` pins the identity: a path package is otherwise named after its folder.
        .package(name: "swift-ml-metadata", path: ".."),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    ],
    targets: [
        // SwiftProtobuf's generated code for Protos/ml_metadata/proto/metadata_store.proto
        // (committed; regenerate with the command in README.md).
        .target(
            name: "SwiftProtobufMLMD",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .executableTarget(
            name: "codec-bench",
            dependencies: [
                "SwiftProtobufMLMD",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "MLMDProtos", package: "swift-ml-metadata"),
                .product(name: "ProtoWire", package: "swift-ml-metadata"),
            ]
        ),
        // MetadataStore against ml-metadata (mlmd_store_bench.py), same workload, on SQLite files or
        // on a PostgreSQL or MySQL server.
        .executableTarget(
            name: "store-bench",
            dependencies: [
                .product(name: "MLMetadata", package: "swift-ml-metadata"),
                .product(name: "MLMetadataPostgreSQL", package: "swift-ml-metadata"),
                .product(name: "MLMetadataMySQL", package: "swift-ml-metadata"),
                .product(name: "MLMDProtos", package: "swift-ml-metadata"),
            ]
        ),
        // Plain SQLite with store-bench's batched workload in ml-metadata's layout: the file format's floor.
        .executableTarget(
            name: "sqlite-floor",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        // The lineage browser's pages on a big store: server time per page, and loads in headless Chromium.
        .executableTarget(
            name: "web-bench",
            dependencies: [
                .product(name: "MLMDWeb", package: "swift-ml-metadata"),
                .product(name: "MLMDServer", package: "swift-ml-metadata"),
                .product(name: "MLMetadata", package: "swift-ml-metadata"),
                .product(name: "MLMDProtos", package: "swift-ml-metadata"),
            ]
        ),
        // gRPC: our server against ml-metadata's behind gRPC and a do-nothing grpc-swift-2 handler.
        .executableTarget(
            name: "server-bench",
            dependencies: [
                .product(name: "MLMDClient", package: "swift-ml-metadata"),
                .product(name: "MLMDServer", package: "swift-ml-metadata"),
                .product(name: "MLMetadata", package: "swift-ml-metadata"),
                .product(name: "MLMetadataPostgreSQL", package: "swift-ml-metadata"),
                .product(name: "MLMetadataMySQL", package: "swift-ml-metadata"),
                .product(name: "ProtoWireGRPC", package: "swift-ml-metadata"),
                .product(name: "MLMDProtos", package: "swift-ml-metadata"),
                .product(name: "ProtoWire", package: "swift-ml-metadata"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ]
        ),
    ]
)
