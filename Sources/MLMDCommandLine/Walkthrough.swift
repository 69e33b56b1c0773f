import Foundation
import MLMDProtos
import MLMetadata
import ProtoWire
import TFMetadataProtos

/// The story `mlmd demo` tells, step by step, each record printed as the store keeps it:
/// register types, record the data set, run data validation (which infers the schema), record
/// the schema and the events that link it all, group it in an experiment, and finally answer
/// "which data set produced this schema?" by walking the events back.
struct Walkthrough {
    let store: MetadataStore
    let folder: DemoFolder
    private var step = 0

    init(store: MetadataStore, folder: DemoFolder) {
        self.store = store
        self.folder = folder
    }

    mutating func run() throws {
        say("ML Metadata walkthrough on the Chicago taxi trips, in the store \(folder.storePath)")

        heading("Register the artifact type DataSet")
        let dataSetTypeID = try store.putArtifactType(
            .with {
                $0.name = "DataSet"
                $0.properties = ["name": .string, "split": .string, "version": .int]
            })
        show("artifact type", try store.getArtifactType(named: "DataSet"))

        heading("Register the artifact type Schema")
        let schemaTypeID = try store.putArtifactType(
            .with {
                $0.name = "Schema"; $0.properties = ["name": .string, "version": .int]
            })
        show("artifact type", try store.getArtifactType(named: "Schema"))

        heading("Register the execution type Data Validation")
        let validationTypeID = try store.putExecutionType(
            .with {
                $0.name = "Data Validation"; $0.properties = ["state": .string]
            })
        show("execution type", try store.getExecutionType(named: "Data Validation"))

        heading("Record the training split as a DataSet artifact")
        let dataSetID = try store.putArtifacts([
            .with {
                $0.typeID = dataSetTypeID
                $0.uri = folder.dataPath
                $0.properties = ["name": .string("Chicago Taxi dataset"), "split": .string("train"), "version": .int(1)]
            }
        ])[0]
        show("artifact", try store.getArtifactsByID([dataSetID])[0])

        heading("Start data validation: an execution in state RUNNING, and its DECLARED_INPUT event")
        let executionID = try store.putExecutions([
            .with {
                $0.typeID = validationTypeID
                $0.properties = ["state": .string("RUNNING")]
            }
        ])[0]
        try store.putEvents([
            .with {
                $0.artifactID = dataSetID; $0.executionID = executionID; $0.type = .declaredInput
            }
        ])
        show("execution", try store.getExecutionsByID([executionID])[0])
        show("event", try store.getEvents(executionIDs: [executionID])[0])

        heading("Infer the schema from the data, as TensorFlow Data Validation does")
        let features = try inferSchema()
        say("\(features.count) features, written to \(folder.schemaPath):")
        say(features.map { "  \($0.name): \($0.type)" }.joined(separator: "\n"))

        heading("Record the schema as a Schema artifact, and its DECLARED_OUTPUT event")
        let schemaID = try store.putArtifacts([
            .with {
                $0.typeID = schemaTypeID
                $0.uri = folder.schemaPath
                $0.properties = ["name": .string("Chicago Taxi Schema"), "version": .int(1)]
            }
        ])[0]
        try store.putEvents([
            .with {
                $0.artifactID = schemaID; $0.executionID = executionID; $0.type = .declaredOutput
            }
        ])
        show("artifact", try store.getArtifactsByID([schemaID])[0])
        show("event", try store.getEvents(artifactIDs: [schemaID])[0])

        heading("Data validation is done: mark the execution COMPLETED")
        _ = try store.putExecutions([
            .with {
                $0.id = executionID
                $0.typeID = validationTypeID
                $0.properties = ["state": .string("COMPLETED")]
            }
        ])
        show("execution", try store.getExecutionsByID([executionID])[0])

        heading("Group them in an experiment: the context type Experiment and the context Demo")
        let experimentTypeID = try store.putContextType(
            .with {
                $0.name = "Experiment"; $0.properties = ["note": .string]
            })
        show("context type", try store.getContextType(named: "Experiment"))
        let contextID = try store.putContexts([
            .with {
                $0.typeID = experimentTypeID
                $0.name = "Demo"
                $0.properties = ["note": .string("Walkthrough of metadata")]
            }
        ])[0]
        show("context", try store.getContextsByID([contextID])[0])

        heading("Attribute the schema to Demo and associate the execution with it")
        _ = try store.putAttributionsAndAssociations(
            .with {
                $0.attributions = [
                    .with {
                        $0.artifactID = schemaID; $0.contextID = contextID
                    }
                ]
                $0.associations = [
                    .with {
                        $0.executionID = executionID; $0.contextID = contextID
                    }
                ]
            })
        say("artifacts in Demo: \(try store.getArtifactsByContext(contextID).map(\.id))")
        say("executions in Demo: \(try store.getExecutionsByContext(contextID).map(\.id))")

        heading("Which data set produced this schema?")
        try traceBack(schemaID)
    }

    /// Follows the schema's DECLARED_OUTPUT event to the execution that made it, then that
    /// execution's DECLARED_INPUT events to the data it read.
    private func traceBack(_ schemaID: Int64) throws {
        let producers = try store.getEvents(artifactIDs: [schemaID]).filter { $0.type == .declaredOutput }.map(\.executionID)
        say("schema \(schemaID) is the DECLARED_OUTPUT of execution \(producers.map(String.init).joined(separator: ", "))")
        let inputs = try store.getEvents(executionIDs: producers).filter { $0.type == .declaredInput }.map(\.artifactID)
        say("which read, as DECLARED_INPUT, artifact \(inputs.map(String.init).joined(separator: ", ")):")
        for dataSet in try store.getArtifactsByID(inputs) { show("artifact", dataSet) }
        say("Answer: the schema at \(folder.schemaPath) came from the data set at \(folder.dataPath).")
    }

    /// Infers the schema of the copied data, as `mlmd infer-schema` does, and writes schema.pbtxt.
    private func inferSchema() throws -> [(name: String, type: String)] {
        // No progress line: it would cut into the story printed on standard output.
        let (_, schema) = try MLMDCommand.InferSchema.infer(csvAt: folder.dataPath, showingProgress: false)
        try StandardStreams.writeFile(Array(schema.textFormatString().utf8), to: folder.schemaPath)
        return schema.feature.map { ($0.name, $0.type.protoName) }
    }

    private mutating func heading(_ title: String) {
        step += 1
        say("\n\(step). \(title)")
    }

    private func show<M: ProtoMessage>(_ label: String, _ record: M) {
        let text = record.textFormatString().split(separator: "\n").map { "  \($0)" }.joined(separator: "\n")
        say("\(label):\n\(text)")
    }

    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

extension Value {
    static func string(_ value: String) -> Value { .with { $0.stringValue = value } }
    static func int(_ value: Int64) -> Value { .with { $0.intValue = value } }
}
