import MLMDProtos
import ProtoWire

/// What lists, tables and drawings show of an artifact, execution or context.
struct NodeSummary: Sendable {
    var kind: BrowsedKind
    var id: Int64
    var type: String
    var name: String
    /// An artifact's uri; empty for the others.
    var uri: String
    /// An artifact's state or an execution's last known state; empty for contexts and unset states.
    var state: String
    var createTime: Int64
    var lastUpdateTime: Int64
    /// Properties and custom properties together; a property wins over a custom one of its name.
    var properties: [String: Value]

    init(_ artifact: Artifact) {
        self.init(
            .artifact, artifact.id, artifact.type, artifact.name, artifact.createTimeSinceEpoch, artifact.lastUpdateTimeSinceEpoch,
            artifact.properties, artifact.customProperties)
        uri = artifact.uri
        state = artifact.hasState ? artifact.state.protoName : ""
    }

    init(_ execution: Execution) {
        self.init(
            .execution, execution.id, execution.type, execution.name, execution.createTimeSinceEpoch, execution.lastUpdateTimeSinceEpoch,
            execution.properties, execution.customProperties)
        state = execution.hasLastKnownState ? execution.lastKnownState.protoName : ""
    }

    init(_ context: Context) {
        self.init(
            .context, context.id, context.type, context.name, context.createTimeSinceEpoch, context.lastUpdateTimeSinceEpoch,
            context.properties, context.customProperties)
    }

    private init(
        _ kind: BrowsedKind, _ id: Int64, _ type: String, _ name: String, _ createTime: Int64, _ lastUpdateTime: Int64,
        _ properties: ProtoMap<String, Value>, _ customProperties: ProtoMap<String, Value>
    ) {
        self.kind = kind
        self.id = id
        self.type = type
        self.name = name
        uri = ""
        state = ""
        self.createTime = createTime
        self.lastUpdateTime = lastUpdateTime
        var merged = Dictionary(customProperties.map { ($0.key, $0.value) }) { first, _ in first }
        for (name, value) in properties { merged[name] = value }
        self.properties = merged
    }

    /// `DataSet #3`.
    var label: String { "\(type) #\(id)" }

    /// The link to its page, with its name (or uri, or `kind id`) as text.
    var link: HTML {
        let text = name.isEmpty ? (uri.isEmpty ? "\(kind.rawValue) \(id)" : uri) : name
        return "<a href=\"\(kind.path(id))\">\(text)</a>"
    }
}
