import ArgumentParser
import MLMDProtos
import MLMetadata

extension MLMDCommand {
    /// `mlmd import < dump.pb`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a dump from `mlmd export` (binary or text, on standard input) to the store.",
            discussion: """
                Every record already in the store stays. Types are matched by name; nodes get new ids and \
                events and relations follow them. Either all of the dump is added or, on any error, none of it.
                """
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            let graph = try MessageFile.decode(LineageGraph.self, bytes: try StandardStreams.readInput(), source: "standard input")
            let counts = try AtomicImport.run(store) { metadataStore in
                try store.reporting { try StoreDumpLoader(store: metadataStore).load(graph) }
            }
            let summary = "imported \(counts.types) types, \(counts.nodes) nodes, \(counts.events) events, \(counts.relations) relations\n"
            try StandardStreams.writeOutput(Array(summary.utf8))
        }
    }
}
