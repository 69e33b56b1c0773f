import MLMDProtos

/// The store calls the pages make: reads only, each paged where the store pages. A
/// `MetadataStore` in this process, a `MetadataStoreClient` of any MLMD server, and the server's
/// own read lane all answer them.
public protocol BrowsedStore: Sendable {
    func getArtifactTypes(_ request: GetArtifactTypesRequest) async throws -> GetArtifactTypesResponse
    func getExecutionTypes(_ request: GetExecutionTypesRequest) async throws -> GetExecutionTypesResponse
    func getContextTypes(_ request: GetContextTypesRequest) async throws -> GetContextTypesResponse
    func getArtifacts(_ request: GetArtifactsRequest) async throws -> GetArtifactsResponse
    func getExecutions(_ request: GetExecutionsRequest) async throws -> GetExecutionsResponse
    func getContexts(_ request: GetContextsRequest) async throws -> GetContextsResponse
    func getArtifactsByID(_ request: GetArtifactsByIDRequest) async throws -> GetArtifactsByIDResponse
    func getExecutionsByID(_ request: GetExecutionsByIDRequest) async throws -> GetExecutionsByIDResponse
    func getContextsByID(_ request: GetContextsByIDRequest) async throws -> GetContextsByIDResponse
    func getEventsByArtifactIDs(_ request: GetEventsByArtifactIDsRequest) async throws -> GetEventsByArtifactIDsResponse
    func getEventsByExecutionIDs(_ request: GetEventsByExecutionIDsRequest) async throws -> GetEventsByExecutionIDsResponse
    func getContextsByArtifact(_ request: GetContextsByArtifactRequest) async throws -> GetContextsByArtifactResponse
    func getContextsByExecution(_ request: GetContextsByExecutionRequest) async throws -> GetContextsByExecutionResponse
    func getArtifactsByContext(_ request: GetArtifactsByContextRequest) async throws -> GetArtifactsByContextResponse
    func getExecutionsByContext(_ request: GetExecutionsByContextRequest) async throws -> GetExecutionsByContextResponse
    func getParentContextsByContext(_ request: GetParentContextsByContextRequest) async throws -> GetParentContextsByContextResponse
    func getChildrenContextsByContext(
        _ request: GetChildrenContextsByContextRequest
    ) async throws
        -> GetChildrenContextsByContextResponse

    /// The overview's facts: what the store is, and its nodes per type.
    func overview() async throws -> StoreOverview
}

/// What the overview says about a store.
public struct StoreOverview: Sendable, Equatable {
    /// How many nodes a type has: exactly, or at least so many when counting all would read too much.
    public enum Count: Sendable, Equatable {
        case exactly(Int64)
        case atLeast(Int64)
    }

    /// `SQLite (mlmd.sqlite)`, `PostgreSQL (db:5432/mlmd)`, `grpc://host:8080`.
    public var backend: String
    /// The schema version, when the store can tell.
    public var schemaVersion: Int64?
    /// Node counts by type id; a type that is absent has none.
    public var nodesByType: [Int64: Count]

    public init(backend: String, schemaVersion: Int64?, nodesByType: [Int64: Count]) {
        self.backend = backend
        self.schemaVersion = schemaVersion
        self.nodesByType = nodesByType
    }
}
