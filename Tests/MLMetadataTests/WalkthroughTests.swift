import MLMDProtos
import MLMetadata
import Testing

/// The ML Metadata walkthrough on every backend: register types, record a data set, run data
/// validation that infers a schema, link them with events in an experiment context, then trace
/// the schema back to the data set it came from.
@Suite struct WalkthroughTests {
    @Test(arguments: StoreBackend.allCases)
    func theSchemaTracesBackToItsDataSet(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let dataSetType = try store.putArtifactType(
            .with {
                $0.name = "DataSet"; $0.properties = ["day": .int, "split": .string]
            })
        let schemaType = try store.putArtifactType(
            .with {
                $0.name = "Schema"; $0.properties = ["version": .int]
            })
        let validationType = try store.putExecutionType(
            .with {
                $0.name = "Data Validation"; $0.properties = ["state": .string]
            })
        let experimentType = try store.putContextType(
            .with {
                $0.name = "Experiment"; $0.properties = ["note": .string]
            })

        let dataSet = Artifact.with {
            $0.typeID = dataSetType
            $0.uri = "data/chicago_taxi/data.csv"
            $0.properties = ["day": .with { $0.intValue = 1 }, "split": .with { $0.stringValue = "train" }]
        }
        let schema = Artifact.with {
            $0.typeID = schemaType
            $0.uri = "schema.pbtxt"
            $0.properties["version"] = .with { $0.intValue = 1 }
        }
        let run = try store.putExecution(
            .with {
                $0.typeID = validationType; $0.properties["state"] = .with { $0.stringValue = "COMPLETED" }
            },
            artifactsAndEvents: [(dataSet, .with { $0.type = .declaredInput }), (schema, .with { $0.type = .declaredOutput })],
            contexts: [
                .with {
                    $0.typeID = experimentType; $0.name = "exp1"; $0.properties["note"] = .with { $0.stringValue = "first run" }
                }
            ])
        #expect(run.executionID == 1 && run.artifactIDs == [1, 2] && run.contextIDs == [1])

        // Trace the schema back: its producing execution, then that execution's inputs.
        let schemaID = run.artifactIDs[1]
        let producers = try store.getEvents(artifactIDs: [schemaID]).filter { $0.type == .declaredOutput }.map(\.executionID)
        let inputs = try store.getEvents(executionIDs: producers).filter { $0.type == .declaredInput }.map(\.artifactID)
        let sources = try store.getArtifactsByID(inputs)
        #expect(sources.map(\.uri) == ["data/chicago_taxi/data.csv"])
        #expect(sources.first?.type == "DataSet")
        #expect(try store.getContextsByArtifact(schemaID).map(\.name) == ["exp1"])
        #expect(try store.getArtifactsByContext(1).map(\.id) == [1, 2])
    }
}
