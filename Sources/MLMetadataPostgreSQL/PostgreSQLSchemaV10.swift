import MLMetadata

/// ml-metadata's schema version 10 on PostgreSQL, so that both implementations share one database:
/// the tables of `SchemaV10` with lower-case names (ml-metadata writes them unquoted), SERIAL
/// (int4) ids, BOOLEAN flags, BYTEA proto values, ml-metadata's constraint names, and the same
/// indexes, not partial. 48 indexes in all with the keys', as ml-metadata counts them.
enum PostgreSQLSchemaV10 {
    static let layout = SchemaLayout(createStatements: createTables + createIndexes, migrations: PostgreSQLMigrations.migrations)

    private static func propertyTable(_ table: String, owner: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(table) (\(owner) INT NOT NULL, name VARCHAR(255) NOT NULL, \
        is_custom_property BOOLEAN NOT NULL, int_value INT, double_value DOUBLE PRECISION, string_value TEXT, \
        byte_value BYTEA, proto_value BYTEA, bool_value BOOLEAN, PRIMARY KEY (\(owner), name, is_custom_property))
        """
    }

    private static let nodeTimes =
        "create_time_since_epoch BIGINT NOT NULL DEFAULT 0, last_update_time_since_epoch BIGINT NOT NULL DEFAULT 0"

    static let createTables: [String] = [
        """
        CREATE TABLE IF NOT EXISTS type (id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL, version VARCHAR(255), \
        type_kind SMALLINT NOT NULL, description TEXT, input_type TEXT, output_type TEXT, external_id VARCHAR(255) UNIQUE)
        """,
        "CREATE TABLE IF NOT EXISTS typeproperty (type_id INT NOT NULL, name VARCHAR(255) NOT NULL, data_type INT NULL, PRIMARY KEY (type_id, name))",
        "CREATE TABLE IF NOT EXISTS parenttype (type_id INT NOT NULL, parent_type_id INT NOT NULL, PRIMARY KEY (type_id, parent_type_id))",
        """
        CREATE TABLE IF NOT EXISTS artifact (id SERIAL PRIMARY KEY, type_id INT NOT NULL, uri TEXT, state INT, \
        name VARCHAR(255), external_id VARCHAR(255) UNIQUE, \(nodeTimes), CONSTRAINT UniqueArtifactTypeName UNIQUE (type_id, name))
        """,
        propertyTable("artifactproperty", owner: "artifact_id"),
        """
        CREATE TABLE IF NOT EXISTS execution (id SERIAL PRIMARY KEY, type_id INT NOT NULL, last_known_state INT, \
        name VARCHAR(255), external_id VARCHAR(255) UNIQUE, \(nodeTimes), CONSTRAINT UniqueExecutionTypeName UNIQUE (type_id, name))
        """,
        propertyTable("executionproperty", owner: "execution_id"),
        """
        CREATE TABLE IF NOT EXISTS event (id SERIAL PRIMARY KEY, artifact_id INT NOT NULL, execution_id INT NOT NULL, \
        type INT NOT NULL, milliseconds_since_epoch BIGINT, CONSTRAINT UniqueEvent UNIQUE (artifact_id, execution_id, type))
        """,
        "CREATE TABLE IF NOT EXISTS eventpath (event_id INT NOT NULL, is_index_step BOOLEAN NOT NULL, step_index INT, step_key TEXT)",
        "CREATE TABLE IF NOT EXISTS mlmdenv (schema_version INT PRIMARY KEY)",
        """
        CREATE TABLE IF NOT EXISTS context (id SERIAL PRIMARY KEY, type_id INT NOT NULL, name VARCHAR(255) NOT NULL, \
        external_id VARCHAR(255) UNIQUE, \(nodeTimes), UNIQUE (type_id, name))
        """,
        propertyTable("contextproperty", owner: "context_id"),
        "CREATE TABLE IF NOT EXISTS parentcontext (context_id INT NOT NULL, parent_context_id INT NOT NULL, PRIMARY KEY (context_id, parent_context_id))",
        "CREATE TABLE IF NOT EXISTS association (id SERIAL PRIMARY KEY, context_id INT NOT NULL, execution_id INT NOT NULL, UNIQUE (context_id, execution_id))",
        "CREATE TABLE IF NOT EXISTS attribution (id SERIAL PRIMARY KEY, context_id INT NOT NULL, artifact_id INT NOT NULL, UNIQUE (context_id, artifact_id))",
    ]

    /// The secondary indexes of `SchemaV10.createIndexes`, by the same names, over whole columns.
    static let createIndexes: [String] = {
        func index(_ name: String, _ table: String, _ columns: String) -> String {
            "CREATE INDEX IF NOT EXISTS \(name) ON \(table) (\(columns))"
        }
        var indexes = [
            index("idx_artifact_uri", "artifact", "uri"),
            index("idx_artifact_create_time_since_epoch", "artifact", "create_time_since_epoch"),
            index("idx_artifact_last_update_time_since_epoch", "artifact", "last_update_time_since_epoch"),
            index("idx_event_execution_id", "event", "execution_id"),
            index("idx_parentcontext_parent_context_id", "parentcontext", "parent_context_id"),
            index("idx_type_name", "type", "name"),
            index("idx_execution_create_time_since_epoch", "execution", "create_time_since_epoch"),
            index("idx_execution_last_update_time_since_epoch", "execution", "last_update_time_since_epoch"),
            index("idx_context_create_time_since_epoch", "context", "create_time_since_epoch"),
            index("idx_context_last_update_time_since_epoch", "context", "last_update_time_since_epoch"),
            index("idx_eventpath_event_id", "eventpath", "event_id"),
        ]
        for node in ["artifact", "execution", "context"] {
            for value in ["int", "double", "string"] {
                indexes.append(index("idx_\(node)_property_\(value)", "\(node)property", "name, is_custom_property, \(value)_value"))
            }
        }
        for table in ["type", "artifact", "execution", "context"] {
            indexes.append(index("idx_\(table)_external_id", table, "external_id"))
        }
        return indexes
    }()
}
