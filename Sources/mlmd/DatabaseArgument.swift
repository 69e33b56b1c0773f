import MLMDProtos

/// The `--db` argument: where the store lives, as a `ConnectionConfig`.
///
/// - `memory:`: a store in memory, gone when the process ends;
/// - `postgresql://…`, `mysql://…`: server databases (not served by this build yet);
/// - `grpc://host:port`: a remote MLMD server (no client in this build yet);
/// - anything else: the path (or `file:` URI) of an SQLite file, created if missing.
enum DatabaseArgument {
    static func connectionConfig(_ argument: String) throws -> ConnectionConfig {
        var config = ConnectionConfig()
        if argument == "memory:" {
            config.fakeDatabase = FakeDatabaseConfig()
        } else if argument.hasPrefix("postgresql://") || argument.hasPrefix("postgres://") || argument.hasPrefix("mysql://") {
            let scheme = argument.prefix(while: { $0 != ":" })
            throw StandardStreams.failure("--db: \(scheme) databases are not served by this build yet; use an SQLite file or memory:")
        } else if argument.hasPrefix("grpc://") {
            throw StandardStreams.failure("--db: grpc:// servers are not reachable from this build yet; use an SQLite file or memory:")
        } else if argument.isEmpty {
            throw StandardStreams.failure("--db: empty; give an SQLite file path or memory:")
        } else {
            config.sqlite = .with { $0.filenameURI = argument }
        }
        return config
    }
}
