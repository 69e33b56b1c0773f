import MLMDProtos
import ProtoWire

/// How a property `Value` maps onto the value columns of a property table, as ml-metadata stores
/// it: int, double, string and bool in their own columns, a Struct as `mlmd-struct::` + base64 in
/// `string_value`, an Any as base64 text in `proto_value`. Doubles are kept exactly.
enum PropertyColumns {
    /// The value columns, in the order `bind(_:to:at:)` numbers them.
    static let names = ["int_value", "double_value", "string_value", "proto_value", "bool_value"]

    static let structPrefix = "mlmd-struct::"

    /// The placeholders of a whole property row (owner, name, is_custom_property, then the columns
    /// in `names`): an Any is bound as base64 text, which SQLite and MySQL keep as it is and PostgreSQL (a
    /// BYTEA column, as ml-metadata stores it there) decodes. Built once: every put uses them.
    static func rowPlaceholders(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite, .mysql: sqliteRowPlaceholders
        case .postgresql: postgresqlRowPlaceholders
        }
    }

    private static let sqliteRowPlaceholders = Array(repeating: "?", count: 8)
    private static let postgresqlRowPlaceholders = ["?", "?", "?", "?", "?", "?", "decode(?, 'base64')", "?"]

    /// Refuses a Struct nested deeper than the protobuf decoder reads back (100 message levels,
    /// protobuf's own limit, which ml-metadata's reader applies too): stored, it could never be read.
    static func checkReadable(_ value: Value, name: String) throws {
        guard case .structValue(let structure)? = value.value else { return }
        guard (try? ProtobufStruct(serializedBytes: structure.serializedBytes())) != nil else {
            throw MetadataStoreError(
                .invalidArgument, "property \(name): its Struct is nested deeper than the 100 message levels protobuf reads back")
        }
    }

    /// Binds `value` to the one of the columns in `names` (parameters `index` … `index + 4`) it is
    /// stored in; the others are left unbound, which is NULL.
    static func bind(_ value: Value, to statement: any DatabaseStatement, at index: Int32) {
        switch value.value {
        case .intValue(let int)?: statement.bind(int, at: index)
        case .doubleValue(let double)?: statement.bind(double, at: index + 1)
        case .stringValue(let string)?: statement.bind(string, at: index + 2)
        case .structValue(let structure)?:
            let text: String = structPrefix + Base64.encode(structure.serializedBytes())
            statement.bind(text, at: index + 2)
        case .protoValue(let any)?:
            let text: String = Base64.encode(any.serializedBytes())
            statement.bind(text, at: index + 3)
        case .boolValue(let bool)?:
            let flag: Int64 = bool ? 1 : 0
            statement.bind(flag, at: index + 4)
        case nil: break
        }
    }

    /// The value of a row whose value columns start at `column`, read in ml-metadata's order of
    /// precedence (int, double, string or struct, proto, bool).
    static func value(_ statement: any DatabaseStatement, from column: Int32) throws -> Value {
        var value = Value()
        if let int = statement.optionalInt64(column) {
            value.intValue = int
        } else if !statement.isNull(column + 1) {
            value.doubleValue = statement.double(column + 1)
        } else if let string = statement.string(column + 2) {
            if string.hasPrefix(structPrefix) {
                guard let bytes = Base64.decode(String(string.dropFirst(structPrefix.count))),
                    let structure = try? ProtobufStruct(serializedBytes: bytes)
                else {
                    throw MetadataStoreError(.dataLoss, "a stored Struct property is not valid base64 protobuf")
                }
                value.structValue = structure
            } else {
                value.stringValue = string
            }
        } else if let text = statement.string(column + 3) {
            guard let bytes = Base64.decode(text), let any = try? ProtobufAny(serializedBytes: bytes) else {
                throw MetadataStoreError(.dataLoss, "a stored proto property is not valid base64 protobuf")
            }
            value.protoValue = any
        } else if let bool = statement.optionalInt64(column + 4) {
            value.boolValue = bool != 0
        } else {
            throw MetadataStoreError(.internal, "a stored property has no value")
        }
        return value
    }

    /// The property type a value needs to match a type's declaration, nil for an empty Value.
    static func propertyType(of value: Value) -> PropertyType? {
        switch value.value {
        case .intValue?: .int
        case .doubleValue?: .double
        case .stringValue?: .string
        case .structValue?: .struct
        case .protoValue?: .proto
        case .boolValue?: .boolean
        case nil: nil
        }
    }
}
