import MLMDProtos
import MLMetadata
import Testing

/// PutExecution and PutLineageSubgraph on every backend, with ml-metadata 1.17.1's ids, links and
/// errors for the same calls.
@Suite struct PutExecutionStoreTests {
    /// Types A (10), E (11), C (12).
    static func store(_ backend: StoreBackend) throws -> MetadataStore {
        let store = try backend.makeStore()
        _ = try store.putArtifactType(.with { $0.name = "A" })
        _ = try store.putExecutionType(.with { $0.name = "E" })
        _ = try store.putContextType(.with { $0.name = "C" })
        return store
    }

    static func pair(_ artifact: Artifact?, _ type: Event.TypeEnum, artifactID: Int64? = nil) -> PutExecutionRequest.ArtifactAndEvent {
        .with { pair in
            if let artifact { pair.artifact = artifact }
            pair.event = .with {
                $0.type = type; if let artifactID { $0.artifactID = artifactID }
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anExecutionIsRecordedWithItsArtifactsEventsAndContexts(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let response = try store.putExecution(
            .with {
                $0.execution = .with { $0.typeID = 11 }
                $0.artifactEventPairs = [
                    Self.pair(
                        .with {
                            $0.typeID = 10; $0.uri = "in"
                        }, .input),
                    Self.pair(
                        .with {
                            $0.typeID = 10; $0.uri = "out"
                        }, .output),
                ]
                $0.contexts = [
                    .with {
                        $0.typeID = 12; $0.name = "exp"
                    }
                ]
            })
        #expect(response.executionID == 1 && response.artifactIDs == [1, 2] && response.contextIDs == [1])
        let events = try store.getEvents(executionIDs: [1])
        #expect(events.map(\.artifactID) == [1, 2] && events.map(\.type) == [.input, .output])
        #expect(try store.getArtifactsByContext(.with { $0.contextID = 1 }).artifacts.map(\.uri) == ["in", "out"])
        #expect(try store.getExecutionsByContext(.with { $0.contextID = 1 }).executions.map(\.id) == [1])
    }

    @Test(arguments: StoreBackend.allCases)
    func contextsAreReusedOnlyWhenAsked(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let context = Context.with {
            $0.typeID = 12; $0.name = "exp"
        }
        _ = try store.putExecution(
            .with {
                $0.execution = .with { $0.typeID = 11 }; $0.contexts = [context]
            })
        expectStoreError(.alreadyExists) {
            try store.putExecution(
                .with {
                    $0.execution = .with { $0.typeID = 11 }; $0.contexts = [context]
                })
        }
        // The failed call stored no execution.
        #expect(try store.getExecutions().map(\.id) == [1])
        let reused = try store.putExecution(
            .with {
                $0.execution = .with { $0.typeID = 11 }
                $0.contexts = [context]
                $0.options.reuseContextIfAlreadyExist = true
            })
        let next: Int64 = backend.reusesRolledBackIDs ? 2 : 3
        #expect(reused.executionID == next && reused.contextIDs == [1])
        // Executions by context: newest first.
        #expect(try store.getExecutionsByContext(.with { $0.contextID = 1 }).executions.map(\.id) == [next, 1])
    }

    @Test(arguments: StoreBackend.allCases)
    func aPairWithoutAnArtifactUsesItsEventsArtifactID(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        _ = try store.putArtifacts([.with { $0.typeID = 10 }])
        let response = try store.putExecution(
            .with {
                $0.execution = .with { $0.typeID = 11 }
                $0.artifactEventPairs = [Self.pair(nil, .output, artifactID: 1)]
            })
        #expect(response.artifactIDs == [1])
        #expect(try store.getEvents(artifactIDs: [1]).map(\.executionID) == [1])
    }

    @Test(arguments: StoreBackend.allCases)
    func eventsThatDisagreeWithTheirPairAreRejected(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        _ = try store.putArtifacts([.with { $0.typeID = 10 }])
        expectStoreError(.invalidArgument) {
            try store.putExecution(
                .with {
                    $0.execution = .with { $0.typeID = 11 }
                    $0.artifactEventPairs = [Self.pair(.with { $0.typeID = 10 }, .output, artifactID: 1)]
                })
        }
        expectStoreError(.invalidArgument) {
            try store.putExecution(
                .with {
                    $0.execution = .with { $0.typeID = 11 }
                    $0.artifactEventPairs = [
                        .with {
                            $0.artifact = .with { $0.typeID = 10 };
                            $0.event = .with {
                                $0.type = .output; $0.executionID = 99
                            }
                        }
                    ]
                })
        }
        #expect(try store.getArtifacts().map(\.id) == [1])
        #expect(try store.getExecutions() == [])
    }

    @Test(arguments: StoreBackend.allCases)
    func aLineageSubgraphLinksEverythingToEveryContext(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let response = try store.putLineageSubgraph(
            .with {
                $0.executions = [.with { $0.typeID = 11 }]
                $0.artifacts = [.with { $0.typeID = 10 }, .with { $0.typeID = 10 }]
                $0.contexts = [
                    .with {
                        $0.typeID = 12; $0.name = "x"
                    }
                ]
                $0.eventEdges = [
                    .with {
                        $0.executionIndex = 0; $0.artifactIndex = 1; $0.event = .with { $0.type = .input }
                    }
                ]
            })
        #expect(response.executionIDs == [1] && response.artifactIDs == [1, 2] && response.contextIDs == [1])
        #expect(try store.getArtifactsByContext(.with { $0.contextID = 1 }).artifacts.map(\.id) == [1, 2])
        #expect(try store.getEvents(executionIDs: [1]).map(\.artifactID) == [2])
    }

    @Test(arguments: StoreBackend.allCases)
    func badEventEdgesAreRejectedAndNothingIsStored(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        expectStoreError(
            .outOfRange,
            message: "The event_edge has an artifact_index 5 that is outside the bounds of the request's artifacts list, [0, 1)."
        ) {
            try store.putLineageSubgraph(
                .with {
                    $0.executions = [.with { $0.typeID = 11 }]
                    $0.artifacts = [.with { $0.typeID = 10 }]
                    $0.eventEdges = [
                        .with {
                            $0.executionIndex = 0; $0.artifactIndex = 5; $0.event = .with { $0.type = .input }
                        }
                    ]
                })
        }
        expectStoreError(.invalidArgument) {
            try store.putLineageSubgraph(
                .with {
                    $0.executions = [.with { $0.typeID = 11 }]
                    $0.artifacts = [.with { $0.typeID = 10 }]
                    $0.eventEdges = [
                        .with {
                            $0.artifactIndex = 0; $0.event = .with { $0.type = .input }
                        }
                    ]
                })
        }
        #expect(try store.getArtifacts() == [] && store.getExecutions() == [])
    }
}
