/// A proto2 enum: a closed set of named numbers.
public protocol ProtoEnum: Sendable, Hashable, CaseIterable, RawRepresentable where RawValue == Int32 {
    /// The value named first in the .proto file: proto2's default.
    static var protoDefault: Self { get }
    /// The name as written in the .proto file, e.g. `DECLARED_OUTPUT`.
    var protoName: String { get }
}

extension ProtoEnum {
    /// The value with the given .proto name, if there is one.
    public init?(protoName: String) {
        guard let match = Self.allCases.first(where: { $0.protoName == protoName }) else { return nil }
        self = match
    }
}
