/// One statement of a migration step, in the backend's own SQL, and the condition under which it
/// runs. Most run always. Where DDL commits on its own (MySQL), a statement that cannot say
/// `IF [NOT] EXISTS` in SQL runs only while the catalog shows its work undone, so that a migration
/// stopped midway can be run again from the last version it recorded.
package struct MigrationStatement: Sendable, Equatable, ExpressibleByStringLiteral {
    package var sql: String
    package var condition: MigrationCondition?

    package init(_ sql: String, when condition: MigrationCondition? = nil) {
        self.sql = sql
        self.condition = condition
    }

    package init(stringLiteral sql: String) {
        self.init(sql)
    }

    /// The statement as a dry run shows it: its SQL, and its condition after `--` if it has one.
    package var description: String {
        condition.map { "\(sql) -- only if \($0.description)" } ?? sql
    }
}

/// What the catalog must show for a conditional statement to run.
package indirect enum MigrationCondition: Sendable, Equatable {
    case tableExists(String)
    case columnExists(table: String, column: String)
    case indexExists(table: String, index: String)
    case not(MigrationCondition)

    package static func tableMissing(_ table: String) -> MigrationCondition { .not(.tableExists(table)) }
    package static func columnMissing(table: String, column: String) -> MigrationCondition {
        .not(.columnExists(table: table, column: column))
    }
    package static func indexMissing(table: String, index: String) -> MigrationCondition {
        .not(.indexExists(table: table, index: index))
    }

    package var description: String {
        switch self {
        case .tableExists(let table): "table \(table) exists"
        case .columnExists(let table, let column): "column \(table).\(column) exists"
        case .indexExists(let table, let index): "index \(index) on \(table) exists"
        case .not(.tableExists(let table)): "table \(table) is missing"
        case .not(.columnExists(let table, let column)): "column \(table).\(column) is missing"
        case .not(.indexExists(let table, let index)): "index \(index) on \(table) is missing"
        case .not(let condition): "not (\(condition.description))"
        }
    }
}
