import MLMDProtos

/// Brings a database to ml-metadata's schema version 10 (inside the caller's transaction): creates
/// the tables, indexes and version row in an empty database, upgrades an older one when asked to,
/// and creates the nine built-in `mlmd.*` types whenever they are missing, which is why a fresh
/// store's first user type gets id 10.
package struct SchemaSetup {
    let connection: any DatabaseConnection
    let layout: SchemaLayout

    package init(connection: any DatabaseConnection, layout: SchemaLayout) {
        self.connection = connection
        self.layout = layout
    }

    /// Creates, checks or (with `upgrade`) upgrades the schema.
    ///
    /// - Throws: FAILED_PRECONDITION for a database of another schema version (an older one
    ///   without `upgrade`) or an empty one opened read-only; ABORTED for a database with only
    ///   some of the tables; a failed upgrade's error.
    package func prepare(canWrite: Bool, upgrade: Bool = false) throws {
        let migrations = layout.migrations
        // Migrations take their lock before they read the version: of two, the second waits and
        // then finds the database upgraded.
        let lock = upgrade && canWrite ? migrations.lock : nil
        try lock?.acquire(connection)
        defer { lock?.release(connection) }
        switch try StoredSchemaVersion.read(on: connection, catalog: migrations.catalog) {
        case .empty:
            guard canWrite else {
                throw MetadataStoreError(.failedPrecondition, "\(connection.location) holds no metadata store and is opened read-only")
            }
            try createSchema()
        case .version(SchemaV10.version):
            try checkTables()
        case .version(let version) where version > SchemaV10.version:
            throw SchemaVersionMismatch.newer(version, at: connection.location)
        case .version(let version):
            guard upgrade else { throw SchemaVersionMismatch.older(version, at: connection.location) }
            guard canWrite else { throw SchemaVersionMismatch.olderReadOnly(version, at: connection.location) }
            try SchemaMigrator(connection: connection, migrations: migrations).run(from: version, to: SchemaV10.version)
        }
        if canWrite { try insertBuiltInTypes() }
    }

    private func createSchema() throws {
        for statement in layout.createStatements {
            do {
                try connection.execute(statement)
            } catch let failure as DatabaseFailure where failure.kind == .duplicateName {
                // Another process setting up the same database made this index first.
            }
        }
        try connection.statement(#"INSERT INTO "MLMDEnv" ("schema_version") VALUES (?)"#).run([.integer(SchemaV10.version)])
    }

    /// A version-10 database must have every table.
    private func checkTables() throws {
        let existing = try layout.migrations.catalog.tables(on: connection)
        let missing = SchemaV10.tableNames.filter { !existing.contains($0.lowercased()) }
        guard missing.isEmpty else {
            throw MetadataStoreError(
                .aborted, "\(connection.location) has only some of the metadata tables (missing: \(missing.joined(separator: ", ")))")
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
