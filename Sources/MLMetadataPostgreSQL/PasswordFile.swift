import Foundation
import MLMDProtos

/// A PostgreSQL password file (`.pgpass` format, as `passfile` in ml-metadata's config names one):
/// lines `host:port:database:user:password`, where `*` matches anything, `\:` and `\\` escape,
/// and `#` starts a comment. The first line that matches wins, as in libpq.
enum PasswordFile {
    static func password(in path: String, host: String, port: Int, database: String, user: String) throws -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MetadataStoreError(.invalidArgument, "postgresql passfile \(path) cannot be read")
        }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(line)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The fields of a line, split at unescaped colons and unescaped.
    private static func split(_ line: Substring) -> [String] {
        var fields = [""]
        var escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}
