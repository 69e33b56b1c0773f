import Foundation
import MLMetadata

/// A database's schema and rows, read from its catalog and normalised, so that two databases
/// dump the same text exactly when they hold the same tables, columns (in order, with types,
/// nullability and defaults), keys and indexes (with their names), rows and id counters.
///
/// SQLite: `pragma table_info` / `index_list` / `index_info` (automatic indexes as `<auto>`, a
/// partial index's condition without identifier quotes) and every row by `quote()`, counters
/// being the rows of `sqlite_sequence`. PostgreSQL: `information_schema.columns`,
/// `pg_constraint`, `pg_indexes`, every value as text, and `pg_sequences`. MySQL:
/// `information_schema` columns and statistics, text and blobs as hex, and AUTO_INCREMENT.
struct SchemaDump: Equatable, CustomStringConvertible {
    struct Table: Equatable {
        var name: String
        var columns: [String]
        var columnNames: [String]
        /// Keys, constraints and indexes, one line each.
        var keys: [String]
        var rows: [[String]]
    }

    var tables: [Table]
    /// Id counters outside the tables: PostgreSQL's sequences, MySQL's AUTO_INCREMENT.
    var counters: [String]

    init(_ connection: any DatabaseConnection) throws {
        switch connection.dialect {
        case .sqlite: (tables, counters) = try Self.sqlite(connection)
        case .postgresql: (tables, counters) = try Self.postgresql(connection)
        case .mysql: (tables, counters) = try Self.mysql(connection)
        }
    }

    /// Equal when the dumps' texts are: keys and rows compare in any order.
    static func == (left: SchemaDump, right: SchemaDump) -> Bool {
        left.description == right.description
    }

    var description: String {
        var lines: [String] = []
        for table in tables {
            lines.append("TABLE \(table.name)")
            lines += table.columns.map { "  COLUMN \($0)" }
            lines += table.keys.sorted().map { "  \($0)" }
            lines.append("  ROWS (\(table.columnNames.joined(separator: ","))) count=\(table.rows.count)")
            lines += table.rows.map { "    " + $0.joined(separator: "|") }.sorted()
        }
        return (lines + counters.sorted()).joined(separator: "\n") + "\n"
    }

    /// The first lines where `other` differs, with a few around them, for a failing expectation.
    func differences(from other: SchemaDump) -> String {
        let mine = description.split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = other.description.split(separator: "\n", omittingEmptySubsequences: false)
        let common = min(mine.count, theirs.count)
        guard let first = (0..<common).first(where: { mine[$0] != theirs[$0] }) ?? (mine.count == theirs.count ? nil : common) else {
            return "no differences"
        }
        let range = max(0, first - 3)..<first + 6
        func excerpt(_ lines: [Substring]) -> String {
            lines.indices.filter { range.contains($0) }.map { "\($0 == first ? ">" : " ") \(lines[$0])" }.joined(separator: "\n")
        }
        return "first difference at line \(first + 1):\n--- this\n\(excerpt(mine))\n--- other\n\(excerpt(theirs))"
    }

    // MARK: Values

    /// Long values (the 70000-character string) as their length and a hash.
    static func shortened(_ value: String?) -> String {
        guard let value else { return "NULL" }
        guard value.utf8.count > 200 else { return value }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "<\(value.utf8.count) bytes, fnv \(String(hash, radix: 16)), \(value.prefix(12))…>"
    }

    private static func rows(_ connection: any DatabaseConnection, _ query: String, columns: Int) throws -> [[String?]] {
        let statement = try connection.statement(query)
        var rows: [[String?]] = []
        while try statement.step() { rows.append((0..<Int32(columns)).map { statement.isNull($0) ? nil : statement.string($0) }) }
        return rows
    }

    // MARK: SQLite

    private static func sqlite(_ connection: any DatabaseConnection) throws -> ([Table], [String]) {
        let names = try rows(connection, #"SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' ORDER BY "name""#, columns: 1).map {
            $0[0]!
        }
        var tables: [Table] = []
        for name in names {
            let info = try parameterRows(
                connection, #"SELECT "name", "type", "notnull", "dflt_value", "pk" FROM pragma_table_info(?)"#, name, columns: 5)
            let columns = info.map { column in
                "\(column[0]!) \(column[1] ?? "")" + (column[2] == "1" ? " NOT NULL" : "")
                    + (column[3].map { " DEFAULT \($0)" } ?? "") + (column[4] != "0" ? " PK\(column[4]!)" : "")
            }
            var keys: [String] = []
            for index in try parameterRows(
                connection, #"SELECT "name", "unique", "origin", "partial" FROM pragma_index_list(?)"#, name, columns: 4)
            {
                let indexName = index[0]!
                let indexColumns = try parameterRows(
                    connection, #"SELECT "name" FROM pragma_index_info(?) ORDER BY "seqno""#, indexName, columns: 1
                ).map { $0[0] ?? "" }
                var condition = ""
                if index[3] == "1",
                    let sql = try parameterRows(connection, #"SELECT "sql" FROM "sqlite_master" WHERE "name" = ?"#, indexName, columns: 1)
                        .first?[0] ?? nil,
                    let whereRange = sql.range(of: " WHERE ")
                {
                    condition =
                        " WHERE "
                        + sql[whereRange.upperBound...].filter { $0 != "`" && $0 != "\"" }.split(separator: " ").joined(separator: " ")
                }
                keys.append(
                    "INDEX \(indexName.hasPrefix("sqlite_autoindex_") ? "<auto>" : indexName) \(index[1] == "1" ? "UNIQUE " : "")"
                        + "(\(indexColumns.joined(separator: ","))) \(index[2]!)\(condition)")
            }
            let columnNames = info.map { $0[0]! }
            let select = "SELECT " + columnNames.map { #"quote("\#($0)")"# }.joined(separator: ", ") + #" FROM "\#(name)""#
            let values = try rows(connection, select, columns: columnNames.count).map { $0.map(shortened) }
            tables.append(Table(name: name, columns: columns, columnNames: columnNames, keys: keys, rows: values))
        }
        return (tables, [])
    }

    private static func parameterRows(
        _ connection: any DatabaseConnection, _ query: String, _ parameter: String, columns: Int
    ) throws -> [[String?]] {
        let statement = try connection.statement(query)
        statement.bind([.text(parameter)])
        var rows: [[String?]] = []
        while try statement.step() { rows.append((0..<Int32(columns)).map { statement.isNull($0) ? nil : statement.string($0) }) }
        return rows
    }

    // MARK: PostgreSQL

    private static func postgresql(_ connection: any DatabaseConnection) throws -> ([Table], [String]) {
        let names = try rows(
            connection,
            """
            SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1
            """, columns: 1
        ).map { $0[0]! }
        var tables: [Table] = []
        for name in names {
            let info = try parameterRows(
                connection,
                """
                SELECT column_name::text, data_type::text, character_maximum_length::text, is_nullable::text, column_default::text
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
                """, name, columns: 5)
            let columns = info.map { column in
                "\(column[0]!) \(column[1]!)" + (column[2].map { "(\($0))" } ?? "") + (column[3] == "NO" ? " NOT NULL" : "")
                    + (column[4].map { " DEFAULT \($0)" } ?? "")
            }
            let constraints = try parameterRows(
                connection,
                """
                SELECT c.conname::text, c.contype::text, pg_get_constraintdef(c.oid) FROM pg_constraint c
                JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                WHERE n.nspname = current_schema() AND r.relname = ?
                """, name, columns: 3
            ).map { "CONSTRAINT \($0[0]!) \($0[1]!) \($0[2]!)" }
            let indexes = try parameterRows(
                connection, "SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?",
                name, columns: 2
            ).map { "INDEX \($0[0]!) \($0[1]!)" }
            let columnNames = info.map { $0[0]! }
            let select = "SELECT " + columnNames.map { "\($0)::text" }.joined(separator: ", ") + " FROM \(name)"
            let values = try rows(connection, select, columns: columnNames.count).map { $0.map(shortened) }
            tables.append(Table(name: name, columns: columns, columnNames: columnNames, keys: constraints + indexes, rows: values))
        }
        let sequences = try rows(
            connection, "SELECT sequencename::text, last_value::text FROM pg_sequences WHERE schemaname = current_schema()", columns: 2
        )
        .map { "SEQUENCE \($0[0]!) last_value=\($0[1] ?? "NULL")" }
        return (tables, sequences)
    }

    // MARK: MySQL

    private static func mysql(_ connection: any DatabaseConnection) throws -> ([Table], [String]) {
        let names = try rows(
            connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name", columns: 1
        )
        .map { $0[0]! }
        var tables: [Table] = []
        for name in names {
            let info = try parameterRows(
                connection,
                """
                SELECT column_name, column_type, is_nullable, column_default, extra, data_type FROM information_schema.columns
                WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position
                """, name, columns: 6)
            let columns = info.map { column in
                "\(column[0]!) \(column[1]!)" + (column[2] == "NO" ? " NOT NULL" : "") + (column[3].map { " DEFAULT \($0)" } ?? "")
                    + (column[4].map { $0.isEmpty ? "" : " \($0)" } ?? "")
            }
            var indexes: [String: (unique: Bool, columns: [String])] = [:]
            for part in try parameterRows(
                connection,
                """
                SELECT index_name, non_unique, column_name, sub_part FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = ? ORDER BY index_name, seq_in_index
                """, name, columns: 4)
            {
                indexes[part[0]!, default: (part[1] == "0", [])].columns.append(part[2]! + (part[3].map { "(\($0))" } ?? ""))
            }
            let numeric: Set = ["int", "bigint", "tinyint", "smallint", "mediumint", "double", "float", "decimal"]
            let select =
                "SELECT " + info.map { numeric.contains($0[5]!) ? "`\($0[0]!)`" : "HEX(`\($0[0]!)`)" }.joined(separator: ", ")
                + " FROM `\(name)`"
            let values = try rows(connection, select, columns: info.count).map { $0.map(shortened) }
            tables.append(
                Table(
                    name: name, columns: columns, columnNames: info.map { $0[0]! },
                    keys: indexes.map { "INDEX \($0.key) \($0.value.unique ? "UNIQUE " : "")(\($0.value.columns.joined(separator: ",")))" },
                    rows: values))
        }
        let counters = try rows(
            connection, "SELECT table_name, auto_increment FROM information_schema.tables WHERE table_schema = DATABASE()", columns: 2
        )
        .map { "AUTO_INCREMENT \($0[0]!) \($0[1] ?? "NULL")" }
        return (tables, counters)
    }
}
