import MLMDProtos
import MLMetadata
import Testing

/// `MetadataStore.atomically`: several calls as one transaction.
@Suite struct AtomicCallsTests {
    struct Stop: Error {}

    @Test(arguments: StoreBackend.allCases)
    func allTheCallsAreStoredOrNone(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(throws: Stop.self) {
            try store.atomically {
                let typeID = try store.putArtifactType(.with { $0.name = "DataSet" })
                _ = try store.putArtifacts([
                    .with {
                        $0.typeID = typeID; $0.uri = "a"
                    }
                ])
                throw Stop()
            }
        }
        #expect(try store.getArtifactTypes().isEmpty && store.getArtifacts().isEmpty)
        let ids = try store.atomically {
            let typeID = try store.putArtifactType(.with { $0.name = "DataSet" })
            return try store.putArtifacts([
                .with {
                    $0.typeID = typeID; $0.uri = "a"
                },
                .with {
                    $0.typeID = typeID; $0.uri = "b"
                },
            ])
        }
        #expect(ids == (backend.reusesRolledBackIDs ? [1, 2] : [2, 3]))
        #expect(try store.getArtifacts().map(\.uri) == ["a", "b"])
    }

    @Test(arguments: StoreBackend.allCases)
    func aFailedCallInsideLeavesNothingEvenWhenItsErrorIsCaught(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let typeID = try store.putArtifactType(.with { $0.name = "DataSet" })
        let clashed = try store.atomically {
            _ = try store.putArtifacts([
                .with {
                    $0.typeID = typeID; $0.name = "kept"
                }
            ])
            // The second artifact clashes with the first: the whole call is undone, not half of it.
            do {
                _ = try store.putArtifacts([
                    .with {
                        $0.typeID = typeID; $0.name = "new"
                    },
                    .with {
                        $0.typeID = typeID; $0.name = "kept"
                    },
                ])
                return false
            } catch let error as MetadataStoreError {
                return error.code == .alreadyExists
            }
        }
        #expect(clashed)
        #expect(try store.getArtifacts().map(\.name) == ["kept"])
    }
}
