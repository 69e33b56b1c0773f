import ArgumentParser
import MLMDProtos

/// The flags of ml-metadata's `metadata_store_server`, with its names, meanings and defaults, so
/// that a deployment (Kubeflow Pipelines, Charmed Kubeflow) can swap the binary and keep its
/// arguments. `mlmd serve` and `metadata_store_server` take them beside their own.
struct MetadataStoreServerFlags: ParsableArguments {
    @Option(
        name: .customLong("metadata_source_config_type"),
        help:
            "Which flags name the database: default (the config file, else the mysql_config flags, else memory), config_file, mysql or postgresql."
    )
    var sourceType: SourceType = .default

    @Option(
        name: .customLong("metadata_store_connection_retries"),
        help: "Tries after the first when the database cannot be reached yet at start, with a growing pause.")
    var connectionRetries = 5

    @Option(name: .customLong("mysql_config_host"), help: "MySQL host; with --mysql_config_port and --mysql_config_database.")
    var mysqlHost = ""
    @Option(name: .customLong("mysql_config_port"), help: "MySQL port.")
    var mysqlPort: Int32 = 0
    @Option(name: .customLong("mysql_config_database"), help: "MySQL database, created if missing.")
    var mysqlDatabase = ""
    @Option(name: .customLong("mysql_config_user"), help: "MySQL user.")
    var mysqlUser = ""
    @Option(name: .customLong("mysql_config_password"), help: "MySQL password.")
    var mysqlPassword = ""

    @Option(name: .customLong("postgres_config_host"), help: "PostgreSQL host name (exactly one of host and hostaddr).")
    var postgresHost = ""
    @Option(name: .customLong("postgres_config_hostaddr"), help: "PostgreSQL host's numeric address.")
    var postgresHostaddr = ""
    @Option(name: .customLong("postgres_config_port"), help: "PostgreSQL port.")
    var postgresPort = ""
    @Option(name: .customLong("postgres_config_user"), help: "PostgreSQL user.")
    var postgresUser = ""
    @Option(name: .customLong("postgres_config_password"), help: "PostgreSQL password.")
    var postgresPassword = ""
    @Option(name: .customLong("postgres_config_passfile"), help: "A .pgpass file holding the password.")
    var postgresPassfile = ""
    @Option(name: .customLong("postgres_config_dbname"), help: "PostgreSQL database, created if missing.")
    var postgresDatabase = ""
    @Flag(name: .customLong("postgres_config_skip_db_creation"), help: "Do not create the PostgreSQL database.")
    var postgresSkipDatabaseCreation = false
    @Option(name: .customLong("postgres_config_sslmode"), help: "libpq's sslmode: disable, allow, prefer, require, verify-ca, verify-full.")
    var postgresSSLMode = ""
    @Option(name: .customLong("postgres_config_sslcert"), help: "The client certificate file.")
    var postgresSSLCert = ""
    @Option(name: .customLong("postgres_config_sslkey"), help: "The client certificate's key file.")
    var postgresSSLKey = ""
    @Option(name: .customLong("postgres_config_sslpassword"), help: "The password of the client key.")
    var postgresSSLPassword = ""
    @Option(name: .customLong("postgres_config_sslrootcert"), help: "The certificate authorities to verify the server with.")
    var postgresSSLRootCert = ""

    @Flag(name: .customLong("enable_database_upgrade"), help: "Upgrade a store of an older schema version to this one's (10) at start.")
    var enableDatabaseUpgrade = false
    @Option(name: .customLong("downgrade_db_schema_version"), help: "Downgrade the store to this schema version, then exit.")
    var downgradeSchemaVersion: Int64 = -1

    /// ml-metadata's `--metadata_source_config_type` values.
    enum SourceType: String, ExpressibleByArgument, CaseIterable {
        case `default`
        case configFile = "config_file"
        case mysql
        case postgresql
    }

    /// True when a mysql_config flag names a server, as ml-metadata decides it.
    var namesMySQL: Bool { !mysqlHost.isEmpty || !mysqlDatabase.isEmpty || mysqlPort != 0 }

    /// The database the mysql_config flags name.
    ///
    /// - Throws: a one-line failure unless host, port and database are all given.
    func mysqlConfig() throws -> ConnectionConfig {
        guard !mysqlHost.isEmpty, !mysqlDatabase.isEmpty, mysqlPort > 0 else {
            throw StandardStreams.failure(
                "to use a MySQL store, give all of --mysql_config_host, --mysql_config_port and --mysql_config_database")
        }
        return .with {
            $0.mysql = .with {
                $0.host = mysqlHost
                $0.port = Int64(mysqlPort)
                $0.database = mysqlDatabase
                $0.user = mysqlUser
                $0.password = mysqlPassword
            }
        }
    }

    /// The database the postgres_config flags name; only the flags given are set, as ml-metadata does.
    ///
    /// - Throws: a one-line failure for a missing host, port, database or user.
    func postgresqlConfig() throws -> ConnectionConfig {
        guard postgresHost.isEmpty != postgresHostaddr.isEmpty else {
            throw StandardStreams.failure("give exactly one of --postgres_config_host and --postgres_config_hostaddr")
        }
        for (value, flag) in [(postgresPort, "port"), (postgresDatabase, "dbname"), (postgresUser, "user")] where value.isEmpty {
            throw StandardStreams.failure("--postgres_config_\(flag) must not be empty")
        }
        return .with {
            $0.postgresql = .with { config in
                if !postgresHost.isEmpty { config.host = postgresHost }
                if !postgresHostaddr.isEmpty { config.hostaddr = postgresHostaddr }
                config.port = postgresPort
                config.user = postgresUser
                if !postgresPassword.isEmpty { config.password = postgresPassword }
                if !postgresPassfile.isEmpty { config.passfile = postgresPassfile }
                config.dbname = postgresDatabase
                if postgresSkipDatabaseCreation { config.skipDbCreation = true }
                if !postgresSSLMode.isEmpty { config.ssloption.sslmode = postgresSSLMode }
                if !postgresSSLCert.isEmpty { config.ssloption.sslcert = postgresSSLCert }
                if !postgresSSLKey.isEmpty { config.ssloption.sslkey = postgresSSLKey }
                if !postgresSSLPassword.isEmpty { config.ssloption.sslpassword = postgresSSLPassword }
                if !postgresSSLRootCert.isEmpty { config.ssloption.sslrootcert = postgresSSLRootCert }
            }
        }
    }

    /// `--enable_database_upgrade` and `--downgrade_db_schema_version` as `MigrationOptions`,
    /// laid over what a config file says.
    ///
    /// - Throws: a one-line failure when both are given.
    func migrationOptions(over options: MigrationOptions) throws -> MigrationOptions {
        guard !enableDatabaseUpgrade || downgradeSchemaVersion < 0 else {
            throw StandardStreams.failure("--enable_database_upgrade and --downgrade_db_schema_version cannot be set together; set one")
        }
        var options = options
        if enableDatabaseUpgrade { options.enableUpgradeMigration = true }
        if downgradeSchemaVersion >= 0 { options.downgradeToSchemaVersion = downgradeSchemaVersion }
        return options
    }
}
