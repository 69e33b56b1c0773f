import Foundation
import MLMDProtos
import MLMDServer
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL

/// Serves our MetadataStoreServer on `store`, as `mlmd serve` would: a `postgresql://` URL names a
/// PostgreSQL database, a `mysql://` URL a MySQL/MariaDB database (either created if missing),
/// anything else an SQLite file. Prints `ready PORT` once
/// listening, which is also once the schema exists: the store is opened before the port is bound,
/// so the next process on the same database finds it made.
func serveOurs(port: Int, store: String) async throws {
    var configuration = MetadataStoreServer.Configuration(host: "127.0.0.1", port: port, backends: [.postgreSQL, .mySQL])
    if store.hasPrefix("postgresql://") || store.hasPrefix("postgres://") {
        configuration.serverConfig.connectionConfig = try ConnectionConfig(postgresqlURL: store)
    } else if store.hasPrefix("mysql://") {
        configuration.serverConfig.connectionConfig = try ConnectionConfig(mysqlURL: store)
    } else {
        configuration.serverConfig.connectionConfig.sqlite = .with { $0.filenameURI = store }
    }
    let server = try MetadataStoreServer(configuration: configuration)
    try await server.run { _ in
        FileHandle.standardOutput.write(Data("ready \(port)\n".utf8))
    }
}
