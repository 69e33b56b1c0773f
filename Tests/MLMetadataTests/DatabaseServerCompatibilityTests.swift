import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL
import Testing

/// One database on a PostgreSQL or MySQL (MariaDB) server shared with ml-metadata 1.17.1: what
/// our store writes, ml-metadata reads back the same, and the other way round, compared byte for
/// byte on every type and node, non-ASCII text included.
@Suite struct DatabaseServerCompatibilityTests {
    /// The server backends the test run has, when the real ml-metadata is there to compare with.
    static var backends: [StoreBackend] {
        guard Oracle.isAvailable || Oracle.isRequired else { return [] }
        return StoreBackend.allCases.filter { $0 == .postgresql || $0 == .mysql }
    }

    /// A new database's URL and config on the backend's test server.
    static func newDatabase(_ backend: StoreBackend) throws -> (url: String, config: ConnectionConfig) {
        let server = backend == .mysql ? StoreBackend.mysqlURL! : StoreBackend.postgresqlURL!
        let url = String(server[..<server.lastIndex(of: "/")!]) + "/mlmd_compat_" + UUID().uuidString.prefix(8).lowercased()
        return (url, backend == .mysql ? try ConnectionConfig(mysqlURL: url) : try ConnectionConfig(postgresqlURL: url))
    }

    @Test(arguments: backends)
    func mlMetadataReadsWhatWeWrote(_ backend: StoreBackend) throws {
        let database = try Self.newDatabase(backend)
        let store = try MetadataStore(config: database.config, backends: [.postgreSQL, .mySQL])
        try SQLiteFileCompatibilityTests.writeTypes(store)
        let ours = try SQLiteFileCompatibilityTests.dump(store)
        #expect(try Oracle.run(script: "mlmd_file_check.py", ["dump", database.url]) == ours)
    }

    @Test(arguments: backends)
    func weReadWhatMLMetadataWrote(_ backend: StoreBackend) throws {
        let database = try Self.newDatabase(backend)
        _ = try Oracle.run(script: "mlmd_file_check.py", ["write", database.url])
        let theirs = try Oracle.run(script: "mlmd_file_check.py", ["dump", database.url])
        #expect(try SQLiteFileCompatibilityTests.dump(MetadataStore(config: database.config, backends: [.postgreSQL, .mySQL])) == theirs)
    }
}
