import MLMetadata

extension DatabaseBackend {
    /// Stores in a PostgreSQL database (`ConnectionConfig.postgresql`), in ml-metadata's layout
    /// for PostgreSQL, through PostgresNIO.
    public static let postgreSQL = DatabaseBackend(
        name: .postgreSQL,
        open: { config, migration in
            guard case .postgresql(let postgresql)? = config.config else { return nil }
            return try PostgreSQLMetadataSource.open(postgresql, upgrade: migration.enableUpgradeMigration)
        },
        connect: { config in
            guard case .postgresql(let postgresql)? = config.config else { return nil }
            return (try PostgreSQLMetadataSource.connect(postgresql), PostgreSQLMigrations.migrations)
        })
}
