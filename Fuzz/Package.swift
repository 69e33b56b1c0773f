// swift-tools-version: 6.0
// libFuzzer targets for swift-ml-metadata: the binary decoder, the text parser and the JSON parser of every
// request and response of ml_metadata.MetadataStoreService (with round trips), and the
// filter-query parser and planner. A separate package: the root package does not depend on it.
// Build and run: see README.md (the fuzzer and address sanitizer flags go on the command line).
import PackageDescription

let package = Package(
    name: "swift-ml-metadata-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        // `name:` pins the identity: a path package is otherwise named after its folder.
        .package(name: "swift-ml-metadata", path: "..")
    ],
    targets: [
        // The 104 message types of the service, chosen by an input byte, and the round-trip checks.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "MLMDProtos", package: "swift-ml-metadata"),
                .product(name: "ProtoWire", package: "swift-ml-metadata"),
            ]
        ),
        // Each executable defines LLVMFuzzerTestOneInput; libFuzzer supplies main (-parse-as-library).
        .executableTarget(name: "fuzz-binary", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-text", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzSupport"]),
        .executableTarget(
            name: "fuzz-filter",
            dependencies: [.product(name: "MLMetadata", package: "swift-ml-metadata")]
        ),
    ]
)
