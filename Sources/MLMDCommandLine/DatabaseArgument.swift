import MLMDProtos
import MLMetadata

/// The `--db` argument: where the store lives.
///
/// - `memory:`: a store in memory, gone when the process ends;
/// - `postgresql://USER:PASSWORD@HOST:PORT/DBNAME`: a PostgreSQL database, created if missing;
/// - `mysql://USER:PASSWORD@HOST:PORT/DATABASE`: a MySQL or MariaDB database, created if missing;
/// - `grpc://host:port`: an ML Metadata server, ours or ml-metadata's;
/// - anything else: the path (or `file:` URI) of an SQLite file, created if missing.
enum DatabaseArgument {
    /// The host and port of `grpc://host:port` (`[::1]` for an IPv6 host), or nil for a database.
    static func server(_ argument: String) throws -> (host: String, port: Int)? {
        guard argument.hasPrefix("grpc://") else { return nil }
        let address = argument.dropFirst("grpc://".count).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (1...65535).contains(port), colon != address.startIndex
        else {
            throw StandardStreams.failure("--db: \(argument): give the server as grpc://HOST:PORT")
        }
        var host = address[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        return (String(host), port)
    }

    /// The database `argument` names, for a store opened in this process.
    static func connectionConfig(_ argument: String) throws -> ConnectionConfig {
        var config = ConnectionConfig()
        if argument == "memory:" {
            config.fakeDatabase = FakeDatabaseConfig()
        } else if argument.hasPrefix("postgresql://") || argument.hasPrefix("postgres://") {
            do {
                return try ConnectionConfig(postgresqlURL: argument)
            } catch let error as MetadataStoreError {
                throw StandardStreams.failure("--db: \(error.message)")
            }
        } else if argument.hasPrefix("mysql://") {
            do {
                return try ConnectionConfig(mysqlURL: argument)
            } catch let error as MetadataStoreError {
                throw StandardStreams.failure("--db: \(error.message)")
            }
        } else if argument.hasPrefix("grpc://") {
            throw StandardStreams.failure(
                "--db: \(argument) is a server; this command needs a database: an SQLite file, memory:, or a postgresql:// or mysql:// URL")
        } else if argument.isEmpty {
            throw StandardStreams.failure("--db: empty; give an SQLite file path, memory:, or a postgresql:// or mysql:// URL")
        } else {
            config.sqlite = .with { $0.filenameURI = argument }
        }
        return config
    }
}
