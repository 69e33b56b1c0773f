/// How a backend lays out ml-metadata's schema version 10: the statements that create it in an
/// empty database, and the migrations (with the catalog queries they read the database with) that
/// bring a database of another schema version to it, or back.
package struct SchemaLayout: Sendable {
    /// CREATE TABLE and CREATE INDEX statements, in order, in the store's SQL (which the
    /// connection rewrites into its dialect).
    package var createStatements: [String]
    /// The steps between schema versions 0 … 10, and how they run on this backend.
    package var migrations: SchemaMigrations

    package init(createStatements: [String], migrations: SchemaMigrations) {
        self.createStatements = createStatements
        self.migrations = migrations
    }
}
