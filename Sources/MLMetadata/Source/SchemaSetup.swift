import MLMDProtos

/// Brings a database to ml-metadata's schema version 10 (inside the caller's transaction): creates
/// the tables, indexes and version row in an empty database, and the nine built-in `mlmd.*` types
/// whenever they are missing, which is why a fresh store's first user type gets id 10.
package struct SchemaSetup {
    let connection: any DatabaseConnection
    let layout: SchemaLayout

    package init(connection: any DatabaseConnection, layout: SchemaLayout) {
        self.connection = connection
        self.layout = layout
    }

    package func prepare(canWrite: Bool) throws {
        let existing = try existingTables()
        let present = SchemaV10.tableNames.filter { existing.contains($0.lowercased()) }
        if present.isEmpty {
            guard canWrite else {
                throw MetadataStoreError(.failedPrecondition, "\(connection.location) holds no metadata store and is opened read-only")
            }
            for statement in layout.createStatements {
                do {
                    try connection.execute(statement)
                } catch let failure as DatabaseFailure where failure.kind == .duplicateName {
                    // Another process setting up the same database made this index first.
                }
            }
            try connection.statement(#"INSERT INTO "MLMDEnv" ("schema_version") VALUES (?)"#).run([.integer(SchemaV10.version)])
        } else if present.count < SchemaV10.tableNames.count {
            let missing = SchemaV10.tableNames.filter { !existing.contains($0.lowercased()) }
            throw MetadataStoreError(.aborted, "\(connection.location) has only some of the metadata tables (missing: \(missing.joined(separator: ", ")))")
        } else {
            try checkVersion()
        }
        if canWrite { try insertBuiltInTypes() }
    }

    /// The database's table names, lower-cased (PostgreSQL's are, SQLite's may not be).
    private func existingTables() throws -> Set<String> {
        let statement = try connection.statement(layout.tableNamesQuery)
        var names: Set<String> = []
        while try statement.step() { if let name = statement.string(0) { names.insert(name.lowercased()) } }
        return names
    }

    private func checkVersion() throws {
        let statement = try connection.statement(#"SELECT "schema_version" FROM "MLMDEnv""#)
        var versions: [Int64] = []
        while try statement.step() { versions.append(statement.int64(0)) }
        switch versions.count {
        case 0:
            throw MetadataStoreError(.aborted, "\(connection.location) is being set up by another connection; retry")
        case 1 where versions[0] == SchemaV10.version:
            return
        case 1:
            let relation = versions[0] > SchemaV10.version ? "newer" : "older"
            throw MetadataStoreError(.failedPrecondition,
                "\(connection.location) has schema version \(versions[0]), \(relation) than version \(SchemaV10.version) of this library; "
                    + "nothing was changed (migrate it with ml-metadata first)")
        default:
            throw MetadataStoreError(.dataLoss, "\(connection.location) has \(versions.count) schema version rows instead of one")
        }
    }

    /// mlmd.Dataset, mlmd.Model, mlmd.Metrics, mlmd.Statistics, then mlmd.Train … mlmd.Deploy, as
    /// ml-metadata inserts them.
    static let builtInTypes: [(name: String, kind: TypeKind)] =
        ArtifactType.SystemDefinedBaseType.allCases.compactMap { $0 == .unset ? nil : $0.systemTypeName }.map { ($0, .artifact) }
        + ExecutionType.SystemDefinedBaseType.allCases.compactMap { $0 == .unset ? nil : $0.systemTypeName }.map { ($0, .execution) }

    private func insertBuiltInTypes() throws {
        for (name, kind) in Self.builtInTypes {
            let find = try connection.statement(
                #"SELECT "id" FROM "Type" WHERE "name" = ? AND "version" IS NULL AND "type_kind" = ?"#)
            find.bind([.text(name), .integer(kind.rawValue)])
            guard try !find.step() else { continue }
            try connection.statement(#"INSERT INTO "Type" ("name", "type_kind") VALUES (?, ?)"#)
                .run([.text(name), .integer(kind.rawValue)])
        }
    }
}
