import MLMDProtos
import MLMetadata
import Testing

/// Types on every backend, with the ids, errors and messages ml-metadata 1.17.1 gives for the same
/// calls (checked side by side with the real package, run by `Scripts/mlmd-python.sh`).
@Suite struct TypeStoreTests {
    static func dataSet(_ properties: [(String, PropertyType)] = [("day", .int), ("split", .string)]) -> ArtifactType {
        .with { type in
            type.name = "DataSet"
            for (name, kind) in properties { type.properties[name] = kind }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func firstUserTypeGetsIDTenAfterTheBuiltInTypes(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(try store.putArtifactType(Self.dataSet()) == 10)
        #expect(try store.putExecutionType(.with { $0.name = "Trainer" }) == 11)
        #expect(try store.putContextType(.with { $0.name = "Experiment" }) == 12)
        #expect(try store.getArtifactTypes().map(\.name) == ["DataSet"])
        #expect(try store.getExecutionTypes().map(\.name) == ["Trainer"])
        #expect(try store.getArtifactTypes(ids: [1, 2, 5]).map(\.name) == ["mlmd.Dataset", "mlmd.Model"])
        #expect(try store.getExecutionTypes(ids: [5, 9]).map(\.name) == ["mlmd.Train", "mlmd.Deploy"])
    }

    @Test(arguments: StoreBackend.allCases)
    func puttingTheSameTypeAgainKeepsItsID(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(try store.putArtifactType(Self.dataSet()) == 10)
        #expect(try store.putArtifactType(Self.dataSet()) == 10)
        let stored = try store.getArtifactType(named: "DataSet")
        #expect(
            stored
                == .with {
                    $0.id = 10
                    $0.name = "DataSet"
                    $0.properties = ["day": .int, "split": .string]
                })
    }

    @Test(arguments: StoreBackend.allCases)
    func newPropertiesNeedCanAddFields(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.putArtifactType(Self.dataSet())
        let wider = Self.dataSet([("day", .int), ("split", .string), ("new", .double)])
        expectStoreError(.alreadyExists) { try store.putArtifactType(wider) }
        #expect(try store.getArtifactType(named: "DataSet").properties.count == 2)
        #expect(try store.putArtifactType(wider, canAddFields: true) == 10)
        #expect(try store.getArtifactType(named: "DataSet").properties == ["day": .int, "new": .double, "split": .string])
    }

    @Test(arguments: StoreBackend.allCases)
    func missingPropertiesNeedCanOmitFieldsAndAreKept(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.putArtifactType(Self.dataSet())
        let narrower = Self.dataSet([("day", .int)])
        expectStoreError(.alreadyExists) { try store.putArtifactType(narrower) }
        #expect(try store.putArtifactType(narrower, canOmitFields: true) == 10)
        #expect(try store.getArtifactType(named: "DataSet").properties == ["day": .int, "split": .string])
    }

    @Test(arguments: StoreBackend.allCases)
    func aPropertyNeverChangesItsType(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.putArtifactType(Self.dataSet())
        expectStoreError(.alreadyExists) {
            try store.putArtifactType(Self.dataSet([("day", .string)]), canAddFields: true, canOmitFields: true)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func invalidTypesAreRejectedAndNothingIsStored(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        expectStoreError(.invalidArgument, message: "No type name is specified.") { try store.putArtifactType(ArtifactType()) }
        expectStoreError(.invalidArgument, message: "Property p is UNKNOWN.") {
            try store.putArtifactType(
                .with {
                    $0.name = "X"; $0.properties["p"] = .unknown
                })
        }
        expectStoreError(.unimplemented, message: "base_type deletion is not supported yet") {
            try store.putArtifactType(
                .with {
                    $0.name = "B"; $0.baseType = .unset
                })
        }
        #expect(try store.getArtifactTypes() == [])
        // Ids are AUTOINCREMENT: the failed inserts used none.
        #expect(try store.putArtifactType(Self.dataSet()) == 10)
    }

    @Test(arguments: StoreBackend.allCases)
    func baseTypesLinkToTheBuiltInTypesAndNeverChange(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let model = ArtifactType.with {
            $0.name = "M"
            $0.version = "v1"
            $0.description = "d"
            $0.externalID = "ext1"
            $0.baseType = .model
        }
        var stored = model
        stored.id = 10
        #expect(try store.putArtifactType(model) == 10)
        #expect(try store.getArtifactType(named: "M", version: "v1") == stored)
        expectStoreError(.notFound, message: "No type found for query, name: `M`, version: `nullopt`") {
            try store.getArtifactType(named: "M")
        }
        expectStoreError(.unimplemented, message: "base_type update is not supported yet") {
            try store.putArtifactType(
                .with {
                    $0.name = "M"; $0.version = "v1"; $0.baseType = .dataset
                })
        }
        // Leaving out the external id and base type changes neither.
        #expect(
            try store.putArtifactType(
                .with {
                    $0.name = "M"; $0.version = "v1"
                }) == 10)
        #expect(try store.getArtifactType(named: "M", version: "v1") == stored)
        #expect(
            try store.putExecutionType(
                .with {
                    $0.name = "Trainer"; $0.baseType = .train
                }) == 11)
        #expect(try store.getExecutionType(named: "Trainer").baseType == .train)
    }

    @Test(arguments: StoreBackend.allCases)
    func theSameNameMayBeUsedByEachKindAndEachVersion(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        #expect(try store.putArtifactType(.with { $0.name = "N" }) == 10)
        #expect(try store.putExecutionType(.with { $0.name = "N" }) == 11)
        #expect(try store.putContextType(.with { $0.name = "N" }) == 12)
        #expect(
            try store.putArtifactType(
                .with {
                    $0.name = "N"; $0.version = "2"
                }) == 13)
        // An empty version is no version.
        #expect(
            try store.putArtifactType(
                .with {
                    $0.name = "N"; $0.version = ""
                }) == 10)
        #expect(try store.getArtifactTypes(ids: [12, 11, 13, 10, 999]).map(\.id) == [13, 10])
    }

    @Test(arguments: StoreBackend.allCases)
    func externalIDsAreUniqueAndLookedUp(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.putArtifactType(
            .with {
                $0.name = "A"; $0.externalID = "ext"
            })
        expectStoreError(.alreadyExists) {
            try store.putArtifactType(
                .with {
                    $0.name = "B"; $0.externalID = "ext"
                })
        }
        let found = try store.getArtifactTypesByExternalIds(.with { $0.externalIDs = ["ext", "other"] })
        #expect(found.artifactTypes.map(\.name) == ["A"])
        expectStoreError(.notFound, message: "No types found for external_ids.") {
            try store.getArtifactTypesByExternalIds(.with { $0.externalIDs = ["other"] })
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func putTypesStoresAllKindsInOneCall(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let response = try store.putTypes(
            .with {
                $0.artifactTypes = [.with { $0.name = "A" }, .with { $0.name = "B" }]
                $0.executionTypes = [.with { $0.name = "E" }]
                $0.contextTypes = [.with { $0.name = "C" }]
            })
        #expect(response.artifactTypeIDs == [10, 11])
        #expect(response.executionTypeIDs == [12])
        #expect(response.contextTypeIDs == [13])
    }

    @Test(arguments: StoreBackend.allCases)
    func aFailedPutTypesStoresNothing(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        expectStoreError(.invalidArgument) {
            try store.putTypes(
                .with {
                    $0.artifactTypes = [.with { $0.name = "A" }]
                    $0.contextTypes = [ContextType()]
                })
        }
        #expect(try store.getArtifactTypes() == [])
    }

    @Test(arguments: StoreBackend.allCases)
    func allFieldsMatchFalseIsUnimplemented(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        expectStoreError(.unimplemented) {
            try store.putArtifactType(
                PutArtifactTypeRequest.with {
                    $0.artifactType = Self.dataSet(); $0.allFieldsMatch = false
                })
        }
    }
}
