import MLMDProtos
import ProtoWire

/// Reads and writes nodes (artifacts, executions, contexts) and their property rows inside a
/// transaction.
struct NodeAccess<Node: StoredNode> {
    let connection: any DatabaseConnection

    private var table: NodeTable { Node.storage }

    /// Type names by id, read once per access object rather than joined into every row.
    private let typeNames = TypeNameCache()

    /// `SELECT` of every node column, a NULL slot for the type name (`row` looks names up once per
    /// type), and the extra columns.
    private var selectColumns: String { table.selectSQL }

    // MARK: Reading

    /// The nodes matching `condition` (SQL over alias `N`, with `?` for `values`), by id.
    func find(where condition: String, _ values: [DatabaseValue]) throws -> [Node] {
        let statement = try connection.statement("\(selectColumns) WHERE \(condition) ORDER BY N.\"id\"")
        statement.bind(values)
        var nodes: [Node] = []
        while try statement.step() { nodes.append(try row(statement)) }
        return try withProperties(nodes)
    }

    /// One page of the nodes matching `condition`, in the request's order, and the token for the
    /// next page (nil on the last page).
    func page(where condition: String, _ values: [DatabaseValue], _ request: PageRequest) throws -> (nodes: [Node], nextToken: String?) {
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
        let select =
            request.filterQuery == nil
            ? selectColumns
            : distinct ? "SELECT DISTINCT" + table.selectWithTypeSQL.dropFirst("SELECT".count) : table.selectWithTypeSQL
        let sql =
            "\(select)\(joins) WHERE \(conditions.joined(separator: " AND ")) "
            + "ORDER BY \(request.orderBy) LIMIT \(request.fetchLimit)"
        let statement = request.filterQuery == nil ? try connection.statement(sql) : try connection.recentStatement(sql)
        statement.bind(bindings)
        var nodes: [Node] = []
        while try statement.step() { nodes.append(try row(statement)) }
        var nextToken: String?
        if nodes.count > request.pageSize {
            nodes.removeLast(nodes.count - request.pageSize)
            let last = nodes[nodes.count - 1]
            let key =
                switch request.column {
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
        func collect(_ statement: any DatabaseStatement) throws {
            while try statement.step() { found.insert(statement.int64(0)) }
        }
        guard let candidates else {
            let statement = try connection.recentStatement(base)
            statement.bind(plan.joinValues + plan.conditionValues)
            try collect(statement)
            return found
        }
        let statement = try connection.recentStatement(base + #" AND N."id" IN (\#(IDChunks.placeholders))"#)
        try IDChunks.forEach(of: candidates) { chunk in
            statement.reset()
            statement.bind(plan.joinValues + plan.conditionValues + chunk.map(DatabaseValue.integer))
            try collect(statement)
        }
        return found
    }

    /// The nodes with these ids, by id; missing ids are skipped.
    func find(ids: [Int64]) throws -> [Node] {
        var nodes: [Node] = []
        nodes.reserveCapacity(ids.count)
        try Self.forEachSortedChunk(of: ids) { chunk in
            let statement = try idsStatement(chunk, purpose: .selectByIDs, table: table.table) {
                "\(selectColumns) WHERE N.\"id\" \($0) ORDER BY N.\"id\""
            }
            var wanted = chunk.makeIterator()
            var next = wanted.next()
            while try statement.step() {
                // A range of ids also finds nodes that were not asked for.
                let id = statement.int64(0)
                while let candidate = next, candidate < id { next = wanted.next() }
                guard next == id else { continue }
                nodes.append(try row(statement))
            }
        }
        return try withProperties(nodes)
    }

    /// Calls `body` with the distinct `ids` in ascending order, in chunks of at most `IDChunks.size`.
    private static func forEachSortedChunk(of ids: [Int64], _ body: (ArraySlice<Int64>) throws -> Void) throws {
        // Ids often come ascending already (from a previous read, or a range of new ids).
        let sorted = zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 } ? ids : Set(ids).sorted()
        for start in stride(from: 0, to: sorted.count, by: IDChunks.size) {
            try body(sorted[start..<min(start + IDChunks.size, sorted.count)])
        }
    }

    /// The statement `sql` builds around a condition on the ids of `chunk` (ascending, distinct),
    /// bound: `BETWEEN` first and last when the ids are nearly consecutive (one seek, then a walk
    /// that the caller filters), else `IN` the ids (one seek per id).
    private func idsStatement(
        _ chunk: ArraySlice<Int64>, purpose: StatementKey.Purpose, table: String,
        _ sql: (String) -> String
    ) throws -> any DatabaseStatement {
        let first = chunk[chunk.startIndex], last = chunk[chunk.endIndex - 1]
        // Ids come from the caller: any two may be far enough apart to overflow.
        let (span, overflow) = last.subtractingReportingOverflow(first)
        if !overflow && span < 2 * Int64(chunk.count) {
            let statement = try connection.statement(StatementKey(purpose: .selectIDRange, table: table)) {
                sql("BETWEEN ? AND ?")
            }
            statement.bind(first, at: 1)
            statement.bind(last, at: 2)
            return statement
        }
        let statement = try connection.statement(StatementKey(purpose: purpose, table: table, size: IDChunks.size)) {
            sql("IN (\(IDChunks.placeholders))")
        }
        var parameter: Int32 = 1
        for id in chunk {
            statement.bind(id, at: parameter)
            parameter += 1
        }
        // Unused placeholders repeat the last id.
        while parameter <= Int32(IDChunks.size) {
            statement.bind(last, at: parameter)
            parameter += 1
        }
        return statement
    }

    private func row(_ statement: any DatabaseStatement) throws -> Node {
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

    /// `nodes` with their properties (found fastest when the nodes are ascending by id).
    private func withProperties(_ nodes: [Node]) throws -> [Node] {
        guard !nodes.isEmpty else { return nodes }
        var nodes = nodes
        let ids = nodes.map(\.id)
        let ascending = zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }
        let position = ascending ? [:] : Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var index = 0
        try Self.forEachSortedChunk(of: ids) { chunk in
            let statement = try idsStatement(chunk, purpose: .selectPropertiesByIDs, table: table.propertyTable) {
                """
                SELECT "\(table.ownerColumn)", "name", "is_custom_property", \
                \(PropertyColumns.names.map { "\"\($0)\"" }.joined(separator: ", ")) \
                FROM "\(table.propertyTable)" WHERE "\(table.ownerColumn)" \($0)
                """
            }
            while try statement.step() {
                let owner = statement.int64(0)
                // Rows come by owner; with the nodes by id too, the owner is usually the node of
                // the row before, or the next one.
                if index >= ids.count || ids[index] != owner {
                    if index + 1 < ids.count && ids[index + 1] == owner {
                        index += 1
                    } else if let found = ascending ? Self.binarySearch(ids, owner) : position[owner] {
                        index = found
                    } else {
                        continue  // a range finds owners that were not asked for
                    }
                }
                let name = statement.string(1) ?? ""
                let value = try PropertyColumns.value(statement, from: 3)
                if statement.int64(2) != 0 { nodes[index].customProperties[name] = value } else { nodes[index].properties[name] = value }
            }
        }
        return nodes
    }

    /// Where `id` is in the ascending `ids`, or nil.
    private static func binarySearch(_ ids: [Int64], _ id: Int64) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    // MARK: Writing

    /// Inserts `node` with its properties, created and updated at `now`; returns its id.
    func insert(_ node: Node, now: Int64) throws -> Int64 {
        try insert(rows: [node][...], now: now)[0]
    }

    /// Inserts new nodes (at most `MultiRowInsert.maxRows`) with their properties, created and
    /// updated at `now`: one INSERT for the nodes, few for the properties. Returns their ids in
    /// order. A name or external id already taken fails the whole statement, which is undone (`DatabaseConnection.recoverable`).
    func insert(rows nodes: ArraySlice<Node>, now: Int64) throws -> [Int64] {
        let insert = MultiRowInsert(
            connection: connection, table: table.table, head: table.insertHead, columns: table.insertColumnCount,
            returningIDs: true)
        let statement = try insert.statement(rows: nodes.count)
        var parameter: Int32 = 1
        for node in nodes {
            statement.bind(node.typeID, at: parameter)
            statement.bind(node.storedName, at: parameter + 1)
            statement.bind(node.storedExternalID, at: parameter + 2)
            statement.bind(now, at: parameter + 3)
            statement.bind(now, at: parameter + 4)
            node.bindExtraColumns(statement, from: parameter + 5)
            parameter += Int32(insert.columns)
        }
        let ids = try connection.insertedIDs(running: statement, rows: nodes.count)
        try insertProperties(of: nodes, ids: ids)
        return ids
    }

    /// Rewrites the row of `node.id` and replaces its properties.
    func update(_ node: Node, lastUpdate: Int64) throws {
        let statement = try connection.statement(table.updateSQL)
        statement.bind(node.storedName, at: 1)
        statement.bind(node.storedExternalID, at: 2)
        statement.bind(lastUpdate, at: 3)
        node.bindExtraColumns(statement, from: 4)
        statement.bind(node.id, at: 4 + Int32(table.extraColumns.count))
        while try statement.step() {}
        try connection.statement("DELETE FROM \"\(table.propertyTable)\" WHERE \"\(table.ownerColumn)\" = ?").run([.integer(node.id)])
        try insertProperties(of: [node][...], ids: [node.id])
    }

    /// Inserts the property rows of `nodes`, stored with `ids`, several rows per statement.
    private func insertProperties(of nodes: ArraySlice<Node>, ids: [Int64]) throws {
        var rows: [PropertyRow] = []
        for (node, id) in zip(nodes, ids) {
            for (name, value) in node.properties { rows.append(PropertyRow(owner: id, name: name, isCustom: 0, value: value)) }
            for (name, value) in node.customProperties { rows.append(PropertyRow(owner: id, name: name, isCustom: 1, value: value)) }
        }
        let insert = MultiRowInsert(
            connection: connection, table: table.propertyTable, head: table.insertPropertyHead,
            columns: table.propertyColumnCount,
            placeholders: PropertyColumns.rowPlaceholders(connection.dialect))
        for range in MultiRowInsert.statementRanges(count: rows.count) {
            let statement = try insert.statement(rows: range.count)
            var parameter: Int32 = 1
            for index in range {
                statement.bind(rows[index].owner, at: parameter)
                statement.bind(rows[index].name, at: parameter + 1)
                statement.bind(rows[index].isCustom, at: parameter + 2)
                PropertyColumns.bind(rows[index].value, to: statement, at: parameter + 3)
                parameter += Int32(insert.columns)
            }
            while try statement.step() {}
        }
    }
}

/// One row of a property table, before it is inserted.
private struct PropertyRow {
    var owner: Int64
    var name: String
    var isCustom: Int64
    var value: Value
}

/// Type names by id, for the rows of one access object.
private final class TypeNameCache {
    private var names: [Int64: String?] = [:]

    func name(of typeID: Int64, connection: any DatabaseConnection) throws -> String? {
        if let known = names[typeID] { return known }
        let statement = try connection.statement(#"SELECT "name" FROM "Type" WHERE "id" = ?"#)
        statement.bind([.integer(typeID)])
        let name = try statement.step() ? statement.string(0) : nil
        names[typeID] = name
        return name
    }
}
