import MLMDProtos
import MLMetadata
import NIOPosix

/// Where the server runs store calls. Store calls block (SQLite works in the calling thread, and
/// a database server's connection waits for its answers), so they run on threads of their own
/// instead of Swift's cooperative pool, which has only as many threads as cores and must keep
/// answering the network.
///
/// Writes take one lane, one at a time, on one connection: SQLite allows a single writer, and
/// queueing here in order is fairer and cheaper than connections racing for the file lock. Reads
/// of a file or of a PostgreSQL or MySQL database take the other lane, each on a connection of
/// its own, so readers never wait for each other or for the writer. A store in memory lives on
/// one connection, so there every call takes the write lane.
final class StoreLanes: Sendable {
    private let writer: MetadataStore
    private let writeThread: NIOThreadPool
    private let readers: ReaderStores?
    private let readThreads: NIOThreadPool?

    /// Opens the store `config` names (creating it if needed, migrating it as `migration` says)
    /// on SQLite or one of `backends`, and starts the lanes' threads.
    ///
    /// - Throws: `MetadataStoreError` when the store cannot be opened.
    init(
        config: ConnectionConfig, migration: MigrationOptions = MigrationOptions(), backends: [DatabaseBackend], readThreadCount: Int
    ) throws {
        writer = try MetadataStore(config: config, migration: migration, backends: backends)
        writeThread = NIOThreadPool(numberOfThreads: 1)
        writeThread.start()
        if config.opensManyConnections, readThreadCount > 0 {
            readers = try ReaderStores(config: config, backends: backends, count: readThreadCount)
            let threads = NIOThreadPool(numberOfThreads: readThreadCount)
            threads.start()
            readThreads = threads
        } else {
            readers = nil
            readThreads = nil
        }
    }

    /// Read connections not lent to a call now (0 for a store in memory, which has none).
    var idleReadConnections: Int { readers?.idleCount ?? 0 }

    /// Runs a call that changes the store.
    func write<Response: Sendable>(_ call: @escaping @Sendable (MetadataStore) throws -> Response) async throws -> Response {
        let writer = self.writer
        return try await writeThread.runIfActive { try call(writer) }
    }

    /// Runs a call that only reads the store.
    func read<Response: Sendable>(_ call: @escaping @Sendable (MetadataStore) throws -> Response) async throws -> Response {
        guard let readers, let readThreads else { return try await write(call) }
        return try await readThreads.runIfActive { try readers.withStore(call) }
    }

    /// Stops the threads once the calls already queued have run.
    func shutdown() async throws {
        try await readThreads?.shutdownGracefully()
        try await writeThread.shutdownGracefully()
    }
}

extension ConnectionConfig {
    /// True for an SQLite file that several connections can open; false for a store in memory,
    /// which exists only inside its one connection.
    var namesSharedFile: Bool {
        guard case .sqlite(let sqlite)? = config else { return false }
        let uri = sqlite.filenameURI
        return !uri.isEmpty && uri != ":memory:" && !uri.contains("mode=memory")
    }

    /// True for a database several connections can share: an SQLite file, or a database on a
    /// PostgreSQL or MySQL server.
    var opensManyConnections: Bool {
        switch config {
        case .postgresql?, .mysql?: true
        default: namesSharedFile
        }
    }
}
