import ArgumentParser

/// Rewrites arguments written for ml-metadata's server, which reads them with gflags, into what
/// the command's parser reads: gflags also takes `-name` for `--name`, and a boolean as `--name`,
/// `--name=true`, `--name=false` or `--noname`.
enum GFlagsArguments {
    /// The boolean flags, which take no separate value.
    static let booleans: Set<String> = ["enable_database_upgrade", "postgres_config_skip_db_creation"]

    /// What gflags reads as true and as false, in any case.
    private static let truths: Set<String> = ["true", "t", "yes", "y", "1"]
    private static let falsehoods: Set<String> = ["false", "f", "no", "n", "0"]

    /// `arguments` with single-dash names (`-grpc_port=8080`, not `-h` or `-1`) doubled and
    /// booleans given as present or absent; everything after a `--` passes unchanged.
    ///
    /// - Throws: a one-line failure for a boolean given something other than true or false.
    static func normalized(_ arguments: [String]) throws -> [String] {
        var result: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" {
                result.append(argument)
                result += rest
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                result.append(argument)
                continue
            }
            let body = argument.drop { $0 == "-" }
            let name = String(body.prefix { $0 != "=" })
            let value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            if booleans.contains(name) {
                guard let value else {
                    result.append("--" + name)
                    continue
                }
                if truths.contains(value.lowercased()) {
                    result.append("--" + name)
                } else if !falsehoods.contains(value.lowercased()) {
                    throw ValidationError("--\(name)=\(value): the flag takes true or false")
                }
            } else if name.hasPrefix("no"), booleans.contains(String(name.dropFirst(2))), value == nil {
                // --noname: false, the default.
            } else if !argument.hasPrefix("--"), name.count > 1, name.first?.isLetter == true {
                result.append("--" + body)
            } else {
                result.append(argument)
            }
        }
        return result
    }
}
