/// Writes a Swift enum for a protobuf enum.
enum EnumEmitter {
    static func emit(_ enumeration: SymbolTable.Enumeration, into out: inout CodeWriter) {
        let descriptor = enumeration.descriptor
        let typeName = enumeration.swiftName.split(separator: ".").last.map(String.init)!
        // Aliases share a number; the first name is the one Swift gets.
        var seenNumbers: Set<Int32> = []
        let values = descriptor.values.filter { seenNumbers.insert($0.number).inserted }
        out.docComment(enumeration.comment, then: "The protobuf enum `\(descriptor.name)`.")
        out.block("public enum \(typeName): ProtoEnum") { out in
            for value in values {
                out.line("/// `\(value.name)` = \(value.number)")
                out.line("case \(caseName(value))")
            }
            if enumeration.isOpen {
                out.line("/// A number this version of the enum does not define (proto3 keeps it).")
                out.line("case unrecognized(Int32)")
            }
            out.line()
            out.line("/// proto2's default: the first value declared.")
            out.line("public static let protoDefault: \(typeName) = .\(caseName(values[0]))")
            out.line("/// Every declared value.")
            out.line("public static let allCases: [\(typeName)] = [\(values.map { "." + caseName($0) }.joined(separator: ", "))]")
            out.line()
            out.line(
                "/// The value numbered `rawValue`\(enumeration.isOpen ? "; unknown numbers are kept as `.unrecognized`" : ", or nil if the enum has none")."
            )
            out.block("public init\(enumeration.isOpen ? "" : "?")(rawValue: Int32)") { out in
                out.block("switch rawValue") { out in
                    for value in values { out.line("case \(value.number): self = .\(caseName(value))") }
                    out.line(enumeration.isOpen ? "default: self = .unrecognized(rawValue)" : "default: return nil")
                }
            }
            out.line()
            out.line("/// The number on the wire.")
            out.block("public var rawValue: Int32") { out in
                out.block("switch self") { out in
                    for value in values { out.line("case .\(caseName(value)): return \(value.number)") }
                    if enumeration.isOpen { out.line("case .unrecognized(let number): return number") }
                }
            }
            out.line()
            out.line("/// The name in the .proto file.")
            out.block("public var protoName: String") { out in
                out.block("switch self") { out in
                    for value in values { out.line("case .\(caseName(value)): return \"\(value.name)\"") }
                    if enumeration.isOpen { out.line("case .unrecognized(let number): return String(number)") }
                }
            }
            if values.contains(where: { $0.systemTypeName != nil }) {
                out.line()
                out.line("/// The `(system_type_extension).type_name` option of the value, e.g. `mlmd.Dataset`.")
                out.block("public var systemTypeName: String?") { out in
                    out.block("switch self") { out in
                        for value in values {
                            out.line("case .\(caseName(value)): return \(value.systemTypeName.map(SwiftNames.stringLiteral) ?? "nil")")
                        }
                        if enumeration.isOpen { out.line("case .unrecognized: return nil") }
                    }
                }
            }
        }
    }

    static func caseName(_ value: EnumValueDescriptor) -> String {
        SwiftNames.escaped(SwiftNames.enumCase(value.name))
    }
}
