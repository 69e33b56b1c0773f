/// Writes a Swift struct, with its codecs, for a protobuf message.
struct MessageEmitter {
    let symbols: SymbolTable
    /// The expression for the registry an `Any` inside these messages may expand to, if not the default.
    let registryExpression: String?

    func emit(fullName: String, into out: inout CodeWriter) {
        let message = symbols.message(fullName)
        let descriptor = message.descriptor
        let typeName = message.swiftName.split(separator: ".").last.map(String.init)!
        let plans = descriptor.fields.map { FieldPlan($0, in: message, containerName: fullName, symbols: symbols) }
        let protoName = String(fullName.dropFirst())

        out.docComment(message.comment, then: "The protobuf message `\(protoName)`.")
        out.block("public struct \(typeName): ProtoMessage") { out in
            out.line("/// `\(protoName)`")
            out.line("public static let protoMessageName = \"\(protoName)\"")
            if let registryExpression {
                out.line("/// Every message of this module and the well-known types.")
                out.line("public static var typeRegistry: ProtoTypeRegistry { \(registryExpression) }")
            }
            out.line()
            emitStorage(plans, into: &out)
            out.line("/// Fields this message did not recognise, kept byte for byte.")
            out.line("public var unknownFields = UnknownFields()")
            out.line()
            out.line("/// A message with every field unset.")
            out.line("public init() {}")
            for plan in plans where plan.oneof == nil && !plan.isRepeated {
                out.line()
                emitAccessors(plan, into: &out)
            }
            emitOneofs(plans, into: &out)
            for nested in descriptor.enums {
                out.line()
                EnumEmitter.emit(symbols.enumeration(fullName + "." + nested.name), into: &out)
            }
            for nested in descriptor.nestedMessages where !nested.isMapEntry {
                out.line()
                emit(fullName: fullName + "." + nested.name, into: &out)
            }
            out.line()
            emitDecode(plans, into: &out)
            out.line()
            emitEncode(plans, into: &out)
            out.line()
            emitPrint(plans, isAny: fullName == ".google.protobuf.Any", into: &out)
            out.line()
            emitParse(plans, isAny: fullName == ".google.protobuf.Any", into: &out)
            out.line()
            emitJSONPrint(plans, into: &out)
            out.line()
            emitJSONParse(plans, into: &out)
            out.line()
            emitEquality(typeName, plans, into: &out)
        }
    }

    // MARK: Equality

    /// `==` field by field, strings by their bytes (see `ProtoEquality`).
    private func emitEquality(_ typeName: String, _ plans: [FieldPlan], into out: inout CodeWriter) {
        var stored: [String] = []
        for plan in plans {
            if let oneof = plan.oneof {
                if !stored.contains(oneof.property) { stored.append(oneof.property) }
            } else if plan.isRepeated || plan.isImplicitPresence {
                stored.append(plan.property)
            } else {
                stored.append(plan.storage)
            }
        }
        stored.append("unknownFields")
        out.line("/// Equal when every field is, strings compared by their UTF-8 bytes.")
        out.block("public static func == (lhs: \(typeName), rhs: \(typeName)) -> Bool") { out in
            let terms = stored.map { "ProtoEquality.equal(lhs.\($0), rhs.\($0))" }
            out.line("return " + terms[0])
            for term in terms.dropFirst() { out.line("    && " + term) }
        }
    }

    // MARK: Storage and accessors

    private func emitStorage(_ plans: [FieldPlan], into out: inout CodeWriter) {
        var emittedOneofs: Set<String> = []
        for plan in plans {
            if let oneof = plan.oneof {
                guard emittedOneofs.insert(oneof.property).inserted else { continue }
                out.line("/// Which member of the oneof is set, with its value.")
                out.line("public var \(oneof.property): \(oneof.enumType)? = nil")
            } else if plan.isMap {
                out.line("/// `\(plan.name)` (field \(plan.number)), entries by key.")
                out.line("public var \(plan.property): \(plan.valueType) = [:]")
            } else if plan.isRepeated {
                out.line("/// `\(plan.name)` (field \(plan.number)).")
                out.line("public var \(plan.property): [\(plan.valueType)] = []")
            } else if plan.isImplicitPresence {
                out.line("/// `\(plan.name)` (field \(plan.number)).")
                out.line("public var \(plan.property): \(plan.valueType) = \(plan.defaultValue(symbols: symbols))")
            } else if plan.isIndirect {
                out.line("var \(plan.storage): Indirect<\(plan.valueType)>? = nil")
            } else {
                out.line("var \(plan.storage): \(plan.valueType)? = nil")
            }
        }
    }

    private func emitAccessors(_ plan: FieldPlan, into out: inout CodeWriter) {
        guard !plan.isImplicitPresence else { return }
        let upper = SwiftNames.upperCamel(plan.name)
        let defaultValue = plan.defaultValue(symbols: symbols)
        out.line("/// `\(plan.name)` (field \(plan.number)); \(defaultValue) when unset.")
        if plan.isIndirect {
            out.block("public var \(plan.property): \(plan.valueType)") { out in
                out.line("get { \(plan.storage)?.value ?? \(defaultValue) }")
                out.line("set { \(plan.storage) = Indirect(newValue) }")
            }
        } else {
            out.block("public var \(plan.property): \(plan.valueType)") { out in
                out.line("get { \(plan.storage) ?? \(defaultValue) }")
                out.line("set { \(plan.storage) = newValue }")
            }
        }
        out.line("/// True if `\(plan.name)` is set.")
        out.line("public var has\(upper): Bool { \(plan.storage) != nil }")
        out.line("/// Unsets `\(plan.name)`.")
        out.line("public mutating func clear\(upper)() { \(plan.storage) = nil }")
    }

    private func emitOneofs(_ plans: [FieldPlan], into out: inout CodeWriter) {
        var order: [String] = []
        var members: [String: [FieldPlan]] = [:]
        for plan in plans {
            guard let oneof = plan.oneof else { continue }
            if members[oneof.property] == nil { order.append(oneof.property) }
            members[oneof.property, default: []].append(plan)
        }
        for property in order {
            let plans = members[property]!
            let enumType = plans[0].oneof!.enumType
            out.line()
            out.line("/// The members of the oneof `\(property)`.")
            out.block("public enum \(enumType): Equatable, Sendable") { out in
                for plan in plans {
                    out.line("/// `\(plan.name)` (field \(plan.number)).")
                    out.line("\(plan.isIndirect ? "indirect " : "")case \(plan.property)(\(plan.valueType))")
                }
                out.line()
                out.line("/// The same member with equal values, strings compared by their UTF-8 bytes.")
                out.block("public static func == (lhs: \(enumType), rhs: \(enumType)) -> Bool") { out in
                    out.block("switch (lhs, rhs)") { out in
                        for plan in plans {
                            out.line("case let (.\(plan.property)(lhs), .\(plan.property)(rhs)): return ProtoEquality.equal(lhs, rhs)")
                        }
                        if plans.count > 1 { out.line("default: return false") }
                    }
                }
            }
            for plan in plans {
                let upper = SwiftNames.upperCamel(plan.name)
                out.line()
                out.line("/// `\(plan.name)` (field \(plan.number)); setting it selects it in `\(property)`.")
                out.block("public var \(plan.property): \(plan.valueType)") { out in
                    out.line(
                        "get { if case .\(plan.property)(let value)? = \(property) { return value }; return \(plan.defaultValue(symbols: symbols)) }"
                    )
                    out.line("set { \(property) = .\(plan.property)(newValue) }")
                }
                out.line("/// True if `\(property)` holds `\(plan.name)`.")
                out.line("public var has\(upper): Bool { if case .\(plan.property)? = \(property) { return true }; return false }")
            }
        }
    }

    // MARK: Binary decoding

    private func emitDecode(_ plans: [FieldPlan], into out: inout CodeWriter) {
        out.line("/// Reads fields until the reader's limit, merging them into this message.")
        out.block("public mutating func decodeFields(from reader: inout BinaryReader) throws") { out in
            out.block("while let tag = try reader.readTag()") { out in
                out.block("switch tag") { out in
                    for plan in plans.sorted(by: { $0.number < $1.number }) { emitDecodeCases(plan, into: &out) }
                    out.line("default: try reader.skipUnknownField(tag: tag, into: &unknownFields)")
                }
            }
        }
    }

    private func emitDecodeCases(_ plan: FieldPlan, into out: inout CodeWriter) {
        if let entry = plan.mapEntry {
            out.line("case \(plan.tag):")
            out.line("    var key: \(entry.key.valueType) = \(entry.key.defaultValue(symbols: symbols))")
            out.line("    var value: \(entry.value.valueType) = \(entry.value.defaultValue(symbols: symbols))")
            out.line("    let outer = try reader.beginLengthDelimited()")
            out.line("    while let entryTag = try reader.readTag() {")
            out.line("        switch entryTag {")
            out.line("        case \(entry.key.tag): key = \(entry.key.binaryRead)")
            switch entry.value.kind {
            case .message: out.line("        case \(entry.value.tag): try reader.readMessage(into: &value)")
            case .enumeration:
                out.line("        case \(entry.value.tag): value = \(entry.value.valueType)(rawValue: try reader.readInt32()) ?? value")
            default: out.line("        case \(entry.value.tag): value = \(entry.value.binaryRead)")
            }
            out.line("        default: try reader.skipField(tag: entryTag)")
            out.line("        }")
            out.line("    }")
            out.line("    try reader.endLengthDelimited(outer)")
            out.line("    self.\(plan.property)[key] = value")
            return
        }
        if plan.isRepeated {
            if plan.isMessage {
                out.line("case \(plan.tag):")
                out.line("    self.\(plan.property).append(\(plan.valueType)())")
                out.line("    try reader.readMessage(into: &self.\(plan.property)[self.\(plan.property).count - 1])")
                return
            }
            let unpacked = plan.kind == .string || plan.kind == .bytes
            if plan.kind == .enumeration {
                out.line("case \(plan.tag):")
                out.line("    let raw = try reader.readInt32()")
                out.line(
                    "    if let value = \(plan.valueType)(rawValue: raw) { self.\(plan.property).append(value) } else { reader.keepLastFieldAsUnknown(in: &unknownFields) }"
                )
                out.line("case \(plan.packedTag):")
                out.line("    var raws: [Int32] = []")
                out.line("    try reader.readPackedVarints(into: &raws) { Int32(truncatingIfNeeded: $0) }")
                out.line("    for raw in raws {")
                out.line(
                    "        if let value = \(plan.valueType)(rawValue: raw) { self.\(plan.property).append(value) } else { unknownFields.appendVarint(UInt64(bitPattern: Int64(raw)), fieldNumber: \(plan.number)) }"
                )
                out.line("    }")
                return
            }
            out.line("case \(plan.tag): self.\(plan.property).append(\(plan.binaryRead))")
            if !unpacked {
                let packed = plan.packedRead
                out.line("case \(plan.packedTag): try reader.\(packed.method)(into: &self.\(plan.property)) { \(packed.convert) }")
            }
            return
        }
        let assign: (String) -> String
        if let oneof = plan.oneof {
            assign = { "self.\(oneof.property) = .\(plan.property)(\($0))" }
        } else if plan.isImplicitPresence {
            assign = { "self.\(plan.property) = \($0)" }
        } else {
            assign = { "self.\(plan.storage) = \($0)" }
        }
        switch plan.kind {
        case .message:
            out.line("case \(plan.tag):")
            if let oneof = plan.oneof {
                out.line("    var message = \(plan.valueType)()")
                out.line("    if case .\(plan.property)(let current)? = self.\(oneof.property) { message = current }")
            } else if plan.isIndirect {
                out.line("    var message = self.\(plan.storage)?.value ?? \(plan.valueType)()")
            } else {
                out.line("    var message = self.\(plan.storage) ?? \(plan.valueType)()")
            }
            out.line("    try reader.readMessage(into: &message)")
            out.line("    " + (plan.isIndirect && plan.oneof == nil ? "self.\(plan.storage) = Indirect(message)" : assign("message")))
        case .enumeration:
            out.line("case \(plan.tag):")
            if plan.isOpenEnum {
                out.line("    " + assign("\(plan.valueType)(rawValue: try reader.readInt32())"))
            } else {
                out.line(
                    "    if let value = \(plan.valueType)(rawValue: try reader.readInt32()) { \(assign("value")) } else { reader.keepLastFieldAsUnknown(in: &unknownFields) }"
                )
            }
        default:
            out.line("case \(plan.tag): " + assign(plan.binaryRead))
        }
    }

    // MARK: Binary encoding

    private func emitEncode(_ plans: [FieldPlan], into out: inout CodeWriter) {
        out.line("/// Writes the message backwards: unknown fields, then known fields by descending number.")
        out.block("public func encodeFields(to writer: inout BinaryWriter)") { out in
            out.line("writer.writeUnknownFields(unknownFields)")
            for plan in plans.sorted(by: { $0.number > $1.number }) { emitEncode(plan, into: &out) }
        }
    }

    private func emitEncode(_ plan: FieldPlan, into out: inout CodeWriter) {
        if let entry = plan.mapEntry {
            out.block("for entry in self.\(plan.property).reversed()") { out in
                out.line("let end = writer.count")
                out.line(entry.value.binaryWrite("entry.value"))
                out.line(entry.key.binaryWrite("entry.key"))
                out.line("writer.writeLengthPrefix(since: end, tag: \(plan.tag))")
            }
        } else if plan.isPacked {
            out.block("if !self.\(plan.property).isEmpty") { out in
                out.line("let end = writer.count")
                out.line("for value in self.\(plan.property).reversed() { \(plan.packedElementWrite("value")) }")
                out.line("writer.writeLengthPrefix(since: end, tag: \(plan.packedTag))")
            }
        } else if plan.isRepeated {
            out.line("for value in self.\(plan.property).reversed() { \(plan.binaryWrite("value")) }")
        } else {
            let present = presentValue(plan)
            out.line("\(present.condition) { \(plan.binaryWrite(present.value)) }")
        }
    }

    /// For a singular field: the `if` that holds when it is set, and the expression for its value inside.
    func presentValue(_ plan: FieldPlan) -> (condition: String, value: String) {
        if let oneof = plan.oneof {
            return ("if case .\(plan.property)(let value)? = self.\(oneof.property)", "value")
        } else if plan.isImplicitPresence {
            return ("if \(plan.isNonDefault("self." + plan.property))", "self." + plan.property)
        } else if plan.isIndirect {
            return ("if let value = self.\(plan.storage)?.value", "value")
        } else {
            return ("if let value = self.\(plan.storage)", "value")
        }
    }

    // MARK: Text format

    private func emitPrint(_ plans: [FieldPlan], isAny: Bool, into out: inout CodeWriter) {
        out.line("/// Prints set fields in field-number order, then unknown fields.")
        out.block("public func printTextFields(to printer: inout TextFormatPrinter)") { out in
            if isAny { out.line("if printer.printExpandedAny(typeURL: self.typeURL, value: self.value) { return }") }
            for plan in plans.sorted(by: { $0.number < $1.number }) {
                if let entry = plan.mapEntry {
                    out.block("for entry in self.\(plan.property)") { out in
                        out.line("printer.beginMessage(\"\(plan.name)\")")
                        out.line(entry.key.textPrint("entry.key"))
                        out.line(entry.value.textPrint("entry.value"))
                        out.line("printer.endMessage()")
                    }
                } else if plan.isRepeated {
                    out.line("for value in self.\(plan.property) { \(plan.textPrint("value")) }")
                } else {
                    let present = presentValue(plan)
                    out.line("\(present.condition) { \(plan.textPrint(present.value)) }")
                }
            }
            out.line("printer.printUnknownFields(unknownFields)")
        }
    }

    private func emitParse(_ plans: [FieldPlan], isAny: Bool, into out: inout CodeWriter) {
        out.line("/// Parses the value of the field `name`; false if there is no such field.")
        out.block("public mutating func parseTextField(named fieldName: String, from parser: inout TextFormatParser) throws -> Bool") {
            out in
            if plans.isEmpty {
                out.line("return false")
                return
            }
            out.block("switch fieldName") { out in
                for plan in plans.sorted(by: { $0.number < $1.number }) {
                    out.line("case \"\(plan.name)\":")
                    for line in parseLines(plan) { out.line("    " + line) }
                }
                out.line("default: return false")
            }
            out.line("return true")
        }
    }

    private func parseLines(_ plan: FieldPlan) -> [String] {
        if let entry = plan.mapEntry {
            let value =
                entry.value.isMessage
                ? "{ parser in var value = \(entry.value.valueType)(); try parser.messageField(into: &value); return value }"
                : "{ try $0.scalarField { \(entry.value.textRead) } }"
            return [
                "try parser.mapField(",
                "    key: { try $0.scalarField { \(entry.key.textRead) } },",
                "    value: \(value),",
                "    defaultKey: \(entry.key.defaultValue(symbols: symbols)), defaultValue: \(entry.value.defaultValue(symbols: symbols))",
                ") { self.\(plan.property)[$0] = $1 }",
            ]
        }
        if plan.isRepeated {
            if plan.isMessage { return ["try parser.repeatedMessageField(\(plan.valueType).self) { self.\(plan.property).append($0) }"] }
            return ["try parser.repeatedScalarField { self.\(plan.property).append(\(plan.textRead)) }"]
        }
        var lines: [String] = []
        let assign: (String) -> String
        if let oneof = plan.oneof {
            lines.append("guard self.\(oneof.property) == nil else { throw parser.duplicateOneof(fieldName) }")
            assign = { "self.\(oneof.property) = .\(plan.property)(\($0))" }
        } else if plan.isImplicitPresence {
            lines.append("guard !(\(plan.isNonDefault(plan.property))) else { throw parser.duplicateField(fieldName) }")
            assign = { "self.\(plan.property) = \($0)" }
        } else {
            lines.append("guard self.\(plan.storage) == nil else { throw parser.duplicateField(fieldName) }")
            assign = plan.isIndirect ? { "self.\(plan.storage) = Indirect(\($0))" } : { "self.\(plan.storage) = \($0)" }
        }
        if plan.isMessage {
            lines.append("var message = \(plan.valueType)()")
            lines.append("try parser.messageField(into: &message)")
            lines.append(assign("message"))
        } else {
            lines.append(assign("try parser.scalarField { \(plan.textRead) }"))
        }
        return lines
    }
}
