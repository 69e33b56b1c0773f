import ArgumentParser

extension MLMDCommand {
    /// `mlmd types put FILE`, `mlmd types ls`: the artifact, execution and context types of a store.
    struct Types: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "types",
            abstract: "Load type definitions into a store, or list them.",
            subcommands: [Put.self, List.self]
        )
    }
}
