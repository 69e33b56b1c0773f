/// Rewrites the store's SQL (SQLite's spelling) for MySQL and MariaDB:
///
/// - `"Artifact"` → `` `Artifact` ``: MySQL quotes identifiers with backquotes (double quotes
///   would need the session's ANSI_QUOTES mode); names keep their case, as ml-metadata created them;
/// - `INSERT OR IGNORE INTO …` → `INSERT IGNORE INTO …`.
///
/// Text inside single quotes is copied as it is.
enum MySQLDialect {
    static func translate(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count)
        var inLiteral = false
        for character in sql {
            if inLiteral {
                output.append(character)
                if character == "'" { inLiteral = false }  // a doubled '' reopens at once
            } else if character == "\"" {
                output.append("`")
            } else {
                if character == "'" { inLiteral = true }
                output.append(character)
            }
        }
        if let range = output.range(of: "INSERT OR IGNORE INTO ", options: .anchored) {
            output.replaceSubrange(range, with: "INSERT IGNORE INTO ")
        }
        return output
    }
}
