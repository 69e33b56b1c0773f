import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// `ssloption` with libpq's `sslmode`s, against a cluster of the test's own with TLS on and a
/// certificate for 127.0.0.1 signed by the cluster's CA (`POSTGRES_CLUSTER_TLS=1`).
@Suite struct PostgreSQLTLSTests {
    @Test(.enabled(if: SharedDatabaseServersTests.serverURL != nil))
    func sslModesConnectOrRefuseAsLibpqDoes() throws {
        let directory = "/tmp/mlmd-tls-\(UUID().uuidString.prefix(8))"
        try DatabaseRestartTests.cluster("start", directory, environment: ["POSTGRES_CLUSTER_TLS=1"])
        defer { try? DatabaseRestartTests.cluster("stop", directory) }
        let url = try String(contentsOfFile: directory + "/url", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)

        func open(_ options: PostgreSQLDatabaseConfig.SSLOptions) throws -> MetadataStore {
            var config = try ConnectionConfig(postgresqlURL: url)
            config.postgresql.dbname = "mlmd_tls"
            config.postgresql.ssloption = options
            return try MetadataStore(config: config)
        }
        let verified = try open(.with { $0.sslmode = "verify-full"; $0.sslrootcert = directory + "/ca.crt" })
        #expect(try verified.putArtifactType(.with { $0.name = "DataSet" }) == 10)
        #expect(try open(.with { $0.sslmode = "require" }).getArtifactType(named: "DataSet").id == 10)
        #expect(try open(.with { $0.sslmode = "disable" }).getArtifactType(named: "DataSet").id == 10)
        // The cluster's CA is not among the system's roots.
        let untrusted = #expect(throws: MetadataStoreError.self) { try open(.with { $0.sslmode = "verify-ca" }) }
        #expect(untrusted?.code == .unavailable)
        let unknownMode = #expect(throws: MetadataStoreError.self) { try open(.with { $0.sslmode = "sometimes" }) }
        #expect(unknownMode?.message == "postgresql sslmode \"sometimes\" is not one of disable, allow, prefer, require, verify-ca, verify-full")
        let missingRoot = #expect(throws: MetadataStoreError.self) {
            try open(.with { $0.sslmode = "verify-full"; $0.sslrootcert = directory + "/missing.crt" })
        }
        #expect(missingRoot?.code == .invalidArgument)
    }
}
