import MLMDProtos
import MLMDWeb
import MLMetadata

/// A store in memory with the pages over it, and helpers to fill it.
struct WebStoreFixture {
    let store: MetadataStore
    let web: WebInterface

    init() throws {
        var config = ConnectionConfig()
        config.fakeDatabase = FakeDatabaseConfig()
        store = try MetadataStore(config: config)
        web = WebInterface(store: store, storeName: "memory:")
    }

    /// The page at `path` (with `query`), its status and body as text.
    func get(_ path: String, _ query: String? = nil) async -> (status: Int, body: String, response: WebResponse) {
        let response = await web.respond(to: WebRequest(path: path, query: query))
        return (response.status, String(decoding: response.body, as: UTF8.self), response)
    }

    func artifactType(_ name: String, properties: [String: PropertyType] = [:]) throws -> Int64 {
        try store.putArtifactType(
            .with {
                $0.artifactType = .with {
                    $0.name = name
                    for (key, value) in properties { $0.properties[key] = value }
                }
            }
        ).typeID
    }

    func executionType(_ name: String) throws -> Int64 {
        try store.putExecutionType(.with { $0.executionType = .with { $0.name = name } }).typeID
    }

    func artifacts(_ artifacts: [Artifact]) throws -> [Int64] {
        try store.putArtifacts(.with { $0.artifacts = artifacts }).artifactIDs
    }

    func executions(_ executions: [Execution]) throws -> [Int64] {
        try store.putExecutions(.with { $0.executions = executions }).executionIDs
    }

    func events(_ events: [(artifact: Int64, execution: Int64, type: Event.TypeEnum)]) throws {
        _ = try store.putEvents(
            .with {
                $0.events = events.map { event in
                    .with {
                        $0.artifactID = event.artifact
                        $0.executionID = event.execution
                        $0.type = event.type
                    }
                }
            })
    }
}
