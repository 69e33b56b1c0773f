import MLMDProtos

/// Parses `filter_query` text (the ZetaSQL boolean expressions ml-metadata accepts) into a
/// `FilterExpression`. Errors are INVALID_ARGUMENT naming the character offset and what was expected.
struct FilterQueryParser {
    private enum Token: Equatable {
        case word(String)  // identifiers and keywords
        case quoted(String)  // back-quoted name
        case string(String)
        case number(String)
        case symbol(String)
        case end
    }

    private let text: [UInt8]
    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    /// How deep the expression tree is at this point of the parse: parentheses, NOT, and each
    /// further term of an AND or OR chain add one.
    private var depth = 0

    /// The deepest expression accepted. The parser, the planner and SQLite (at most 1,000 deep)
    /// all recurse over the tree: hostile nesting must stop here, with a message, not overflow a
    /// thread's stack.
    static let depthLimit = 200

    static func parse(_ query: String) throws -> FilterExpression {
        var parser = try FilterQueryParser(query)
        let expression = try parser.orExpression()
        guard parser.current == .end else { throw parser.error("expected end of query") }
        return expression
    }

    private init(_ query: String) throws {
        text = Array(query.utf8)
        try tokenize()
    }

    // MARK: Tokens

    private mutating func tokenize() throws {
        var position = 0
        func fail(_ message: String) -> MetadataStoreError {
            MetadataStoreError(.invalidArgument, "Invalid `filter_query`: \(message) at offset \(position)")
        }
        while position < text.count {
            let byte = text[position]
            let start = position
            switch byte {
            case 0x20, 0x09, 0x0a, 0x0d:
                position += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                while position < text.count, isWordByte(text[position]) { position += 1 }
                tokens.append((.word(String(decoding: text[start..<position], as: UTF8.self)), start))
            case _ where startsNumber(text, at: position):
                position += 1
                while position < text.count,
                    isWordByte(text[position]) || text[position] == UInt8(ascii: ".")
                        || ((text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-"))
                            && (text[position - 1] | 0x20) == UInt8(ascii: "e"))
                {
                    position += 1
                }
                tokens.append((.number(String(decoding: text[start..<position], as: UTF8.self)), start))
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                position += 1
                var bytes: [UInt8] = []
                while true {
                    guard position < text.count else { throw fail("unterminated \(Character(Unicode.Scalar(byte)))") }
                    let next = text[position]
                    position += 1
                    if next == byte { break }
                    if next == UInt8(ascii: "\\"), position < text.count {
                        let escaped = text[position]
                        position += 1
                        switch escaped {
                        case UInt8(ascii: "n"): bytes.append(0x0a)
                        case UInt8(ascii: "t"): bytes.append(0x09)
                        default: bytes.append(escaped)
                        }
                    } else {
                        bytes.append(next)
                    }
                }
                let value = String(decoding: bytes, as: UTF8.self)
                tokens.append((byte == UInt8(ascii: "`") ? .quoted(value) : .string(value), start))
            default:
                let two = position + 1 < text.count ? String(decoding: text[position...position + 1], as: UTF8.self) : ""
                if ["!=", "<>", "<=", ">="].contains(two) {
                    tokens.append((.symbol(two), start))
                    position += 2
                } else if "=<>(),.".utf8.contains(byte) {
                    tokens.append((.symbol(String(Unicode.Scalar(byte))), start))
                    position += 1
                } else {
                    throw fail("unexpected character \"\(Character(Unicode.Scalar(byte)))\"")
                }
            }
        }
        tokens.append((.end, text.count))
    }

    /// A digit, or a minus sign right before one.
    private func startsNumber(_ text: [UInt8], at position: Int) -> Bool {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        if digits.contains(text[position]) { return true }
        return text[position] == UInt8(ascii: "-") && position + 1 < text.count && digits.contains(text[position + 1])
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    private var current: Token { tokens[index].token }

    private func error(_ message: String) -> MetadataStoreError {
        let found: String
        switch current {
        case .word(let word): found = "\"\(word)\""
        case .quoted(let name): found = "`\(name)`"
        case .string(let string): found = "'\(string)'"
        case .number(let number): found = number
        case .symbol(let symbol): found = "\"\(symbol)\""
        case .end: found = "end of query"
        }
        return MetadataStoreError(.invalidArgument, "Invalid `filter_query`: \(message), found \(found) at offset \(tokens[index].offset)")
    }

    private mutating func keyword(_ word: String) -> Bool {
        guard case .word(let found) = current, found.uppercased() == word else { return false }
        index += 1
        return true
    }

    private mutating func symbol(_ symbol: String) -> Bool {
        guard current == .symbol(symbol) else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ symbolText: String) throws {
        guard symbol(symbolText) else { throw error("expected \"\(symbolText)\"") }
    }

    // MARK: Grammar

    /// One level deeper, or INVALID_ARGUMENT past `depthLimit`; the caller restores `depth`.
    private mutating func deeper() throws {
        depth += 1
        guard depth <= Self.depthLimit else {
            throw error("expression nested more than \(Self.depthLimit) deep (parentheses, NOT, AND and OR terms)")
        }
    }

    private mutating func orExpression() throws -> FilterExpression {
        let entry = depth
        defer { depth = entry }
        var expression = try andExpression()
        while keyword("OR") {
            try deeper()
            expression = .or(expression, try andExpression())
        }
        return expression
    }

    private mutating func andExpression() throws -> FilterExpression {
        let entry = depth
        defer { depth = entry }
        var expression = try notExpression()
        while keyword("AND") {
            try deeper()
            expression = .and(expression, try notExpression())
        }
        return expression
    }

    private mutating func notExpression() throws -> FilterExpression {
        guard keyword("NOT") else { return try predicate() }
        let entry = depth
        defer { depth = entry }
        try deeper()
        return .not(try notExpression())
    }

    private mutating func predicate() throws -> FilterExpression {
        let left = try operand()
        for comparison in ["=", "!=", "<>", "<=", ">=", "<", ">"] where symbol(comparison) {
            return .compare(left, comparison == "<>" ? "!=" : comparison, try operand())
        }
        if keyword("IS") {
            let negated = keyword("NOT")
            guard keyword("NULL") else { throw error("expected NULL") }
            return .isNull(left, negated: negated)
        }
        let negated = keyword("NOT")
        if keyword("IN") {
            try expect("(")
            var values = [try operand()]
            while symbol(",") { values.append(try operand()) }
            try expect(")")
            return .isIn(left, values, negated: negated)
        }
        if keyword("LIKE") { return .like(left, try operand(), negated: negated) }
        if keyword("BETWEEN") {
            let low = try operand()
            guard keyword("AND") else { throw error("expected AND in BETWEEN") }
            return .between(left, low, try operand(), negated: negated)
        }
        if negated { throw error("expected IN, LIKE or BETWEEN after NOT") }
        if case .parenthesized(let inner) = left { return inner }
        return .truth(left)
    }

    private mutating func operand() throws -> FilterOperand {
        let offset = tokens[index].offset
        switch current {
        case .symbol("("):
            let entry = depth
            defer { depth = entry }
            try deeper()
            index += 1
            let inner = try orExpression()
            try expect(")")
            return .parenthesized(inner)
        case .symbol("-"):
            throw error("expected a value")
        case .string(let value):
            index += 1
            return .string(value)
        case .number(let text):
            index += 1
            if let integer = Int64(text) { return .integer(integer) }
            if let double = Double(text) { return .double(double) }
            throw MetadataStoreError(.invalidArgument, "Invalid `filter_query`: bad number \(text) at offset \(offset)")
        case .word(let word):
            index += 1
            switch word.uppercased() {
            case "TRUE": return .bool(true)
            case "FALSE": return .bool(false)
            case "AND", "OR", "NOT", "IN", "LIKE", "IS", "BETWEEN", "NULL":
                throw {
                    index -= 1; return error("expected a value")
                }()
            default: break
            }
            guard current == .symbol(".") else { return .word(word, position: offset) }
            var path = [word]
            while symbol(".") {
                switch current {
                case .word(let part), .quoted(let part): path.append(part); index += 1
                case .number(let part): path.append(part); index += 1
                default: throw error("expected a name after \".\"")
                }
            }
            return .column(path, position: offset)
        case .quoted:
            throw error("a back-quoted name must follow properties. or custom_properties.")
        default:
            throw error("expected a value")
        }
    }
}
