import MLMDProtos

/// The calls the clients make, the same for every server.
enum Workload {
    static let clients = 8
    static let idsPerRead = 100
    /// Artifacts put before the reads, so that every read finds 100 of them.
    static let seeded = 2_000

    static let artifactType = ArtifactType.with {
        $0.name = "BenchData"; $0.properties = ["split": .string, "span": .int]
    }

    /// The artifact every benchmark puts: a uri, two properties and one custom property, as in
    /// store-bench.
    static func artifact(typeID: Int64, _ index: Int) -> Artifact {
        .with {
            $0.typeID = typeID
            $0.uri = "/data/bench/\(index)"
            $0.properties["split"] = .with { $0.stringValue = index % 2 == 0 ? "train" : "eval" }
            $0.properties["span"] = .with { $0.intValue = Int64(index % 97) }
            $0.customProperties["accuracy"] = .with { $0.doubleValue = Double(index % 1000) / 1000 }
        }
    }

    /// 100 ids among the seeded artifacts, different for each call.
    static func readIDs(_ call: Int) -> [Int64] {
        let start = (call * 37) % (seeded - idsPerRead)
        return (0..<idsPerRead).map { Int64(start + $0 + 1) }
    }
}
