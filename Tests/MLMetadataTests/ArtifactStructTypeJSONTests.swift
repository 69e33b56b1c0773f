import MLMDProtos
import Testing

@testable import MLMetadata

/// `Type.input_type` / `output_type`: the JSON ml-metadata writes, read and written back.
@Suite struct ArtifactStructTypeJSONTests {
    // Written by ml-metadata 1.17.1 for an execution type (C++ map order, int64 as a string).
    static let written =
        #"{"dict":{"properties":{"model":{"unionType":{"candidates":[{"none":{}},{"simple":{"name":"Model"}}]}},"examples":{"simple":{"id":"3","name":"Examples","properties":{"span":"INT"},"baseType":"DATASET"}}},"noneTypeNotRequired":true}}"#

    @Test func readsWhatMLMetadataWrote() throws {
        let type = try ArtifactStructTypeJSON.decode(Self.written)
        #expect(type.dict.noneTypeNotRequired)
        #expect(
            type.dict.properties["examples"]?.simple
                == .with {
                    $0.id = 3; $0.name = "Examples"; $0.properties = ["span": .int]; $0.baseType = .dataset
                })
        #expect(type.dict.properties["model"]?.unionType.candidates.count == 2)
        // Written back with keys in our (sorted) map order; the same message either way.
        #expect(try ArtifactStructTypeJSON.decode(ArtifactStructTypeJSON.encode(type)) == type)
        #expect(
            ArtifactStructTypeJSON.encode(type)
                == #"{"dict":{"properties":{"examples":{"simple":{"id":"3","name":"Examples","properties":{"span":"INT"},"baseType":"DATASET"}},"model":{"unionType":{"candidates":[{"none":{}},{"simple":{"name":"Model"}}]}}},"noneTypeNotRequired":true}}"#
        )
    }

    @Test func malformedJSONIsDataLoss() {
        for text in ["", "{", #"{"simple":{"name":5}}"#, #"{"nope":{}}"#, #"{"list":{"element":[]}}"#] {
            expectStoreError(.dataLoss) { try ArtifactStructTypeJSON.decode(text) }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anExecutionTypesSignatureReadsBack(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let type = ExecutionType.with {
            $0.name = "Trainer"
            $0.inputType = try! ArtifactStructTypeJSON.decode(Self.written)
            $0.outputType.tuple.elements = [.with { $0.simple = .with { $0.name = "X" } }, .with { $0.any = AnyArtifactStructType() }]
        }
        let id = try store.putExecutionType(type)
        var expected = type
        expected.id = id
        #expect(try store.getExecutionType(named: "Trainer") == expected)
    }
}
