import MLMDProtos
import ProtoWire

/// Reads and writes types (`Type`, `TypeProperty`, `ParentType` rows) inside a transaction.
struct TypeAccess {
    let connection: any DatabaseConnection

    private static let columns = #""id", "name", "version", "description", "external_id", "input_type", "output_type""#

    // MARK: Reading

    /// The type of kind `T` named `name` with `version` (nil: no version), or nil.
    func find<T: StoredType>(_ type: T.Type, name: String, version: String?) throws -> T? {
        let versionCondition = version == nil ? #""version" IS NULL"# : #""version" = ?"#
        let statement = try connection.statement(
            #"SELECT \#(Self.columns) FROM "Type" WHERE "name" = ? AND "type_kind" = ? AND \#(versionCondition)"#)
        statement.bind([.text(name), .integer(T.kind.rawValue)] + (version.map { [.text($0)] } ?? []))
        return try complete(rows(statement, T.self)).first
    }

    /// Types of kind `T` with these ids, in the order asked; ids of other kinds or of no type are skipped.
    func find<T: StoredType>(_ type: T.Type, ids: [Int64]) throws -> [T] {
        try complete(each(T.self, column: "id", ids.map(DatabaseValue.integer)))
    }

    /// The types of kind `T` whose `column` equals each of `values` in turn.
    private func each<T: StoredType>(_ type: T.Type, column: String, _ values: [DatabaseValue]) throws -> [T] {
        let statement = try connection.statement(#"SELECT \#(Self.columns) FROM "Type" WHERE "\#(column)" = ? AND "type_kind" = ?"#)
        var found: [T] = []
        for value in values {
            statement.reset()
            statement.bind([value, .integer(T.kind.rawValue)])
            found += try rows(statement, T.self)
        }
        return found
    }

    /// Every type of kind `T` by id; the built-in `mlmd.*` types only when `includingBuiltIn`.
    func all<T: StoredType>(_ type: T.Type, includingBuiltIn: Bool = false, withBaseTypes: Bool = true) throws -> [T] {
        let statement = try connection.statement(#"SELECT \#(Self.columns) FROM "Type" WHERE "type_kind" = ? ORDER BY "id""#)
        statement.bind([.integer(T.kind.rawValue)])
        let builtIn = includingBuiltIn ? [] : Set(SchemaSetup.builtInTypes.map(\.name))
        return try complete(rows(statement, T.self).filter { $0.hasVersion || !builtIn.contains($0.name) }, withBaseTypes: withBaseTypes)
    }

    /// Types of kind `T` whose external id is one of `externalIDs`; their base types are not filled
    /// in, as in ml-metadata.
    func find<T: StoredType>(_ type: T.Type, externalIDs: [String]) throws -> [T] {
        try complete(each(T.self, column: "external_id", externalIDs.map(DatabaseValue.text)), withBaseTypes: false)
    }

    private func rows<T: StoredType>(_ statement: any DatabaseStatement, _ type: T.Type) throws -> [T] {
        var types: [T] = []
        while try statement.step() {
            var type = T()
            type.id = statement.int64(0)
            type.name = statement.string(1) ?? ""
            if let version = statement.string(2) { type.version = version }
            if let description = statement.string(3) { type.description = description }
            if let externalID = statement.string(4) { type.externalID = externalID }
            try type.readSignature(input: statement.string(5), output: statement.string(6))
            types.append(type)
        }
        return types
    }

    /// Adds properties and, for artifact and execution types, the base type.
    private func complete<T: StoredType>(_ types: [T], withBaseTypes: Bool = true) throws -> [T] {
        guard !types.isEmpty else { return types }
        let properties = try connection.statement(#"SELECT "name", "data_type" FROM "TypeProperty" WHERE "type_id" = ?"#)
        let parent = try connection.statement(
            """
            SELECT P."name" FROM "ParentType" AS L JOIN "Type" AS P ON P."id" = L."parent_type_id" WHERE L."type_id" = ?
            """)
        return try types.map { type in
            var type = type
            properties.reset()
            properties.bind([.integer(type.id)])
            while try properties.step() {
                type.properties[properties.string(0) ?? ""] =
                    PropertyType(rawValue: Int32(truncatingIfNeeded: properties.int64(1))) ?? .unknown
            }
            if withBaseTypes && T.kind != .context {
                parent.reset()
                parent.bind([.integer(type.id)])
                if try parent.step() { type.baseTypeName = parent.string(0) }
            }
            return type
        }
    }

    // MARK: Writing

    /// Inserts `type` with its properties and base type; returns its new id.
    func insert<T: StoredType>(_ type: T) throws -> Int64 {
        let insert = try connection.statement(
            connection.insertReturningID(
                """
                INSERT INTO "Type" ("name", "version", "type_kind", "description", "external_id", "input_type", "output_type") \
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """))
        insert.bind([
            .text(type.name), DatabaseValue(type.storedVersion), .integer(T.kind.rawValue),
            DatabaseValue(type.hasDescription ? type.description : nil),
            DatabaseValue(type.hasExternalID && !type.externalID.isEmpty ? type.externalID : nil),
            DatabaseValue(type.storedSignature.input), DatabaseValue(type.storedSignature.output),
        ])
        let id = try connection.insertedIDs(running: insert, rows: 1)[0]
        try addProperties(type.properties.map { ($0.key, $0.value) }, to: id)
        if let base = type.baseTypeName { try link(id, toBaseType: base) }
        return id
    }

    func addProperties(_ properties: [(name: String, type: PropertyType)], to typeID: Int64) throws {
        let insert = try connection.statement(#"INSERT INTO "TypeProperty" ("type_id", "name", "data_type") VALUES (?, ?, ?)"#)
        for property in properties {
            insert.reset()
            try insert.run([.integer(typeID), .text(property.name), .integer(Int64(property.type.rawValue))])
        }
    }

    func setExternalID(_ externalID: String, of typeID: Int64) throws {
        try connection.statement(#"UPDATE "Type" SET "external_id" = ? WHERE "id" = ?"#).run([.text(externalID), .integer(typeID)])
    }

    /// Records that `typeID` extends the built-in type named `baseName`.
    func link(_ typeID: Int64, toBaseType baseName: String) throws {
        let find = try connection.statement(#"SELECT "id" FROM "Type" WHERE "name" = ? AND "version" IS NULL"#)
        find.bind([.text(baseName)])
        guard try find.step() else { throw MetadataStoreError(.notFound, "no built-in type \(baseName)") }
        let parentID = find.int64(0)
        try connection.statement(#"INSERT INTO "ParentType" ("type_id", "parent_type_id") VALUES (?, ?)"#)
            .run([.integer(typeID), .integer(parentID)])
    }
}

extension TypeAccess {
    /// The declared properties of type `id` if it is of `kind`, else nil.
    func declaredProperties(ofType id: Int64, kind: TypeKind) throws -> [String: PropertyType]? {
        // One statement for the type and its properties (a row of NULLs for a type without
        // any): on a database server, each statement is a round trip.
        let rows = try connection.statement(
            """
            SELECT P."name", P."data_type" FROM "Type" AS T LEFT JOIN "TypeProperty" AS P ON P."type_id" = T."id" \
            WHERE T."id" = ? AND T."type_kind" = ?
            """)
        rows.bind([.integer(id), .integer(kind.rawValue)])
        var found = false
        var declared: [String: PropertyType] = [:]
        while try rows.step() {
            found = true
            guard let name = rows.string(0) else { continue }
            declared[name] = PropertyType(rawValue: Int32(truncatingIfNeeded: rows.int64(1))) ?? .unknown
        }
        return found ? declared : nil
    }
}
