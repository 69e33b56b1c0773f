import MLMDProtos
import MLMetadata

/// ml-metadata's migrations between schema versions 0 … 10 on MySQL and MariaDB, leaving the
/// tables, columns (types and order), key and index names, rows and AUTO_INCREMENT counters
/// ml-metadata 1.17.1 leaves.
///
/// MySQL commits each DDL statement on its own, so a migration cannot be one transaction: each
/// step is committed with the version it reaches, and each statement either cannot fail when run
/// twice (`IF [NOT] EXISTS`) or runs only while the catalog shows its work undone. A migration
/// stopped midway (a killed process, a lost server) thus leaves the database at the last version
/// it recorded, with the next step perhaps partly done, and the next migration finishes it.
/// Migrations of one database take a named lock (`GET_LOCK`) before they read its version, so
/// that a second one waits and then finds the database migrated.
enum MySQLMigrations {
    static let migrations = SchemaMigrations(
        steps: [step1, step2, step3, step4, step5, step6, step7, step8, step9, step10],
        catalog: SchemaCatalog(
            tablesQuery: "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
            columnsQuery: "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?",
            indexesQuery:
                "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?",
            foldsNamesToLowerCase: false),
        begin: nil,
        lock: MigrationLock(acquire: acquireLock, release: releaseLock),
        recordVersion: { "UPDATE `MLMDEnv` SET `schema_version` = \($0)" })

    /// The lock's name: one per database, within MySQL's 64 characters whatever the database's name.
    private static let lockName = "CONCAT('mlmd-migration-', MD5(DATABASE()))"
    /// How long a migration waits for another one of the same database, in seconds.
    static let lockWaitSeconds = 600

    private static func acquireLock(_ connection: any DatabaseConnection) throws {
        let statement = try connection.statement("SELECT GET_LOCK(\(lockName), \(lockWaitSeconds))")
        guard try statement.step(), !statement.isNull(0), statement.int64(0) == 1 else {
            throw MetadataStoreError(
                .aborted,
                "\(connection.location): another migration of this database has held its lock for \(lockWaitSeconds) s; retry when it has ended"
            )
        }
        statement.reset()
    }

    private static func releaseLock(_ connection: any DatabaseConnection) {
        guard let statement = try? connection.statement("SELECT RELEASE_LOCK(\(lockName))") else { return }
        _ = try? statement.step()
        statement.reset()
    }

    private static let propertyTables = [
        ("ArtifactProperty", "artifact"), ("ExecutionProperty", "execution"), ("ContextProperty", "context"),
    ]

    private static func addIndex(_ name: String, _ table: String, _ columns: String) -> MigrationStatement {
        MigrationStatement("ALTER TABLE `\(table)` ADD INDEX `\(name)` (\(columns))", when: .indexMissing(table: table, index: name))
    }

    private static func dropIndex(_ name: String, _ table: String) -> MigrationStatement {
        MigrationStatement("ALTER TABLE `\(table)` DROP INDEX `\(name)`", when: .indexExists(table: table, index: name))
    }

    /// The nine property indexes of version 8; string values by their first 255 characters.
    private static let propertyIndexes: [(name: String, table: String, columns: String)] = propertyTables.flatMap { table, node in
        [
            ("idx_\(node)_property_int", table, "`name`, `is_custom_property`, `int_value`"),
            ("idx_\(node)_property_double", table, "`name`, `is_custom_property`, `double_value`"),
            ("idx_\(node)_property_string", table, "`name`, `is_custom_property`, `string_value`(255)"),
        ]
    }

    /// The indexes version 6 added, by table.
    private static let version6Indexes: [(name: String, table: String, columns: String)] = [
        ("idx_artifact_uri", "Artifact", "`uri`(255)"),
        ("idx_artifact_create_time_since_epoch", "Artifact", "`create_time_since_epoch`"),
        ("idx_artifact_last_update_time_since_epoch", "Artifact", "`last_update_time_since_epoch`"),
        ("idx_event_artifact_id", "Event", "`artifact_id`"),
        ("idx_event_execution_id", "Event", "`execution_id`"),
        ("idx_parentcontext_parent_context_id", "ParentContext", "`parent_context_id`"),
        ("idx_type_name", "Type", "`name`"),
        ("idx_execution_create_time_since_epoch", "Execution", "`create_time_since_epoch`"),
        ("idx_execution_last_update_time_since_epoch", "Execution", "`last_update_time_since_epoch`"),
        ("idx_context_create_time_since_epoch", "Context", "`create_time_since_epoch`"),
        ("idx_context_last_update_time_since_epoch", "Context", "`last_update_time_since_epoch`"),
    ]

    // MARK: Steps

    /// `MLMDEnv`, which records the version from 1 on.
    static let step1 = MigrationStep(
        version: 1,
        upgrade: [
            "CREATE TABLE IF NOT EXISTS `MLMDEnv` (`schema_version` INTEGER PRIMARY KEY)",
            "INSERT IGNORE INTO `MLMDEnv` (`schema_version`) VALUES (0)",
        ],
        downgrade: ["DROP TABLE IF EXISTS `MLMDEnv`"])

    /// `Type.is_artifact_type` becomes `type_kind`; going back deletes the context types.
    static let step2 = MigrationStep(
        version: 2,
        upgrade: [
            MigrationStatement(
                "ALTER TABLE `Type` CHANGE COLUMN `is_artifact_type` `type_kind` TINYINT(1) NOT NULL",
                when: .columnExists(table: "Type", column: "is_artifact_type"))
        ],
        downgrade: [
            MigrationStatement("DELETE FROM `Type` WHERE `type_kind` = 2", when: .columnExists(table: "Type", column: "type_kind")),
            MigrationStatement(
                "ALTER TABLE `Type` CHANGE COLUMN `type_kind` `is_artifact_type` TINYINT(1) NOT NULL",
                when: .columnExists(table: "Type", column: "type_kind")),
        ])

    /// Contexts and their properties.
    static let step3 = MigrationStep(
        version: 3,
        upgrade: [
            "CREATE TABLE IF NOT EXISTS `Context` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `type_id` INT NOT NULL, `name` VARCHAR(255) NOT NULL, UNIQUE (`type_id`, `name`))",
            """
            CREATE TABLE IF NOT EXISTS `ContextProperty` (`context_id` INT NOT NULL, `name` VARCHAR(255) NOT NULL, \
            `is_custom_property` TINYINT(1) NOT NULL, `int_value` INT, `double_value` DOUBLE, `string_value` TEXT, \
            PRIMARY KEY (`context_id`, `name`, `is_custom_property`))
            """,
        ],
        downgrade: ["DROP TABLE IF EXISTS `Context`", "DROP TABLE IF EXISTS `ContextProperty`"])

    /// Associations and attributions.
    static let step4 = MigrationStep(
        version: 4,
        upgrade: [
            "CREATE TABLE IF NOT EXISTS `Association` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `context_id` INT NOT NULL, `execution_id` INT NOT NULL, UNIQUE (`context_id`, `execution_id`))",
            "CREATE TABLE IF NOT EXISTS `Attribution` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `context_id` INT NOT NULL, `artifact_id` INT NOT NULL, UNIQUE (`context_id`, `artifact_id`))",
        ],
        downgrade: ["DROP TABLE IF EXISTS `Association`", "DROP TABLE IF EXISTS `Attribution`"])

    private static let addTimes =
        "ADD COLUMN `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0, ADD COLUMN `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0"
    private static let dropTimes = "DROP COLUMN `create_time_since_epoch`, DROP COLUMN `last_update_time_since_epoch`"

    /// Node states, names (unique per type) and times, appended; existing nodes get NULL and 0.
    static let step5 = MigrationStep(
        version: 5,
        upgrade: [
            MigrationStatement(
                "ALTER TABLE `Artifact` ADD COLUMN `state` INT, ADD COLUMN `name` VARCHAR(255), \(addTimes), ADD CONSTRAINT `UniqueArtifactTypeName` UNIQUE (`type_id`, `name`)",
                when: .columnMissing(table: "Artifact", column: "state")),
            MigrationStatement(
                "ALTER TABLE `Execution` ADD COLUMN `last_known_state` INT, ADD COLUMN `name` VARCHAR(255), \(addTimes), ADD CONSTRAINT `UniqueExecutionTypeName` UNIQUE (`type_id`, `name`)",
                when: .columnMissing(table: "Execution", column: "last_known_state")),
            MigrationStatement(
                "ALTER TABLE `Context` \(addTimes)", when: .columnMissing(table: "Context", column: "create_time_since_epoch")),
        ],
        downgrade: [
            // The unique key goes first: dropping `name` alone would leave it unique on `type_id`.
            MigrationStatement(
                "ALTER TABLE `Artifact` DROP INDEX `UniqueArtifactTypeName`, DROP COLUMN `state`, DROP COLUMN `name`, \(dropTimes)",
                when: .columnExists(table: "Artifact", column: "state")),
            MigrationStatement(
                "ALTER TABLE `Execution` DROP INDEX `UniqueExecutionTypeName`, DROP COLUMN `last_known_state`, DROP COLUMN `name`, \(dropTimes)",
                when: .columnExists(table: "Execution", column: "last_known_state")),
            MigrationStatement(
                "ALTER TABLE `Context` \(dropTimes)", when: .columnExists(table: "Context", column: "create_time_since_epoch")),
        ])

    /// Parent types and contexts, type versions and descriptions (appended), and the first
    /// secondary indexes.
    static let step6 = MigrationStep(
        version: 6,
        upgrade: [
            "CREATE TABLE IF NOT EXISTS `ParentType` (`type_id` INT NOT NULL, `parent_type_id` INT NOT NULL, PRIMARY KEY (`type_id`, `parent_type_id`))",
            "CREATE TABLE IF NOT EXISTS `ParentContext` (`context_id` INT NOT NULL, `parent_context_id` INT NOT NULL, PRIMARY KEY (`context_id`, `parent_context_id`))",
            MigrationStatement(
                "ALTER TABLE `Type` ADD COLUMN `version` VARCHAR(255), ADD COLUMN `description` TEXT",
                when: .columnMissing(table: "Type", column: "version")),
        ] + version6Indexes.map { addIndex($0.name, $0.table, $0.columns) },
        downgrade: [
            "DROP TABLE IF EXISTS `ParentType`",
            "DROP TABLE IF EXISTS `ParentContext`",
            MigrationStatement(
                "ALTER TABLE `Type` DROP COLUMN `version`, DROP COLUMN `description`", when: .columnExists(table: "Type", column: "version")
            ),
        ] + version6Indexes.filter { $0.table != "ParentContext" }.map { dropIndex($0.name, $0.table) })

    /// Byte property values, string values up to 16 MiB, and an index of event paths by event.
    /// Going back cuts string values to their first 65535 characters, as ml-metadata does.
    static let step7 = MigrationStep(
        version: 7,
        upgrade: propertyTables.map { table, _ in
            MigrationStatement(
                "ALTER TABLE `\(table)` MODIFY COLUMN `string_value` MEDIUMTEXT, ADD COLUMN `byte_value` MEDIUMBLOB",
                when: .columnMissing(table: table, column: "byte_value"))
        } + [addIndex("idx_eventpath_event_id", "EventPath", "`event_id`")],
        downgrade: propertyTables.map { table, _ in
            MigrationStatement("ALTER TABLE `\(table)` DROP COLUMN `byte_value`", when: .columnExists(table: table, column: "byte_value"))
        } + [dropIndex("idx_eventpath_event_id", "EventPath")]
            + propertyTables.flatMap { table, _ in
                [
                    MigrationStatement(
                        "UPDATE `\(table)` SET `string_value` = SUBSTRING(`string_value`, 1, 65535) WHERE CHAR_LENGTH(`string_value`) > 65535"
                    ),
                    MigrationStatement("ALTER TABLE `\(table)` MODIFY COLUMN `string_value` TEXT"),
                ]
            })

    private static let eventColumns = "`id`, `artifact_id`, `execution_id`, `type`, `milliseconds_since_epoch`"
    private static let eventUnrebuilt = MigrationCondition.indexMissing(table: "Event", index: "UniqueEvent")

    /// Property indexes, and one event per artifact, execution and type: of duplicates the latest
    /// (highest id) stays, and paths of events that are gone go too. The events are copied into
    /// `EventTemp`, which takes `Event`'s place in one atomic RENAME.
    static let step8 = MigrationStep(
        version: 8,
        upgrade: propertyIndexes.map { addIndex($0.name, $0.table, $0.columns) } + [
            MigrationStatement("DROP TABLE IF EXISTS `EventTemp`", when: eventUnrebuilt),
            MigrationStatement(
                """
                CREATE TABLE `EventTemp` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `artifact_id` INT NOT NULL, `execution_id` INT NOT NULL, \
                `type` INT NOT NULL, `milliseconds_since_epoch` BIGINT, CONSTRAINT `UniqueEvent` UNIQUE (`artifact_id`, `execution_id`, `type`))
                """, when: eventUnrebuilt),
            MigrationStatement(
                "INSERT IGNORE INTO `EventTemp` (\(eventColumns)) SELECT \(eventColumns) FROM `Event` ORDER BY `id` DESC",
                when: eventUnrebuilt),
            MigrationStatement("RENAME TABLE `Event` TO `EventOld`, `EventTemp` TO `Event`", when: eventUnrebuilt),
            "DROP TABLE IF EXISTS `EventOld`",
            addIndex("idx_event_execution_id", "Event", "`execution_id`"),
            "DELETE FROM `EventPath` WHERE `event_id` NOT IN (SELECT `id` FROM `Event`)",
        ],
        downgrade: [dropIndex("UniqueEvent", "Event"), addIndex("idx_event_artifact_id", "Event", "`artifact_id`")]
            + propertyIndexes.map { dropIndex($0.name, $0.table) })

    private static let externalIDTables = [("Type", "type"), ("Artifact", "artifact"), ("Execution", "execution"), ("Context", "context")]

    /// External ids of types and nodes (appended), unique, with an index each.
    static let step9 = MigrationStep(
        version: 9,
        upgrade: externalIDTables.map { table, _ in
            MigrationStatement(
                "ALTER TABLE `\(table)` ADD COLUMN `external_id` VARCHAR(255), ADD CONSTRAINT `Unique\(table)ExternalId` UNIQUE (`external_id`)",
                when: .columnMissing(table: table, column: "external_id"))
        } + externalIDTables.map { table, name in addIndex("idx_\(name)_external_id", table, "`external_id`") },
        downgrade: externalIDTables.map { table, name in dropIndex("idx_\(name)_external_id", table) }
            + externalIDTables.map { table, _ in
                MigrationStatement(
                    "ALTER TABLE `\(table)` DROP COLUMN `external_id`", when: .columnExists(table: table, column: "external_id"))
            })

    /// Proto and bool property values. Going back keeps the property rows whose value was one of
    /// those, with every value column NULL, as ml-metadata does.
    static let step10 = MigrationStep(
        version: 10,
        upgrade: propertyTables.map { table, _ in
            MigrationStatement(
                "ALTER TABLE `\(table)` ADD COLUMN `proto_value` MEDIUMBLOB, ADD COLUMN `bool_value` BOOLEAN",
                when: .columnMissing(table: table, column: "proto_value"))
        },
        downgrade: propertyTables.map { table, _ in
            MigrationStatement(
                "ALTER TABLE `\(table)` DROP COLUMN `proto_value`, DROP COLUMN `bool_value`",
                when: .columnExists(table: table, column: "proto_value"))
        })
}
