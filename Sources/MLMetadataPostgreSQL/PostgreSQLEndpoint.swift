import MLMDProtos
import PostgresNIO

/// Where a PostgreSQL server is and who connects, from ml-metadata's `PostgreSQLDatabaseConfig`:
/// the password is the config's, or the one its `passfile` holds for this server, database and user.
struct PostgreSQLEndpoint: Sendable {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var tls: PostgresConnection.Configuration.TLS

    init(_ config: PostgreSQLDatabaseConfig) throws {
        host = !config.hostaddr.isEmpty ? config.hostaddr : (config.host.isEmpty ? "localhost" : config.host)
        if config.port.isEmpty {
            port = 5432
        } else if let number = Int(config.port), (1...65535).contains(number) {
            port = number
        } else {
            throw MetadataStoreError(.invalidArgument, "postgresql port \"\(config.port)\" is not a port number")
        }
        user = config.user
        if config.user.isEmpty { throw MetadataStoreError(.invalidArgument, "postgresql config names no user") }
        if config.hasPassword {
            password = config.password
        } else if !config.passfile.isEmpty {
            password = try PasswordFile.password(in: config.passfile, host: host, port: port, database: config.dbname, user: user)
        } else {
            password = nil
        }
        tls = try PostgreSQLTLS.configuration(config.ssloption, host: host)
    }
}
