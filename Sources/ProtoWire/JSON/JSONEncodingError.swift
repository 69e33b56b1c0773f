/// Why a message has no proto3 JSON form: a value the mapping cannot express, and the JSON path
/// of the member that holds it.
public struct JSONEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What cannot be printed.
    public enum Kind: Equatable, Sendable {
        /// An `Any` whose type URL names no type of the registry.
        case unknownAnyType(String)
        /// An `Any` whose value does not decode as its type.
        case undecodableAny(String)
        /// `google.protobuf.Value.number_value` holding NaN or an infinity, which JSON numbers cannot hold.
        case nonFiniteValue
        /// A `FieldMask` path with no lowerCamelCase form (an upper-case letter, or `_` not before a lower-case letter).
        case invalidFieldMaskPath(String)
        /// Messages (through `Any` values) nested deeper than the printer goes.
        case depthLimitExceeded
    }

    /// What cannot be printed.
    public var kind: Kind
    /// Where in the JSON document it would have gone.
    public var path: String

    /// Creates an error of `kind` at `path`.
    public init(_ kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// One line, e.g. `$.properties.p.protoValue: Any type "type.googleapis.com/foo.Bar" is not in the registry`.
    public var description: String {
        switch kind {
        case .unknownAnyType(let url): return "\(path): Any type \"\(url)\" is not in the registry"
        case .undecodableAny(let url): return "\(path): the value of an Any of type \"\(url)\" does not decode"
        case .nonFiniteValue: return "\(path): google.protobuf.Value cannot hold NaN or Infinity in JSON"
        case .invalidFieldMaskPath(let path): return "\(self.path): FieldMask path \"\(path)\" has no JSON form"
        case .depthLimitExceeded: return "\(path): messages nested too deeply"
        }
    }
}
