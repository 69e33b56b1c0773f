import MLMDProtos
import MLMetadata
import Synchronization

/// Read connections to one SQLite file, opened when first needed and lent to one call at a time.
/// There are never more of them than threads on the read lane.
final class ReaderStores: Sendable {
    private let config: ConnectionConfig
    private let idle = Mutex<[MetadataStore]>([])

    init(config: ConnectionConfig) {
        self.config = config
    }

    /// Runs `call` with an idle connection, opening one if none is free.
    func withStore<Response>(_ call: (MetadataStore) throws -> Response) throws -> Response {
        let store = try idle.withLock { $0.popLast() } ?? MetadataStore(config: config)
        defer { idle.withLock { $0.append(store) } }
        return try call(store)
    }
}
