import MLMDProtos

// ml-metadata stamps every node it writes with the time of the call; a restored dump keeps the
// times it was exported with instead.
extension MetadataStore {
    /// Sets the stored artifacts' creation and last-update times to those of `artifacts`, matched
    /// by id; a time left unset keeps the stored one. For restoring a dump (`mlmd import`), where
    /// the records should keep the times they were first written at.
    ///
    /// - Throws: NOT_FOUND for an id the store does not hold; nothing is changed then.
    public func restoreTimes(_ artifacts: [Artifact]) throws { try restoreNodeTimes(artifacts) }

    /// Sets the stored executions' times to those of `executions`; as `restoreTimes(_: [Artifact])`.
    public func restoreTimes(_ executions: [Execution]) throws { try restoreNodeTimes(executions) }

    /// Sets the stored contexts' times to those of `contexts`; as `restoreTimes(_: [Artifact])`.
    public func restoreTimes(_ contexts: [Context]) throws { try restoreNodeTimes(contexts) }

    private func restoreNodeTimes<Node: StoredNode>(_ nodes: [Node]) throws {
        let timed = nodes.filter { $0.hasCreateTimeSinceEpoch || $0.hasLastUpdateTimeSinceEpoch }
        guard !timed.isEmpty else { return }
        try transaction(writing: true) { access in
            let connection = access.connection
            // RETURNING says whether the row was there, without a lookup of its own; MySQL has
            // no UPDATE … RETURNING, so there the row is looked up first.
            let returning = connection.dialect != .mysql
            let update = try connection.statement(
                """
                UPDATE "\(Node.storage.table)" SET "create_time_since_epoch" = COALESCE(?, "create_time_since_epoch"), \
                "last_update_time_since_epoch" = COALESCE(?, "last_update_time_since_epoch") WHERE "id" = ?\(returning ? #" RETURNING "id""# : "")
                """)
            for node in timed {
                update.reset()
                update.bind([
                    DatabaseValue(node.hasCreateTimeSinceEpoch ? node.createTimeSinceEpoch : nil),
                    DatabaseValue(node.hasLastUpdateTimeSinceEpoch ? node.lastUpdateTimeSinceEpoch : nil),
                    .integer(node.id),
                ])
                let found = returning ? try update.step() : try connection.rowExists(in: Node.storage.table, id: node.id)
                if !returning && found { try update.run() }
                // Done with it now: a statement left on a row keeps a savepoint from being released.
                update.reset()
                guard found else {
                    throw MetadataStoreError(.notFound, "No \(Node.storage.plural) found with id \(node.id)")
                }
            }
        }
    }
}
