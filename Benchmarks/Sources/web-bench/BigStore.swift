import Foundation
import MLMDProtos
import MLMetadata

/// A store of `artifacts` artifacts shaped like a pipeline's: every tenth artifact's worth of work
/// is one execution, which reads five raw files and one output of each of five earlier runs
/// (1, 3, 7, 15 and 31 runs back) and writes five artifacts; a context groups each 100 runs and
/// their artifacts. A node's upstream lineage doubles every other hop, so a drawing of 6 hops reaches the
/// 300-node budget.
enum BigStore {
    static let artifactTypes = ["RawFile", "Examples", "Model"]

    static func make(at path: String, artifacts: Int) throws -> MetadataStore {
        let exists = FileManager.default.fileExists(atPath: path)
        var config = ConnectionConfig()
        config.sqlite = .with { $0.filenameURI = path }
        let store = try MetadataStore(config: config)
        if exists { return store }
        let clock = ContinuousClock.now
        let types = try artifactTypes.map { name in
            try store.putArtifactType(
                .with {
                    $0.artifactType = .with {
                        $0.name = name
                        $0.properties["span"] = .int
                        $0.properties["split"] = .string
                    }
                }
            ).typeID
        }
        let run = try store.putExecutionType(
            .with {
                $0.executionType = .with {
                    $0.name = "Trainer"; $0.properties["state"] = .string
                }
            }
        )
        .typeID
        let group = try store.putContextType(.with { $0.contextType = .with { $0.name = "PipelineRun" } }).typeID
        let executions = artifacts / 10
        let batch = 100  // executions per transaction: 1,000 artifacts
        for first in stride(from: 0, to: executions, by: batch) {
            let last = min(first + batch, executions)
            try store.atomically {
                var nodes: [Artifact] = []
                for execution in first..<last {
                    for slot in 0..<10 {
                        let raw = slot < 5
                        let number = execution * 10 + slot
                        nodes.append(
                            .with {
                                $0.typeID = raw ? types[0] : types[slot % 2 == 0 ? 1 : 2]
                                $0.uri = "gs://bucket/pipeline/\(raw ? "raw" : "out")/\(number)"
                                $0.name = "\(raw ? "raw" : "out")-\(number)"
                                $0.properties["span"] = .with { $0.intValue = Int64(execution) }
                                $0.properties["split"] = .with { $0.stringValue = slot % 3 == 0 ? "eval" : "train" }
                            })
                    }
                }
                let artifactIDs = try store.putArtifacts(.with { $0.artifacts = nodes }).artifactIDs
                let executionIDs = try store.putExecutions(
                    .with {
                        $0.executions = (first..<last).map { number in
                            .with {
                                $0.typeID = run
                                $0.name = "run-\(number)"
                                $0.lastKnownState = .complete
                            }
                        }
                    }
                ).executionIDs
                var events: [Event] = []
                for (offset, execution) in (first..<last).enumerated() {
                    let executionID = executionIDs[offset]
                    // Ids are dense and in order: artifact number n has id n + 1, execution n id n + 1.
                    for slot in 0..<10 {
                        events.append(
                            .with {
                                $0.artifactID = artifactIDs[offset * 10 + slot]
                                $0.executionID = executionID
                                $0.type = slot < 5 ? .input : .output
                            })
                    }
                    for back in [1, 3, 7, 15, 31] where execution - back >= 0 {
                        let earlier = execution - back
                        events.append(
                            .with {
                                $0.artifactID = Int64(earlier * 10 + 5 + back % 5 + 1)
                                $0.executionID = executionID
                                $0.type = .input
                            })
                    }
                }
                _ = try store.putEvents(.with { $0.events = events })
                let contextID = try store.putContexts(
                    .with {
                        $0.contexts = [
                            .with {
                                $0.typeID = group; $0.name = "pipeline-run-\(first / batch)"
                            }
                        ]
                    }
                ).contextIDs[0]
                _ = try store.putAttributionsAndAssociations(
                    .with {
                        $0.attributions = artifactIDs.map { id in
                            .with {
                                $0.artifactID = id; $0.contextID = contextID
                            }
                        }
                        $0.associations = executionIDs.map { id in
                            .with {
                                $0.executionID = id; $0.contextID = contextID
                            }
                        }
                    })
            }
        }
        report("made \(path): \(artifacts) artifacts, \(executions) executions in \(ContinuousClock.now - clock)")
        return store
    }
}
