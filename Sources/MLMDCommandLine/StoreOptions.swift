import ArgumentParser
import Foundation
import MLMDClient
import MLMDProtos
import MLMetadata

/// `--db`: the store a command works on (every command but `serve`, whose default is a store in memory).
struct StoreOptions: ParsableArguments {
    @Option(
        help:
            "The store: an SQLite file path, memory: for an empty store in memory, postgresql://USER:PASSWORD@HOST:PORT/DBNAME, mysql://USER:PASSWORD@HOST:PORT/DATABASE, or grpc://HOST:PORT for an ML Metadata server (ours or ml-metadata's)."
    )
    var db = "mlmd.sqlite"

    /// Runs `body` with the store: a client of the server when `--db` is `grpc://…`, else the
    /// database opened in this process (`openStore`). A store error becomes one line naming the store.
    func withStore<T: Sendable>(creating: Bool, _ body: (any MetadataStoreServiceProtocol) async throws -> T) async throws -> T {
        if let server = try DatabaseArgument.server(db) {
            return try await reporting {
                try await MetadataStoreClient.withConnection(host: server.host, port: server.port, token: Self.serverToken) { client in
                    try await body(client)
                }
            }
        }
        let store = try openStore(creating: creating)
        return try await reporting { try await body(store) }
    }

    /// The token a server started with `--auth-token-file` wants, from `MLMD_AUTH_TOKEN` (an
    /// environment variable rather than a flag, so that it stays out of the process list).
    static var serverToken: String? {
        ProcessInfo.processInfo.environment["MLMD_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens the database in this process. Commands that only read pass `creating: false`, so
    /// that a mistyped path is an error rather than a new empty file.
    func openStore(creating: Bool) throws -> MetadataStore {
        let config = try DatabaseArgument.connectionConfig(db)
        if !creating { try requireExisting(config) }
        do {
            return try MetadataStore(config: config, backends: DatabaseBackend.all)
        } catch {
            throw StandardStreams.failure("\(db): cannot open the store: \(error)")
        }
    }

    /// Fails when `config` is an SQLite file that does not exist: a command that only reads
    /// should say so rather than create an empty store.
    func requireExisting(_ config: ConnectionConfig) throws {
        if case .sqlite = config.config, !db.hasPrefix("file:"), !FileManager.default.fileExists(atPath: db) {
            throw StandardStreams.failure("\(db): no such store; give its path with --db")
        }
    }

    /// Runs store calls; their error becomes one line naming the store.
    func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw oneLine(error)
        }
    }

    /// Runs store calls in a synchronous context (an import's transaction); as `reporting`.
    func reportingNow<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw oneLine(error)
        }
    }

    /// The error as one line naming the store (store messages can quote a type over several
    /// lines); an exit (its line already written) passes as it is.
    private func oneLine(_ error: any Error) -> any Error {
        if error is ExitCode { return error }
        let message = "\(error)".split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return StandardStreams.failure("\(db): \(message)")
    }
}
