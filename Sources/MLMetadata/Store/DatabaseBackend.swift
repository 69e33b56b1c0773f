import MLMDProtos

/// A kind of database server that stores can live on besides SQLite, from the module that
/// implements it, so that an app builds only the database clients it uses:
/// `.postgreSQL` (module `MLMetadataPostgreSQL`) and `.mySQL` (module `MLMetadataMySQL`).
///
/// ```swift
/// let store = try MetadataStore(config: config, backends: [.postgreSQL, .mySQL])
/// ```
public struct DatabaseBackend: Sendable {
    /// The backends there are, each with where it lives.
    public enum Name: String, Sendable {
        case postgreSQL = "PostgreSQL"
        case mySQL = "MySQL"

        /// The module that implements it.
        var module: String { "MLMetadata" + rawValue }
    }

    /// Which backend this is.
    public let name: Name
    /// Opens the source for `config`, upgrading an older database when the options say so, or
    /// returns nil for a config of another backend.
    package let open: @Sendable (ConnectionConfig, MigrationOptions) throws -> (any MetadataSource)?
    /// Connects to the database `config` names for a migration, without setting up a store, or
    /// returns nil for a config of another backend.
    package let connect: @Sendable (ConnectionConfig) throws -> (connection: any DatabaseConnection, migrations: SchemaMigrations)?

    package init(
        name: Name, open: @escaping @Sendable (ConnectionConfig, MigrationOptions) throws -> (any MetadataSource)?,
        connect: @escaping @Sendable (ConnectionConfig) throws -> (connection: any DatabaseConnection, migrations: SchemaMigrations)?
    ) {
        self.name = name
        self.open = open
        self.connect = connect
    }
}
