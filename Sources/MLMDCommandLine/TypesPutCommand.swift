import ArgumentParser
import MLMDProtos
import MLMetadata

extension MLMDCommand.Types {
    /// `mlmd types put types.pbtxt`
    struct Put: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the types of an ml_metadata.PutTypesRequest (text format or binary) into the store.",
            discussion: """
                A type that exists already with the same properties keeps its id; one that differs is an \
                error unless the request sets can_add_fields or can_omit_fields. Prints each type with its id.
                """
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "A PutTypesRequest file, in protobuf text format or binary.")
        var file: String

        func run() async throws {
            let request = try MessageFile.read(PutTypesRequest.self, from: file)
            let response = try await store.withStore(creating: true) { metadataStore in try await metadataStore.putTypes(request) }
            var lines: [String] = []
            for (type, id) in zip(request.artifactTypes, response.artifactTypeIDs) { lines.append("artifact type \(id) \(type.name)") }
            for (type, id) in zip(request.executionTypes, response.executionTypeIDs) { lines.append("execution type \(id) \(type.name)") }
            for (type, id) in zip(request.contextTypes, response.contextTypeIDs) { lines.append("context type \(id) \(type.name)") }
            try StandardStreams.writeOutput(Array(lines.map { $0 + "\n" }.joined().utf8))
        }
    }
}
