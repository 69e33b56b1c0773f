import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// The walkthrough of the MLMetadata documentation's getting-started article, kept compiling and true.
@Test func gettingStartedWalkthroughTracesTheSchemaBackToItsDataSet() throws {
    let path = TemporaryFile.make(suffix: ".sqlite")
    let store = try MetadataStore(config: .with { $0.sqlite = .with { $0.filenameURI = path } })

    let dataSetType = try store.putArtifactType(
        .with {
            $0.name = "DataSet"; $0.properties = ["split": .string]
        })
    let schemaType = try store.putArtifactType(.with { $0.name = "Schema" })
    let validationType = try store.putExecutionType(.with { $0.name = "Data Validation" })
    let experimentType = try store.putContextType(.with { $0.name = "Experiment" })

    let dataSet = Artifact.with {
        $0.typeID = dataSetType
        $0.uri = "data/train.csv"
        $0.properties["split"] = .with { $0.stringValue = "train" }
    }
    let schema = Artifact.with {
        $0.typeID = schemaType; $0.uri = "schema.pbtxt"
    }
    let recorded = try store.putExecution(
        .with {
            $0.typeID = validationType; $0.lastKnownState = .complete
        },
        artifactsAndEvents: [
            (artifact: dataSet, event: .with { $0.type = .declaredInput }),
            (artifact: schema, event: .with { $0.type = .declaredOutput }),
        ],
        contexts: [
            .with {
                $0.typeID = experimentType; $0.name = "first try"
            }
        ])

    let schemaID = recorded.artifactIDs[1]
    let producers = try store.getEvents(artifactIDs: [schemaID]).filter { $0.type == .declaredOutput }.map(\.executionID)
    let inputs = try store.getEvents(executionIDs: producers).filter { $0.type == .declaredInput }.map(\.artifactID)
    let sources = try store.getArtifactsByID(inputs)

    #expect([dataSetType, schemaType, validationType, experimentType] == [10, 11, 12, 13])
    #expect(recorded.executionID == 1 && recorded.artifactIDs == [1, 2] && recorded.contextIDs == [1])
    #expect(sources.map(\.uri) == ["data/train.csv"])
    #expect(try store.getArtifactsByContext(recorded.contextIDs[0]).map(\.id) == [1, 2])
}
