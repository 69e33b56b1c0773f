import Logging
import MLMDProtos
import MLMetadata
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
            throw DatabaseFailure(
                kind: .unavailable, code: .client(database: "PostgreSQL", reason: nil), message: "the server closed the connection")
        }
        let eventLoop = connection.eventLoop
        let result = eventLoop.makePromise(of: PostgresQueryResult.self)
        connection.query(query, logger: logger).cascade(to: result)
        let timeout = eventLoop.scheduleTask(in: Self.statementTimeout) {
            result.fail(
                DatabaseFailure(
                    kind: .unavailable, code: .client(database: "PostgreSQL", reason: nil),
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
