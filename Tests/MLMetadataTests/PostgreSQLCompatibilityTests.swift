import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// One PostgreSQL database shared with ml-metadata 1.17.1: what our store writes, ml-metadata reads
/// back the same, and the other way round, compared byte for byte on every type and node.
@Suite struct PostgreSQLCompatibilityTests {
    static var isEnabled: Bool { StoreBackend.postgresqlURL != nil && (Oracle.isAvailable || Oracle.isRequired) }

    /// A new database's URL and config on the test server.
    static func newDatabase() throws -> (url: String, config: ConnectionConfig) {
        let server = StoreBackend.postgresqlURL!
        let url = String(server[..<server.lastIndex(of: "/")!]) + "/mlmd_compat_" + UUID().uuidString.prefix(8).lowercased()
        return (url, try ConnectionConfig(postgresqlURL: url))
    }

    @Test(.enabled(if: isEnabled))
    func mlMetadataReadsWhatWeWrote() throws {
        let database = try Self.newDatabase()
        let store = try MetadataStore(config: database.config)
        try SQLiteFileCompatibilityTests.writeTypes(store)
        let ours = try SQLiteFileCompatibilityTests.dump(store)
        #expect(try Oracle.run(script: "mlmd_file_check.py", ["dump", database.url]) == ours)
    }

    @Test(.enabled(if: isEnabled))
    func weReadWhatMLMetadataWrote() throws {
        let database = try Self.newDatabase()
        _ = try Oracle.run(script: "mlmd_file_check.py", ["write", database.url])
        let theirs = try Oracle.run(script: "mlmd_file_check.py", ["dump", database.url])
        #expect(try SQLiteFileCompatibilityTests.dump(MetadataStore(config: database.config)) == theirs)
    }
}
