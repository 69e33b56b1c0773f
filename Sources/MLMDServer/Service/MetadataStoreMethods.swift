import MLMDProtos
import MLMetadata
import ProtoWire

/// `ml_metadata.MetadataStoreService`: each of its 52 methods calls the `MetadataStore` method of
/// the same name, writes on the write lane and reads on the read lane.
struct MetadataStoreMethods {
    let lanes: StoreLanes

    func register(into sink: inout some ServiceMethodSink) {
        var methods = Registrar(sink: sink, lanes: lanes)
        methods.write(PutArtifactTypeRequest.self) { try $0.putArtifactType($1) }
        methods.write(PutExecutionTypeRequest.self) { try $0.putExecutionType($1) }
        methods.write(PutContextTypeRequest.self) { try $0.putContextType($1) }
        methods.write(PutTypesRequest.self) { try $0.putTypes($1) }
        methods.write(PutArtifactsRequest.self) { try $0.putArtifacts($1) }
        methods.write(PutExecutionsRequest.self) { try $0.putExecutions($1) }
        methods.write(PutEventsRequest.self) { try $0.putEvents($1) }
        methods.write(PutExecutionRequest.self) { try $0.putExecution($1) }
        methods.write(PutLineageSubgraphRequest.self) { try $0.putLineageSubgraph($1) }
        methods.write(PutContextsRequest.self) { try $0.putContexts($1) }
        methods.write(PutAttributionsAndAssociationsRequest.self) { try $0.putAttributionsAndAssociations($1) }
        methods.write(PutParentContextsRequest.self) { try $0.putParentContexts($1) }
        methods.read(GetArtifactTypeRequest.self) { try $0.getArtifactType($1) }
        methods.read(GetArtifactTypesByIDRequest.self) { try $0.getArtifactTypesByID($1) }
        methods.read(GetArtifactTypesRequest.self) { try $0.getArtifactTypes($1) }
        methods.read(GetExecutionTypeRequest.self) { try $0.getExecutionType($1) }
        methods.read(GetExecutionTypesByIDRequest.self) { try $0.getExecutionTypesByID($1) }
        methods.read(GetExecutionTypesRequest.self) { try $0.getExecutionTypes($1) }
        methods.read(GetContextTypeRequest.self) { try $0.getContextType($1) }
        methods.read(GetContextTypesByIDRequest.self) { try $0.getContextTypesByID($1) }
        methods.read(GetContextTypesRequest.self) { try $0.getContextTypes($1) }
        methods.read(GetArtifactsRequest.self) { try $0.getArtifacts($1) }
        methods.read(GetExecutionsRequest.self) { try $0.getExecutions($1) }
        methods.read(GetContextsRequest.self) { try $0.getContexts($1) }
        methods.read(GetArtifactsByIDRequest.self) { try $0.getArtifactsByID($1) }
        methods.read(GetExecutionsByIDRequest.self) { try $0.getExecutionsByID($1) }
        methods.read(GetContextsByIDRequest.self) { try $0.getContextsByID($1) }
        methods.read(GetArtifactsByTypeRequest.self) { try $0.getArtifactsByType($1) }
        methods.read(GetExecutionsByTypeRequest.self) { try $0.getExecutionsByType($1) }
        methods.read(GetContextsByTypeRequest.self) { try $0.getContextsByType($1) }
        methods.read(GetArtifactByTypeAndNameRequest.self) { try $0.getArtifactByTypeAndName($1) }
        methods.read(GetExecutionByTypeAndNameRequest.self) { try $0.getExecutionByTypeAndName($1) }
        methods.read(GetContextByTypeAndNameRequest.self) { try $0.getContextByTypeAndName($1) }
        methods.read(GetArtifactsByURIRequest.self) { try $0.getArtifactsByURI($1) }
        methods.read(GetEventsByExecutionIDsRequest.self) { try $0.getEventsByExecutionIDs($1) }
        methods.read(GetEventsByArtifactIDsRequest.self) { try $0.getEventsByArtifactIDs($1) }
        methods.read(GetArtifactsByExternalIdsRequest.self) { try $0.getArtifactsByExternalIds($1) }
        methods.read(GetExecutionsByExternalIdsRequest.self) { try $0.getExecutionsByExternalIds($1) }
        methods.read(GetContextsByExternalIdsRequest.self) { try $0.getContextsByExternalIds($1) }
        methods.read(GetArtifactTypesByExternalIdsRequest.self) { try $0.getArtifactTypesByExternalIds($1) }
        methods.read(GetExecutionTypesByExternalIdsRequest.self) { try $0.getExecutionTypesByExternalIds($1) }
        methods.read(GetContextTypesByExternalIdsRequest.self) { try $0.getContextTypesByExternalIds($1) }
        methods.read(GetContextsByArtifactRequest.self) { try $0.getContextsByArtifact($1) }
        methods.read(GetContextsByExecutionRequest.self) { try $0.getContextsByExecution($1) }
        methods.read(GetParentContextsByContextRequest.self) { try $0.getParentContextsByContext($1) }
        methods.read(GetChildrenContextsByContextRequest.self) { try $0.getChildrenContextsByContext($1) }
        methods.read(GetParentContextsByContextsRequest.self) { try $0.getParentContextsByContexts($1) }
        methods.read(GetChildrenContextsByContextsRequest.self) { try $0.getChildrenContextsByContexts($1) }
        methods.read(GetArtifactsByContextRequest.self) { try $0.getArtifactsByContext($1) }
        methods.read(GetExecutionsByContextRequest.self) { try $0.getExecutionsByContext($1) }
        methods.read(GetLineageGraphRequest.self) { try $0.getLineageGraph($1) }
        methods.read(GetLineageSubgraphRequest.self) { try $0.getLineageSubgraph($1) }
        sink = methods.sink
    }
}

/// Registers store methods by request type; the method name comes from the generated method
/// table, so a request type that is not one of the service's cannot be registered.
private struct Registrar<Sink: ServiceMethodSink> {
    var sink: Sink
    let lanes: StoreLanes

    mutating func write<Request: ProtoMessage, Response: ProtoMessage>(
        _ request: Request.Type, _ call: @escaping @Sendable (MetadataStore, Request) throws -> Response
    ) {
        let lanes = self.lanes
        register(request, changesStore: true) { message in try await lanes.write { try call($0, message) } }
    }

    mutating func read<Request: ProtoMessage, Response: ProtoMessage>(
        _ request: Request.Type, _ call: @escaping @Sendable (MetadataStore, Request) throws -> Response
    ) {
        let lanes = self.lanes
        register(request, changesStore: false) { message in try await lanes.read { try call($0, message) } }
    }

    private mutating func register<Request: ProtoMessage, Response: ProtoMessage>(
        _ request: Request.Type, changesStore: Bool, _ body: @escaping @Sendable (Request) async throws -> Response
    ) {
        guard
            let method = MetadataStoreService.methods.first(where: {
                ObjectIdentifier($0.requestType) == ObjectIdentifier(Request.self)
                    && ObjectIdentifier($0.responseType) == ObjectIdentifier(Response.self)
            })
        else {
            preconditionFailure("\(Request.protoMessageName) is not a request of \(MetadataStoreService.name)")
        }
        sink.add(service: MetadataStoreService.name, name: method.name, changesStore: changesStore, body)
    }
}
