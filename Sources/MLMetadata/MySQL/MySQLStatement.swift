import CMariaDB

/// A server-side prepared statement on MySQL or MariaDB (MariaDB Connector/C's binary protocol):
/// its SQL rewritten once (`MySQLDialect`), its parameters kept until the first `step()`, which
/// runs it and copies every row of the result out of the library's buffers.
final class MySQLStatement: DatabaseStatement {
    /// A parameter or a result cell.
    private enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case bytes([UInt8])
    }

    let sql: String
    private let handle: UnsafeMutablePointer<MYSQL_STMT>
    private unowned let connection: MySQLConnection
    private var parameters: [Value]
    private var rows: [[Value]]?
    private var position = -1
    /// The new id of a one-row INSERT, after it ran.
    private(set) var insertID: Int64 = 0

    init(sql: String, connection: MySQLConnection) throws {
        self.sql = MySQLDialect.translate(sql)
        guard let handle = mysql_stmt_init(connection.handle) else {
            throw DatabaseFailure(kind: .other, code: "MySQL", message: "out of memory preparing a statement")
        }
        self.handle = handle
        self.connection = connection
        if mysql_stmt_prepare(handle, self.sql, UInt(self.sql.utf8.count)) != 0 {
            let failure = DatabaseFailure(statement: handle, sql: self.sql)
            mysql_stmt_close(handle)
            throw failure
        }
        // Lets the result's metadata tell each column's longest value, so buffers fit at once.
        var updateMaxLength: my_bool = 1
        mysql_stmt_attr_set(handle, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
        parameters = Array(repeating: .null, count: Int(mysql_stmt_param_count(handle)))
    }

    deinit {
        mysql_stmt_close(handle)
    }

    func reset() {
        for index in parameters.indices { parameters[index] = .null }
        rows = nil
        position = -1
    }

    func bind(_ value: Int64?, at index: Int32) { parameters[Int(index) - 1] = value.map(Value.integer) ?? .null }
    func bind(_ value: Double?, at index: Int32) { parameters[Int(index) - 1] = value.map(Value.real) ?? .null }
    func bind(_ value: String?, at index: Int32) { parameters[Int(index) - 1] = value.map { .bytes(Array($0.utf8)) } ?? .null }

    func step() throws -> Bool {
        if rows == nil {
            rows = try connection.running(sql) { try execute() }
            position = -1
        }
        position += 1
        return position < rows!.count
    }

    func isNull(_ column: Int32) -> Bool {
        if case .null = rows![position][Int(column)] { return true }
        return false
    }

    func int64(_ column: Int32) -> Int64 {
        switch rows![position][Int(column)] {
        case .integer(let integer): integer
        case .real(let real): Int64(exactly: real.rounded(.towardZero)) ?? 0
        case .bytes(let bytes): Int64(String(decoding: bytes, as: UTF8.self)) ?? 0
        case .null: 0
        }
    }

    func double(_ column: Int32) -> Double {
        switch rows![position][Int(column)] {
        case .integer(let integer): Double(integer)
        case .real(let real): real
        case .bytes(let bytes): Double(String(decoding: bytes, as: UTF8.self)) ?? 0
        case .null: 0
        }
    }

    func string(_ column: Int32) -> String? {
        switch rows![position][Int(column)] {
        case .integer(let integer): String(integer)
        case .real(let real): "\(real)"
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .null: nil
        }
    }

    // MARK: - Running

    /// Sends the parameters, runs the statement and returns its rows (none for a statement that
    /// returns no result set).
    private func execute() throws -> [[Value]] {
        try withParametersBound {
            guard mysql_stmt_execute(handle) == 0 else { throw failed() }
        }
        insertID = Int64(truncatingIfNeeded: mysql_stmt_insert_id(handle))
        guard let metadata = mysql_stmt_result_metadata(handle) else { return [] }
        defer {
            mysql_free_result(metadata)
            mysql_stmt_free_result(handle)
        }
        guard mysql_stmt_store_result(handle) == 0 else { throw failed() }
        return try fetchRows(fields: UnsafeBufferPointer(start: mysql_fetch_fields(metadata), count: Int(mysql_num_fields(metadata))))
    }

    /// The statement's failure, after putting the statement back to its prepared state: an
    /// INSERT … RETURNING whose row was refused (a duplicate key) fails only once its result has
    /// begun, and a statement left so makes the next execution wait for the rest for good.
    private func failed() -> DatabaseFailure {
        let failure = DatabaseFailure(statement: handle, sql: sql)
        if failure.kind != .unavailable { mysql_stmt_reset(handle) }
        return failure
    }

    /// Points the library at the parameters' bytes while `run` (one `mysql_stmt_execute`) runs.
    private func withParametersBound(_ run: () throws -> Void) throws {
        guard !parameters.isEmpty else { return try run() }
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: parameters.count)
        binds.initialize(repeating: MYSQL_BIND(), count: parameters.count)
        // One buffer holds every value: 8 aligned bytes for each parameter first (numbers go
        // there), then the bytes of each text.
        let textBytes = parameters.reduce(0) { total, parameter in
            if case .bytes(let bytes) = parameter { return total + bytes.count }
            return total
        }
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 8 * parameters.count + textBytes, alignment: 8)
        defer {
            binds.deallocate()
            storage.deallocate()
        }
        var textOffset = 8 * parameters.count
        for (index, parameter) in parameters.enumerated() {
            let slot = storage + 8 * index
            switch parameter {
            case .null:
                binds[index].buffer_type = MYSQL_TYPE_NULL
            case .integer(let integer):
                slot.storeBytes(of: integer, as: Int64.self)
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
                binds[index].buffer = slot
            case .real(let real):
                slot.storeBytes(of: real, as: Double.self)
                binds[index].buffer_type = MYSQL_TYPE_DOUBLE
                binds[index].buffer = slot
            case .bytes(let bytes):
                let text = storage + textOffset
                bytes.withUnsafeBytes { if let base = $0.baseAddress { text.copyMemory(from: base, byteCount: bytes.count) } }
                binds[index].buffer_type = MYSQL_TYPE_STRING
                binds[index].buffer = text
                binds[index].buffer_length = UInt(bytes.count)
                textOffset += bytes.count
            }
        }
        guard mysql_stmt_bind_param(handle, binds) == 0 else { throw DatabaseFailure(statement: handle, sql: sql) }
        try run()
    }

    /// Copies out every row the library holds (`mysql_stmt_store_result`), each column into a
    /// buffer sized by the column's longest value.
    private func fetchRows(fields: UnsafeBufferPointer<MYSQL_FIELD>) throws -> [[Value]] {
        let count = fields.count
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: count)
        binds.initialize(repeating: MYSQL_BIND(), count: count)
        let nulls = UnsafeMutablePointer<my_bool>.allocate(capacity: count)
        nulls.initialize(repeating: 0, count: count)
        let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: count)
        lengths.initialize(repeating: 0, count: count)
        var buffers: [UnsafeMutableRawPointer] = []
        defer {
            binds.deallocate()
            nulls.deallocate()
            lengths.deallocate()
            for buffer in buffers { buffer.deallocate() }
        }
        for (index, field) in fields.enumerated() {
            let (type, size) = Self.resultBuffer(for: field)
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            buffers.append(buffer)
            binds[index].buffer_type = type
            binds[index].buffer = buffer
            binds[index].buffer_length = UInt(size)
            binds[index].is_null = nulls + index
            binds[index].length = lengths + index
        }
        guard mysql_stmt_bind_result(handle, binds) == 0 else { throw DatabaseFailure(statement: handle, sql: sql) }
        var rows: [[Value]] = []
        rows.reserveCapacity(Int(mysql_stmt_num_rows(handle)))
        while true {
            let status = mysql_stmt_fetch(handle)
            if status == MYSQL_NO_DATA { break }
            // MYSQL_DATA_TRUNCATED cannot happen: every buffer is as long as its column's longest value.
            guard status == 0 else { throw failed() }
            var row: [Value] = []
            row.reserveCapacity(count)
            for index in 0 ..< count {
                if nulls[index] != 0 {
                    row.append(.null)
                    continue
                }
                switch binds[index].buffer_type {
                case MYSQL_TYPE_LONGLONG: row.append(.integer(buffers[index].load(as: Int64.self)))
                case MYSQL_TYPE_DOUBLE: row.append(.real(buffers[index].load(as: Double.self)))
                default:
                    let bytes = UnsafeRawBufferPointer(start: buffers[index], count: Int(lengths[index]))
                    row.append(.bytes(Array(bytes)))
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// How to fetch a column: integers as 64-bit, floating point as double, anything else as its
    /// bytes (text, blobs, decimals).
    private static func resultBuffer(for field: MYSQL_FIELD) -> (enum_field_types, Int) {
        switch field.type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_INT24, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_YEAR:
            (MYSQL_TYPE_LONGLONG, 8)
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
            (MYSQL_TYPE_DOUBLE, 8)
        default:
            (MYSQL_TYPE_BLOB, max(Int(field.max_length), 1))
        }
    }
}
