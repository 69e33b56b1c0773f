/// ml-metadata's migrations between schema versions 0 … 10 on SQLite, step by step, leaving the
/// tables, columns (declared types and order), keys, indexes, rows and AUTOINCREMENT counters
/// ml-metadata 1.17.1 leaves.
///
/// SQLite cannot drop a key or move a column, so a table changes by a rebuild: a copy is created
/// as `<Table>Temp`, filled, and renamed over the old table, whose indexes go with it (the step
/// recreates those it keeps) and whose AUTOINCREMENT counter restarts at the highest id copied,
/// as with ml-metadata. A whole migration is one transaction (`BEGIN IMMEDIATE`, which also keeps
/// a second migration waiting until the first has committed). The SQL text SQLite keeps for each
/// table and index is ours, quoted as the rest of the store's, so it differs from ml-metadata's
/// in quotes and spaces only, as a fresh store's does.
enum SQLiteMigrations {
    static let migrations = SchemaMigrations(
        steps: [step1, step2, step3, step4, step5, step6, step7, step8, step9, step10],
        catalog: SchemaCatalog(
            tablesQuery: #"SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'"#,
            columnsQuery: #"SELECT "name" FROM pragma_table_info(?)"#,
            indexesQuery: #"SELECT "name" FROM pragma_index_list(?)"#,
            foldsNamesToLowerCase: false),
        begin: "BEGIN IMMEDIATE",
        lock: nil,
        recordVersion: { #"UPDATE "MLMDEnv" SET "schema_version" = \#($0)"# })

    // MARK: Tables

    private static let typeV1 =
        #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" VARCHAR(255) NOT NULL, "is_artifact_type" TINYINT(1) NOT NULL, "input_type" TEXT, "output_type" TEXT"#
    private static let typeV2 =
        #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" VARCHAR(255) NOT NULL, "type_kind" TINYINT(1) NOT NULL, "input_type" TEXT, "output_type" TEXT"#
    private static let typeV6 =
        #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" VARCHAR(255) NOT NULL, "version" VARCHAR(255), "type_kind" TINYINT(1) NOT NULL, "description" TEXT, "input_type" TEXT, "output_type" TEXT"#
    private static let typeV9 = typeV6 + #", "external_id" VARCHAR(255) UNIQUE"#
    private static let typeColumnsV6 = ["id", "name", "version", "type_kind", "description", "input_type", "output_type"]

    private static let times = #""create_time_since_epoch" INT NOT NULL DEFAULT 0, "last_update_time_since_epoch" INT NOT NULL DEFAULT 0"#
    private static let timeColumns = ["create_time_since_epoch", "last_update_time_since_epoch"]
    private static let uniqueName = #"UNIQUE ("type_id", "name")"#

    private static let artifactV4 = #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "type_id" INT NOT NULL, "uri" TEXT"#
    private static let artifactV5 = #"\#(artifactV4), "state" INT, "name" VARCHAR(255), \#(times), \#(uniqueName)"#
    private static let artifactV9 =
        #"\#(artifactV4), "state" INT, "name" VARCHAR(255), "external_id" VARCHAR(255) UNIQUE, \#(times), \#(uniqueName)"#
    private static let artifactColumnsV5 = ["id", "type_id", "uri", "state", "name"] + timeColumns

    private static let executionV4 = #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "type_id" INT NOT NULL"#
    private static let executionV5 = #"\#(executionV4), "last_known_state" INT, "name" VARCHAR(255), \#(times), \#(uniqueName)"#
    private static let executionV9 =
        #"\#(executionV4), "last_known_state" INT, "name" VARCHAR(255), "external_id" VARCHAR(255) UNIQUE, \#(times), \#(uniqueName)"#
    private static let executionColumnsV5 = ["id", "type_id", "last_known_state", "name"] + timeColumns

    private static let contextV3 =
        #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "type_id" INT NOT NULL, "name" VARCHAR(255) NOT NULL, \#(uniqueName)"#
    private static let contextV5 =
        #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "type_id" INT NOT NULL, "name" VARCHAR(255) NOT NULL, \#(times), \#(uniqueName)"#
    private static let contextV9 =
        #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "type_id" INT NOT NULL, "name" VARCHAR(255) NOT NULL, "external_id" VARCHAR(255) UNIQUE, \#(times), \#(uniqueName)"#
    private static let contextColumnsV5 = ["id", "type_id", "name"] + timeColumns

    private static let eventV7 =
        #""id" INTEGER PRIMARY KEY AUTOINCREMENT, "artifact_id" INT NOT NULL, "execution_id" INT NOT NULL, "type" INT NOT NULL, "milliseconds_since_epoch" INT"#
    private static let eventV8 = eventV7 + #", UNIQUE ("artifact_id", "execution_id", "type")"#
    private static let eventColumns = ["id", "artifact_id", "execution_id", "type", "milliseconds_since_epoch"]

    /// The three property tables, by the node column that owns their rows.
    private static let propertyTables = [
        ("ArtifactProperty", "artifact_id"), ("ExecutionProperty", "execution_id"), ("ContextProperty", "context_id"),
    ]
    private static let propertyColumnsV6 = ["name", "is_custom_property", "int_value", "double_value", "string_value"]

    /// A property table's columns up to `byte_value` (version 7), or without it (before).
    private static func propertyTable(owner: String, bytes: Bool) -> String {
        #""\#(owner)" INT NOT NULL, "name" VARCHAR(255) NOT NULL, "is_custom_property" TINYINT(1) NOT NULL, "int_value" INT, "double_value" DOUBLE, "string_value" TEXT, "#
            + (bytes ? #""byte_value" BLOB, "# : "") + #"PRIMARY KEY ("\#(owner)", "name", "is_custom_property")"#
    }

    /// Replaces `table` with a copy of the layout `columns`, filled from `source` (the old table's
    /// columns, in the order of `into`). The old table's indexes go with it.
    private static func rebuild(_ table: String, as columns: String, into: [String], from source: [String]? = nil) -> [MigrationStatement] {
        let temporary = table + "Temp"
        return [
            MigrationStatement(#"CREATE TABLE "\#(temporary)" (\#(columns))"#),
            MigrationStatement(#"INSERT INTO "\#(temporary)" (\#(quoted(into))) SELECT \#(quoted(source ?? into)) FROM "\#(table)""#),
            MigrationStatement(#"DROP TABLE "\#(table)""#),
            MigrationStatement(#"ALTER TABLE "\#(temporary)" RENAME TO "\#(table)""#),
        ]
    }

    private static func quoted(_ columns: [String]) -> String {
        columns.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    // MARK: Indexes

    private static func index(_ name: String, _ table: String, _ columns: String...) -> MigrationStatement {
        MigrationStatement(#"CREATE INDEX IF NOT EXISTS "\#(name)" ON "\#(table)" (\#(quoted(columns)))"#)
    }

    private static func dropIndex(_ name: String) -> MigrationStatement {
        MigrationStatement(#"DROP INDEX "\#(name)""#)
    }

    /// The indexes of the node tables' times, Artifact.uri and Type.name, which version 6 added
    /// and rebuilds of those tables recreate.
    private static let nodeIndexes = [
        index("idx_artifact_uri", "Artifact", "uri"),
        index("idx_artifact_create_time_since_epoch", "Artifact", "create_time_since_epoch"),
        index("idx_artifact_last_update_time_since_epoch", "Artifact", "last_update_time_since_epoch"),
        index("idx_type_name", "Type", "name"),
        index("idx_execution_create_time_since_epoch", "Execution", "create_time_since_epoch"),
        index("idx_execution_last_update_time_since_epoch", "Execution", "last_update_time_since_epoch"),
        index("idx_context_create_time_since_epoch", "Context", "create_time_since_epoch"),
        index("idx_context_last_update_time_since_epoch", "Context", "last_update_time_since_epoch"),
    ]

    private static let externalIDIndexes = [("type", "Type"), ("artifact", "Artifact"), ("execution", "Execution"), ("context", "Context")]
        .map { index("idx_\($0.0)_external_id", $0.1, "external_id") }

    /// The nine property indexes of version 8: partial, over the rows with a value of their kind.
    private static let propertyIndexNames = ["artifact", "execution", "context"].flatMap { node in
        ["int", "double", "string"].map { (node, $0) }
    }

    private static let propertyIndexes: [MigrationStatement] = propertyIndexNames.map { node, value in
        let table = node.prefix(1).uppercased() + node.dropFirst() + "Property"
        return MigrationStatement(
            #"CREATE INDEX IF NOT EXISTS "idx_\#(node)_property_\#(value)" ON "\#(table)" ("name", "is_custom_property", "\#(value)_value") WHERE "\#(value)_value" IS NOT NULL"#
        )
    }

    private static let dropPropertyIndexes = propertyIndexNames.map { dropIndex("idx_\($0.0)_property_\($0.1)") }

    // MARK: Steps

    /// `MLMDEnv`, which records the version from 1 on.
    static let step1 = MigrationStep(
        version: 1,
        upgrade: [
            #"CREATE TABLE IF NOT EXISTS "MLMDEnv" ("schema_version" INTEGER PRIMARY KEY)"#,
            #"INSERT INTO "MLMDEnv" ("schema_version") VALUES (0)"#,
        ],
        downgrade: [#"DROP TABLE IF EXISTS "MLMDEnv""#])

    /// `Type.is_artifact_type` becomes `type_kind`, which can say context (2); going back deletes
    /// the context types (their `TypeProperty` rows stay).
    static let step2 = MigrationStep(
        version: 2,
        upgrade: rebuild(
            "Type", as: typeV2, into: ["id", "name", "type_kind", "input_type", "output_type"],
            from: ["id", "name", "is_artifact_type", "input_type", "output_type"]),
        downgrade: [#"DELETE FROM "Type" WHERE "type_kind" = 2"#]
            + rebuild(
                "Type", as: typeV1, into: ["id", "name", "is_artifact_type", "input_type", "output_type"],
                from: ["id", "name", "type_kind", "input_type", "output_type"]))

    /// Contexts and their properties.
    static let step3 = MigrationStep(
        version: 3,
        upgrade: [
            MigrationStatement(#"CREATE TABLE IF NOT EXISTS "Context" (\#(contextV3))"#),
            MigrationStatement(#"CREATE TABLE IF NOT EXISTS "ContextProperty" (\#(propertyTable(owner: "context_id", bytes: false)))"#),
        ],
        downgrade: [#"DROP TABLE IF EXISTS "Context""#, #"DROP TABLE IF EXISTS "ContextProperty""#])

    /// Associations and attributions.
    static let step4 = MigrationStep(
        version: 4,
        upgrade: [
            #"CREATE TABLE IF NOT EXISTS "Association" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "context_id" INT NOT NULL, "execution_id" INT NOT NULL, UNIQUE ("context_id", "execution_id"))"#,
            #"CREATE TABLE IF NOT EXISTS "Attribution" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "context_id" INT NOT NULL, "artifact_id" INT NOT NULL, UNIQUE ("context_id", "artifact_id"))"#,
        ],
        downgrade: [#"DROP TABLE IF EXISTS "Association""#, #"DROP TABLE IF EXISTS "Attribution""#])

    /// Node states, names (unique per type) and times; existing nodes get NULL and 0.
    static let step5 = MigrationStep(
        version: 5,
        upgrade: rebuild("Artifact", as: artifactV5, into: ["id", "type_id", "uri"])
            + rebuild("Execution", as: executionV5, into: ["id", "type_id"])
            + [
                MigrationStatement(#"ALTER TABLE "Context" ADD COLUMN "create_time_since_epoch" INT NOT NULL DEFAULT 0"#),
                MigrationStatement(#"ALTER TABLE "Context" ADD COLUMN "last_update_time_since_epoch" INT NOT NULL DEFAULT 0"#),
            ],
        downgrade: rebuild("Artifact", as: artifactV4, into: ["id", "type_id", "uri"])
            + rebuild("Execution", as: executionV4, into: ["id", "type_id"])
            + rebuild("Context", as: contextV3, into: ["id", "type_id", "name"]))

    /// Parent types and contexts, type versions and descriptions, and the first secondary indexes.
    static let step6 = MigrationStep(
        version: 6,
        upgrade: [
            #"CREATE TABLE IF NOT EXISTS "ParentType" ("type_id" INT NOT NULL, "parent_type_id" INT NOT NULL, PRIMARY KEY ("type_id", "parent_type_id"))"#,
            #"CREATE TABLE IF NOT EXISTS "ParentContext" ("context_id" INT NOT NULL, "parent_context_id" INT NOT NULL, PRIMARY KEY ("context_id", "parent_context_id"))"#,
        ]
            + rebuild("Type", as: typeV6, into: ["id", "name", "type_kind", "input_type", "output_type"])
            + Array(nodeIndexes[0..<3])
            + [
                index("idx_event_artifact_id", "Event", "artifact_id"), index("idx_event_execution_id", "Event", "execution_id"),
                index("idx_parentcontext_parent_context_id", "ParentContext", "parent_context_id"),
            ]
            + Array(nodeIndexes[3...]),
        downgrade: [#"DROP TABLE "ParentType""#, #"DROP TABLE "ParentContext""#]
            + rebuild("Type", as: typeV2, into: ["id", "name", "type_kind", "input_type", "output_type"])
            + [
                "idx_artifact_uri", "idx_artifact_create_time_since_epoch", "idx_artifact_last_update_time_since_epoch",
                "idx_event_artifact_id", "idx_event_execution_id", "idx_execution_create_time_since_epoch",
                "idx_execution_last_update_time_since_epoch", "idx_context_create_time_since_epoch",
                "idx_context_last_update_time_since_epoch",
            ].map(dropIndex))

    /// Byte property values, and an index of event paths by event.
    static let step7 = MigrationStep(
        version: 7,
        upgrade: propertyTables.map { MigrationStatement(#"ALTER TABLE "\#($0.0)" ADD COLUMN "byte_value" BLOB"#) }
            + [index("idx_eventpath_event_id", "EventPath", "event_id")],
        downgrade: propertyTables.flatMap { table, owner in
            rebuild(table, as: propertyTable(owner: owner, bytes: false), into: [owner] + propertyColumnsV6)
        } + [dropIndex("idx_eventpath_event_id")])

    /// Property indexes, and one event per artifact, execution and type: of duplicates the latest
    /// (highest id) stays, and paths of events that are gone go too.
    static let step8 = MigrationStep(
        version: 8,
        upgrade: propertyIndexes
            + [
                MigrationStatement(#"CREATE TABLE "EventTemp" (\#(eventV8))"#),
                MigrationStatement(
                    #"INSERT OR IGNORE INTO "EventTemp" (\#(quoted(eventColumns))) SELECT \#(quoted(eventColumns)) FROM "Event" ORDER BY "id" DESC"#
                ),
                #"DROP TABLE "Event""#,
                #"ALTER TABLE "EventTemp" RENAME TO "Event""#,
                index("idx_event_execution_id", "Event", "execution_id"),
                #"DELETE FROM "EventPath" WHERE "event_id" NOT IN (SELECT "id" FROM "Event")"#,
            ],
        downgrade: rebuild("Event", as: eventV7, into: eventColumns)
            + [index("idx_event_artifact_id", "Event", "artifact_id"), index("idx_event_execution_id", "Event", "execution_id")]
            + dropPropertyIndexes)

    /// External ids of types and nodes, unique, with an index each.
    static let step9 = MigrationStep(
        version: 9,
        upgrade: rebuild("Type", as: typeV9, into: typeColumnsV6)
            + rebuild("Artifact", as: artifactV9, into: artifactColumnsV5)
            + rebuild("Execution", as: executionV9, into: executionColumnsV5)
            + rebuild("Context", as: contextV9, into: contextColumnsV5)
            + nodeIndexes + externalIDIndexes,
        downgrade: ["idx_type_external_id", "idx_artifact_external_id", "idx_execution_external_id", "idx_context_external_id"].map(
            dropIndex)
            + rebuild("Type", as: typeV6, into: typeColumnsV6)
            + rebuild("Artifact", as: artifactV5, into: artifactColumnsV5)
            + rebuild("Execution", as: executionV5, into: executionColumnsV5)
            + rebuild("Context", as: contextV5, into: contextColumnsV5)
            + nodeIndexes)

    /// Proto and bool property values. Going back keeps the property rows whose value was one of
    /// those, with every value column NULL, as ml-metadata does.
    static let step10 = MigrationStep(
        version: 10,
        upgrade: propertyTables.flatMap { table, _ in
            [
                MigrationStatement(#"ALTER TABLE "\#(table)" ADD COLUMN "proto_value" BLOB"#),
                MigrationStatement(#"ALTER TABLE "\#(table)" ADD COLUMN "bool_value" BOOLEAN"#),
            ]
        },
        downgrade: propertyTables.flatMap { table, owner in
            rebuild(table, as: propertyTable(owner: owner, bytes: true), into: [owner] + propertyColumnsV6 + ["byte_value"])
        } + propertyIndexes)
}
