/// A prepared statement: bind with `bind(_:at:)` (1-based), then `step()` through the rows and
/// read the current row's columns (0-based).
package protocol DatabaseStatement: AnyObject {
    /// Back to the start, with every parameter unbound.
    func reset()
    /// Binds `value` to the parameter at `index` (1-based); nil binds NULL.
    func bind(_ value: Int64?, at index: Int32)
    func bind(_ value: Double?, at index: Int32)
    func bind(_ value: String?, at index: Int32)
    /// Advances to the next row; false when there are no more.
    func step() throws -> Bool
    func isNull(_ column: Int32) -> Bool
    func int64(_ column: Int32) -> Int64
    func double(_ column: Int32) -> Double
    func string(_ column: Int32) -> String?
}

package extension DatabaseStatement {
    /// Binds every value in order, starting at parameter 1.
    func bind(_ values: [DatabaseValue]) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .null: bind(nil as Int64?, at: index)
            case .integer(let integer): bind(integer, at: index)
            case .real(let real): bind(real, at: index)
            case .text(let text): bind(text, at: index)
            }
        }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [DatabaseValue] = []) throws {
        bind(values)
        while try step() {}
    }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }
}

/// A value to bind.
package enum DatabaseValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ value: String?) { self = value.map(DatabaseValue.text) ?? .null }
    init(_ value: Int64?) { self = value.map(DatabaseValue.integer) ?? .null }
}
