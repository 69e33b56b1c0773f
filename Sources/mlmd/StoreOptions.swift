import ArgumentParser
import Foundation
import MLMDProtos
import MLMetadata

/// `--db`: the store a command works on (every command but `serve`, whose default is a store in memory).
struct StoreOptions: ParsableArguments {
    @Option(help: "The store: an SQLite file path, or memory: for an empty store in memory.")
    var db = "mlmd.sqlite"

    /// Opens the store. Commands that only read pass `creating: false`, so that a mistyped path is
    /// an error rather than a new empty file.
    func openStore(creating: Bool) throws -> MetadataStore {
        let config = try DatabaseArgument.connectionConfig(db)
        if !creating, case .sqlite = config.config, !db.hasPrefix("file:"), !FileManager.default.fileExists(atPath: db) {
            throw StandardStreams.failure("\(db): no such store; give its path with --db")
        }
        do {
            return try MetadataStore(config: config)
        } catch {
            throw StandardStreams.failure("\(db): cannot open the store: \(error)")
        }
    }

    /// Runs a store call; its error becomes one line naming the store (store messages can quote a
    /// type over several lines).
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let message = "\(error)".split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            throw StandardStreams.failure("\(db): \(message)")
        }
    }
}
