/// The JSON half of a message: `printJSONFields(to:)`, one line per field in field-number order,
/// and `parseJSONField(named:from:)`, a switch over each field's JSON name and .proto name.
extension MessageEmitter {
    func emitJSONPrint(_ plans: [FieldPlan], into out: inout CodeWriter) {
        out.line("/// Prints set fields as JSON members in field-number order.")
        out.block("public func printJSONFields(to printer: inout JSONPrinter) throws") { out in
            for plan in plans.sorted(by: { $0.number < $1.number }) {
                if plan.isRepeated {
                    out.line(plan.jsonPrint("self.\(plan.property)"))
                } else {
                    let present = presentValue(plan)
                    out.line("\(present.condition) { \(plan.jsonPrint(present.value)) }")
                }
            }
        }
    }

    func emitJSONParse(_ plans: [FieldPlan], into out: inout CodeWriter) {
        out.line("/// Parses the member `name` (JSON or .proto name) and returns its field number; nil if there is no such field.")
        out.block("public mutating func parseJSONField(named name: String, from parser: inout JSONParser) throws -> Int?") { out in
            if plans.isEmpty {
                out.line("return nil")
                return
            }
            var taken: Set<String> = []
            out.block("switch name") { out in
                for plan in plans.sorted(by: { $0.number < $1.number }) {
                    let names = [plan.jsonName, plan.name].filter { taken.insert($0).inserted }
                    guard !names.isEmpty else { continue }
                    out.line("case \(names.map { "\"\($0)\"" }.joined(separator: ", ")):")
                    for line in jsonParseLines(plan) { out.line("    " + line) }
                    out.line("    return \(plan.number)")
                }
                out.line("default: return nil")
            }
        }
    }

    private func jsonParseLines(_ plan: FieldPlan) -> [String] {
        let read = plan.jsonRead
        if plan.isRepeated { return ["self.\(plan.property) = \(read)"] }
        if let oneof = plan.oneof {
            return [
                "try parser.checkOneof(\"\(oneof.property.filter { $0 != "`" })\", alreadySet: self.\(oneof.property) != nil)",
                "if let value = \(read) { self.\(oneof.property) = .\(plan.property)(value) }",
            ]
        }
        if plan.isImplicitPresence { return ["self.\(plan.property) = \(read) ?? \(plan.defaultValue(symbols: symbols))"] }
        if plan.isIndirect { return ["self.\(plan.storage) = \(read).map { Indirect($0) }"] }
        return ["self.\(plan.storage) = \(read)"]
    }
}

extension FieldPlan {
    /// The member name printed: protoc's `json_name`, or the same rule applied here.
    var jsonName: String {
        if let name = descriptor.jsonName { return name }
        var out = ""
        var upper = false
        for character in name {
            if character == "_" {
                upper = true
            } else {
                out.append(upper ? Character(character.uppercased()) : character)
                upper = false
            }
        }
        return out
    }

    /// Prints the field with `value` (the whole array or map for repeated fields).
    func jsonPrint(_ value: String) -> String {
        let name = "\"\(jsonName)\""
        if let entry = mapEntry {
            switch entry.value.kind {
            case .message: return "try printer.printMessageMapField(\(name), \(value))"
            case .enumeration: return "printer.printEnumMapField(\(name), \(value))"
            default: return "printer.printMapField(\(name), \(value))"
            }
        }
        switch (kind, isRepeated) {
        case (.message, true), (.group, true): return "try printer.printRepeatedMessageField(\(name), \(value))"
        case (.message, false), (.group, false): return "try printer.printMessageField(\(name), \(value))"
        case (.enumeration, true): return "printer.printRepeatedEnumField(\(name), \(value))"
        case (.enumeration, false): return "printer.printEnumField(\(name), \(value))"
        case (_, true): return "printer.printRepeatedField(\(name), \(value))"
        case (_, false): return "printer.printField(\(name), \(value))"
        }
    }

    /// Reads the field's value: an optional for singular fields (nil for `null`), the whole array or map otherwise.
    var jsonRead: String {
        if let entry = mapEntry {
            let types = "\(entry.key.valueType).self, \(entry.value.valueType).self"
            switch entry.value.kind {
            case .message: return "try parser.readMessageMap(\(types))"
            case .enumeration: return "try parser.readEnumMap(\(types))"
            default: return "try parser.readMap(\(types))"
            }
        }
        let type = "\(valueType).self"
        switch (kind, isRepeated) {
        case (.message, true), (.group, true): return "try parser.readRepeatedMessage(\(type))"
        case (.message, false), (.group, false): return "try parser.readMessage(\(type))"
        case (.enumeration, true): return "try parser.readRepeatedEnum(\(type))"
        case (.enumeration, false): return "try parser.readEnum(\(type))"
        case (_, true): return "try parser.readRepeated(\(type))"
        case (_, false): return "try parser.read(\(type))"
        }
    }
}
