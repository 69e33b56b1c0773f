/// Rewrites the store's SQL (SQLite's spelling) for PostgreSQL, where ml-metadata created every
/// table and column with unquoted, so lower-case, names.
///
/// - `"Artifact"` → `"artifact"`: quoted identifiers are lower-cased;
/// - `?` → `$1`, `$2`, …: numbered parameters;
/// - `INSERT OR IGNORE INTO …` → `INSERT INTO … ON CONFLICT DO NOTHING`;
/// - `CROSS JOIN … ON` → `JOIN … ON`: the filter queries' joins, written CROSS for SQLite's
///   planner (which then keeps the node table as the outer loop); PostgreSQL wants no ON there.
///
/// Text inside single quotes is copied as it is.
enum PostgreSQLDialect {
    static func translate(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var parameter = 0
        var inLiteral = false
        var inIdentifier = false
        for character in sql {
            if inLiteral {
                output.append(character)
                if character == "'" { inLiteral = false }  // a doubled '' reopens at once
            } else if inIdentifier {
                output.append(contentsOf: character.lowercased())
                if character == "\"" { inIdentifier = false }
            } else {
                switch character {
                case "'": inLiteral = true; output.append(character)
                case "\"": inIdentifier = true; output.append(character)
                case "?": parameter += 1; output += "$\(parameter)"
                default: output.append(character)
                }
            }
        }
        if output.contains(" CROSS JOIN ") { output = output.replacingOccurrences(of: " CROSS JOIN ", with: " JOIN ") }
        if let range = output.range(of: "INSERT OR IGNORE INTO ", options: .anchored) {
            output.replaceSubrange(range, with: "INSERT INTO ")
            output += " ON CONFLICT DO NOTHING"
        }
        return output
    }
}
