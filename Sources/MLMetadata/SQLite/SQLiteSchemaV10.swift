/// The SQLite tables and indexes of ml-metadata's schema version 10, so that a file written by
/// either implementation opens in the other: the same table and column names, declared types (which
/// decide SQLite's storage classes), keys, AUTOINCREMENT ids and index names.
enum SQLiteSchemaV10 {
    static let layout = SchemaLayout(createStatements: createTables + createIndexes, migrations: SQLiteMigrations.migrations)

    /// One property table per node kind, all with the same columns.
    private static func propertyTable(_ table: String, owner: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS "\(table)" ("\(owner)" INT NOT NULL, "name" VARCHAR(255) NOT NULL, \
        "is_custom_property" TINYINT(1) NOT NULL, "int_value" INT, "double_value" DOUBLE, "string_value" TEXT, \
        "byte_value" BLOB, "proto_value" BLOB, "bool_value" BOOLEAN, \
        PRIMARY KEY ("\(owner)", "name", "is_custom_property"))
        """
    }

    /// The node columns every node table starts and ends with.
    private static let nodeTimes = """
        "create_time_since_epoch" INT NOT NULL DEFAULT 0, "last_update_time_since_epoch" INT NOT NULL DEFAULT 0
        """

    static let createTables: [String] = [
        """
        CREATE TABLE IF NOT EXISTS "Type" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" VARCHAR(255) NOT NULL, \
        "version" VARCHAR(255), "type_kind" TINYINT(1) NOT NULL, "description" TEXT, "input_type" TEXT, \
        "output_type" TEXT, "external_id" VARCHAR(255) UNIQUE)
        """,
        """
        CREATE TABLE IF NOT EXISTS "TypeProperty" ("type_id" INT NOT NULL, "name" VARCHAR(255) NOT NULL, \
        "data_type" INT NULL, PRIMARY KEY ("type_id", "name"))
        """,
        """
        CREATE TABLE IF NOT EXISTS "ParentType" ("type_id" INT NOT NULL, "parent_type_id" INT NOT NULL, \
        PRIMARY KEY ("type_id", "parent_type_id"))
        """,
        """
        CREATE TABLE IF NOT EXISTS "Artifact" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "type_id" INT NOT NULL, \
        "uri" TEXT, "state" INT, "name" VARCHAR(255), "external_id" VARCHAR(255) UNIQUE, \(nodeTimes), \
        UNIQUE ("type_id", "name"))
        """,
        propertyTable("ArtifactProperty", owner: "artifact_id"),
        """
        CREATE TABLE IF NOT EXISTS "Execution" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "type_id" INT NOT NULL, \
        "last_known_state" INT, "name" VARCHAR(255), "external_id" VARCHAR(255) UNIQUE, \(nodeTimes), \
        UNIQUE ("type_id", "name"))
        """,
        propertyTable("ExecutionProperty", owner: "execution_id"),
        """
        CREATE TABLE IF NOT EXISTS "Event" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "artifact_id" INT NOT NULL, \
        "execution_id" INT NOT NULL, "type" INT NOT NULL, "milliseconds_since_epoch" INT, \
        UNIQUE ("artifact_id", "execution_id", "type"))
        """,
        """
        CREATE TABLE IF NOT EXISTS "EventPath" ("event_id" INT NOT NULL, "is_index_step" TINYINT(1) NOT NULL, \
        "step_index" INT, "step_key" TEXT)
        """,
        #"CREATE TABLE IF NOT EXISTS "MLMDEnv" ("schema_version" INTEGER PRIMARY KEY)"#,
        """
        CREATE TABLE IF NOT EXISTS "Context" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "type_id" INT NOT NULL, \
        "name" VARCHAR(255) NOT NULL, "external_id" VARCHAR(255) UNIQUE, \(nodeTimes), UNIQUE ("type_id", "name"))
        """,
        propertyTable("ContextProperty", owner: "context_id"),
        """
        CREATE TABLE IF NOT EXISTS "ParentContext" ("context_id" INT NOT NULL, "parent_context_id" INT NOT NULL, \
        PRIMARY KEY ("context_id", "parent_context_id"))
        """,
        """
        CREATE TABLE IF NOT EXISTS "Association" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, \
        "context_id" INT NOT NULL, "execution_id" INT NOT NULL, UNIQUE ("context_id", "execution_id"))
        """,
        """
        CREATE TABLE IF NOT EXISTS "Attribution" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, \
        "context_id" INT NOT NULL, "artifact_id" INT NOT NULL, UNIQUE ("context_id", "artifact_id"))
        """,
    ]

    /// The 24 secondary indexes, by ml-metadata's names (its checks count them).
    static let createIndexes: [String] = {
        func index(_ name: String, _ table: String, _ columns: String, where condition: String? = nil) -> String {
            #"CREATE INDEX IF NOT EXISTS "\#(name)" ON "\#(table)" (\#(columns))"# + (condition.map { " WHERE \($0)" } ?? "")
        }
        var indexes = [
            index("idx_artifact_uri", "Artifact", #""uri""#),
            index("idx_artifact_create_time_since_epoch", "Artifact", #""create_time_since_epoch""#),
            index("idx_artifact_last_update_time_since_epoch", "Artifact", #""last_update_time_since_epoch""#),
            index("idx_event_execution_id", "Event", #""execution_id""#),
            index("idx_parentcontext_parent_context_id", "ParentContext", #""parent_context_id""#),
            index("idx_type_name", "Type", #""name""#),
            index("idx_execution_create_time_since_epoch", "Execution", #""create_time_since_epoch""#),
            index("idx_execution_last_update_time_since_epoch", "Execution", #""last_update_time_since_epoch""#),
            index("idx_context_create_time_since_epoch", "Context", #""create_time_since_epoch""#),
            index("idx_context_last_update_time_since_epoch", "Context", #""last_update_time_since_epoch""#),
            index("idx_eventpath_event_id", "EventPath", #""event_id""#),
        ]
        // Partial indexes over each typed value column of each property table.
        for node in ["artifact", "execution", "context"] {
            let table = node.prefix(1).uppercased() + node.dropFirst() + "Property"
            for value in ["int", "double", "string"] {
                indexes.append(
                    index(
                        "idx_\(node)_property_\(value)", table,
                        #""name", "is_custom_property", "\#(value)_value""#,
                        where: #""\#(value)_value" IS NOT NULL"#))
            }
        }
        for (name, table) in [("type", "Type"), ("artifact", "Artifact"), ("execution", "Execution"), ("context", "Context")] {
            indexes.append(index("idx_\(name)_external_id", table, #""external_id""#))
        }
        return indexes
    }()
}
