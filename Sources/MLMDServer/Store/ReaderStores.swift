import MLMDProtos
import MLMetadata
import Synchronization

/// Read connections to one store that several connections can share (an SQLite file, or a
/// PostgreSQL or MySQL database), each lent to one call at a time.
///
/// They are all opened when the server starts: opening a store checks its schema in a write
/// transaction, and connections opening at once, in the middle of the first burst of reads and
/// writes, met a busy file and failed calls with ABORTED (found by server-bench).
final class ReaderStores: Sendable {
    private let config: ConnectionConfig
    private let backends: [DatabaseBackend]
    private let idle: Mutex<[MetadataStore]>

    /// Opens `count` connections.
    ///
    /// - Throws: `MetadataStoreError` when the database cannot be opened.
    init(config: ConnectionConfig, backends: [DatabaseBackend], count: Int) throws {
        self.config = config
        self.backends = backends
        idle = Mutex(try (0..<count).map { _ in try MetadataStore(config: config, backends: backends) })
    }

    /// How many connections are idle now.
    var idleCount: Int { idle.withLock { $0.count } }

    /// Runs `call` with an idle connection; opens another only if every one is lent out, which
    /// the read lane's thread count rules out.
    func withStore<Response>(_ call: (MetadataStore) throws -> Response) throws -> Response {
        let store = try idle.withLock { $0.popLast() } ?? MetadataStore(config: config, backends: backends)
        defer { idle.withLock { $0.append(store) } }
        return try call(store)
    }
}
