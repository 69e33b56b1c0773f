/// Unknown-field bytes split into fields, for printing them; nil when the bytes do not parse.
struct UnknownFieldList {
    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case lengthDelimited([UInt8])
        case group([Field])
        case fixed32(UInt32)
    }

    struct Field {
        var number: Int
        var value: Value
    }

    var fields: [Field] = []

    init?(_ bytes: [UInt8], depth: Int = 100) {
        let parsed: UnknownFieldList? = bytes.withUnsafeBytes { buffer in
            var options = BinaryDecodingOptions()
            options.messageDepthLimit = depth
            var reader = BinaryReader(buffer: buffer, options: options)
            return try? UnknownFieldList(reader: &reader, endGroup: nil)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    init(fields: [Field]) { self.fields = fields }

    private init(reader: inout BinaryReader, endGroup: UInt32?) throws {
        while let tag = try reader.readTag() {
            let number = Int(tag >> 3)
            switch tag & 7 {
            case 0: fields.append(Field(number: number, value: .varint(try reader.readVarint())))
            case 1: fields.append(Field(number: number, value: .fixed64(try reader.readFixed64())))
            case 2: fields.append(Field(number: number, value: .lengthDelimited(try reader.readBytes())))
            case 3:
                guard reader.depthBudget > 0 else { throw reader.error(.depthLimitExceeded) }
                reader.depthBudget -= 1
                fields.append(Field(number: number, value: .group(try UnknownFieldList(reader: &reader, endGroup: tag >> 3).fields)))
                reader.depthBudget += 1
            case 4:
                guard tag >> 3 == endGroup else { throw reader.error(.unmatchedEndGroup) }
                return
            case 5: fields.append(Field(number: number, value: .fixed32(try reader.readFixed32())))
            default: throw reader.error(.invalidWireType(UInt8(tag & 7)))
            }
        }
        if endGroup != nil { throw reader.error(.truncated) }
    }
}
