import MLMDProtos

extension ConnectionConfig {
    /// The `postgresql` config a URL names: `postgresql://USER:PASSWORD@HOST:PORT/DBNAME` (or
    /// `postgres://`), with percent-escapes in the user, password and database name decoded; the
    /// port defaults to 5432. Query parameters are not read.
    ///
    /// - Throws: INVALID_ARGUMENT naming what is missing or malformed.
    public init(postgresqlURL url: String) throws {
        let parts = try DatabaseURL(url, schemes: ["postgresql", "postgres"], name: "postgresql")
        self.init()
        postgresql = .with {
            $0.user = parts.user
            if let password = parts.password { $0.password = password }
            $0.host = parts.host
            if let port = parts.port { $0.port = String(port) }
            $0.dbname = parts.database
        }
    }

    /// The `mysql` config a URL names: `mysql://USER:PASSWORD@HOST:PORT/DATABASE`, with
    /// percent-escapes in the user, password and database name decoded; the port defaults to 3306. Query
    /// parameters are not read.
    ///
    /// - Throws: INVALID_ARGUMENT naming what is missing or malformed.
    public init(mysqlURL url: String) throws {
        let parts = try DatabaseURL(url, schemes: ["mysql"], name: "mysql")
        self.init()
        mysql = .with {
            $0.user = parts.user
            if let password = parts.password { $0.password = password }
            $0.host = parts.host
            $0.port = Int64(parts.port ?? 3306)
            $0.database = parts.database
        }
    }
}
