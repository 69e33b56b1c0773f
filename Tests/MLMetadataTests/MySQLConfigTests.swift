import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataMySQL
import Testing

/// `--db mysql://…` URLs, and what a MySQL server refuses: credentials, unreachable servers.
@Suite struct MySQLConfigTests {
    @Test func aURLNamesEveryPart() throws {
        let config = try ConnectionConfig(mysqlURL: "mysql://ml%40user:p%3Ass@db.example:3307/metadata")
        #expect(
            config.mysql
                == .with {
                    $0.host = "db.example"; $0.port = 3307; $0.user = "ml@user"; $0.password = "p:ss"; $0.database = "metadata"
                })
        let defaults = try ConnectionConfig(mysqlURL: "mysql://ml@[::1]/metadata")
        #expect(
            defaults.mysql
                == .with {
                    $0.host = "::1"; $0.port = 3306; $0.user = "ml"; $0.database = "metadata"
                })
    }

    @Test func aMalformedURLSaysWhatIsMissing() {
        expectStoreError(.invalidArgument, message: "mysql URL names no database: give mysql://USER:PASSWORD@HOST:PORT/DATABASE") {
            try ConnectionConfig(mysqlURL: "mysql://ml:pw@host:3306")
        }
        expectStoreError(.invalidArgument, message: "mysql URL names no user: give mysql://USER:PASSWORD@HOST:PORT/DATABASE") {
            try ConnectionConfig(mysqlURL: "mysql://host/metadata")
        }
        expectStoreError(.invalidArgument, message: "mysql URL port \"0\" is not a port number") {
            try ConnectionConfig(mysqlURL: "mysql://ml@host:0/metadata")
        }
    }

    @Test(.enabled(if: StoreBackend.mysqlURL != nil))
    func aWrongPasswordIsPermissionDeniedAndSaysWhy() throws {
        var config = StoreBackend.mysql.config()
        config.mysql.password = "wrong"
        do {
            _ = try MetadataStore(config: config, backends: [.mySQL])
            Issue.record("a wrong password was accepted")
        } catch let error as MetadataStoreError {
            #expect(error.code == .permissionDenied)
            // Refused on the first connection, the one that creates the database if it is missing.
            #expect(
                error.message.hasPrefix("cannot connect to MySQL at \(config.mysql.host):\(config.mysql.port): Access denied for user"),
                "\(error.message)")
            #expect(error.message.hasSuffix("(MySQL error 1045)"), "\(error.message)")
        }
    }

    @Test(.enabled(if: StoreBackend.mysqlURL != nil))
    func skipDBCreationNeedsTheDatabaseToBeThere() throws {
        var config = StoreBackend.mysql.config()
        config.mysql.skipDbCreation = true
        expectStoreError(.notFound) { try MetadataStore(config: config, backends: [.mySQL]) }
        config.mysql.skipDbCreation = false
        _ = try MetadataStore(config: config, backends: [.mySQL])
        config.mysql.skipDbCreation = true
        #expect(try MetadataStore(config: config, backends: [.mySQL]).getArtifactTypes() == [])
    }

    /// The test server's unix socket (`.ci/run` sets it: `Scripts/mariadb-server.sh` puts it in
    /// the server's folder).
    static let socket = ProcessInfo.processInfo.environment["MLMD_TEST_MYSQL_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }

    @Test(.enabled(if: StoreBackend.mysqlURL != nil && socket != nil))
    func aSocketReachesTheSameServer() throws {
        var config = StoreBackend.mysql.config()
        let socket = Self.socket!
        config.mysql.clearHost()
        config.mysql.clearPort()
        config.mysql.socket = socket
        #expect(try MetadataStore(config: config, backends: [.mySQL]).putArtifactType(.with { $0.name = "DataSet" }) == 10)
    }

    // Needs MariaDB Connector/C, which a machine without MySQL users need not have; CI has it.
    @Test(.enabled(if: StoreBackend.hasMariaDBLibrary || StoreBackend.isCI))
    func anUnreachableServerIsUnavailable() throws {
        // A port nothing listens on: the connection is refused at once.
        let config = try ConnectionConfig(mysqlURL: "mysql://ml:pw@127.0.0.1:1/metadata")
        expectStoreError(.unavailable) { try MetadataStore(config: config, backends: [.mySQL]) }
    }
}

/// Values MySQL cannot hold are the caller's error there, and change nothing; what it can hold
/// reads back exactly.
@Suite struct MySQLValueTests {
    @Test(.enabled(if: StoreBackend.mysqlURL != nil))
    func anIntPastInt32IsAnInvalidArgumentAndANULByteIsKept() throws {
        let store = try StoreBackend.mysql.makeStore()
        let typeID = try store.putArtifactType(
            .with {
                $0.name = "DataSet"; $0.properties = ["rows": .int]
            })
        expectStoreError(.invalidArgument) {
            try store.putArtifacts([
                .with {
                    $0.typeID = typeID; $0.properties["rows"] = .with { $0.intValue = 1 << 40 }
                }
            ])
        }
        #expect(try store.getArtifacts().isEmpty)
        // ml-metadata stores a NUL byte but reads the text back cut short at it; ours keeps it.
        let id = try store.putArtifacts([
            .with {
                $0.typeID = typeID; $0.uri = "a\u{0}b"
            }
        ])[0]
        #expect(try store.getArtifactsByID([id]).map(\.uri) == ["a\u{0}b"])
    }

    @Test(.enabled(if: StoreBackend.mysqlURL != nil))
    func aValuePastTheServersPacketLimitIsRefusedAndTheStoreGoesOn() throws {
        let store = try StoreBackend.mysql.makeStore()
        let typeID = try store.putArtifactType(.with { $0.name = "DataSet" })
        // 17 MiB: more than MEDIUMTEXT holds and than the server's default 16 MiB packet.
        let huge = String(repeating: "x", count: 17 << 20)
        do {
            _ = try store.putArtifacts([
                .with {
                    $0.typeID = typeID; $0.uri = huge
                }
            ])
            Issue.record("a 17 MiB uri was stored")
        } catch let error as MetadataStoreError {
            #expect([.invalidArgument, .unavailable].contains(error.code), "\(error)")
        }
        // The server may have closed the connection over it: the next call reconnects.
        #expect(
            try store.putArtifacts([
                .with {
                    $0.typeID = typeID; $0.uri = "small"
                }
            ]).count == 1)
        #expect(try store.getArtifacts().map(\.uri) == ["small"])
    }
}
