import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL
import Testing

@testable import MLMDServer

/// Settings the server cannot use stop it at start, with a message naming the setting.
@Suite struct ServerConfigurationTests {
    func refusal(_ configure: (inout MetadataStoreServer.Configuration) -> Void) -> String? {
        var configuration = MetadataStoreServer.Configuration(host: "127.0.0.1", port: 0, backends: [.postgreSQL, .mySQL])
        configure(&configuration)
        do {
            _ = try MetadataStoreServer(configuration: configuration)
            return nil
        } catch {
            return "\(error)"
        }
    }

    // An unreachable MySQL server needs MariaDB's library loaded: `mlmd serve`'s tests check it.
    @Test func aMySQLConfigWithoutADatabaseIsRefused() {
        #expect(
            refusal {
                $0.serverConfig.connectionConfig.mysql = .with {
                    $0.host = "db"; $0.user = "mlmd"
                }
            }
                == "INVALID_ARGUMENT: mysql config names no database")
    }

    @Test func aServerDatabaseWithoutItsBackendIsRefused() throws {
        var configuration = MetadataStoreServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.serverConfig.connectionConfig = try ConnectionConfig(postgresqlURL: "postgresql://mlmd@127.0.0.1:1/metadata")
        #expect(
            throws: MetadataStoreError(
                .failedPrecondition,
                "a PostgreSQL store needs the backend of module "
                    + "MLMetadataPostgreSQL: MetadataStore(config:backends: [.postgreSQL])")
        ) {
            try MetadataStoreServer(configuration: configuration)
        }
    }

    @Test func aPostgreSQLServerThatCannotBeReachedOrNamedIsRefused() {
        #expect(
            refusal {
                $0.serverConfig.connectionConfig.postgresql = .with {
                    $0.host = "db"; $0.user = "mlmd"
                }
            }
                == "INVALID_ARGUMENT: postgresql config names no dbname")
        let unreachable = refusal {
            $0.serverConfig.connectionConfig.postgresql = .with {
                $0.host = "127.0.0.1"; $0.port = "1"; $0.user = "mlmd"; $0.dbname = "metadata"
            }
        }
        #expect(
            unreachable?.hasPrefix("UNAVAILABLE: cannot connect to PostgreSQL at 127.0.0.1:1/postgres: ") == true, "\(unreachable ?? "")")
        #expect(unreachable?.contains("\n") == false)
    }

    /// As ml-metadata's server: the database is downgraded, and the server, which serves version
    /// 10 only, does not start.
    @Test func aSchemaDowngradeIsDoneAndTheServerDoesNotStart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-downgrade-\(UUID().uuidString).sqlite").path
        _ = try MetadataStore(config: .with { $0.sqlite = .with { $0.filenameURI = path } })
        #expect(
            refusal {
                $0.serverConfig.connectionConfig.sqlite = .with { $0.filenameURI = path }
                $0.serverConfig.migrationOptions.downgradeToSchemaVersion = 9
            } == "CANCELLED: \(path) was downgraded from schema version 10 to 9; this library opens version 10 only, so no store was opened"
        )
        #expect(
            refusal { $0.serverConfig.migrationOptions.downgradeToSchemaVersion = 9 }
                == "FAILED_PRECONDITION: a store in memory is always at schema version 10; there is nothing to migrate")
    }

    @Test func tlsMaterialThatDoesNotParseNamesItsField() {
        #expect(
            refusal {
                $0.serverConfig.sslConfig = .with {
                    $0.serverKey = "not a key"; $0.serverCert = "not a cert"
                }
            }?
            .hasPrefix("ssl_config.server_key is not valid PEM") == true)
    }

    @Test func aPortOutOfRangeIsRefused() {
        let configuration = MetadataStoreServer.Configuration(port: 70000)
        #expect(throws: ServerConfigurationError("port 70000 is not between 0 and 65535")) {
            _ = try MetadataStoreServer(configuration: configuration)
        }
    }
}
