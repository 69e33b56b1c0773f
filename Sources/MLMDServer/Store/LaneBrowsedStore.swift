import MLMDProtos
import MLMDWeb
import MLMetadata

/// The web pages' store calls, each on the server's read lane like any other read, so that a
/// page never blocks a thread that serves calls.
struct LaneBrowsedStore: BrowsedStore {
    let lanes: StoreLanes

    func getArtifactTypes(_ request: GetArtifactTypesRequest) async throws -> GetArtifactTypesResponse {
        try await lanes.read { try $0.getArtifactTypes(request) }
    }

    func getExecutionTypes(_ request: GetExecutionTypesRequest) async throws -> GetExecutionTypesResponse {
        try await lanes.read { try $0.getExecutionTypes(request) }
    }

    func getContextTypes(_ request: GetContextTypesRequest) async throws -> GetContextTypesResponse {
        try await lanes.read { try $0.getContextTypes(request) }
    }

    func getArtifacts(_ request: GetArtifactsRequest) async throws -> GetArtifactsResponse {
        try await lanes.read { try $0.getArtifacts(request) }
    }

    func getExecutions(_ request: GetExecutionsRequest) async throws -> GetExecutionsResponse {
        try await lanes.read { try $0.getExecutions(request) }
    }

    func getContexts(_ request: GetContextsRequest) async throws -> GetContextsResponse {
        try await lanes.read { try $0.getContexts(request) }
    }

    func getArtifactsByID(_ request: GetArtifactsByIDRequest) async throws -> GetArtifactsByIDResponse {
        try await lanes.read { try $0.getArtifactsByID(request) }
    }

    func getExecutionsByID(_ request: GetExecutionsByIDRequest) async throws -> GetExecutionsByIDResponse {
        try await lanes.read { try $0.getExecutionsByID(request) }
    }

    func getContextsByID(_ request: GetContextsByIDRequest) async throws -> GetContextsByIDResponse {
        try await lanes.read { try $0.getContextsByID(request) }
    }

    func getEventsByArtifactIDs(_ request: GetEventsByArtifactIDsRequest) async throws -> GetEventsByArtifactIDsResponse {
        try await lanes.read { try $0.getEventsByArtifactIDs(request) }
    }

    func getEventsByExecutionIDs(_ request: GetEventsByExecutionIDsRequest) async throws -> GetEventsByExecutionIDsResponse {
        try await lanes.read { try $0.getEventsByExecutionIDs(request) }
    }

    func getContextsByArtifact(_ request: GetContextsByArtifactRequest) async throws -> GetContextsByArtifactResponse {
        try await lanes.read { try $0.getContextsByArtifact(request) }
    }

    func getContextsByExecution(_ request: GetContextsByExecutionRequest) async throws -> GetContextsByExecutionResponse {
        try await lanes.read { try $0.getContextsByExecution(request) }
    }

    func getArtifactsByContext(_ request: GetArtifactsByContextRequest) async throws -> GetArtifactsByContextResponse {
        try await lanes.read { try $0.getArtifactsByContext(request) }
    }

    func getExecutionsByContext(_ request: GetExecutionsByContextRequest) async throws -> GetExecutionsByContextResponse {
        try await lanes.read { try $0.getExecutionsByContext(request) }
    }

    func getParentContextsByContext(_ request: GetParentContextsByContextRequest) async throws -> GetParentContextsByContextResponse {
        try await lanes.read { try $0.getParentContextsByContext(request) }
    }

    func getChildrenContextsByContext(
        _ request: GetChildrenContextsByContextRequest
    ) async throws
        -> GetChildrenContextsByContextResponse
    {
        try await lanes.read { try $0.getChildrenContextsByContext(request) }
    }

    func overview() async throws -> StoreOverview {
        StoreOverview(try await lanes.read { try $0.census() })
    }
}
