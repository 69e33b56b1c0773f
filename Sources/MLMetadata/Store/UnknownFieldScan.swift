import ProtoWire

/// Looks for a field number among a message's unknown fields, e.g. a reserved field an old
/// client still sends.
enum UnknownFieldScan {
    static func contains(fieldNumber: Int, in fields: UnknownFields) -> Bool {
        fields.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer: buffer)
            while let tag = try? reader.readTag() {
                if Int(tag >> 3) == fieldNumber { return true }
                guard (try? reader.skipField(tag: tag)) != nil else { return false }
            }
            return false
        }
    }
}
