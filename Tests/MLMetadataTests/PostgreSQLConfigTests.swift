import Foundation
import MLMDProtos
import MLMetadata
import MLMetadataPostgreSQL
import Testing

/// `--db postgresql://…` URLs and the `passfile` of ml-metadata's PostgreSQL config.
@Suite struct PostgreSQLConfigTests {
    @Test func aURLNamesEveryPart() throws {
        let config = try ConnectionConfig(postgresqlURL: "postgresql://ml%40user:p%3Ass@db.example:6543/metadata")
        #expect(
            config.postgresql
                == .with {
                    $0.host = "db.example"; $0.port = "6543"; $0.user = "ml@user"; $0.password = "p:ss"; $0.dbname = "metadata"
                })
        let defaults = try ConnectionConfig(postgresqlURL: "postgres://ml@[::1]/metadata")
        #expect(
            defaults.postgresql
                == .with {
                    $0.host = "::1"; $0.user = "ml"; $0.dbname = "metadata"
                })
    }

    @Test func aServerDatabaseWithoutItsBackendIsRefusedBeforeAnyConnection() throws {
        // Port 1: nothing listens there, so only the refusal below can be the answer.
        expectStoreError(
            .failedPrecondition,
            message: "a PostgreSQL store needs the backend of module MLMetadataPostgreSQL: "
                + "MetadataStore(config:backends: [.postgreSQL])"
        ) {
            try MetadataStore(config: ConnectionConfig(postgresqlURL: "postgresql://ml@127.0.0.1:1/metadata"))
        }
        expectStoreError(
            .failedPrecondition,
            message: "a MySQL store needs the backend of module MLMetadataMySQL: "
                + "MetadataStore(config:backends: [.mySQL])"
        ) {
            try MetadataStore(config: ConnectionConfig(mysqlURL: "mysql://ml:pw@127.0.0.1:1/metadata"), backends: [.postgreSQL])
        }
    }

    @Test func aMalformedURLSaysWhatIsMissing() {
        expectStoreError(.invalidArgument, message: "postgresql URL names no database: give postgresql://USER:PASSWORD@HOST:PORT/DBNAME") {
            try ConnectionConfig(postgresqlURL: "postgresql://ml:pw@host:5432")
        }
        expectStoreError(.invalidArgument, message: "postgresql URL names no user: give postgresql://USER:PASSWORD@HOST:PORT/DBNAME") {
            try ConnectionConfig(postgresqlURL: "postgresql://host/metadata")
        }
        expectStoreError(.invalidArgument, message: "postgresql URL port \"99999\" is not a port number") {
            try ConnectionConfig(postgresqlURL: "postgresql://ml@host:99999/metadata")
        }
    }

    @Test(.enabled(if: StoreBackend.postgresqlURL != nil))
    func thePasswordMayComeFromAPassfile() throws {
        var config = try ConnectionConfig(postgresqlURL: StoreBackend.postgresqlURL!)
        let password = config.postgresql.password
        let passfile = TemporaryFile.make(suffix: ".pgpass")
        try """
        # comment, then a line for another user, then ours with wildcards
        *:*:*:someone:nope
        \(config.postgresql.host):*:*:\(config.postgresql.user):\(password)

        """.write(toFile: passfile, atomically: true, encoding: .utf8)
        config.postgresql.clearPassword()
        config.postgresql.passfile = passfile
        config.postgresql.dbname = "mlmd_passfile_" + UUID().uuidString.prefix(8).lowercased()
        let store = try MetadataStore(config: config, backends: [.postgreSQL])
        #expect(try store.putArtifactType(.with { $0.name = "DataSet" }) == 10)
    }
}

/// Values PostgreSQL cannot hold are the caller's error there, and change nothing.
@Suite struct PostgreSQLValueTests {
    @Test(.enabled(if: StoreBackend.postgresqlURL != nil))
    func aNULByteOrAnIntPastInt4IsAnInvalidArgument() throws {
        let store = try StoreBackend.postgresql.makeStore()
        let typeID = try store.putArtifactType(
            .with {
                $0.name = "DataSet"; $0.properties = ["rows": .int]
            })
        expectStoreError(.invalidArgument) {
            try store.putArtifacts([
                .with {
                    $0.typeID = typeID; $0.uri = "a\u{0}b"
                }
            ])
        }
        expectStoreError(.invalidArgument) {
            try store.putArtifacts([
                .with {
                    $0.typeID = typeID; $0.properties["rows"] = .with { $0.intValue = 1 << 40 }
                }
            ])
        }
        #expect(try store.getArtifacts().isEmpty)
    }
}
