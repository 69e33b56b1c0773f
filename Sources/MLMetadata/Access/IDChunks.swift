/// Ids go to the database in chunks of `size` `?`s, so that one prepared statement serves every chunk; a
/// short last chunk repeats its last id, which `IN` ignores.
enum IDChunks {
    static let size = 256
    /// `?, ?, …` for one chunk, built once.
    static let placeholders = Array(repeating: "?", count: size).joined(separator: ", ")

    /// Calls `body` with each chunk of `ids`, padded to `size`.
    static func forEach(of ids: [Int64], _ body: ([Int64]) throws -> Void) throws {
        var start = 0
        while start < ids.count {
            var chunk = Array(ids[start..<min(start + size, ids.count)])
            chunk += repeatElement(chunk[chunk.count - 1], count: size - chunk.count)
            try body(chunk)
            start += size
        }
    }
}
