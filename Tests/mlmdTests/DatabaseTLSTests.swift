import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL
import Testing

/// TLS to the database servers, against servers of the test's own with TLS on and a certificate
/// for 127.0.0.1 signed by the server's own CA: PostgreSQL's `ssloption` with libpq's `sslmode`s
/// (`POSTGRES_CLUSTER_TLS=1`), MySQL's `ssl_options` (`MARIADB_SERVER_TLS=1`).
@Suite struct DatabaseTLSTests {
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
            return try MetadataStore(config: config, backends: [.postgreSQL, .mySQL])
        }
        let verified = try open(
            .with {
                $0.sslmode = "verify-full"; $0.sslrootcert = directory + "/ca.crt"
            })
        #expect(try verified.putArtifactType(.with { $0.name = "DataSet" }) == 10)
        #expect(try open(.with { $0.sslmode = "require" }).getArtifactType(named: "DataSet").id == 10)
        #expect(try open(.with { $0.sslmode = "disable" }).getArtifactType(named: "DataSet").id == 10)
        // The cluster's CA is not among the system's roots.
        let untrusted = #expect(throws: MetadataStoreError.self) { try open(.with { $0.sslmode = "verify-ca" }) }
        #expect(untrusted?.code == .unavailable)
        let unknownMode = #expect(throws: MetadataStoreError.self) { try open(.with { $0.sslmode = "sometimes" }) }
        #expect(
            unknownMode?.message == "postgresql sslmode \"sometimes\" is not one of disable, allow, prefer, require, verify-ca, verify-full"
        )
        let missingRoot = #expect(throws: MetadataStoreError.self) {
            try open(
                .with {
                    $0.sslmode = "verify-full"; $0.sslrootcert = directory + "/missing.crt"
                })
        }
        #expect(missingRoot?.code == .invalidArgument)
    }

    @Test(.enabled(if: ConformanceSuiteTests.mysqlURL != nil))
    func mysqlSSLOptionsCheckTheServersCertificate() throws {
        let directory = "/tmp/mlmd-tls-\(UUID().uuidString.prefix(8))"
        try DatabaseRestartTests.cluster("start", directory, server: .mysql, environment: ["MARIADB_SERVER_TLS=1"])
        defer { try? DatabaseRestartTests.cluster("stop", directory, server: .mysql) }
        let url = try String(contentsOfFile: directory + "/url", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)

        func open(_ options: MySQLDatabaseConfig.SSLOptions) throws -> MetadataStore {
            var config = try ConnectionConfig(mysqlURL: url)
            config.mysql.sslOptions = options
            return try MetadataStore(config: config, backends: [.postgreSQL, .mySQL])
        }
        let verified = try open(
            .with {
                $0.ca = directory + "/ca.crt"; $0.verifyServerCert = true
            })
        #expect(try verified.putArtifactType(.with { $0.name = "DataSet" }) == 10)
        // Encrypted without checking whose certificate it is; the server refuses logins without TLS.
        #expect(try open(.with { $0.cipher = "" }).getArtifactType(named: "DataSet").id == 10)
        var plaintext = try ConnectionConfig(mysqlURL: url)
        plaintext.mysql.skipDbCreation = true
        let refused = #expect(throws: MetadataStoreError.self) { try MetadataStore(config: plaintext, backends: [.postgreSQL, .mySQL]) }
        #expect(refused?.code == .permissionDenied || refused?.code == .unavailable, "\(refused.map { "\($0)" } ?? "")")
        // A CA that did not sign the server's certificate: refused when the certificate is checked.
        let otherCA = directory + "/other"
        let makeCertificates = Process()
        makeCertificates.executableURL = URL(fileURLWithPath: DatabaseRestartTests.Server.mysql.script)
            .deletingLastPathComponent().appendingPathComponent("make-test-certificates.sh")
        makeCertificates.arguments = [otherCA, "other"]
        try makeCertificates.run()
        makeCertificates.waitUntilExit()
        let untrusted = #expect(throws: MetadataStoreError.self) {
            try open(
                .with {
                    $0.ca = otherCA + "/ca.crt"; $0.verifyServerCert = true
                })
        }
        #expect(untrusted?.code == .unavailable, "\(untrusted.map { "\($0)" } ?? "")")
    }
}
