import MLMDProtos
import ProtoWire

/// Reads and writes nodes (artifacts, executions, contexts) and their property rows inside a
/// transaction.
struct NodeAccess<Node: StoredNode> {
    let connection: SQLiteConnection

    private var table: NodeTable { Node.storage }

    /// Type names by id, read once per access object rather than joined into every row.
    private let typeNames = TypeNameCache()

    /// `SELECT` of every node column, a NULL slot for the type name (`row` looks names up once per
    /// type), and the extra columns.
    private var selectColumns: String { table.selectSQL }

    // MARK: Reading

    /// The nodes matching `condition` (SQL over alias `N`, with `?` for `values`), by id.
    func find(where condition: String, _ values: [SQLiteValue]) throws -> [Node] {
        let statement = try connection.statement("\(selectColumns) WHERE \(condition) ORDER BY N.\"id\"")
        statement.bind(values)
        var nodes: [Node] = []
        while try statement.step() { nodes.append(try row(statement)) }
        return try withProperties(nodes)
    }

    /// One page of the nodes matching `condition`, in the request's order, and the token for the
    /// next page (nil on the last page).
    func page(where condition: String, _ values: [SQLiteValue], _ request: PageRequest) throws -> (nodes: [Node], nextToken: String?) {
        var conditions = [condition]
        var bindings = values
        var joins = ""
        var distinct = false
        if let query = request.filterQuery {
            let plan = try FilterQueryPlan(query, kind: table.typeKind)
            distinct = plan.joinsCanRepeatNodes
            joins = plan.joins.map { " " + $0 }.joined()
            bindings = plan.joinValues + bindings + plan.conditionValues
            conditions.append(plan.condition)
        }
        if let keyset = request.keysetCondition {
            conditions.append(keyset.sql)
            bindings += keyset.values
        }
        let select = request.filterQuery == nil ? selectColumns
            : distinct ? "SELECT DISTINCT" + table.selectWithTypeSQL.dropFirst("SELECT".count) : table.selectWithTypeSQL
        let sql = "\(select)\(joins) WHERE \(conditions.joined(separator: " AND ")) "
            + "ORDER BY \(request.orderBy) LIMIT \(request.fetchLimit)"
        let statement = request.filterQuery == nil ? try connection.statement(sql) : try connection.uncachedStatement(sql)
        statement.bind(bindings)
        var nodes: [Node] = []
        while try statement.step() { nodes.append(try row(statement)) }
        var nextToken: String?
        if nodes.count > request.pageSize {
            nodes.removeLast(nodes.count - request.pageSize)
            let last = nodes[nodes.count - 1]
            let key = switch request.column {
            case .id: last.id
            case .createTime: last.createTimeSinceEpoch
            case .lastUpdateTime: last.lastUpdateTimeSinceEpoch
            }
            nextToken = request.token(afterKey: key, id: last.id)
        }
        return (try withProperties(nodes), nextToken)
    }

    /// The ids of the nodes matching `filterQuery`, all of them, or only among `candidates`.
    func ids(matching filterQuery: String, among candidates: [Int64]? = nil) throws -> Set<Int64> {
        let plan = try FilterQueryPlan(filterQuery, kind: table.typeKind)
        let joins = plan.joins.map { " " + $0 }.joined()
        let base = """
            SELECT DISTINCT N."id" FROM "\(table.table)" AS N LEFT JOIN "Type" AS T ON T."id" = N."type_id"\(joins) \
            WHERE \(plan.condition)
            """
        var found: Set<Int64> = []
        func collect(_ statement: SQLiteStatement) throws {
            while try statement.step() { found.insert(statement.int64(0)) }
        }
        guard let candidates else {
            let statement = try connection.uncachedStatement(base)
            statement.bind(plan.joinValues + plan.conditionValues)
            try collect(statement)
            return found
        }
        let statement = try connection.uncachedStatement(base + #" AND N."id" IN (\#(Self.chunkPlaceholders))"#)
        try Self.forEachChunk(of: candidates) { chunk in
            statement.reset()
            statement.bind(plan.joinValues + plan.conditionValues + chunk.map(SQLiteValue.integer))
            try collect(statement)
        }
        return found
    }

    /// The nodes with these ids, by id; missing ids are skipped.
    func find(ids: [Int64]) throws -> [Node] {
        var nodes: [Node] = []
        try Self.forEachChunk(of: Set(ids).sorted()) { chunk in
            let statement = try connection.statement("\(selectColumns) WHERE N.\"id\" IN (\(Self.chunkPlaceholders))")
            statement.bind(chunk.map(SQLiteValue.integer))
            while try statement.step() { nodes.append(try row(statement)) }
        }
        return try withProperties(nodes.sorted { $0.id < $1.id })
    }

    /// Ids go to SQLite in chunks of this many `?`; a short last chunk repeats its last id, so one
    /// prepared statement serves every chunk.
    static var chunkSize: Int { 256 }
    static var chunkPlaceholders: String { Array(repeating: "?", count: chunkSize).joined(separator: ", ") }

    static func forEachChunk(of ids: [Int64], _ body: ([Int64]) throws -> Void) throws {
        var start = 0
        while start < ids.count {
            var chunk = Array(ids[start ..< min(start + chunkSize, ids.count)])
            chunk += repeatElement(chunk[chunk.count - 1], count: chunkSize - chunk.count)
            try body(chunk)
            start += chunkSize
        }
    }

    private func row(_ statement: SQLiteStatement) throws -> Node {
        var node = Node()
        node.id = statement.int64(0)
        node.typeID = statement.int64(1)
        if let name = statement.string(2) { node.name = name }
        if let externalID = statement.string(3) { node.externalID = externalID }
        node.createTimeSinceEpoch = statement.int64(4)
        node.lastUpdateTimeSinceEpoch = statement.int64(5)
        if let type = try statement.string(6) ?? typeNames.name(of: node.typeID, connection: connection) { node.type = type }
        node.readExtraColumns(statement, from: 7)
        return node
    }

    private func withProperties(_ nodes: [Node]) throws -> [Node] {
        guard !nodes.isEmpty else { return nodes }
        var nodes = nodes
        var position: [Int64: Int] = [:]
        for (index, node) in nodes.enumerated() { position[node.id] = index }
        try Self.forEachChunk(of: nodes.map(\.id)) { chunk in
            let statement = try connection.statement("""
                SELECT "\(table.ownerColumn)", "name", "is_custom_property", \
                \(PropertyColumns.names.map { "\"\($0)\"" }.joined(separator: ", ")) \
                FROM "\(table.propertyTable)" WHERE "\(table.ownerColumn)" IN (\(Self.chunkPlaceholders))
                """)
            statement.bind(chunk.map(SQLiteValue.integer))
            while try statement.step() {
                guard let index = position[statement.int64(0)] else { continue }
                let name = statement.string(1) ?? ""
                let value = try PropertyColumns.value(statement, from: 3)
                if statement.int64(2) != 0 { nodes[index].customProperties[name] = value } else { nodes[index].properties[name] = value }
            }
        }
        return nodes
    }

    // MARK: Writing

    /// Inserts `node` with its properties, created and updated at `now`; returns its id.
    func insert(_ node: Node, now: Int64) throws -> Int64 {
        try connection.statement(table.insertSQL).run(
            [.integer(node.typeID), SQLiteValue(node.storedName), SQLiteValue(node.storedExternalID), .integer(now), .integer(now)]
                + node.extraColumnValues)
        let id = connection.lastInsertedRowID
        try insertProperties(of: node, id: id)
        return id
    }

    /// Rewrites the row of `node.id` and replaces its properties.
    func update(_ node: Node, lastUpdate: Int64) throws {
        try connection.statement(table.updateSQL)
            .run([SQLiteValue(node.storedName), SQLiteValue(node.storedExternalID), .integer(lastUpdate)]
                + node.extraColumnValues + [.integer(node.id)])
        try connection.statement("DELETE FROM \"\(table.propertyTable)\" WHERE \"\(table.ownerColumn)\" = ?").run([.integer(node.id)])
        try insertProperties(of: node, id: node.id)
    }

    private func insertProperties(of node: Node, id: Int64) throws {
        guard !node.properties.isEmpty || !node.customProperties.isEmpty else { return }
        let insert = try connection.statement(table.insertPropertySQL)
        for (isCustom, properties) in [(Int64(0), node.properties), (Int64(1), node.customProperties)] {
            for (name, value) in properties {
                insert.reset()
                try insert.run([.integer(id), .text(name), .integer(isCustom)] + PropertyColumns.bindings(for: value))
            }
        }
    }
}

/// Type names by id, for the rows of one access object.
private final class TypeNameCache {
    private var names: [Int64: String?] = [:]

    func name(of typeID: Int64, connection: SQLiteConnection) throws -> String? {
        if let known = names[typeID] { return known }
        let statement = try connection.statement(#"SELECT "name" FROM "Type" WHERE "id" = ?"#)
        statement.bind([.integer(typeID)])
        let name = try statement.step() ? statement.string(0) : nil
        names[typeID] = name
        return name
    }
}

