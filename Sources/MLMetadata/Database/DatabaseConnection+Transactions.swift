// The steps of a store call's transaction that every database shares; how it begins differs.
package extension DatabaseConnection {
    /// Runs `body` in the transaction the caller just began, then commits; on any error, rolls
    /// back. A database failure reaches the caller as its store error.
    func committing<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        do {
            let result = try body(self)
            resetStatements()
            try execute("COMMIT")
            return result
        } catch {
            resetStatements()
            if isInTransaction { try? execute("ROLLBACK") }
            if let failure = error as? DatabaseFailure { throw failure.storeError }
            throw error
        }
    }

    /// A call made inside a transaction that is already open (`MetadataStore.atomically`): a
    /// savepoint, so that a failed call still leaves nothing behind, while only the outer
    /// transaction commits.
    func inSavepoint<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        do {
            try execute("SAVEPOINT mlmd_call")
            do {
                let result = try body(self)
                try execute("RELEASE SAVEPOINT mlmd_call")
                return result
            } catch {
                try? execute("ROLLBACK TO SAVEPOINT mlmd_call")
                try? execute("RELEASE SAVEPOINT mlmd_call")
                throw error
            }
        } catch let failure as DatabaseFailure {
            throw failure.storeError
        }
    }
}
