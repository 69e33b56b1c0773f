import MLMetadata

/// ml-metadata's schema version 10 on MySQL and MariaDB, so that both implementations share one
/// database: the tables of `SchemaV10` with their names' case kept, AUTO_INCREMENT int ids,
/// MEDIUMTEXT strings and MEDIUMBLOB byte and proto values (proto values as base64 text, as in
/// SQLite), ml-metadata's constraint names, and the same indexes, not partial, over the first 255
/// characters of text columns. The server's default engine (InnoDB) and character set apply.
enum MySQLSchemaV10 {
    static let layout = SchemaLayout(createStatements: createTables + createIndexes, migrations: MySQLMigrations.migrations)

    private static func propertyTable(_ table: String, owner: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS "\(table)" ("\(owner)" INT NOT NULL, "name" VARCHAR(255) NOT NULL, \
        "is_custom_property" TINYINT(1) NOT NULL, "int_value" INT, "double_value" DOUBLE, "string_value" MEDIUMTEXT, \
        "byte_value" MEDIUMBLOB, "proto_value" MEDIUMBLOB, "bool_value" BOOLEAN, PRIMARY KEY ("\(owner)", "name", "is_custom_property"))
        """
    }

    private static let nodeTimes =
        #""create_time_since_epoch" BIGINT NOT NULL DEFAULT 0, "last_update_time_since_epoch" BIGINT NOT NULL DEFAULT 0"#

    static let createTables: [String] = [
        """
        CREATE TABLE IF NOT EXISTS "Type" ("id" INT PRIMARY KEY AUTO_INCREMENT, "name" VARCHAR(255) NOT NULL, "version" VARCHAR(255), \
        "type_kind" TINYINT(1) NOT NULL, "description" TEXT, "input_type" TEXT, "output_type" TEXT, "external_id" VARCHAR(255) UNIQUE)
        """,
        #"CREATE TABLE IF NOT EXISTS "TypeProperty" ("type_id" INT NOT NULL, "name" VARCHAR(255) NOT NULL, "data_type" INT NULL, PRIMARY KEY ("type_id", "name"))"#,
        #"CREATE TABLE IF NOT EXISTS "ParentType" ("type_id" INT NOT NULL, "parent_type_id" INT NOT NULL, PRIMARY KEY ("type_id", "parent_type_id"))"#,
        """
        CREATE TABLE IF NOT EXISTS "Artifact" ("id" INTEGER PRIMARY KEY AUTO_INCREMENT, "type_id" INT NOT NULL, "uri" TEXT, "state" INT, \
        "name" VARCHAR(255), "external_id" VARCHAR(255) UNIQUE, \(nodeTimes), CONSTRAINT "UniqueArtifactTypeName" UNIQUE ("type_id", "name"))
        """,
        propertyTable("ArtifactProperty", owner: "artifact_id"),
        """
        CREATE TABLE IF NOT EXISTS "Execution" ("id" INTEGER PRIMARY KEY AUTO_INCREMENT, "type_id" INT NOT NULL, "last_known_state" INT, \
        "name" VARCHAR(255), "external_id" VARCHAR(255) UNIQUE, \(nodeTimes), CONSTRAINT "UniqueExecutionTypeName" UNIQUE ("type_id", "name"))
        """,
        propertyTable("ExecutionProperty", owner: "execution_id"),
        """
        CREATE TABLE IF NOT EXISTS "Event" ("id" INTEGER PRIMARY KEY AUTO_INCREMENT, "artifact_id" INT NOT NULL, "execution_id" INT NOT NULL, \
        "type" INT NOT NULL, "milliseconds_since_epoch" BIGINT, CONSTRAINT "UniqueEvent" UNIQUE ("artifact_id", "execution_id", "type"))
        """,
        #"CREATE TABLE IF NOT EXISTS "EventPath" ("event_id" INT NOT NULL, "is_index_step" TINYINT(1) NOT NULL, "step_index" INT, "step_key" TEXT)"#,
        #"CREATE TABLE IF NOT EXISTS "MLMDEnv" ("schema_version" INTEGER PRIMARY KEY)"#,
        """
        CREATE TABLE IF NOT EXISTS "Context" ("id" INTEGER PRIMARY KEY AUTO_INCREMENT, "type_id" INT NOT NULL, "name" VARCHAR(255) NOT NULL, \
        "external_id" VARCHAR(255) UNIQUE, \(nodeTimes), UNIQUE ("type_id", "name"))
        """,
        propertyTable("ContextProperty", owner: "context_id"),
        #"CREATE TABLE IF NOT EXISTS "ParentContext" ("context_id" INT NOT NULL, "parent_context_id" INT NOT NULL, PRIMARY KEY ("context_id", "parent_context_id"))"#,
        #"CREATE TABLE IF NOT EXISTS "Association" ("id" INTEGER PRIMARY KEY AUTO_INCREMENT, "context_id" INT NOT NULL, "execution_id" INT NOT NULL, UNIQUE ("context_id", "execution_id"))"#,
        #"CREATE TABLE IF NOT EXISTS "Attribution" ("id" INTEGER PRIMARY KEY AUTO_INCREMENT, "context_id" INT NOT NULL, "artifact_id" INT NOT NULL, UNIQUE ("context_id", "artifact_id"))"#,
    ]

    /// The secondary indexes of `SchemaV10.createIndexes`, by the same names; text columns by
    /// their first 255 characters, as MySQL indexes no more of a TEXT column.
    static let createIndexes: [String] = {
        func index(_ name: String, _ table: String, _ columns: String...) -> String {
            let list = columns.map { column in
                column.hasSuffix("(255)") ? "\"\(column.dropLast(5))\"(255)" : "\"\(column)\""
            }
            return "CREATE INDEX \"\(name)\" ON \"\(table)\" (\(list.joined(separator: ", ")))"
        }
        var indexes = [
            index("idx_artifact_uri", "Artifact", "uri(255)"),
            index("idx_artifact_create_time_since_epoch", "Artifact", "create_time_since_epoch"),
            index("idx_artifact_last_update_time_since_epoch", "Artifact", "last_update_time_since_epoch"),
            index("idx_event_execution_id", "Event", "execution_id"),
            index("idx_parentcontext_parent_context_id", "ParentContext", "parent_context_id"),
            index("idx_type_name", "Type", "name"),
            index("idx_execution_create_time_since_epoch", "Execution", "create_time_since_epoch"),
            index("idx_execution_last_update_time_since_epoch", "Execution", "last_update_time_since_epoch"),
            index("idx_context_create_time_since_epoch", "Context", "create_time_since_epoch"),
            index("idx_context_last_update_time_since_epoch", "Context", "last_update_time_since_epoch"),
            index("idx_eventpath_event_id", "EventPath", "event_id"),
        ]
        for (table, prefix) in [("ArtifactProperty", "artifact"), ("ExecutionProperty", "execution"), ("ContextProperty", "context")] {
            indexes.append(index("idx_\(prefix)_property_int", table, "name", "is_custom_property", "int_value"))
            indexes.append(index("idx_\(prefix)_property_double", table, "name", "is_custom_property", "double_value"))
            indexes.append(index("idx_\(prefix)_property_string", table, "name", "is_custom_property", "string_value(255)"))
        }
        for (table, prefix) in [("Type", "type"), ("Artifact", "artifact"), ("Execution", "execution"), ("Context", "context")] {
            indexes.append(index("idx_\(prefix)_external_id", table, "external_id"))
        }
        return indexes
    }()
}
