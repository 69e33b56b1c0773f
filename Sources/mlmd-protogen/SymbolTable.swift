/// Every message and enum of the descriptor set, by full protobuf name (with the leading dot),
/// with the Swift name it gets and what the emitters need to know about it.
struct SymbolTable {
    struct Message {
        var swiftName: String
        var descriptor: MessageDescriptor
        var isProto3: Bool
        /// The comment above the message in its .proto file.
        var comment: String?
    }

    struct Enumeration {
        var swiftName: String
        var descriptor: EnumDescriptor
        var isOpen: Bool
        /// The comment above the enum in its .proto file.
        var comment: String?
    }

    private(set) var messages: [String: Message] = [:]
    private(set) var enums: [String: Enumeration] = [:]

    init(files: [FileDescriptor]) {
        for file in files {
            let prefix = file.package.isEmpty ? "" : "." + file.package
            let swiftPrefix = Self.swiftPrefix(package: file.package)
            let isProto3 = file.syntax == "proto3"
            // Only our own Protos/ carry comments into generated code; the imported google/protobuf
            // files are protobuf's, and their text stays theirs.
            let comments = file.package == "google.protobuf" ? [:] : file.comments
            for (index, message) in file.messages.enumerated() {
                add(
                    message, fullName: prefix + "." + message.name, swiftName: topLevelName(message.name, prefix: swiftPrefix),
                    isProto3: isProto3, path: [4, Int32(index)], comments: comments)
            }
            for (index, enumeration) in file.enums.enumerated() {
                enums[prefix + "." + enumeration.name] = Enumeration(
                    swiftName: topLevelName(enumeration.name, prefix: swiftPrefix), descriptor: enumeration, isOpen: isProto3,
                    comment: comments[[5, Int32(index)]])
            }
        }
    }

    private func topLevelName(_ name: String, prefix: String) -> String {
        prefix.isEmpty ? SwiftNames.typeName(name) : prefix + name
    }

    /// google.protobuf types get a `Protobuf` prefix; ml_metadata's keep their own names.
    static func swiftPrefix(package: String) -> String {
        package == "google.protobuf" ? "Protobuf" : ""
    }

    /// Registers `message` (at descriptor `path`) and everything nested in it.
    private mutating func add(
        _ message: MessageDescriptor, fullName: String, swiftName: String, isProto3: Bool,
        path: [Int32], comments: [[Int32]: String]
    ) {
        messages[fullName] = Message(swiftName: swiftName, descriptor: message, isProto3: isProto3, comment: comments[path])
        for (index, nested) in message.nestedMessages.enumerated() {
            add(
                nested, fullName: fullName + "." + nested.name, swiftName: swiftName + "." + SwiftNames.typeName(nested.name),
                isProto3: isProto3, path: path + [3, Int32(index)], comments: comments)
        }
        for (index, enumeration) in message.enums.enumerated() {
            enums[fullName + "." + enumeration.name] = Enumeration(
                swiftName: swiftName + "." + SwiftNames.typeName(enumeration.name), descriptor: enumeration, isOpen: isProto3,
                comment: comments[path + [4, Int32(index)]])
        }
    }

    func message(_ fullName: String) -> Message {
        guard let message = messages[fullName] else { fatalError("unknown message type \(fullName)") }
        return message
    }

    func enumeration(_ fullName: String) -> Enumeration {
        guard let enumeration = enums[fullName] else { fatalError("unknown enum type \(fullName)") }
        return enumeration
    }

    /// True if a singular message field of type `target` inside `container` closes a cycle of
    /// singular message fields, so that it needs indirect storage to give the struct a finite size.
    func isRecursive(container: String, target: String) -> Bool {
        var seen: Set<String> = []
        var stack = [target]
        while let name = stack.popLast() {
            if name == container { return true }
            guard seen.insert(name).inserted, let message = messages[name] else { continue }
            for field in message.descriptor.fields where field.kind == .message && field.label != .repeated {
                stack.append(field.typeName)
            }
        }
        return false
    }

    /// The full names of the messages reachable from `roots` through fields, roots included.
    func closure(of roots: [String]) -> Set<String> {
        var seen: Set<String> = []
        var stack = roots
        while let name = stack.popLast() {
            guard seen.insert(name).inserted, let message = messages[name] else { continue }
            for field in message.descriptor.fields {
                if field.kind == .message || field.kind == .enumeration { stack.append(field.typeName) }
            }
            for nested in message.descriptor.nestedMessages { stack.append(name + "." + nested.name) }
            for enumeration in message.descriptor.enums { stack.append(name + "." + enumeration.name) }
        }
        return seen
    }
}
