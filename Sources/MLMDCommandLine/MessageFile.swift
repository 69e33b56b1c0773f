import ProtoWire

/// A message read from a file in either protobuf text format or binary, told apart by content:
/// text format is printable UTF-8, while binary messages almost always hold control bytes (tags
/// and lengths below 0x20).
enum MessageFile {
    static func read<M: ProtoMessage>(_ type: M.Type, from path: String) throws -> M {
        try decode(type, bytes: StandardStreams.readFile(path), source: path)
    }

    static func decode<M: ProtoMessage>(_ type: M.Type, bytes: [UInt8], source: String) throws -> M {
        try StandardStreams.reportingFailure(source) {
            if looksLikeText(bytes), let text = String(validating: bytes, as: UTF8.self) {
                return try M(textFormatString: text)
            }
            return try M(serializedBytes: bytes)
        }
    }

    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
