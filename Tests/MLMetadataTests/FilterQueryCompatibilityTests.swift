import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// `filter_query` against the real ml-metadata: a store written by ours, then every query listed by
/// both implementations on the same file must give the same ids (or both refuse it).
@Suite struct FilterQueryCompatibilityTests {
    /// Artifacts 1–6 (DataSet, Model), executions 1–3, contexts 1–3 with events, links and parents.
    static func makeStore(_ path: String) throws -> MetadataStore {
        let store = try MetadataStore(config: .with { $0.sqlite = .with { $0.filenameURI = path } })
        let dataSet = try store.putArtifactType(
            .with {
                $0.name = "DataSet"; $0.properties = ["day": .int, "split": .string, "ok": .boolean]
            })
        let model = try store.putArtifactType(
            .with {
                $0.name = "Model"; $0.properties = ["accuracy": .double]
            })
        let trainer = try store.putExecutionType(.with { $0.name = "Trainer" })
        let experiment = try store.putContextType(.with { $0.name = "Experiment" })
        let pipeline = try store.putContextType(.with { $0.name = "Pipeline" })
        _ = try store.putArtifacts([
            .with {
                $0.typeID = dataSet; $0.name = "train_1"; $0.uri = "/data/train/1"; $0.state = .live
                $0.properties = [
                    "day": .with { $0.intValue = 1 }, "split": .with { $0.stringValue = "train" }, "ok": .with { $0.boolValue = true },
                ]
            },
            .with {
                $0.typeID = dataSet; $0.name = "train_2"; $0.uri = "/data/train/2"; $0.state = .pending
                $0.properties = ["day": .with { $0.intValue = 2 }, "split": .with { $0.stringValue = "train" }]
            },
            .with {
                $0.typeID = dataSet; $0.name = "eval_1"; $0.uri = "/data/eval/1"; $0.externalID = "e1"
                $0.properties = [
                    "day": .with { $0.intValue = 3 }, "split": .with { $0.stringValue = "eval" }, "ok": .with { $0.boolValue = false },
                ]
                $0.customProperties = ["a:b": .with { $0.intValue = 7 }]
            },
            .with {
                $0.typeID = model; $0.name = "node_21"; $0.uri = "/models/1"; $0.state = .deleted
                $0.properties = ["accuracy": .with { $0.doubleValue = 0.97 }]; $0.customProperties = ["p": .with { $0.intValue = 20 }]
            },
            .with {
                $0.typeID = model; $0.name = "node_22"; $0.state = .markedForDeletion
                $0.properties = ["accuracy": .with { $0.doubleValue = 0.5 }]; $0.customProperties = ["p": .with { $0.intValue = 30 }]
            },
            .with {
                $0.typeID = model; $0.state = .abandoned
            },
        ])
        _ = try store.putExecutions([
            .with {
                $0.typeID = trainer; $0.name = "run_a"; $0.lastKnownState = .complete
            },
            .with {
                $0.typeID = trainer; $0.name = "run_b"; $0.lastKnownState = .failed
            },
            .with { $0.typeID = trainer },
        ])
        _ = try store.putContexts([
            .with {
                $0.typeID = experiment; $0.name = "run"
            },
            .with {
                $0.typeID = pipeline; $0.name = "pipe"
            },
            .with {
                $0.typeID = experiment; $0.name = "other"
            },
        ])
        try store.putEvents([
            .with {
                $0.artifactID = 1; $0.executionID = 1; $0.type = .input
            },
            .with {
                $0.artifactID = 4; $0.executionID = 1; $0.type = .output
            },
            .with {
                $0.artifactID = 3; $0.executionID = 2; $0.type = .internalInput
            },
            .with {
                $0.artifactID = 5; $0.executionID = 2; $0.type = .declaredOutput
            },
        ])
        _ = try store.putAttributionsAndAssociations(
            .with {
                // (artifact, context) and (execution, context) pairs.
                let attributions: [(Int64, Int64)] = [(1, 1), (1, 2), (4, 1), (4, 2), (5, 3)]
                let associations: [(Int64, Int64)] = [(1, 1), (1, 2), (3, 2)]
                $0.attributions = attributions.map { pair in
                    .with {
                        $0.artifactID = pair.0; $0.contextID = pair.1
                    }
                }
                $0.associations = associations.map { pair in
                    .with {
                        $0.executionID = pair.0; $0.contextID = pair.1
                    }
                }
            })
        _ = try store.putParentContexts(
            .with {
                $0.parentContexts = [
                    .with {
                        $0.childID = 1; $0.parentID = 2
                    }
                ]
            })
        return store
    }

    static let artifactQueries = [
        "id IN (1, 3)", "type = 'DataSet' AND name LIKE 'train%'", "uri IS NOT NULL", "uri IS NULL", "external_id IS NULL",
        "state IN (PENDING, LIVE)", "state = DELETED", "state != LIVE", "state NOT IN (LIVE, PENDING)",
        "NOT(create_time_since_epoch < 1 OR last_update_time_since_epoch < 1)", "properties.day.int_value > 1",
        "properties.day.int_value BETWEEN 2 AND 3", "properties.day.int_value NOT BETWEEN 2 AND 3",
        "properties.accuracy.double_value > 0.95", "properties.split.string_value = \"train\"",
        "properties.ok.bool_value = true", "custom_properties.p.int_value < 21 AND name LIKE 'node_2%'",
        "custom_properties.`a:b`.int_value = 7", "contexts_a.name = 'run'", "contexts_a.name = 'run' AND contexts_b.name = 'pipe'",
        "contexts_a.type = 'Experiment' AND contexts_a.name = 'pipe'", "events_0.type IN (INPUT, INTERNAL_INPUT)",
        "events_0.execution_id = 2", "name = 'x' OR (id > 2 AND id <= 4)", "id <> 2", "type_id = 11", "name NOT LIKE '%1'",
        "uri LIKE '/DATA/%'", "id IN (1, 'x')", "bogus = 1", "properties.day.text_value = 1", "id = ",
        "state = ABANDONED", "events_0.type = PENDING_OUTPUT", "name IN ('train_1', 'node_21')",
    ]

    static let executionQueries = [
        "last_known_state = COMPLETE", "last_known_state NOT IN (FAILED, CANCELED)", "contexts_c.name = 'run'",
        "events_e.artifact_id = 4", "events_e.type = OUTPUT", "name IS NULL", "type = 'Trainer' AND id >= 2",
    ]

    static let contextQueries = [
        "parent_contexts_a.id = 2", "child_contexts_a.name = 'run'", "artifacts_a.uri LIKE '/data/%'",
        "artifacts_a.state = LIVE", "executions_e.last_known_state = FAILED", "type = 'Experiment'", "name != 'run'",
    ]

    /// Our ids for a query, over every page, or "ERROR <code>".
    static func ours(_ store: MetadataStore, _ kind: String, _ query: String) -> String {
        do {
            var ids: [Int64] = []
            var token = ""
            repeat {
                let options = ListOperationOptions.with {
                    $0.maxResultSize = 2; $0.filterQuery = query; if !token.isEmpty { $0.nextPageToken = token }
                }
                switch kind {
                case "artifacts":
                    let response = try store.getArtifacts(.with { $0.options = options })
                    (ids, token) = (ids + response.artifacts.map(\.id), response.nextPageToken)
                case "executions":
                    let response = try store.getExecutions(.with { $0.options = options })
                    (ids, token) = (ids + response.executions.map(\.id), response.nextPageToken)
                default:
                    let response = try store.getContexts(.with { $0.options = options })
                    (ids, token) = (ids + response.contexts.map(\.id), response.nextPageToken)
                }
            } while !token.isEmpty
            return ids.sorted().map(String.init).joined(separator: " ")
        } catch let error as MetadataStoreError {
            return "ERROR \(error.code.rawValue)"
        } catch {
            return "ERROR \(error)"
        }
    }

    @Test(
        .enabled(if: Oracle.isAvailable || Oracle.isRequired),
        arguments: [("artifacts", artifactQueries), ("executions", executionQueries), ("contexts", contextQueries)])
    func oursListsWhatMLMetadataLists(_ kind: String, _ queries: [String]) throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        let store = try Self.makeStore(path)
        let theirs = try Oracle.run(script: "mlmd_file_check.py", ["filter", path, kind], input: queries.joined(separator: "\n"))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, query) in queries.enumerated() {
            #expect(Self.ours(store, kind, query) == theirs[index], "\(kind): \(query)")
        }
    }
}
