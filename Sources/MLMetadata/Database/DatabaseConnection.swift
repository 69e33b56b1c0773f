/// The SQL the access objects write is SQLite's: `"Quoted"` identifiers and `?` parameters. A
/// connection to another database rewrites it into its own dialect when it prepares a statement;
/// the few places where the dialects differ in more than spelling ask `dialect`.
package enum SQLDialect: Sendable {
    case sqlite, postgresql, mysql
}

/// One connection to the store's database, used by one thread at a time (its owner serializes
/// access): prepared statements, cached by their SQL, and transaction control.
package protocol DatabaseConnection: AnyObject {
    var dialect: SQLDialect { get }
    /// Where the database is, for messages (a file name, or a server and database name).
    var location: String { get }
    /// True while a transaction is open.
    var isInTransaction: Bool { get }
    /// True when an INSERT ending in `RETURNING "id"` hands back the new rows' ids (PostgreSQL,
    /// MariaDB); otherwise the connection knows them itself (`insertedIDs`).
    var returnsInsertedIDs: Bool { get }
    /// Rows one INSERT may take when their ids are wanted: MySQL without RETURNING reports the
    /// id of one row only.
    var maxRowsWithIDs: Int { get }

    /// Runs statements without parameters or results (DDL, transaction control).
    func execute(_ sql: String) throws
    /// A statement for `sql`, reset and with no bindings; prepared once per connection.
    func statement(_ sql: String) throws -> any DatabaseStatement
    /// The statement named `key`; `sql` builds its text the first time (for long SQL, where
    /// hashing the text on every call would cost more than running a small statement).
    func statement(_ key: StatementKey, sql: () -> String) throws -> any DatabaseStatement
    /// A statement for SQL that varies with user input (filter queries): kept only among the
    /// last few such statements on SQLite, prepared each time on PostgreSQL and MySQL.
    func recentStatement(_ sql: String) throws -> any DatabaseStatement
    /// Resets every cached statement; transactions end with this, so that no statement left on
    /// a row keeps a lock or a result set.
    func resetStatements()
    /// Runs an INSERT of `rows` rows of a table with an `id` column and returns their ids in
    /// order: an INSERT that `MultiRowInsert` built with `returningIDs`, or `insertReturningID` made.
    func insertedIDs(running insert: any DatabaseStatement, rows: Int) throws -> [Int64]
    /// Runs `body`, whose failure the caller handles and goes on from: SQLite and InnoDB undo just
    /// the failed statement, PostgreSQL would abort the whole transaction unless it is in a savepoint.
    func recoverable<T>(_ body: () throws -> T) throws -> T
}

package extension DatabaseConnection {
    /// A one-row INSERT into a table with an `id` column, made ready for `insertedIDs`: SQLite
    /// counts the new id itself, other databases hand it back.
    func insertReturningID(_ insert: String) -> String {
        returnsInsertedIDs ? insert + #" RETURNING "id""# : insert
    }

    var maxRowsWithIDs: Int { MultiRowInsert.maxRows }

    /// True if `table` has a row with this `id`.
    func rowExists(in table: String, id: Int64) throws -> Bool {
        let statement = try statement(#"SELECT 1 FROM "\#(table)" WHERE "id" = ?"#)
        statement.bind([.integer(id)])
        return try statement.step()
    }
}

/// Names a cached statement by what it does, for `DatabaseConnection.statement(_:sql:)`: a few
/// bytes to hash where the SQL text may be thousands.
package struct StatementKey: Hashable {
    package enum Purpose: Hashable {
        case insertRows, selectByIDs, selectPropertiesByIDs, selectIDRange
    }

    package var purpose: Purpose
    /// The table it is about.
    package var table: String
    /// Rows or ids it takes, for statements built in several sizes.
    package var size: Int = 0
}
