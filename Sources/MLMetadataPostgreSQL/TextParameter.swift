import NIOCore
import PostgresNIO

/// A parameter sent as text. Numbers go without a type, so that PostgreSQL gives them the type
/// of the column or expression they meet, as it does for a literal: `1` becomes a boolean in
/// `is_custom_property = $1` and an integer in `id = $1`, which lets the store's SQL bind flags
/// as integers, as on SQLite. Strings are typed `text`, which also works where nothing around
/// them tells (`$1 IS NULL`).
struct TextParameter: PostgresDynamicTypeEncodable {
    let text: String
    let psqlType: PostgresDataType
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }

    /// An integer in decimal.
    init(_ value: Int64) {
        text = String(value)
        psqlType = PostgresDataType(0)
    }

    /// A double exactly, in the spelling PostgreSQL reads (Swift prints the shortest text that
    /// reads back as the same double).
    init(_ value: Double) {
        text = if value.isNaN { "NaN" } else if value.isInfinite { value < 0 ? "-Infinity" : "Infinity" } else { "\(value)" }
        psqlType = PostgresDataType(0)
    }

    init(_ value: String) {
        text = value
        psqlType = .text
    }
}
