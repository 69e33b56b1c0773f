/// How protobuf names become Swift names.
enum SwiftNames {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "await", "false", "is", "nil", "self", "super", "throws", "true", "try", "Type",
        "Self", "Any", "Protocol",
    ]

    /// Words written in capitals inside a name, as Swift's API guidelines write acronyms.
    static let acronyms: [String: String] = ["id": "ID", "ids": "IDs", "url": "URL", "uri": "URI", "uris": "URIs"]

    /// `type_id` → `typeID`, `uri` → `uri`, `create_time_since_epoch` → `createTimeSinceEpoch`.
    static func lowerCamel(_ snake: String) -> String {
        let words = snake.split(separator: "_").map(String.init)
        guard let first = words.first else { return snake }
        var result = first.lowercased() == first ? first : first.prefix(1).lowercased() + first.dropFirst()
        for word in words.dropFirst() {
            result += acronyms[word.lowercased()] ?? (word.prefix(1).uppercased() + word.dropFirst())
        }
        return result
    }

    /// `type_id` → `TypeID`.
    static func upperCamel(_ snake: String) -> String {
        snake.split(separator: "_").map { word in
            acronyms[word.lowercased()] ?? (word.prefix(1).uppercased() + word.dropFirst())
        }.joined()
    }

    /// `DECLARED_OUTPUT` → `declaredOutput`.
    static func enumCase(_ protoName: String) -> String {
        lowerCamel(protoName.lowercased())
    }

    /// A name usable as a Swift identifier.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A nested type name that cannot clash with Swift's own `.Type` and `.Protocol`.
    static func typeName(_ protoName: String) -> String {
        switch protoName {
        case "Type", "Protocol", "Self", "Any": return protoName + "Enum"
        default: return protoName
        }
    }

    /// A Swift string literal for `text`.
    static func stringLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
