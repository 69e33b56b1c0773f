import MLMDProtos

/// Reads and writes events (`Event` and `EventPath` rows) inside a transaction. Events are
/// immutable; a path is one `EventPath` row per step, read back in insertion order.
struct EventAccess {
    let connection: any DatabaseConnection
    /// Rows the call already knows exist (`LineageRecorder`'s), not looked up again.
    var known: KnownRows? = nil

    /// Inserts `event` (at `now` unless it carries a time), after ml-metadata's checks.
    ///
    /// - Throws: INVALID_ARGUMENT for a missing id or type, or an artifact or execution that does not
    ///   exist; ALREADY_EXISTS for a second event of the same type between the same two nodes.
    func insert(_ event: Event, now: Int64) throws {
        guard event.hasArtifactID else { throw MetadataStoreError(.invalidArgument, "No artifact id is specified.") }
        guard event.hasExecutionID else { throw MetadataStoreError(.invalidArgument, "No execution id is specified.") }
        guard event.hasType, event.type != .unknown else { throw MetadataStoreError(.invalidArgument, "No event type is specified.") }
        guard try connection.rowExists(in: "Artifact", id: event.artifactID, known: known) else {
            throw MetadataStoreError(.invalidArgument, "No artifact with the given id \(event.artifactID)")
        }
        guard try connection.rowExists(in: "Execution", id: event.executionID, known: known) else {
            throw MetadataStoreError(.invalidArgument, "No execution with the given id \(event.executionID)")
        }
        let eventID: Int64
        do {
            let insert = try connection.statement(
                connection.insertReturningID(
                    """
                    INSERT INTO "Event" ("artifact_id", "execution_id", "type", "milliseconds_since_epoch") VALUES (?, ?, ?, ?)
                    """))
            insert.bind([
                .integer(event.artifactID), .integer(event.executionID), .integer(Int64(event.type.rawValue)),
                .integer(event.hasMillisecondsSinceEpoch ? event.millisecondsSinceEpoch : now),
            ])
            eventID = try connection.insertedIDs(running: insert, rows: 1)[0]
        } catch let failure as DatabaseFailure where failure.isUniqueViolation {
            throw MetadataStoreError(
                .alreadyExists,
                "Given event already exists: artifact_id: \(event.artifactID) execution_id: \(event.executionID) type: \(event.type.protoName)"
            )
        }
        let step = try connection.statement(
            """
            INSERT INTO "EventPath" ("event_id", "is_index_step", "step_index", "step_key") VALUES (?, ?, ?, ?)
            """)
        for pathStep in event.path.steps {
            step.reset()
            switch pathStep.value {
            case .index(let index)?: try step.run([.integer(eventID), .integer(1), .integer(index), .null])
            case .key(let key)?: try step.run([.integer(eventID), .integer(0), .null, .text(key)])
            case nil: try step.run([.integer(eventID), .integer(1), .null, .null])
            }
        }
    }

    /// The events of these executions (`column` "execution_id") or artifacts ("artifact_id"), by event id.
    func find(column: String, ids: [Int64]) throws -> [Event] {
        let events = try connection.statement(
            """
            SELECT "id", "artifact_id", "execution_id", "type", "milliseconds_since_epoch" FROM "Event" WHERE "\(column)" = ?
            """)
        var found: [(id: Int64, event: Event)] = []
        for id in Set(ids) {
            events.reset()
            events.bind([.integer(id)])
            while try events.step() {
                var event = Event()
                event.artifactID = events.int64(1)
                event.executionID = events.int64(2)
                event.type = Event.TypeEnum(rawValue: Int32(truncatingIfNeeded: events.int64(3))) ?? .unknown
                if let time = events.optionalInt64(4) { event.millisecondsSinceEpoch = time }
                found.append((events.int64(0), event))
            }
        }
        // Steps come in the order they were written: EventPath has no id, so by the row's place.
        // InnoDB keeps a table without a primary key in insertion order, and the event_id index
        // lists one event's rows in that order.
        let rowOrder =
            switch connection.dialect {
            case .sqlite: #" ORDER BY "rowid""#
            case .postgresql: " ORDER BY ctid"
            case .mysql: ""
            }
        let steps = try connection.statement(
            """
            SELECT "is_index_step", "step_index", "step_key" FROM "EventPath" WHERE "event_id" = ?\(rowOrder)
            """)
        return try found.sorted { $0.id < $1.id }.map { id, event in
            var event = event
            steps.reset()
            steps.bind([.integer(id)])
            while try steps.step() {
                var step = Event.Path.Step()
                if steps.int64(0) != 0 {
                    if let index = steps.optionalInt64(1) { step.index = index }
                } else {
                    step.key = steps.string(2) ?? ""
                }
                event.path.steps.append(step)
            }
            return event
        }
    }
}
