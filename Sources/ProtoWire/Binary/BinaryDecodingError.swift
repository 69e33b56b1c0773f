/// Why binary input could not be decoded, and the byte offset where that was found.
public struct BinaryDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// The input ends inside a tag, a value or a length-delimited field.
        case truncated
        /// A varint runs longer than 10 bytes.
        case malformedVarint
        /// Field number 0 in a tag.
        case invalidFieldNumber
        /// Wire type 6 or 7, which protobuf does not define.
        case invalidWireType(UInt8)
        /// An end-group tag without its start group, or a group closed by another field number.
        case unmatchedEndGroup
        /// A length prefix that is negative or above 2 GiB.
        case lengthTooLarge
        /// Messages nested deeper than the decoder's limit.
        case depthLimitExceeded
        /// A string field that is not valid UTF-8.
        case invalidUTF8
        /// A nested message that ended in the middle of a field.
        case malformedNestedMessage
    }

    /// What went wrong.
    public var kind: Kind
    /// The byte offset in the input where it was found.
    public var offset: Int

    /// Creates an error of `kind` at byte `offset`.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// One line, e.g. `truncated input at byte 17`.
    public var description: String {
        let what: String
        switch kind {
        case .truncated: what = "truncated input"
        case .malformedVarint: what = "malformed varint (more than 10 bytes)"
        case .invalidFieldNumber: what = "invalid field number 0"
        case .invalidWireType(let type): what = "invalid wire type \(type)"
        case .unmatchedEndGroup: what = "unmatched end-group tag"
        case .lengthTooLarge: what = "length prefix too large"
        case .depthLimitExceeded: what = "messages nested too deeply"
        case .invalidUTF8: what = "invalid UTF-8 in string field"
        case .malformedNestedMessage: what = "nested message ends inside a field"
        }
        return "\(what) at byte \(offset)"
    }
}
