import MLMetadata

extension DatabaseBackend {
    /// Stores in a MySQL or MariaDB database (`ConnectionConfig.mysql`), in ml-metadata's layout
    /// for MySQL, through MariaDB Connector/C, which is loaded when the first such store opens
    /// (Debian's `libmariadb3`).
    public static let mySQL = DatabaseBackend(
        name: .mySQL,
        open: { config, migration in
            guard case .mysql(let mysql)? = config.config else { return nil }
            return try MySQLMetadataSource.open(mysql, upgrade: migration.enableUpgradeMigration)
        },
        connect: { config in
            guard case .mysql(let mysql)? = config.config else { return nil }
            return (try MySQLMetadataSource.connect(mysql), MySQLMigrations.migrations)
        })
}
