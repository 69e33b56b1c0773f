/// Reads what a database holds (tables, a table's columns and indexes) from the backend's
/// catalog, without a statement that can fail: a failed statement would end a PostgreSQL
/// transaction. Names compare without case, as PostgreSQL keeps ml-metadata's names lower-case.
package struct SchemaCatalog: Sendable {
    /// One row per table of the database, its name in the first column.
    package var tablesQuery: String
    /// One row per column of the table named by the one parameter.
    package var columnsQuery: String
    /// One row per index (and key) of the table named by the one parameter.
    package var indexesQuery: String
    /// True where the catalog keeps names lower-case, so that parameters must be too.
    package var foldsNamesToLowerCase: Bool

    package init(tablesQuery: String, columnsQuery: String, indexesQuery: String, foldsNamesToLowerCase: Bool) {
        self.tablesQuery = tablesQuery
        self.columnsQuery = columnsQuery
        self.indexesQuery = indexesQuery
        self.foldsNamesToLowerCase = foldsNamesToLowerCase
    }

    /// The database's table names, lower-cased.
    package func tables(on connection: any DatabaseConnection) throws -> Set<String> {
        try names(connection.statement(tablesQuery), table: nil)
    }

    /// The column names of `table`, lower-cased; empty when the table is missing.
    package func columns(of table: String, on connection: any DatabaseConnection) throws -> Set<String> {
        try names(connection.statement(columnsQuery), table: table)
    }

    /// The index and key names of `table`, lower-cased; empty when the table is missing.
    package func indexes(of table: String, on connection: any DatabaseConnection) throws -> Set<String> {
        try names(connection.statement(indexesQuery), table: table)
    }

    /// True if the database is as `condition` says.
    package func holds(_ condition: MigrationCondition, on connection: any DatabaseConnection) throws -> Bool {
        switch condition {
        case .tableExists(let table): try tables(on: connection).contains(table.lowercased())
        case .columnExists(let table, let column): try columns(of: table, on: connection).contains(column.lowercased())
        case .indexExists(let table, let index): try indexes(of: table, on: connection).contains(index.lowercased())
        case .not(let condition): try !holds(condition, on: connection)
        }
    }

    private func names(_ statement: any DatabaseStatement, table: String?) throws -> Set<String> {
        defer { statement.reset() }
        if let table { statement.bind([.text(foldsNamesToLowerCase ? table.lowercased() : table)]) }
        var names: Set<String> = []
        while try statement.step() { if let name = statement.string(0) { names.insert(name.lowercased()) } }
        return names
    }
}
