/// The database behind a store, whichever it is: it runs each store call as one transaction on
/// one of its connections, committed whole or rolled back whole when the call throws.
package protocol MetadataSource: AnyObject, Sendable {
    /// Runs `body` in one transaction; inside a transaction already open (`atomically`), in a
    /// savepoint of it. With `retryingConflicts`, a transaction that lost a conflict with another
    /// connection's (a deadlock, a serialization failure) is run again a few times before the
    /// caller sees ABORTED; `body` must then be safe to run again.
    func transaction<T>(writing: Bool, retryingConflicts: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T
    /// Runs `body` on a connection outside any transaction, for maintenance that cannot run
    /// inside one (SQLite's VACUUM, PostgreSQL's VACUUM FULL).
    func outsideTransaction(_ body: (any DatabaseConnection) throws -> Void) throws
}

extension SQLiteMetadataSource: MetadataSource {
    /// SQLite takes the write lock up front, so transactions never conflict: nothing to retry.
    func transaction<T>(writing: Bool, retryingConflicts: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        try transaction(writing: writing, body)
    }

    func outsideTransaction(_ body: (any DatabaseConnection) throws -> Void) throws {
        do {
            try body(connection)
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }
}
