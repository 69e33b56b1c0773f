import MLMetadata

/// ml-metadata's migrations between schema versions 0 … 10 on PostgreSQL. A whole migration is
/// one transaction, begun by taking a transaction-scoped advisory lock that only migrations take,
/// so that a second migration waits and then finds the database migrated.
///
/// Where ml-metadata 1.17.1's own steps work, these leave what they leave (the same columns,
/// constraint and index names, rows, and the property tables' `…temp_pkey` keys and partial
/// indexes of its downgrade from 10, which its upgrade keeps). Where they fail or leave a store
/// that cannot be written, these leave a fresh store's layout instead, and say so:
///
/// - 1 → 0: ml-metadata has no step (it fails); here `mlmdenv` is dropped, as on SQLite and MySQL.
///   A database at 0 (ml-metadata 0.13.2's tables, no `mlmdenv`) is recognised, which
///   ml-metadata's lower-case-blind check never does.
/// - 2 → 3: `contextproperty.is_custom_property` is BOOLEAN, as in a fresh store and in the other
///   property tables; ml-metadata's SMALLINT refuses the booleans its store writes there.
/// - 7 → 8: duplicate events are deleted in place (the latest of each stays, as in ml-metadata)
///   and the unique key is added, so `event` keeps its sequence and `event_pkey`; ml-metadata's
///   copy into `eventtemp` leaves a new sequence that was never advanced, so the next event would
///   collide with event 1.
/// - 8 → 9: `type`, `artifact`, `execution` and `context` are rebuilt as ml-metadata means to,
///   into a fresh store's layout (columns in its order, BIGINT times, its key names), and each id
///   sequence goes on from where it was. ml-metadata's copies into `…temp` tables declare the
///   times INT (a millisecond timestamp overflows it and the upgrade fails), leave sequences never
///   advanced (the next insert collides with id 1) and `…temp` key names, and drop the external
///   ids.
/// - 9 → 8 changes nothing but the version, as in ml-metadata: the external ids stay, and an
///   upgrade keeps them.
enum PostgreSQLMigrations {
    static let migrations = SchemaMigrations(
        steps: [step1, step2, step3, step4, step5, step6, step7, step8, step9, step10],
        catalog: SchemaCatalog(
            tablesQuery: "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
            columnsQuery:
                "SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?",
            indexesQuery: "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?",
            foldsNamesToLowerCase: true),
        begin: "BEGIN",
        lock: MigrationLock(
            acquire: { connection in
                // Keys "mlmd" and 1: a lock of this database (advisory locks are per database)
                // held until the transaction ends.
                _ = try connection.statement("SELECT pg_advisory_xact_lock(1835822436, 1)").step()
            },
            release: { _ in }),
        recordVersion: { "UPDATE mlmdenv SET schema_version = \($0)" })

    private static let nodes = ["artifact", "execution", "context"]
    private static let propertyValues = ["int", "double", "string"]

    private static func index(_ name: String, _ table: String, _ columns: String) -> MigrationStatement {
        MigrationStatement("CREATE INDEX \(name) ON \(table) (\(columns))")
    }

    private static func dropIndexes(_ names: [String]) -> [MigrationStatement] {
        names.map { MigrationStatement("DROP INDEX \($0)") }
    }

    private static let propertyIndexNames = nodes.flatMap { node in propertyValues.map { "idx_\(node)_property_\($0)" } }

    // MARK: Steps

    /// `mlmdenv`, which records the version from 1 on.
    static let step1 = MigrationStep(
        version: 1,
        upgrade: [
            "CREATE TABLE IF NOT EXISTS mlmdenv (schema_version INT PRIMARY KEY)",
            "INSERT INTO mlmdenv (schema_version) VALUES (0)",
        ],
        downgrade: ["DROP TABLE IF EXISTS mlmdenv"])

    /// `type.is_artifact_type` becomes `type_kind`; going back deletes the context types.
    static let step2 = MigrationStep(
        version: 2,
        upgrade: ["ALTER TABLE type RENAME COLUMN is_artifact_type TO type_kind"],
        downgrade: ["DELETE FROM type WHERE type_kind = 2", "ALTER TABLE type RENAME COLUMN type_kind TO is_artifact_type"])

    /// Contexts and their properties.
    static let step3 = MigrationStep(
        version: 3,
        upgrade: [
            "CREATE TABLE IF NOT EXISTS context (id SERIAL PRIMARY KEY, type_id INT NOT NULL, name VARCHAR(255) NOT NULL, UNIQUE (type_id, name))",
            """
            CREATE TABLE IF NOT EXISTS contextproperty (context_id INT NOT NULL, name VARCHAR(255) NOT NULL, \
            is_custom_property BOOLEAN NOT NULL, int_value INT, double_value DOUBLE PRECISION, string_value TEXT, \
            PRIMARY KEY (context_id, name, is_custom_property))
            """,
        ],
        downgrade: ["DROP TABLE IF EXISTS context", "DROP TABLE IF EXISTS contextproperty"])

    /// Associations and attributions.
    static let step4 = MigrationStep(
        version: 4,
        upgrade: [
            "CREATE TABLE IF NOT EXISTS association (id SERIAL PRIMARY KEY, context_id INT NOT NULL, execution_id INT NOT NULL, UNIQUE (context_id, execution_id))",
            "CREATE TABLE IF NOT EXISTS attribution (id SERIAL PRIMARY KEY, context_id INT NOT NULL, artifact_id INT NOT NULL, UNIQUE (context_id, artifact_id))",
        ],
        downgrade: ["DROP TABLE IF EXISTS association", "DROP TABLE IF EXISTS attribution"])

    private static let addTimes =
        "ADD COLUMN create_time_since_epoch BIGINT NOT NULL DEFAULT 0, ADD COLUMN last_update_time_since_epoch BIGINT NOT NULL DEFAULT 0"
    private static let dropTimes = "DROP COLUMN create_time_since_epoch, DROP COLUMN last_update_time_since_epoch"

    /// Node states, names (unique per type) and times; existing nodes get NULL and 0.
    static let step5 = MigrationStep(
        version: 5,
        upgrade: [
            MigrationStatement(
                "ALTER TABLE artifact ADD COLUMN state INT, ADD COLUMN name VARCHAR(255), \(addTimes), ADD CONSTRAINT UniqueArtifactTypeName UNIQUE (type_id, name)"
            ),
            MigrationStatement(
                "ALTER TABLE execution ADD COLUMN last_known_state INT, ADD COLUMN name VARCHAR(255), \(addTimes), ADD CONSTRAINT UniqueExecutionTypeName UNIQUE (type_id, name)"
            ),
            MigrationStatement("ALTER TABLE context \(addTimes)"),
        ],
        downgrade: [
            MigrationStatement(
                "ALTER TABLE artifact DROP CONSTRAINT UniqueArtifactTypeName, DROP COLUMN state, DROP COLUMN name, \(dropTimes)"),
            MigrationStatement(
                "ALTER TABLE execution DROP CONSTRAINT UniqueExecutionTypeName, DROP COLUMN last_known_state, DROP COLUMN name, \(dropTimes)"
            ),
            MigrationStatement("ALTER TABLE context \(dropTimes)"),
        ])

    /// Parent types and contexts, type versions and descriptions, and the first secondary indexes.
    static let step6 = MigrationStep(
        version: 6,
        upgrade: [
            "CREATE TABLE IF NOT EXISTS parenttype (type_id INT NOT NULL, parent_type_id INT NOT NULL, PRIMARY KEY (type_id, parent_type_id))",
            "CREATE TABLE IF NOT EXISTS parentcontext (context_id INT NOT NULL, parent_context_id INT NOT NULL, PRIMARY KEY (context_id, parent_context_id))",
            "ALTER TABLE type ADD COLUMN version VARCHAR(255), ADD COLUMN description TEXT",
            index("idx_artifact_uri", "artifact", "uri"),
            index("idx_artifact_create_time_since_epoch", "artifact", "create_time_since_epoch"),
            index("idx_artifact_last_update_time_since_epoch", "artifact", "last_update_time_since_epoch"),
            index("idx_event_artifact_id", "event", "artifact_id"),
            index("idx_event_execution_id", "event", "execution_id"),
            index("idx_parentcontext_parent_context_id", "parentcontext", "parent_context_id"),
            index("idx_type_name", "type", "name"),
            index("idx_execution_create_time_since_epoch", "execution", "create_time_since_epoch"),
            index("idx_execution_last_update_time_since_epoch", "execution", "last_update_time_since_epoch"),
            index("idx_context_create_time_since_epoch", "context", "create_time_since_epoch"),
            index("idx_context_last_update_time_since_epoch", "context", "last_update_time_since_epoch"),
        ],
        downgrade: ["DROP TABLE parenttype", "DROP TABLE parentcontext", "ALTER TABLE type DROP COLUMN version, DROP COLUMN description"]
            + dropIndexes([
                "idx_artifact_uri", "idx_artifact_create_time_since_epoch", "idx_artifact_last_update_time_since_epoch",
                "idx_event_artifact_id", "idx_event_execution_id", "idx_type_name", "idx_execution_create_time_since_epoch",
                "idx_execution_last_update_time_since_epoch", "idx_context_create_time_since_epoch",
                "idx_context_last_update_time_since_epoch",
            ]))

    /// Byte property values, and an index of event paths by event. Going back cuts string values
    /// to their first 65535 characters, as ml-metadata does on every server.
    static let step7 = MigrationStep(
        version: 7,
        upgrade: nodes.map { MigrationStatement("ALTER TABLE \($0)property ADD COLUMN byte_value BYTEA") }
            + [index("idx_eventpath_event_id", "eventpath", "event_id")],
        downgrade: nodes.map { MigrationStatement("ALTER TABLE \($0)property DROP COLUMN byte_value") }
            + dropIndexes(["idx_eventpath_event_id"])
            + nodes.map {
                MigrationStatement(
                    "UPDATE \($0)property SET string_value = SUBSTRING(string_value, 1, 65535) WHERE length(string_value) > 65535")
            })

    /// Property indexes, and one event per artifact, execution and type: of duplicates the latest
    /// (highest id) stays, and paths of events that are gone go too.
    static let step8 = MigrationStep(
        version: 8,
        upgrade: nodes.flatMap { node in
            propertyValues.map { index("idx_\(node)_property_\($0)", "\(node)property", "name, is_custom_property, \($0)_value") }
        } + [
            "DELETE FROM event WHERE id NOT IN (SELECT max(id) FROM event GROUP BY artifact_id, execution_id, type)",
            "ALTER TABLE event ADD CONSTRAINT UniqueEvent UNIQUE (artifact_id, execution_id, type)",
            "DROP INDEX IF EXISTS idx_event_artifact_id",
            "CREATE INDEX IF NOT EXISTS idx_event_execution_id ON event (execution_id)",
            "DELETE FROM eventpath WHERE event_id NOT IN (SELECT id FROM event)",
        ],
        downgrade: ["ALTER TABLE event DROP CONSTRAINT UniqueEvent", index("idx_event_artifact_id", "event", "artifact_id")]
            + dropIndexes(propertyIndexNames))

    /// A table of version 9 and later, in a fresh store's layout, and the secondary indexes that
    /// go with it.
    private struct NodeTable {
        var name: String
        var columns: [(name: String, type: String)]
        /// The unique key on (type_id, name), by a fresh store's name; nil for `type`.
        var uniqueName: String?
        var indexes: [(name: String, columns: String)]
    }

    private static let timeColumns = [
        ("create_time_since_epoch", "BIGINT NOT NULL DEFAULT 0"), ("last_update_time_since_epoch", "BIGINT NOT NULL DEFAULT 0"),
    ]
    private static func timeIndexes(_ table: String) -> [(name: String, columns: String)] {
        [
            ("idx_\(table)_create_time_since_epoch", "create_time_since_epoch"),
            ("idx_\(table)_last_update_time_since_epoch", "last_update_time_since_epoch"),
        ]
    }

    private static let nodeTablesV9 = [
        NodeTable(
            name: "type",
            columns: [
                ("id", "SERIAL PRIMARY KEY"), ("name", "VARCHAR(255) NOT NULL"), ("version", "VARCHAR(255)"),
                ("type_kind", "SMALLINT NOT NULL"),
                ("description", "TEXT"), ("input_type", "TEXT"), ("output_type", "TEXT"), ("external_id", "VARCHAR(255) UNIQUE"),
            ],
            uniqueName: nil,
            indexes: [("idx_type_name", "name"), ("idx_type_external_id", "external_id")]),
        NodeTable(
            name: "artifact",
            columns: [
                ("id", "SERIAL PRIMARY KEY"), ("type_id", "INT NOT NULL"), ("uri", "TEXT"), ("state", "INT"), ("name", "VARCHAR(255)"),
                ("external_id", "VARCHAR(255) UNIQUE"),
            ] + timeColumns,
            uniqueName: "uniqueartifacttypename",
            indexes: [("idx_artifact_uri", "uri")] + timeIndexes("artifact") + [("idx_artifact_external_id", "external_id")]),
        NodeTable(
            name: "execution",
            columns: [
                ("id", "SERIAL PRIMARY KEY"), ("type_id", "INT NOT NULL"), ("last_known_state", "INT"), ("name", "VARCHAR(255)"),
                ("external_id", "VARCHAR(255) UNIQUE"),
            ] + timeColumns,
            uniqueName: "uniqueexecutiontypename",
            indexes: timeIndexes("execution") + [("idx_execution_external_id", "external_id")]),
        NodeTable(
            name: "context",
            columns: [
                ("id", "SERIAL PRIMARY KEY"), ("type_id", "INT NOT NULL"), ("name", "VARCHAR(255) NOT NULL"),
                ("external_id", "VARCHAR(255) UNIQUE"),
            ] + timeColumns,
            uniqueName: "context_type_id_name_key",
            indexes: timeIndexes("context") + [("idx_context_external_id", "external_id")]),
    ]

    /// Rebuilds `table` in a fresh store's layout, keeping what a plain copy would lose: the copy
    /// is built as `<table>_v9`, its id sequence takes the old one's position, and once the old
    /// table is dropped it takes its name, and its keys and sequence the names a fresh store gives
    /// them. External ids come along where the old table has them.
    private static func rebuild(_ table: NodeTable) -> [MigrationStatement] {
        let name = table.name, copy = table.name + "_v9"
        let withoutExternalID = table.columns.map(\.name).filter { $0 != "external_id" }.joined(separator: ", ")
        let all = table.columns.map(\.name).joined(separator: ", ")
        // The old sequence's position, or the highest id where that is behind (a sequence
        // ml-metadata's own rebuild left unused): the next id is past both.
        let position =
            "greatest(coalesce(pg_sequence_last_value(pg_get_serial_sequence('\(name)', 'id')::regclass), 0), coalesce(max(id), 0))"
        let sequence = "pg_get_serial_sequence('\(copy)', 'id')"
        return [
            MigrationStatement(
                "CREATE TABLE \(copy) (\(table.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", "))"
                    + (table.uniqueName == nil ? "" : ", UNIQUE (type_id, name)") + ")"),
            MigrationStatement(
                "INSERT INTO \(copy) (\(all)) SELECT \(all) FROM \(name)", when: .columnExists(table: name, column: "external_id")),
            MigrationStatement(
                "INSERT INTO \(copy) (\(withoutExternalID)) SELECT \(withoutExternalID) FROM \(name)",
                when: .columnMissing(table: name, column: "external_id")),
            MigrationStatement(
                """
                SELECT CASE WHEN position = 0 THEN setval(\(sequence), 1, false) ELSE setval(\(sequence), position, true) END \
                FROM (SELECT \(position) AS position FROM \(copy)) AS next
                """),
            MigrationStatement("DROP TABLE \(name)"),
            MigrationStatement("ALTER TABLE \(copy) RENAME TO \(name)"),
            MigrationStatement("ALTER TABLE \(name) RENAME CONSTRAINT \(copy)_pkey TO \(name)_pkey"),
            MigrationStatement("ALTER TABLE \(name) RENAME CONSTRAINT \(copy)_external_id_key TO \(name)_external_id_key"),
        ] + (table.uniqueName.map { [MigrationStatement("ALTER TABLE \(name) RENAME CONSTRAINT \(copy)_type_id_name_key TO \($0)")] } ?? [])
            + [MigrationStatement("ALTER SEQUENCE \(copy)_id_seq RENAME TO \(name)_id_seq")]
            + table.indexes.map { MigrationStatement("CREATE INDEX \($0.name) ON \(name) (\($0.columns))") }
    }

    /// External ids of types and nodes, unique, with an index each, in a fresh store's layout:
    /// the four tables are rebuilt with the column after `name` (last in `type`), and a column
    /// ml-metadata's downgrade left in place is kept with its values.
    static let step9 = MigrationStep(version: 9, upgrade: nodeTablesV9.flatMap(rebuild), downgrade: [])

    /// Proto and bool property values. Going back rebuilds the property tables as ml-metadata
    /// does, keeping the rows whose value was one of those with every value column NULL.
    static let step10 = MigrationStep(
        version: 10,
        upgrade: nodes.map { MigrationStatement("ALTER TABLE \($0)property ADD COLUMN proto_value BYTEA, ADD COLUMN bool_value BOOLEAN") },
        downgrade: nodes.flatMap { node in
            let table = "\(node)property", owner = "\(node)_id"
            let columns = "\(owner), name, is_custom_property, int_value, double_value, string_value, byte_value"
            return [
                MigrationStatement(
                    """
                    CREATE TABLE \(table)temp (\(owner) INT NOT NULL, name VARCHAR(255) NOT NULL, is_custom_property BOOLEAN NOT NULL, \
                    int_value INT, double_value DOUBLE PRECISION, string_value TEXT, byte_value BYTEA, PRIMARY KEY (\(owner), name, is_custom_property))
                    """),
                MigrationStatement("INSERT INTO \(table)temp (\(columns)) SELECT \(columns) FROM \(table)"),
                MigrationStatement("DROP TABLE \(table)"),
                MigrationStatement("ALTER TABLE \(table)temp RENAME TO \(table)"),
            ]
        }
            + nodes.flatMap { node in
                propertyValues.map {
                    MigrationStatement(
                        "CREATE INDEX IF NOT EXISTS idx_\(node)_property_\($0) ON \(node)property (name, is_custom_property, \($0)_value) WHERE \($0)_value IS NOT NULL"
                    )
                }
            })
}
