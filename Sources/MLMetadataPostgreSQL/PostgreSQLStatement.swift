import MLMetadata
import NIOCore
import PostgresNIO

/// A statement on PostgreSQL: its SQL rewritten once (`PostgreSQLDialect`), its parameters kept
/// until the first `step()`, which runs it and holds every row of the result.
final class PostgreSQLStatement: DatabaseStatement {
    let sql: String
    private let parameterCount: Int
    private unowned let connection: PostgreSQLConnection
    private var parameters: [TextParameter?]
    private var rows: [PostgresRandomAccessRow]?
    private var position = -1

    init(sql: String, connection: PostgreSQLConnection) {
        self.sql = PostgreSQLDialect.translate(sql)
        parameterCount = sql.reduce(0) { $1 == "?" ? $0 + 1 : $0 }
        self.connection = connection
        parameters = Array(repeating: nil, count: parameterCount)
    }

    func reset() {
        for index in parameters.indices { parameters[index] = nil }
        rows = nil
        position = -1
    }

    func bind(_ value: Int64?, at index: Int32) { parameters[Int(index) - 1] = value.map(TextParameter.init) }
    func bind(_ value: Double?, at index: Int32) { parameters[Int(index) - 1] = value.map(TextParameter.init) }
    func bind(_ value: String?, at index: Int32) { parameters[Int(index) - 1] = value.map(TextParameter.init) }

    func step() throws -> Bool {
        if rows == nil {
            var binds = PostgresBindings(capacity: parameterCount)
            for parameter in parameters {
                if let parameter { binds.append(parameter) } else { binds.appendNull() }
            }
            rows = try connection.run(PostgresQuery(unsafeSQL: sql, binds: binds)).map { $0.makeRandomAccess() }
            position = -1
        }
        position += 1
        return position < rows!.count
    }

    private func cell(_ column: Int32) -> PostgresCell { rows![position][Int(column)] }

    func isNull(_ column: Int32) -> Bool { cell(column).bytes == nil }

    func int64(_ column: Int32) -> Int64 {
        let cell = cell(column)
        if cell.dataType == .bool { return (try? cell.decode(Bool.self)) == true ? 1 : 0 }
        return (try? cell.decode(Int64.self)) ?? 0
    }

    func double(_ column: Int32) -> Double { (try? cell(column).decode(Double.self)) ?? 0 }

    /// Text; a BYTEA column (`proto_value`) as base64, the form the SQLite file keeps it in, and
    /// which the access objects read.
    func string(_ column: Int32) -> String? {
        let cell = cell(column)
        guard var bytes = cell.bytes else { return nil }
        switch cell.dataType {
        case .bytea: return Base64.encode(bytes.readBytes(length: bytes.readableBytes) ?? [])
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map(String.init)
        case .bool: return (try? cell.decode(Bool.self)).map { $0 ? "1" : "0" }
        default: return try? cell.decode(String.self)
        }
    }
}
