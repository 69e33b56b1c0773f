import MLMDProtos

/// What a database holds, as far as the schema goes: nothing of ml-metadata's yet, or a store at
/// some schema version.
package enum StoredSchemaVersion: Equatable {
    case empty
    case version(Int64)

    /// The tables of ml-metadata 0.13.2, the version before `MLMDEnv` recorded one (0).
    static let version0Tables = [
        "Artifact", "Event", "Execution", "Type", "ArtifactProperty", "EventPath", "ExecutionProperty", "TypeProperty",
    ]

    /// Reads the version of the database on `connection`: `MLMDEnv`'s one row; version 0 for
    /// ml-metadata 0.13.2's tables without it (on every backend, PostgreSQL's lower-case names
    /// included); `.empty` for a database with none of ml-metadata's tables.
    ///
    /// - Throws: ABORTED for a database with only some of the tables, or an `MLMDEnv` without a
    ///   row (being set up by another connection); DATA_LOSS for more than one row.
    package static func read(on connection: any DatabaseConnection, catalog: SchemaCatalog) throws -> StoredSchemaVersion {
        let tables = try catalog.tables(on: connection)
        if tables.contains("mlmdenv") {
            let statement = try connection.statement(#"SELECT "schema_version" FROM "MLMDEnv""#)
            var versions: [Int64] = []
            while try statement.step() { versions.append(statement.int64(0)) }
            switch versions.count {
            case 1:
                return .version(versions[0])
            case 0:
                // A migration to version 1 stopped between creating the table and its row.
                if try isVersion0(tables, connection, catalog) { return .version(0) }
                throw MetadataStoreError(.aborted, "\(connection.location) is being set up by another connection; retry")
            default:
                throw MetadataStoreError(.dataLoss, "\(connection.location) has \(versions.count) schema version rows instead of one")
            }
        }
        if try isVersion0(tables, connection, catalog) { return .version(0) }
        let present = SchemaV10.tableNames.filter { tables.contains($0.lowercased()) }
        if present.isEmpty { return .empty }
        let missing = SchemaV10.tableNames.filter { !tables.contains($0.lowercased()) }
        throw MetadataStoreError(
            .aborted, "\(connection.location) has only some of the metadata tables (missing: \(missing.joined(separator: ", ")))")
    }

    private static func isVersion0(_ tables: Set<String>, _ connection: any DatabaseConnection, _ catalog: SchemaCatalog) throws -> Bool {
        try version0Tables.allSatisfy { tables.contains($0.lowercased()) }
            && catalog.columns(of: "Type", on: connection).contains("is_artifact_type")
    }
}
