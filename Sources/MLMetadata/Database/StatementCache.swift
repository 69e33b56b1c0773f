/// A connection's prepared statements by key (their SQL, or a `StatementKey`): each is made once
/// and reset whenever it is handed out again.
package struct StatementCache<Key: Hashable, Statement: DatabaseStatement> {
    private var statements: [Key: Statement] = [:]

    package init() {}

    /// The statement for `key`, reset; `make` prepares it the first time.
    package mutating func statement(_ key: Key, make: () throws -> Statement) rethrows -> Statement {
        if let cached = statements[key] {
            cached.reset()
            return cached
        }
        let statement = try make()
        statements[key] = statement
        return statement
    }

    /// Resets every statement, so that none holds a row (and with it a lock or a result).
    package func resetAll() {
        for statement in statements.values { statement.reset() }
    }

    /// Lets go of every statement (SQLite finalizes them before it closes the handle).
    package mutating func removeAll() { statements.removeAll() }
}
