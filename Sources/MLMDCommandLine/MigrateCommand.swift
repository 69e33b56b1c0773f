import ArgumentParser
import Foundation
import MLMDProtos
import MLMetadata

extension MLMDCommand {
    /// `mlmd migrate --db mlmd.sqlite [--to 7] [--dry-run]`
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upgrade or downgrade a store's schema version, as ml-metadata 1.17.1 does.",
            discussion: """
                Without --to, upgrades a store of an older schema version (0 … 9) to version 10, the one this \
                library and ml-metadata 1.17.1 use; --to 0 … 9 downgrades (losing what the older version cannot \
                hold). Prints "schema version BEFORE → AFTER". --dry-run prints each step and its SQL instead, \
                and changes nothing. --db takes an SQLite file, postgresql://… or mysql://…; a server (grpc://) \
                migrates its own database: start it with --enable_database_upgrade.
                """
        )

        @OptionGroup var store: StoreOptions

        // Read as text, so that any bad version (-1 too, which would pass for an option) is one line.
        @Option(parsing: .unconditional, help: "The schema version to migrate to, 0 … 10 (default 10).")
        var to: String?

        @Flag(help: "Print the steps and statements of the migration without running them.")
        var dryRun = false

        /// The version `--to` names.
        private var target: Int64 { to.flatMap { Int64($0) } ?? MetadataStore.schemaVersion }

        func validate() throws {
            if let to, !(Int64(to).map { (0...MetadataStore.schemaVersion).contains($0) } ?? false) {
                throw Self.usageError("--to \(to): schema versions are 0 … \(MetadataStore.schemaVersion)")
            }
            if store.db.hasPrefix("grpc://") {
                throw Self.usageError("--db \(store.db): a server migrates its own database: start it with --enable_database_upgrade")
            }
        }

        func run() async throws {
            let config = try DatabaseArgument.connectionConfig(store.db)
            if case .sqlite = config.config, !store.db.hasPrefix("file:"), !FileManager.default.fileExists(atPath: store.db) {
                throw StandardStreams.failure("\(store.db): no such store; give its path with --db")
            }
            let report = try store.reportingNow {
                try MetadataStore.migrate(config: config, toSchemaVersion: target, dryRun: dryRun, backends: DatabaseBackend.all)
            }
            try StandardStreams.writeOutput(Array(Self.describe(report).utf8))
        }

        /// `schema version 7 → 10`, and for a dry run each step and its statements below.
        static func describe(_ report: MigrationReport) -> String {
            var text = "schema version \(report.versionBefore) → \(report.versionAfter)"
            guard report.dryRun else { return text + "\n" }
            text += " (dry run: nothing was changed)\n"
            for step in report.steps {
                text += "step \(step.from) → \(step.to):\n" + step.statements.map { "  \($0)\n" }.joined()
            }
            return text
        }

        /// A usage error as one line, `mlmd migrate: MESSAGE`, and exit status 2.
        private static func usageError(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("mlmd migrate: \(message)\n".utf8))
            return ExitCode(2)
        }
    }
}
