/// The database behind a store, whichever it is: it runs each store call as one transaction on
/// one of its connections, committed whole or rolled back whole when the call throws.
protocol MetadataSource: AnyObject, Sendable {
    /// Runs `body` in one transaction; inside a transaction already open (`atomically`), in a
    /// savepoint of it.
    func transaction<T>(writing: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T
}

extension SQLiteMetadataSource: MetadataSource {}
