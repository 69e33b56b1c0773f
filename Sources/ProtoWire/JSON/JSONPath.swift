/// One step of a JSON path: a member of an object or an element of an array.
enum JSONPathComponent {
    case member(String)
    case index(Int)

    /// `$.artifacts[3].properties.split`; a member whose name is not an identifier is written
    /// `["a b"]`.
    static func render(_ components: [JSONPathComponent]) -> String {
        var out: [UInt8] = [UInt8(ascii: "$")]
        for component in components {
            switch component {
            case .index(let index):
                out.append(contentsOf: "[\(index)]".utf8)
            case .member(let name) where isIdentifier(name):
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: name.utf8)
            case .member(let name):
                out.append(UInt8(ascii: "["))
                JSONPrinter.appendQuoted(name, to: &out)
                out.append(UInt8(ascii: "]"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !JSONScanner.isDigit(first) else { return false }
        return name.utf8.allSatisfy {
            JSONScanner.isLetter($0) || JSONScanner.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "@")
        }
    }
}
