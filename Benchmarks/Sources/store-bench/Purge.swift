import MLMDProtos
import MLMetadata

// The purge workload (`--purge`): a store of N artifacts, each with its properties, an event
// and an attribution, put in batches of 1,000; then 10% of them (split = eval) purged with
// their events and attributions, in the purge's default batches. Once at 20,000 artifacts and
// once at N, so that the cost per artifact can be compared across sizes. ml-metadata cannot
// delete, so the purge is compared with putting the same records in our store.

/// Insert and purge rates at one store size.
struct PurgeResult {
    var artifacts: Int
    /// Artifacts put per second, each with its event and attribution.
    var insertRate: Double
    var purged: Int64
    var purgedEvents: Int64
    var purgedAttributions: Int64
    /// Artifacts purged per second, with their events and attributions.
    var purgeRate: Double
}

func benchmarkPurge(artifacts n: Int) throws -> PurgeResult {
    try withFreshStore("purge") { store, typeID in
        let executionTypeID = try store.putExecutionType(.with { $0.name = "Trainer" })
        let contextTypeID = try store.putContextType(.with { $0.name = "Pipeline" })
        let execution = try store.putExecutions([.with { $0.typeID = executionTypeID }])[0]
        let context = try store.putContexts([
            .with {
                $0.typeID = contextTypeID; $0.name = "runs"
            }
        ])[0]
        let (insertSeconds, _) = try timed {
            for start in stride(from: 0, to: n, by: Workload.batch) {
                let ids = try store.putArtifacts((start..<min(start + Workload.batch, n)).map { makeArtifact(typeID: typeID, $0) })
                try store.putEvents(
                    ids.map { id in
                        .with {
                            $0.artifactID = id; $0.executionID = execution; $0.type = .output
                        }
                    })
                _ = try store.putAttributionsAndAssociations(
                    .with {
                        $0.attributions = ids.map { id in
                            .with {
                                $0.artifactID = id; $0.contextID = context
                            }
                        }
                    })
                if start % 100_000 == 0 { log("  \(start) of \(n) artifacts put") }
            }
        }
        log("  purging split = eval ...")
        let (purgeSeconds, response) = try timed {
            try store.purgeArtifacts(
                .with {
                    $0.filterQuery = "properties.split.string_value = 'eval'"; $0.dryRun = false
                })
        }
        return PurgeResult(
            artifacts: n, insertRate: Double(n) / insertSeconds, purged: response.counts.artifacts,
            purgedEvents: response.counts.events, purgedAttributions: response.counts.attributions,
            purgeRate: Double(response.counts.artifacts) / purgeSeconds)
    }
}

func runPurgeWorkload(artifacts n: Int, markdown: Bool) throws {
    let sizes = n > 20_000 ? [20_000, n] : [n]
    var results: [PurgeResult] = []
    for size in sizes {
        log("purge workload: \(size) artifacts ...")
        results.append(try benchmarkPurge(artifacts: size))
    }
    let rows = results.map { result in
        [
            fmt(Double(result.artifacts)), fmt(result.insertRate), fmt(result.purgeRate),
            String(format: "%.2f×", result.purgeRate / result.insertRate), fmt(1e6 / result.purgeRate, digits: 1),
        ]
    }
    var notes = results.map { result in
        "\(result.artifacts) artifacts: purged \(result.purged) (expected \(result.artifacts / 10)), "
            + "\(result.purgedEvents) events, \(result.purgedAttributions) attributions"
    }
    if results.count == 2 {
        notes.append(
            String(
                format: "time per purged artifact at %d / at %d: %.2f×", results[1].artifacts, results[0].artifacts,
                results[0].purgeRate / results[1].purgeRate))
    }
    printTable(
        summary: "\(DatabaseServer.placeDescription); artifacts put in batches of 1,000 with an event and an attribution each, "
            + "then the 10% with split = eval purged (filter on a property, batches of \(PurgeOperation.defaultBatchSize)).",
        header: ["Artifacts in store", "put artifacts/s", "purge artifacts/s", "purge / put", "µs per purged artifact"],
        rows: rows, notes: notes, markdown: markdown)
}
