import MLMDProtos
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An ML Metadata store: the records of artifacts, executions and contexts, their types, and the
/// events and relations that link them, kept in an SQLite file (which ml-metadata 1.17.1 can open
/// too), in memory, or in a PostgreSQL or MySQL database that ml-metadata can share.
///
/// Each method is one RPC of `ml_metadata.MetadataStoreService`: it takes the request message and
/// returns the response message, runs as one transaction, and throws `MetadataStoreError` with the
/// status code ml-metadata uses for the same situation. Calls from many threads are serialized.
///
/// ```swift
/// var config = ConnectionConfig()
/// config.sqlite = .with { $0.filenameURI = "/tmp/mlmd.sqlite" }
/// let store = try MetadataStore(config: config)
/// let typeID = try store.putArtifactType(.with { $0.name = "DataSet" })   // 10 in a new store
/// ```
public final class MetadataStore: Sendable {
    private let source: any MetadataSource
    /// Serializes calls: one connection, one transaction at a time.
    private let lock = Mutex(())
    /// The thread running `atomically`, whose calls join its transaction; 0 when none is.
    private let atomicCallThread = Atomic<UInt>(0)

    /// Opens (and if needed creates) the store `config` names: `fake_database` for a store in
    /// memory, `sqlite` for a file. A `postgresql` or `mysql` config needs its backend, from its
    /// own module: `init(config:backends:)`.
    ///
    /// - Throws: `MetadataStoreError`: FAILED_PRECONDITION for a database of another schema
    ///   version, ABORTED for a half-created one, INTERNAL if a file cannot be opened.
    public convenience init(config: ConnectionConfig) throws {
        try self.init(config: config, backends: [])
    }

    /// Opens (and if needed creates) the store `config` names, on SQLite or on a database server
    /// of one of `backends`:
    ///
    /// ```swift
    /// import MLMetadataPostgreSQL
    ///
    /// let store = try MetadataStore(config: ConnectionConfig(postgresqlURL: "postgresql://mlmd@db:5432/mlmd"),
    ///                               backends: [.postgreSQL])
    /// ```
    ///
    /// - Throws: `MetadataStoreError`: FAILED_PRECONDITION for a database of another schema
    ///   version (`init(config:migration:backends:)` upgrades an older one), or for a database
    ///   server none of `backends` serves; ABORTED for a half-created store; INTERNAL if a file
    ///   cannot be opened; UNAVAILABLE or PERMISSION_DENIED if a server cannot be reached or
    ///   refuses the credentials.
    public convenience init(config: ConnectionConfig, backends: [DatabaseBackend]) throws {
        try self.init(config: config, migration: MigrationOptions(), backends: backends)
    }

    /// Opens the SQLite store `config` names with how long a call may wait for another
    /// connection's write lock before it fails with ABORTED (ten seconds by default).
    public convenience init(config: ConnectionConfig, busyTimeoutMilliseconds: Int32) throws {
        self.init(source: try SQLiteMetadataSource(config: config, busyTimeoutMilliseconds: busyTimeoutMilliseconds))
    }

    /// A store on `source`, which a backend opened.
    package init(source: any MetadataSource) {
        self.source = source
    }

    /// Runs `body` as one transaction with the store's access objects; inside `atomically`, as a
    /// part of that transaction.
    func transaction<T: Sendable>(writing: Bool, _ body: (StoreAccess) throws -> T) throws -> T {
        if atomicCallThread.load(ordering: .acquiring) == Self.currentThread {
            // This thread holds the lock already, in `atomically`.
            return try source.transaction(writing: writing, retryingConflicts: true) { connection in
                try body(StoreAccess(connection: connection))
            }
        }
        return try lock.withLock { _ in
            try source.transaction(writing: writing, retryingConflicts: true) { connection in try body(StoreAccess(connection: connection))
            }
        }
    }

    /// Runs several calls as one transaction: either all of their changes are stored or, when
    /// `body` throws, none. Other threads' calls wait until it ends. A call inside that fails
    /// leaves nothing behind even if `body` catches its error and goes on.
    ///
    /// ```swift
    /// try store.atomically {
    ///     let typeID = try store.putArtifactType(.with { $0.name = "DataSet" })
    ///     _ = try store.putArtifacts([.with { $0.typeID = typeID; $0.uri = "data.csv" }])
    /// }
    /// ```
    ///
    /// - Throws: what `body` throws, or ABORTED when the write lock stays busy past the timeout.
    public func atomically<T: Sendable>(_ body: () throws -> T) throws -> T {
        try lock.withLock { _ in
            try source.transaction(writing: true, retryingConflicts: false) { _ in
                atomicCallThread.store(Self.currentThread, ordering: .releasing)
                defer { atomicCallThread.store(0, ordering: .releasing) }
                return try body()
            }
        }
    }

    /// Runs `body` on the store's connection outside any transaction, for maintenance that
    /// cannot run inside one.
    ///
    /// - Throws: FAILED_PRECONDITION inside `atomically`, whose transaction is open.
    func outsideTransaction(_ body: (any DatabaseConnection) throws -> Void) throws {
        guard atomicCallThread.load(ordering: .acquiring) != Self.currentThread else {
            throw MetadataStoreError(.failedPrecondition, "this cannot run inside `atomically`, whose transaction is open")
        }
        try lock.withLock { _ in try source.outsideTransaction(body) }
    }

    private static var currentThread: UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }
}

/// The access objects of one transaction.
struct StoreAccess {
    let connection: any DatabaseConnection
    var types: TypeAccess { TypeAccess(connection: connection) }
    var events: EventAccess { EventAccess(connection: connection) }
    var relations: RelationAccess { RelationAccess(connection: connection) }
}
