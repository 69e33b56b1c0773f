import MLMDProtos
import MLMetadata
import Testing

/// Events, attributions, associations and parent contexts on every backend, with ml-metadata
/// 1.17.1's results and messages for the same calls.
@Suite struct EventAndRelationStoreTests {
    /// Types A (10), E (11), C (12); artifacts 1 and 2, execution 1, contexts 1 ("c1"), 2, 3.
    static func store(_ backend: StoreBackend) throws -> MetadataStore {
        let store = try backend.makeStore()
        _ = try store.putArtifactType(.with { $0.name = "A" })
        _ = try store.putExecutionType(.with { $0.name = "E" })
        _ = try store.putContextType(.with { $0.name = "C" })
        _ = try store.putArtifacts([.with { $0.typeID = 10 }, .with { $0.typeID = 10 }])
        _ = try store.putExecutions([.with { $0.typeID = 11 }])
        _ = try store.putContexts(
            ["c1", "c2", "c3"].map { name in
                .with {
                    $0.typeID = 12; $0.name = name
                }
            })
        return store
    }

    static let output = Event.with {
        $0.artifactID = 1
        $0.executionID = 1
        $0.type = .output
        $0.millisecondsSinceEpoch = 1_700_000_000_000
        $0.path.steps = [.with { $0.index = 0 }, .with { $0.key = "k" }]
    }

    @Test(arguments: StoreBackend.allCases)
    func eventsReadBackWithTheirPaths(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        try store.putEvents([Self.output])
        #expect(try store.getEvents(executionIDs: [1, 5]) == [Self.output])
        #expect(try store.getEvents(artifactIDs: [1, 2]) == [Self.output])
        #expect(try store.getEvents(artifactIDs: [2]) == [])
    }

    @Test(arguments: StoreBackend.allCases)
    func anEventWithoutATimeIsRecordedNow(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        try store.putEvents([
            .with {
                $0.artifactID = 2; $0.executionID = 1; $0.type = .input
            }
        ])
        #expect(try store.getEvents(artifactIDs: [2]).first?.millisecondsSinceEpoch ?? 0 > 1_700_000_000_000)
    }

    @Test(arguments: StoreBackend.allCases)
    func invalidEventsAreRejected(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        try store.putEvents([Self.output])
        expectStoreError(.alreadyExists) { try store.putEvents([Self.output]) }
        expectStoreError(.invalidArgument, message: "No event type is specified.") {
            try store.putEvents([
                .with {
                    $0.artifactID = 1; $0.executionID = 1
                }
            ])
        }
        expectStoreError(.invalidArgument, message: "No artifact id is specified.") {
            try store.putEvents([
                .with {
                    $0.executionID = 1; $0.type = .input
                }
            ])
        }
        expectStoreError(.invalidArgument, message: "No execution id is specified.") {
            try store.putEvents([
                .with {
                    $0.artifactID = 1; $0.type = .input
                }
            ])
        }
        expectStoreError(.invalidArgument, message: "No artifact with the given id 9") {
            try store.putEvents([
                .with {
                    $0.artifactID = 9; $0.executionID = 1; $0.type = .input
                }
            ])
        }
        expectStoreError(.invalidArgument, message: "No execution with the given id 9") {
            try store.putEvents([
                .with {
                    $0.artifactID = 1; $0.executionID = 9; $0.type = .input
                }
            ])
        }
        // A failing batch stores none of its events.
        expectStoreError(.invalidArgument) {
            try store.putEvents([
                .with {
                    $0.artifactID = 2; $0.executionID = 1; $0.type = .input
                }, .with { $0.artifactID = 9 },
            ])
        }
        #expect(try store.getEvents(artifactIDs: [2]) == [])
    }

    @Test(arguments: StoreBackend.allCases)
    func attributionsAndAssociationsLinkNodesToContexts(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let links = PutAttributionsAndAssociationsRequest.with {
            $0.attributions = [
                .with {
                    $0.contextID = 1; $0.artifactID = 1
                }
            ]
            $0.associations = [
                .with {
                    $0.contextID = 1; $0.executionID = 1
                }
            ]
        }
        _ = try store.putAttributionsAndAssociations(links)
        _ = try store.putAttributionsAndAssociations(links)  // again: a no-op
        #expect(try store.getContextsByArtifact(.with { $0.artifactID = 1 }).contexts.map(\.id) == [1])
        #expect(try store.getContextsByExecution(.with { $0.executionID = 1 }).contexts.map(\.id) == [1])
        #expect(try store.getArtifactsByContext(.with { $0.contextID = 1 }).artifacts.map(\.id) == [1])
        #expect(try store.getExecutionsByContext(.with { $0.contextID = 1 }).executions.map(\.id) == [1])
        #expect(try store.getArtifactsByContext(.with { $0.contextID = 3 }).artifacts == [])
        // The links themselves, once each, for every node asked about (more than one chunk of ids).
        #expect(try store.getAttributions(artifactIDs: [1, 2] + (1000..<1300)) == links.attributions)
        #expect(try store.getAssociations(executionIDs: [1, 1, 7]) == links.associations)
        expectStoreError(.notFound, message: "No contexts found for artifact_id: 2") {
            try store.getContextsByArtifact(.with { $0.artifactID = 2 })
        }
        expectStoreError(.invalidArgument, message: "Context id not found.") {
            try store.putAttributionsAndAssociations(
                .with {
                    $0.attributions = [
                        .with {
                            $0.contextID = 9; $0.artifactID = 1
                        }
                    ]
                })
        }
        expectStoreError(.invalidArgument, message: "Artifact id not found.") {
            try store.putAttributionsAndAssociations(
                .with {
                    $0.attributions = [
                        .with {
                            $0.contextID = 1; $0.artifactID = 9
                        }
                    ]
                })
        }
        expectStoreError(.invalidArgument, message: "Execution id not found.") {
            try store.putAttributionsAndAssociations(
                .with {
                    $0.associations = [
                        .with {
                            $0.contextID = 1; $0.executionID = 9
                        }
                    ]
                })
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func parentContextsRefuseCyclesAndDuplicates(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let link = ParentContext.with {
            $0.childID = 2; $0.parentID = 1
        }
        _ = try store.putParentContexts(.with { $0.parentContexts = [link] })
        expectStoreError(.alreadyExists) { try store.putParentContexts(.with { $0.parentContexts = [link] }) }
        expectStoreError(
            .invalidArgument, message: "Given parent / child id in the parent_context cannot be found: child_id: 1 parent_id: 1"
        ) {
            try store.putParentContexts(
                .with {
                    $0.parentContexts = [
                        .with {
                            $0.childID = 1; $0.parentID = 1
                        }
                    ]
                })
        }
        expectStoreError(.invalidArgument, message: "There is a cycle detected of the given relationship.") {
            try store.putParentContexts(
                .with {
                    $0.parentContexts = [
                        .with {
                            $0.childID = 1; $0.parentID = 2
                        }
                    ]
                })
        }
        expectStoreError(
            .invalidArgument, message: "Given parent / child id in the parent_context cannot be found: child_id: 9 parent_id: 1"
        ) {
            try store.putParentContexts(
                .with {
                    $0.parentContexts = [
                        .with {
                            $0.childID = 9; $0.parentID = 1
                        }
                    ]
                })
        }
        expectStoreError(.invalidArgument, message: "Missing parent / child id in the parent_context: child_id: 1") {
            try store.putParentContexts(.with { $0.parentContexts = [.with { $0.childID = 1 }] })
        }
        #expect(try store.getParentContextsByContext(.with { $0.contextID = 2 }).contexts.map(\.id) == [1])
        #expect(try store.getChildrenContextsByContext(.with { $0.contextID = 1 }).contexts.map(\.id) == [2])
        #expect(try store.getParentContextsByContext(.with { $0.contextID = 9 }).contexts == [])
        let parents = try store.getParentContextsByContexts(.with { $0.contextIDs = [1, 2] })
        #expect(parents.contexts.keys == [2])
        #expect(parents.contexts[2]?.parentContexts.map(\.id) == [1])
    }
}
