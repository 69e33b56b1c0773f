import MLMDProtos

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection to a database server, which can break under the store (the server restarted, or
/// ended the session) and is then replaced.
package protocol ServerConnection: DatabaseConnection {
    /// True once the connection is of no further use.
    var isBroken: Bool { get }
}

/// A store's database on a PostgreSQL or MySQL server, laid out as ml-metadata's schema version 10
/// for that server, so that ml-metadata configured with the same connection shares it. Each call
/// is one transaction on one connection; a lost conflict with another connection (a deadlock, a
/// serialization failure, a lock wait past its limit) is retried, and a broken connection is
/// replaced at the next call.
package final class ServerMetadataSource: @unchecked Sendable {
    // Unchecked: MetadataStore uses it only while holding its lock.
    private var connection: any ServerConnection
    private let connect: () throws -> any ServerConnection

    /// Connects with `connect` (also used to replace a broken connection), then creates the schema
    /// in `layout` and the built-in types where they are missing; with `upgrade`, an older
    /// database is upgraded to schema version 10 first.
    ///
    /// - Throws: FAILED_PRECONDITION for a database of another schema version (an older one
    ///   without `upgrade`), a failed upgrade's error, and what `connect` throws.
    package init(layout: SchemaLayout, upgrade: Bool = false, connect: @escaping () throws -> any ServerConnection) throws {
        connection = try connect()
        self.connect = connect
        try transaction(writing: true, retryingConflicts: true) { connection in
            try SchemaSetup(connection: connection, layout: layout).prepare(canWrite: true, upgrade: upgrade)
        }
    }

    /// Tries after a lost conflict, counting the first; waits grow from 5 ms with some jitter, so
    /// that the connections that collided do not collide again.
    static let conflictAttempts = 5

    package func transaction<T>(writing: Bool, retryingConflicts: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        if connection.isInTransaction { return try connection.inSavepoint(body) }
        var attempt = 1
        while true {
            do {
                try begin()
                return try connection.committing(body)
            } catch let error as MetadataStoreError where error.code == .aborted && retryingConflicts && attempt < Self.conflictAttempts {
                usleep(UInt32(5_000 * attempt + Int.random(in: 0..<5_000)))
                attempt += 1
            }
        }
    }

    /// Opens a transaction on a live connection: a connection that broke is replaced first, once.
    private func begin() throws {
        do {
            if connection.isBroken { connection = try connect() }
            try connection.execute("BEGIN")
        } catch let failure as DatabaseFailure where failure.kind == .unavailable {
            connection = try connect()
            do {
                try connection.execute("BEGIN")
            } catch let failure as DatabaseFailure {
                throw failure.storeError
            }
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }
}

extension ServerMetadataSource: MetadataSource {
    package func outsideTransaction(_ body: (any DatabaseConnection) throws -> Void) throws {
        do {
            if connection.isBroken { connection = try connect() }
            try body(connection)
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }
}
