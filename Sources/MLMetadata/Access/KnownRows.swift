/// Node rows one call has written or found in its own transaction: they exist until it ends (the
/// API deletes nothing), so checking them again would only cost a statement, which is a round trip
/// on a database server.
final class KnownRows {
    private var ids: [String: Set<Int64>] = [:]

    func insert(_ id: Int64, in table: String) { ids[table, default: []].insert(id) }

    func contains(_ id: Int64, in table: String) -> Bool { ids[table]?.contains(id) == true }
}

extension DatabaseConnection {
    /// True if `table` has a row with this `id`, asking the database only for a row `known` does
    /// not hold already, and remembering one it finds.
    func rowExists(in table: String, id: Int64, known: KnownRows?) throws -> Bool {
        guard let known else { return try rowExists(in: table, id: id) }
        if known.contains(id, in: table) { return true }
        let found = try rowExists(in: table, id: id)
        if found { known.insert(id, in: table) }
        return found
    }
}
