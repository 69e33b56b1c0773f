import MLMDProtos
import MLMetadata
import ProtoWire
import Testing

/// Artifacts, executions and contexts on every backend, with ml-metadata 1.17.1's results for the
/// same calls (checked side by side with the real package, run by `Scripts/mlmd-python.sh`).
@Suite struct NodeStoreTests {
    /// A store with the artifact type DataSet (id 10: day INT, split STRING), the execution type
    /// Trainer (11: epochs INT) and the context type Experiment (12: note STRING).
    static func store(_ backend: StoreBackend) throws -> MetadataStore {
        let store = try backend.makeStore()
        _ = try store.putArtifactType(
            .with {
                $0.name = "DataSet"; $0.properties = ["day": .int, "split": .string]
            })
        _ = try store.putExecutionType(
            .with {
                $0.name = "Trainer"; $0.properties = ["epochs": .int]
            })
        _ = try store.putContextType(
            .with {
                $0.name = "Experiment"; $0.properties = ["note": .string]
            })
        return store
    }

    static func value(_ set: (inout Value) -> Void) -> Value { .with(set) }

    static let everyKindOfCustomProperty: ProtoMap<String, Value> = [
        "acc": value { $0.doubleValue = 0.123456789 },
        "flag": value { $0.boolValue = true },
        "n": value { $0.intValue = -7 },
        "s": value { $0.stringValue = "é 漢" },
        "st": value { $0.structValue = .with { $0.fields["k"] = .with { $0.stringValue = "v" } } },
        "pr": value {
            $0.protoValue = .with {
                $0.typeURL = "type.googleapis.com/ml_metadata.Artifact"; $0.value = [0x08, 0x05]
            }
        },
    ]

    @Test(arguments: StoreBackend.allCases)
    func anArtifactReadsBackWithEveryKindOfValueExactly(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        var artifact = Artifact.with {
            $0.typeID = 10
            $0.properties = ["day": Self.value { $0.intValue = 1 }, "split": Self.value { $0.stringValue = "train" }]
            $0.customProperties = Self.everyKindOfCustomProperty
        }
        #expect(try store.putArtifacts([artifact]) == [1])
        let read = try #require(try store.getArtifactsByID([1]).first)
        #expect(read.createTimeSinceEpoch > 0)
        #expect(read.lastUpdateTimeSinceEpoch == read.createTimeSinceEpoch)
        artifact.id = 1
        artifact.type = "DataSet"
        artifact.uri = ""  // ml-metadata always stores the uri
        artifact.createTimeSinceEpoch = read.createTimeSinceEpoch
        artifact.lastUpdateTimeSinceEpoch = read.lastUpdateTimeSinceEpoch
        #expect(read == artifact)
    }

    @Test(arguments: StoreBackend.allCases)
    func invalidArtifactsAreRejectedWithMLMetadatasErrors(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        expectStoreError(.invalidArgument, message: "Type id is missing.") { try store.putArtifacts([Artifact()]) }
        expectStoreError(.notFound, message: "Cannot find type for type_id: 999") {
            try store.putArtifacts([.with { $0.typeID = 999 }])
        }
        expectStoreError(.notFound) { try store.putArtifacts([.with { $0.typeID = 11 }]) }  // an execution type
        expectStoreError(.invalidArgument, message: "Found unknown property: nope") {
            try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.properties["nope"] = Self.value { $0.intValue = 1 }
                }
            ])
        }
        expectStoreError(.invalidArgument, message: "Found unmatched property type: day") {
            try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.properties["day"] = Self.value { $0.stringValue = "x" }
                }
            ])
        }
        expectStoreError(.invalidArgument, message: "Found unmatched property type: day") {
            try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.properties["day"] = Value()
                }
            ])
        }
        expectStoreError(.invalidArgument, message: "Cannot find the given id 99") {
            try store.putArtifacts([
                .with {
                    $0.id = 99; $0.typeID = 10
                }
            ])
        }
        #expect(try store.getArtifacts() == [])
    }

    @Test(arguments: StoreBackend.allCases)
    func namesAndExternalIDsAreUniqueAndAFailedBatchStoresNothing(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        #expect(
            try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.name = "n1"; $0.externalID = "e1"
                }
            ]) == [1])
        expectStoreError(.alreadyExists) {
            try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.name = "n1"
                }
            ])
        }
        expectStoreError(.alreadyExists) {
            try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.externalID = "e1"
                }
            ])
        }
        expectStoreError(.alreadyExists) {
            try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.name = "fresh"
                },
                .with {
                    $0.typeID = 10; $0.name = "n1"
                },
            ])
        }
        #expect(try store.getArtifacts().map(\.id) == [1])
        #expect(try store.getArtifactByTypeAndName("DataSet", "fresh") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func anUnmaskedUpdateReplacesEverythingButTheName(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        _ = try store.putArtifacts([
            .with {
                $0.typeID = 10; $0.name = "n1"; $0.uri = "u"; $0.externalID = "e1"; $0.state = .live
                $0.properties["day"] = Self.value { $0.intValue = 3 }
            }
        ])
        let before = try #require(try store.getArtifactsByID([1]).first)
        #expect(
            try store.putArtifacts([
                .with {
                    $0.id = 1; $0.typeID = 10; $0.name = "renamed"
                }
            ]) == [1])
        let after = try #require(try store.getArtifactsByID([1]).first)
        #expect(after.name == "n1")
        #expect(after.uri == "" && !after.hasState && !after.hasExternalID && after.properties.isEmpty)
        #expect(after.createTimeSinceEpoch == before.createTimeSinceEpoch)
        #expect(after.lastUpdateTimeSinceEpoch >= before.lastUpdateTimeSinceEpoch)
        expectStoreError(.invalidArgument, message: "Given type_id 1 is different from the one known before: 10") {
            try store.putArtifacts([
                .with {
                    $0.id = 1; $0.typeID = 1
                }
            ])
        }
    }

    /// As ml-metadata's own test suite expects (test_update_*_get_*): an update may leave `type_id`
    /// out, and the node keeps its type; a new node still needs one.
    @Test(arguments: StoreBackend.allCases)
    func anUpdateWithoutATypeIDKeepsTheStoredType(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        #expect(
            try store.putArtifacts([
                .with {
                    $0.typeID = 10; $0.uri = "u"
                }
            ]) == [1])
        #expect(try store.putExecutions([.with { $0.typeID = 11 }]) == [1])
        #expect(
            try store.putContexts([
                .with {
                    $0.typeID = 12; $0.name = "c"
                }
            ]) == [1])
        #expect(
            try store.putArtifacts([
                .with {
                    $0.id = 1; $0.uri = "v"
                }
            ]) == [1])
        #expect(
            try store.putExecutions([
                .with {
                    $0.id = 1; $0.lastKnownState = .complete
                }
            ]) == [1])
        #expect(
            try store.putContexts([
                .with {
                    $0.id = 1; $0.name = "d"
                }
            ]) == [1])
        let artifact = try #require(try store.getArtifactsByID([1]).first)
        #expect(artifact.typeID == 10 && artifact.uri == "v" && artifact.type == "DataSet")
        #expect(try store.getExecutionsByID([1]).map(\.typeID) == [11])
        #expect(try store.getContextsByID([1]).map { "\($0.typeID) \($0.name)" } == ["12 d"])
        expectStoreError(.invalidArgument, message: "Type id is missing.") { try store.putArtifacts([.with { $0.uri = "w" }]) }
    }

    @Test(arguments: StoreBackend.allCases)
    func anUnchangedUpdateKeepsTheLastUpdateTime(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        _ = try store.putArtifacts([
            .with {
                $0.typeID = 10; $0.uri = "u"; $0.properties["day"] = Self.value { $0.intValue = 3 }
            }
        ])
        let stored = try #require(try store.getArtifactsByID([1]).first)
        var same = stored
        same.lastUpdateTimeSinceEpoch = 0
        _ = try store.putArtifacts([same])
        #expect(try store.getArtifactsByID([1]) == [stored])
    }

    @Test(arguments: StoreBackend.allCases)
    func aMaskedUpdateChangesOnlyTheNamedFields(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        _ = try store.putArtifacts([
            .with {
                $0.typeID = 10; $0.uri = "old"; $0.state = .live
                $0.properties = ["day": Self.value { $0.intValue = 1 }, "split": Self.value { $0.stringValue = "train" }]
            }
        ])
        let change = Artifact.with {
            $0.id = 1; $0.typeID = 10; $0.uri = "new"
            $0.properties = ["day": Self.value { $0.intValue = 2 }]
        }
        _ = try store.putArtifacts([change], fieldMaskPaths: ["uri", "properties.split", "no_such_field"])
        let read = try #require(try store.getArtifactsByID([1]).first)
        #expect(read.uri == "new")
        #expect(read.state == .live)
        #expect(read.properties == ["day": Self.value { $0.intValue = 1 }])
    }

    @Test(arguments: StoreBackend.allCases)
    func anUpdateCanRequireTheLastUpdateTimeItSaw(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        _ = try store.putArtifacts([.with { $0.typeID = 10 }])
        var stale = try #require(try store.getArtifactsByID([1]).first)
        stale.lastUpdateTimeSinceEpoch -= 1
        stale.uri = "changed"
        expectStoreError(.failedPrecondition) {
            try store.putArtifacts(
                .with {
                    $0.artifacts = [stale]; $0.options.abortIfLatestUpdatedTimeChanged = true
                })
        }
        #expect(try store.getArtifactsByID([1]).first?.uri == "")
    }

    @Test(arguments: StoreBackend.allCases)
    func contextsNeedANameAndMayBeRenamed(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        expectStoreError(.invalidArgument, message: "Context name should not be empty") {
            try store.putContexts([.with { $0.typeID = 12 }])
        }
        #expect(
            try store.putContexts([
                .with {
                    $0.typeID = 12; $0.name = "run-1"
                }
            ]) == [1])
        _ = try store.putContexts([
            .with {
                $0.id = 1; $0.typeID = 12; $0.name = "run-2"
            }
        ])
        #expect(try store.getContextByTypeAndName("Experiment", "run-2")?.id == 1)
        #expect(try store.getContextByTypeAndName("Experiment", "run-1") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func executionsKeepTheirLastKnownState(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        #expect(
            try store.putExecutions([
                .with {
                    $0.typeID = 11; $0.lastKnownState = .running; $0.name = "train"
                }
            ]) == [1])
        _ = try store.putExecutions(
            [
                .with {
                    $0.id = 1; $0.typeID = 11; $0.lastKnownState = .complete
                }
            ], fieldMaskPaths: ["last_known_state"])
        let read = try #require(try store.getExecutionsByID([1]).first)
        #expect(read.lastKnownState == .complete && read.name == "train" && read.type == "Trainer")
    }

    @Test(arguments: StoreBackend.allCases)
    func lookupsByTypeNameURIAndExternalID(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        _ = try store.putArtifacts([
            .with {
                $0.typeID = 10; $0.name = "a"; $0.uri = "/x"
            },
            .with {
                $0.typeID = 10; $0.name = "b"; $0.externalID = "ext-b"
            },
            .with {
                $0.typeID = 10; $0.uri = "/x"
            },
        ])
        #expect(try store.getArtifactsByType("DataSet").map(\.id) == [1, 2, 3])
        #expect(try store.getArtifactsByType("Nope") == [])
        #expect(try store.getArtifactByTypeAndName("DataSet", "b")?.id == 2)
        #expect(try store.getArtifactsByURI("/x").map(\.id) == [1, 3])
        #expect(try store.getArtifactsByExternalIds(.with { $0.externalIDs = ["ext-b", "none"] }).artifacts.map(\.id) == [2])
        expectStoreError(.notFound, message: "No artifacts found for external_ids.") {
            try store.getArtifactsByExternalIds(.with { $0.externalIDs = ["none"] })
        }
        #expect(try store.getArtifactsByID([3, 1, 99]).map(\.id) == [1, 3])
        let withTypes = try store.getArtifactsByID(
            .with {
                $0.artifactIDs = [1, 2]; $0.populateArtifactTypes = true
            })
        #expect(withTypes.artifactTypes.map(\.name) == ["DataSet"])
    }

    @Test(arguments: StoreBackend.allCases)
    func theReservedURIFieldOfGetArtifactsByURIIsRefused(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let request = try GetArtifactsByURIRequest(serializedBytes: [0x0a, 0x01, 0x78])  // field 1: "x"
        expectStoreError(.invalidArgument) { try store.getArtifactsByURI(request) }
    }

    @Test(arguments: StoreBackend.allCases)
    func restoredTimesReadBackAndAnUnknownIDChangesNothing(_ backend: StoreBackend) throws {
        let store = try Self.store(backend)
        let ids = try store.putArtifacts([
            .with {
                $0.typeID = 10; $0.uri = "a"
            },
            .with {
                $0.typeID = 10; $0.uri = "b"
            },
        ])
        try store.restoreTimes([
            Artifact.with {
                $0.id = ids[0]; $0.createTimeSinceEpoch = 1234; $0.lastUpdateTimeSinceEpoch = 5678
            }
        ])
        let restored = try store.getArtifactsByID([ids[0]])[0]
        #expect(restored.createTimeSinceEpoch == 1234 && restored.lastUpdateTimeSinceEpoch == 5678)
        let before = try store.getArtifactsByID([ids[1]])[0]
        expectStoreError(.notFound, message: "No artifacts found with id 99") {
            try store.restoreTimes([
                Artifact.with {
                    $0.id = ids[1]; $0.createTimeSinceEpoch = 1
                },
                Artifact.with {
                    $0.id = 99; $0.createTimeSinceEpoch = 1
                },
            ])
        }
        // The whole call is undone: the first artifact keeps its time too.
        #expect(try store.getArtifactsByID([ids[1]])[0] == before)
    }
}
