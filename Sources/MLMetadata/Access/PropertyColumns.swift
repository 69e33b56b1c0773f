import MLMDProtos
import ProtoWire

/// How a property `Value` maps onto the value columns of a property table, as ml-metadata stores
/// it: int, double, string and bool in their own columns, a Struct as `mlmd-struct::` + base64 in
/// `string_value`, an Any as base64 text in `proto_value`. Doubles are kept exactly.
enum PropertyColumns {
    /// The value columns in the order `bindings(for:)` fills them.
    static let names = ["int_value", "double_value", "string_value", "proto_value", "bool_value"]

    static let structPrefix = "mlmd-struct::"

    /// One binding per column in `names`, all NULL but one.
    static func bindings(for value: Value) -> [SQLiteValue] {
        var columns = [SQLiteValue](repeating: .null, count: 5)
        switch value.value {
        case .intValue(let int)?: columns[0] = .integer(int)
        case .doubleValue(let double)?: columns[1] = .real(double)
        case .stringValue(let string)?: columns[2] = .text(string)
        case .structValue(let structure)?: columns[2] = .text(structPrefix + Base64.encode(structure.serializedBytes()))
        case .protoValue(let any)?: columns[3] = .text(Base64.encode(any.serializedBytes()))
        case .boolValue(let bool)?: columns[4] = .integer(bool ? 1 : 0)
        case nil: break
        }
        return columns
    }

    /// The value of a row whose value columns start at `column`, read in ml-metadata's order of
    /// precedence (int, double, string or struct, proto, bool).
    static func value(_ statement: SQLiteStatement, from column: Int32) throws -> Value {
        var value = Value()
        if let int = statement.optionalInt64(column) {
            value.intValue = int
        } else if !statement.isNull(column + 1) {
            value.doubleValue = statement.double(column + 1)
        } else if let string = statement.string(column + 2) {
            if string.hasPrefix(structPrefix) {
                guard let bytes = Base64.decode(String(string.dropFirst(structPrefix.count))),
                      let structure = try? ProtobufStruct(serializedBytes: bytes) else {
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
