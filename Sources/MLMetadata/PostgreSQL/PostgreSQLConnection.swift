import Logging
import MLMDProtos
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to a PostgreSQL database, driven synchronously: every statement waits for its
/// result on the calling thread (never an event loop's), as the store's calls are synchronous.
/// Not thread-safe: its owner serializes access.
final class PostgreSQLConnection: DatabaseConnection {
    private let connection: PostgresConnection
    private let logger: Logger
    private var statements = StatementCache<String, PostgreSQLStatement>()
    private var keyedStatements = StatementCache<StatementKey, PostgreSQLStatement>()
    private(set) var isInTransaction = false
    /// `host:port/dbname`, for messages.
    let location: String
    var dialect: SQLDialect { .postgresql }
    var returnsInsertedIDs: Bool { true }

    /// Connects to `database` on the server `endpoint` describes.
    init(_ endpoint: PostgreSQLEndpoint, database: String) throws {
        logger = Logger(label: "mlmd.postgresql", factory: { _ in SwiftLogNoOpLogHandler() })
        location = "\(endpoint.host):\(endpoint.port)/\(database)"
        let configuration = PostgresConnection.Configuration(
            host: endpoint.host, port: endpoint.port, username: endpoint.user, password: endpoint.password,
            database: database, tls: endpoint.tls)
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw DatabaseFailure(postgres: error).connectError(location: location)
        }
    }

    deinit {
        try? connection.close().wait()
    }

    /// True once the server closed the connection or it broke; a new one is needed then.
    var isClosed: Bool { connection.isClosed }

    /// The longest a statement may take before the connection is given up as broken. A query
    /// sent just as the server went away was seen never to complete, which would hold the store's
    /// lock for good.
    static let statementTimeout = TimeAmount.seconds(120)

    /// Runs `query` and returns every row of its result.
    func run(_ query: PostgresQuery) throws -> [PostgresRow] {
        do {
            return try runWithTimeout(query)
        } catch {
            // A broken connection ended its transaction with it.
            if connection.isClosed { isInTransaction = false }
            var failure = error as? DatabaseFailure ?? DatabaseFailure(postgres: error)
            if failure.kind == .other { failure.message += " in: \(query.sql)" }
            throw failure
        }
    }

    private func runWithTimeout(_ query: PostgresQuery) throws -> [PostgresRow] {
        guard !connection.isClosed else {
            throw DatabaseFailure(kind: .unavailable, code: "PostgreSQL", message: "the server closed the connection")
        }
        let eventLoop = connection.eventLoop
        let result = eventLoop.makePromise(of: PostgresQueryResult.self)
        connection.query(query, logger: logger).cascade(to: result)
        let timeout = eventLoop.scheduleTask(in: Self.statementTimeout) {
            result.fail(DatabaseFailure(kind: .unavailable, code: "PostgreSQL",
                                        message: "no answer in \(Self.statementTimeout.nanoseconds / 1_000_000_000) s"))
        }
        defer { timeout.cancel() }
        do {
            return Array(try result.futureResult.wait())
        } catch let failure as DatabaseFailure {
            // Whatever the connection still does, it is not to be used again.
            connection.close().whenComplete { _ in }
            throw failure
        }
    }

    func execute(_ sql: String) throws {
        _ = try run(PostgresQuery(unsafeSQL: PostgreSQLDialect.translate(sql)))
        let command = sql.uppercased()
        if command.hasPrefix("BEGIN") || command.hasPrefix("START TRANSACTION") {
            isInTransaction = true
        } else if command.hasPrefix("COMMIT") || (command.hasPrefix("ROLLBACK") && !command.hasPrefix("ROLLBACK TO")) {
            isInTransaction = false
        }
    }

    func statement(_ sql: String) throws -> any DatabaseStatement {
        statements.statement(sql) { PostgreSQLStatement(sql: sql, connection: self) }
    }

    func statement(_ key: StatementKey, sql: () -> String) throws -> any DatabaseStatement {
        keyedStatements.statement(key) { PostgreSQLStatement(sql: sql(), connection: self) }
    }

    // Filter queries vary with the user's input: not cached, as the text is rewritten anyway.
    func recentStatement(_ sql: String) throws -> any DatabaseStatement {
        PostgreSQLStatement(sql: sql, connection: self)
    }

    func resetStatements() {
        statements.resetAll()
        keyedStatements.resetAll()
    }

    /// The INSERT ends in `RETURNING "id"` (`MultiRowInsert`), one row per inserted row, in order.
    func insertedIDs(running insert: any DatabaseStatement, rows: Int) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(rows)
        while try insert.step() { ids.append(insert.int64(0)) }
        return ids
    }

    /// In a savepoint: a failed statement aborts the transaction, all but what the savepoint undoes.
    func recoverable<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT mlmd_statement")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT mlmd_statement")
            return result
        } catch {
            try execute("ROLLBACK TO SAVEPOINT mlmd_statement")
            try execute("RELEASE SAVEPOINT mlmd_statement")
            throw error
        }
    }
}

/// Where a PostgreSQL server is and who connects, from ml-metadata's `PostgreSQLDatabaseConfig`:
/// the password is the config's, or the one its `passfile` holds for this server, database and user.
struct PostgreSQLEndpoint: Sendable {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var tls: PostgresConnection.Configuration.TLS

    init(_ config: PostgreSQLDatabaseConfig) throws {
        host = !config.hostaddr.isEmpty ? config.hostaddr : (config.host.isEmpty ? "localhost" : config.host)
        if config.port.isEmpty {
            port = 5432
        } else if let number = Int(config.port), (1...65535).contains(number) {
            port = number
        } else {
            throw MetadataStoreError(.invalidArgument, "postgresql port \"\(config.port)\" is not a port number")
        }
        user = config.user
        if config.user.isEmpty { throw MetadataStoreError(.invalidArgument, "postgresql config names no user") }
        if config.hasPassword {
            password = config.password
        } else if !config.passfile.isEmpty {
            password = try PasswordFile.password(in: config.passfile, host: host, port: port, database: config.dbname, user: user)
        } else {
            password = nil
        }
        tls = try PostgreSQLTLS.configuration(config.ssloption, host: host)
    }
}

extension DatabaseFailure {
    /// The failure for an error from PostgreSQL or from the connection to it.
    init(postgres error: any Error) {
        guard let error = error as? PSQLError else {
            self.init(kind: .unavailable, code: "PostgreSQL", message: "\(error)")
            return
        }
        guard let state = error.serverInfo?[.sqlState] else {
            let kind: Kind = switch error.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: .unavailable
            default: .other
            }
            self.init(kind: kind, code: "PostgreSQL \(error.code)", message: error.underlying.map { "\($0)" } ?? "\(error.code)")
            return
        }
        let message = error.serverInfo?[.message] ?? "\(error.code)"
        let kind: Kind = switch state {
        case "23505": .uniqueViolation
        // serialization_failure, deadlock_detected, lock_not_available: retry the transaction.
        case "40001", "40P01", "55P03": .busy
        case "53100": .diskFull
        // admin_shutdown, crash_shutdown, cannot_connect_now, connection failures.
        case "57P01", "57P02", "57P03", "08000", "08003", "08006": .unavailable
        // Data exceptions: the caller's value (a NUL byte in text, an int past int4), not the store;
        // program_limit_exceeded: a value too long for an index entry (a megabyte uri).
        case _ where state.hasPrefix("22"), "54000": .invalidValue
        default: .other
        }
        self.init(kind: kind, code: "SQLSTATE \(state)", message: message)
    }

    /// The store error for a failed connection at start: UNAVAILABLE for a server that cannot be
    /// reached, INVALID_ARGUMENT-like refusals (a wrong password) as what the server said.
    func connectError(location: String) -> MetadataStoreError {
        switch code {
        case "SQLSTATE 28P01", "SQLSTATE 28000":
            MetadataStoreError(.permissionDenied, "cannot connect to PostgreSQL at \(location): \(message)")
        default:
            MetadataStoreError(.unavailable, "cannot connect to PostgreSQL at \(location): \(message)")
        }
    }
}
