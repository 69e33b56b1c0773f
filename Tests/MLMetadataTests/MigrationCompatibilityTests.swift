import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// Our schema migrations against ml-metadata 1.17.1's on the same databases, on every backend:
/// for each older schema version v, a store full of varied records is downgraded to v by
/// ml-metadata and upgraded by us, and downgraded by us and upgraded by ml-metadata; each result
/// must be ml-metadata's own, table by table and row by row (`SchemaDump`).
///
/// Where ml-metadata's PostgreSQL steps fail or break the store (upgrades from 8 and below, a
/// database at version 0) ours are compared with what its steps leave once their defects are
/// repaired, and the external ids and id sequences it loses are checked to be kept.
@Suite struct MigrationCompatibilityTests {
    static var backends: [StoreBackend] {
        guard Oracle.isAvailable || Oracle.isRequired else { return [] }
        return MigrationDatabase.backends
    }

    /// Runs ml-metadata's commands in one process (`Oracle/mlmd_migration.py`), one result each.
    static func oracle(_ commands: [String]) throws -> [String] {
        try Oracle.run(script: "mlmd_migration.py", [], input: commands.joined(separator: "\n") + "\n")
            .split(separator: "\n").map(String.init)
    }

    /// ml-metadata's varied records, with the highest artifact deleted (so that the id counters
    /// show) and small fixed times (the same in every copy, and within the INT columns of
    /// ml-metadata's PostgreSQL upgrade from 8, which otherwise fails).
    static func seed(_ backend: StoreBackend) throws -> MigrationDatabase {
        let base = MigrationDatabase.new(backend)
        #expect(try oracle(["populate \(base.url)"]) == ["ok"])
        try base.execute([
            #"DELETE FROM "ArtifactProperty" WHERE "artifact_id" = 4"#,
            #"DELETE FROM "Artifact" WHERE "id" = 4"#,
            #"UPDATE "Artifact" SET "create_time_since_epoch" = 1000 + "id", "last_update_time_since_epoch" = 2000 + "id""#,
            #"UPDATE "Execution" SET "create_time_since_epoch" = 3000 + "id", "last_update_time_since_epoch" = 4000 + "id""#,
            #"UPDATE "Context" SET "create_time_since_epoch" = 5000 + "id", "last_update_time_since_epoch" = 6000 + "id""#,
        ])
        return base
    }

    /// Events 10 and 11 repeat event 1 (artifact 1, execution 1, INPUT), and a path belongs to no
    /// event: the upgrade to 8 keeps event 11 and its path only.
    static let duplicateEvents = [
        #"INSERT INTO "Event" ("id", "artifact_id", "execution_id", "type", "milliseconds_since_epoch") VALUES (10, 1, 1, 3, 7), (11, 1, 1, 3, 8)"#,
        #"INSERT INTO "EventPath" ("event_id", "is_index_step", "step_index", "step_key") VALUES (10, FALSE, NULL, 'from10'), (11, FALSE, NULL, 'from11'), (77, FALSE, NULL, 'orphan')"#,
    ]

    @Test(arguments: backends)
    func everyOlderVersionBothWays(_ backend: StoreBackend) throws {
        let postgresql = backend == .postgresql
        let versions = Array(Int64(0)...9)
        let base = try Self.seed(backend)

        // ml-metadata downgrades copies to each version; PostgreSQL has no step to 0.
        let theirs = try versions.map { _ in try base.copy() }
        let downgrades = try Self.oracle(versions.map { "downgrade \(theirs[Int($0)].url) \($0)" })
        #expect(downgrades == versions.map { postgresql && $0 == 0 ? "error: Cannot find migration_schemes to version 0" : "ok" })

        // We downgrade copies to each version: the same databases.
        var ours: [MigrationDatabase] = []
        for version in versions {
            let database = try base.copy()
            #expect(try database.migrate(to: version).versionAfter == version)
            ours.append(database)
            if postgresql && version == 0 {
                // ml-metadata's version 1 without mlmdenv, which is all that version 0 lacks.
                var expected = try theirs[1].dump()
                expected.tables.removeAll { $0.name == "mlmdenv" }
                try Self.expect(database, is: expected, "\(backend) down to 0")
            } else {
                try Self.expect(database, is: theirs[Int(version)].dump(), "\(backend) down to \(version)")
            }
        }

        // Duplicate events where no key forbids them yet, on both sides alike.
        for version in versions where version <= 7 {
            if !(postgresql && version == 0) { try theirs[Int(version)].execute(Self.duplicateEvents) }
            try ours[Int(version)].execute(Self.duplicateEvents)
        }
        // What we upgrade: ml-metadata's downgrades (ours where it has none).
        let upgradedByUs = try versions.map { version in try (postgresql && version == 0 ? ours[0] : theirs[Int(version)]).copy() }

        // ml-metadata upgrades its downgrades and ours (it cannot see a PostgreSQL database at 0).
        let upgradedByThem = versions.filter { !(postgresql && $0 == 0) }
        let upgrades = try Self.oracle(upgradedByThem.flatMap { ["upgrade \(theirs[Int($0)].url)", "upgrade \(ours[Int($0)].url)"] })
        #expect(upgrades == Array(repeating: "ok", count: upgradedByThem.count * 2))

        for version in versions {
            let database = upgradedByUs[Int(version)]
            let before = try PostgreSQLKeepings(database, backend)
            #expect(try database.migrate().versionAfter == 10)
            if !postgresql || version == 9 {
                let expected = try theirs[Int(version)].dump()
                try Self.expect(database, is: expected, "\(backend) up from \(version)")
                try Self.expect(ours[Int(version)], is: expected, "\(backend) our \(version) upgraded by ml-metadata")
            } else {
                let reference = try theirs[Int(max(version, 1))].dump().correctingMLMetadataPostgreSQLUpgrade()
                    .maskingExternalIDsAndSequences()
                let result = try database.dump().maskingExternalIDsAndSequences()
                #expect(result == reference, "\(backend) up from \(version): \(result.differences(from: reference))")
                if version > 0 {
                    try Self.expect(
                        ours[Int(version)], is: theirs[Int(version)].dump(), "\(backend) our \(version) upgraded by ml-metadata")
                }
                try before?.expectKept(in: database, from: version)
            }
            try Self.expectWritable(database.store())
        }
    }

    static func expect(
        _ database: MigrationDatabase, is expected: SchemaDump, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let dump = try database.dump()
        #expect(dump == expected, "\(what): \(dump.differences(from: expected))", sourceLocation: sourceLocation)
    }

    /// A store after an upgrade takes new types, nodes and events.
    static func expectWritable(_ store: MetadataStore) throws {
        let artifactType = try store.putArtifactType(.with { $0.name = "AfterUpgrade" })
        let executionType = try store.putExecutionType(.with { $0.name = "AfterUpgradeRun" })
        let contextType = try store.putContextType(.with { $0.name = "AfterUpgradeGroup" })
        let artifact = try store.putArtifacts([
            .with {
                $0.typeID = artifactType; $0.uri = "/after"
            }
        ])[0]
        let execution = try store.putExecutions([
            .with {
                $0.typeID = executionType; $0.name = "after"
            }
        ])[0]
        _ = try store.putContexts([
            .with {
                $0.typeID = contextType; $0.name = "after"
            }
        ])
        try store.putEvents([
            .with {
                $0.artifactID = artifact; $0.executionID = execution; $0.type = .output
            }
        ])
    }
}

/// What an upgrade on PostgreSQL keeps that ml-metadata's loses: each id sequence's position,
/// and the external ids its downgrade left in place.
struct PostgreSQLKeepings {
    var sequences: [String: String?]
    var externalIDs: [String: [String: String?]]

    static let tables = ["type", "artifact", "execution", "context"]

    /// Nil on other backends.
    init?(_ database: MigrationDatabase, _ backend: StoreBackend) throws {
        guard backend == .postgresql else { return nil }
        sequences = try Self.sequences(database)
        externalIDs = try Self.externalIDs(database)
    }

    static func sequences(_ database: MigrationDatabase) throws -> [String: String?] {
        Dictionary(
            uniqueKeysWithValues: try database.rows(
                "SELECT sequencename::text, last_value::text FROM pg_sequences WHERE schemaname = current_schema()", columns: 2
            ).map { ($0[0]!, $0[1]) })
    }

    static func externalIDs(_ database: MigrationDatabase) throws -> [String: [String: String?]] {
        var ids: [String: [String: String?]] = [:]
        for table in tables {
            let hasColumn = try database.strings(
                """
                SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '\(table)' AND column_name = 'external_id'
                """)
            guard !hasColumn.isEmpty else { continue }
            ids[table] = Dictionary(
                uniqueKeysWithValues: try database.rows("SELECT id::text, external_id FROM \(table)", columns: 2).map { ($0[0]!, $0[1]) })
        }
        return ids
    }

    func expectKept(in database: MigrationDatabase, from version: Int64) throws {
        let after = try Self.sequences(database)
        for (name, position) in sequences {
            #expect(after[name] == position, "postgresql up from \(version): sequence \(name)")
        }
        let afterIDs = try Self.externalIDs(database)
        for table in Self.tables {
            for (id, externalID) in afterIDs[table] ?? [:] {
                #expect(externalID == externalIDs[table]?[id] ?? nil, "postgresql up from \(version): \(table) \(id) external id")
            }
        }
    }
}
