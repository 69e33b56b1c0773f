/// The rows one purge batch removes: the nodes the filter chose, the members that go with
/// contexts, and every row that refers to one of them.
struct PurgeRows: Sendable {
    var artifacts: [Int64] = []
    var executions: [Int64] = []
    var contexts: [Int64] = []
    var events: Set<Int64> = []
    var attributions: Set<Int64> = []
    var associations: Set<Int64> = []
    var parentLinks: Set<ParentLink> = []
}

/// A row of `ParentContext`, which has no id of its own.
struct ParentLink: Hashable, Sendable {
    var child: Int64
    var parent: Int64
}

/// What a dry run has counted so far. Its batches delete nothing, so a row that hangs on nodes
/// of two batches (an event between an artifact of each, a member of two chosen contexts) turns
/// up in both and must be counted once.
struct PurgeRowsSeen: Sendable {
    private var artifacts: Set<Int64> = []
    private var executions: Set<Int64> = []
    private var contexts: Set<Int64> = []
    private var events: Set<Int64> = []
    private var attributions: Set<Int64> = []
    private var associations: Set<Int64> = []
    private var parentLinks: Set<ParentLink> = []

    /// `rows` without what was counted before; remembers them.
    mutating func unseen(_ rows: PurgeRows) -> PurgeRows {
        PurgeRows(
            artifacts: rows.artifacts.filter { artifacts.insert($0).inserted },
            executions: rows.executions.filter { executions.insert($0).inserted },
            contexts: rows.contexts.filter { contexts.insert($0).inserted },
            events: rows.events.filter { events.insert($0).inserted },
            attributions: rows.attributions.filter { attributions.insert($0).inserted },
            associations: rows.associations.filter { associations.insert($0).inserted },
            parentLinks: rows.parentLinks.filter { parentLinks.insert($0).inserted })
    }
}
