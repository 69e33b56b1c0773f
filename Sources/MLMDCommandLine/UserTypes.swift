import MLMDProtos

/// A store's own types, each kind in id order, without ml-metadata's built-in base types
/// (`mlmd.Dataset`, `mlmd.Train`, ...), which every store holds and some servers list.
struct UserTypes: Sendable {
    var artifactTypes: [ArtifactType] = []
    var executionTypes: [ExecutionType] = []
    var contextTypes: [ContextType] = []

    static func read(_ store: any MetadataStoreServiceProtocol) async throws -> UserTypes {
        UserTypes(
            artifactTypes: try await store.getArtifactTypes(GetArtifactTypesRequest()).artifactTypes
                .filter { $0.hasVersion || !builtInArtifactTypes.contains($0.name) }.sorted { $0.id < $1.id },
            executionTypes: try await store.getExecutionTypes(GetExecutionTypesRequest()).executionTypes
                .filter { $0.hasVersion || !builtInExecutionTypes.contains($0.name) }.sorted { $0.id < $1.id },
            contextTypes: try await store.getContextTypes(GetContextTypesRequest()).contextTypes.sorted { $0.id < $1.id }
        )
    }

    private static let builtInArtifactTypes = Set(ArtifactType.SystemDefinedBaseType.allCases.compactMap(\.systemTypeName))
    private static let builtInExecutionTypes = Set(ExecutionType.SystemDefinedBaseType.allCases.compactMap(\.systemTypeName))
}
