/// How a backend lays out ml-metadata's schema version 10: the statements that create it in an
/// empty database, and the query that lists the database's tables.
package struct SchemaLayout: Sendable {
    /// CREATE TABLE and CREATE INDEX statements, in order, in the store's SQL (which the
    /// connection rewrites into its dialect).
    package var createStatements: [String]
    /// Returns one row per table of the database, its name in the first column.
    package var tableNamesQuery: String

    package init(createStatements: [String], tableNamesQuery: String) {
        self.createStatements = createStatements
        self.tableNamesQuery = tableNamesQuery
    }
}
