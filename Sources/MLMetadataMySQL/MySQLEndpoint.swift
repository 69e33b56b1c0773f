import CMariaDB
import MLMDProtos
import MLMetadata

/// Where a MySQL server is and who connects, from ml-metadata's `MySQLDatabaseConfig`.
struct MySQLEndpoint: Sendable {
    /// nil connects to localhost through `socket` (or the library's default socket).
    var host: String?
    var port: Int
    var user: String
    var password: String?
    var socket: String?
    var tls: MySQLTLS

    init(_ config: MySQLDatabaseConfig) throws {
        host = config.host.isEmpty ? nil : config.host
        guard (0...65535).contains(config.port) else {
            throw MetadataStoreError(.invalidArgument, "mysql port \(config.port) is not a port number")
        }
        port = Int(config.port)
        user = config.user
        if config.user.isEmpty { throw MetadataStoreError(.invalidArgument, "mysql config names no user") }
        password = config.hasPassword ? config.password : nil
        socket = config.socket.isEmpty ? nil : config.socket
        tls = MySQLTLS(config.hasSslOptions ? config.sslOptions : nil)
    }

    /// `host:port/database` (or the socket), for messages.
    func description(database: String?) -> String {
        let server = host.map { "\($0):\(port == 0 ? 3306 : port)" } ?? (socket ?? "localhost")
        return database.map { "\(server)/\($0)" } ?? server
    }
}

/// ml-metadata's `ssl_options`, handed to the client library as they are.
struct MySQLTLS: Sendable {
    var options: MySQLDatabaseConfig.SSLOptions?

    init(_ options: MySQLDatabaseConfig.SSLOptions?) { self.options = options }

    func apply(to handle: OpaquePointer, _ library: UnsafePointer<mdb_functions>) {
        guard let options else { return }
        func optional(_ value: String) -> String? { value.isEmpty ? nil : value }
        let api = library.pointee
        _ = api.ssl_set(
            handle, optional(options.key), optional(options.cert), optional(options.ca),
            optional(options.capath), optional(options.cipher))
        var verify: mdb_flag = options.verifyServerCert ? 1 : 0
        _ = api.options(handle, MariaDBConstant.optionVerifyServerCertificate, &verify)
    }
}
