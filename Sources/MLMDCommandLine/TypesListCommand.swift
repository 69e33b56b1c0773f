import ArgumentParser
import MLMDProtos
import MLMetadata
import ProtoWire

extension MLMDCommand.Types {
    /// `mlmd types ls`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls",
            abstract: "List the store's types: kind, id, name (and version), and properties."
        )

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let types = try await store.withStore(creating: false) { try await UserTypes.read($0) }
            let rows =
                types.artifactTypes.map { TypeRow("artifact", $0.id, $0.name, $0.hasVersion ? $0.version : nil, $0.properties) }
                + types.executionTypes.map { TypeRow("execution", $0.id, $0.name, $0.hasVersion ? $0.version : nil, $0.properties) }
                + types.contextTypes.map { TypeRow("context", $0.id, $0.name, $0.hasVersion ? $0.version : nil, $0.properties) }
            let table = TextTable(
                header: ["ID", "KIND", "NAME", "PROPERTIES"],
                rows: rows.sorted { $0.id < $1.id }.map(\.cells))
            try StandardStreams.writeOutput(Array(table.rendered.utf8))
        }
    }
}

/// One line of `mlmd types ls`.
private struct TypeRow {
    let kind: String, id: Int64, name: String, version: String?
    let properties: [(key: String, value: PropertyType)]

    init(_ kind: String, _ id: Int64, _ name: String, _ version: String?, _ properties: ProtoMap<String, PropertyType>) {
        self.kind = kind; self.id = id; self.name = name; self.version = version
        self.properties = Array(properties)
    }

    var cells: [String] {
        let described = properties.map { "\($0.key):\($0.value.protoName)" }.joined(separator: " ")
        return [String(id), kind, version.map { "\(name)@\($0)" } ?? name, described]
    }
}
