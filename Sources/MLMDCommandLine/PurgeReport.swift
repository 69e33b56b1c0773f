import MLMDProtos

/// What `mlmd purge` prints: one line per kind of record, the sample of ids, and whether
/// anything was deleted.
enum PurgeReport {
    static func lines(_ response: PurgeResponse, compacted: Bool) -> String {
        let counts = response.counts
        let sample = response.sampleIDs.isEmpty ? "none" : response.sampleIDs.map(String.init).joined(separator: " ")
        let outcome =
            response.dryRun
            ? "dry run: nothing was deleted; add --force to delete"
            : compacted ? "deleted, and the store compacted" : "deleted"
        return """
            artifacts: \(counts.artifacts)
            executions: \(counts.executions)
            contexts: \(counts.contexts)
            events: \(counts.events)
            attributions: \(counts.attributions)
            associations: \(counts.associations)
            parent links: \(counts.parentLinks)
            sample ids: \(sample)
            \(outcome)

            """
    }

    /// The running counts, for the progress line.
    static func progress(_ response: PurgeResponse) -> String {
        let counts = response.counts
        return "\(counts.artifacts) artifacts, \(counts.executions) executions, \(counts.contexts) contexts, \(counts.events) events"
    }
}
