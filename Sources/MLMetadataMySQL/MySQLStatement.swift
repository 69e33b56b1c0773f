import CMariaDB
import MLMDProtos
import MLMetadata

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
    private let handle: OpaquePointer
    private let library: UnsafePointer<mdb_functions>
    private unowned let connection: MySQLConnection
    private var parameters: [Value]
    private var rows: [[Value]]?
    private var position = -1
    /// The new id of a one-row INSERT, after it ran.
    private(set) var insertID: Int64 = 0

    init(sql: String, connection: MySQLConnection) throws {
        self.sql = MySQLDialect.translate(sql)
        library = connection.library
        let api = library.pointee
        guard let handle = api.stmt_init(connection.handle) else {
            throw DatabaseFailure(
                kind: .other, code: .client(database: "MySQL", reason: nil),
                message: "out of memory preparing a statement")
        }
        self.handle = handle
        self.connection = connection
        if api.stmt_prepare(handle, self.sql, UInt(self.sql.utf8.count)) != 0 {
            let failure = DatabaseFailure(statement: handle, library)
            _ = api.stmt_close(handle)
            throw failure
        }
        // Lets the result's metadata tell each column's longest value, so buffers fit at once.
        var updateMaxLength: mdb_flag = 1
        _ = api.stmt_attr_set(handle, MariaDBConstant.statementUpdateMaxLength, &updateMaxLength)
        parameters = Array(repeating: .null, count: Int(api.stmt_param_count(handle)))
    }

    deinit {
        _ = library.pointee.stmt_close(handle)
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
        let api = library.pointee
        try withParametersBound {
            guard api.stmt_execute(handle) == 0 else { throw failed() }
        }
        insertID = Int64(truncatingIfNeeded: api.stmt_insert_id(handle))
        guard let metadata = api.stmt_result_metadata(handle) else { return [] }
        defer {
            api.free_result(metadata)
            _ = api.stmt_free_result(handle)
        }
        guard api.stmt_store_result(handle) == 0 else { throw failed() }
        return try fetchRows(fields: UnsafeBufferPointer(start: api.fetch_fields(metadata), count: Int(api.num_fields(metadata))))
    }

    /// The statement's failure, after putting the statement back to its prepared state: an
    /// INSERT … RETURNING whose row was refused (a duplicate key) fails only once its result has
    /// begun, and a statement left so makes the next execution wait for the rest for good.
    private func failed() -> DatabaseFailure {
        let failure = DatabaseFailure(statement: handle, library)
        if failure.kind != .unavailable { _ = library.pointee.stmt_reset(handle) }
        return failure
    }

    /// Points the library at the parameters' bytes while `run` (one `mysql_stmt_execute`) runs.
    private func withParametersBound(_ run: () throws -> Void) throws {
        guard !parameters.isEmpty else { return try run() }
        let binds = UnsafeMutablePointer<mdb_bind>.allocate(capacity: parameters.count)
        binds.initialize(repeating: mdb_bind(), count: parameters.count)
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
                binds[index].buffer_type = MariaDBFieldType.null
            case .integer(let integer):
                slot.storeBytes(of: integer, as: Int64.self)
                binds[index].buffer_type = MariaDBFieldType.longLong
                binds[index].buffer = slot
            case .real(let real):
                slot.storeBytes(of: real, as: Double.self)
                binds[index].buffer_type = MariaDBFieldType.double
                binds[index].buffer = slot
            case .bytes(let bytes):
                let text = storage + textOffset
                bytes.withUnsafeBytes { if let base = $0.baseAddress { text.copyMemory(from: base, byteCount: bytes.count) } }
                binds[index].buffer_type = MariaDBFieldType.string
                binds[index].buffer = text
                binds[index].buffer_length = UInt(bytes.count)
                textOffset += bytes.count
            }
        }
        guard library.pointee.stmt_bind_param(handle, binds) == 0 else { throw DatabaseFailure(statement: handle, library) }
        try run()
    }

    /// Copies out every row the library holds (`mysql_stmt_store_result`), each column into a
    /// buffer sized by the column's longest value.
    private func fetchRows(fields: UnsafeBufferPointer<mdb_field>) throws -> [[Value]] {
        let api = library.pointee
        let count = fields.count
        let binds = UnsafeMutablePointer<mdb_bind>.allocate(capacity: count)
        binds.initialize(repeating: mdb_bind(), count: count)
        let nulls = UnsafeMutablePointer<mdb_flag>.allocate(capacity: count)
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
        guard api.stmt_bind_result(handle, binds) == 0 else { throw DatabaseFailure(statement: handle, library) }
        var rows: [[Value]] = []
        rows.reserveCapacity(Int(api.stmt_num_rows(handle)))
        while true {
            let status = api.stmt_fetch(handle)
            if status == MariaDBConstant.noData { break }
            // MYSQL_DATA_TRUNCATED cannot happen: every buffer is as long as its column's longest value.
            guard status == 0 else { throw failed() }
            var row: [Value] = []
            row.reserveCapacity(count)
            for index in 0..<count {
                if nulls[index] != 0 {
                    row.append(.null)
                    continue
                }
                switch binds[index].buffer_type {
                case MariaDBFieldType.longLong: row.append(.integer(buffers[index].load(as: Int64.self)))
                case MariaDBFieldType.double: row.append(.real(buffers[index].load(as: Double.self)))
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
    private static func resultBuffer(for field: mdb_field) -> (Int32, Int) {
        switch field.type {
        case MariaDBFieldType.tiny, MariaDBFieldType.short, MariaDBFieldType.int24, MariaDBFieldType.long,
            MariaDBFieldType.longLong, MariaDBFieldType.year:
            (MariaDBFieldType.longLong, 8)
        case MariaDBFieldType.float, MariaDBFieldType.double:
            (MariaDBFieldType.double, 8)
        default:
            (MariaDBFieldType.blob, max(Int(field.max_length), 1))
        }
    }
}
