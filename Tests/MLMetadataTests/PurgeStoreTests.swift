import MLMDProtos
import MLMetadata
import Testing

/// Purging on every backend: what goes with each kind of node, dry runs, batches, and purges
/// resumed after an interruption. On the backends with a database to read, every test also
/// checks that no row is left pointing at a missing node.
@Suite struct PurgeStoreTests {
    /// Pipeline runs 1 and 2 (contexts 1, 2) are children of pipeline 3. Artifacts: 1 only in run
    /// 1, 2 in both runs, 3 only in run 2, 4 in none; split eval for 2 and 3. Executions: 1 in
    /// run 1, 2 in run 2. Events: e1 writes a1 (with a path), e1 reads a2, e2 reads a2, e2 writes
    /// a3, e2 reads a4.
    struct Fixture {
        let store: MetadataStore
        /// The same database for raw SQL; nil for a store in memory.
        let database: MigrationDatabase?

        init(_ backend: StoreBackend) throws {
            if backend == .inMemory {
                store = try backend.makeStore()
                database = nil
            } else {
                let database = MigrationDatabase.new(backend)
                store = try database.store()
                self.database = database
            }
            let dataSet = try store.putArtifactType(
                .with {
                    $0.name = "DataSet"; $0.properties = ["split": .string]
                })
            let trainer = try store.putExecutionType(.with { $0.name = "Trainer" })
            let run = try store.putContextType(.with { $0.name = "PipelineRun" })
            let pipeline = try store.putContextType(.with { $0.name = "Pipeline" })
            _ = try store.putArtifacts(
                ["train", "eval", "eval", "train"].enumerated().map { index, split in
                    .with {
                        $0.typeID = dataSet; $0.uri = "/data/\(index + 1)"; $0.properties = ["split": .with { $0.stringValue = split }]
                    }
                })
            _ = try store.putExecutions(
                ["e1", "e2"].map { name in
                    .with {
                        $0.typeID = trainer; $0.name = name
                    }
                })
            _ = try store.putContexts(
                [(run, "run-1"), (run, "run-2"), (pipeline, "pipeline")].map { type, name in
                    .with {
                        $0.typeID = type; $0.name = name
                    }
                })
            try store.putEvents([
                Self.event(artifact: 1, execution: 1, .output, path: true), Self.event(artifact: 2, execution: 1, .input),
                Self.event(artifact: 2, execution: 2, .input), Self.event(artifact: 3, execution: 2, .output),
                Self.event(artifact: 4, execution: 2, .input),
            ])
            _ = try store.putAttributionsAndAssociations(
                .with {
                    $0.attributions = [(1, 1), (1, 2), (2, 2), (2, 3)].map { (context: Int64, artifact: Int64) in
                        .with {
                            $0.contextID = context; $0.artifactID = artifact
                        }
                    }
                    $0.associations = [(1, 1), (2, 2)].map { (context: Int64, execution: Int64) in
                        .with {
                            $0.contextID = context; $0.executionID = execution
                        }
                    }
                })
            _ = try store.putParentContexts(
                .with {
                    $0.parentContexts = [(1, 3), (2, 3)].map { (child: Int64, parent: Int64) in
                        .with {
                            $0.childID = child; $0.parentID = parent
                        }
                    }
                })
        }

        static func event(artifact: Int64, execution: Int64, _ type: Event.TypeEnum, path: Bool = false) -> Event {
            .with {
                $0.artifactID = artifact; $0.executionID = execution; $0.type = type; $0.millisecondsSinceEpoch = 1_700_000_000_000
                if path { $0.path.steps = [.with { $0.key = "out" }, .with { $0.index = 0 }] }
            }
        }

        /// Artifacts, executions and contexts by id, and every event and relation, as one text.
        func records() throws -> String {
            let artifacts = try store.getArtifacts().map(\.id)
            let executions = try store.getExecutions().map(\.id)
            let contexts = try store.getContexts().map(\.id)
            var lines = ["artifacts \(artifacts)", "executions \(executions)", "contexts \(contexts)"]
            for event in try store.getEvents(executionIDs: executions) {
                lines.append("event a\(event.artifactID) e\(event.executionID) \(event.type.protoName) steps \(event.path.steps.count)")
            }
            for context in contexts {
                let artifacts = try store.getArtifactsByContext(context).map(\.id)
                let executions = try store.getExecutionsByContext(context).map(\.id)
                let parents = try store.getParentContextsByContext(.with { $0.contextID = context }).contexts.map(\.id)
                lines.append("context \(context): artifacts \(artifacts), executions \(executions), parents \(parents)")
            }
            return lines.joined(separator: "\n")
        }

        /// Rows that point at a missing row, by table; empty for a consistent store.
        func danglingRows() throws -> [String: Int64] {
            guard let database else { return [:] }
            return try DanglingReferences.count(on: database.connection())
        }
    }

    static func counts(
        artifacts: Int64 = 0, executions: Int64 = 0, contexts: Int64 = 0, events: Int64 = 0, attributions: Int64 = 0,
        associations: Int64 = 0, parentLinks: Int64 = 0
    ) -> PurgeCounts {
        .with {
            $0.artifacts = artifacts; $0.executions = executions; $0.contexts = contexts; $0.events = events
            $0.attributions = attributions; $0.associations = associations; $0.parentLinks = parentLinks
        }
    }

    static func response(dryRun: Bool, _ counts: PurgeCounts, sample: [Int64]) -> PurgeResponse {
        .with {
            $0.dryRun = dryRun; $0.counts = counts; $0.sampleIDs = sample
        }
    }

    /// One purge of the fixture: the request (dry run or not), what it counts, its sample, and
    /// what the store holds after it.
    struct PurgeCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var purge: @Sendable (MetadataStore, _ dryRun: Bool) throws -> PurgeResponse
        var counts: PurgeCounts
        var sample: [Int64]
        var remaining: String
    }

    static let cases = [
        PurgeCase(
            testDescription: "an artifact goes with its properties, events and attributions",
            purge: { store, dryRun in
                try store.purgeArtifacts(
                    .with {
                        $0.filterQuery = "properties.split.string_value = 'eval'"; $0.dryRun = dryRun
                    })
            },
            counts: counts(artifacts: 2, events: 3, attributions: 3), sample: [2, 3],
            remaining: """
                artifacts [1, 4]
                executions [1, 2]
                contexts [1, 2, 3]
                event a1 e1 OUTPUT steps 2
                event a4 e2 INPUT steps 0
                context 1: artifacts [1], executions [1], parents [3]
                context 2: artifacts [], executions [2], parents [3]
                context 3: artifacts [], executions [], parents []
                """),
        PurgeCase(
            testDescription: "an execution goes with its properties, events and associations",
            purge: { store, dryRun in
                try store.purgeExecutions(
                    .with {
                        $0.filterQuery = "name = 'e2'"; $0.dryRun = dryRun
                    })
            },
            counts: counts(executions: 1, events: 3, associations: 1), sample: [2],
            remaining: """
                artifacts [1, 2, 3, 4]
                executions [1]
                contexts [1, 2, 3]
                event a1 e1 OUTPUT steps 2
                event a2 e1 INPUT steps 0
                context 1: artifacts [1, 2], executions [1], parents [3]
                context 2: artifacts [2, 3], executions [], parents [3]
                context 3: artifacts [], executions [], parents []
                """),
        PurgeCase(
            testDescription: "a context goes with its relations and leaves its members",
            purge: { store, dryRun in
                try store.purgeContexts(
                    .with {
                        $0.filterQuery = "name = 'run-1'"; $0.dryRun = dryRun
                    })
            },
            counts: counts(contexts: 1, attributions: 2, associations: 1, parentLinks: 1), sample: [1],
            remaining: """
                artifacts [1, 2, 3, 4]
                executions [1, 2]
                contexts [2, 3]
                event a1 e1 OUTPUT steps 2
                event a2 e1 INPUT steps 0
                event a2 e2 INPUT steps 0
                event a3 e2 OUTPUT steps 0
                event a4 e2 INPUT steps 0
                context 2: artifacts [2, 3], executions [2], parents [3]
                context 3: artifacts [], executions [], parents []
                """),
        // Run 1 takes artifact 1 and execution 1, which only it has; artifact 2 stays with run 2.
        PurgeCase(
            testDescription: "a context with members takes what no kept context has",
            purge: { store, dryRun in
                try store.purgeContexts(
                    .with {
                        $0.filterQuery = "name = 'run-1'"; $0.dryRun = dryRun; $0.includeMembers = true
                    })
            },
            counts: counts(artifacts: 1, executions: 1, contexts: 1, events: 2, attributions: 2, associations: 1, parentLinks: 1),
            sample: [1],
            remaining: """
                artifacts [2, 3, 4]
                executions [2]
                contexts [2, 3]
                event a2 e2 INPUT steps 0
                event a3 e2 OUTPUT steps 0
                event a4 e2 INPUT steps 0
                context 2: artifacts [2, 3], executions [2], parents [3]
                context 3: artifacts [], executions [], parents []
                """),
        // Both runs in batches of one: artifact 2, in both, goes with the first and is counted
        // once, in the dry run too, as are the events between nodes of different batches.
        PurgeCase(
            testDescription: "members shared across batches are counted once",
            purge: { store, dryRun in
                try store.purgeContexts(
                    .with {
                        $0.filterQuery = "type = 'PipelineRun'"; $0.dryRun = dryRun; $0.includeMembers = true; $0.batchSize = 1
                    })
            },
            counts: counts(artifacts: 3, executions: 2, contexts: 2, events: 5, attributions: 4, associations: 2, parentLinks: 2),
            sample: [1, 2],
            remaining: """
                artifacts [4]
                executions []
                contexts [3]
                context 3: artifacts [], executions [], parents []
                """),
    ]

    /// The dry run counts and changes nothing (row for row where there is a database); the purge
    /// deletes what it counted, leaves no row pointing at a missing one, and a second run finds
    /// nothing.
    @Test(arguments: StoreBackend.allCases, cases)
    func aPurgeDeletesWhatItsDryRunCounts(_ backend: StoreBackend, _ purgeCase: PurgeCase) throws {
        let fixture = try Fixture(backend)
        let before = try fixture.records()
        let dump = try fixture.database?.dump()
        let expected = Self.response(dryRun: true, purgeCase.counts, sample: purgeCase.sample)
        #expect(try purgeCase.purge(fixture.store, true) == expected)
        #expect(try fixture.records() == before)
        if let dump { #expect(try fixture.database?.dump() == dump, "the dry run changed the database") }
        #expect(try purgeCase.purge(fixture.store, false) == Self.response(dryRun: false, purgeCase.counts, sample: purgeCase.sample))
        #expect(try fixture.records() == purgeCase.remaining)
        #expect(try fixture.danglingRows() == [:])
        #expect(try purgeCase.purge(fixture.store, false) == Self.response(dryRun: false, Self.counts(), sample: []))
    }

    /// A purge stopped after its first batch leaves a consistent store, and the same request
    /// finishes it.
    @Test(arguments: StoreBackend.allCases)
    func anInterruptedPurgeIsFinishedByRunningItAgain(_ backend: StoreBackend) throws {
        let fixture = try Fixture(backend)
        let request = PurgeArtifactsRequest.with {
            $0.filterQuery = "id <= 3"; $0.dryRun = false; $0.batchSize = 2
        }
        var stopped = try PurgeOperation(request)
        try fixture.store.purgeNextBatch(&stopped)
        #expect(!stopped.isFinished)
        #expect(stopped.response == Self.response(dryRun: false, Self.counts(artifacts: 2, events: 3, attributions: 3), sample: [1, 2]))
        #expect(try fixture.danglingRows() == [:])
        #expect(try fixture.store.getArtifacts().map(\.id) == [3, 4])
        let rest = try fixture.store.purgeArtifacts(request)
        #expect(rest == Self.response(dryRun: false, Self.counts(artifacts: 1, events: 1, attributions: 1), sample: [3]))
        #expect(try fixture.store.getArtifacts().map(\.id) == [4])
        #expect(try fixture.danglingRows() == [:])
    }

    @Test(arguments: StoreBackend.allCases)
    func progressHearsEachBatch(_ backend: StoreBackend) throws {
        let fixture = try Fixture(backend)
        var seen: [Int64] = []
        _ = try fixture.store.purgeArtifacts(
            .with {
                $0.filterQuery = "id > 0"; $0.batchSize = 3
            }
        ) { seen.append($0.counts.artifacts) }
        #expect(seen == [3, 4, 4])
    }

    @Test(arguments: StoreBackend.allCases)
    func compactingAfterAPurgeKeepsWhatIsLeft(_ backend: StoreBackend) throws {
        let fixture = try Fixture(backend)
        _ = try fixture.store.purgeArtifacts(
            .with {
                $0.filterQuery = "id = 1"; $0.dryRun = false; $0.compact = true
            })
        #expect(try fixture.store.getArtifacts().map(\.id) == [2, 3, 4])
        #expect(try fixture.danglingRows() == [:])
    }

    @Test func badRequestsAreRefusedBeforeAnythingIsRead() throws {
        let store = try StoreBackend.inMemory.makeStore()
        expectStoreError(
            .invalidArgument, message: "a purge needs a filter_query that chooses what to delete (every artifact: `id > 0`)"
        ) { try store.purgeArtifacts(.with { $0.dryRun = false }) }
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: expected a value, found end of query at offset 8") {
            try store.purgeArtifacts(.with { $0.filterQuery = "uri LIKE" })
        }
        expectStoreError(.invalidArgument, message: "batch_size must be between 1 and 100000, or 0 for the default; it is -1") {
            try store.purgeExecutions(
                .with {
                    $0.filterQuery = "id > 0"; $0.batchSize = -1
                })
        }
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: unknown name uri at offset 0") {
            try store.purgeContexts(.with { $0.filterQuery = "uri = 'x'" })
        }
        expectStoreError(.failedPrecondition, message: "this cannot run inside `atomically`, whose transaction is open") {
            try store.atomically { try store.compact() }
        }
    }

    /// The purge example in README.md, kept compiling and true.
    @Test func readmePurgeExampleWorks() throws {
        let store = try StoreBackend.inMemory.makeStore()
        let type = try store.putArtifactType(.with { $0.name = "DataSet" })
        _ = try store.putArtifacts(
            ["gs://scratch/a", "gs://kept/b"].map { uri in
                .with {
                    $0.typeID = type; $0.uri = uri
                }
            })
        let response = try store.purgeArtifacts(
            .with {
                $0.filterQuery = "uri LIKE 'gs://scratch/%'"
                $0.dryRun = false
            })
        #expect(response.counts.artifacts == 1 && response.counts.events == 0)
        #expect(try store.getArtifacts().map(\.uri) == ["gs://kept/b"])
    }

    @Test func aRequestIsADryRunUnlessItSaysOtherwise() {
        #expect(PurgeArtifactsRequest().dryRun && PurgeExecutionsRequest().dryRun && PurgeContextsRequest().dryRun)
    }
}
