import MLMDProtos

// PutEvents, GetEventsByExecutionIDs, GetEventsByArtifactIDs.
extension MetadataStore {
    /// PutEvents: records input and output events between existing artifacts and executions, all
    /// in one transaction; see `putEvents(_:)`.
    public func putEvents(_ request: PutEventsRequest) throws -> PutEventsResponse {
        try putEvents(request.events)
        return PutEventsResponse()
    }

    /// GetEventsByExecutionIDs: the events of these executions.
    public func getEventsByExecutionIDs(_ request: GetEventsByExecutionIDsRequest) throws -> GetEventsByExecutionIDsResponse {
        let events = try getEvents(executionIDs: request.executionIDs)
        return .with { $0.events = events }
    }

    /// GetEventsByArtifactIDs: the events of these artifacts.
    public func getEventsByArtifactIDs(_ request: GetEventsByArtifactIDsRequest) throws -> GetEventsByArtifactIDsResponse {
        let events = try getEvents(artifactIDs: request.artifactIDs)
        return .with { $0.events = events }
    }

    /// Records events, each at its own `milliseconds_since_epoch` or now.
    ///
    /// - Throws: INVALID_ARGUMENT for a missing id or type or a node that does not exist;
    ///   ALREADY_EXISTS for a second event of one type between the same artifact and execution.
    ///   Nothing is stored when any event fails.
    public func putEvents(_ events: [Event]) throws {
        try transaction(writing: true) { access in
            let now = Clock.nowMilliseconds()
            for event in events { try access.events.insert(event, now: now) }
        }
    }

    /// The events of these executions, in the order they were recorded.
    public func getEvents(executionIDs: [Int64]) throws -> [Event] {
        try transaction(writing: false) { access in try access.events.find(column: "execution_id", ids: executionIDs) }
    }

    /// The events of these artifacts, in the order they were recorded.
    public func getEvents(artifactIDs: [Int64]) throws -> [Event] {
        try transaction(writing: false) { access in try access.events.find(column: "artifact_id", ids: artifactIDs) }
    }
}
