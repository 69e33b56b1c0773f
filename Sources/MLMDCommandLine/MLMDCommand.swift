import ArgumentParser

/// The `mlmd` command line: ML Metadata from the shell.
package struct MLMDCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "mlmd",
        abstract: "ML Metadata in Swift: records of artifacts, executions and contexts, and their lineage.",
        subcommands: [
            Demo.self, Proto.self, Serve.self, InferSchema.self, Types.self, List.self, Show.self, Lineage.self, Export.self, Import.self,
            Migrate.self, Purge.self, UI.self,
        ]
    )
}
