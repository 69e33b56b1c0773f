import Foundation

/// ml-metadata's PostgreSQL upgrade from 8 (and below) leaves what its steps would have left
/// had they worked, with these defects, which ours does not have (`PostgreSQLMigrations`): the
/// rebuilt tables' keys and sequences named `…temp…`, their time columns INT,
/// `contextproperty.is_custom_property` SMALLINT, sequences never advanced, and external ids
/// dropped. `correctingMLMetadataPostgreSQLUpgrade()` repairs the names and types in its dump;
/// `maskingExternalIDsAndSequences()` hides what is then left to compare separately.
extension SchemaDump {
    func correctingMLMetadataPostgreSQLUpgrade() -> SchemaDump {
        var dump = self
        dump.tables = tables.map { table in
            var table = table
            table.columns = table.columns.map { column in
                var column = Self.untemporary(column)
                if column.hasPrefix("create_time_since_epoch integer") || column.hasPrefix("last_update_time_since_epoch integer") {
                    column = column.replacingOccurrences(of: " integer ", with: " bigint ")
                }
                if table.name == "contextproperty", column.hasPrefix("is_custom_property smallint") {
                    column = column.replacingOccurrences(of: " smallint", with: " boolean")
                }
                return column
            }
            table.keys = table.keys.map(Self.untemporary)
            return table
        }
        dump.counters = counters.map(Self.untemporary)
        return dump
    }

    func maskingExternalIDsAndSequences() -> SchemaDump {
        var dump = self
        dump.tables = tables.map { table in
            var table = table
            if let column = table.columnNames.firstIndex(of: "external_id") {
                table.rows = table.rows.map { row in
                    var row = row; row[column] = "*"; return row
                }
            }
            return table
        }
        dump.counters = counters.map { counter in
            counter.range(of: "last_value=").map { counter[..<$0.upperBound] + "*" } ?? counter
        }
        return dump
    }

    /// `artifacttemp_pkey` → `artifact_pkey`, and the unique keys of names by type by the names
    /// a fresh store gives them.
    private static func untemporary(_ text: String) -> String {
        var text = text
        for table in ["type", "artifact", "execution", "context", "event"] {
            text = text.replacingOccurrences(of: "\(table)temp_", with: "\(table)_")
        }
        return text.replacingOccurrences(of: "artifact_type_id_name_key", with: "uniqueartifacttypename")
            .replacingOccurrences(of: "execution_type_id_name_key", with: "uniqueexecutiontypename")
    }
}
