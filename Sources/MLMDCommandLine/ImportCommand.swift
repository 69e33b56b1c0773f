import ArgumentParser
import MLMDProtos
import MLMetadata

extension MLMDCommand {
    /// `mlmd import < dump.pb`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a dump from `mlmd export` (binary or text, on standard input) to the store.",
            discussion: """
                Every record already in the store stays. Types are matched by name; nodes get new ids, and \
                events and relations follow them; nodes keep their creation and update times. Either all \
                of the dump is added or, on any error, none of it. A grpc:// server cannot take a dump in \
                one transaction: import into its database instead (its SQLite file, or its postgresql:// \
                or mysql:// URL), which is safe while it runs.
                """
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            if try DatabaseArgument.server(store.db) != nil {
                throw StandardStreams.failure(
                    "--db \(store.db): a server cannot add a dump all-or-nothing (gRPC has no transaction across calls); import into the server's database (its SQLite file, or its postgresql:// or mysql:// URL), which is safe while it runs"
                )
            }
            let graph = try MessageFile.decode(LineageGraph.self, bytes: try StandardStreams.readInput(), source: "standard input")
            let total = StoreDumpLoader.recordCount(graph)
            var progress = TerminalProgress(label: "mlmd import")
            let counts = try AtomicImport.run(store) { metadataStore in
                // Cleared before any error line, which then starts on a line of its own.
                defer { progress.finish() }
                return try store.reportingNow {
                    try StoreDumpLoader(store: metadataStore) { progress.update(done: $0, total: total) }.load(graph)
                }
            }
            let summary = "imported \(counts.types) types, \(counts.nodes) nodes, \(counts.events) events, \(counts.relations) relations\n"
            try StandardStreams.writeOutput(Array(summary.utf8))
        }
    }
}
