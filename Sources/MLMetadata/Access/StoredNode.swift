import MLMDProtos
import ProtoWire

/// Where one kind of node lives: its table, its property table, and the column naming the owner;
/// and the SQL that reads and writes it, built once per kind rather than on every call.
struct NodeTable: Sendable {
    let table: String
    let propertyTable: String
    let ownerColumn: String
    let typeKind: TypeKind
    /// Columns besides id, type_id, name, external_id and the two times.
    let extraColumns: [String]
    /// The word ml-metadata uses in messages, e.g. "artifacts".
    let plural: String

    /// `SELECT` of the node columns, a NULL slot for the type name, and the extra columns (alias `N`).
    let selectSQL: String
    /// The same with the type name joined from `Type` (alias `T`, which filter queries may name).
    let selectWithTypeSQL: String
    /// `INSERT` of nodes, without VALUES: type_id, name, external_id, both times, then the extra
    /// columns (`insertColumnCount` in all).
    let insertHead: String
    let insertColumnCount: Int
    /// `UPDATE` of a node by id: name, external_id, last update time, then the extra columns.
    let updateSQL: String
    /// `INSERT` of property rows, without VALUES: owner, name, is_custom_property, then
    /// `PropertyColumns.names` (`propertyColumnCount` in all).
    let insertPropertyHead: String
    let propertyColumnCount: Int

    init(table: String, propertyTable: String, ownerColumn: String, typeKind: TypeKind, extraColumns: [String], plural: String) {
        self.table = table
        self.propertyTable = propertyTable
        self.ownerColumn = ownerColumn
        self.typeKind = typeKind
        self.extraColumns = extraColumns
        self.plural = plural
        func quoted(_ columns: [String]) -> String { columns.map { "\"\($0)\"" }.joined(separator: ", ") }
        let extra = extraColumns.map { #", N."\#($0)""# }.joined()
        selectSQL = """
            SELECT N."id", N."type_id", N."name", N."external_id", N."create_time_since_epoch", \
            N."last_update_time_since_epoch", NULL\(extra) FROM "\(table)" AS N
            """
        selectWithTypeSQL = """
            SELECT N."id", N."type_id", N."name", N."external_id", N."create_time_since_epoch", \
            N."last_update_time_since_epoch", T."name"\(extra) FROM "\(table)" AS N LEFT JOIN "Type" AS T ON T."id" = N."type_id"
            """
        let insertColumns = ["type_id", "name", "external_id", "create_time_since_epoch", "last_update_time_since_epoch"] + extraColumns
        insertHead = "INSERT INTO \"\(table)\" (\(quoted(insertColumns)))"
        insertColumnCount = insertColumns.count
        let assignments = (["name", "external_id", "last_update_time_since_epoch"] + extraColumns).map { "\"\($0)\" = ?" }
        updateSQL = "UPDATE \"\(table)\" SET \(assignments.joined(separator: ", ")) WHERE \"id\" = ?"
        let propertyColumns = [ownerColumn, "name", "is_custom_property"] + PropertyColumns.names
        insertPropertyHead = "INSERT INTO \"\(propertyTable)\" (\(quoted(propertyColumns)))"
        propertyColumnCount = propertyColumns.count
    }
}

/// What the store reads and writes of `Artifact`, `Execution` and `Context`, so that one
/// implementation serves all three.
protocol StoredNode: ProtoMessage {
    /// The message of this node's types.
    associatedtype NodeType: StoredType
    static var storage: NodeTable { get }
    var id: Int64 { get set }
    var hasID: Bool { get }
    var typeID: Int64 { get set }
    var hasTypeID: Bool { get }
    var type: String { get set }
    var name: String { get set }
    var hasName: Bool { get }
    var externalID: String { get set }
    var hasExternalID: Bool { get }
    var properties: ProtoMap<String, Value> { get set }
    var customProperties: ProtoMap<String, Value> { get set }
    mutating func clearName()
    mutating func clearExternalID()
    mutating func clearSystemMetadata()
    var createTimeSinceEpoch: Int64 { get set }
    var hasCreateTimeSinceEpoch: Bool { get }
    var lastUpdateTimeSinceEpoch: Int64 { get set }
    var hasLastUpdateTimeSinceEpoch: Bool { get }
    /// Binds the values of `storage.extraColumns`, as stored, from parameter `index` on.
    func bindExtraColumns(_ statement: any DatabaseStatement, from index: Int32)
    /// Sets the extra fields from a row, whose first extra column is at `column`.
    mutating func readExtraColumns(_ statement: any DatabaseStatement, from column: Int32)
    /// Copies the field named by a field-mask path (other than properties) from `source`; false if
    /// this kind has no such field.
    mutating func copyMaskedField(_ path: String, from source: Self) -> Bool
    /// Makes the node what reading it back gives: e.g. an artifact's unset uri is stored as "".
    mutating func normalizeForStorage()
}

extension StoredNode {
    /// The name as stored: NULL when unset.
    var storedName: String? { hasName ? name : nil }
    /// The external id as stored: NULL when unset or empty.
    var storedExternalID: String? { hasExternalID && !externalID.isEmpty ? externalID : nil }

    func normalizeForStorage() {}
}

extension Artifact: StoredNode {
    typealias NodeType = ArtifactType
    static let storage = NodeTable(
        table: "Artifact", propertyTable: "ArtifactProperty", ownerColumn: "artifact_id",
        typeKind: .artifact, extraColumns: ["uri", "state"], plural: "artifacts")

    // ml-metadata always stores the uri, so an unset uri reads back as "".
    func bindExtraColumns(_ statement: any DatabaseStatement, from index: Int32) {
        statement.bind(uri, at: index)
        statement.bind(hasState ? Int64(state.rawValue) : nil, at: index + 1)
    }

    mutating func readExtraColumns(_ statement: any DatabaseStatement, from column: Int32) {
        if let uri = statement.string(column) { self.uri = uri }
        if let state = statement.optionalInt64(column + 1) { self.state = State(rawValue: Int32(truncatingIfNeeded: state)) ?? .unknown }
    }

    mutating func normalizeForStorage() {
        if !hasURI { uri = "" }
    }

    mutating func copyMaskedField(_ path: String, from source: Artifact) -> Bool {
        switch path {
        case "uri": if source.hasURI { uri = source.uri } else { clearURI() }
        case "state": if source.hasState { state = source.state } else { clearState() }
        default: return false
        }
        return true
    }
}

extension Execution: StoredNode {
    typealias NodeType = ExecutionType
    static let storage = NodeTable(
        table: "Execution", propertyTable: "ExecutionProperty", ownerColumn: "execution_id",
        typeKind: .execution, extraColumns: ["last_known_state"], plural: "executions")

    func bindExtraColumns(_ statement: any DatabaseStatement, from index: Int32) {
        statement.bind(hasLastKnownState ? Int64(lastKnownState.rawValue) : nil, at: index)
    }

    mutating func readExtraColumns(_ statement: any DatabaseStatement, from column: Int32) {
        if let state = statement.optionalInt64(column) {
            lastKnownState = State(rawValue: Int32(truncatingIfNeeded: state)) ?? .unknown
        }
    }

    mutating func copyMaskedField(_ path: String, from source: Execution) -> Bool {
        guard path == "last_known_state" else { return false }
        if source.hasLastKnownState { lastKnownState = source.lastKnownState } else { clearLastKnownState() }
        return true
    }
}

extension Context: StoredNode {
    typealias NodeType = ContextType
    static let storage = NodeTable(
        table: "Context", propertyTable: "ContextProperty", ownerColumn: "context_id",
        typeKind: .context, extraColumns: [], plural: "contexts")

    func bindExtraColumns(_ statement: any DatabaseStatement, from index: Int32) {}

    mutating func readExtraColumns(_ statement: any DatabaseStatement, from column: Int32) {}

    mutating func copyMaskedField(_ path: String, from source: Context) -> Bool {
        // Only a context's name may change.
        guard path == "name" else { return false }
        if source.hasName { name = source.name } else { clearName() }
        return true
    }
}
