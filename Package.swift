// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "swift-ml-metadata",
    // Mutex (Synchronization) and grpc-swift-2 need these; Linux has no minimum.
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "ProtoWire", targets: ["ProtoWire"]),
        .library(name: "MLMDProtos", targets: ["MLMDProtos"]),
        .library(name: "ProtoWireGRPC", targets: ["ProtoWireGRPC"]),
        .library(name: "TFMetadataProtos", targets: ["TFMetadataProtos"]),
        .library(name: "SchemaInference", targets: ["SchemaInference"]),
        .library(name: "MLMetadata", targets: ["MLMetadata"]),
        .library(name: "MLMetadataPostgreSQL", targets: ["MLMetadataPostgreSQL"]),
        .library(name: "MLMetadataMySQL", targets: ["MLMetadataMySQL"]),
        .library(name: "MLMDClient", targets: ["MLMDClient"]),
        .library(name: "MLMDServer", targets: ["MLMDServer"]),
        .library(name: "LineageLayout", targets: ["LineageLayout"]),
        .library(name: "MLMDWeb", targets: ["MLMDWeb"]),
        .executable(name: "mlmd", targets: ["mlmd"]),
        .executable(name: "metadata_store_server", targets: ["metadata_store_server"]),
        .executable(name: "mlmd-protogen", targets: ["mlmd-protogen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-http2", from: "1.46.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // `swift package generate-documentation` (Scripts/build-docs.sh); builds nothing into the products.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The protobuf runtime: wire format, text format, well-known types. No dependencies.
        .target(name: "ProtoWire"),
        // Swift messages generated from Protos/ by mlmd-protogen (committed; see README), and the
        // service's status-code error.
        .target(name: "MLMDProtos", dependencies: ["ProtoWire"]),
        // Our codec as grpc-swift's message serializer, for the client and the server.
        .target(
            name: "ProtoWireGRPC",
            dependencies: ["ProtoWire", .product(name: "GRPCCore", package: "grpc-swift-2")]
        ),
        // tensorflow_metadata's Schema and statistics messages, generated the same way.
        .target(name: "TFMetadataProtos", dependencies: ["ProtoWire"]),
        // CSV statistics and schema inference as TensorFlow Data Validation does it.
        .target(name: "SchemaInference", dependencies: ["TFMetadataProtos"]),
        // Layered drawing of lineage graphs (the lineage browser's pictures); no dependencies.
        .target(name: "LineageLayout"),
        // The system SQLite library (libsqlite3-dev on Debian).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // The store: MetadataStore over SQLite (a file or in memory), with ml-metadata's semantics
        // and database layout; the seams the database server backends plug into.
        .target(name: "MLMetadata", dependencies: ["ProtoWire", "MLMDProtos", "CSQLite"]),
        // Stores in PostgreSQL databases, through PostgresNIO.
        .target(
            name: "MLMetadataPostgreSQL",
            dependencies: [
                "MLMetadata",
                "MLMDProtos",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // MariaDB Connector/C's interface, declared by us and loaded at run time, so that
        // building needs no MariaDB package.
        .target(name: "CMariaDB", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Stores in MySQL and MariaDB databases, through MariaDB Connector/C (libmariadb3 at run time).
        .target(name: "MLMetadataMySQL", dependencies: ["MLMetadata", "MLMDProtos", "CMariaDB"]),
        // The gRPC client of any MLMD server.
        .target(
            name: "MLMDClient",
            dependencies: [
                "ProtoWire",
                "MLMDProtos",
                "ProtoWireGRPC",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ]
        ),
        // The lineage browser's pages, rendered from a store's read calls; no HTTP server of its own.
        .target(name: "MLMDWeb", dependencies: ["ProtoWire", "MLMDProtos", "MLMetadata", "MLMDClient", "LineageLayout"]),
        // The gRPC server: ml_metadata.MetadataStoreService and grpc.health.v1.Health over HTTP/2,
        // on a store of any backend it is given.
        .target(
            name: "MLMDServer",
            dependencies: [
                "ProtoWire",
                "MLMDProtos",
                "ProtoWireGRPC",
                "MLMetadata",
                "MLMDWeb",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The generator: reads a FileDescriptorSet from protoc and writes Swift sources.
        .executableTarget(name: "mlmd-protogen", dependencies: ["ProtoWire"]),
        // The `mlmd` commands, for the two executables below.
        .target(
            name: "MLMDCommandLine",
            dependencies: [
                "ProtoWire",
                "MLMDProtos",
                "MLMetadata",
                "MLMetadataPostgreSQL",
                "MLMetadataMySQL",
                "MLMDClient",
                "MLMDServer",
                "MLMDWeb",
                "SchemaInference",
                "TFMetadataProtos",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Chicago taxi trips (15,002), shipped for `mlmd demo`; the schema inference tests read them too.
            resources: [.copy("Resources/chicago_taxi")]
        ),
        .executableTarget(name: "mlmd", dependencies: ["MLMDCommandLine"]),
        // `mlmd serve` under the name of ml-metadata's server binary, taking its arguments.
        .executableTarget(name: "metadata_store_server", dependencies: ["MLMDCommandLine"]),
        .testTarget(name: "ProtoWireTests", dependencies: ["ProtoWire"]),
        // Golden/ holds expected outputs the tests read from the source tree.
        .testTarget(
            name: "mlmdTests",
            dependencies: [
                "mlmd", "metadata_store_server", "MLMDCommandLine", "MLMDClient", "ProtoWire", "MLMDProtos", "MLMetadata",
                "MLMetadataPostgreSQL",
                "MLMetadataMySQL",
            ],
            exclude: ["Golden", "Oracle"]
        ),
        .testTarget(name: "LineageLayoutTests", dependencies: ["LineageLayout"]),
        .testTarget(name: "MLMDWebTests", dependencies: ["MLMDWeb", "MLMetadata", "MLMDProtos"]),
        .testTarget(name: "SchemaInferenceTests", dependencies: ["SchemaInference", "TFMetadataProtos"], resources: [.copy("Golden")]),
        // Oracle/ holds the Python scripts the compatibility tests run under the real ml-metadata.
        .testTarget(
            name: "MLMetadataTests",
            dependencies: ["ProtoWire", "MLMDProtos", "MLMetadata", "MLMetadataPostgreSQL", "MLMetadataMySQL"],
            exclude: ["Oracle"]
        ),
        // Holds the MySQL backend's C declarations against MariaDB's own headers, and its SQL rewriting.
        .testTarget(name: "MLMetadataMySQLTests", dependencies: ["MLMetadataMySQL"]),
        .testTarget(
            name: "MLMDServerTests",
            dependencies: [
                "ProtoWire",
                "MLMDProtos",
                "ProtoWireGRPC",
                "MLMDServer",
                "MLMDClient",
                "MLMetadata",
                "MLMetadataPostgreSQL",
                "MLMetadataMySQL",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ]
        ),
        .testTarget(
            name: "MLMDProtosTests",
            dependencies: ["ProtoWire", "MLMDProtos", "TFMetadataProtos"],
            resources: [.copy("Golden"), .copy("GoldenJSON")]
        ),
    ]
)
